//go:build !purego

package kernels

import "github.com/emberml/ember/kernels/asm"

// See vec_arm64.go for the shape of these dispatchers. The chunks' float64
// sums and the tail's are added in Go (bceLogitsSum, built on exp, lives
// with the activations in activation_arm64.go).

func sqDiffSum(x, y []float32) float64 {
	if len(x) >= minAsmLen {
		switch active {
		case NEON:
			var sum float64
			n := len(x) &^ 3
			head, tail := x[:n], x[n:]
			chunk := neonChunk()
			for ; len(head) > chunk; head, y = head[chunk:], y[chunk:] {
				sum += asm.SqDiffSumNEON(head[:chunk], y)
			}
			sum += asm.SqDiffSumNEON(head, y)
			return sum + sqDiffSumGeneric(tail, y[len(head):])
		}
	}
	return sqDiffSumGeneric(x, y)
}
