//go:build !purego

package asm

import "unsafe"

// CopySliversAVX copies a block of rows rows, the first at src and each
// next stride bytes further, into slivers of width bytes: piece s of row r
// (the width bytes at src + r·stride + s·width) goes to dst + s·sliverStride
// + r·width. In Go, offsets in bytes:
//
//	for r := 0; r < rows; r++ {
//		for s := 0; s < slivers; s++ {
//			copy(dst[s*sliverStride+r*width:][:width], src[r*stride+s*width:][:width])
//		}
//	}
//
// GEMM packs the whole slivers of an untransposed B block with it, reading
// each source row once, front to back. rows, slivers ≥ 1; width a positive
// multiple of 64. It prefetches the row two below the one it copies (past
// the last row too: a prefetch never faults). Requires AVX.
//
//go:noescape
func CopySliversAVX(dst, src unsafe.Pointer, rows, stride, width, slivers, sliverStride int)

// PackA6F32AVX interleaves six float32 rows, the first at a and each next
// lda bytes further, into dst, one group of six per column:
//
//	for l := 0; l < k; l++ {
//		for i := 0; i < 6; i++ { dst[l*6+i] = a[i*lda/4+l] }
//	}
//
// It packs a full 6-row sliver of an untransposed A: four columns at a time
// through a 4×4 in-register transpose (rows 0–3) and a 2×4 interleave
// (rows 4–5), prefetching the same columns of the six rows below (the next
// sliver's; past the matrix's end too: a prefetch never faults). k ≥ 1.
// Requires AVX.
//
//go:noescape
func PackA6F32AVX(dst, a unsafe.Pointer, lda, k int)

// PackA6F64AVX is PackA6F32AVX for float64 (lda still in bytes): two
// columns at a time, three 2×2 interleaves. k ≥ 1. Requires AVX.
//
//go:noescape
func PackA6F64AVX(dst, a unsafe.Pointer, lda, k int)

// PackA6TransF32AVX copies k runs of six float32, the first at a and each
// next lda bytes further, to dst back to back:
//
//	for l := 0; l < k; l++ {
//		copy(dst[l*6:l*6+6], a[l*lda/4:l*lda/4+6])
//	}
//
// It packs a full 6-row sliver of a transposed A (whose rows are the
// stored A's columns), four runs per step. k ≥ 1. Requires AVX.
//
//go:noescape
func PackA6TransF32AVX(dst, a unsafe.Pointer, lda, k int)

// PackA6TransF64AVX is PackA6TransF32AVX for float64 (lda still in bytes).
// k ≥ 1. Requires AVX.
//
//go:noescape
func PackA6TransF64AVX(dst, a unsafe.Pointer, lda, k int)

// PackTransF32AVX packs rows rows of a float32 matrix, the first at b and
// each next ldb bytes further, column by column into rows of nr elements:
//
//	for l := 0; l < k; l++ {
//		for j := 0; j < rows; j++ { dst[l*nr+j] = b[j*ldb/4+l] }
//	}
//
// It packs a B sliver of a transposed B (any sliver whose source rows are
// its columns): eight columns at a time, across all the rows in groups of
// eight through an 8×8 in-register transpose, so dst's rows are written
// whole one after another; the last k%8 columns one element at a time.
// Columns rows…nr−1 of dst are not written. k ≥ 1; rows a positive
// multiple of 8, at most nr. Requires AVX.
//
//go:noescape
func PackTransF32AVX(dst, b unsafe.Pointer, ldb, k, rows, nr int)

// PackTransF64AVX is PackTransF32AVX for float64 (ldb still in bytes):
// four columns at a time, across the rows in groups of four through 4×4
// transposes; rows a positive multiple of 4, at most nr. Requires AVX.
//
//go:noescape
func PackTransF64AVX(dst, b unsafe.Pointer, ldb, k, rows, nr int)
