//go:build !purego

package kernels

import "github.com/emberml/ember/kernels/asm"

// The NEON case hands the assembly the first len(x)&^3 elements (it takes
// only multiples of 4), cut into chunks of at most chunkLen elements, and
// calls the level's assembly directly (a switch, not a function table: see
// ARCHITECTURE.md); the generic kernel then finishes the last 0..3.

// neonChunk is chunkLen rounded down to a multiple of 4 (the NEON kernels'
// unit), and at least 4.
func neonChunk() int {
	return max(chunkLen&^3, 4)
}

func axpy(alpha float32, x, y []float32) {
	if len(x) >= minAsmLen {
		switch active {
		case NEON:
			n := len(x) &^ 3
			head, tail := x[:n], x[n:]
			chunk := neonChunk()
			for ; len(head) > chunk; head, y = head[chunk:], y[chunk:] {
				asm.AxpyNEON(alpha, head[:chunk], y)
			}
			asm.AxpyNEON(alpha, head, y)
			axpyGeneric(alpha, tail, y[len(head):])
			return
		}
	}
	axpyGeneric(alpha, x, y)
}

func dot(x, y []float32) float32 {
	if len(x) >= minAsmLen {
		var sum float32
		switch active {
		case NEON:
			n := len(x) &^ 3
			head, tail := x[:n], x[n:]
			chunk := neonChunk()
			for ; len(head) > chunk; head, y = head[chunk:], y[chunk:] {
				sum += asm.DotNEON(head[:chunk], y)
			}
			sum += asm.DotNEON(head, y)
			return sum + dotGeneric(tail, y[len(head):])
		}
	}
	return dotGeneric(x, y)
}

func scale(alpha float32, x []float32) {
	if len(x) >= minAsmLen {
		switch active {
		case NEON:
			n := len(x) &^ 3
			head, tail := x[:n], x[n:]
			chunk := neonChunk()
			for ; len(head) > chunk; head = head[chunk:] {
				asm.ScaleNEON(alpha, head[:chunk])
			}
			asm.ScaleNEON(alpha, head)
			scaleGeneric(alpha, tail)
			return
		}
	}
	scaleGeneric(alpha, x)
}
