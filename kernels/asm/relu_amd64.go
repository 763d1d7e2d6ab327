//go:build !purego

package asm

// ReLU family kernels for AVX2 (relu_avx2_amd64.s) and AVX-512
// (relu_avx512_amd64.s). Any length is allowed; tails are masked.

// ReLUAVX2 computes, for i < len(x):
//
//	dst[i] = x[i] + 0 if x[i] is NaN (quieted), x[i] if x[i] > 0, else +0
//
// len(dst) >= len(x).
//
//go:noescape
func ReLUAVX2(dst, x []float32)

// ReLUGradAVX2 computes, for i < len(x):
//
//	if x[i] > 0 { dst[i] = dy[i] } else { dst[i] = 0 }
//
// len(dst), len(dy) >= len(x).
//
//go:noescape
func ReLUGradAVX2(dst, dy, x []float32)

// ReLUAVX512 is ReLUAVX2 with 16-lane vectors.
//
//go:noescape
func ReLUAVX512(dst, x []float32)

// ReLUGradAVX512 is ReLUGradAVX2 with 16-lane vectors.
//
//go:noescape
func ReLUGradAVX512(dst, dy, x []float32)
