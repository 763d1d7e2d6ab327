//go:build !purego

package kernels

import "github.com/emberml/ember/kernels/asm"

// See vec_arm64.go for the shape of these dispatchers.

func relu(dst, x []float32) {
	if len(x) >= minAsmLen {
		switch active {
		case NEON:
			n := len(x) &^ 3
			head, tail := x[:n], x[n:]
			chunk := neonChunk()
			for ; len(head) > chunk; dst, head = dst[chunk:], head[chunk:] {
				asm.ReLUNEON(dst, head[:chunk])
			}
			asm.ReLUNEON(dst, head)
			reluGeneric(dst[len(head):], tail)
			return
		}
	}
	reluGeneric(dst, x)
}

func reluGrad(dst, dy, x []float32) {
	if len(x) >= minAsmLen {
		switch active {
		case NEON:
			n := len(x) &^ 3
			head, tail := x[:n], x[n:]
			chunk := neonChunk()
			for ; len(head) > chunk; dst, dy, head = dst[chunk:], dy[chunk:], head[chunk:] {
				asm.ReLUGradNEON(dst, dy, head[:chunk])
			}
			asm.ReLUGradNEON(dst, dy, head)
			reluGradGeneric(dst[len(head):], dy[len(head):], tail)
			return
		}
	}
	reluGradGeneric(dst, dy, x)
}
