package kernels_test

import (
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/blas"

	"github.com/emberml/ember/internal/testutil"
	"github.com/emberml/ember/kernels"
)

// TestGemmEdgeTilesSameBits: the blocked path computes its edge tiles
// (the last mc mod mr rows, slivers narrower than nr) with the level's
// small-product kernel, which must give every element the bits the
// micro-kernel gives it through a whole tile in a buffer, so that no
// element's bits depend on where the tile grid puts it. Both ways are
// run on shapes with row and column edges, every transpose pair, beta 0
// and not, one kc block and several.
func TestGemmEdgeTilesSameBits(t *testing.T) {
	// 120 and 110 columns leave edges of 56 and 46 float32 columns (24 and
	// 14 float64), which the AVX-512 strips take four and three vectors
	// wide.
	shapes := [][3]int{{7, 70, 9}, {13, 17, 20}, {5, 3, 11}, {40, 90, 33}, {6, 64, 3}, {128, 200, 24}, {9, 120, 17}, {14, 110, 12}}
	bothWaysOnBlockedPath(t, shapes, kernels.SetEdgeStripsForTest, [2]string{"the edge strips", "whole tiles"}, true)
}

// bothWaysOnBlockedPath runs bitsBothWays at every level on each shape
// (through the blocked path: with the default blocks and with tiny ones,
// for several kc blocks and panels), every transpose pair (only an
// untransposed B without bTrans) and beta 0 and not.
func bothWaysOnBlockedPath(t *testing.T, shapes [][3]int, set func(on bool) (restore func()), ways [2]string, bTrans bool) {
	testutil.ForEachLevel(t, func(t *testing.T) {
		for _, kc := range []int{0, 5} {
			restore := kernels.SetGemmBlocksForTest(kc, 3, 2, math.Inf(1), 2)
			forEachShapeCase(shapes, []float64{0, 1.5}, func(name string, tA, tB blas.Transpose, s [3]int, beta float64) {
				if tB != blas.NoTrans && !bTrans {
					return
				}
				name = fmt.Sprintf("kc=%d %s", kc, name)
				bitsBothWays[float32](t, name, tA, tB, s[0], s[1], s[2], beta, set, ways)
				bitsBothWays[float64](t, name, tA, tB, s[0], s[1], s[2], beta, set, ways)
			})
			restore()
		}
	})
}

// bitsBothWays computes one product with set(true) and with set(false)
// (each returning its restore function) and fails unless every element
// has the same bits; ways names the two.
func bitsBothWays[T float32 | float64](t *testing.T, name string, tA, tB blas.Transpose, m, n, k int, beta float64, set func(on bool) (restore func()), ways [2]string) {
	t.Helper()
	r := testutil.NewRand(uint64(m*131 + n*7 + k))
	a, aCols, b, bCols := randomOperands[T](r, tA, tB, m, n, k)
	c0, _ := newMatrix[T](r, m, n, 0, false)
	var got [2][]T
	for i, on := range []bool{true, false} {
		restore := set(on)
		c := append([]T(nil), c0...)
		callGemm(tA, tB, m, n, k, 0.7, a, aCols, b, bCols, T(beta), c, n)
		restore()
		got[i] = c
	}
	for i := range got[0] {
		if math.Float64bits(float64(got[0][i])) != math.Float64bits(float64(got[1][i])) {
			t.Fatalf("%T %s: element %d is %v by %s, %v by %s", got[0][0], name, i, got[0][i], ways[0], got[1][i], ways[1])
		}
	}
}

// TestGemmDirectBSameBits: the blocked path reads an untransposed B in
// place or packs it, by a cost model (useDirectB); the micro-kernel must
// give every element the same bits either way. Both are run at every
// level (NEON too, where the cost model always packs) on shapes with row
// and column edges, A transposed or not, beta 0 and not.
func TestGemmDirectBSameBits(t *testing.T) {
	shapes := [][3]int{{7, 70, 9}, {13, 17, 20}, {40, 90, 33}, {6, 64, 3}, {128, 200, 24}, {97, 130, 400}}
	bothWaysOnBlockedPath(t, shapes, kernels.SetDirectBForTest, [2]string{"B in place", "B packed"}, false)
}

// TestGemmStripBlocks runs every block of the small-product kernels
// against the reference at every level: widths on each side of every
// vector boundary up to four AVX-512 vectors and past (several strips,
// balanced by stripsRange), heights that end in every row group (16, 8,
// 6, 4, 2, 1 rows), A transposed or not, beta 0 (C not read: it holds
// NaN) and not, C padded (checkGemm checks that the padding is
// untouched), and a depth long enough (150) that AVX-512 float32 strips
// go three vectors wide instead of four. With -short, fewer heights, which still end in
// every group: 31 = 16+8+4+2+1, 15 = 8+4+2+1, 13 = 6+6+1, 11 = 6+4+1,
// 9 = 6+2+1.
func TestGemmStripBlocks(t *testing.T) {
	stripHeights := []int{2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 23, 24, 25, 31, 33, 47}
	if testing.Short() {
		stripHeights = []int{2, 6, 8, 9, 11, 13, 15, 16, 31}
	}
	widths := []int{2, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 32, 33, 47, 48, 49, 56, 63, 64, 65, 100}
	testutil.ForEachLevel(t, func(t *testing.T) {
		defer kernels.SetDirectGemmForTest(0)()
		defer kernels.SetStripGemmForTest(math.Inf(1))()
		r := testutil.NewRand(7)
		idx := 0
		for _, n := range widths {
			for _, m := range stripHeights {
				for _, k := range []int{1, 5, 150} {
					if k == 150 && m%4 != 3 {
						continue
					}
					for _, tA := range gemmTrans {
						gc := gemmCase{tA: tA, tB: blas.NoTrans, m: m, n: n, k: k,
							alpha: 0.7, beta: gemmBetas[idx%3], padA: idx % 2, padB: idx % 3 % 2, padC: 1 + idx%2}
						idx++
						checkGemm[float32](t, r, gc)
						checkGemm[float64](t, r, gc)
					}
				}
			}
		}
	})
}

// TestGemmTinyShortcutSameBits: gemm hands the tiniest products straight
// to one small-product kernel call (tinyStripsMACs); the strips path
// (stripsRange, forced here) must give them the same bits (every level;
// the generic one has no strips and takes neither).
func TestGemmTinyShortcutSameBits(t *testing.T) {
	throughStrips := func(on bool) (restore func()) {
		if on {
			return func() {}
		}
		return kernels.SetStripGemmForTest(math.Inf(1))
	}
	testutil.ForEachLevel(t, func(t *testing.T) {
		shapes := [][3]int{{2, 2, 2}, {3, 17, 5}, {8, 8, 8}, {16, 16, 16}, {2, 64, 39}, {9, 33, 16}, {17, 2, 100}}
		forEachShapeCase(shapes, []float64{0, 1.5}, func(name string, tA, tB blas.Transpose, s [3]int, beta float64) {
			bitsBothWays[float32](t, name, tA, tB, s[0], s[1], s[2], beta, throughStrips, [2]string{"the shortcut", "stripsRange"})
			bitsBothWays[float64](t, name, tA, tB, s[0], s[1], s[2], beta, throughStrips, [2]string{"the shortcut", "stripsRange"})
		})
	})
}

// TestGemmOneStripShortcutSameBits: gemm also hands straight to one
// small-product kernel call the products oneStripCall finds the strips
// path would compute in one call, and rewrites outer products (k = 1) as
// gemmDrive does before any shortcut; through gemmShortcut, gemmStrips
// and gemmDrive they must get the same bits. The shapes sit on either
// side of the limits oneStripCall tests: the cost model, the parallel
// cut-off (m·n·k = 2²⁰), one strip (n up to stripCols: 48 float32 columns
// at AVX-512 from k = 145), one call's rows (m·k·width up to 2²²); the
// outer products come with A and B transposed or not (a transposed B
// n×1 has ldb = 1). The strips' cuts into calls, strips and parts change
// no bit, so what a difference here would show is a call with other
// arguments than the chain's (strides, transposes, alpha, beta, the
// rewrite) or a product the cost model sends to the blocked path. At
// every level with strips some shapes must take the shortcut and some
// not, or the test would compare a path with itself.
func TestGemmOneStripShortcutSameBits(t *testing.T) {
	shapes := [][3]int{
		{32, 32, 32}, {100, 48, 145}, {100, 49, 145}, {255, 64, 64}, {256, 64, 64}, {1000, 2, 100}, {600, 3, 100},
		{500, 16, 131}, {7, 9, 3000}, {10, 10, 1}, {300, 40, 1}, // -short: these
		{24, 24, 24}, {31, 33, 40}, {64, 64, 64}, {2, 64, 300}, {100, 64, 144}, {256, 63, 64}, {40, 17, 1000},
		{2, 64, 1}, {7, 200, 1}, {1000, 3, 1}, {2000, 70, 1},
	}
	if testing.Short() {
		shapes = shapes[:11]
	}
	testutil.ForEachLevel(t, func(t *testing.T) {
		var taken, left int
		for _, s := range shapes {
			for _, size := range []int{4, 8} {
				if kernels.OneStripCallForTest(s[0], s[1], s[2], size) {
					taken++
				} else {
					left++
				}
			}
		}
		t.Logf("%d shape×type cases take the shortcut, %d do not", taken, left)
		if kernels.Active() != kernels.Generic && (taken == 0 || left == 0) {
			t.Fatalf("%d shape×type cases take the shortcut, %d do not: want some of each", taken, left)
		}
		forEachShapeCase(shapes, []float64{0, 1.5}, func(name string, tA, tB blas.Transpose, s [3]int, beta float64) {
			bitsBothWays[float32](t, name, tA, tB, s[0], s[1], s[2], beta, kernels.SetOneStripShortcutForTest, [2]string{"the shortcut", "gemmStrips"})
			bitsBothWays[float64](t, name, tA, tB, s[0], s[1], s[2], beta, kernels.SetOneStripShortcutForTest, [2]string{"the shortcut", "gemmStrips"})
		})
	})
}

// TestGemmTransposedStripsSameBits: strips products with A given
// transposed and narrow n (transposedStrips: 2, 4 or 8, and float32 3, 5
// or 6 with k ≥ 64) are computed as
// Cᵀ = op(B)ᵀ·op(A)ᵀ into a scratch, then stored with the epilogue; every
// element must have the bits of the product computed as given. The
// shapes take the transposed path at AVX2 and AVX-512 (checked) and some
// widths beside it, B transposed or not, beta 0 and not, with one
// goroutine and two (the largest products go in parts on either path).
func TestGemmTransposedStripsSameBits(t *testing.T) {
	shapes := [][3]int{{16, 2, 13}, {17, 4, 100}, {40, 8, 100}, {100, 2, 64}, {333, 4, 37}, {100, 3, 64}, {64, 16, 64}, {3000, 4, 200},
		{70, 5, 64}, {37, 6, 100}, {100, 7, 64}, {50, 3, 63}, {64, 3, 32}, {40, 5, 48}, {33, 6, 47}, {256, 3, 16}, {70, 7, 32}}
	if testing.Short() {
		shapes = [][3]int{{17, 4, 100}, {40, 8, 100}, {100, 2, 64}, {100, 3, 64}, {3000, 4, 200}, {37, 6, 100}}
	}
	testutil.ForEachLevel(t, func(t *testing.T) {
		taken := 0
		for _, s := range shapes {
			for _, size := range []int{4, 8} {
				if kernels.TransposedStripsForTest(true, s[0], s[1], s[2], size) {
					taken++
				}
			}
		}
		if (kernels.Active() == kernels.AVX2 || kernels.Active() == kernels.AVX512) && taken == 0 {
			t.Fatal("no shape takes the transposed strips")
		}
		if kernels.Active() == kernels.AVX2 && !kernels.TransposedStripsForTest(true, 100, 3, 64, 4) ||
			kernels.Active() == kernels.AVX512 && !(kernels.TransposedStripsForTest(true, 70, 5, 64, 4) && kernels.TransposedStripsForTest(true, 37, 6, 100, 4)) {
			t.Fatal("the widths between 2, 4 and 8 do not take the transposed strips")
		}
		// The depth floors of 3, 5, 6 and 7 (AVX-512 16, 32, 32, 32; AVX2 64 for 3).
		if kernels.Active() == kernels.AVX512 && (!kernels.TransposedStripsForTest(true, 256, 3, 16, 4) || kernels.TransposedStripsForTest(true, 256, 3, 15, 4) ||
			!kernels.TransposedStripsForTest(true, 40, 5, 32, 4) || kernels.TransposedStripsForTest(true, 64, 6, 31, 4) ||
			!kernels.TransposedStripsForTest(true, 64, 7, 32, 4) || kernels.TransposedStripsForTest(true, 64, 7, 31, 4)) ||
			kernels.Active() == kernels.AVX2 && (kernels.TransposedStripsForTest(true, 64, 3, 63, 4) || !kernels.TransposedStripsForTest(true, 64, 3, 64, 4)) {
			t.Fatal("the transposed strips' depth floors for n = 3, 5, 6, 7 are not where measured")
		}
		defer kernels.SetThreads(kernels.Threads())
		for _, threads := range []int{1, 2} {
			kernels.SetThreads(threads)
			forEachShapeCase(shapes, []float64{0, 1.5}, func(name string, tA, tB blas.Transpose, s [3]int, beta float64) {
				if tA == blas.NoTrans {
					return
				}
				ways := [2]string{"Cᵀ = op(B)ᵀ·op(A)ᵀ", "C = op(A)·op(B)"}
				bitsBothWays[float32](t, name, tA, tB, s[0], s[1], s[2], beta, kernels.SetTransposedStripsForTest, ways)
				bitsBothWays[float64](t, name, tA, tB, s[0], s[1], s[2], beta, kernels.SetTransposedStripsForTest, ways)
			})
		}
	})
}
