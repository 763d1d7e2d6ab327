package ref

import "math"

// Softmax writes into dst the softmax of each row of the row-major matrix x
// with cols columns (rows = len(x)/cols):
//
//	dst[r,j] = exp(x[r,j] - M) / Σ_i exp(x[r,i] - M),   M = max_i x[r,i]
//
// evaluated in that max-subtracted form (the sum in the order i = 0, 1, …)
// so that no exp overflows. Rows are independent. Special rows:
//   - a NaN anywhere in a row makes the whole row NaN;
//   - a row containing +Inf (and no NaN) puts the mass equally on its +Inf
//     entries, 1/count each, and 0 on every other entry (the limit of the
//     finite case);
//   - a row of all -Inf has no softmax: the whole row is NaN.
//
// -Inf entries in any other row get exactly 0. dst may be x itself (the
// exact same slice), but must not otherwise overlap it. Softmax panics,
// with a message beginning "ref: ", if cols <= 0, len(x) is not a multiple
// of cols, or len(dst) != len(x).
func Softmax(dst, x []float64, cols int) {
	rowwise(dst, x, cols, softmaxRow)
}

// LogSoftmax writes into dst the log-softmax of each row of the row-major
// matrix x with cols columns (rows = len(x)/cols):
//
//	dst[r,j] = (x[r,j] - M) - log(Σ_i exp(x[r,i] - M)),   M = max_i x[r,i]
//
// evaluated in that max-subtracted form (the sum in the order i = 0, 1, …).
// Rows are independent. Special rows:
//   - a NaN anywhere in a row makes the whole row NaN;
//   - a row containing +Inf (and no NaN) gives log(1/count), computed as
//     0 - log(count) (so +0 when count == 1), on its +Inf entries and -Inf on every other entry (the logarithm of
//     Softmax's answer);
//   - a row of all -Inf has no answer: the whole row is NaN.
//
// -Inf entries in any other row give -Inf. dst may be x itself (the exact
// same slice), but must not otherwise overlap it. LogSoftmax panics, with a
// message beginning "ref: ", if cols <= 0, len(x) is not a multiple of cols,
// or len(dst) != len(x).
func LogSoftmax(dst, x []float64, cols int) {
	rowwise(dst, x, cols, logSoftmaxRow)
}

// rowwise classifies each row of x (cols columns) and writes into the
// same row of dst: NaN everywhere for a row with a NaN or of all -Inf,
// which neither Softmax nor LogSoftmax has an answer for; otherwise f's
// answer for the row of that kind (rowPosInf or rowFinite), maximum mx and
// nPosInf +Inf entries. Each row of x is copied before f sees it, so dst
// may be x.
func rowwise(dst, x []float64, cols int, f func(dst, row []float64, kind rowKind, mx float64, nPosInf int)) {
	rows := mustRows(len(x), cols)
	mustSameLen(len(dst), len(x), "dst and x")
	for r := 0; r < rows; r++ {
		row := append([]float64(nil), x[r*cols:(r+1)*cols]...)
		d := dst[r*cols : (r+1)*cols]
		kind, mx, nPosInf := classify(row)
		if kind == rowHasNaN || kind == rowAllNegInf {
			for j := range d {
				d[j] = math.NaN()
			}
			continue
		}
		f(d, row, kind, mx, nPosInf)
	}
}

// rowKind classifies a row for Softmax and LogSoftmax.
type rowKind int

const (
	rowFinite    rowKind = iota // no NaN, max finite: the ordinary formula
	rowHasNaN                   // some entry is NaN
	rowPosInf                   // no NaN, some entry is +Inf
	rowAllNegInf                // every entry is -Inf
)

// classify returns the kind of row, its maximum (meaningful for rowFinite)
// and the number of +Inf entries.
func classify(row []float64) (kind rowKind, mx float64, nPosInf int) {
	mx = math.Inf(-1)
	for _, v := range row {
		if math.IsNaN(v) {
			return rowHasNaN, math.NaN(), 0
		}
		if math.IsInf(v, 1) {
			nPosInf++
		}
		if v > mx {
			mx = v
		}
	}
	switch {
	case nPosInf > 0:
		return rowPosInf, mx, nPosInf
	case math.IsInf(mx, -1):
		return rowAllNegInf, mx, 0
	}
	return rowFinite, mx, 0
}

func softmaxRow(dst, row []float64, kind rowKind, mx float64, nPosInf int) {
	switch kind {
	case rowPosInf:
		for j, v := range row {
			if math.IsInf(v, 1) {
				dst[j] = 1 / float64(nPosInf)
			} else {
				dst[j] = 0
			}
		}
	case rowFinite:
		var s float64
		for _, v := range row {
			s += math.Exp(v - mx)
		}
		for j, v := range row {
			dst[j] = math.Exp(v-mx) / s
		}
	}
}

func logSoftmaxRow(dst, row []float64, kind rowKind, mx float64, nPosInf int) {
	switch kind {
	case rowPosInf:
		for j, v := range row {
			if math.IsInf(v, 1) {
				// log(1/count), as 0 - log(count): exact count, one
				// rounding, and +0 (not -0) when count == 1.
				dst[j] = 0 - math.Log(float64(nPosInf))
			} else {
				dst[j] = math.Inf(-1)
			}
		}
	case rowFinite:
		var s float64
		for _, v := range row {
			s += math.Exp(v - mx)
		}
		ls := math.Log(s)
		for j, v := range row {
			dst[j] = (v - mx) - ls
		}
	}
}
