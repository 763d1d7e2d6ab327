package kernels_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/emberml/ember/internal/ref"
	"github.com/emberml/ember/internal/testutil"
	"github.com/emberml/ember/kernels"
)

// finiteSpecials are the values AllFinite must find: quiet and signalling
// NaNs of either sign, and both infinities.
var finiteSpecials = []float32{
	float32(math.NaN()),
	math.Float32frombits(0xffc00001),
	math.Float32frombits(0x7f800001),
	float32(math.Inf(1)),
	float32(math.Inf(-1)),
}

// finiteValues returns n finite values that include the extremes: the
// largest finite magnitudes (whose sums and squares overflow), the
// smallest subnormals, and zeros of both signs.
func finiteValues(seed uint64, n int) []float32 {
	x := testutil.Float32s(testutil.NewRand(seed), n, -1, 1)
	extremes := []float32{math.MaxFloat32, -math.MaxFloat32, 0x1p-149, -0x1p-149, 0, float32(math.Copysign(0, -1))}
	for i := range x {
		if i%3 == 0 {
			x[i] = extremes[(i/3)%len(extremes)]
		}
	}
	return x
}

// checkAllFinite compares AllFinite(x) with the reference.
func checkAllFinite(t *testing.T, what string, x []float32) {
	t.Helper()
	if got, want := kernels.AllFinite(x), ref.AllFinite(x); got != want {
		t.Fatalf("%s: AllFinite = %v, want %v", what, got, want)
	}
}

// TestAllFiniteSweep checks AllFinite at every level and dispatch
// configuration, length 0…300 and offset 0…15, on finite values and with
// a special value at every position of the short vectors (at a spread of
// positions and the last of the longer ones; which of the five specials
// goes with the position and the offset, so the offsets take each
// position through all five in full runs), against the reference, with x
// unchanged and its padding (signalling NaNs, which an over-read would
// report) untouched.
func TestAllFiniteSweep(t *testing.T) {
	forEachDispatch(t, func(t *testing.T) {
		for n := 0; n <= maxSweepLen; n++ {
			for off := 0; off <= maxOffset; off += offsetStep() {
				orig := finiteValues(uint64(n), n)
				x, buf := paddedCopy(orig, off)
				what := fmt.Sprintf("n=%d off=%d", n, off)
				checkAllFinite(t, what, x)
				for pos := range n {
					if n > 40 && pos%13 != off%13 && pos < n-2 {
						continue
					}
					v := finiteSpecials[(pos+off)%len(finiteSpecials)]
					x[pos] = v
					checkAllFinite(t, fmt.Sprintf("%s %v at %d", what, v, pos), x)
					x[pos] = orig[pos]
				}
				checkSame(t, what+" x changed", x, orig, nil)
				checkPadding(t, what, buf, off, n)
			}
		}
	})
}

// TestAllFiniteParallel checks long vectors, which are cut into parts, at
// 1, 2 and 3 threads: a special value at the first and last element and
// on either side of every place a cut could fall, and a clean vector after
// each (a pooled call must not remember an earlier part's finding).
func TestAllFiniteParallel(t *testing.T) {
	defer kernels.SetThreads(kernels.Threads())
	for _, threads := range []int{1, 2, 3} {
		kernels.SetThreads(threads)
		testutil.ForEachLevel(t, func(t *testing.T) {
			for _, n := range []int{1<<16 - 1, 1 << 16, 3<<15 + 37, 1<<20 + 5} {
				x := finiteValues(uint64(n), n)
				what := fmt.Sprintf("threads=%d n=%d", threads, n)
				checkAllFinite(t, what, x)
				var pos []int
				for parts := 2; parts <= 3; parts++ {
					for p := 1; p < parts; p++ {
						cut := p * n / parts &^ 15
						pos = append(pos, cut-1, cut)
					}
				}
				pos = append(pos, 0, n/2+1, n-1)
				for i, p := range pos {
					v := finiteSpecials[i%len(finiteSpecials)]
					old := x[p]
					x[p] = v
					checkAllFinite(t, fmt.Sprintf("%s %v at %d", what, v, p), x)
					x[p] = old
					checkAllFinite(t, fmt.Sprintf("%s after %v at %d", what, v, p), x)
				}
			}
		})
	}
}

// TestAllFiniteGuardPages runs AllFinite on vectors beside inaccessible
// pages, finite and with a NaN as the last element.
func TestAllFiniteGuardPages(t *testing.T) {
	forEachDispatch(t, func(t *testing.T) {
		for _, side := range testutil.GuardSides {
			for n := 0; n <= maxSweepLen; n++ {
				x := testutil.GuardedFloat32s(t, n, side)
				copy(x, finiteValues(uint64(n), n))
				what := fmt.Sprintf("n=%d %v", n, side)
				if err := testutil.NoFault(func() {
					checkAllFinite(t, what, x)
					if n > 0 {
						x[n-1] = float32(math.NaN())
						checkAllFinite(t, what+" NaN last", x)
					}
				}); err != nil {
					t.Fatalf("%s: %v", what, err)
				}
			}
		}
	})
}
