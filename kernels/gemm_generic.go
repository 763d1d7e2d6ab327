package kernels

// The generic GEMM pieces: packing (used at every level) and the portable
// micro-kernel, which is also the specification every assembly
// micro-kernel is tested against.

// Packed layouts. A block of mc rows × kc columns of op(A) is packed as
// ceil(mc/mr) slivers of kc×mr elements: sliver s holds rows s·mr … s·mr+mr−1,
// column by column, so element (s·mr+r, l) is at s·kc·mr + l·mr + r. A block
// of kc rows × nc columns of op(B) is packed as ceil(nc/nr) slivers of
// kc×nr: element (l, s·nr+j) is at s·kc·nr + l·nr + j. Rows (columns) past
// the edge of the block are zero, so the micro-kernel always works on full
// tiles.

// packA packs rows ic…ic+mc−1, columns pc…pc+kc−1 of op(A) into dst.
func packA[T float32 | float64](dst, a []T, lda int, aTrans bool, ic, mc, pc, kc, mr int) {
	for s := 0; s*mr < mc; s++ {
		d := dst[s*kc*mr : (s+1)*kc*mr]
		i0 := ic + s*mr
		rows := min(mr, mc-s*mr)
		switch {
		case aTrans && rows == mr && copyRows(d, a[pc*lda+i0:], lda, kc, mr):
			// A whole sliver of contiguous runs, copied by assembly.
		case aTrans:
			// op(A)[i][l] = a[l*lda+i]: each l is a contiguous run of rows.
			for l := range kc {
				src := a[(pc+l)*lda+i0 : (pc+l)*lda+i0+rows]
				dl := d[l*mr : l*mr+mr]
				copy(dl, src)
				clear(dl[rows:])
			}
		case mr == 6 && rows == 6 && packA6(d, a, lda, i0, pc, kc):
			// A whole 6-row sliver, interleaved by assembly.
		case mr == 6 && rows == 6:
			packRows6(d, a, lda, i0, pc, kc)
		default:
			// op(A)[i][l] = a[i*lda+l]: each row is contiguous, scattered
			// with stride mr.
			for r := range rows {
				src := a[(i0+r)*lda+pc : (i0+r)*lda+pc+kc]
				for l, v := range src {
					d[l*mr+r] = v
				}
			}
			for r := rows; r < mr; r++ {
				for l := range kc {
					d[l*mr+r] = 0
				}
			}
		}
	}
}

// packRows6 is packA's loop for a full sliver of 6 untransposed rows (the
// amd64 tiles): it reads the six rows side by side so the stores are
// contiguous.
func packRows6[T float32 | float64](d, a []T, lda, i0, pc, kc int) {
	r0 := a[i0*lda+pc:][:kc]
	r1 := a[(i0+1)*lda+pc:][:kc]
	r2 := a[(i0+2)*lda+pc:][:kc]
	r3 := a[(i0+3)*lda+pc:][:kc]
	r4 := a[(i0+4)*lda+pc:][:kc]
	r5 := a[(i0+5)*lda+pc:][:kc]
	d = d[:6*kc]
	for l := range kc {
		dl := d[l*6 : l*6+6 : l*6+6]
		dl[0], dl[1], dl[2], dl[3], dl[4], dl[5] = r0[l], r1[l], r2[l], r3[l], r4[l], r5[l]
	}
}

// packB packs rows pc…pc+kc−1, columns jc…jc+nc−1 of op(B) into dst.
func packB[T float32 | float64](dst, b []T, ldb int, bTrans bool, pc, kc, jc, nc, nr int) {
	for s := 0; s*nr < nc; s++ {
		d := dst[s*kc*nr : (s+1)*kc*nr]
		j0 := jc + s*nr
		cols := min(nr, nc-s*nr)
		switch {
		case !bTrans && cols == nr && copyRows(d, b[pc*ldb+j0:], ldb, kc, nr):
			// A whole sliver of contiguous rows, copied by assembly.
		case !bTrans:
			// op(B)[l][j] = b[l*ldb+j]: each l is a contiguous run of
			// columns.
			for l := range kc {
				src := b[(pc+l)*ldb+j0 : (pc+l)*ldb+j0+cols]
				dl := d[l*nr : l*nr+nr]
				copy(dl, src)
				clear(dl[cols:])
			}
		case cols == nr && packTrans(d, b[j0*ldb+pc:], ldb, kc, nr):
			// A whole sliver of transposed B, by in-register transposes.
		default:
			// op(B)[l][j] = b[j*ldb+l]: each column is contiguous in b;
			// gather one packed row at a time so the stores are contiguous.
			for l := range kc {
				dl := d[l*nr : l*nr+nr]
				for j := range cols {
					dl[j] = b[(j0+j)*ldb+pc+l]
				}
				clear(dl[cols:])
			}
		}
	}
}

// gemmMicroGeneric is the specification of the micro-kernels. For each of
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
func gemmMicroGeneric[T float32 | float64](mr, nr, k, tiles int, a, b, c []T, ldc int, alpha, beta T) {
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

// gemmMicro4x4 is gemmMicroGeneric for 4×4 tiles, with the sums in
// sixteen local variables so the compiler keeps them in registers: the
// generic level's micro-kernel.
func gemmMicro4x4[T float32 | float64](k, tiles int, a, b, c []T, ldc int, alpha, beta T) {
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

// gemmSmall computes a small product directly, without packing, blocking
// or goroutines (which cost more than the arithmetic when m·n·k is a few
// hundred): each element's sum in order l = 0, 1, …, k−1, accumulated a
// row at a time, then the micro-kernels' epilogue (alpha·sum; beta·C
// rounded, then added; C not read when beta == 0). n ≤ smallGemmMaxN.
func gemmSmall[T float32 | float64](g *gemmArgs[T]) {
	var accBuf [smallGemmMaxN]T
	m, n, k := g.m, g.n, g.k
	a, lda, b, ldb := g.a, g.lda, g.b, g.ldb
	acc := accBuf[:n]
	for i := range m {
		clear(acc)
		for l := range k {
			var ail T
			if g.aTrans {
				ail = a[l*lda+i]
			} else {
				ail = a[i*lda+l]
			}
			if g.bTrans {
				for j := range acc {
					acc[j] += ail * b[j*ldb+l]
				}
			} else {
				bl := b[l*ldb : l*ldb+n]
				acc := acc[:len(bl)] // one bounds check for the row, not one per element
				for j, bv := range bl {
					acc[j] += ail * bv
				}
			}
		}
		storeTile(g.c[i*g.ldc:], g.ldc, acc, 1, n, g.alpha, g.beta)
	}
}

// smallGemmMaxN is the widest C gemmSmall takes (its row of sums lives on
// the stack).
const smallGemmMaxN = 64
