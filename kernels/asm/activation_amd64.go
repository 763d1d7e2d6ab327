//go:build !purego

package asm

// Activation-family kernels for AVX2 + FMA3 (activation_avx2_amd64.s) and
// AVX-512 (activation_avx512_amd64.s): exp32, sigmoid32, tanh32 and bceTerm
// are the per-element functions of package kernels' generic code
// (activation_generic.go, rowops_generic.go), which the assembly follows step
// by step with the same constants, fusing exactly where they call fma32.
// Any length is allowed; tails are masked.

// ExpAVX2 computes dst[i] = exp32(x[i]) for i < len(x). len(dst) >= len(x).
//
//go:noescape
func ExpAVX2(dst, x []float32)

// SigmoidAVX2 computes dst[i] = sigmoid32(x[i]) for i < len(x).
// len(dst) >= len(x).
//
//go:noescape
func SigmoidAVX2(dst, x []float32)

// TanhAVX2 computes dst[i] = tanh32(x[i]) for i < len(x).
// len(dst) >= len(x).
//
//go:noescape
func TanhAVX2(dst, x []float32)

// SigmoidGradAVX2 computes, for i < len(y), rounding each operation:
//
//	dst[i] = dy[i] * (y[i] * (1 - y[i]))
//
// len(dst), len(dy) >= len(y).
//
//go:noescape
func SigmoidGradAVX2(dst, dy, y []float32)

// TanhGradAVX2 computes, for i < len(y), rounding each operation:
//
//	dst[i] = dy[i] * ((1 - y[i]) * (1 + y[i]))
//
// len(dst), len(dy) >= len(y).
//
//go:noescape
func TanhGradAVX2(dst, dy, y []float32)

// LeakyReLUAVX2 computes, for i < len(x):
//
//	if x[i] > 0 { dst[i] = x[i] } else { dst[i] = x[i] * slope }
//
// len(dst) >= len(x).
//
//go:noescape
func LeakyReLUAVX2(dst, x []float32, slope float32)

// LeakyReLUGradAVX2 computes, for i < len(x):
//
//	if x[i] > 0 { dst[i] = dy[i] } else { dst[i] = dy[i] * slope }
//
// len(dst), len(dy) >= len(x).
//
//go:noescape
func LeakyReLUGradAVX2(dst, dy, x []float32, slope float32)

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

// ExpAVX512 is ExpAVX2 with 16-lane vectors.
//
//go:noescape
func ExpAVX512(dst, x []float32)

// SigmoidAVX512 is SigmoidAVX2 with 16-lane vectors.
//
//go:noescape
func SigmoidAVX512(dst, x []float32)

// TanhAVX512 is TanhAVX2 with 16-lane vectors.
//
//go:noescape
func TanhAVX512(dst, x []float32)

// SigmoidGradAVX512 is SigmoidGradAVX2 with 16-lane vectors.
//
//go:noescape
func SigmoidGradAVX512(dst, dy, y []float32)

// TanhGradAVX512 is TanhGradAVX2 with 16-lane vectors.
//
//go:noescape
func TanhGradAVX512(dst, dy, y []float32)

// LeakyReLUAVX512 is LeakyReLUAVX2 with 16-lane vectors.
//
//go:noescape
func LeakyReLUAVX512(dst, x []float32, slope float32)

// LeakyReLUGradAVX512 is LeakyReLUGradAVX2 with 16-lane vectors.
//
//go:noescape
func LeakyReLUGradAVX512(dst, dy, x []float32, slope float32)

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
