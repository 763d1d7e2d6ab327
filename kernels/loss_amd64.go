//go:build !purego

package kernels

import "github.com/emberml/ember/kernels/asm"

// The loss reductions. See vec_amd64.go for the shape of these
// dispatchers; the float64 sums of the chunks are added in Go.

func sqDiffSum(x, y []float32) float64 {
	if len(x) >= minAsmLen {
		var s float64
		switch active {
		case AVX512:
			for ; len(x) > chunkLen; x, y = x[chunkLen:], y[chunkLen:] {
				s += asm.SqDiffSumAVX512(x[:chunkLen], y)
			}
			return s + asm.SqDiffSumAVX512(x, y)
		case AVX2:
			for ; len(x) > chunkLen; x, y = x[chunkLen:], y[chunkLen:] {
				s += asm.SqDiffSumAVX2(x[:chunkLen], y)
			}
			return s + asm.SqDiffSumAVX2(x, y)
		}
	}
	return sqDiffSumGeneric(x, y)
}
