package ref

import (
	"math"
	"math/rand/v2"
	"testing"
)

// Where possible the optimizer tests use dyadic values (halves, quarters),
// for which every operation is exact, and compare bit for bit.

func TestSGD(t *testing.T) {
	cases := []struct {
		name                  string
		momentum, weightDecay float64
		nesterov              bool
		w0                    float64
		grads                 []float64
		wantW, wantV          []float64 // after each step
	}{
		{
			// w = 1 - ½·1 = ½; w = ½ - ½·2 = -½.
			name: "plain", w0: 1, grads: []float64{1, 2},
			wantW: []float64{0.5, -0.5},
		},
		{
			// v = ½·0 + 1 = 1, w = 1 - ½·1 = ½;
			// v = ½·1 + 2 = 5/2, w = ½ - ½·5/2 = -¾.
			name: "momentum", momentum: 0.5, w0: 1, grads: []float64{1, 2},
			wantW: []float64{0.5, -0.75}, wantV: []float64{1, 2.5},
		},
		{
			// v = 1, update = 1 + ½·1 = 3/2, w = 1 - ¾ = ¼;
			// v = 5/2, update = 2 + ½·5/2 = 13/4, w = ¼ - 13/8 = -11/8.
			name: "nesterov", momentum: 0.5, nesterov: true, w0: 1, grads: []float64{1, 2},
			wantW: []float64{0.25, -1.375}, wantV: []float64{1, 2.5},
		},
		{
			// g' = 1 + ¼·1 = 5/4, v = 5/4, w = 1 - 5/8 = 3/8;
			// g' = 2 + ¼·3/8 = 67/32, v = 5/8 + 67/32 = 87/32,
			// w = 3/8 - 87/64 = -63/64.
			name: "momentum+decay", momentum: 0.5, weightDecay: 0.25, w0: 1, grads: []float64{1, 2},
			wantW: []float64{0.375, -0.984375}, wantV: []float64{1.25, 2.71875},
		},
		{
			// g' = 1 + ¼·1 = 5/4, w = 1 - 5/8 = 3/8;
			// g' = 2 + 3/32 = 67/32, w = 3/8 - 67/64 = -43/64.
			name: "decay", weightDecay: 0.25, w0: 1, grads: []float64{1, 2},
			wantW: []float64{0.375, -0.671875},
		},
	}
	const lr = 0.5
	for _, c := range cases {
		w := []float64{c.w0}
		var v []float64
		if c.momentum != 0 {
			v = []float64{0}
		}
		for s, g := range c.grads {
			SGD(w, []float64{g}, v, lr, c.momentum, c.weightDecay, c.nesterov)
			checkExact(t, c.name+" w", w[0], c.wantW[s])
			if v != nil {
				checkExact(t, c.name+" v", v[0], c.wantV[s])
			}
		}
	}

	// Several elements at once, each independent.
	w := []float64{1, -2, 4}
	SGD(w, []float64{0.5, 0.25, -1}, nil, 0.5, 0, 0, false)
	checkSliceExact(t, "SGD vector", w, []float64{0.75, -2.125, 4.5})

	// weightDecay == 0 skips the decay term, so Inf·0 never makes a NaN.
	w = []float64{inf(1)}
	SGD(w, []float64{1}, nil, 0.5, 0, 0, false)
	checkExact(t, "SGD Inf weight", w[0], inf(1))

	// momentum == 0: velocity is neither read nor written.
	v := []float64{nan()}
	w = []float64{1}
	SGD(w, []float64{1}, v, 0.5, 0, 0, true)
	checkExact(t, "SGD no momentum w", w[0], 0.5)
	checkExact(t, "SGD no momentum v", v[0], nan())

	mustPanic(t, "ref: length mismatch: w and g", func() { SGD([]float64{1}, nil, nil, 1, 0, 0, false) })
	mustPanic(t, "ref: length mismatch: w and velocity", func() { SGD([]float64{1}, []float64{1}, nil, 1, 0.9, 0, false) })
}

func TestAdamFirstStepIsSignStep(t *testing.T) {
	// At step 1 from zero state, m̂ = g and v̂ = g² (up to rounding), so
	// w -= lr·g/(|g|+eps) ≈ lr·sign(g). The closed form holds to a few
	// roundings of the update (~6u relative, ≤ 7e-16 absolute at lr = ½)
	// plus one rounding of w ≤ 4 (≤ 4.4e-16): 2e-15. The sign step itself
	// holds to lr·eps/(|g|+eps) ≤ 5e-9.
	w0 := []float64{1, 2, 3, 4}
	g := []float64{1, 6, 7, -2}
	w := append([]float64(nil), w0...)
	m := make([]float64, 4)
	v := make([]float64, 4)
	const lr, eps = 0.5, 1e-8
	beta1, beta2 := 0.9, 0.999
	Adam(w, g, m, v, 1, lr, beta1, beta2, eps, 0)
	for i := range w {
		checkAbs(t, "Adam step 1 closed form", w[i], w0[i]-lr*g[i]/(math.Abs(g[i])+eps), 2e-15)
		checkAbs(t, "Adam step 1 sign step", w[i], w0[i]-lr*math.Copysign(1, g[i]), 5e-9)
		// m = (1-β1)·g and v = (1-β2)·g². 1-β is exact in float64
		// (Sterbenz) but is not 0.1 or 0.001: 1-0.999 carries the
		// representation error of 0.999 amplified ~1000× (≈ 4 ulps), so
		// compare with (1-β) as float64 computes it; what remains is the
		// rounding of one (m) or two (v) products.
		// (Variables, not constants: Go folds 1-0.9 exactly to 0.1.)
		checkULP(t, "Adam m", m[i], (1-beta1)*g[i], 1)
		checkULP(t, "Adam v", v[i], (1-beta2)*g[i]*g[i], 2)
	}
}

func TestAdamKerasPublishedSingleStep(t *testing.T) {
	// keras/src/optimizers/adam_test.py test_single_step: Adam(lr=0.5)
	// with Keras defaults β1 = 0.9, β2 = 0.999, eps = 1e-7, one step from
	// w = [1 2 3 4] with g = [1 6 7 2] gives [0.5 1.5 2.5 3.5] with
	// rtol = atol = 1e-4. (Not 1e-6: Keras's eps placement makes the
	// update lr·√0.001·g/(√0.001·|g| + 1e-7), which for g = 1 is short of
	// ½ by ≈ 1.58e-6.)
	w := []float64{1, 2, 3, 4}
	g := []float64{1, 6, 7, 2}
	m := make([]float64, 4)
	v := make([]float64, 4)
	AdamKeras(w, g, m, v, 1, 0.5, 0.9, 0.999, 1e-7, 0)
	want := []float64{0.5, 1.5, 2.5, 3.5}
	for i := range w {
		checkAbs(t, "AdamKeras published", w[i], want[i], 1e-4+1e-4*math.Abs(want[i]))
		// The exact closed form, to a few roundings (see
		// TestAdamFirstStepIsSignStep for the bound).
		s := math.Sqrt(0.001)
		exact := float64(i+1) - 0.5*s*g[i]/(s*math.Abs(g[i])+1e-7)
		checkAbs(t, "AdamKeras closed form", w[i], exact, 2e-15)
	}
	if d := w[0] - 0.5; !(d > 1.5e-6 && d < 1.6e-6) {
		t.Errorf("AdamKeras eps effect for g = 1: w - 0.5 = %g, want ≈ 1.58e-6", d)
	}
}

func TestAdamKerasPublishedWeightDecay(t *testing.T) {
	// keras/src/optimizers/adam_test.py test_weight_decay: a variable at
	// 2.0 with zero gradient goes through three Adam(lr=1,
	// weight_decay=0.004) optimizers, one step each, and ends at
	// 1.9760959 (assertAlmostEqual decimal=6, i.e. within 5e-7). Keras's
	// decay is decoupled: w -= w·wd·lr each time, so 2·0.996³ =
	// 1.976095872; with g = 0 the Adam update itself is 0/(0+eps) = 0.
	w := []float64{2}
	for range 3 {
		AdamKeras(w, []float64{0}, []float64{0}, []float64{0}, 1, 1, 0.9, 0.999, 1e-7, 0.004)
	}
	checkAbs(t, "AdamKeras weight decay (published)", w[0], 1.9760959, 5e-7)
	checkAbs(t, "AdamKeras weight decay (2·0.996³)", w[0], 1.976095872, 1e-15)
}

func TestAdamWeightDecayIsL2(t *testing.T) {
	// PyTorch Adam adds wd·w to the gradient. w = 2, g = 0, wd = ¼:
	// g' = ½; β1 = ½, β2 = ¾: m = ¼, v = 1/16; m̂ = ½, v̂ = ¼, √v̂ = ½;
	// w = 2 - ½·½/½ = 3/2. All exact.
	w, m, v := []float64{2}, []float64{0}, []float64{0}
	Adam(w, []float64{0}, m, v, 1, 0.5, 0.5, 0.75, 0, 0.25)
	checkExact(t, "Adam L2 w", w[0], 1.5)
	checkExact(t, "Adam L2 m", m[0], 0.25)
	checkExact(t, "Adam L2 v", v[0], 0.0625)

	// Keras with the same numbers decays w directly: 2 - 2·¼·½ = 7/4,
	// and the zero gradient leaves m and v at 0 (eps keeps 0/eps = 0).
	w, m, v = []float64{2}, []float64{0}, []float64{0}
	AdamKeras(w, []float64{0}, m, v, 1, 0.5, 0.5, 0.75, 1e-7, 0.25)
	checkExact(t, "AdamKeras decoupled w", w[0], 1.75)
	checkExact(t, "AdamKeras decoupled m", m[0], 0)
}

func TestAdamBiasCorrectionAtStep2(t *testing.T) {
	// From state m = 1, v = 1 at step 2 with β1 = ½, β2 = ¾, g = 3:
	// m = ½ + 3/2 = 2, v = ¾ + 9/4 = 3 (exact); 1-β1² = ¾, 1-β2² = 7/16;
	// m̂ = 8/3, v̂ = 48/7; with eps = 0 and lr = 1 the update is
	// (8/3)/√(48/7) = (2/3)·√(7/3). Keras's form is the same when eps = 0.
	// Tolerance: ~8 roundings of an update ≈ 1.02, w ≈ 9: 4e-15.
	want := 10 - 2.0/3*math.Sqrt(7.0/3)
	for _, f := range []struct {
		name string
		step func(w, g, m, v []float64, step int, lr, beta1, beta2, eps, weightDecay float64)
	}{{"Adam", Adam}, {"AdamKeras", AdamKeras}} {
		w, m, v := []float64{10}, []float64{1}, []float64{1}
		f.step(w, []float64{3}, m, v, 2, 1, 0.5, 0.75, 0, 0)
		checkExact(t, f.name+" m", m[0], 2)
		checkExact(t, f.name+" v", v[0], 3)
		checkAbs(t, f.name+" w", w[0], want, 4e-15)
	}
}

func TestAdamEpsPlacement(t *testing.T) {
	// A large eps separates the two placements. Step 1, β1 = ½, β2 = ¾,
	// g = 1, eps = 1, lr = 3, w = 0 (all exact):
	//   PyTorch: m̂ = 1, v̂ = 1: w = -3·1/(1+1) = -3/2.
	//   Keras:   m = ½, v = ¼, lr_t = 3·√¼/½ = 3: w = -(½·3)/(½+1) = -1.
	w, m, v := []float64{0}, []float64{0}, []float64{0}
	Adam(w, []float64{1}, m, v, 1, 3, 0.5, 0.75, 1, 0)
	checkExact(t, "Adam eps placement", w[0], -1.5)
	w, m, v = []float64{0}, []float64{0}, []float64{0}
	AdamKeras(w, []float64{1}, m, v, 1, 3, 0.5, 0.75, 1, 0)
	checkExact(t, "AdamKeras eps placement", w[0], -1)
}

// TestAdamFormsAgreeWithoutEps runs both forms for several steps on random
// data with eps = 0, where they are the same mathematics; only rounding can
// differ, by ~10 ulps per step relative to the update, accumulating over 10
// steps to well under 1e-13 relative to the weights (which stay O(1)).
func TestAdamFormsAgreeWithoutEps(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	const n = 16
	w1, w2 := make([]float64, n), make([]float64, n)
	m1, m2 := make([]float64, n), make([]float64, n)
	v1, v2 := make([]float64, n), make([]float64, n)
	for i := range w1 {
		w1[i] = rng.NormFloat64()
		w2[i] = w1[i]
	}
	for step := 1; step <= 10; step++ {
		g := make([]float64, n)
		for i := range g {
			g[i] = rng.NormFloat64()
		}
		Adam(w1, g, m1, v1, step, 0.01, 0.9, 0.999, 0, 0)
		AdamKeras(w2, g, m2, v2, step, 0.01, 0.9, 0.999, 0, 0)
	}
	for i := range w1 {
		checkAbs(t, "Adam vs AdamKeras, eps = 0", w2[i], w1[i], 1e-13)
	}
}

func TestAdamPanics(t *testing.T) {
	one := []float64{1}
	for _, f := range []func(w, g, m, v []float64, step int, lr, beta1, beta2, eps, weightDecay float64){Adam, AdamKeras} {
		mustPanic(t, "ref: step < 1", func() { f(one, one, one, one, 0, 1, 0.9, 0.999, 1e-8, 0) })
		mustPanic(t, "ref: length mismatch: w and g", func() { f(one, nil, one, one, 1, 1, 0.9, 0.999, 1e-8, 0) })
		mustPanic(t, "ref: length mismatch: w and m", func() { f(one, one, nil, one, 1, 1, 0.9, 0.999, 1e-8, 0) })
		mustPanic(t, "ref: length mismatch: w and v", func() { f(one, one, one, nil, 1, 1, 0.9, 0.999, 1e-8, 0) })
	}
}
