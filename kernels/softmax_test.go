package kernels_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/emberml/ember/internal/ref"
	"github.com/emberml/ember/internal/testutil"
	"github.com/emberml/ember/kernels"
)

const u32 = testutil.Float32Unit // 2⁻²⁴

// softmaxCols are the row widths of the softmax sweeps: every tail of the
// vector loops, and wide rows where the sum's γ term dominates.
func softmaxCols() []int {
	cols := []int{1, 2, 3, 7, 8, 9, 10, 15, 16, 17, 31, 33, 64, 100, 255, 257, 1000, 4099}
	if testing.Short() {
		return cols[:12]
	}
	return cols
}

// softmaxRows returns rows×cols logits: uniform in [−spread, spread], with
// a row of large equal values and a row with one dominant value mixed in.
func softmaxRows(r *rand.Rand, rows, cols int, spread float32) []float32 {
	x := testutil.Float32s(r, rows*cols, -spread, spread)
	if rows > 1 {
		for j := range cols {
			x[j] = 1e30 // huge but finite: subtracting the max keeps it exact
		}
	}
	if rows > 2 {
		x[2*cols+r.IntN(cols)] = spread * 40
	}
	return x
}

// rowShifts returns the maximum m of a row and its largest shift
// max_j (m − xr[j]).
func rowShifts(xr []float32) (m, maxD float64) {
	m = float64(xr[0])
	for _, v := range xr {
		m = math.Max(m, float64(v))
	}
	for _, v := range xr {
		maxD = math.Max(maxD, m-float64(v))
	}
	return m, maxD
}

// forSoftmaxRows runs f at every dispatch setting on 4×cols logits from
// softmaxRows, for every width in softmaxCols and spreads 1, 10 and 60,
// drawn from a generator seeded with seed.
func forSoftmaxRows(t *testing.T, seed uint64, f func(t *testing.T, x []float32, rows, cols int, spread float32)) {
	forEachDispatch(t, func(t *testing.T) {
		r := testutil.NewRand(seed)
		for _, cols := range softmaxCols() {
			for _, spread := range []float32{1, 10, 60} {
				rows := 4
				f(t, softmaxRows(r, rows, cols, spread), rows, cols, spread)
			}
		}
	})
}

func TestSoftmax(t *testing.T) {
	forSoftmaxRows(t, 21, func(t *testing.T, x []float32, rows, cols int, spread float32) {
		x0 := append([]float32(nil), x...)
		dst := make([]float32, len(x))
		kernels.Softmax(dst, x, cols)
		checkSame(t, "Softmax input", x, x0, nil)
		want := make([]float64, len(x))
		ref.Softmax(want, testutil.Float64s(x), cols)
		for row := range rows {
			xr := x[row*cols : (row+1)*cols]
			m, maxD := rowShifts(xr)
			var sum, sumBound float64
			for j := range cols {
				i := row*cols + j
				b := testutil.SoftmaxBound(m-float64(xr[j]), maxD, cols)*want[i] + 0x1p-149
				if d := math.Abs(float64(dst[i]) - want[i]); d > b {
					t.Fatalf("cols=%d spread=%g row %d col %d: %g, want %g (err %.3g > bound %.3g)", cols, spread, row, j, dst[i], want[i], d, b)
				}
				sum += float64(dst[i])
				sumBound += b
			}
			if math.Abs(sum-1) > sumBound {
				t.Fatalf("cols=%d spread=%g row %d sums to 1%+g, bound %g", cols, spread, row, sum-1, sumBound)
			}
		}
		// In place gives the same bits.
		kernels.Softmax(x, x, cols)
		checkSame(t, fmt.Sprintf("Softmax(x, x) cols=%d", cols), x, dst, nil)
	})
}

func TestLogSoftmax(t *testing.T) {
	forSoftmaxRows(t, 22, func(t *testing.T, x []float32, rows, cols int, spread float32) {
		dst := make([]float32, len(x))
		kernels.LogSoftmax(dst, x, cols)
		want := make([]float64, len(x))
		ref.LogSoftmax(want, testutil.Float64s(x), cols)
		for row := range rows {
			xr := x[row*cols : (row+1)*cols]
			_, maxD := rowShifts(xr)
			c := float64(xr[0]) - want[row*cols] // the exact shift M + log Σ
			for j := range cols {
				i := row*cols + j
				b := u32*math.Abs(c) + u32*math.Abs(want[i]) + testutil.Gamma(cols-1, u32) + (maxD+4)*u32
				if d := math.Abs(float64(dst[i]) - want[i]); d > b {
					t.Fatalf("cols=%d spread=%g row %d col %d: %g, want %g (err %.3g > bound %.3g)", cols, spread, row, j, dst[i], want[i], d, b)
				}
			}
		}
		kernels.LogSoftmax(x, x, cols)
		checkSame(t, fmt.Sprintf("LogSoftmax(x, x) cols=%d", cols), x, dst, nil)
	})
}

// TestSoftmaxSpecialRows: NaN rows, rows with +Inf, all −Inf rows and −Inf
// entries, exactly as internal/ref defines them.
func TestSoftmaxSpecialRows(t *testing.T) {
	inf, nan := float32(math.Inf(1)), float32(math.NaN())
	rows := [][]float32{
		{1, nan, 3},
		{inf, 2, inf, -inf},
		{-inf, -inf, -inf},
		{-inf, 0, 1},
		{inf, 5, 3},
		{3e38, -3e38, 0},
	}
	forEachDispatch(t, func(t *testing.T) {
		for _, row := range rows {
			for name, f := range map[string]struct {
				k func(dst, x []float32, cols int)
				r func(dst, x []float64, cols int)
			}{"Softmax": {kernels.Softmax, ref.Softmax}, "LogSoftmax": {kernels.LogSoftmax, ref.LogSoftmax}} {
				dst := make([]float32, len(row))
				f.k(dst, row, len(row))
				want := make([]float64, len(row))
				f.r(want, testutil.Float64s(row), len(row))
				for j := range row {
					w := float32(want[j])
					ok := got32eq(dst[j], w) || math.Abs(float64(dst[j])-want[j]) <= 4*u32*math.Abs(want[j])
					if !ok {
						t.Errorf("%s(%v)[%d] = %g, want %g", name, row, j, dst[j], w)
					}
				}
			}
		}
	})
}

func got32eq(a, b float32) bool { return a == b || (a != a && b != b) }

// TestCrossEntropyGrads checks the fused gradients against internal/ref's
// loss gradients (which are of the mean: scale = 1/rows or 1/n here).
func TestCrossEntropyGrads(t *testing.T) {
	forEachDispatch(t, func(t *testing.T) {
		r := testutil.NewRand(23)
		for _, cols := range []int{1, 3, 10, 17, 100} {
			rows := 5
			x := testutil.Float32s(r, rows*cols, -8, 8)
			labels := make([]int32, rows)
			labelsInt := make([]int, rows)
			target := make([]float32, rows*cols)
			for row := range rows {
				labels[row] = int32(r.IntN(cols))
				labelsInt[row] = int(labels[row])
				target[row*cols+int(labels[row])] = 1
			}
			scale := float32(1) / float32(rows)
			dst := make([]float32, len(x))
			kernels.CCEWithLogitsGrad(dst, x, target, cols, scale)
			want := make([]float64, len(x))
			ref.CCEWithLogits(testutil.Float64s(x), testutil.Float64s(target), cols, want)
			checkAbsBound(t, fmt.Sprintf("CCEWithLogitsGrad cols=%d", cols), dst, want, cols)
			sparse := make([]float32, len(x))
			kernels.SparseCCEWithLogitsGrad(sparse, x, labels, cols, scale)
			ref.SparseCCEWithLogits(testutil.Float64s(x), labelsInt, cols, want)
			checkAbsBound(t, fmt.Sprintf("SparseCCEWithLogitsGrad cols=%d", cols), sparse, want, cols)

			y := testutil.Float32s(r, len(x), 0, 1)
			kernels.BCEWithLogitsGrad(dst, x, y, 1/float32(len(x)))
			ref.BCEWithLogits(testutil.Float64s(x), testutil.Float64s(y), want)
			checkAbsBound(t, "BCEWithLogitsGrad", dst, want, 1)
		}
	})
}

// checkAbsBound: each gradient element is scale·(p − t) with p a softmax
// (or sigmoid) probability; p's bound (testutil.SoftmaxBound with |x| ≤ 8, so
// shifts ≤ 16) plus the difference's and the product's roundings, in
// absolute terms relative to the scale.
func checkAbsBound(t *testing.T, what string, got []float32, want []float64, cols int) {
	t.Helper()
	for i := range got {
		b := testutil.SoftmaxBound(16, 16, cols)*(math.Abs(want[i])+1) + 2*u32*math.Abs(want[i]) + 0x1p-149
		if d := math.Abs(float64(got[i]) - want[i]); d > b {
			t.Fatalf("%s: element %d = %g, want %g (err %.3g > %.3g)", what, i, got[i], want[i], d, b)
		}
	}
}

// TestLosses checks the loss values against internal/ref: terms with their
// float32 errors (a few u relative each), sums in float64.
func TestLosses(t *testing.T) {
	forEachDispatch(t, func(t *testing.T) {
		r := testutil.NewRand(24)
		for _, n := range []int{1, 7, 100, 1000, 70001} {
			p := testutil.Float32s(r, n, -3, 3)
			q := testutil.Float32s(r, n, -3, 3)
			y := testutil.Float32s(r, n, 0, 1)
			got := kernels.MSELoss(p, q)
			want := ref.MSE(testutil.Float64s(p), testutil.Float64s(q), 1, nil)
			if d := math.Abs(got - want); d > 2*u32*want+1e-12 {
				t.Errorf("MSELoss n=%d = %g, want %g", n, got, want)
			}
			got = kernels.BCEWithLogitsLoss(p, y)
			want = ref.BCEWithLogits(testutil.Float64s(p), testutil.Float64s(y), nil)
			var mag float64
			for i := range p {
				mag += math.Abs(float64(p[i])) + math.Abs(float64(p[i]*y[i])) + math.Ln2
			}
			if d := math.Abs(got - want); d > 8*u32*mag/float64(n) {
				t.Errorf("BCEWithLogitsLoss n=%d = %g, want %g (err %.3g)", n, got, want, d)
			}
		}
		for _, cols := range []int{1, 2, 10, 33} {
			rows := 9
			x := testutil.Float32s(r, rows*cols, -20, 20)
			target := make([]float32, len(x))
			labels := make([]int32, rows)
			labelsInt := make([]int, rows)
			for row := range rows {
				labels[row] = int32(r.IntN(cols))
				labelsInt[row] = int(labels[row])
				target[row*cols+int(labels[row])] = 1
			}
			// Bound: the log-sum-exp's relative sum error plus the shift's
			// rounding, per row (|x| ≤ 20, so shifts ≤ 40).
			b := testutil.Gamma(cols-1, u32) + 48*u32 + 40*u32
			got := kernels.CCEWithLogitsLoss(x, target, cols)
			want := ref.CCEWithLogits(testutil.Float64s(x), testutil.Float64s(target), cols, nil)
			if d := math.Abs(got - want); d > b {
				t.Errorf("CCEWithLogitsLoss cols=%d = %g, want %g", cols, got, want)
			}
			got = kernels.SparseCCEWithLogitsLoss(x, labels, cols)
			want = ref.SparseCCEWithLogits(testutil.Float64s(x), labelsInt, cols, nil)
			if d := math.Abs(got - want); d > b {
				t.Errorf("SparseCCEWithLogitsLoss cols=%d = %g, want %g", cols, got, want)
			}
		}
	})
}

// TestBiasAddColSums: bit for bit against plain Go loops (no rounding
// choice: one addition per element, rows in order), at every level.
func TestBiasAddColSums(t *testing.T) {
	defer kernels.SetDispatchForTest(0, -1)()
	forEachDispatch(t, func(t *testing.T) {
		r := testutil.NewRand(25)
		for _, cols := range []int{1, 3, 8, 10, 17, 63, 64, 300} {
			for _, rows := range []int{0, 1, 2, 5, 13, 40} {
				x := testutil.Mixed(r, rows*cols)
				bias := testutil.Mixed(r, cols)
				dst := make([]float32, len(x))
				kernels.BiasAdd(dst, x, bias)
				want := make([]float32, len(x))
				for i := range x {
					want[i] = x[i] + bias[i%cols]
				}
				checkSame(t, fmt.Sprintf("BiasAdd %dx%d", rows, cols), dst, want, nil)
				sums := make([]float32, cols)
				for i := range sums {
					sums[i] = 12345
				}
				kernels.ColSums(sums, x)
				wantSums := make([]float32, cols)
				for i := range x {
					if i < cols {
						wantSums[i] = x[i]
					} else {
						wantSums[i%cols] += x[i]
					}
				}
				checkSame(t, fmt.Sprintf("ColSums %dx%d", rows, cols), sums, wantSums, nil)
			}
		}
	})
}

// TestRowMaxNaNAnywhere: a NaN at any position of a row of any length,
// with a +Inf elsewhere, makes the whole Softmax row NaN (the row maximum
// must not drop it, which x86 max instructions do when NaN is their first
// operand).
func TestRowMaxNaNAnywhere(t *testing.T) {
	forEachDispatch(t, func(t *testing.T) {
		for n := 1; n <= 70; n++ {
			for pos := range n {
				x := make([]float32, n)
				for i := range x {
					x[i] = float32(i%5) - 2
				}
				x[pos] = float32(math.NaN())
				if n > 1 {
					// A +Inf elsewhere: a row maximum that dropped the NaN
					// would send the row down the +Inf path instead.
					q := (pos + 1 + n/2) % n
					if q == pos {
						q = (pos + 1) % n
					}
					x[q] = float32(math.Inf(1))
				}
				dst := make([]float32, n)
				kernels.Softmax(dst, x, n)
				for i, v := range dst {
					if v == v {
						t.Fatalf("n=%d NaN at %d: dst[%d] = %g, want NaN", n, pos, i, v)
					}
				}
			}
		}
	})
}

// TestRowKernelsGuardPages runs the row, loss and optimizer kernels with
// every slice against an inaccessible page, on either side, at every
// length up to 70.
func TestRowKernelsGuardPages(t *testing.T) {
	forEachDispatch(t, func(t *testing.T) {
		for _, side := range testutil.GuardSides {
			for n := 1; n <= 70; n++ {
				r := testutil.NewRand(uint64(n))
				g := func() []float32 {
					s := testutil.GuardedFloat32s(t, n, side)
					copy(s, testutil.Float32s(r, n, -2, 2))
					return s
				}
				x, y, z, w := g(), g(), g(), g()
				labels := []int32{int32(n - 1)}
				calls := map[string]func(){
					"Softmax":       func() { kernels.Softmax(z, x, n) },
					"LogSoftmax":    func() { kernels.LogSoftmax(z, x, n) },
					"SoftmaxCEGrad": func() { kernels.CCEWithLogitsGrad(z, x, y, n, 0.5) },
					"SparseCEGrad":  func() { kernels.SparseCCEWithLogitsGrad(z, x, labels, n, 0.5) },
					"SigmoidCEGrad": func() { kernels.BCEWithLogitsGrad(z, x, y, 0.5) },
					"MSELoss":       func() { kernels.MSELoss(x, y) },
					"BCELoss":       func() { kernels.BCEWithLogitsLoss(x, y) },
					"CCELoss":       func() { kernels.CCEWithLogitsLoss(x, y, n) },
					"SparseCCELoss": func() { kernels.SparseCCEWithLogitsLoss(x, labels, n) },
					"BiasAdd":       func() { kernels.BiasAdd(z, x, y) },
					"ColSums":       func() { kernels.ColSums(z, x) },
					"AdamStep":      func() { kernels.AdamStep(w, x, y, z, kernels.AdamParams{LR: 1e-3, Beta1: 0.9, Beta2: 0.999, Step: 1}) },
					"SGDStep":       func() { kernels.SGDStep(w, x, y, kernels.SGDParams{LR: 0.1, Momentum: 0.9, Nesterov: true}) },
				}
				for name, call := range calls {
					if err := testutil.NoFault(call); err != nil {
						t.Fatalf("%s n=%d guard %v: %v", name, n, side, err)
					}
				}
			}
		}
	})
}
