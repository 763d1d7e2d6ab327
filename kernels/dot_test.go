package kernels_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/emberml/ember/internal/ref"
	"github.com/emberml/ember/internal/testutil"
	"github.com/emberml/ember/kernels"
)

// dotBound is the error bound Dot documents, γ_n·Σ|x·y| + n·2⁻¹⁴⁸ for n
// terms summed in any order, plus the float64 reference's own (much
// smaller) error.
func dotBound(n int, abs float64) float64 {
	return (testutil.Gamma(max(n, 1), testutil.Float32Unit)+testutil.Gamma(max(n, 1), testutil.Float64Unit))*abs + float64(n)*0x1p-148
}

func checkDot(t *testing.T, what string, x, y []float32) {
	t.Helper()
	got := kernels.Dot(x, y)
	exact, abs := ref.Dot(x, y)
	if err := math.Abs(float64(got) - exact); !(err <= dotBound(len(x), abs)) {
		t.Fatalf("%s: Dot = %g, exact %g: error %g exceeds bound %g", what, got, exact, err, dotBound(len(x), abs))
	}
}

// TestDotSweep checks Dot at every level, length 0…300 and offset 0…15
// against the float64 reference and the bound γ_n·Σ|x·y|, with inputs
// unchanged and padding untouched.
func TestDotSweep(t *testing.T) {
	forEachDispatch(t, func(t *testing.T) {
		r := testutil.NewRand(3)
		for n := 0; n <= maxSweepLen; n++ {
			for off := 0; off <= maxOffset; off += offsetStep() {
				what := fmt.Sprintf("n=%d off=%d", n, off)
				ox := testutil.Float32s(r, n, -1, 1)
				oy := testutil.Float32s(r, n, -1, 1)
				x, xbuf := paddedCopy(ox, off)
				y, ybuf := paddedCopy(oy, maxOffset-off)
				checkDot(t, what, x, y)
				checkSame(t, what+" x changed", x, ox, nil)
				checkSame(t, what+" y changed", y, oy, nil)
				checkPadding(t, what+" x", xbuf, off, n)
				checkPadding(t, what+" y", ybuf, maxOffset-off, n)
			}
		}
	})
}

// TestDotLong covers several chunks of the default chunk length, where the
// partial sums of chunks are added in Go, and a sum whose terms cancel.
func TestDotLong(t *testing.T) {
	testutil.ForEachLevel(t, func(t *testing.T) {
		r := testutil.NewRand(4)
		for _, n := range []int{1<<15 - 1, 1 << 15, 1<<17 + 5, 1 << 20} {
			x := testutil.Float32s(r, n, -1, 1)
			y := testutil.Float32s(r, n, 0, 2)
			checkDot(t, fmt.Sprintf("n=%d", n), x, y)
			// x·x has no cancellation, so the bound is tight in relative terms.
			checkDot(t, fmt.Sprintf("n=%d x·x", n), x, x)
		}
	})
}

// TestDotUnderflow checks the bound's absolute term: products below the
// float32 normal range (1e-23² ≈ 1e-46 is near the smallest subnormal)
// lose almost everything, and the result must still be within the bound.
func TestDotUnderflow(t *testing.T) {
	forEachDispatch(t, func(t *testing.T) {
		for _, n := range []int{1, 16, 32, 100, 301} {
			for _, v := range []float32{1e-23, 3e-20, 1e-19} {
				x := make([]float32, n)
				for i := range x {
					x[i] = v
				}
				checkDot(t, fmt.Sprintf("n=%d v=%g", n, v), x, x)
			}
		}
	})
}

// TestDotGuardPages runs Dot with both vectors beside inaccessible pages.
func TestDotGuardPages(t *testing.T) {
	forEachDispatch(t, func(t *testing.T) {
		r := testutil.NewRand(5)
		for _, side := range testutil.GuardSides {
			for n := 0; n <= maxSweepLen; n++ {
				x := testutil.GuardedFloat32s(t, n, side)
				y := testutil.GuardedFloat32s(t, n, side)
				copy(x, testutil.Float32s(r, n, -1, 1))
				copy(y, testutil.Float32s(r, n, -1, 1))
				if err := testutil.NoFault(func() { checkDot(t, fmt.Sprintf("n=%d %v", n, side), x, y) }); err != nil {
					t.Fatalf("n=%d %v: %v", n, side, err)
				}
			}
		}
	})
}

// TestDotSpecialValues checks that NaN and infinities propagate as IEEE
// arithmetic says, wherever in the vector (and so in whichever partial sum
// or tail) they fall.
func TestDotSpecialValues(t *testing.T) {
	inf := float32(math.Inf(1))
	nan := float32(math.NaN())
	forEachDispatch(t, func(t *testing.T) {
		for _, n := range []int{1, 5, 16, 17, 40, 100, 301} {
			for pos := 0; pos < n; pos += max(1, n/7) {
				for _, c := range []struct {
					name       string
					xv, yv     float32
					isNaN      bool
					wantSigned float32 // the infinity expected when !isNaN
				}{
					{"NaN", nan, 1, true, 0},
					{"Inf·0", inf, 0, true, 0},
					{"+Inf", inf, 2, false, inf},
					{"-Inf", -inf, 2, false, -inf},
				} {
					x := make([]float32, n)
					y := make([]float32, n)
					for i := range x {
						x[i], y[i] = 1, 1
					}
					x[pos], y[pos] = c.xv, c.yv
					got := kernels.Dot(x, y)
					if c.isNaN && got == got || !c.isNaN && got != c.wantSigned {
						t.Errorf("n=%d %s at %d: Dot = %g", n, c.name, pos, got)
					}
				}
			}
			// +Inf and −Inf products in different places make NaN.
			x := make([]float32, n)
			y := make([]float32, n)
			x[0], y[0], x[n-1], y[n-1] = inf, 1, -inf, 1
			if got := kernels.Dot(x, y); n > 1 && got == got {
				t.Errorf("n=%d: Dot(+Inf…−Inf) = %g, want NaN", n, got)
			}
		}
	})
}
