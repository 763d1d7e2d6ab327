package kernels_test

import (
	"testing"

	"gonum.org/v1/gonum/blas"

	"github.com/emberml/ember/internal/testutil"
	"github.com/emberml/ember/kernels"
)

// TestGemmNarrowKernels runs the narrow-product kernels (narrowDot: A not
// transposed, n at most half a vector; AVX2 2 or 4) against the
// reference, with every product they may take sent to them (the smallest
// too, so every row group and its remainder runs): heights that end in
// each group (4 or 2 rows, then single ones), depths around the vector
// (the masked depth tail, none, several steps), B transposed or not,
// alpha 1 and not, beta 0 (C holds NaN: not read), 1 and not, padded
// leading dimensions (checkGemm checks the padding is untouched), then
// guard pages on either side of every operand. The widths beside them
// (1, 16) keep to their paths. At AVX-512 and AVX2 the rule must take the
// narrow widths (AVX-512: float32 2 to 8, float64 2 to 4; AVX2: float32 2
// to 4, float64 2; the odd ones by a kernel of the next width and a
// mask).
func TestGemmNarrowKernels(t *testing.T) {
	heights := []int{2, 3, 4, 5, 6, 7, 9, 33}
	depths := []int{8, 9, 10, 15, 16, 17, 31, 33, 100}
	if testing.Short() {
		heights, depths = []int{2, 5, 7, 33}, []int{8, 10, 15, 17, 100}
	}
	testutil.ForEachLevel(t, func(t *testing.T) {
		switch kernels.Active() {
		case kernels.AVX512:
			for n := 2; n <= 8; n++ {
				if !kernels.NarrowDotForTest(false, false, 128, n, 64, 4) || n <= 4 && !kernels.NarrowDotForTest(false, false, 128, n, 64, 8) {
					t.Fatalf("128×%d×64 does not take the narrow kernels", n)
				}
			}
			// The limits on depth and rows (see narrowDot), above
			// narrowMinMACs.
			for _, c := range []struct {
				bTrans        bool
				m, n, k, size int
				want          bool
			}{
				{false, 64, 6, 32, 4, false}, {false, 256, 6, 32, 4, true}, {true, 64, 6, 32, 4, true}, {true, 64, 6, 16, 4, false},
				{true, 128, 3, 16, 4, true}, {false, 128, 3, 16, 4, false}, {false, 256, 3, 16, 4, true},
				{true, 256, 3, 8, 8, false}, {true, 512, 2, 8, 8, true}, {false, 400, 2, 8, 8, false}, {false, 200, 2, 16, 8, true},
				{false, 8, 8, 512, 4, false}, {false, 15, 7, 512, 4, false}, {false, 16, 7, 256, 4, true}, {true, 8, 8, 512, 4, true},
				{false, 8, 6, 512, 4, true},
			} {
				if got := kernels.NarrowDotForTest(false, c.bTrans, c.m, c.n, c.k, c.size); got != c.want {
					t.Errorf("narrowDot(B transposed %v, %d×%d×%d, size %d) = %v", c.bTrans, c.m, c.n, c.k, c.size, got)
				}
			}
		case kernels.AVX2:
			for _, n := range []int{2, 3, 4} {
				if !kernels.NarrowDotForTest(false, false, 64, n, 64, 4) || n < 3 && !kernels.NarrowDotForTest(false, false, 64, n, 64, 8) {
					t.Fatalf("64×%d×64 does not take the narrow kernels", n)
				}
			}
		}
		defer kernels.SetNarrowDotForTest(true, 0)()
		r := testutil.NewRand(11)
		idx := 0
		for _, n := range []int{1, 2, 3, 4, 5, 6, 7, 8, 16} {
			for _, m := range heights {
				for _, k := range depths {
					for _, tB := range gemmTrans {
						gc := gemmCase{tA: blas.NoTrans, tB: tB, m: m, n: n, k: k,
							alpha: []float64{1, -0.7}[idx%2], beta: gemmBetas[idx%3], padA: idx % 2, padB: idx / 2 % 2, padC: 1 + idx%2}
						idx++
						checkGemm[float32](t, r, gc)
						checkGemm[float64](t, r, gc)
					}
				}
			}
		}
		for _, side := range testutil.GuardSides {
			for _, s := range [][3]int{{5, 2, 17}, {7, 4, 9}, {3, 8, 33}, {6, 4, 16}, {6, 2, 10}, {5, 3, 17}, {3, 7, 20}, {6, 5, 16}} {
				for _, tB := range gemmTrans {
					guardedGemm[float32](t, side, blas.NoTrans, tB, s[0], s[1], s[2], testutil.GuardedFloat32s)
					guardedGemm[float64](t, side, blas.NoTrans, tB, s[0], s[1], s[2], testutil.GuardedFloat64s)
				}
			}
		}
	})
}

// TestGemmNarrowSpecialValues: a narrow product whose sums overflow or
// meet Inf and NaN in A and B gets the reference's non-finite results
// (the lanes' partial sums carry them through the folds).
func TestGemmNarrowSpecialValues(t *testing.T) {
	testutil.ForEachLevel(t, func(t *testing.T) {
		defer kernels.SetNarrowDotForTest(true, 0)()
		r := testutil.NewRand(12)
		for _, n := range []int{2, 3, 4, 6, 8} {
			for _, k := range []int{16, 37} {
				gc := gemmCase{tA: blas.NoTrans, tB: blas.NoTrans, m: 9, n: n, k: k, alpha: 1, beta: 0.5, special: true}
				checkGemm[float32](t, r, gc)
				checkGemm[float64](t, r, gc)
			}
		}
	})
}

// TestGemmNarrowRowBits: the narrow kernels reduce a group's rows
// together and a last row alone, in the same order lane for lane, so a
// row's bits do not depend on where it sits: C's last row (computed
// alone) and its other rows must come out the same, bit for bit, as the
// rows of the product of A's rows rotated by one (the last row first, in
// a group).
func TestGemmNarrowRowBits(t *testing.T) {
	testutil.ForEachLevel(t, func(t *testing.T) {
		defer kernels.SetNarrowDotForTest(true, 0)()
		for _, n := range []int{2, 3, 4, 5, 6, 7, 8} {
			for _, k := range []int{16, 37, 100} {
				for _, beta := range []float64{0, 1.5} {
					narrowRowBits[float32](t, 9, n, k, beta)
					narrowRowBits[float64](t, 9, n, k, beta)
				}
			}
		}
	})
}

func narrowRowBits[T float32 | float64](t *testing.T, m, n, k int, beta float64) {
	t.Helper()
	r := testutil.NewRand(uint64(n*1000 + k))
	a, _, b, _ := randomOperands[T](r, blas.NoTrans, blas.NoTrans, m, n, k)
	c0, _ := newMatrix[T](r, m, n, 0, false)
	rot := append(append([]T(nil), a[(m-1)*k:]...), a[:(m-1)*k]...)
	cRot := append(append([]T(nil), c0[(m-1)*n:]...), c0[:(m-1)*n]...)
	c := append([]T(nil), c0...)
	callGemm(blas.NoTrans, blas.NoTrans, m, n, k, 0.7, a, k, b, n, T(beta), c, n)
	callGemm(blas.NoTrans, blas.NoTrans, m, n, k, 0.7, rot, k, b, n, T(beta), cRot, n)
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			got, want := cRot[((i+1)%m)*n+j], c[i*n+j]
			if !sameBits(got, want) {
				t.Fatalf("%T %dx%dx%d beta=%v: row %d col %d is %v, %v as row %d", got, m, n, k, beta, i, j, want, got, (i+1)%m)
			}
		}
	}
}
