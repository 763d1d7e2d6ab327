//go:build !purego

package kernels

import "github.com/emberml/ember/kernels/asm"

// See vec_arm64.go for the shape of these dispatchers: the NEON kernels
// get the first len&^3 elements in chunks of neonChunk(), the generic code
// finishes the last 0..3, and vectors shorter than minAsmLen stay in Go.
// The sums built on exp (expShiftSum, expShiftSumNoStore, bceLogitsSum)
// are row operations, in rowops_arm64.go.

func exp(dst, x []float32) {
	if len(x) >= min(minAsmLen, minAsmLenExp) {
		switch active {
		case NEON:
			n := len(x) &^ 3
			head, tail := x[:n], x[n:]
			chunk := neonChunk()
			for ; len(head) > chunk; dst, head = dst[chunk:], head[chunk:] {
				asm.ExpNEON(dst, head[:chunk])
			}
			asm.ExpNEON(dst, head)
			expGeneric(dst[len(head):], tail)
			return
		}
	}
	expGeneric(dst, x)
}

func sigmoid(dst, x []float32) {
	if len(x) >= min(minAsmLen, minAsmLenExp) {
		switch active {
		case NEON:
			n := len(x) &^ 3
			head, tail := x[:n], x[n:]
			chunk := neonChunk()
			for ; len(head) > chunk; dst, head = dst[chunk:], head[chunk:] {
				asm.SigmoidNEON(dst, head[:chunk])
			}
			asm.SigmoidNEON(dst, head)
			sigmoidGeneric(dst[len(head):], tail)
			return
		}
	}
	sigmoidGeneric(dst, x)
}

func tanh(dst, x []float32) {
	if len(x) >= min(minAsmLen, minAsmLenExp) {
		switch active {
		case NEON:
			n := len(x) &^ 3
			head, tail := x[:n], x[n:]
			chunk := neonChunk()
			for ; len(head) > chunk; dst, head = dst[chunk:], head[chunk:] {
				asm.TanhNEON(dst, head[:chunk])
			}
			asm.TanhNEON(dst, head)
			tanhGeneric(dst[len(head):], tail)
			return
		}
	}
	tanhGeneric(dst, x)
}

func sigmoidGrad(dst, dy, y []float32) {
	if len(y) >= minAsmLen {
		switch active {
		case NEON:
			n := len(y) &^ 3
			head, tail := y[:n], y[n:]
			chunk := neonChunk()
			for ; len(head) > chunk; dst, dy, head = dst[chunk:], dy[chunk:], head[chunk:] {
				asm.SigmoidGradNEON(dst, dy, head[:chunk])
			}
			asm.SigmoidGradNEON(dst, dy, head)
			sigmoidGradGeneric(dst[len(head):], dy[len(head):], tail)
			return
		}
	}
	sigmoidGradGeneric(dst, dy, y)
}

func tanhGrad(dst, dy, y []float32) {
	if len(y) >= minAsmLen {
		switch active {
		case NEON:
			n := len(y) &^ 3
			head, tail := y[:n], y[n:]
			chunk := neonChunk()
			for ; len(head) > chunk; dst, dy, head = dst[chunk:], dy[chunk:], head[chunk:] {
				asm.TanhGradNEON(dst, dy, head[:chunk])
			}
			asm.TanhGradNEON(dst, dy, head)
			tanhGradGeneric(dst[len(head):], dy[len(head):], tail)
			return
		}
	}
	tanhGradGeneric(dst, dy, y)
}

func leakyReLU(dst, x []float32, slope float32) {
	if len(x) >= minAsmLen {
		switch active {
		case NEON:
			n := len(x) &^ 3
			head, tail := x[:n], x[n:]
			chunk := neonChunk()
			for ; len(head) > chunk; dst, head = dst[chunk:], head[chunk:] {
				asm.LeakyReLUNEON(dst, head[:chunk], slope)
			}
			asm.LeakyReLUNEON(dst, head, slope)
			leakyReLUGeneric(dst[len(head):], tail, slope)
			return
		}
	}
	leakyReLUGeneric(dst, x, slope)
}

func leakyReLUGrad(dst, dy, x []float32, slope float32) {
	if len(x) >= minAsmLen {
		switch active {
		case NEON:
			n := len(x) &^ 3
			head, tail := x[:n], x[n:]
			chunk := neonChunk()
			for ; len(head) > chunk; dst, dy, head = dst[chunk:], dy[chunk:], head[chunk:] {
				asm.LeakyReLUGradNEON(dst, dy, head[:chunk], slope)
			}
			asm.LeakyReLUGradNEON(dst, dy, head, slope)
			leakyReLUGradGeneric(dst[len(head):], dy[len(head):], tail, slope)
			return
		}
	}
	leakyReLUGradGeneric(dst, dy, x, slope)
}
