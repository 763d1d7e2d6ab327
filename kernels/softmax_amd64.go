//go:build !purego

package kernels

import "github.com/emberml/ember/kernels/asm"

// The row primitives of Softmax, LogSoftmax, the cross-entropy gradients,
// BiasAdd and ColSums. See vec_amd64.go for the shape of these
// dispatchers; rowMax combines the maxima of its chunks with Go's max,
// keeping a NaN.

func rowMax(x []float32) float32 {
	if len(x) >= max(minAsmLen, 1) {
		switch active {
		case AVX512:
			m := asm.RowMaxAVX512(x[:min(len(x), chunkLen)])
			for len(x) > chunkLen && m == m {
				x = x[chunkLen:]
				m = max(m, asm.RowMaxAVX512(x[:min(len(x), chunkLen)]))
			}
			return m
		case AVX2:
			m := asm.RowMaxAVX2(x[:min(len(x), chunkLen)])
			for len(x) > chunkLen && m == m {
				x = x[chunkLen:]
				m = max(m, asm.RowMaxAVX2(x[:min(len(x), chunkLen)]))
			}
			return m
		}
	}
	return rowMaxGeneric(x)
}

func subScalar(dst, x []float32, c float32) {
	if len(x) >= minAsmLen {
		switch active {
		case AVX512:
			for ; len(x) > chunkLen; dst, x = dst[chunkLen:], x[chunkLen:] {
				asm.SubScalarAVX512(dst, x[:chunkLen], c)
			}
			asm.SubScalarAVX512(dst, x, c)
			return
		case AVX2:
			for ; len(x) > chunkLen; dst, x = dst[chunkLen:], x[chunkLen:] {
				asm.SubScalarAVX2(dst, x[:chunkLen], c)
			}
			asm.SubScalarAVX2(dst, x, c)
			return
		}
	}
	subScalarGeneric(dst, x, c)
}

func subScale(dst, t []float32, scale float32) {
	if len(dst) >= minAsmLen {
		switch active {
		case AVX512:
			for ; len(dst) > chunkLen; dst, t = dst[chunkLen:], t[chunkLen:] {
				asm.SubScaleAVX512(dst[:chunkLen], t, scale)
			}
			asm.SubScaleAVX512(dst, t, scale)
			return
		case AVX2:
			for ; len(dst) > chunkLen; dst, t = dst[chunkLen:], t[chunkLen:] {
				asm.SubScaleAVX2(dst[:chunkLen], t, scale)
			}
			asm.SubScaleAVX2(dst, t, scale)
			return
		}
	}
	subScaleGeneric(dst, t, scale)
}

func add(dst, x, y []float32) {
	if len(dst) >= minAsmLen {
		switch active {
		case AVX512:
			for ; len(dst) > chunkLen; dst, x, y = dst[chunkLen:], x[chunkLen:], y[chunkLen:] {
				asm.AddAVX512(dst[:chunkLen], x, y)
			}
			asm.AddAVX512(dst, x, y)
			return
		case AVX2:
			for ; len(dst) > chunkLen; dst, x, y = dst[chunkLen:], x[chunkLen:], y[chunkLen:] {
				asm.AddAVX2(dst[:chunkLen], x, y)
			}
			asm.AddAVX2(dst, x, y)
			return
		}
	}
	addGeneric(dst, x, y)
}
