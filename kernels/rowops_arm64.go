//go:build !purego

package kernels

import "github.com/emberml/ember/kernels/asm"

// The row operations (see rowops.go). See vec_arm64.go for the shape of
// these dispatchers. rowMax combines the chunks' maxima and the tail with
// Go's max, which keeps a NaN from any of them (and orders −0 below +0, as
// FMAX does); the sums add their chunks' sums and the tail's in Go.

func rowMax(x []float32) float32 {
	if len(x) >= minAsmLen && len(x) >= 4 {
		switch active {
		case NEON:
			n := len(x) &^ 3
			chunk := neonChunk()
			m := asm.RowMaxNEON(x[:min(chunk, n)])
			for i := chunk; i < n; i += chunk {
				m = max(m, asm.RowMaxNEON(x[i:min(i+chunk, n)]))
			}
			for _, v := range x[n:] {
				m = max(m, v)
			}
			return m
		}
	}
	return rowMaxGeneric(x)
}

func subConst(dst, x []float32, c float32) {
	if len(x) >= minAsmLen {
		switch active {
		case NEON:
			n := len(x) &^ 3
			head, tail := x[:n], x[n:]
			chunk := neonChunk()
			for ; len(head) > chunk; dst, head = dst[chunk:], head[chunk:] {
				asm.SubConstNEON(dst, head[:chunk], c)
			}
			asm.SubConstNEON(dst, head, c)
			subConstGeneric(dst[len(head):], tail, c)
			return
		}
	}
	subConstGeneric(dst, x, c)
}

func scaledDiff(dst, t []float32, scale float32) {
	if len(dst) >= minAsmLen {
		switch active {
		case NEON:
			n := len(dst) &^ 3
			head, tail := dst[:n], dst[n:]
			chunk := neonChunk()
			for ; len(head) > chunk; head, t = head[chunk:], t[chunk:] {
				asm.ScaledDiffNEON(head[:chunk], t, scale)
			}
			asm.ScaledDiffNEON(head, t, scale)
			scaledDiffGeneric(tail, t[len(head):], scale)
			return
		}
	}
	scaledDiffGeneric(dst, t, scale)
}

func add(dst, x, y []float32) {
	if len(x) >= minAsmLen {
		switch active {
		case NEON:
			n := len(x) &^ 3
			head, tail := x[:n], x[n:]
			chunk := neonChunk()
			for ; len(head) > chunk; dst, head, y = dst[chunk:], head[chunk:], y[chunk:] {
				asm.AddNEON(dst, head[:chunk], y)
			}
			asm.AddNEON(dst, head, y)
			addGeneric(dst[len(head):], tail, y[len(head):])
			return
		}
	}
	addGeneric(dst, x, y)
}

func expShiftSum(dst, x []float32, shift float32) float32 {
	if len(x) >= min(minAsmLen, minAsmLenExp) {
		switch active {
		case NEON:
			n := len(x) &^ 3
			head, tail := x[:n], x[n:]
			chunk := neonChunk()
			var s float32
			for ; len(head) > chunk; dst, head = dst[chunk:], head[chunk:] {
				s += asm.ExpShiftSumNEON(dst, head[:chunk], shift)
			}
			s += asm.ExpShiftSumNEON(dst, head, shift)
			return s + expShiftSumGeneric(dst[len(head):], tail, shift)
		}
	}
	return expShiftSumGeneric(dst, x, shift)
}

func expShiftSumNoStore(x []float32, shift float32) float32 {
	if len(x) >= min(minAsmLen, minAsmLenExp) {
		switch active {
		case NEON:
			n := len(x) &^ 3
			head, tail := x[:n], x[n:]
			chunk := neonChunk()
			var s float32
			for ; len(head) > chunk; head = head[chunk:] {
				s += asm.ExpShiftSumNoStoreNEON(head[:chunk], shift)
			}
			s += asm.ExpShiftSumNoStoreNEON(head, shift)
			return s + expShiftSumNoStoreGeneric(tail, shift)
		}
	}
	return expShiftSumNoStoreGeneric(x, shift)
}

func bceLogitsSum(z, y []float32) float64 {
	if len(z) >= min(minAsmLen, minAsmLenExp) {
		switch active {
		case NEON:
			n := len(z) &^ 3
			head, tail := z[:n], z[n:]
			chunk := neonChunk()
			var s float64
			for ; len(head) > chunk; head, y = head[chunk:], y[chunk:] {
				s += asm.BCELogitsSumNEON(head[:chunk], y)
			}
			s += asm.BCELogitsSumNEON(head, y)
			return s + bceLogitsSumGeneric(tail, y[len(head):])
		}
	}
	return bceLogitsSumGeneric(z, y)
}

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
