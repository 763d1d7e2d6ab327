package kernels

import (
	"fmt"
	"testing"
)

// TestPackLayouts checks packA and packB (with whatever assembly the active
// level uses) against the packed layouts' definitions, for every tile
// height and width any level uses, partial slivers included, at every
// level this CPU supports. The GEMM sweeps only reach the tile sizes of the
// machine they run on.
func TestPackLayouts(t *testing.T) {
	forEachSupported(t, func(t *testing.T) {
		testPack[float32](t)
		testPack[float64](t)
	})
}

func testPack[T float32 | float64](t *testing.T) {
	const rows, cols, ld = 40, 50, 53
	src := make([]T, (rows-1)*ld+cols)
	for i := range src {
		src[i] = T(i + 1)
	}
	at := func(trans bool, i, l int) T { // op(X)[i][l] of the stored rows×cols X
		if trans {
			return src[l*ld+i]
		}
		return src[i*ld+l]
	}
	for _, trans := range []bool{false, true} {
		for _, mr := range []int{4, 6, 8, 12, 16, 32, 64} {
			for _, mcKC := range [][2]int{{1, 13}, {6, 13}, {6, 37}, {mr - 1, 13}, {mr, 13}, {mr, 37}, {mr + 1, 13}, {mr + 6, 13}, {2*mr + 5, 13}, {2*mr + 5, 37}} { // mc 6: the amd64 fast path's height; kc 37: its loops of 16 and 8 columns
				mc, kc := mcKC[0], mcKC[1]
				ic, pc := 3, 2
				if mc < 1 || ic+mc > min(rows, cols) || pc+kc > min(rows, cols) {
					continue
				}
				name := fmt.Sprintf("trans=%v/mr=%d/mc=%d/kc=%d", trans, mr, mc, kc)
				// check compares dst, packed in slivers of mr, with
				// want(i, l) for i < mc (0 beyond), l < kc; index names
				// the position within a sliver in messages.
				check := func(pack, index string, dst []T, want func(i, l int) T) {
					for s := 0; s*mr < mc; s++ {
						for l := range kc {
							for r := range mr {
								var w T
								if s*mr+r < mc {
									w = want(s*mr+r, l)
								}
								if got := dst[s*kc*mr+l*mr+r]; got != w {
									t.Fatalf("%s %s: sliver %d, l=%d, %s=%d: got %v, want %v", pack, name, s, l, index, r, got, w)
								}
							}
						}
					}
				}
				// dst starts dirty, so the padding must be written.
				dirty := func() []T {
					d := make([]T, ceilDiv(mc, mr)*mr*kc)
					for i := range d {
						d[i] = -7
					}
					return d
				}
				dst := dirty()
				packA(dst, src, ld, trans, ic, mc, pc, kc, mr)
				check("packA", "r", dst, func(i, l int) T { return at(trans, ic+i, pc+l) })
				// packB with the same numbers: op(B)[l][j] for l in pc…, j in jc…
				bTrans := !trans
				dst = dirty()
				packB(dst, src, ld, bTrans, pc, kc, ic, mc, mr, kc*mr)
				check("packB", "j", dst, func(j, l int) T { return at(bTrans, pc+l, ic+j) })
				// Slivers a padded stride apart (the blocked path's private
				// panels): each where the stride puts it, the gaps untouched.
				const pad = 5
				slivers := ceilDiv(mc, mr)
				padded := make([]T, slivers*(kc*mr+pad))
				for i := range padded {
					padded[i] = -7
				}
				packB(padded, src, ld, bTrans, pc, kc, ic, mc, mr, kc*mr+pad)
				for s := range slivers {
					for i := range kc * mr {
						dst[s*kc*mr+i] = padded[s*(kc*mr+pad)+i]
					}
					for i := range pad {
						if v := padded[s*(kc*mr+pad)+kc*mr+i]; v != -7 {
							t.Fatalf("packB %s, stride %d: gap after sliver %d written (%v)", name, kc*mr+pad, s, v)
						}
					}
				}
				check("packB padded", "j", dst, func(j, l int) T { return at(bTrans, pc+l, ic+j) })
			}
		}
	}
}
