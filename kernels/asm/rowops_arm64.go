//go:build !purego

package asm

// NEON (arm64 ASIMD) kernels for the row primitives of Softmax, LogSoftmax,
// the cross-entropy gradients, BiasAdd and ColSums, and for the MSE and BCE
// loss reductions, in rowops_neon_arm64.s (the exp-based sums follow
// package kernels' exp32 and bceTerm with exp_arm64.h's EXP_S4). len(x) (len(dst) for ScaledDiffNEON)
// must be a multiple of 4: the caller finishes the last 0..3 elements in
// Go. The other slices must be at least that long.

// RowMaxNEON returns the largest element of x, or a NaN if any element is
// NaN (FMAX propagates NaN, wherever it is):
//
//	m := x[0]
//	for _, v := range x { m = max(m, v) }
//	return m
//
// len(x) is a non-zero multiple of 4.
//
//go:noescape
func RowMaxNEON(x []float32) float32

// SubConstNEON computes, for i < len(x):
//
//	dst[i] = x[i] - c
//
// len(x) is a multiple of 4 and len(dst) >= len(x); dst may be x.
//
//go:noescape
func SubConstNEON(dst, x []float32, c float32)

// ScaledDiffNEON computes, for i < len(dst):
//
//	dst[i] = (dst[i] - t[i]) * scale
//
// (difference rounded, then the product: not fused). len(dst) is a
// multiple of 4 and len(t) >= len(dst).
//
//go:noescape
func ScaledDiffNEON(dst, t []float32, scale float32)

// AddNEON computes, for i < len(x):
//
//	dst[i] = x[i] + y[i]
//
// len(x) is a multiple of 4 and len(dst), len(y) >= len(x); dst may be x
// or y.
//
//go:noescape
func AddNEON(dst, x, y []float32)

// SqDiffSumNEON returns, in eight 2-lane float64 partial sums reduced at
// the end,
//
//	var s float64
//	for i := range x { d := x[i] - y[i]; s += float64(d * d) }
//	return s
//
// with d and d·d rounded in float32 as written. len(x) is a multiple of 4
// and len(y) >= len(x).
//
//go:noescape
func SqDiffSumNEON(x, y []float32) float64

// ExpShiftSumNEON computes, for i < len(x),
//
//	dst[i] = exp32(x[i] - shift)
//
// and returns their float32 sum, added in 8 lanes that are combined at the
// end. len(x) is a multiple of 4 and len(dst) >= len(x).
//
//go:noescape
func ExpShiftSumNEON(dst, x []float32, shift float32) float32

// ExpShiftSumNoStoreNEON returns the sum ExpShiftSumNEON returns, without
// storing the terms. len(x) is a multiple of 4.
//
//go:noescape
func ExpShiftSumNoStoreNEON(x []float32, shift float32) float32

// BCELogitsSumNEON returns
//
//	Σ float64(bceTerm(z[i], y[i])), i < len(z)
//
// each term formed in float32 step by step as bceTerm does, the sum in
// float64 lanes combined at the end. len(z) is a multiple of 4 and
// len(y) >= len(z).
//
//go:noescape
func BCELogitsSumNEON(z, y []float32) float64
