//go:build !purego

package asm

// Activation-family kernels for NEON (arm64 ASIMD), in
// activation_neon_arm64.s (exp32 itself is the macro EXP_S4 in
// exp_arm64.h). Each follows the generic Go function of package kernels
// named in its comment, with the same constants and steps. The length
// slice (x, y, or z) must have a multiple of 4 elements: the caller
// finishes the last 0..3 in Go. The other slices must be at least that
// long.

// ExpNEON computes, for i < len(x):
//
//	dst[i] = exp32(x[i])
//
// len(x) is a multiple of 4 and len(dst) >= len(x).
//
//go:noescape
func ExpNEON(dst, x []float32)

// SigmoidNEON computes, for i < len(x):
//
//	dst[i] = sigmoid32(x[i])
//
// len(x) is a multiple of 4 and len(dst) >= len(x).
//
//go:noescape
func SigmoidNEON(dst, x []float32)

// TanhNEON computes, for i < len(x):
//
//	dst[i] = tanh32(x[i])
//
// len(x) is a multiple of 4 and len(dst) >= len(x).
//
//go:noescape
func TanhNEON(dst, x []float32)

// SigmoidGradNEON computes, for i < len(y), rounding each operation in
// this order (never fused):
//
//	dst[i] = dy[i] * (y[i] * (1 - y[i]))
//
// len(y) is a multiple of 4 and len(dst), len(dy) >= len(y).
//
//go:noescape
func SigmoidGradNEON(dst, dy, y []float32)

// TanhGradNEON computes, for i < len(y), rounding each operation in this
// order (never fused):
//
//	dst[i] = dy[i] * ((1 - y[i]) * (1 + y[i]))
//
// len(y) is a multiple of 4 and len(dst), len(dy) >= len(y).
//
//go:noescape
func TanhGradNEON(dst, dy, y []float32)

// LeakyReLUNEON computes, for i < len(x):
//
//	if x[i] > 0 { dst[i] = x[i] } else { dst[i] = x[i] * slope }
//
// (a NaN x[i] takes the product). len(x) is a multiple of 4 and
// len(dst) >= len(x).
//
//go:noescape
func LeakyReLUNEON(dst, x []float32, slope float32)

// LeakyReLUGradNEON computes, for i < len(x):
//
//	if x[i] > 0 { dst[i] = dy[i] } else { dst[i] = dy[i] * slope }
//
// len(x) is a multiple of 4 and len(dst), len(dy) >= len(x).
//
//go:noescape
func LeakyReLUGradNEON(dst, dy, x []float32, slope float32)
