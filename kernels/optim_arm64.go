//go:build !purego

package kernels

import "github.com/emberml/ember/kernels/asm"

// See vec_arm64.go for the shape of these dispatchers. The scalars go to
// the assembly as separate float32 arguments; SGD without momentum has its
// own kernel (velocity may be nil then and is never touched). The weight
// decay and Nesterov tests are made in the assembly, which gives the same
// bits as the generic code.

func adamStep(w, g, m, v []float32, c *adamScalars) {
	if len(w) >= minAsmLen {
		switch active {
		case NEON:
			n := len(w) &^ 3
			chunk := neonChunk()
			for i := 0; i < n; i += chunk {
				e := min(i+chunk, n)
				asm.AdamNEON(w[i:e], g[i:e], m[i:e], v[i:e],
					c.beta1, c.beta2, c.oneMinusBeta1, c.oneMinusBeta2,
					c.stepSize, c.bc2Sqrt, c.eps, c.weightDecay)
			}
			adamStepGeneric(w[n:], g[n:], m[n:], v[n:], c)
			return
		}
	}
	adamStepGeneric(w, g, m, v, c)
}

func sgdStep(w, g, vel []float32, p *SGDParams) {
	if len(w) >= minAsmLen {
		switch active {
		case NEON:
			n := len(w) &^ 3
			chunk := neonChunk()
			for i := 0; i < n; i += chunk {
				e := min(i+chunk, n)
				if p.Momentum != 0 {
					asm.SGDMomentumNEON(w[i:e], g[i:e], vel[i:e], p.LR, p.WeightDecay, p.Momentum, p.Nesterov)
				} else {
					asm.SGDNEON(w[i:e], g[i:e], p.LR, p.WeightDecay)
				}
			}
			if p.Momentum != 0 {
				vel = vel[n:]
			}
			sgdStepGeneric(w[n:], g[n:], vel, p)
			return
		}
	}
	sgdStepGeneric(w, g, vel, p)
}
