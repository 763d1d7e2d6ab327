package kernels

import "math"

// The row operations: primitives over one row (or one vector) that the
// row-wise kernels — Softmax, LogSoftmax, the cross-entropy losses and
// gradients, MSELoss, BiasAdd and ColSums — are built from, so each needs
// only short assembly (kernels/asm/rowops_*):
//
//	rowMax(x)                    largest element, NaN if any is NaN
//	expShiftSum(dst, x, shift)   dst[i] = e^(x[i]−shift), returns Σ dst (float32)
//	expShiftSumNoStore(x, shift) Σ e^(x[i]−shift) (float32), nothing stored
//	subConst(dst, x, c)          dst[i] = x[i] − c
//	scaledDiff(dst, t, s)        dst[i] = (dst[i] − t[i])·s
//	add(dst, x, y)               dst[i] = x[i] + y[i]
//	sqDiffSum(x, y)              Σ (x[i]−y[i])² (float32 terms, float64 sum)
//	bceLogitsSum(z, y)           Σ of the binary cross-entropy terms of logits z
//
// rowops_generic.go holds their specification; their dispatchers are
// generated (zdispatch_*.go), but rowMax's (rowops_amd64.go,
// rowops_arm64.go). Below: the rows built from them, with the special rows
// (NaN, +Inf, all −Inf) handled in Go.

// specialRow handles the rows the ordinary formula cannot: it returns true
// after filling dst when the row holds a NaN, a +Inf, or only −Inf. m is
// the row's maximum as rowMax returns it (NaN if any element is NaN).
func specialRow(dst, x []float32, m float32, logForm bool) bool {
	switch {
	case m != m, math.IsInf(float64(m), -1):
		nan := float32(math.NaN())
		for i := range dst {
			dst[i] = nan
		}
		return true
	case math.IsInf(float64(m), 1):
		count := 0
		for _, v := range x {
			if math.IsInf(float64(v), 1) {
				count++
			}
		}
		on, off := 1/float32(count), float32(0)
		if logForm {
			on, off = float32(-math.Log(float64(count))), float32(math.Inf(-1))
		}
		for i, v := range x {
			if math.IsInf(float64(v), 1) {
				dst[i] = on
			} else {
				dst[i] = off
			}
		}
		return true
	}
	return false
}

func softmaxRow(dst, x []float32) {
	m := rowMax(x)
	if specialRow(dst, x, m, false) {
		return
	}
	s := expShiftSum(dst, x, m)
	scale(float32(1/float64(s)), dst)
}

func logSoftmaxRow(dst, x []float32) {
	m := rowMax(x)
	if specialRow(dst, x, m, true) {
		return
	}
	s := expShiftSumNoStore(x, m)
	subConst(dst, x, float32(float64(m)+math.Log(float64(s))))
}

// logSumExp returns M + log Σ e^(x−M) in float64, with the special rows of
// LogSoftmax: NaN for a NaN or all −Inf row, +Inf for a row with +Inf.
func logSumExp(x []float32) float64 {
	m := rowMax(x)
	if m != m || math.IsInf(float64(m), 0) {
		if math.IsInf(float64(m), -1) {
			return math.NaN()
		}
		return float64(m)
	}
	return float64(m) + math.Log(float64(expShiftSumNoStore(x, m)))
}
