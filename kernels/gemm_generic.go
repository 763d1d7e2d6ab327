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
// a[t·mr·k:]) and b one packed B sliver,
//
//	acc[i][j] = Σ_{l<k} a[t·mr·k + l·mr + i] · b[l·nr + j]    (in order l = 0, 1, …)
//	r = alpha·acc[i][j]
//	c[(t·mr+i)·ldc + j] = r                  if beta == 0 (c not read)
//	                    = beta·c[…] + r      otherwise, product rounded first
//
// Assembly kernels form acc with FMAs in the same order; this version may
// or may not fuse, as the compiler decides for the platform.
func microKernelSpec[T float32 | float64](mr, nr, k, tiles int, a, b, c []T, ldc int, alpha, beta T) {
	acc := make([]T, mr*nr)
	for t := range tiles {
		clear(acc)
		at := a[t*mr*k : (t+1)*mr*k]
		for l := range k {
			for i := range mr {
				ai := at[l*mr+i]
				for j := range nr {
					acc[i*nr+j] += ai * b[l*nr+j]
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
// tile spills there, and ran at 2.9–3.4 GFLOP/s against 3.7–4.9 for 2×4
// (float32, k = 256, a 96-row A block; Xeon, -tags purego).
const (
	genericMR = 2
	genericNR = 4
)

// microKernel2x4 is microKernelSpec for 2×4 tiles, with the sums in eight
// local variables so the compiler keeps them in registers: the generic
// level's micro-kernel. The slices' lengths are checked once; the loop
// then walks A and B by pointer, with no bounds check per element.
func microKernel2x4[T float32 | float64](k, tiles int, a, b, c []T, ldc int, alpha, beta T) {
	if k < 1 || tiles < 1 {
		return
	}
	_ = a[tiles*genericMR*k-1]
	_ = b[genericNR*k-1]
	_ = c[(tiles*genericMR-1)*ldc+genericNR-1]
	var zero T
	size := unsafe.Sizeof(zero)
	bp0 := unsafe.Pointer(unsafe.SliceData(b))
	for t := range tiles {
		ap := unsafe.Pointer(&a[t*genericMR*k])
		bp := bp0
		var c00, c01, c02, c03, c10, c11, c12, c13 T
		for range k {
			a0 := *(*T)(ap)
			a1 := *(*T)(unsafe.Add(ap, size))
			b0 := *(*T)(bp)
			b1 := *(*T)(unsafe.Add(bp, size))
			b2 := *(*T)(unsafe.Add(bp, 2*size))
			b3 := *(*T)(unsafe.Add(bp, 3*size))
			ap = unsafe.Add(ap, genericMR*size)
			bp = unsafe.Add(bp, genericNR*size)
			c00 += a0 * b0
			c01 += a0 * b1
			c02 += a0 * b2
			c03 += a0 * b3
			c10 += a1 * b0
			c11 += a1 * b1
			c12 += a1 * b2
			c13 += a1 * b3
		}
		acc := [genericMR * genericNR]T{c00, c01, c02, c03, c10, c11, c12, c13}
		storeTile(c[t*genericMR*ldc:], ldc, acc[:], genericMR, genericNR, alpha, beta)
	}
}

// microKernelGenericUnsafe runs the generic level's micro-kernel on raw
// pointers, with the contract of microKernelSpec.
func microKernelGenericUnsafe[T float32 | float64](k, tiles int, a, b, c unsafe.Pointer, ldc int, alpha, beta T) {
	as := unsafe.Slice((*T)(a), tiles*genericMR*k)
	bs := unsafe.Slice((*T)(b), genericNR*k)
	cs := unsafe.Slice((*T)(c), (tiles*genericMR-1)*ldc+genericNR)
	microKernel2x4(k, tiles, as, bs, cs, ldc, alpha, beta)
}
