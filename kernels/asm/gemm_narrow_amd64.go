//go:build !purego

package asm

import "unsafe"

// Narrow-product kernels for amd64, in gemm_narrow_avx512_amd64.s and
// gemm_narrow_avx2_amd64.s: C = alpha·A·op(B) + beta·C for a row-major A
// (m×k, lda in elements) and n of 2 to 8 columns (AVX-512; float64 2 to
// 4) or 2 to 4 (AVX2; float64 2), each element a dot product of A's row
// with op(B)'s column along k in the lanes of a vector, summed in a fixed
// order (see the TEXTs). op(B) comes packed in bt, w columns wide (the
// least of 2, 4, 6 and 8 that is ≥ n; AVX2 2 and 4; the columns past n
// zero): for each step of lanes values of l (AVX-512: 16 float32, 8
// float64; AVX2: 8 and 4), its w columns' vectors one after the other,
// zeros past k (⌈k/lanes⌉·w·lanes elements). m ≥ 1, k ≥ 1; beta == 0
// (either sign) means C is not read; no element outside A's m×k window or
// C's m×n window is read or written.

// GemmNarrowF32AVX512 is the float32 kernel, 2 ≤ n ≤ 8. Requires
// AVX512F and AVX512VL.
//
//go:noescape
func GemmNarrowF32AVX512(m, n, k int, a unsafe.Pointer, lda int, bt, c unsafe.Pointer, ldc int, alpha, beta float32)

// GemmNarrowF64AVX512 is the float64 kernel, 2 ≤ n ≤ 4. Requires
// AVX512F, AVX512VL and AVX512DQ.
//
//go:noescape
func GemmNarrowF64AVX512(m, n, k int, a unsafe.Pointer, lda int, bt, c unsafe.Pointer, ldc int, alpha, beta float64)

// GemmNarrowF32AVX2 is the float32 kernel in vectors of 8 (op(B) packed
// with lanes = 8), 2 ≤ n ≤ 4. Requires AVX2 and FMA3.
//
//go:noescape
func GemmNarrowF32AVX2(m, n, k int, a unsafe.Pointer, lda int, bt, c unsafe.Pointer, ldc int, alpha, beta float32)

// GemmNarrowF64AVX2 is the float64 kernel in vectors of 4 (op(B) packed
// with lanes = 4), n = 2. Requires AVX2 and FMA3.
//
//go:noescape
func GemmNarrowF64AVX2(m, n, k int, a unsafe.Pointer, lda int, bt, c unsafe.Pointer, ldc int, alpha, beta float64)

// PackNarrowF32AVX512 packs steps whole steps (16 rows each) of the
// float32 matrix B, n columns, rows contiguous (ldb = n), for
// GemmNarrowF32AVX512, w columns wide: bt[(s*w+j)*16+q] = b[(s*16+q)*n+j].
// Columns n…w−1 are not written. steps ≥ 1, 2 ≤ n ≤ w ≤ 8. Requires
// AVX512F.
//
//go:noescape
func PackNarrowF32AVX512(steps, n int, b, bt unsafe.Pointer, w int)

// PackNarrowF64AVX512 is PackNarrowF32AVX512 for float64 and
// GemmNarrowF64AVX512: 8 rows a step, bt[(s*w+j)*8+q] = b[(s*8+q)*n+j].
// steps ≥ 1, 2 ≤ n ≤ w ≤ 4. Requires AVX512F.
//
//go:noescape
func PackNarrowF64AVX512(steps, n int, b, bt unsafe.Pointer, w int)

// StoreTransposedF32AVX512 stores blocks whole blocks of 16 rows of the
// float32 C (m×n, rows contiguous: ldc = n) from ct, its transpose (n rows
// of m): c[i*n+j] = ct[j*m+i], or beta·c[i*n+j] + ct[j*m+i] (the product
// rounded, then added) when beta ≠ 0, for i < 16·blocks. tab is the
// permutes' table for n: 16 int32 indices for each of the n output
// vectors of a block (lane e of vector o, element E = 16·o+e of the
// block: E/n, plus 16 if E%n is odd), then their masks, 8 uint16 per
// output vector (bit e of mask t of vector o: E%n is 2t or 2t+1). blocks
// ≥ 1, 2 ≤ n ≤ 8, 16·blocks ≤ m. Requires AVX512F.
//
//go:noescape
func StoreTransposedF32AVX512(blocks, n int, ct unsafe.Pointer, m int, c, tab unsafe.Pointer, beta float32)
