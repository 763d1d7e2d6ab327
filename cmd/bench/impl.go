package main

import (
	"math"
	"runtime"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"

	"github.com/emberml/ember/kernels"
)

// An impl is one implementation the harness measures and checks: an ember
// kernel level or a baseline. Implementations are values, so a test can
// hand the check a deliberately wrong one.
type impl struct {
	name  string        // the level's name, "gonum" or "math": the records' Level
	level kernels.Level // for ember levels
	ember bool          // runs ember's kernels at level
}

// enter makes the process run im with the given number of threads and
// returns a function undoing it: ember levels set the kernel level and
// kernels.SetThreads; baselines get GOMAXPROCS (gonum's BLAS runs
// GOMAXPROCS goroutines).
func (im impl) enter(threads int) (leave func()) {
	if im.ember {
		prev := kernels.Active()
		if err := kernels.SetLevel(im.level); err != nil {
			panic(err) // levels are checked against Supported when parsed
		}
		kernels.SetThreads(threads)
		return func() {
			kernels.SetThreads(0)
			_ = kernels.SetLevel(prev)
		}
	}
	prev := runtime.GOMAXPROCS(threads)
	return func() { runtime.GOMAXPROCS(prev) }
}

func levelImpl(l kernels.Level) impl { return impl{name: l.String(), level: l, ember: true} }

// gemmer is the part of gonum's blas.Float32 and blas.Float64 the harness
// uses; kernels.Implementation and gonum.Implementation satisfy it.
type gemmer interface {
	Sgemm(tA, tB blas.Transpose, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int)
	Dgemm(tA, tB blas.Transpose, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int)
}

// A gemmImpl is a GEMM implementation.
type gemmImpl struct {
	impl
	blas gemmer
}

// gemmImpls are the GEMM implementations selected: each level, then gonum.
func gemmImpls(c *config) []gemmImpl {
	var out []gemmImpl
	for _, l := range c.levels {
		out = append(out, gemmImpl{levelImpl(l), kernels.Implementation{}})
	}
	if c.hasBaseline(gonumName) {
		out = append(out, gemmImpl{impl{name: gonumName}, gonum.Implementation{}})
	}
	return out
}

// ewOps are the elementwise kernels of one implementation, with
// kernels' signatures.
type ewOps struct {
	exp, sigmoid, tanh, relu func(dst, x []float32)
	softmax                  func(dst, x []float32, cols int)
	adam                     func(w, g, m, v []float32, p kernels.AdamParams)
}

// An ewImpl is an elementwise implementation.
type ewImpl struct {
	impl
	ops ewOps
}

var emberOps = ewOps{
	exp: kernels.Exp, sigmoid: kernels.Sigmoid, tanh: kernels.Tanh, relu: kernels.ReLU,
	softmax: kernels.Softmax, adam: kernels.AdamStep,
}

// mathOps is the baseline a Go programmer writes without ember: loops over
// the math package in float64, one rounding to float32 at the end.
var mathOps = ewOps{
	exp: func(dst, x []float32) {
		for i, v := range x {
			dst[i] = float32(math.Exp(float64(v)))
		}
	},
	sigmoid: func(dst, x []float32) {
		for i, v := range x {
			dst[i] = float32(1 / (1 + math.Exp(-float64(v))))
		}
	},
	tanh: func(dst, x []float32) {
		for i, v := range x {
			dst[i] = float32(math.Tanh(float64(v)))
		}
	},
	relu: func(dst, x []float32) {
		for i, v := range x {
			dst[i] = max(v, 0)
		}
	},
	softmax: mathSoftmax,
	adam:    mathAdam,
}

func mathSoftmax(dst, x []float32, cols int) {
	e := make([]float64, cols)
	for r := 0; r+cols <= len(x); r += cols {
		row := x[r : r+cols]
		m := float64(row[0])
		for _, v := range row {
			m = math.Max(m, float64(v))
		}
		var s float64
		for j, v := range row {
			e[j] = math.Exp(float64(v) - m)
			s += e[j]
		}
		for j := range row {
			dst[r+j] = float32(e[j] / s)
		}
	}
}

func mathAdam(w, g, m, v []float32, p kernels.AdamParams) {
	b1, b2 := float64(p.Beta1), float64(p.Beta2)
	c1 := 1 - math.Pow(b1, float64(p.Step))
	c2 := 1 - math.Pow(b2, float64(p.Step))
	lr, eps, wd := float64(p.LR), float64(p.Eps), float64(p.WeightDecay)
	for i := range w {
		gi := float64(g[i]) + wd*float64(w[i])
		mi := b1*float64(m[i]) + (1-b1)*gi
		vi := b2*float64(v[i]) + (1-b2)*gi*gi
		m[i], v[i] = float32(mi), float32(vi)
		w[i] = float32(float64(w[i]) - lr*(mi/c1)/(math.Sqrt(vi/c2)+eps))
	}
}

// ewImpls are the elementwise implementations selected: each level, then
// math.
func ewImpls(c *config) []ewImpl {
	var out []ewImpl
	for _, l := range c.levels {
		out = append(out, ewImpl{levelImpl(l), emberOps})
	}
	if c.hasBaseline(mathName) {
		out = append(out, ewImpl{impl{name: mathName}, mathOps})
	}
	return out
}

// implHook, if set (by tests), edits the implementation lists before any
// suite or check runs.
var implHook func([]gemmImpl, []ewImpl) ([]gemmImpl, []ewImpl)
