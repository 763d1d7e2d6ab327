package kernels

import "unsafe"

// The micro-kernels' contract and the portable micro-kernel. Each level's
// assembly micro-kernel (selected by gemmTile in gemm_amd64.go,
// gemm_arm64.go or gemm_noasm.go, called through runMicroKernel) is tested
// against microKernelSpec; microKernel2x4 is the generic level's.

// microKernelID names a micro-kernel: one level's assembly for one element
// type, or the generic Go one.
type microKernelID int

const (
	microGeneric microKernelID = iota
	microF32AVX2
	microF64AVX2
	microF32AVX512
	microF64AVX512
	microF32NEON
	microF64NEON
)

// microKernelSpec is the specification of the micro-kernels. For each of
// tiles consecutive mr×nr tiles t, with a the packed A slivers (tile t's at
// a[t·mr·k:]) and b k rows of nr elements, ldb apart (a packed B sliver,
// ldb = nr, or nr columns of the caller's B in place),
//
//	acc[i][j] = Σ_{l<k} a[t·mr·k + l·mr + i] · b[l·ldb + j]    (in order l = 0, 1, …)
//	r = alpha·acc[i][j]
//	c[(t·mr+i)·ldc + j] = r                  if beta == 0 (c not read)
//	                    = beta·c[…] + r      otherwise, product rounded first
//
// Assembly kernels form acc with FMAs in the same order; this version may
// or may not fuse, as the compiler decides for the platform.
func microKernelSpec[T float32 | float64](mr, nr, k, tiles int, a, b []T, ldb int, c []T, ldc int, alpha, beta T) {
	acc := make([]T, mr*nr)
	for t := range tiles {
		clear(acc)
		at := a[t*mr*k : (t+1)*mr*k]
		for l := range k {
			for i := range mr {
				ai := at[l*mr+i]
				for j := range nr {
					acc[i*nr+j] += ai * b[l*ldb+j]
				}
			}
		}
		storeTile(c[t*mr*ldc:], ldc, acc, mr, nr, alpha, beta)
	}
}

// storeTile applies the micro-kernel contract's epilogue to an mr×nr tile
// of sums.
func storeTile[T float32 | float64](c []T, ldc int, acc []T, mr, nr int, alpha, beta T) {
	for i := range mr {
		ci := c[i*ldc : i*ldc+nr]
		for j := range ci {
			r := alpha * acc[i*nr+j]
			if beta == 0 {
				ci[j] = r
			} else {
				ci[j] = T(beta*ci[j]) + r
			}
		}
	}
}

// The generic level's tile. 2×4 keeps its eight sums, two A values and
// four B values in registers even on amd64's sixteen XMM registers: a 4×4
// tile spills there. Float32, k = 256, a 96-row A block, on an AVX-512
// Xeon (GFLOP/s, several runs each): 4×4 with slices 2.9–3.4, 2×4 with
// slices 3.4–3.9; in a later, slower sitting, 2×4 by pointer with constant
// offsets 3.6–4.4, sum2x4 stepping its pointers 4.1–5.1 (invalid under
// checkptr: the last step points past the end) and sum2x4 as written,
// base pointers and offsets, 4.0–4.6.
const (
	genericMR = 2
	genericNR = 4
)

// microKernel2x4 is microKernelSpec for 2×4 tiles, with the sums in eight
// local variables so the compiler keeps them in registers (sum2x4): the
// generic level's micro-kernel. The slices' lengths are checked once;
// sum2x4 then walks A and B by pointer, with no bounds check per element.
func microKernel2x4[T float32 | float64](k, tiles int, a, b []T, ldb int, c []T, ldc int, alpha, beta T) {
	if k < 1 || tiles < 1 {
		return
	}
	_ = a[tiles*genericMR*k-1]
	_ = b[(k-1)*ldb+genericNR-1]
	_ = c[(tiles*genericMR-1)*ldc+genericNR-1]
	var zero T
	size := int(unsafe.Sizeof(zero))
	var acc [genericMR * genericNR]T
	for t := range tiles {
		// A sliver holds element (r, l) at l·mr + r, B (l, j) at
		// l·ldb + j.
		sum2x4(&acc, k, unsafe.Pointer(&a[t*genericMR*k]), size, genericMR*size, unsafe.Pointer(unsafe.SliceData(b)), ldb*size, size)
		storeTile(c[t*genericMR*ldc:], ldc, acc[:], genericMR, genericNR, alpha, beta)
	}
}

// sum2x4 sets acc to the sums of a 2×4 block of op(A)·op(B) over k steps
// of l, in order, each sum in its own variable: a points at op(A)'s first
// row of the block, aRow bytes to the next row, aStep to the next l; b at
// op(B)'s first column, bRow bytes to the next l, bCol to the next column.
// Both the micro-kernel (packed slivers) and gemmDirect (the caller's
// matrices in place) use it.
func sum2x4[T float32 | float64](acc *[8]T, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, bRow, bCol int) {
	// One base pointer per row of A and column of B, and byte offsets that
	// grow with l: every pointer formed points at an element (checkptr
	// rejects one stepped past the end, as the race detector's runs showed).
	a0p, a1p := a, unsafe.Add(a, aRow)
	b0p, b1p, b2p, b3p := b, unsafe.Add(b, bCol), unsafe.Add(b, 2*bCol), unsafe.Add(b, 3*bCol)
	var c00, c01, c02, c03, c10, c11, c12, c13 T
	ao, bo := 0, 0
	for range k {
		a0 := *(*T)(unsafe.Add(a0p, ao))
		a1 := *(*T)(unsafe.Add(a1p, ao))
		b0 := *(*T)(unsafe.Add(b0p, bo))
		b1 := *(*T)(unsafe.Add(b1p, bo))
		b2 := *(*T)(unsafe.Add(b2p, bo))
		b3 := *(*T)(unsafe.Add(b3p, bo))
		ao, bo = ao+aStep, bo+bRow
		c00 += a0 * b0
		c01 += a0 * b1
		c02 += a0 * b2
		c03 += a0 * b3
		c10 += a1 * b0
		c11 += a1 * b1
		c12 += a1 * b2
		c13 += a1 * b3
	}
	*acc = [8]T{c00, c01, c02, c03, c10, c11, c12, c13}
}

// microKernelGenericUnsafe runs the generic level's micro-kernel on raw
// pointers, with the contract of microKernelSpec.
func microKernelGenericUnsafe[T float32 | float64](k, tiles int, a, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta T) {
	as := unsafe.Slice((*T)(a), tiles*genericMR*k)
	bs := unsafe.Slice((*T)(b), (k-1)*ldb+genericNR)
	cs := unsafe.Slice((*T)(c), (tiles*genericMR-1)*ldc+genericNR)
	microKernel2x4(k, tiles, as, bs, ldb, cs, ldc, alpha, beta)
}
