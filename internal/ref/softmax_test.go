package ref

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// Reference values for the row [1, 2, 3], computed independently with
// 50-digit decimal arithmetic (Python's decimal module) and rounded to
// float64:
//
//	softmax    = e^j / (e + e² + e³)
//	logsoftmax = j - ln(e + e² + e³)
var (
	softmax123    = []float64{0.09003057317038046, 0.24472847105479764, 0.6652409557748219}
	logSoftmax123 = []float64{-2.40760596444438, -1.4076059644443804, -0.4076059644443803}
)

// softmaxULPs bounds the error of one softmax entry against the correctly
// rounded value: the max-subtracted exponent (one rounding, condition ≤ |x-M|
// ≤ ~2 here), exp (≤ 1 ulp), a sum of ≤ 3 terms (≤ 2 roundings) and one
// division: well under 8 ulps. logSoftmaxAbs bounds the absolute error of a
// log-softmax entry of magnitude ≤ 2.5: log(s) with s ≤ 3 has error ≤ ~2
// ulps of 1, i.e. ~4.4e-16, plus one subtraction; 1e-15 is a few ulps.
const (
	softmaxULPs   = 8
	logSoftmaxAbs = 1e-15
)

func TestSoftmaxKnownRows(t *testing.T) {
	ln2, ln3 := math.Ln2, math.Log(3)
	cases := []struct {
		name   string
		x      []float64
		soft   []float64 // nil: not checked by value here
		log    []float64
		exact  bool // compare exactly instead of within tolerance
		cols   int
		sumOne bool
	}{
		{name: "[0 0]", x: []float64{0, 0}, cols: 2,
			soft: []float64{0.5, 0.5}, log: []float64{-ln2, -ln2}, exact: true},
		{name: "[5 5 5 5]", x: []float64{5, 5, 5, 5}, cols: 4,
			soft: []float64{0.25, 0.25, 0.25, 0.25}, log: []float64{-2 * ln2, -2 * ln2, -2 * ln2, -2 * ln2}, exact: true},
		// e^x ∝ [1, 2, 3]: softmax = [1/6, 1/3, 1/2], log = -[ln 6, ln 3, ln 2].
		{name: "[0 ln2 ln3]", x: []float64{0, ln2, ln3}, cols: 3,
			soft: []float64{1.0 / 6, 1.0 / 3, 0.5}, log: []float64{-math.Log(6), -ln3, -ln2}},
		{name: "[1 2 3]", x: []float64{1, 2, 3}, cols: 3, soft: softmax123, log: logSoftmax123},
		// Shifting by 1000 is exact here and must not overflow.
		{name: "[1001 1002 1003]", x: []float64{1001, 1002, 1003}, cols: 3, soft: softmax123, log: logSoftmax123},
		{name: "[-1001 -1000 -999]", x: []float64{-1001, -1000, -999}, cols: 3, soft: softmax123, log: logSoftmax123},
		// -Inf entries get probability 0 and log-probability -Inf.
		{name: "[-Inf 0]", x: []float64{inf(-1), 0}, cols: 2,
			soft: []float64{0, 1}, log: []float64{inf(-1), 0}, exact: true},
		// +Inf entries share the mass equally.
		{name: "[+Inf 1 +Inf]", x: []float64{inf(1), 1, inf(1)}, cols: 3,
			soft: []float64{0.5, 0, 0.5}, log: []float64{-ln2, inf(-1), -ln2}, exact: true},
		{name: "[-Inf +Inf 7]", x: []float64{inf(-1), inf(1), 7}, cols: 3,
			soft: []float64{0, 1, 0}, log: []float64{inf(-1), 0, inf(-1)}, exact: true},
		// No answer: all -Inf, or any NaN.
		{name: "[-Inf -Inf]", x: []float64{inf(-1), inf(-1)}, cols: 2,
			soft: []float64{nan(), nan()}, log: []float64{nan(), nan()}, exact: true},
		{name: "[1 NaN +Inf]", x: []float64{1, nan(), inf(1)}, cols: 3,
			soft: []float64{nan(), nan(), nan()}, log: []float64{nan(), nan(), nan()}, exact: true},
		// One column: softmax 1, log 0.
		{name: "[-3] [42]", x: []float64{-3, 42}, cols: 1,
			soft: []float64{1, 1}, log: []float64{0, 0}, exact: true},
		// Rows are independent: a NaN row does not touch its neighbours.
		{name: "two rows, one NaN", x: []float64{0, 0, nan(), 1}, cols: 2,
			soft: []float64{0.5, 0.5, nan(), nan()}, log: []float64{-ln2, -ln2, nan(), nan()}, exact: true},
	}
	for _, c := range cases {
		soft := make([]float64, len(c.x))
		Softmax(soft, c.x, c.cols)
		log := make([]float64, len(c.x))
		LogSoftmax(log, c.x, c.cols)
		for i := range c.x {
			sw := fmt.Sprintf("Softmax %s [%d]", c.name, i)
			lw := fmt.Sprintf("LogSoftmax %s [%d]", c.name, i)
			if c.exact {
				checkExact(t, sw, soft[i], c.soft[i])
				checkExact(t, lw, log[i], c.log[i])
			} else {
				checkULP(t, sw, soft[i], c.soft[i], softmaxULPs)
				checkAbs(t, lw, log[i], c.log[i], logSoftmaxAbs)
			}
		}
	}
}

func TestSoftmaxInPlace(t *testing.T) {
	x := []float64{1, 2, 3, 1001, 1002, 1003}
	Softmax(x, x, 3)
	for i := range x {
		checkULP(t, "in-place Softmax", x[i], softmax123[i%3], softmaxULPs)
	}
	x = []float64{1, 2, 3, 1001, 1002, 1003}
	LogSoftmax(x, x, 3)
	for i := range x {
		checkAbs(t, "in-place LogSoftmax", x[i], logSoftmax123[i%3], logSoftmaxAbs)
	}
}

// TestSoftmaxRandomRows checks identities that hold for every finite row:
// the probabilities sum to 1 (each of the ≤ 20 terms carries a relative
// error of a few ulps, so the sum is within 20·8·u ≈ 3.6e-14 of 1; we allow
// 1e-13), lie in [0, 1], and exp(LogSoftmax) agrees with Softmax (log
// values here are ≥ -60, so an absolute error of ~1e-14 in the log is a
// relative error of ~1e-14 in the exp; we allow 1e-13 relative).
func TestSoftmaxRandomRows(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for iter := 0; iter < 200; iter++ {
		cols := 1 + rng.IntN(20)
		rows := 1 + rng.IntN(3)
		x := make([]float64, rows*cols)
		for i := range x {
			x[i] = 10 * rng.NormFloat64()
		}
		soft := make([]float64, len(x))
		log := make([]float64, len(x))
		Softmax(soft, x, cols)
		LogSoftmax(log, x, cols)
		for r := 0; r < rows; r++ {
			var s float64
			for j := 0; j < cols; j++ {
				p := soft[r*cols+j]
				if !(p >= 0 && p <= 1) {
					t.Fatalf("iter %d: softmax entry %v outside [0, 1]", iter, p)
				}
				s += p
				l := log[r*cols+j]
				if e := math.Exp(l); math.Abs(e-p) > 1e-13*p {
					t.Errorf("iter %d: exp(logsoftmax) = %v, softmax = %v", iter, e, p)
				}
			}
			checkAbs(t, fmt.Sprintf("iter %d row %d sum", iter, r), s, 1, 1e-13)
		}
	}
}

func TestSoftmaxPanics(t *testing.T) {
	for _, f := range []func(dst, x []float64, cols int){Softmax, LogSoftmax} {
		mustPanic(t, "ref: cols <= 0", func() { f(make([]float64, 2), make([]float64, 2), 0) })
		mustPanic(t, "ref: cols <= 0", func() { f(nil, nil, -1) })
		mustPanic(t, "ref: length is not a multiple of cols", func() { f(make([]float64, 3), make([]float64, 3), 2) })
		mustPanic(t, "ref: length mismatch: dst and x", func() { f(make([]float64, 3), make([]float64, 4), 2) })
		f(nil, nil, 3) // zero rows is fine
	}
}
