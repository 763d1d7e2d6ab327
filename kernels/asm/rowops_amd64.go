//go:build !purego

package asm

// Row primitives of Softmax, LogSoftmax, the cross-entropy gradients,
// BiasAdd and ColSums, and the MSE and BCE reductions: AVX2 (with FMA3)
// kernels in rowops_avx2_amd64.s, AVX-512 (F) kernels in
// rowops_avx512_amd64.s. Any length is allowed (RowMax needs one element);
// tails are masked (VMASKMOVPS at AVX2, opmasks at AVX-512). The exp-based
// sums compute package kernels' exp32 and bceTerm (activation_generic.go,
// rowops_generic.go) step by step with the activations' macros
// (exp_avx2_amd64.h, exp_avx512_amd64.h), fusing exactly where they call
// fma32.

// RowMaxAVX2 returns the largest element of x, or NaN if any element is
// NaN, wherever it is; len(x) >= 1. A zero maximum is +0 if any element is
// +0 (as Go's max), so the result is the same bits as
//
//	m := x[0]
//	for _, v := range x { m = max(m, v) }
//
// for NaN-free x; with a NaN the result is a NaN (not necessarily x's).
//
//go:noescape
func RowMaxAVX2(x []float32) float32

// SubConstAVX2 computes dst[i] = x[i] - c for i < len(x).
// len(dst) >= len(x).
//
//go:noescape
func SubConstAVX2(dst, x []float32, c float32)

// ScaledDiffAVX2 computes dst[i] = (dst[i] - t[i]) * scale for i < len(dst),
// rounding the difference, then the product. len(t) >= len(dst).
//
//go:noescape
func ScaledDiffAVX2(dst, t []float32, scale float32)

// AddAVX2 computes dst[i] = x[i] + y[i] for i < len(dst); dst may be x or
// y itself. len(x), len(y) >= len(dst).
//
//go:noescape
func AddAVX2(dst, x, y []float32)

// SqDiffSumAVX2 returns Σ float64(d*d), d = x[i] - y[i], over i < len(x):
// d and d*d are rounded in float32 (two instructions, no FMA), the squares
// converted to float64 and summed in four 4-lane float64 partial sums.
// len(y) >= len(x).
//
//go:noescape
func SqDiffSumAVX2(x, y []float32) float64

// RowMaxAVX512 is RowMaxAVX2 with 16-lane vectors.
//
//go:noescape
func RowMaxAVX512(x []float32) float32

// SubConstAVX512 is SubConstAVX2 with 16-lane vectors.
//
//go:noescape
func SubConstAVX512(dst, x []float32, c float32)

// ScaledDiffAVX512 is ScaledDiffAVX2 with 16-lane vectors.
//
//go:noescape
func ScaledDiffAVX512(dst, t []float32, scale float32)

// AddAVX512 is AddAVX2 with 16-lane vectors.
//
//go:noescape
func AddAVX512(dst, x, y []float32)

// SqDiffSumAVX512 is SqDiffSumAVX2 with 16-lane vectors and four 8-lane
// float64 partial sums.
//
//go:noescape
func SqDiffSumAVX512(x, y []float32) float64

// ExpShiftSumAVX2 computes dst[i] = exp32(x[i] - shift) for i < len(x) and
// returns their float32 sum, added in 8-lane partial sums (any order is
// allowed). len(dst) >= len(x).
//
//go:noescape
func ExpShiftSumAVX2(dst, x []float32, shift float32) float32

// ExpShiftSumNoStoreAVX2 returns the sum of exp32(x[i] - shift) over
// i < len(x), as ExpShiftSumAVX2 without the stores.
//
//go:noescape
func ExpShiftSumNoStoreAVX2(x []float32, shift float32) float32

// BCELogitsSumAVX2 returns the sum of the float32 terms bceTerm(z[i], y[i])
// over i < len(z), added in float64 lanes. len(y) >= len(z).
//
//go:noescape
func BCELogitsSumAVX2(z, y []float32) float64

// ExpShiftSumAVX512 is ExpShiftSumAVX2 with 16-lane vectors and partial
// sums.
//
//go:noescape
func ExpShiftSumAVX512(dst, x []float32, shift float32) float32

// ExpShiftSumNoStoreAVX512 is ExpShiftSumNoStoreAVX2 with 16-lane vectors
// and partial sums.
//
//go:noescape
func ExpShiftSumNoStoreAVX512(x []float32, shift float32) float32

// BCELogitsSumAVX512 is BCELogitsSumAVX2 with 16-lane vectors and 8-lane
// float64 partial sums.
//
//go:noescape
func BCELogitsSumAVX512(z, y []float32) float64
