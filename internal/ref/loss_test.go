package ref

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

func TestMSE(t *testing.T) {
	// diffs [1 0 -2 0]: Σd² = 5, mean 5/4; grad = 2d/4 = [0.5 0 -1 0].
	// All exact in float64.
	pred := []float64{1, 2, 3, 4}
	target := []float64{0, 2, 5, 4}
	for _, cols := range []int{1, 2, 4} {
		grad := []float64{nan(), nan(), nan(), nan()}
		checkExact(t, fmt.Sprintf("MSE cols=%d", cols), MSE(pred, target, cols, grad), 1.25)
		checkSliceExact(t, "MSE grad", grad, []float64{0.5, 0, -1, 0})
	}
	checkExact(t, "MSE nil grad", MSE(pred, target, 2, nil), 1.25)
	checkExact(t, "MSE NaN", MSE([]float64{1, nan()}, []float64{1, 1}, 1, nil), nan())
	checkExact(t, "MSE Inf", MSE([]float64{1, inf(1)}, []float64{1, 1}, 1, nil), inf(1))

	mustPanic(t, "ref: cols <= 0", func() { MSE(pred, target, 0, nil) })
	mustPanic(t, "ref: length is not a multiple of cols", func() { MSE(pred, target, 3, nil) })
	mustPanic(t, "ref: empty batch", func() { MSE(nil, nil, 1, nil) })
	mustPanic(t, "ref: length mismatch: pred and target", func() { MSE(pred, target[:2], 2, nil) })
	mustPanic(t, "ref: grad length mismatch", func() { MSE(pred, target, 2, make([]float64, 3)) })
}

func TestBCE(t *testing.T) {
	// p = [¾ ¼], t = [1 0]: both terms are -ln ¾ = ln(4/3), so the mean
	// is ln(4/3), and grad = (p-t)/(p(1-p))/2 = (∓¼)/(3/16)/2 = ∓2/3.
	// The loss is within 1 ulp of the correctly rounded -ln ¾ (one log,
	// exact negation, sum of two equal values and an exact halving); the
	// gradient has one inexact division, so it is exactly -4/3 rounded,
	// halved.
	grad := make([]float64, 2)
	checkULP(t, "BCE", BCE([]float64{0.75, 0.25}, []float64{1, 0}, grad), -math.Log(0.75), 1)
	checkSliceExact(t, "BCE grad", grad, []float64{-2.0 / 3, 2.0 / 3})

	cases := []struct {
		p, t, want float64
	}{
		{0.5, 1, math.Ln2},
		{0.5, 0, math.Ln2},
		{0.5, 0.5, math.Ln2}, // soft target
		{1, 1, 0},            // 0·log 0 = 0: a confident right answer costs 0
		{0, 0, 0},
		{0, 1, inf(1)}, // a confident wrong answer costs +Inf
		{1, 0, inf(1)},
		{nan(), 1, nan()},
		{nan(), 0, nan()},
		{0.5, nan(), nan()},
	}
	for _, c := range cases {
		checkULP(t, fmt.Sprintf("BCE(p=%v, t=%v)", c.p, c.t), BCE([]float64{c.p}, []float64{c.t}, nil), c.want, 1)
	}
	g := make([]float64, 1)
	BCE([]float64{0.5}, []float64{0.5}, g)
	checkExact(t, "BCE grad at p=t=½", g[0], 0)

	mustPanic(t, "ref: empty batch", func() { BCE(nil, nil, nil) })
	mustPanic(t, "ref: length mismatch: prob and target", func() { BCE([]float64{0.5}, nil, nil) })
	mustPanic(t, "ref: grad length mismatch", func() { BCE([]float64{0.5}, []float64{1}, make([]float64, 2)) })
}

func TestBCEWithLogits(t *testing.T) {
	ln3 := math.Log(3)
	// Closed forms within closeULPs (see activation_test.go): σ(0) = ½, so
	// ℓ = ln 2; σ(ln 3) = ¾, so ℓ(t=1) = ln(4/3) = log1p(⅓).
	cases := []struct {
		z, t, want, grad float64
	}{
		{0, 1, math.Ln2, -0.5},
		{0, 0, math.Ln2, 0.5},
		{ln3, 1, math.Log1p(1.0 / 3), -0.25},
		{-ln3, 0, math.Log1p(1.0 / 3), 0.25},
		// Far tails stay finite; log1p(e^-100) = 3.720075976020836e-44
		// (50-digit decimal), and 100 + that rounds to 100. σ(100) rounds
		// to 1, and σ(-100) = e^-100/(1+e^-100) rounds to the same
		// 3.720075976020836e-44.
		{100, 1, 3.720075976020836e-44, 0},
		{100, 0, 100, 1},
		{-100, 1, 100, -1},
		{-100, 0, 3.720075976020836e-44, 3.720075976020836e-44},
	}
	for _, c := range cases {
		g := make([]float64, 1)
		what := fmt.Sprintf("BCEWithLogits(z=%v, t=%v)", c.z, c.t)
		checkULP(t, what, BCEWithLogits([]float64{c.z}, []float64{c.t}, g), c.want, closeULPs)
		checkULP(t, what+" grad", g[0], c.grad, closeULPs)
	}
	// The probability route overflows where the logit route does not.
	if l := BCE([]float64{Sigmoid(100)}, []float64{0}, nil); !math.IsInf(l, 1) {
		t.Errorf("BCE(σ(100), 0) = %v; expected +Inf (σ(100) rounds to 1)", l)
	}
	// The mean over elements: the four tail cases together.
	checkULP(t, "BCEWithLogits mean", BCEWithLogits([]float64{100, 100, -100, -100}, []float64{1, 0, 1, 0}, nil), 50, 0)
	checkExact(t, "BCEWithLogits NaN", BCEWithLogits([]float64{nan(), 1}, []float64{1, 1}, nil), nan())

	mustPanic(t, "ref: empty batch", func() { BCEWithLogits(nil, nil, nil) })
	mustPanic(t, "ref: length mismatch: logits and target", func() { BCEWithLogits([]float64{1}, []float64{1, 0}, nil) })
	mustPanic(t, "ref: grad length mismatch", func() { BCEWithLogits([]float64{1}, []float64{1}, []float64{}) })
}

// TestBCEWithLogitsMatchesBCE checks BCEWithLogits(z) against BCE(σ(z)) for
// moderate logits |z| ≤ 4. There BCE's log(1-p) amplifies the ~2-ulp
// relative error of p = σ(z) by p/(1-p) ≤ e⁴ ≈ 55, i.e. ~110u ≈ 2.4e-14 in
// the loss, and both gradients are σ(z)-t up to a few ulps; 1e-13 covers
// that, and a wrong formula would be off by far more.
func TestBCEWithLogitsMatchesBCE(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for iter := 0; iter < 200; iter++ {
		n := 1 + rng.IntN(8)
		z := make([]float64, n)
		p := make([]float64, n)
		tg := make([]float64, n)
		for i := range z {
			z[i] = 8*rng.Float64() - 4
			p[i] = Sigmoid(z[i])
			tg[i] = []float64{0, 1, rng.Float64()}[rng.IntN(3)]
		}
		gz := make([]float64, n)
		gp := make([]float64, n)
		lz := BCEWithLogits(z, tg, gz)
		lp := BCE(p, tg, gp)
		checkAbs(t, "BCEWithLogits vs BCE(σ)", lz, lp, 1e-13)
		// Chain rule: dL/dz = dL/dp · σ'(z) = dL/dp · p(1-p).
		for i := range z {
			checkAbs(t, "grad chain rule", gz[i], gp[i]*p[i]*(1-p[i]), 1e-13)
		}
	}
}

func TestCCEWithLogits(t *testing.T) {
	ln2, ln3 := math.Ln2, math.Log(3)
	// Row 0: logits [0 ln2 ln3] (softmax [1/6 1/3 1/2]), target class 2:
	// loss -ln ½ = ln 2. Row 1: [0 0 0] (softmax ⅓ each), class 0: ln 3.
	// Mean (ln 2 + ln 3)/2 = ln 6 / 2.
	// grad = (softmax - t)/2 = [1/12 1/6 -1/4; -1/3 1/6 1/6].
	// Tolerances: softmax/log-softmax bounds of softmax_test.go.
	logits := []float64{0, ln2, ln3, 0, 0, 0}
	target := []float64{0, 0, 1, 1, 0, 0}
	labels := []int{2, 0}
	wantGrad := []float64{1.0 / 12, 1.0 / 6, -0.25, -1.0 / 3, 1.0 / 6, 1.0 / 6}

	grad := make([]float64, 6)
	checkAbs(t, "CCEWithLogits", CCEWithLogits(logits, target, 3, grad), math.Log(6)/2, logSoftmaxAbs)
	for i := range grad {
		checkAbs(t, fmt.Sprintf("CCEWithLogits grad[%d]", i), grad[i], wantGrad[i], logSoftmaxAbs)
	}
	sgrad := make([]float64, 6)
	checkAbs(t, "SparseCCEWithLogits", SparseCCEWithLogits(logits, labels, 3, sgrad), math.Log(6)/2, logSoftmaxAbs)
	for i := range grad {
		checkAbs(t, fmt.Sprintf("SparseCCEWithLogits grad[%d]", i), sgrad[i], wantGrad[i], logSoftmaxAbs)
	}

	// Soft target: [0 0] against [½ ½] costs ln 2 with zero gradient.
	g2 := make([]float64, 2)
	checkExact(t, "CCE soft", CCEWithLogits([]float64{0, 0}, []float64{0.5, 0.5}, 2, g2), ln2)
	checkSliceExact(t, "CCE soft grad", g2, []float64{0, 0})

	// A -Inf logit on a class with target 0 costs nothing (0·(-Inf) = 0).
	checkExact(t, "CCE -Inf logit, t=0", CCEWithLogits([]float64{0, inf(-1)}, []float64{1, 0}, 2, g2), 0)
	checkSliceExact(t, "CCE -Inf logit grad", g2, []float64{0, 0})
	checkExact(t, "Sparse -Inf logit", SparseCCEWithLogits([]float64{0, inf(-1)}, []int{0}, 2, nil), 0)
	// …but on the target class it costs +Inf.
	checkExact(t, "CCE -Inf on target", CCEWithLogits([]float64{0, inf(-1)}, []float64{0, 1}, 2, nil), inf(1))
	checkExact(t, "Sparse -Inf on target", SparseCCEWithLogits([]float64{0, inf(-1)}, []int{1}, 2, nil), inf(1))
	// NaN surfaces.
	checkExact(t, "CCE NaN", CCEWithLogits([]float64{0, nan()}, []float64{1, 0}, 2, nil), nan())
	checkExact(t, "Sparse NaN", SparseCCEWithLogits([]float64{0, nan()}, []int{0}, 2, nil), nan())
	// Large logits do not overflow: [1001 1002 1003] is [1 2 3] shifted.
	checkAbs(t, "CCE large", CCEWithLogits([]float64{1001, 1002, 1003}, []float64{1, 0, 0}, 3, nil), -logSoftmax123[0], logSoftmaxAbs)

	mustPanic(t, "ref: cols <= 0", func() { CCEWithLogits(logits, target, 0, nil) })
	mustPanic(t, "ref: length is not a multiple of cols", func() { CCEWithLogits(logits, target, 4, nil) })
	mustPanic(t, "ref: empty batch", func() { CCEWithLogits(nil, nil, 3, nil) })
	mustPanic(t, "ref: length mismatch: logits and target", func() { CCEWithLogits(logits, target[:3], 3, nil) })
	mustPanic(t, "ref: grad length mismatch", func() { CCEWithLogits(logits, target, 3, grad[:5]) })

	mustPanic(t, "ref: label out of range", func() { SparseCCEWithLogits(logits, []int{3, 0}, 3, nil) })
	mustPanic(t, "ref: label out of range", func() { SparseCCEWithLogits(logits, []int{0, -1}, 3, nil) })
	mustPanic(t, "ref: cols <= 0", func() { SparseCCEWithLogits(logits, labels, 0, nil) })
	mustPanic(t, "ref: empty batch", func() { SparseCCEWithLogits(nil, nil, 3, nil) })
	mustPanic(t, "ref: length mismatch: logits rows and labels", func() { SparseCCEWithLogits(logits, []int{0}, 3, nil) })
	mustPanic(t, "ref: grad length mismatch", func() { SparseCCEWithLogits(logits, labels, 3, grad[:5]) })
}

// TestSparseMatchesOneHot: with one-hot targets both functions evaluate the
// same operations, so they must agree bit for bit.
func TestSparseMatchesOneHot(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for iter := 0; iter < 100; iter++ {
		rows, cols := 1+rng.IntN(5), 1+rng.IntN(6)
		logits := make([]float64, rows*cols)
		for i := range logits {
			logits[i] = 5 * rng.NormFloat64()
		}
		labels := make([]int, rows)
		onehot := make([]float64, rows*cols)
		for r := range labels {
			labels[r] = rng.IntN(cols)
			onehot[r*cols+labels[r]] = 1
		}
		g1 := make([]float64, rows*cols)
		g2 := make([]float64, rows*cols)
		l1 := CCEWithLogits(logits, onehot, cols, g1)
		l2 := SparseCCEWithLogits(logits, labels, cols, g2)
		checkExact(t, "sparse vs one-hot loss", l2, l1)
		checkSliceExact(t, "sparse vs one-hot grad", g2, g1)
	}
}

// TestLossGradientsMatchCentralDiff checks each loss's analytic gradient
// against CentralDiff with h = 2⁻¹⁷ ≈ 7.6e-6. Truncation error is
// h²·|∂³L|/6: the largest third derivative here is BCE's 2/p³ ≤ 250 for
// p ∈ [0.2, 0.8] (the others are O(1)), giving ≤ 2.4e-9; rounding error is
// about u·|L|/h ≈ 3e-11·|L| with |L| ≲ 10. So 1e-8 is a sound bound, while
// any real mistake (a missing 1/N, a sign, a wrong formula) is ≥ ~1e-2.
func TestLossGradientsMatchCentralDiff(t *testing.T) {
	const h = 1.0 / (1 << 17)
	const tol = 1e-8
	rng := rand.New(rand.NewPCG(9, 10))
	check := func(name string, x []float64, loss func(x, grad []float64) float64) {
		t.Helper()
		want := make([]float64, len(x))
		CentralDiff(func(x []float64) float64 { return loss(x, nil) }, x, h, want)
		got := make([]float64, len(x))
		loss(x, got)
		for i := range x {
			checkAbs(t, fmt.Sprintf("%s grad[%d]", name, i), got[i], want[i], tol)
		}
	}
	for iter := 0; iter < 20; iter++ {
		rows, cols := 1+rng.IntN(4), 1+rng.IntN(5)
		n := rows * cols
		x := make([]float64, n)
		soft := make([]float64, n)  // targets in [0, 1]
		dist := make([]float64, n)  // a probability distribution per row
		labels := make([]int, rows) // class labels
		for i := range x {
			x[i] = 2 * rng.NormFloat64()
			soft[i] = rng.Float64()
		}
		Softmax(dist, append([]float64(nil), x...), cols)
		for r := range labels {
			labels[r] = rng.IntN(cols)
		}

		check("MSE", append([]float64(nil), x...), func(x, g []float64) float64 {
			return MSE(x, soft, cols, g)
		})
		prob := make([]float64, n)
		for i := range prob {
			prob[i] = 0.2 + 0.6*rng.Float64()
		}
		check("BCE", prob, func(p, g []float64) float64 {
			return BCE(p, soft, g)
		})
		check("BCEWithLogits", append([]float64(nil), x...), func(z, g []float64) float64 {
			return BCEWithLogits(z, soft, g)
		})
		for i := range x {
			x[i] = 2 * rng.NormFloat64()
		}
		check("CCEWithLogits", append([]float64(nil), x...), func(z, g []float64) float64 {
			return CCEWithLogits(z, dist, cols, g)
		})
		check("SparseCCEWithLogits", append([]float64(nil), x...), func(z, g []float64) float64 {
			return SparseCCEWithLogits(z, labels, cols, g)
		})
	}
}
