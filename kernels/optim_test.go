package kernels_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/emberml/ember/internal/ref"
	"github.com/emberml/ember/internal/testutil"
	"github.com/emberml/ember/kernels"
)

// checkTol reports the first element of got farther than tol[i] from
// want[i].
func checkTol(t *testing.T, what string, got []float32, want, tol []float64) {
	t.Helper()
	for i := range got {
		if d := math.Abs(float64(got[i]) - want[i]); d > tol[i] {
			t.Fatalf("%s: element %d = %g, want %g (err %.3g > %.3g)", what, i, got[i], want[i], d, tol[i])
		}
	}
}

// TestAdamStepMatchesRef runs 200 steps with and without weight decay; at
// every step, w, m and v must be within testutil.AdamTolerance of internal/ref's
// Adam applied to the same starting state in float64. Lengths cover every
// tail.
func TestAdamStepMatchesRef(t *testing.T) {
	testutil.ForEachLevel(t, func(t *testing.T) {
		for _, wd := range []float32{0, 0.01} {
			for _, n := range []int{1, 7, 8, 31, 100, 1027} {
				r := testutil.NewRand(uint64(n))
				w := testutil.Float32s(r, n, -1, 1)
				m := make([]float32, n)
				v := make([]float32, n)
				p := kernels.AdamParams{LR: 1e-3, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, WeightDecay: wd}
				for step := 1; step <= 200; step++ {
					g := testutil.Float32s(r, n, -2, 2)
					w64, m64, v64 := testutil.Float64s(w), testutil.Float64s(m), testutil.Float64s(v)
					p.Step = step
					tw, tm, tv := make([]float64, n), make([]float64, n), make([]float64, n)
					for i := range n {
						tw[i], tm[i], tv[i] = testutil.AdamTolerance(p, w64[i], float64(g[i]), m64[i], v64[i])
					}
					ref.Adam(w64, testutil.Float64s(g), m64, v64, step, float64(p.LR), float64(p.Beta1), float64(p.Beta2), float64(p.Eps), float64(p.WeightDecay))
					kernels.AdamStep(w, g, m, v, p)
					what := fmt.Sprintf("n=%d wd=%g step %d", n, wd, step)
					checkTol(t, what+" w", w, w64, tw)
					checkTol(t, what+" m", m, m64, tm)
					checkTol(t, what+" v", v, v64, tv)
				}
			}
		}
	})
}

// TestAdamKerasCheck reproduces the published Keras Adam check: one step at
// lr 0.5 (Keras's eps 1e-7) with gradients [1, 6, 7, 2] takes [1, 2, 3, 4]
// to [0.5, 1.5, 2.5, 3.5], as Keras asserts it (to 1e-4).
func TestAdamKerasCheck(t *testing.T) {
	testutil.ForEachLevel(t, func(t *testing.T) {
		w := []float32{1, 2, 3, 4}
		g := []float32{1, 6, 7, 2}
		m, v := make([]float32, 4), make([]float32, 4)
		kernels.AdamStep(w, g, m, v, kernels.AdamParams{LR: 0.5, Beta1: 0.9, Beta2: 0.999, Eps: 1e-7, Step: 1})
		for i, want := range []float32{0.5, 1.5, 2.5, 3.5} {
			if math.Abs(float64(w[i]-want)) > 1e-4 {
				t.Errorf("w = %v, want [0.5 1.5 2.5 3.5]", w)
				break
			}
		}
	})
}

// TestSGDStepMatchesRef covers plain SGD, momentum, Nesterov and weight
// decay over 100 steps.
func TestSGDStepMatchesRef(t *testing.T) {
	testutil.ForEachLevel(t, func(t *testing.T) {
		for _, p := range []kernels.SGDParams{
			{LR: 0.1},
			{LR: 0.05, WeightDecay: 0.01},
			{LR: 0.01, Momentum: 0.9},
			{LR: 0.01, Momentum: 0.9, Nesterov: true, WeightDecay: 1e-3},
		} {
			for _, n := range []int{1, 9, 64, 1001} {
				r := testutil.NewRand(uint64(n) + 7)
				w := testutil.Float32s(r, n, -1, 1)
				vel := make([]float32, n)
				for step := 1; step <= 100; step++ {
					g := testutil.Float32s(r, n, -1, 1)
					w64, vel64 := testutil.Float64s(w), testutil.Float64s(vel)
					tw, tvel := make([]float64, n), make([]float64, n)
					for i := range n {
						tw[i], tvel[i] = testutil.SGDTolerance(p, w64[i], float64(g[i]), vel64[i])
					}
					ref.SGD(w64, testutil.Float64s(g), vel64, float64(p.LR), float64(p.Momentum), float64(p.WeightDecay), p.Nesterov)
					kernels.SGDStep(w, g, vel, p)
					what := fmt.Sprintf("%+v n=%d step %d", p, n, step)
					checkTol(t, what+" w", w, w64, tw)
					if p.Momentum != 0 {
						checkTol(t, what+" velocity", vel, vel64, tvel)
					}
				}
			}
		}
	})
}

// TestOptimizersBitIdentical: the same steps at every level give the same
// bits as the generic level (no rounding choice is left to a level), at
// every length up to 300 and across chunk boundaries.
func TestOptimizersBitIdentical(t *testing.T) {
	run := func(n int) [][]float32 {
		r := testutil.NewRand(uint64(n))
		w := testutil.Mixed(r, n)
		w2 := append([]float32(nil), w...)
		m, v, vel := make([]float32, n), make([]float32, n), make([]float32, n)
		for step := 1; step <= 3; step++ {
			g := testutil.Float32s(r, n, -3, 3)
			for i := range g {
				if r.IntN(4) == 0 {
					g[i] *= 0x1p-110 // moments near and below 2⁻¹²⁶, where they flush
				}
			}
			kernels.AdamStep(w, g, m, v, kernels.AdamParams{LR: 0.01, Beta1: 0.9, Beta2: 0.99, Eps: 1e-7, WeightDecay: 0.1, Step: step})
			kernels.SGDStep(w2, g, vel, kernels.SGDParams{LR: 0.1, Momentum: 0.8, Nesterov: step%2 == 0, WeightDecay: 0.01})
		}
		return [][]float32{w, m, v, w2, vel}
	}
	want := map[int][][]float32{}
	prev := kernels.Active()
	defer kernels.SetLevel(prev)
	kernels.SetLevel(kernels.Generic)
	for n := 0; n <= maxSweepLen; n++ {
		want[n] = run(n)
	}
	forEachDispatch(t, func(t *testing.T) {
		for n := 0; n <= maxSweepLen; n++ {
			got := run(n)
			for k := range got {
				checkBits(t, fmt.Sprintf("n=%d output %d", n, k), got[k], want[n][k], nil, false)
			}
		}
	})
}

// TestOptimizersFlushSubnormals: at every level and every tail length, a
// moment or velocity whose new value is below 2⁻¹²⁶ in magnitude is stored
// as +0, one at or above it (and NaN) is kept, and a subnormal state left
// by an earlier step (which a step never stores, but a caller may pass)
// is flushed too, whatever the lane.
func TestOptimizersFlushSubnormals(t *testing.T) {
	const minNormal = 0x1p-126
	oneMinusBeta1 := float32(1 - float64(float32(0.9))) // as AdamStep forms it
	type state struct{ m, g, wantM, wantV float32 }
	cases := []state{
		{0x1p-149, 0, 0, 0},               // the smallest subnormal: β1·m rounds back to it
		{5 * 0x1p-149, 0, 0, 0},           // stuck at 5 ulps of the subnormals
		{-0x1.fffffcp-127, 0, 0, 0},       // the largest subnormal
		{minNormal, 0, 0, 0},              // β1·minNormal is subnormal: flushed
		{0x1p-125, 0, 0x1.ccccccp-126, 0}, // β1·2⁻¹²⁵ = 1.8·2⁻¹²⁶ stays
		{float32(math.Copysign(0, -1)), 0, 0, 0},
		{0, 0x1p-120, oneMinusBeta1 * 0x1p-120, 0}, // (1−β1)·g normal, g² underflows: v flushed
		{float32(math.NaN()), 0, float32(math.NaN()), 0},
	}
	testutil.ForEachLevel(t, func(t *testing.T) {
		for _, n := range []int{1, 3, 4, 7, 8, 15, 16, 17, 63, 64, 65, 100} {
			w, g, m, v := make([]float32, n), make([]float32, n), make([]float32, n), make([]float32, n)
			w2, vel := make([]float32, n), make([]float32, n)
			for i := range n {
				c := cases[(i+n)%len(cases)]
				w[i], g[i], m[i], v[i] = 1, c.g, c.m, c.m*c.m
				w2[i], vel[i] = 1, c.m
			}
			kernels.AdamStep(w, g, m, v, kernels.AdamParams{LR: 1e-3, Beta1: 0.9, Beta2: 0.999, Eps: 1e-7, Step: 5})
			// SGD with momentum 0.9 and g = 0 decays the velocity as β1 decays m.
			kernels.SGDStep(w2, make([]float32, n), vel, kernels.SGDParams{LR: 0.1, Momentum: 0.9})
			for i := range n {
				c := cases[(i+n)%len(cases)]
				what := fmt.Sprintf("n=%d element %d (m=%g g=%g)", n, i, c.m, c.g)
				if !testutil.SameFloat32(m[i], c.wantM) {
					t.Fatalf("%s: Adam m = %g (%#08x), want %g", what, m[i], math.Float32bits(m[i]), c.wantM)
				}
				if c.g == 0 && !testutil.SameFloat32(vel[i], c.wantM) {
					t.Fatalf("%s: SGD velocity = %g (%#08x), want %g", what, vel[i], math.Float32bits(vel[i]), c.wantM)
				}
				if math.IsNaN(float64(c.m)) || c.m*c.m >= minNormal {
					continue // v is NaN, or (m²·β2) normal: not this test's concern
				}
				if !testutil.SameFloat32(v[i], c.wantV) {
					t.Fatalf("%s: Adam v = %g (%#08x), want %g", what, v[i], math.Float32bits(v[i]), c.wantV)
				}
			}
		}
	})
}

// TestOptimizersThreadsBitIdentical: steps long enough to be cut into
// parts give the bits of one goroutine, whatever the thread count, with
// and without momentum (nil velocity).
func TestOptimizersThreadsBitIdentical(t *testing.T) {
	defer kernels.SetThreads(kernels.Threads())
	const n = 3<<15 + 37
	run := func(threads int) [][]float32 {
		kernels.SetThreads(threads)
		r := testutil.NewRand(99)
		w := testutil.Mixed(r, n)
		w2, w3 := append([]float32(nil), w...), append([]float32(nil), w...)
		m, v, vel := make([]float32, n), make([]float32, n), make([]float32, n)
		for step := 1; step <= 3; step++ {
			g := testutil.Float32s(r, n, -3, 3)
			kernels.AdamStep(w, g, m, v, kernels.AdamParams{LR: 0.01, Beta1: 0.9, Beta2: 0.99, Eps: 1e-7, WeightDecay: 0.1, Step: step})
			kernels.SGDStep(w2, g, vel, kernels.SGDParams{LR: 0.1, Momentum: 0.8, Nesterov: step%2 == 0})
			kernels.SGDStep(w3, g, nil, kernels.SGDParams{LR: 0.1, WeightDecay: 0.01})
		}
		return [][]float32{w, m, v, w2, vel, w3}
	}
	testutil.ForEachLevel(t, func(t *testing.T) {
		want := run(1)
		for _, threads := range []int{2, 3, 5} {
			got := run(threads)
			for k := range got {
				checkBits(t, fmt.Sprintf("%d threads, output %d", threads, k), got[k], want[k], nil, false)
			}
		}
	})
}

// TestOptimizerPanics: mismatched lengths, overlaps, Step < 1, Nesterov
// without momentum.
func TestOptimizerPanics(t *testing.T) {
	w, g, m, v := make([]float32, 4), make([]float32, 4), make([]float32, 4), make([]float32, 4)
	for _, c := range []struct {
		name string
		f    func()
	}{
		{"Adam short g", func() { kernels.AdamStep(w, g[:3], m, v, kernels.AdamParams{Step: 1}) }},
		{"Adam step 0", func() { kernels.AdamStep(w, g, m, v, kernels.AdamParams{}) }},
		{"Adam m is v", func() { kernels.AdamStep(w, g, m, m, kernels.AdamParams{Step: 1}) }},
		{"SGD short velocity", func() { kernels.SGDStep(w, g, v[:2], kernels.SGDParams{Momentum: 0.9}) }},
		{"SGD nesterov", func() { kernels.SGDStep(w, g, nil, kernels.SGDParams{Nesterov: true}) }},
		{"SGD w is g", func() { kernels.SGDStep(w, w, nil, kernels.SGDParams{}) }},
	} {
		if msg := panicMessage(c.f); len(msg) < 9 || msg[:9] != "kernels: " {
			t.Errorf("%s: panic %q, want one starting \"kernels: \"", c.name, msg)
		}
	}
	// Plain SGD ignores velocity entirely.
	kernels.SGDStep(w, g, nil, kernels.SGDParams{LR: 1})
}

// TestPowIntsMatchesPow: the bias corrections' powers are within a few
// float64 roundings of math.Pow for the betas and steps Adam sees, both
// of the pair.
func TestPowIntsMatchesPow(t *testing.T) {
	betas := []float64{0.9, 0.999, 0.99, 0.5, 0.9999}
	for i, b := range betas {
		b2 := betas[(i+1)%len(betas)]
		for _, n := range []int{1, 2, 3, 7, 10, 100, 1000, 12345, 1 << 20, 1<<30 + 3} {
			got, got2 := kernels.PowInts(b, b2, n)
			for _, c := range []struct{ b, got float64 }{{b, got}, {b2, got2}} {
				want := math.Pow(c.b, float64(n))
				if d := math.Abs(c.got - want); d > 200*0x1p-53*want {
					t.Errorf("powInts: %v^%d = %v, math.Pow %v", c.b, n, c.got, want)
				}
			}
		}
	}
}
