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
	shapes := [][3]int{{7, 70, 9}, {13, 17, 20}, {5, 3, 11}, {40, 90, 33}, {6, 64, 3}, {128, 200, 24}}
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
