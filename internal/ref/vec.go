package ref

import "math"

// Axpy returns y + alpha·x as ember's Axpy defines it: for each i the
// product alpha·x[i] is rounded to float32, then the sum with y[i] is
// rounded to float32 (no fused multiply-add). Each operation is evaluated in
// float64 and then rounded to float32. The product of two float32s is exact
// in float64; the sum may be rounded twice (to float64, then float32), but
// float64 has at least 2·24+2 significand bits, so for + and × that double
// rounding equals a single correct rounding to float32 (Figueroa, 1995).
func Axpy(alpha float32, x, y []float32) []float32 {
	if len(x) != len(y) {
		panic("ref: Axpy: len(x) != len(y)")
	}
	out := make([]float32, len(x))
	for i := range x {
		p := float32(float64(alpha) * float64(x[i]))
		out[i] = float32(float64(y[i]) + float64(p))
	}
	return out
}

// Dot returns Σ x[i]·y[i] summed in float64 (each product of two float32s
// is exact in float64) and Σ |x[i]·y[i]|, the magnitude an error bound
// scales with.
func Dot(x, y []float32) (dot, abs float64) {
	if len(x) != len(y) {
		panic("ref: Dot: len(x) != len(y)")
	}
	for i := range x {
		p := float64(x[i]) * float64(y[i])
		dot += p
		if p < 0 {
			p = -p
		}
		abs += p
	}
	return dot, abs
}

// AllFinite reports whether no element of x is NaN or ±Inf.
func AllFinite(x []float32) bool {
	for _, v := range x {
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			return false
		}
	}
	return true
}

// Scale returns alpha·x[i] for each i, correctly rounded to float32.
func Scale(alpha float32, x []float32) []float32 {
	out := make([]float32, len(x))
	for i, v := range x {
		out[i] = float32(float64(alpha) * float64(v))
	}
	return out
}
