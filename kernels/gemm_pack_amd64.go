//go:build !purego

package kernels

import (
	"unsafe"

	"github.com/emberml/ember/kernels/asm"
)

// copySlivers copies a block of rows rows of slivers·width elements, ld
// apart in src, into slivers slivers of rows×width elements, stride
// elements apart in dst: dst[s*stride+r*width+j] = src[r*ld+s*width+j]
// (stride ≥ rows·width; the elements between slivers are not written). It
// reports whether it could (assembly, which needs only AVX, so every
// assembly level has it; width a multiple of 64 bytes: the B slivers of
// both amd64 levels). Each source row is read once, front to back, while
// the one two below is prefetched. Sliver by sliver, the reads of a
// sliver are ld apart, which the hardware prefetchers follow far worse: on
// an AMD Zen 5, B of a 1024³ product packed from memory at 11 GB/s that
// way and at 31 this way; with packA6's prefetch, the whole sgemm ran 4–5 %
// faster (see ARCHITECTURE.md).
func copySlivers[T float32 | float64](dst, src []T, ld, rows, width, slivers, stride int) bool {
	var zero T
	size := int(unsafe.Sizeof(zero))
	if active < AVX2 || width*size%64 != 0 || rows < 1 || width < 1 || slivers < 1 || stride < rows*width ||
		len(dst) < (slivers-1)*stride+rows*width || len(src) < (rows-1)*ld+slivers*width {
		return false
	}
	asm.CopySliversAVX(unsafe.Pointer(unsafe.SliceData(dst)), unsafe.Pointer(unsafe.SliceData(src)), rows, ld*size, width*size, slivers, stride*size)
	return true
}

// packA6 packs a full sliver of six untransposed rows of A (rows i0…i0+5,
// columns pc…pc+kc−1) into d with assembly, and reports whether it could:
// packRows6 in Go gathers one element at a time.
func packA6[T float32 | float64](d, a []T, lda, i0, pc, kc int) bool {
	var zero T
	size := int(unsafe.Sizeof(zero))
	off := i0*lda + pc
	if active < AVX2 || kc < 1 || len(d) < 6*kc || len(a) < off+5*lda+kc {
		return false
	}
	dst, src := unsafe.Pointer(unsafe.SliceData(d)), unsafe.Pointer(&a[off])
	if size == 4 {
		asm.PackA6F32AVX(dst, src, lda*size, kc)
	} else {
		asm.PackA6F64AVX(dst, src, lda*size, kc)
	}
	return true
}

// packA6Trans packs a full sliver of six rows of a transposed A (op(A)'s
// rows i0…i0+5 are columns of the stored A; its columns pc…pc+kc−1 are
// rows) into d with assembly, and reports whether it could. Each of the kc
// runs is six contiguous elements: four of them per step take far fewer
// instructions than a general row copy (the TN product 784×256×128 ran
// 2 % faster than with one, AMD Zen 5). Copied across the block's slivers
// instead, like B (copySlivers), those runs made a hot 128×784 float32 A
// pack at 25 GB/s against 41 sliver by sliver (the likely reason: the
// 24-byte runs of a block's 56 slivers, 3 KB apart, fall into four sets
// of L1).
func packA6Trans[T float32 | float64](d, a []T, lda, i0, pc, kc int) bool {
	var zero T
	size := int(unsafe.Sizeof(zero))
	off := pc*lda + i0
	if active < AVX2 || kc < 1 || len(d) < 6*kc || len(a) < off+(kc-1)*lda+6 {
		return false
	}
	dst, src := unsafe.Pointer(unsafe.SliceData(d)), unsafe.Pointer(&a[off])
	if size == 4 {
		asm.PackA6TransF32AVX(dst, src, lda*size, kc)
	} else {
		asm.PackA6TransF64AVX(dst, src, lda*size, kc)
	}
	return true
}

// packTrans packs source rows (ld apart, from src) as the columns of
// dst's rows of nr: dst[l*nr+j] = src[j*ld+l] for l < k and j below rows
// rounded down to a whole 32 bytes of elements (8 floats, 4 doubles), by
// assembly that needs only AVX, so every assembly level has it. It returns
// how many rows it packed (0 when it could not); the caller does the rest:
// the transposed-B case, which Go gathers one element at a time.
func packTrans[T float32 | float64](dst, src []T, ld, k, rows, nr int) int {
	var zero T
	size := int(unsafe.Sizeof(zero))
	rows -= rows % (32 / size)
	if active < AVX2 || k < 1 || rows < 1 || rows > nr || len(dst) < (k-1)*nr+rows || len(src) < (rows-1)*ld+k {
		return 0
	}
	d, s := unsafe.Pointer(unsafe.SliceData(dst)), unsafe.Pointer(unsafe.SliceData(src))
	if size == 4 {
		asm.PackTransF32AVX(d, s, ld*size, k, rows, nr)
	} else {
		asm.PackTransF64AVX(d, s, ld*size, k, rows, nr)
	}
	return rows
}

// packNarrowSteps packs the whole steps (lanes rows of op(B) each) of
// packNarrowB's layout with assembly where it can, B not transposed with
// its rows contiguous (ldb = n) at AVX-512, and returns how many it packed
// (0: packNarrowB packs every step in Go). Each column's vector is put
// together by permutes from the step's n vectors of B: float32 128×4 in
// 37 ns against the Go loop's 228 (AMD Zen 5; 128×8 126 against 420).
func packNarrowSteps[T float32 | float64](bt, b []T, ldb int, bTrans bool, k, n, w, lanes int) int {
	var zero T
	size := int(unsafe.Sizeof(zero))
	steps := k / lanes
	if active != AVX512 || bTrans || ldb != n || n < 2 || n > w || w*size > 32 || lanes*size != 64 ||
		steps < 1 || len(b) < steps*lanes*n || len(bt) < steps*w*lanes {
		return 0
	}
	src, dst := unsafe.Pointer(unsafe.SliceData(b)), unsafe.Pointer(unsafe.SliceData(bt))
	if size == 4 {
		asm.PackNarrowF32AVX512(steps, n, src, dst, w)
	} else {
		asm.PackNarrowF64AVX512(steps, n, src, dst, w)
	}
	return steps
}

// transposeTable is StoreTransposedF32AVX512's table for n columns: for
// output vector o of a block of 16 rows of C (elements 16·o … 16·o+15 of
// its 16·n, element E in row E/n, column E%n), each lane's row in the
// block plus 16 if its column is odd (idx: the two-table permutes' index
// within a pair of Cᵀ's rows) and, for each pair t of columns (2t, 2t+1),
// the lanes whose column is in it (masks).
type transposeTable struct {
	idx   [8][16]int32
	masks [8][8]uint16
}

// transposeTables holds the tables for n = 2 … 8.
var transposeTables = func() (t [9]transposeTable) {
	for n := 2; n <= 8; n++ {
		for o := 0; o < n; o++ {
			for e := 0; e < 16; e++ {
				el := 16*o + e
				row, col := el/n, el%n
				t[n].idx[o][e] = int32(row + 16*(col%2))
				t[n].masks[o][col/2] |= 1 << e
			}
		}
	}
	return t
}()

// storeTransposedBlocks stores the whole blocks of 16 rows of
// storeTransposed's C with assembly where it can (float32, C's rows
// contiguous, AVX-512)
// and returns how many rows it stored (0: storeTransposed stores them
// all in Go). The block's n output vectors are put together by permutes
// from the scratch's n rows, one per pair of them. Against Go's loops
// (AMD Zen 5, medians of 11, another process running): float32 128×n
// for n = 2 … 8 27, 46, 55, 82, 135, 172, 200 ns against 91, 299, 134,
// 469, 569, 658, 263; with one permute per row, n = 8 took 235–382 ns.
func storeTransposedBlocks[T float32 | float64](c []T, ldc int, ct []T, m, n int, beta T) int {
	var zero T
	blocks := m / 16
	if active != AVX512 || unsafe.Sizeof(zero) != 4 || ldc != n || n < 2 || n > 8 || blocks < 1 ||
		len(c) < m*n || len(ct) < n*m {
		return 0
	}
	asm.StoreTransposedF32AVX512(blocks, n, unsafe.Pointer(unsafe.SliceData(ct)), m, unsafe.Pointer(unsafe.SliceData(c)),
		unsafe.Pointer(&transposeTables[n]), float32(beta))
	return 16 * blocks
}
