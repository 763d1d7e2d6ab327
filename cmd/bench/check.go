package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/emberml/ember/internal/ref"
	"github.com/emberml/ember/internal/testutil"
	"github.com/emberml/ember/kernels"
)

// errCheckFailed is what run returns when -check found a violation; main
// exits with status 1 on it.
var errCheckFailed = errors.New("check failed")

// A checkResult is the verdict on one kernel of one implementation.
type checkResult struct {
	suite, kernel, impl string
	cases               int     // calls compared
	worst               float64 // the largest error seen, in unit
	limit               float64 // the largest allowed
	unit                string  // "ulps" or "of bound"
	fails               int     // elements over the limit (or other violations)
	first               string  // the first violation
}

func (r *checkResult) fail(format string, args ...any) {
	if r.fails == 0 {
		r.first = fmt.Sprintf(format, args...)
	}
	r.fails++
}

// see records an error err (in r.unit) of one element, described by what
// if it is over the limit. NaN counts as over.
func (r *checkResult) see(err float64, what func() string) {
	if err > r.worst || math.IsNaN(err) {
		r.worst = err
	}
	if !(err <= r.limit) {
		r.fail("%s", what())
	}
}

// runCheck compares every implementation with internal/ref on random
// inputs (seeded with cfg.seed) and writes a table of verdicts. GEMM: each
// element within γ_{k+2}·(|α|·|A|·|B| + |β|·|C|) + u·|ref| of the
// reference (the bound of kernels' own tests), NaN and ±Inf where the
// reference has them, inputs and the padding of C untouched, C not read
// when β = 0; ember levels must also give the same bits at 1 and at the
// largest -threads count. Elementwise: exp, sigmoid, tanh within their
// documented ulps of the correctly rounded value, relu exact, softmax and
// the Adam step within the bounds their tests use. It returns the results;
// the caller decides the exit status.
func runCheck(w io.Writer, cfg *config, gemms []gemmImpl, ews []ewImpl, prog *progress) ([]checkResult, error) {
	var results []checkResult
	if cfg.hasSuite("gemm") {
		for _, kernel := range []string{"sgemm", "dgemm"} {
			prog.printf("check: %s against internal/ref", kernel)
			if kernel == "sgemm" {
				results = append(results, checkGemm[float32](cfg, gemms)...)
			} else {
				results = append(results, checkGemm[float64](cfg, gemms)...)
			}
		}
	}
	if cfg.hasSuite("elementwise") {
		prog.printf("check: elementwise kernels against internal/ref")
		results = append(results, checkElementwise(cfg, ews)...)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "check against internal/ref (seed %d)\n", cfg.seed)
	fmt.Fprintln(tw, "suite\tkernel\timpl\tcalls\tworst error\tallowed\tverdict")
	bad := 0
	for _, r := range results {
		verdict := "ok"
		if r.fails > 0 {
			bad++
			verdict = fmt.Sprintf("FAIL: %d violations; first: %s", r.fails, r.first)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\t%s\n", r.suite, r.kernel, r.impl, r.cases,
			fmtErr(r.worst, r.unit), fmtErr(r.limit, r.unit), verdict)
	}
	tw.Flush()
	if cfg.hasSuite("mlp") && len(cfg.suites) == 1 {
		fmt.Fprintln(w, "(mlp has no kernels of its own to check: its gradient tests run in go test ./mlp)")
	}
	if bad > 0 {
		fmt.Fprintf(w, "%d of %d checks FAILED\n", bad, len(results))
		return results, fmt.Errorf("%w: %s", errCheckFailed, checkSummary(results))
	}
	fmt.Fprintf(w, "all %d checks passed\n", len(results))
	return results, nil
}

func fmtErr(v float64, unit string) string {
	if unit == "ulps" {
		return fmt.Sprintf("%.0f ulps", v)
	}
	return fmt.Sprintf("%.3g of bound", v)
}

// catch runs f and returns what it panicked with, if anything.
func catch(f func()) (p any) {
	defer func() { p = recover() }()
	f()
	return nil
}

// The documented accuracy of the elementwise kernels (kernels' doc
// comments and tests).
var ewULPs = map[string]float64{"exp": 2, "sigmoid": 3, "tanh": 4, "relu": 0}

var ewRef = map[string]func(float64) float64{"exp": ref.Exp, "sigmoid": ref.Sigmoid, "tanh": ref.Tanh, "relu": ref.ReLU}

func (o ewOps) unary(kernel string) func(dst, x []float32) {
	return map[string]func(dst, x []float32){"exp": o.exp, "sigmoid": o.sigmoid, "tanh": o.tanh, "relu": o.relu}[kernel]
}

// ewCheckInputs are the inputs of the unary checks: the special values,
// random bit patterns over the whole exponent range, uniform values in the
// kernel's working range, and testutil.Mixed.
func ewCheckInputs(r *rand.Rand, kernel string, n int) []float32 {
	x := slices.Clone(testutil.SpecialFloat32s)
	for range n {
		for {
			if v := math.Float32frombits(r.Uint32()); v == v {
				x = append(x, v)
				break
			}
		}
	}
	span := 2 * ewSpan[kernel]
	for range n {
		x = append(x, span*(2*r.Float32()-1))
	}
	return append(x, testutil.Mixed(r, n/4)...)
}

func checkElementwise(cfg *config, ews []ewImpl) []checkResult {
	n := 20000
	if cfg.mode.name == "quick" {
		n = 3000
	}
	var results []checkResult
	for _, kernel := range []string{"exp", "sigmoid", "tanh", "relu"} {
		x := ewCheckInputs(testutil.NewRand(cfg.seed), kernel, n)
		want := make([]float32, len(x))
		for i, v := range x {
			want[i] = float32(ewRef[kernel](float64(v)))
		}
		for _, e := range ews {
			res := checkResult{suite: "elementwise", kernel: kernel, impl: e.name, limit: ewULPs[kernel], unit: "ulps"}
			leave := e.enter(1)
			f := e.ops.unary(kernel)
			// The whole vector (long: chunked), then short slices at an odd
			// offset (every tail length).
			for _, win := range append([][2]int{{0, len(x)}}, shortWindows()...) {
				xs := slices.Clone(x[win[0]:win[1]])
				dst := make([]float32, len(xs))
				if p := catch(func() { f(dst, xs) }); p != nil {
					res.fail("n=%d: panic: %v", len(xs), p)
					continue
				}
				res.cases++
				for i := range dst {
					d := float64(testutil.ULPDistance(dst[i], want[win[0]+i]))
					res.see(d, func() string {
						return fmt.Sprintf("%s(%g) = %g, want %g (%.0f ulps)", kernel, xs[i], dst[i], want[win[0]+i], d)
					})
				}
			}
			leave()
			results = append(results, res)
		}
	}
	results = append(results, checkSoftmax(cfg, ews)...)
	return append(results, checkAdam(cfg, ews)...)
}

// shortWindows are [from, to) slices of lengths 1…40 starting at odd
// offsets, so every vector tail is exercised.
func shortWindows() [][2]int {
	var w [][2]int
	for n := 1; n <= 40; n++ {
		w = append(w, [2]int{n % 7, n%7 + n})
	}
	return w
}

func checkSoftmax(cfg *config, ews []ewImpl) []checkResult {
	var results []checkResult
	for _, e := range ews {
		res := checkResult{suite: "elementwise", kernel: "softmax", impl: e.name, limit: 1, unit: "of bound"}
		r := testutil.NewRand(cfg.seed)
		leave := e.enter(1)
		for _, cols := range []int{1, 2, 7, 10, 17, 33, 100, 1000} {
			for _, spread := range []float32{1, 10, 60} {
				const rows = 4
				x := testutil.Float32s(r, rows*cols, -spread, spread)
				for j := range cols {
					x[j] = 1e30 // a row of huge equal values: exact after the shift
				}
				x[2*cols+r.IntN(cols)] = spread * 40 // a row with one dominant value
				dst := make([]float32, len(x))
				if p := catch(func() { e.ops.softmax(dst, x, cols) }); p != nil {
					res.fail("%dx%d: panic: %v", rows, cols, p)
					continue
				}
				res.cases++
				x64 := testutil.Float64s(x)
				want := make([]float64, len(x))
				ref.Softmax(want, x64, cols)
				for row := range rows {
					xr := x64[row*cols : (row+1)*cols]
					m := slices.Max(xr)
					maxD := m - slices.Min(xr)
					for j := range cols {
						i := row*cols + j
						b := testutil.SoftmaxBound(m-xr[j], maxD, cols)*want[i] + 0x1p-149
						d := math.Abs(float64(dst[i])-want[i]) / b
						res.see(d, func() string {
							return fmt.Sprintf("%dx%d spread %g, row %d col %d: %g, want %g", rows, cols, spread, row, j, dst[i], want[i])
						})
					}
				}
			}
		}
		leave()
		results = append(results, res)
	}
	return results
}

func checkAdam(cfg *config, ews []ewImpl) []checkResult {
	steps := 50
	if cfg.mode.name == "quick" {
		steps = 10
	}
	var results []checkResult
	for _, e := range ews {
		res := checkResult{suite: "elementwise", kernel: "adam", impl: e.name, limit: 1, unit: "of bound"}
		leave := e.enter(1)
		for _, wd := range []float32{0, 0.01} {
			for _, n := range []int{1, 7, 31, 1027} {
				r := testutil.NewRand(cfg.seed + uint64(n))
				w := testutil.Float32s(r, n, -1, 1)
				m, v := make([]float32, n), make([]float32, n)
				p := kernels.AdamParams{LR: 1e-3, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, WeightDecay: wd}
				for step := 1; step <= steps; step++ {
					g := testutil.Float32s(r, n, -2, 2)
					w64, g64, m64, v64 := testutil.Float64s(w), testutil.Float64s(g), testutil.Float64s(m), testutil.Float64s(v)
					p.Step = step
					tw, tm, tv := make([]float64, n), make([]float64, n), make([]float64, n)
					for i := range n {
						tw[i], tm[i], tv[i] = testutil.AdamTolerance(p, w64[i], g64[i], m64[i], v64[i])
					}
					ref.Adam(w64, g64, m64, v64, step, float64(p.LR), float64(p.Beta1), float64(p.Beta2), float64(p.Eps), float64(p.WeightDecay))
					if pv := catch(func() { e.ops.adam(w, g, m, v, p) }); pv != nil {
						res.fail("n=%d: panic: %v", n, pv)
						break
					}
					res.cases++
					for _, s := range []struct {
						name string
						got  []float32
						want []float64
						tol  []float64
					}{{"w", w, w64, tw}, {"m", m, m64, tm}, {"v", v, v64, tv}} {
						for i := range n {
							d := math.Abs(float64(s.got[i]) - s.want[i])
							if s.tol[i] > 0 {
								d /= s.tol[i]
							} else if d > 0 {
								d = math.Inf(1)
							}
							res.see(d, func() string {
								return fmt.Sprintf("n=%d wd=%g step %d: %s[%d] = %g, want %g", n, wd, step, s.name, i, s.got[i], s.want[i])
							})
						}
					}
					// Continue from the implementation's own state, as
					// training does.
				}
			}
		}
		leave()
		results = append(results, res)
	}
	return results
}

// checkSummary is one line naming the failed checks, for errors.
func checkSummary(results []checkResult) string {
	var bad []string
	for _, r := range results {
		if r.fails > 0 {
			bad = append(bad, r.suite+" "+r.kernel+" "+r.impl)
		}
	}
	return strings.Join(bad, ", ")
}
