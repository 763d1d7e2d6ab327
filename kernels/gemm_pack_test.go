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
	prev := active
	defer SetLevel(prev)
	for _, l := range supported {
		SetLevel(l)
		t.Run(l.String(), func(t *testing.T) {
			testPack[float32](t)
			testPack[float64](t)
		})
	}
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
			for _, mc := range []int{1, 6, mr - 1, mr, mr + 1, mr + 6, 2*mr + 5} { // 6: the amd64 fast path's height
				ic, pc, kc := 3, 2, 13
				if mc < 1 || ic+mc > min(rows, cols) {
					continue
				}
				name := fmt.Sprintf("trans=%v/mr=%d/mc=%d", trans, mr, mc)
				dst := make([]T, ceilDiv(mc, mr)*mr*kc)
				packA(dst, src, ld, trans, ic, mc, pc, kc, mr)
				for s := 0; s*mr < mc; s++ {
					for l := range kc {
						for r := range mr {
							var want T
							if s*mr+r < mc {
								want = at(trans, ic+s*mr+r, pc+l)
							}
							if got := dst[s*kc*mr+l*mr+r]; got != want {
								t.Fatalf("packA %s: sliver %d, l=%d, r=%d: got %v, want %v", name, s, l, r, got, want)
							}
						}
					}
				}
				// packB with the same numbers: op(B)[l][j] for l in pc…, j in jc…
				bTrans := !trans
				dst = make([]T, ceilDiv(mc, mr)*mr*kc)
				packB(dst, src, ld, bTrans, pc, kc, ic, mc, mr)
				for s := 0; s*mr < mc; s++ {
					for l := range kc {
						for j := range mr {
							var want T
							if s*mr+j < mc {
								want = at(bTrans, pc+l, ic+s*mr+j)
							}
							if got := dst[s*kc*mr+l*mr+j]; got != want {
								t.Fatalf("packB %s: sliver %d, l=%d, j=%d: got %v, want %v", name, s, l, j, got, want)
							}
						}
					}
				}
			}
		}
	}
}
