//go:build !purego

package asm

// ReLU family kernels for NEON (arm64 ASIMD), in relu_neon_arm64.s.
// len(x) must be a multiple of 4: the caller finishes the last 0..3
// elements in Go. The other slices must be at least len(x) long.

// ReLUNEON computes, for i < len(x):
//
//	dst[i] = x[i] + 0 if x[i] is NaN (quieted), x[i] if x[i] > 0, else +0
//
// len(x) is a multiple of 4 and len(dst) >= len(x).
//
//go:noescape
func ReLUNEON(dst, x []float32)

// ReLUGradNEON computes, for i < len(x):
//
//	if x[i] > 0 { dst[i] = dy[i] } else { dst[i] = 0 }
//
// len(x) is a multiple of 4 and len(dst), len(dy) >= len(x).
//
//go:noescape
func ReLUGradNEON(dst, dy, x []float32)
