//go:build !purego

package kernels

import "github.com/emberml/ember/kernels/asm"

// See zdispatch_arm64.go for the shape of these dispatchers. The scalars go to
// the assembly as separate float32 arguments; the weight-decay, momentum
// and Nesterov tests are made in the assembly, which gives the same bits
// as the generic code.

func adamStep(w, g, m, v []float32, c *adamScalars) {
	if len(w) >= minAsmLen {
		switch active {
		case NEON:
			n := len(w) &^ 3
			chunk := neonChunk()
			for i := 0; i < n; i += chunk {
				e := min(i+chunk, n)
				asm.AdamStepNEON(w[i:e], g[i:e], m[i:e], v[i:e],
					c.beta1, c.beta2, c.oneMinusBeta1, c.oneMinusBeta2,
					c.stepSize, c.bc2Sqrt, c.eps, c.weightDecay)
			}
			adamStepGeneric(w[n:], g[n:], m[n:], v[n:], c)
			return
		}
	}
	adamStepGeneric(w, g, m, v, c)
}

// sgdStep hands the assembly a nil velocity without momentum (it may be
// nil or short then, and is not touched).
func sgdStep(w, g, vel []float32, p *SGDParams) {
	if len(w) >= minAsmLen {
		switch active {
		case NEON:
			if p.Momentum == 0 {
				vel = nil
			}
			n := len(w) &^ 3
			chunk := neonChunk()
			for i := 0; i < n; i += chunk {
				e := min(i+chunk, n)
				asm.SGDStepNEON(w[i:e], g[i:e], vel[min(i, len(vel)):min(e, len(vel))],
					p.LR, p.Momentum, p.WeightDecay, p.Nesterov)
			}
			sgdStepGeneric(w[n:], g[n:], vel[min(n, len(vel)):], p)
			return
		}
	}
	sgdStepGeneric(w, g, vel, p)
}
