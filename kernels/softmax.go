package kernels

// Softmax sets each row of dst to the softmax of the same row of x, both
// row-major with cols columns (len(x)/cols rows):
//
//	dst[r,j] = e^(x[r,j]−M) / Σ_i e^(x[r,i]−M),   M = max_i x[r,i]
//
// Subtracting the row maximum keeps every exponential in (0, 1], so
// nothing overflows. Special rows follow internal/ref: a NaN anywhere makes
// the row NaN; a row with +Inf entries (and no NaN) gives 1/count on them
// and 0 elsewhere (the limit, without Inf − Inf); a row of all −Inf, which
// has no answer, is NaN.
//
// Accuracy, per element, relative to the exact value:
//
//	|err| ≤ (d_j + 4)·u + (D + 4)·u + γ_{cols−1} + 2u,   u = 2⁻²⁴,
//
// where d_j = |x[r,j] − M| and D = max_i d_i: the subtraction's rounding
// (relative u in the exponent, so d·u in the result), exp's 2 ulps (≤ 4u),
// the sum's (rounding of positive terms, any order, carrying their own
// errors), and the reciprocal and the product. Results below 2⁻¹²⁶ are
// further off by at most one subnormal ulp (2⁻¹⁴⁹). A row sums to 1 within
// the sum of its elements' bounds.
//
// dst may be x itself but must not otherwise overlap it. It panics if
// cols < 1, len(x) is not a multiple of cols, or len(dst) != len(x).
func Softmax(dst, x []float32, cols int) {
	checkRows("Softmax", len(x), cols)
	checkSameLen("Softmax", "dst", dst, "x", x)
	if partialOverlap(dst, x) {
		panicOverlap("Softmax: dst and x")
	}
	raceRead(x)
	raceWrite(dst)
	for r := 0; r < len(x); r += cols {
		softmaxRow(dst[r:r+cols], x[r:r+cols])
	}
}

// LogSoftmax sets each row of dst to the log-softmax of the same row of x
// (row-major, cols columns):
//
//	dst[r,j] = x[r,j] − (M + log Σ_i e^(x[r,i]−M)),   M = max_i x[r,i]
//
// with the shift M + log Σ formed in float64 and rounded once. Special
// rows as for Softmax, in log form: NaN rows are NaN, a row with +Inf gives
// −log(count) on the +Inf entries and −Inf elsewhere, an all −Inf row is
// NaN; −Inf entries of other rows give −Inf.
//
// Accuracy, per element, absolute:
//
//	|err| ≤ u·|c| + u·|dst[r,j]| + γ_{cols−1} + (D + 4)·u,   c = M + log Σ,
//
// the shift's and the subtraction's roundings plus the sum's relative error
// (which log turns into an absolute one).
//
// dst may be x itself but must not otherwise overlap it. It panics as
// Softmax does.
func LogSoftmax(dst, x []float32, cols int) {
	checkRows("LogSoftmax", len(x), cols)
	checkSameLen("LogSoftmax", "dst", dst, "x", x)
	if partialOverlap(dst, x) {
		panicOverlap("LogSoftmax: dst and x")
	}
	raceRead(x)
	raceWrite(dst)
	for r := 0; r < len(x); r += cols {
		logSoftmaxRow(dst[r:r+cols], x[r:r+cols])
	}
}
