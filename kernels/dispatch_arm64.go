//go:build !purego

package kernels

// neonChunk is chunkLen rounded down to a multiple of 4 (the NEON kernels'
// unit), and at least 4.
func neonChunk() int {
	return max(chunkLen&^3, 4)
}
