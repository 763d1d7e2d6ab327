//go:build !purego

package asm

// Activation-family kernels for AVX2 + FMA3 (activation_avx2_amd64.s) and
// AVX-512 (activation_avx512_amd64.s): exp32, sigmoid32 and tanh32 are the
// per-element functions of package kernels' generic code
// (activation_generic.go), which the assembly follows step by step with the
// same constants, fusing exactly where they call fma32. Any length is
// allowed; tails are masked.

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
