//go:build !purego

package asm

import "unsafe"

// Matrix-vector kernels for NEON (arm64 ASIMD), in gemv_neon_arm64.s. They
// read a row-major matrix m (element (i, j) at m[i*ldm+j], ldm in elements)
// in place, without packing, and accumulate into y, which the caller zeroes
// first. Two forms:
//
// The axpy form (y = xᵀ·M, M with k rows of n): each y[j] is updated with
// one FMA per row, in order p = 0, 1, …, k−1, so its sum has the order of
// the scalar loop:
//
//	for p := 0; p < k; p++ {
//		for j := 0; j < n; j++ { y[j] += x[p] * m[p*ldm+j] }
//	}
//
// The dot form (y = M·x, M with n rows of k): each row's dot product with x
// is accumulated in two vector partial sums and, for the last elements that
// do not fill a vector, a scalar one, reduced in a fixed order (so the
// result depends on the kernel, never on the data's alignment), then added
// to y[i]:
//
//	for i := 0; i < n; i++ {
//		var s T
//		for p := 0; p < k; p++ { s += m[i*ldm+p] * x[p] }
//		y[i] += s
//	}
//
// k ≥ 0, n ≥ 0; x has k elements and y n; no row is read past its last
// element (NEON has no masked loads: tails are done with scalar FMAs), and
// m is not read at all when k or n is 0.

// GemvAxpyF32NEON is the float32 axpy form. Requires ASIMD.
//
//go:noescape
func GemvAxpyF32NEON(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)

// GemvAxpyF64NEON is the float64 axpy form. Requires ASIMD.
//
//go:noescape
func GemvAxpyF64NEON(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)

// GemvDotF32NEON is the float32 dot form. Requires ASIMD.
//
//go:noescape
func GemvDotF32NEON(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)

// GemvDotF64NEON is the float64 dot form. Requires ASIMD.
//
//go:noescape
func GemvDotF64NEON(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
