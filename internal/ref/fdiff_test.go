package ref

import (
	"math"
	"testing"
)

func TestCentralDiffSumOfSquares(t *testing.T) {
	// f(x) = Σx², ∇f = 2x. The central difference of a quadratic has no
	// truncation error ((x+h)² - (x-h)² = 4xh), and with dyadic x and
	// h = 2⁻¹⁰ every operation below is exact, so the result is exactly 2x.
	f := func(x []float64) float64 {
		var s float64
		for _, v := range x {
			s += v * v
		}
		return s
	}
	x := []float64{1, -2, 0.5, 0, 3.25}
	orig := append([]float64(nil), x...)
	grad := make([]float64, len(x))
	CentralDiff(f, x, 1.0/1024, grad)
	checkSliceExact(t, "grad", grad, []float64{2, -4, 1, 0, 6.5})
	checkSliceExact(t, "x after", x, orig)

	// Non-dyadic x: still 2x up to rounding, u·|f|/h ≈ 2.2e-16·20/2⁻¹⁰
	// ≈ 5e-12 (no truncation error for a quadratic); allow 1e-11.
	x = []float64{0.1, -1.7, 3.3}
	CentralDiff(f, x, 1.0/1024, grad[:3])
	for i := range x {
		checkAbs(t, "grad non-dyadic", grad[i], 2*x[i], 1e-11)
	}
}

func TestCentralDiffProbesOneCoordinateAtATime(t *testing.T) {
	x := []float64{1, 2}
	const h = 0.5
	var seen [][]float64
	f := func(v []float64) float64 {
		seen = append(seen, append([]float64(nil), v...))
		return 3*v[0] - 2*v[1] + 0.5
	}
	grad := make([]float64, 2)
	CentralDiff(f, x, h, grad)
	checkSliceExact(t, "linear grad", grad, []float64{3, -2})
	want := [][]float64{{1.5, 2}, {0.5, 2}, {1, 2.5}, {1, 1.5}}
	if len(seen) != len(want) {
		t.Fatalf("f called %d times, want %d", len(seen), len(want))
	}
	for i := range want {
		checkSliceExact(t, "probe", seen[i], want[i])
	}
	checkSliceExact(t, "x after", x, []float64{1, 2})
}

func TestCentralDiffRestoresXOnPanic(t *testing.T) {
	x := []float64{1, 2}
	func() {
		defer func() { recover() }()
		CentralDiff(func(v []float64) float64 {
			if v[1] != 2 {
				panic("boom")
			}
			return 0
		}, x, 0.25, make([]float64, 2))
	}()
	checkSliceExact(t, "x after panic", x, []float64{1, 2})
}

func TestCentralDiffPanics(t *testing.T) {
	f := func([]float64) float64 { return 0 }
	x := []float64{1}
	mustPanic(t, "ref: length mismatch: x and grad", func() { CentralDiff(f, x, 1, nil) })
	for _, h := range []float64{0, -1, math.NaN(), math.Inf(1)} {
		mustPanic(t, "ref: h must be positive and finite", func() { CentralDiff(f, x, h, make([]float64, 1)) })
	}
}
