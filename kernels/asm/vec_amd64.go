//go:build !purego

package asm

// AVX2 (with FMA3) kernels for the vector family, in vec_avx2_amd64.s.
// Any length is allowed: tails are masked with VMASKMOVPS.

// AxpyAVX2 computes y[i] += float32(alpha*x[i]) for i < len(x) (product
// rounded, then added: not fused). len(y) >= len(x).
//
//go:noescape
func AxpyAVX2(alpha float32, x, y []float32)

// DotAVX2 returns Σ x[i]*y[i] over i < len(x), in four 8-lane float32
// partial sums (FMA) reduced at the end. len(y) >= len(x).
//
//go:noescape
func DotAVX2(x, y []float32) float32

// ScaleAVX2 computes x[i] *= alpha for i < len(x).
//
//go:noescape
func ScaleAVX2(alpha float32, x []float32)

// AVX-512 (F, VL, BW, DQ) kernels for the vector family, in
// vec_avx512_amd64.s. Any length is allowed: tails use opmask registers.

// AxpyAVX512 is AxpyAVX2 with 16-lane vectors.
//
//go:noescape
func AxpyAVX512(alpha float32, x, y []float32)

// DotAVX512 is DotAVX2 with four 16-lane partial sums.
//
//go:noescape
func DotAVX512(x, y []float32) float32

// ScaleAVX512 is ScaleAVX2 with 16-lane vectors.
//
//go:noescape
func ScaleAVX512(alpha float32, x []float32)
