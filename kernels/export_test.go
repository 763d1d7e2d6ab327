package kernels

// SetDispatchForTest sets the shortest vector handed to assembly and the
// chunk length (a negative value keeps the current one), so tests can drive
// the assembly at every length and across chunk boundaries; the returned
// function restores the previous values.
func SetDispatchForTest(minAsm, chunk int) (restore func()) {
	oldMin, oldChunk := minAsmLen, chunkLen
	if minAsm >= 0 {
		minAsmLen = minAsm
	}
	if chunk >= 0 {
		chunkLen = chunk
	}
	return func() { minAsmLen, chunkLen = oldMin, oldChunk }
}
