//go:build !purego

package kernels_test

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/blas"

	"github.com/emberml/ember/internal/testutil"
	"github.com/emberml/ember/kernels"
)

// TestGemmPairedStripsSameBits: at AVX-512, strips of one or two whole
// vectors and at most half of one more go to the paired kernels, where two
// rows share the last vector; they must give every element the bits of
// the kernels they stand in for. The strips path is forced; the heights
// end in every group of pairs (8, 4, 2) and in an odd last row, which the
// other kernel takes; the widths are every float32 and float64 width the
// paired kernels take, and the widths beside them, which they do not.
// Guard pages, padding and the reference are TestGemmGuardPages' and
// TestGemmStripBlocks' (their widths 9, 17, 33 reach these kernels).
func TestGemmPairedStripsSameBits(t *testing.T) {
	heights := []int{2, 3, 4, 6, 7, 8, 10, 14, 15, 17, 31}
	widths := []int{8, 9, 10, 11, 12, 13, 16, 17, 18, 20, 21, 23, 24, 25, 32, 33, 34, 39, 40, 41}
	depths := []int{1, 7, 64}
	if testing.Short() {
		heights, depths = []int{2, 7, 14, 31}, []int{1, 64}
	}
	testutil.ForEachLevel(t, func(t *testing.T) {
		if kernels.Active() != kernels.AVX512 {
			t.Skip("the paired kernels are AVX-512's")
		}
		for i, n := range []int{9, 12, 17, 20} {
			if n32 := []int{17, 24, 33, 40}[i]; !kernels.PairedStripForTest(n, false) || !kernels.PairedStripForTest(n32, true) {
				t.Fatalf("width %d (float64) or %d (float32) does not take the paired kernels", n, n32)
			}
		}
		defer kernels.SetDirectGemmForTest(0)()
		defer kernels.SetStripGemmForTest(math.Inf(1))()
		var shapes [][3]int
		for _, m := range heights {
			for _, n := range widths {
				for _, k := range depths {
					shapes = append(shapes, [3]int{m, n, k})
				}
			}
		}
		forEachShapeCase(shapes, []float64{0, 1.5}, func(name string, tA, tB blas.Transpose, s [3]int, beta float64) {
			ways := [2]string{"the paired kernels", "the one-row kernels"}
			bitsBothWays[float32](t, name, tA, tB, s[0], s[1], s[2], beta, kernels.SetPairedStripsForTest, ways)
			bitsBothWays[float64](t, name, tA, tB, s[0], s[1], s[2], beta, kernels.SetPairedStripsForTest, ways)
		})
	})
}
