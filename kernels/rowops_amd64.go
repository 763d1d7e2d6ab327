//go:build !purego

package kernels

import "github.com/emberml/ember/kernels/asm"

// The row operations (see rowops.go). See vec_amd64.go for the shape of
// these dispatchers. rowMax combines the maxima of its chunks with Go's
// max, keeping a NaN; the sums add their chunks' sums in Go, in the
// precision of the generic kernel (float32 for the exp-shift sums, float64
// for the loss reductions).

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

func subConst(dst, x []float32, c float32) {
	if len(x) >= minAsmLen {
		switch active {
		case AVX512:
			for ; len(x) > chunkLen; dst, x = dst[chunkLen:], x[chunkLen:] {
				asm.SubConstAVX512(dst, x[:chunkLen], c)
			}
			asm.SubConstAVX512(dst, x, c)
			return
		case AVX2:
			for ; len(x) > chunkLen; dst, x = dst[chunkLen:], x[chunkLen:] {
				asm.SubConstAVX2(dst, x[:chunkLen], c)
			}
			asm.SubConstAVX2(dst, x, c)
			return
		}
	}
	subConstGeneric(dst, x, c)
}

func scaledDiff(dst, t []float32, scale float32) {
	if len(dst) >= minAsmLen {
		switch active {
		case AVX512:
			for ; len(dst) > chunkLen; dst, t = dst[chunkLen:], t[chunkLen:] {
				asm.ScaledDiffAVX512(dst[:chunkLen], t, scale)
			}
			asm.ScaledDiffAVX512(dst, t, scale)
			return
		case AVX2:
			for ; len(dst) > chunkLen; dst, t = dst[chunkLen:], t[chunkLen:] {
				asm.ScaledDiffAVX2(dst[:chunkLen], t, scale)
			}
			asm.ScaledDiffAVX2(dst, t, scale)
			return
		}
	}
	scaledDiffGeneric(dst, t, scale)
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

// expShiftSum adds the chunks' float32 sums in float32, as the generic
// kernel adds its terms.
func expShiftSum(dst, x []float32, shift float32) float32 {
	if len(x) >= min(minAsmLen, minAsmLenExp) {
		var s float32
		switch active {
		case AVX512:
			for ; len(x) > chunkLen; dst, x = dst[chunkLen:], x[chunkLen:] {
				s += asm.ExpShiftSumAVX512(dst, x[:chunkLen], shift)
			}
			return s + asm.ExpShiftSumAVX512(dst, x, shift)
		case AVX2:
			for ; len(x) > chunkLen; dst, x = dst[chunkLen:], x[chunkLen:] {
				s += asm.ExpShiftSumAVX2(dst, x[:chunkLen], shift)
			}
			return s + asm.ExpShiftSumAVX2(dst, x, shift)
		}
	}
	return expShiftSumGeneric(dst, x, shift)
}

func expShiftSumNoStore(x []float32, shift float32) float32 {
	if len(x) >= min(minAsmLen, minAsmLenExp) {
		var s float32
		switch active {
		case AVX512:
			for ; len(x) > chunkLen; x = x[chunkLen:] {
				s += asm.ExpShiftSumNoStoreAVX512(x[:chunkLen], shift)
			}
			return s + asm.ExpShiftSumNoStoreAVX512(x, shift)
		case AVX2:
			for ; len(x) > chunkLen; x = x[chunkLen:] {
				s += asm.ExpShiftSumNoStoreAVX2(x[:chunkLen], shift)
			}
			return s + asm.ExpShiftSumNoStoreAVX2(x, shift)
		}
	}
	return expShiftSumNoStoreGeneric(x, shift)
}

func bceLogitsSum(z, y []float32) float64 {
	if len(z) >= min(minAsmLen, minAsmLenExp) {
		var s float64
		switch active {
		case AVX512:
			for ; len(z) > chunkLen; z, y = z[chunkLen:], y[chunkLen:] {
				s += asm.BCELogitsSumAVX512(z[:chunkLen], y)
			}
			return s + asm.BCELogitsSumAVX512(z, y)
		case AVX2:
			for ; len(z) > chunkLen; z, y = z[chunkLen:], y[chunkLen:] {
				s += asm.BCELogitsSumAVX2(z[:chunkLen], y)
			}
			return s + asm.BCELogitsSumAVX2(z, y)
		}
	}
	return bceLogitsSumGeneric(z, y)
}

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
