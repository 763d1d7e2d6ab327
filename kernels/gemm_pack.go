package kernels

// Packing for the blocked path, in Go (used at every level; the amd64
// levels speed up whole slivers with gemm_pack_amd64.go's assembly).
//
// Packed layouts. A block of mc rows × kc columns of op(A) is packed as
// ceil(mc/mr) slivers of kc×mr elements: sliver s holds rows s·mr … s·mr+mr−1,
// column by column, so element (s·mr+r, l) is at s·kc·mr + l·mr + r. A block
// of kc rows × nc columns of op(B) is packed as ceil(nc/nr) slivers of
// kc×nr, stride elements apart (at least kc·nr): element (l, s·nr+j) is at
// s·stride + l·nr + j. Rows (columns) past the edge of the block are zero,
// so the micro-kernel always works on full tiles. (Where the level's edge
// strips compute an A block's last mc mod mr rows from op(A) in place,
// gemmPart and packShared leave that partial sliver out: packedARows;
// its room stays in the layout.) A part's private B panel has a line of
// padding after each sliver (bSliverStride), never written or read; the
// panel parallel parts share has none.

// packA packs rows ic…ic+mc−1, columns pc…pc+kc−1 of op(A) into dst.
func packA[T float32 | float64](dst, a []T, lda int, aTrans bool, ic, mc, pc, kc, mr int) {
	for s := 0; s*mr < mc; s++ {
		d := dst[s*kc*mr : (s+1)*kc*mr]
		i0 := ic + s*mr
		rows := min(mr, mc-s*mr)
		switch {
		case aTrans && rows == 6 && mr == 6 && packA6Trans(d, a, lda, i0, pc, kc):
			// A whole 6-row sliver of contiguous runs, copied by assembly.
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
			// with stride mr over a cleared sliver: one memclr instead of a
			// strided zero loop per missing row took a 2-row float32
			// sliver (kc = 262) from 1.75 µs to 0.63 µs, against 0.24 µs
			// for a full 6-row sliver in assembly (Xeon, medians of 3).
			clear(d)
			for r := range rows {
				src := a[(i0+r)*lda+pc : (i0+r)*lda+pc+kc]
				for l, v := range src {
					d[l*mr+r] = v
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

// packB packs rows pc…pc+kc−1, columns jc…jc+nc−1 of op(B) into dst, in
// slivers stride elements apart (stride ≥ kc·nr).
func packB[T float32 | float64](dst, b []T, ldb int, bTrans bool, pc, kc, jc, nc, nr, stride int) {
	first := 0 // the first sliver left to pack
	if !bTrans && nc >= nr && copySlivers(dst, b[pc*ldb+jc:], ldb, kc, nr, nc/nr, stride) {
		// The whole slivers, each l a contiguous run of their columns,
		// copied by assembly that reads B's rows once, front to back.
		first = nc / nr
	}
	for s := first; s*nr < nc; s++ {
		d := dst[s*stride : s*stride+kc*nr]
		j0 := jc + s*nr
		cols := min(nr, nc-s*nr)
		switch {
		case !bTrans:
			// op(B)[l][j] = b[l*ldb+j]: each l is a contiguous run of
			// columns.
			for l := range kc {
				src := b[(pc+l)*ldb+j0 : (pc+l)*ldb+j0+cols]
				dl := d[l*nr : l*nr+nr]
				copy(dl, src)
				clear(dl[cols:])
			}
		default:
			// op(B)[l][j] = b[j*ldb+l]: each column is contiguous in b.
			// packTrans transposes whole groups of columns; the rest are
			// gathered one packed row at a time so the stores are
			// contiguous.
			done := packTrans(d, b[j0*ldb+pc:], ldb, kc, cols, nr)
			if done == nr {
				continue
			}
			for l := range kc {
				dl := d[l*nr : l*nr+nr]
				for j := done; j < cols; j++ {
					dl[j] = b[(j0+j)*ldb+pc+l]
				}
				clear(dl[cols:])
			}
		}
	}
}
