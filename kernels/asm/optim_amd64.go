//go:build !purego

package asm

// Optimizer steps: AVX2 (with FMA3) kernels in optim_avx2_amd64.s, AVX-512
// (F) kernels in optim_avx512_amd64.s. Each is one fused pass over the
// weights and their state, any length (tails masked), every operation a
// separate float32 rounding in the order of the Go loop given (no fused
// multiply-add; VSQRTPS and VDIVPS are correctly rounded), so the results
// are those of the Go loop bit for bit (which NaN comes out of two NaN
// operands aside). The weight-decay and momentum branches are taken once
// per loop trip on flags formed from the scalars at entry.

// AdamStepAVX2 computes, for i < len(w):
//
//	gi := g[i]
//	if weightDecay != 0 { gi += weightDecay * w[i] }
//	mi := beta1*m[i] + oneMinusBeta1*gi
//	vi := beta2*v[i] + oneMinusBeta2*(gi*gi)
//	denom := sqrt(vi)/bc2Sqrt + eps
//	w[i] -= stepSize * (mi / denom)
//	m[i], v[i] = mi, vi
//
// len(g), len(m), len(v) >= len(w); none overlaps another.
//
//go:noescape
func AdamStepAVX2(w, g, m, v []float32, beta1, beta2, oneMinusBeta1, oneMinusBeta2, stepSize, bc2Sqrt, eps, weightDecay float32)

// SGDStepAVX2 computes, for i < len(w):
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
// len(g) >= len(w), and len(vel) >= len(w) if momentum != 0 (vel is not
// touched, and may be nil, if momentum == 0); none overlaps another.
//
//go:noescape
func SGDStepAVX2(w, g, vel []float32, lr, momentum, weightDecay float32, nesterov bool)

// AdamStepAVX512 is AdamStepAVX2 with 16-lane vectors.
//
//go:noescape
func AdamStepAVX512(w, g, m, v []float32, beta1, beta2, oneMinusBeta1, oneMinusBeta2, stepSize, bc2Sqrt, eps, weightDecay float32)

// SGDStepAVX512 is SGDStepAVX2 with 16-lane vectors.
//
//go:noescape
func SGDStepAVX512(w, g, vel []float32, lr, momentum, weightDecay float32, nesterov bool)
