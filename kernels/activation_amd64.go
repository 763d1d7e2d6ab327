//go:build !purego

package kernels

import "github.com/emberml/ember/kernels/asm"

// See vec_amd64.go for the shape of these dispatchers.

func exp(dst, x []float32) {
	if len(x) >= min(minAsmLen, minAsmLenExp) {
		switch active {
		case AVX512:
			for ; len(x) > chunkLen; dst, x = dst[chunkLen:], x[chunkLen:] {
				asm.ExpAVX512(dst, x[:chunkLen])
			}
			asm.ExpAVX512(dst, x)
			return
		case AVX2:
			for ; len(x) > chunkLen; dst, x = dst[chunkLen:], x[chunkLen:] {
				asm.ExpAVX2(dst, x[:chunkLen])
			}
			asm.ExpAVX2(dst, x)
			return
		}
	}
	expGeneric(dst, x)
}

func sigmoid(dst, x []float32) {
	if len(x) >= min(minAsmLen, minAsmLenExp) {
		switch active {
		case AVX512:
			for ; len(x) > chunkLen; dst, x = dst[chunkLen:], x[chunkLen:] {
				asm.SigmoidAVX512(dst, x[:chunkLen])
			}
			asm.SigmoidAVX512(dst, x)
			return
		case AVX2:
			for ; len(x) > chunkLen; dst, x = dst[chunkLen:], x[chunkLen:] {
				asm.SigmoidAVX2(dst, x[:chunkLen])
			}
			asm.SigmoidAVX2(dst, x)
			return
		}
	}
	sigmoidGeneric(dst, x)
}

func tanh(dst, x []float32) {
	if len(x) >= min(minAsmLen, minAsmLenExp) {
		switch active {
		case AVX512:
			for ; len(x) > chunkLen; dst, x = dst[chunkLen:], x[chunkLen:] {
				asm.TanhAVX512(dst, x[:chunkLen])
			}
			asm.TanhAVX512(dst, x)
			return
		case AVX2:
			for ; len(x) > chunkLen; dst, x = dst[chunkLen:], x[chunkLen:] {
				asm.TanhAVX2(dst, x[:chunkLen])
			}
			asm.TanhAVX2(dst, x)
			return
		}
	}
	tanhGeneric(dst, x)
}

func sigmoidGrad(dst, dy, y []float32) {
	if len(y) >= minAsmLen {
		switch active {
		case AVX512:
			for ; len(y) > chunkLen; dst, dy, y = dst[chunkLen:], dy[chunkLen:], y[chunkLen:] {
				asm.SigmoidGradAVX512(dst, dy, y[:chunkLen])
			}
			asm.SigmoidGradAVX512(dst, dy, y)
			return
		case AVX2:
			for ; len(y) > chunkLen; dst, dy, y = dst[chunkLen:], dy[chunkLen:], y[chunkLen:] {
				asm.SigmoidGradAVX2(dst, dy, y[:chunkLen])
			}
			asm.SigmoidGradAVX2(dst, dy, y)
			return
		}
	}
	sigmoidGradGeneric(dst, dy, y)
}

func tanhGrad(dst, dy, y []float32) {
	if len(y) >= minAsmLen {
		switch active {
		case AVX512:
			for ; len(y) > chunkLen; dst, dy, y = dst[chunkLen:], dy[chunkLen:], y[chunkLen:] {
				asm.TanhGradAVX512(dst, dy, y[:chunkLen])
			}
			asm.TanhGradAVX512(dst, dy, y)
			return
		case AVX2:
			for ; len(y) > chunkLen; dst, dy, y = dst[chunkLen:], dy[chunkLen:], y[chunkLen:] {
				asm.TanhGradAVX2(dst, dy, y[:chunkLen])
			}
			asm.TanhGradAVX2(dst, dy, y)
			return
		}
	}
	tanhGradGeneric(dst, dy, y)
}

func leakyReLU(dst, x []float32, slope float32) {
	if len(x) >= minAsmLen {
		switch active {
		case AVX512:
			for ; len(x) > chunkLen; dst, x = dst[chunkLen:], x[chunkLen:] {
				asm.LeakyReLUAVX512(dst, x[:chunkLen], slope)
			}
			asm.LeakyReLUAVX512(dst, x, slope)
			return
		case AVX2:
			for ; len(x) > chunkLen; dst, x = dst[chunkLen:], x[chunkLen:] {
				asm.LeakyReLUAVX2(dst, x[:chunkLen], slope)
			}
			asm.LeakyReLUAVX2(dst, x, slope)
			return
		}
	}
	leakyReLUGeneric(dst, x, slope)
}

func leakyReLUGrad(dst, dy, x []float32, slope float32) {
	if len(x) >= minAsmLen {
		switch active {
		case AVX512:
			for ; len(x) > chunkLen; dst, dy, x = dst[chunkLen:], dy[chunkLen:], x[chunkLen:] {
				asm.LeakyReLUGradAVX512(dst, dy, x[:chunkLen], slope)
			}
			asm.LeakyReLUGradAVX512(dst, dy, x, slope)
			return
		case AVX2:
			for ; len(x) > chunkLen; dst, dy, x = dst[chunkLen:], dy[chunkLen:], x[chunkLen:] {
				asm.LeakyReLUGradAVX2(dst, dy, x[:chunkLen], slope)
			}
			asm.LeakyReLUGradAVX2(dst, dy, x, slope)
			return
		}
	}
	leakyReLUGradGeneric(dst, dy, x, slope)
}
