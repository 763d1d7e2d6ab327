package testutil

import (
	"math"

	"github.com/emberml/ember/kernels"
)

// u is float32's unit roundoff, which the kernels' bounds below are in.
const u = Float32Unit

// Float64s returns x converted to float64, element by element.
func Float64s(x []float32) []float64 {
	y := make([]float64, len(x))
	for i, v := range x {
		y[i] = float64(v)
	}
	return y
}

// The bounds below are used by kernels' own tests and by the harness's
// -check, which holds every implementation to them.

// SoftmaxBound is kernels.Softmax's documented relative error bound for an
// element whose shift (the row's maximum minus the element) is dj, in a row
// of cols columns whose largest shift is maxD.
func SoftmaxBound(dj, maxD float64, cols int) float64 {
	return (dj+4)*u + (maxD+4)*u + Gamma(cols-1, u) + 2*u
}

// The optimizer steps are short chains of float32 roundings, each within
// u = 2⁻²⁴ of its own result; where a chain adds terms of opposite sign
// (m, the velocity, w crossing zero), the error is relative to the terms,
// not to the result. The bounds below follow each chain from the same
// float32 state as internal/ref's float64 step.

// AdamTolerance returns the allowed absolute errors of one AdamStep from
// state (w, g, m, v) in float64.
func AdamTolerance(p kernels.AdamParams, w, g, m, v float64) (tw, tm, tv float64) {
	b1, b2 := float64(p.Beta1), float64(p.Beta2)
	gp := g + float64(p.WeightDecay)*w
	gAbs := math.Abs(g) + math.Abs(float64(p.WeightDecay)*w) // g' with its rounding's scale
	tg := 2 * u * gAbs
	tm = 3*u*(math.Abs(b1*m)+math.Abs((1-b1)*gp)) + (1-b1)*tg
	mNew := b1*m + (1-b1)*gp
	vNew := b2*v + (1-b2)*gp*gp
	tv = 5*u*vNew + (1-b2)*2*math.Abs(gp)*tg
	t := float64(p.Step)
	stepSize := float64(p.LR) / (1 - math.Pow(b1, t))
	denom := math.Sqrt(vNew)/math.Sqrt(1-math.Pow(b2, t)) + float64(p.Eps)
	delta := stepSize * mNew / denom
	// denom: sqrt of v (half v's relative error), the division, + eps, and
	// the rounded scalars: 6u relative, plus v's error through sqrt.
	relDenom := 6*u + tv/(2*math.Max(vNew, 1e-300))
	tw = 3*u*(math.Abs(w)+math.Abs(delta)) + stepSize*(tm+math.Abs(mNew)*relDenom)/denom + 2*u*math.Abs(delta)
	return tw, tm, tv
}

// SGDTolerance returns the allowed absolute errors of one SGDStep.
func SGDTolerance(p kernels.SGDParams, w, g, vel float64) (tw, tvel float64) {
	mom, lr := float64(p.Momentum), float64(p.LR)
	gp := g + float64(p.WeightDecay)*w
	tg := 2 * u * (math.Abs(g) + math.Abs(float64(p.WeightDecay)*w))
	upd, tupd := gp, tg
	if mom != 0 {
		velNew := mom*vel + gp
		tvel = 2*u*(math.Abs(mom*vel)+math.Abs(gp)) + tg
		upd, tupd = velNew, tvel
		if p.Nesterov {
			upd = gp + mom*velNew
			tupd = 2*u*(math.Abs(gp)+math.Abs(mom*velNew)) + tg + mom*tvel
		}
	}
	tw = 2*u*(math.Abs(w)+math.Abs(lr*upd)) + lr*tupd
	return tw, tvel
}
