//go:build !purego

package kernels

import "github.com/emberml/ember/kernels/asm"

// The optimizer steps. See zdispatch_amd64.go for the shape of these
// dispatchers. The assembly takes the scalars as separate arguments and
// chooses the weight-decay and momentum branches itself.

func adamStep(w, g, m, v []float32, c *adamScalars) {
	if len(w) >= minAsmLen {
		switch active {
		case AVX512:
			for len(w) > 0 {
				n := min(len(w), chunkLen)
				asm.AdamStepAVX512(w[:n], g, m, v, c.beta1, c.beta2, c.oneMinusBeta1, c.oneMinusBeta2,
					c.stepSize, c.bc2Sqrt, c.eps, c.weightDecay)
				w, g, m, v = w[n:], g[n:], m[n:], v[n:]
			}
			return
		case AVX2:
			for len(w) > 0 {
				n := min(len(w), chunkLen)
				asm.AdamStepAVX2(w[:n], g, m, v, c.beta1, c.beta2, c.oneMinusBeta1, c.oneMinusBeta2,
					c.stepSize, c.bc2Sqrt, c.eps, c.weightDecay)
				w, g, m, v = w[n:], g[n:], m[n:], v[n:]
			}
			return
		}
	}
	adamStepGeneric(w, g, m, v, c)
}

// sgdStep hands the assembly a nil velocity without momentum (it may be
// nil or short then, and is not touched).
func sgdStep(w, g, vel []float32, p *SGDParams) {
	if len(w) >= minAsmLen {
		if p.Momentum == 0 {
			vel = nil
		}
		switch active {
		case AVX512:
			for len(w) > 0 {
				n := min(len(w), chunkLen)
				asm.SGDStepAVX512(w[:n], g, vel, p.LR, p.Momentum, p.WeightDecay, p.Nesterov)
				w, g, vel = w[n:], g[n:], vel[min(n, len(vel)):]
			}
			return
		case AVX2:
			for len(w) > 0 {
				n := min(len(w), chunkLen)
				asm.SGDStepAVX2(w[:n], g, vel, p.LR, p.Momentum, p.WeightDecay, p.Nesterov)
				w, g, vel = w[n:], g[n:], vel[min(n, len(vel)):]
			}
			return
		}
	}
	sgdStepGeneric(w, g, vel, p)
}
