//go:build !purego

package kernels

// Assembly for the optimizer steps is not written yet: every level runs
// the generic kernels.

func adamStep(w, g, m, v []float32, c *adamScalars) { adamStepGeneric(w, g, m, v, c) }
func sgdStep(w, g, vel []float32, p *SGDParams)     { sgdStepGeneric(w, g, vel, p) }
