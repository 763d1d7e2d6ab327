//go:build !purego

package asm

// NEON (arm64 ASIMD) kernels for the vector family, in vec_neon_arm64.s.
// len(x) must be a multiple of 4: the caller finishes the last 0..3
// elements in Go. The other slices must be at least len(x) long.

// AxpyNEON computes, for i < len(x):
//
//	y[i] += float32(alpha * x[i])
//
// (product rounded, then added: not fused). len(x) is a multiple of 4 and
// len(y) >= len(x).
//
//go:noescape
func AxpyNEON(alpha float32, x, y []float32)

// DotNEON returns, in four 4-lane float32 partial sums (FMLA) reduced at
// the end,
//
//	var s float32
//	for i := range x { s += x[i] * y[i] }
//	return s
//
// len(x) is a multiple of 4 and len(y) >= len(x).
//
//go:noescape
func DotNEON(x, y []float32) float32

// ScaleNEON computes, for i < len(x):
//
//	x[i] *= alpha
//
// len(x) is a multiple of 4.
//
//go:noescape
func ScaleNEON(alpha float32, x []float32)
