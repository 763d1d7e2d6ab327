//go:build purego || !(amd64 || arm64)

package kernels

// Without assembly every kernel is its generic version.

func adamStep(w, g, m, v []float32, c *adamScalars) { adamStepGeneric(w, g, m, v, c) }
func sgdStep(w, g, vel []float32, p *SGDParams)     { sgdStepGeneric(w, g, vel, p) }
