package ref

import "math"

// Exp returns e^x, computed by math.Exp (which is correctly rounded to within
// 1 ulp): Exp(+Inf) = +Inf, Exp(-Inf) = 0, Exp(NaN) = NaN; it overflows to
// +Inf for x > ~709.78 and underflows to 0 for x < ~-745.13.
func Exp(x float64) float64 {
	return math.Exp(x)
}

// Sigmoid returns the logistic function 1/(1+e^-x), evaluated in the stable
// form
//
//	x ≥ 0: 1/(1+e^-x)
//	x < 0: e^x/(1+e^x)
//
// so that e^(±x) is only ever evaluated at a non-positive argument and never
// overflows. Sigmoid(+Inf) = 1, Sigmoid(-Inf) = 0, Sigmoid(NaN) = NaN. For
// x ≲ -745, e^x underflows and the result is +0.
func Sigmoid(x float64) float64 {
	if math.IsNaN(x) {
		return x
	}
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}

// Tanh returns the hyperbolic tangent of x, computed by math.Tanh:
// Tanh(±0) = ±0, Tanh(±Inf) = ±1, Tanh(NaN) = NaN.
func Tanh(x float64) float64 {
	return math.Tanh(x)
}

// ReLU returns max(x, 0) with the conventions of PyTorch and Go's built-in
// max: x if x > 0; NaN if x is NaN (the NaN itself is returned, so a NaN
// surfaces rather than vanishes); otherwise (x ≤ 0, including -0 and -Inf)
// +0, never -0.
func ReLU(x float64) float64 {
	if x > 0 || math.IsNaN(x) {
		return x
	}
	return 0
}

// ReLUGrad returns the gradient of ReLU with respect to its input, given the
// upstream gradient dy and the forward input x:
//
//	dy if x > 0, else +0.
//
// x == 0 (either sign) gives 0, as in PyTorch; a NaN x gives 0 (NaN > 0 is
// false); a NaN dy with x > 0 gives NaN.
func ReLUGrad(dy, x float64) float64 {
	if x > 0 {
		return dy
	}
	return 0
}

// LeakyReLU returns x if x > 0, else slope·x. A NaN x gives NaN. The result
// for x ≤ 0 is the float64 product slope·x, so with slope > 0 an input of
// -0 gives -0 and -Inf gives -Inf (0·(-Inf) = NaN if slope == 0).
func LeakyReLU(x, slope float64) float64 {
	if x > 0 || math.IsNaN(x) {
		return x
	}
	return slope * x
}

// LeakyReLUGrad returns the gradient of LeakyReLU with respect to its input,
// given the upstream gradient dy and the forward input x:
//
//	dy if x > 0, else slope·dy.
//
// x == 0 and a NaN x both take the slope·dy branch.
func LeakyReLUGrad(dy, x, slope float64) float64 {
	if x > 0 {
		return dy
	}
	return slope * dy
}

// SigmoidGrad returns the gradient of Sigmoid with respect to its input,
// given the upstream gradient dy and the forward output y = Sigmoid(x):
//
//	dy·y·(1-y)
//
// evaluated left to right as (dy·y)·(1-y).
func SigmoidGrad(dy, y float64) float64 {
	return dy * y * (1 - y)
}

// TanhGrad returns the gradient of Tanh with respect to its input, given the
// upstream gradient dy and the forward output y = Tanh(x):
//
//	dy·(1-y·y).
func TanhGrad(dy, y float64) float64 {
	return dy * (1 - y*y)
}
