package kernels

// ReLU sets dst[i] = max(x[i], 0) for every i.
//
// NaN stays NaN (quieted, payload kept) and every x ≤ 0, −0 included, gives
// +0, as in PyTorch and Go's built-in max: a NaN that reaches an activation
// surfaces instead of vanishing. The result is bit-identical at every level.
// dst and x must have the same length; dst may be x itself (in place) but
// must not overlap it otherwise.
func ReLU(dst, x []float32) {
	checkSameLen("ReLU", "dst", dst, "x", x)
	if partialOverlap(dst, x) {
		panicOverlap("ReLU: dst and x")
	}
	raceRead(x)
	raceWrite(dst)
	relu(dst, x)
}

// ReLUGrad is the gradient of ReLU: dst[i] = dy[i] where x[i] > 0, else +0.
//
// It selects rather than multiplies, so dy's bits pass through unchanged
// where x > 0 (NaN and −0 included) and a NaN or infinite dy where x ≤ 0
// gives +0. A NaN x gives +0 (NaN is not > 0); ReLU has already passed that
// NaN forward. The result is bit-identical at every level. All three slices
// must have the same length; dst may be dy or x itself but must not overlap
// either otherwise.
func ReLUGrad(dst, dy, x []float32) {
	checkSameLen("ReLUGrad", "dst", dst, "dy", dy)
	checkSameLen("ReLUGrad", "dst", dst, "x", x)
	if partialOverlap(dst, dy) {
		panicOverlap("ReLUGrad: dst and dy")
	}
	if partialOverlap(dst, x) {
		panicOverlap("ReLUGrad: dst and x")
	}
	raceRead(dy)
	raceRead(x)
	raceWrite(dst)
	reluGrad(dst, dy, x)
}
