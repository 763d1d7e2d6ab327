//go:build !purego

package asm

import "unsafe"

// CopyRowsAVX2 copies rows rows of width bytes each, the first at src and
// each next stride bytes further, to dst, one after another:
//
//	for r := 0; r < rows; r++ {
//		copy(dst[r*width:(r+1)*width], src[r*stride:r*stride+width])
//	}
//
// GEMM packs B with it. rows ≥ 1; width is a positive multiple of 32.
// Requires AVX.
//
//go:noescape
func CopyRowsAVX2(dst, src unsafe.Pointer, rows, stride, width int)
