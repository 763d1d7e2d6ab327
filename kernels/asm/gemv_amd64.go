//go:build !purego

package asm

import "unsafe"

// Matrix-vector kernels for amd64, in gemv_avx2_amd64.s and
// gemv_avx512_amd64.s. They read a row-major matrix m (element (i, j) at
// m[i*ldm+j], ldm in elements) in place, without packing, and accumulate
// into y, which the caller zeroes first. Two forms:
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
// is accumulated in several vector partial sums, reduced in a fixed order
// (so the result depends on the kernel, never on the data's alignment),
// then added to y[i]:
//
//	for i := 0; i < n; i++ {
//		var s T
//		for p := 0; p < k; p++ { s += m[i*ldm+p] * x[p] }
//		y[i] += s
//	}
//
// k ≥ 0, n ≥ 0; x has k elements and y n; no row is read past its last
// element (tails are masked), and m is not read at all when k or n is 0.

// GemvAxpyF32AVX2 is the float32 axpy form. Requires AVX2 and FMA3.
//
//go:noescape
func GemvAxpyF32AVX2(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)

// GemvAxpyF64AVX2 is the float64 axpy form. Requires AVX2 and FMA3.
//
//go:noescape
func GemvAxpyF64AVX2(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)

// GemvAxpyStreamF32AVX2 is the float32 axpy form eight rows at a time,
// each read front to back (for matrices that stream from L3 or memory).
// Requires AVX2 and FMA3.
//
//go:noescape
func GemvAxpyStreamF32AVX2(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)

// GemvAxpyStreamF64AVX2 is the float64 axpy form eight rows at a time,
// each read front to back (for matrices that stream from L3 or memory).
// Requires AVX2 and FMA3.
//
//go:noescape
func GemvAxpyStreamF64AVX2(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)

// GemvDotF32AVX2 is the float32 dot form. Requires AVX2 and FMA3.
//
//go:noescape
func GemvDotF32AVX2(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)

// GemvDotF64AVX2 is the float64 dot form. Requires AVX2 and FMA3.
//
//go:noescape
func GemvDotF64AVX2(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)

// GemvAxpyF32AVX512 is the float32 axpy form. Requires AVX512F.
//
//go:noescape
func GemvAxpyF32AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)

// GemvAxpyF64AVX512 is the float64 axpy form. Requires AVX512F.
//
//go:noescape
func GemvAxpyF64AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)

// GemvAxpyStreamF32AVX512 is the float32 axpy form eight rows at a time,
// each read front to back (for matrices that stream from memory).
// Requires AVX512F.
//
//go:noescape
func GemvAxpyStreamF32AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)

// GemvAxpyStreamF64AVX512 is the float64 axpy form eight rows at a time,
// each read front to back (for matrices that stream from memory).
// Requires AVX512F.
//
//go:noescape
func GemvAxpyStreamF64AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)

// GemvAxpyPrefetchF32AVX512 is GemvAxpyF32AVX512 that also prefetches
// each vector's line two rows ahead, for a matrix that streams from L3 or
// memory: its rows are read block by block (and, when wide, in panels of a
// few rows), jumps a hardware prefetcher does not follow. It reads no
// element the plain kernel does not; it may prefetch lines past the matrix
// (a prefetch never faults). Requires AVX512F.
//
//go:noescape
func GemvAxpyPrefetchF32AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)

// GemvAxpyPrefetchF64AVX512 is GemvAxpyPrefetchF32AVX512 for float64.
// Requires AVX512F.
//
//go:noescape
func GemvAxpyPrefetchF64AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)

// GemvDotStreamF32AVX512 is the float32 dot form one row at a time, for
// a matrix beyond L1: the rows are read one after another, one stream
// (GemvDotF32AVX512 takes four rows at a time, four streams, and
// amortizes each reduction over them). Its sums take their terms in a
// different order than GemvDotF32AVX512's. Requires AVX512F and AVX512DQ.
//
//go:noescape
func GemvDotStreamF32AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)

// GemvDotStreamF64AVX512 is GemvDotStreamF32AVX512 for float64. Requires
// AVX512F and AVX512DQ.
//
//go:noescape
func GemvDotStreamF64AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)

// GemvDotF32AVX512 is the float32 dot form. Requires AVX512F.
//
//go:noescape
func GemvDotF32AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)

// GemvDotF64AVX512 is the float64 dot form. Requires AVX512F.
//
//go:noescape
func GemvDotF64AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
