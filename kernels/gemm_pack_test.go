package kernels

import (
	"fmt"
	"math"
	"testing"
	"unsafe"
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

// TestPackNarrowLayout checks packNarrowB (with the assembly the active
// level packs whole steps with: AVX-512, B not transposed, rows
// contiguous) against its layout's definition, into dirty space (NaN), so
// the zeros past k and in the columns past n must be written: every width
// the narrow kernels take, depths around the step, B transposed or not,
// its rows contiguous or padded.
func TestPackNarrowLayout(t *testing.T) {
	forEachSupported(t, func(t *testing.T) {
		testPackNarrow[float32](t, 8)
		testPackNarrow[float64](t, 4)
	})
}

func testPackNarrow[T float32 | float64](t *testing.T, maxN int) {
	var zero T
	lanes := narrowLanes(active, int(unsafe.Sizeof(zero)))
	if lanes == 0 {
		t.Skip("no narrow kernels at this level")
	}
	for n := 2; n <= maxN; n++ {
		w := narrowWidth(n)
		for _, k := range []int{1, lanes - 1, lanes, lanes + 1, 2*lanes - 1, 2 * lanes, 2*lanes + 1, 100} {
			for _, bTrans := range []bool{false, true} {
				for _, pad := range []int{0, 3} {
					rows, cols := k, n // B as stored
					if bTrans {
						rows, cols = n, k
					}
					ldb := cols + pad
					b := make([]T, (rows-1)*ldb+cols) // no element past B's last
					for i := range b {
						b[i] = T(i + 1)
					}
					space := make([]T, ceilDiv(k, lanes)*w*lanes+5)
					for i := range space {
						space[i] = T(math.NaN())
					}
					bt := packNarrowB(&space, b, ldb, bTrans, k, n, w, lanes)
					for i, got := range bt {
						s, j, q := i/(w*lanes), i/lanes%w, i%lanes
						var want T
						if l := s*lanes + q; l < k && j < n {
							if bTrans {
								want = b[j*ldb+l]
							} else {
								want = b[l*ldb+j]
							}
						}
						if got != want {
							t.Fatalf("%T n=%d k=%d bTrans=%v ldb=%d: bt[%d] (step %d, column %d, lane %d) = %v, want %v", got, n, k, bTrans, ldb, i, s, j, q, got, want)
						}
					}
				}
			}
		}
	}
}

// TestStoreTransposedLayout checks storeTransposed (with the assembly the
// active level stores whole blocks with: AVX-512 float32, C's rows
// contiguous) against its definition: every width the transposed strips
// take, heights around the 16-row block, C's rows contiguous or padded
// (the padding must stay), beta 0 (C holds NaN: not read) and not.
func TestStoreTransposedLayout(t *testing.T) {
	forEachSupported(t, func(t *testing.T) {
		testStoreTransposed[float32](t)
		testStoreTransposed[float64](t)
	})
}

func testStoreTransposed[T float32 | float64](t *testing.T) {
	for n := 2; n <= 8; n++ {
		for _, m := range []int{1, 15, 16, 17, 32, 33, 100} {
			for _, pad := range []int{0, 2} {
				for _, beta := range []T{0, 1.5} {
					ldc := n + pad
					ct := make([]T, n*m)
					for i := range ct {
						ct[i] = T(i + 1)
					}
					c := make([]T, (m-1)*ldc+n+3) // 3 past C's last element
					for i := range c {
						c[i] = T(math.NaN())
						if beta != 0 {
							c[i] = T(-i)
						}
					}
					orig := append([]T(nil), c...)
					storeTransposed(c[:(m-1)*ldc+n], ldc, ct, m, n, beta)
					for i := range c {
						row, j := i/ldc, i%ldc
						want := orig[i]
						if row < m && j < n {
							want = ct[j*m+row]
							if beta != 0 {
								want = T(beta*orig[i]) + ct[j*m+row]
							}
						}
						if got := c[i]; got != want && !(got != got && want != want) {
							t.Fatalf("%T n=%d m=%d ldc=%d beta=%v: c[%d] (row %d, column %d) = %v, want %v", got, n, m, ldc, beta, i, row, j, got, want)
						}
					}
				}
			}
		}
	}
}
