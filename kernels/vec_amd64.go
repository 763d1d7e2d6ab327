//go:build !purego

package kernels

import "github.com/emberml/ember/kernels/asm"

// Each case cuts the vector into chunks of at most chunkLen elements and
// calls the level's assembly directly (a switch, not a function table: see
// ARCHITECTURE.md); the assembly handles every tail itself.

func axpy(alpha float32, x, y []float32) {
	if len(x) >= minAsmLen {
		switch active {
		case AVX512:
			for ; len(x) > chunkLen; x, y = x[chunkLen:], y[chunkLen:] {
				asm.AxpyAVX512(alpha, x[:chunkLen], y)
			}
			asm.AxpyAVX512(alpha, x, y)
			return
		case AVX2:
			for ; len(x) > chunkLen; x, y = x[chunkLen:], y[chunkLen:] {
				asm.AxpyAVX2(alpha, x[:chunkLen], y)
			}
			asm.AxpyAVX2(alpha, x, y)
			return
		}
	}
	axpyGeneric(alpha, x, y)
}

func dot(x, y []float32) float32 {
	if len(x) >= minAsmLen {
		var sum float32
		switch active {
		case AVX512:
			for ; len(x) > chunkLen; x, y = x[chunkLen:], y[chunkLen:] {
				sum += asm.DotAVX512(x[:chunkLen], y)
			}
			return sum + asm.DotAVX512(x, y)
		case AVX2:
			for ; len(x) > chunkLen; x, y = x[chunkLen:], y[chunkLen:] {
				sum += asm.DotAVX2(x[:chunkLen], y)
			}
			return sum + asm.DotAVX2(x, y)
		}
	}
	return dotGeneric(x, y)
}

func scale(alpha float32, x []float32) {
	if len(x) >= minAsmLen {
		switch active {
		case AVX512:
			for ; len(x) > chunkLen; x = x[chunkLen:] {
				asm.ScaleAVX512(alpha, x[:chunkLen])
			}
			asm.ScaleAVX512(alpha, x)
			return
		case AVX2:
			for ; len(x) > chunkLen; x = x[chunkLen:] {
				asm.ScaleAVX2(alpha, x[:chunkLen])
			}
			asm.ScaleAVX2(alpha, x)
			return
		}
	}
	scaleGeneric(alpha, x)
}
