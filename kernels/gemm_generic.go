package kernels

import "unsafe"

// The micro-kernels' contract and the portable micro-kernel. Each level's
// assembly micro-kernel (selected by gemmTile in gemm_amd64.go,
// gemm_arm64.go or gemm_noasm.go, called through runMicroKernel) is tested
// against microKernelSpec; microKernel4x4 is the generic level's.

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

// The generic level's tile. 4×4 keeps sixteen accumulators in registers.
const (
	genericMR = 4
	genericNR = 4
)

// microKernel4x4 is microKernelSpec for 4×4 tiles, with the sums in
// sixteen local variables so the compiler keeps them in registers: the
// generic level's micro-kernel.
func microKernel4x4[T float32 | float64](k, tiles int, a, b, c []T, ldc int, alpha, beta T) {
	var acc [genericMR * genericNR]T
	for t := range tiles {
		at := a[t*4*k : (t+1)*4*k]
		bt := b[:4*k]
		var c00, c01, c02, c03, c10, c11, c12, c13 T
		var c20, c21, c22, c23, c30, c31, c32, c33 T
		// Reslicing by four lets the compiler drop every bounds check in
		// the loop.
		for len(at) >= 4 && len(bt) >= 4 {
			a0, a1, a2, a3 := at[0], at[1], at[2], at[3]
			b0, b1, b2, b3 := bt[0], bt[1], bt[2], bt[3]
			at, bt = at[4:], bt[4:]
			c00 += a0 * b0
			c01 += a0 * b1
			c02 += a0 * b2
			c03 += a0 * b3
			c10 += a1 * b0
			c11 += a1 * b1
			c12 += a1 * b2
			c13 += a1 * b3
			c20 += a2 * b0
			c21 += a2 * b1
			c22 += a2 * b2
			c23 += a2 * b3
			c30 += a3 * b0
			c31 += a3 * b1
			c32 += a3 * b2
			c33 += a3 * b3
		}
		acc = [...]T{c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33}
		storeTile(c[t*4*ldc:], ldc, acc[:], 4, 4, alpha, beta)
	}
}

// microKernel4x4Unsafe runs the generic level's 4×4 micro-kernel on raw pointers,
// with the contract of microKernelSpec.
func microKernel4x4Unsafe[T float32 | float64](k, tiles int, a, b, c unsafe.Pointer, ldc int, alpha, beta T) {
	as := unsafe.Slice((*T)(a), tiles*genericMR*k)
	bs := unsafe.Slice((*T)(b), genericNR*k)
	cs := unsafe.Slice((*T)(c), (tiles*genericMR-1)*ldc+genericNR)
	microKernel4x4(k, tiles, as, bs, cs, ldc, alpha, beta)
}
