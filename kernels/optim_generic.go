package kernels

import "math"

// The generic optimizer steps: the specification of the assembly. Every
// product is converted to float32 explicitly, which forbids the compiler
// from fusing it with the following addition (as arm64 would), so each
// operation is rounded on its own, as the assembly does it.

// minNormal32 is the smallest normal float32, 2⁻¹²⁶.
const minNormal32 = 0x1p-126

// flushSubnormal returns +0 for an x of magnitude below the smallest
// normal float32 (a subnormal or a zero), x otherwise, NaN included. The
// optimizers store their moments through it (see AdamStep).
func flushSubnormal(x float32) float32 {
	if x > -minNormal32 && x < minNormal32 {
		return 0
	}
	return x
}

func adamStepGeneric(w, g, m, v []float32, c *adamScalars) {
	for i := range w {
		gi := g[i]
		if c.weightDecay != 0 {
			gi += float32(c.weightDecay * w[i])
		}
		mi := flushSubnormal(float32(c.beta1*m[i]) + float32(c.oneMinusBeta1*gi))
		vi := flushSubnormal(float32(c.beta2*v[i]) + float32(c.oneMinusBeta2*float32(gi*gi)))
		denom := float32(float32(math.Sqrt(float64(vi)))/c.bc2Sqrt) + c.eps
		w[i] -= float32(c.stepSize * float32(mi/denom))
		m[i], v[i] = mi, vi
	}
}

func sgdStepGeneric(w, g, vel []float32, p *SGDParams) {
	for i := range w {
		gi := g[i]
		if p.WeightDecay != 0 {
			gi += float32(p.WeightDecay * w[i])
		}
		upd := gi
		if p.Momentum != 0 {
			vi := flushSubnormal(float32(p.Momentum*vel[i]) + gi)
			vel[i] = vi
			upd = vi
			if p.Nesterov {
				upd = gi + float32(p.Momentum*vi)
			}
		}
		w[i] -= float32(p.LR * upd)
	}
}
