package kernels

// Axpy adds alpha times x to y: y[i] += alpha*x[i] for every i.
//
// Each element is computed as y[i] + float32(alpha*x[i]): the product is
// rounded before the sum (no fused multiply-add), so every level gives the
// same bits — except that when more than one operand of an element is NaN,
// which of those NaNs comes out is unspecified (the hardware picks one by
// operand order). x and y must have the same length; they may be the same
// slice, but must not overlap otherwise.
func Axpy(alpha float32, x, y []float32) {
	checkSameLen("Axpy", "x", x, "y", y)
	if partialOverlap(x, y) {
		panicOverlap("Axpy: x and y")
	}
	raceRead(x)
	raceWrite(y)
	axpy(alpha, x, y)
}

// Dot returns the dot product Σ x[i]*y[i], accumulated in float32.
//
// The summation order depends on the level (the assembly keeps several
// partial sums), so results can differ between levels in the last bits; at
// every level the error is at most γ_n·Σ|x[i]·y[i]| + n·2⁻¹⁴⁸, where
// n = len(x), γ_n = n·u/(1−n·u) and u = 2⁻²⁴; the second term covers
// products and partial sums that fall below the normal range (each such
// rounding can lose up to 2⁻¹⁵⁰ absolutely). x and y must have the same
// length.
func Dot(x, y []float32) float32 {
	checkSameLen("Dot", "x", x, "y", y)
	raceRead(x)
	raceRead(y)
	return dot(x, y)
}

// Scale multiplies x by alpha in place: x[i] *= alpha for every i. The
// result is the correctly rounded product, the same bits at every level
// (if both alpha and x[i] are NaN, which NaN comes out is unspecified).
func Scale(alpha float32, x []float32) {
	raceWrite(x)
	scale(alpha, x)
}
