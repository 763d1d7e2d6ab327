//go:build !purego

package asm

import "unsafe"

// GEMM micro-kernels for amd64, in gemm_avx2_amd64.s and
// gemm_avx512_amd64.s. Each computes tiles consecutive MR×NR tiles of C
// down one column sliver:
//
//	for t := 0; t < tiles; t++ {
//		for i := 0; i < MR; i++ {
//			for j := 0; j < NR; j++ {
//				var acc T // FMAs in order l = 0, 1, …, k-1
//				for l := 0; l < k; l++ { acc += a[(t*k+l)*MR+i] * b[l*ldb+j] }
//				r := alpha * acc
//				p := &c[(t*MR+i)*ldc+j]
//				if beta == 0 { *p = r } else { *p = beta**p + r } // product rounded, then added
//			}
//		}
//	}
//
// a points at tiles packed A slivers of k×MR elements, b at k rows of NR
// elements, ldb apart: a packed B sliver (ldb = NR) or NR columns of the
// caller's B in place; c at the tile's top-left element. ldb and ldc are
// in elements.
// k ≥ 1 and tiles ≥ 1. beta == 0 (either sign) means C is not read; a NaN
// beta counts as non-zero.

// GemmF32AVX2 is the 6×16 float32 micro-kernel. Requires AVX2 and FMA3.
//
//go:noescape
func GemmF32AVX2(k, tiles int, a, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float32)

// GemmF64AVX2 is the 6×8 float64 micro-kernel. Requires AVX2 and FMA3.
//
//go:noescape
func GemmF64AVX2(k, tiles int, a, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float64)

// GemmF32AVX512 is the 6×64 float32 micro-kernel. Requires AVX512F.
//
//go:noescape
func GemmF32AVX512(k, tiles int, a, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float32)

// GemmF64AVX512 is the 6×32 float64 micro-kernel. Requires AVX512F.
//
//go:noescape
func GemmF64AVX512(k, tiles int, a, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float64)
