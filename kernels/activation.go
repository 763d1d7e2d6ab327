package kernels

// Exp sets dst[i] = e^x[i] for i < len(x).
//
// Accuracy: within 2 ulps of the correctly rounded result for every
// float32 input (measured: 1 ulp; see the package tests). Special values:
// NaN gives NaN; x > 88.72 overflows to +Inf and Exp(+Inf) = +Inf;
// results below the smallest subnormal round to +0, and Exp(−Inf) = +0;
// subnormal results are rounded once.
//
// dst may be x itself (in place) but must not otherwise overlap it. It
// panics if len(dst) != len(x).
func Exp(dst, x []float32) {
	checkSameLen("Exp", "dst", dst, "x", x)
	if partialOverlap(dst, x) {
		panicOverlap("Exp: dst and x")
	}
	raceRead(x)
	raceWrite(dst)
	exp(dst, x)
}

// Sigmoid sets dst[i] = 1/(1+e^−x[i]) for i < len(x).
//
// Accuracy: within 3 ulps for every float32 input (measured: 2). It is
// computed from e^−|x|, so tiny results (x < −16) keep their relative
// accuracy down to the subnormals. Special values: NaN gives NaN;
// Sigmoid(+Inf) = 1 and results within half an ulp of 1 are exactly 1;
// Sigmoid(−Inf) = +0 and x < −104 gives +0.
//
// dst may be x itself but must not otherwise overlap it. It panics if
// len(dst) != len(x).
func Sigmoid(dst, x []float32) {
	checkSameLen("Sigmoid", "dst", dst, "x", x)
	if partialOverlap(dst, x) {
		panicOverlap("Sigmoid: dst and x")
	}
	raceRead(x)
	raceWrite(dst)
	sigmoid(dst, x)
}

// Tanh sets dst[i] = tanh(x[i]) for i < len(x).
//
// Accuracy: within 4 ulps for every float32 input (measured: 1). Near 0 it
// uses an odd polynomial, never e^x (whose cancellation would lose
// accuracy), so Tanh(x) = x for tiny |x| and Tanh(−0) = −0. Special
// values: NaN gives NaN; Tanh(±Inf) = ±1, as is every |x| > 9.01.
//
// dst may be x itself but must not otherwise overlap it. It panics if
// len(dst) != len(x).
func Tanh(dst, x []float32) {
	checkSameLen("Tanh", "dst", dst, "x", x)
	if partialOverlap(dst, x) {
		panicOverlap("Tanh: dst and x")
	}
	raceRead(x)
	raceWrite(dst)
	tanh(dst, x)
}

// SigmoidGrad sets dst[i] = dy[i]·(y[i]·(1−y[i])), the gradient of Sigmoid
// at the input whose output was y, given the upstream gradient dy. The
// operations are rounded one by one in that order (no fused multiply-add),
// so the result is bit-identical at every level; 1−y is exact for
// y ≥ 0.5, and the result is within 2 ulps of the exact value.
//
// dst may be dy or y itself but must not otherwise overlap them; dy and y
// may overlap each other. It panics unless all three have one length.
func SigmoidGrad(dst, dy, y []float32) {
	checkSameLen("SigmoidGrad", "dst", dst, "dy", dy)
	checkSameLen("SigmoidGrad", "dst", dst, "y", y)
	if partialOverlap(dst, dy) || partialOverlap(dst, y) {
		panicOverlap("SigmoidGrad: dst and an input")
	}
	raceRead(dy)
	raceRead(y)
	raceWrite(dst)
	sigmoidGrad(dst, dy, y)
}

// TanhGrad sets dst[i] = dy[i]·((1−y[i])·(1+y[i])), the gradient of Tanh at
// the input whose output was y: dy·(1−y²), factored so that no
// cancellation occurs as |y| → 1 (1−y is exact for y ≥ 0.5, 1+y for
// y ≤ −0.5). Rounded one operation at a time in that order, so the result
// is bit-identical at every level, within 2 ulps of the exact value.
//
// Aliasing and panics as for SigmoidGrad.
func TanhGrad(dst, dy, y []float32) {
	checkSameLen("TanhGrad", "dst", dst, "dy", dy)
	checkSameLen("TanhGrad", "dst", dst, "y", y)
	if partialOverlap(dst, dy) || partialOverlap(dst, y) {
		panicOverlap("TanhGrad: dst and an input")
	}
	raceRead(dy)
	raceRead(y)
	raceWrite(dst)
	tanhGrad(dst, dy, y)
}

// LeakyReLU sets dst[i] = x[i] if x[i] > 0, else slope·x[i]. NaN stays NaN
// (quieted), and with slope > 0, −0 gives −0 and −Inf gives −Inf, as in
// PyTorch. Bit-identical at every level.
//
// dst may be x itself but must not otherwise overlap it. It panics if
// len(dst) != len(x).
func LeakyReLU(dst, x []float32, slope float32) {
	checkSameLen("LeakyReLU", "dst", dst, "x", x)
	if partialOverlap(dst, x) {
		panicOverlap("LeakyReLU: dst and x")
	}
	raceRead(x)
	raceWrite(dst)
	leakyReLU(dst, x, slope)
}

// LeakyReLUGrad sets dst[i] = dy[i] if x[i] > 0, else slope·dy[i]: the
// gradient of LeakyReLU at input x, given the upstream gradient dy. x == 0
// and NaN x take the slope branch, as in PyTorch. Bit-identical at every
// level.
//
// Aliasing and panics as for SigmoidGrad.
func LeakyReLUGrad(dst, dy, x []float32, slope float32) {
	checkSameLen("LeakyReLUGrad", "dst", dst, "dy", dy)
	checkSameLen("LeakyReLUGrad", "dst", dst, "x", x)
	if partialOverlap(dst, dy) || partialOverlap(dst, x) {
		panicOverlap("LeakyReLUGrad: dst and an input")
	}
	raceRead(dy)
	raceRead(x)
	raceWrite(dst)
	leakyReLUGrad(dst, dy, x, slope)
}
