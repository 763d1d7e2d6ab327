package ref

// BiasAdd adds the row vector bias to every row of the row-major matrix x,
// whose number of columns is cols = len(bias):
//
//	dst[r*cols+j] = x[r*cols+j] + bias[j]
//
// for every row r < len(x)/cols and column j < cols. dst may be x itself.
// BiasAdd panics, with a message beginning "ref: ", if len(bias) == 0,
// len(x) is not a multiple of len(bias), or len(dst) != len(x).
func BiasAdd(dst, x, bias []float64) {
	cols := len(bias)
	rows := mustRows(len(x), cols)
	mustSameLen(len(dst), len(x), "dst and x")
	for r := 0; r < rows; r++ {
		for j := 0; j < cols; j++ {
			dst[r*cols+j] = x[r*cols+j] + bias[j]
		}
	}
}

// ColSums overwrites dst with the column sums of the row-major matrix x,
// whose number of columns is cols = len(dst):
//
//	dst[j] = Σ_{r=0}^{rows-1} x[r*cols+j],   rows = len(x)/cols,
//
// summed in float64 in the order r = 0, 1, …, starting from +0 (so a matrix
// with no rows gives all zeros). dst must not overlap x. ColSums panics,
// with a message beginning "ref: ", if len(dst) == 0 or len(x) is not a
// multiple of len(dst).
func ColSums(dst, x []float64) {
	cols := len(dst)
	rows := mustRows(len(x), cols)
	for j := 0; j < cols; j++ {
		var s float64
		for r := 0; r < rows; r++ {
			s += x[r*cols+j]
		}
		dst[j] = s
	}
}
