//go:build !purego

package asm

// NEON (arm64 ASIMD) optimizer steps, in optim_neon_arm64.s: one fused
// pass over the weights, every operation a separate float32 rounding in
// the order written (FMUL then FADD, never FMLA; FSQRT and FDIV are
// correctly rounded), so the results are bit-identical to the Go loops
// below. len(w) must be a multiple of 4: the caller finishes the last 0..3
// elements in Go. The other slices must be at least len(w) long and must
// not overlap w or each other.

// AdamStepNEON computes, for i < len(w):
//
//	gi := g[i]
//	if weightDecay != 0 { gi += weightDecay * w[i] }
//	mi := beta1*m[i] + oneMinusBeta1*gi
//	vi := beta2*v[i] + oneMinusBeta2*(gi*gi)
//	denom := sqrt(vi)/bc2Sqrt + eps
//	w[i] -= stepSize * (mi / denom)
//	m[i], v[i] = mi, vi
//
// with every product, sum, quotient and root rounded to float32 on its
// own. A NaN weightDecay counts as non-zero, as in Go. len(w) is a
// multiple of 4.
//
//go:noescape
func AdamStepNEON(w, g, m, v []float32, beta1, beta2, oneMinusBeta1, oneMinusBeta2, stepSize, bc2Sqrt, eps, weightDecay float32)

// SGDStepNEON computes, for i < len(w):
//
//	gi := g[i]
//	if weightDecay != 0 { gi += weightDecay * w[i] }
//	upd := gi
//	if momentum != 0 {
//		vi := momentum*vel[i] + gi
//		vel[i] = vi
//		upd = vi
//		if nesterov { upd = gi + momentum*vi }
//	}
//	w[i] -= lr * upd
//
// each operation rounded on its own. A NaN momentum or weightDecay counts
// as non-zero, as in Go. len(w) is a multiple of 4; len(vel) >= len(w) if
// momentum != 0 (vel is not touched, and may be nil, if momentum == 0).
//
//go:noescape
func SGDStepNEON(w, g, vel []float32, lr, momentum, weightDecay float32, nesterov bool)
