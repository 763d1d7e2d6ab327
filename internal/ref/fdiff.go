package ref

import "math"

// CentralDiff estimates the gradient of f at x by central differences:
//
//	grad[i] = (f(x + h·e_i) - f(x - h·e_i)) / (2h)
//
// for every i, where e_i is the i-th unit vector and x ± h·e_i is formed by
// setting x[i] to the float64 x[i]+h (respectively x[i]-h) in place. x[i] is
// restored before the next coordinate, even if f panics, so x is unchanged
// on return. f must not modify x or keep it. The error is O(h²·|f⁽³⁾|)
// from truncation plus about u·|f|/h from rounding (u = 2⁻⁵³); choosing h and x
// so that x[i]±h are exact (e.g. h a power of two) removes the step error.
//
// CentralDiff panics, with a message beginning "ref: ", if len(grad) !=
// len(x) or if h is not positive and finite.
func CentralDiff(f func(x []float64) float64, x []float64, h float64, grad []float64) {
	mustSameLen(len(grad), len(x), "x and grad")
	if !(h > 0) || h > math.MaxFloat64 {
		panic("ref: h must be positive and finite")
	}
	for i := range x {
		fp := evalAt(f, x, i, x[i]+h)
		fm := evalAt(f, x, i, x[i]-h)
		grad[i] = (fp - fm) / (2 * h)
	}
}

// evalAt returns f(x) with x[i] temporarily set to xi, restoring x[i]
// afterwards even if f panics.
func evalAt(f func([]float64) float64, x []float64, i int, xi float64) float64 {
	old := x[i]
	defer func() { x[i] = old }()
	x[i] = xi
	return f(x)
}
