//go:build !purego

package asm

import "unsafe"

// Small-product kernels for amd64, in gemm_small_avx2_amd64.s and
// gemm_small_avx512_amd64.s. Each computes an m×n strip of C (n at most
// four vectors at AVX-512: 64 float32 or 32 float64 columns; two at AVX2:
// 16 or 8) from operands read in place, nothing packed:
//
//	for i := 0; i < m; i++ {
//		for j := 0; j < n; j++ {
//			var acc T // FMAs in order l = 0, 1, …, k-1
//			for l := 0; l < k; l++ { acc += a[i*aRow+l*aStep] * b[l*ldb+j] }
//			r := alpha * acc
//			p := &c[i*ldc+j]
//			if beta == 0 { *p = r } else { *p = beta**p + r } // product rounded, then added
//		}
//	}
//
// Strides are in elements. m ≥ 1, 1 ≤ n ≤ the strip width, k ≥ 1.
// beta == 0 (either sign) means C is not read; a NaN beta counts as
// non-zero. No element outside the m×n window of C, the k×n window of B
// or op(A)'s m×k elements is read or written.

// GemmSmallF32AVX2 is the float32 kernel, strips of 16. Requires AVX2 and FMA3.
//
//go:noescape
func GemmSmallF32AVX2(m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float32)

// GemmSmallF64AVX2 is the float64 kernel, strips of 8. Requires AVX2 and FMA3.
//
//go:noescape
func GemmSmallF64AVX2(m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float64)

// GemmSmallWholeF32AVX2 is GemmSmallF32AVX2 for n = 8 or 16 only (whole
// vectors: B's rows loaded unmasked, which the k loop runs faster with).
// Requires AVX2 and FMA3.
//
//go:noescape
func GemmSmallWholeF32AVX2(m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float32)

// GemmSmallWholeF64AVX2 is GemmSmallF64AVX2 for n = 4 or 8 only. Requires
// AVX2 and FMA3.
//
//go:noescape
func GemmSmallWholeF64AVX2(m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float64)

// GemmSmallF32AVX512 is the float32 kernel, strips of up to 64. Requires AVX512F.
//
//go:noescape
func GemmSmallF32AVX512(m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float32)

// GemmSmallF64AVX512 is the float64 kernel, strips of up to 32. Requires AVX512F.
//
//go:noescape
func GemmSmallF64AVX512(m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float64)

// GemmSmallPairF32AVX512 is GemmSmallF32AVX512 for even m and n = 17–24
// or 33–40 (one or two whole vectors and at most half of one): two rows'
// last columns share a vector of accumulators. Same FMAs, same bits.
// Requires AVX512F and AVX512VL.
//
//go:noescape
func GemmSmallPairF32AVX512(m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float32)

// GemmSmallPairF64AVX512 is GemmSmallPairF32AVX512 for float64: even m,
// n = 9–12 or 17–20. Requires AVX512F and AVX512VL.
//
//go:noescape
func GemmSmallPairF64AVX512(m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float64)
