//go:build !purego

package kernels

import "github.com/emberml/ember/kernels/asm"

// See vec_amd64.go for the shape of these dispatchers.

func relu(dst, x []float32) {
	if len(x) >= minAsmLen {
		switch active {
		case AVX512:
			for ; len(x) > chunkLen; dst, x = dst[chunkLen:], x[chunkLen:] {
				asm.ReLUAVX512(dst, x[:chunkLen])
			}
			asm.ReLUAVX512(dst, x)
			return
		case AVX2:
			for ; len(x) > chunkLen; dst, x = dst[chunkLen:], x[chunkLen:] {
				asm.ReLUAVX2(dst, x[:chunkLen])
			}
			asm.ReLUAVX2(dst, x)
			return
		}
	}
	reluGeneric(dst, x)
}

func reluGrad(dst, dy, x []float32) {
	if len(x) >= minAsmLen {
		switch active {
		case AVX512:
			for ; len(x) > chunkLen; dst, dy, x = dst[chunkLen:], dy[chunkLen:], x[chunkLen:] {
				asm.ReLUGradAVX512(dst, dy, x[:chunkLen])
			}
			asm.ReLUGradAVX512(dst, dy, x)
			return
		case AVX2:
			for ; len(x) > chunkLen; dst, dy, x = dst[chunkLen:], dy[chunkLen:], x[chunkLen:] {
				asm.ReLUGradAVX2(dst, dy, x[:chunkLen])
			}
			asm.ReLUGradAVX2(dst, dy, x)
			return
		}
	}
	reluGradGeneric(dst, dy, x)
}
