package kernels_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"unsafe"

	"gonum.org/v1/gonum/blas"

	"github.com/emberml/ember/internal/ref"
	"github.com/emberml/ember/internal/testutil"
	"github.com/emberml/ember/kernels"
)

// gemmSizes are the edge sizes of the sweep, in the spirit of the reference
// BLAS test programs: around every tile width (4, 6, 8, 16, 32, 64) and
// block size.
var gemmSizes = []int{0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 65, 127, 129, 255, 257}

var (
	gemmTrans  = []blas.Transpose{blas.NoTrans, blas.Trans}
	gemmAlphas = []float64{0, 1, -0.7}
	gemmBetas  = []float64{0, 1, 1.3}
)

// A gemmCase is one call: shapes, transposes, scalars, and how much
// padding each leading dimension gets beyond the minimum.
type gemmCase struct {
	tA, tB           blas.Transpose
	m, n, k          int
	alpha, beta      float64
	padA, padB, padC int
	special          bool // fill A and B with special values as well
}

func (gc gemmCase) String() string {
	return fmt.Sprintf("%c%c/%dx%dx%d/alpha=%g/beta=%g/pad=%d,%d,%d",
		transChar(gc.tA), transChar(gc.tB), gc.m, gc.n, gc.k, gc.alpha, gc.beta, gc.padA, gc.padB, gc.padC)
}

func transChar(t blas.Transpose) byte {
	if t == blas.NoTrans {
		return 'N'
	}
	return 'T'
}

// randomOperands returns the stored A and B of an m×n×k product with
// transposes tA, tB, dense (no padding) with random elements, and their
// leading dimensions.
func randomOperands[T float32 | float64](r *rand.Rand, tA, tB blas.Transpose, m, n, k int) (a []T, lda int, b []T, ldb int) {
	aRows, aCols := storedShape(tA, m, k)
	bRows, bCols := storedShape(tB, k, n)
	a, _ = newMatrix[T](r, aRows, aCols, 0, false)
	b, _ = newMatrix[T](r, bRows, bCols, 0, false)
	return a, aCols, b, bCols
}

// forEachTransposeAndBeta calls f with every transpose pair and each of
// betas.
func forEachTransposeAndBeta(betas []float64, f func(tA, tB blas.Transpose, beta float64)) {
	for i := range 4 {
		for _, beta := range betas {
			f(gemmTrans[i%2], gemmTrans[i/2], beta)
		}
	}
}

// forEachShapeCase calls f for each shape (m, n, k), transpose pair and
// beta, with the case's name for messages.
func forEachShapeCase(shapes [][3]int, betas []float64, f func(name string, tA, tB blas.Transpose, s [3]int, beta float64)) {
	for _, s := range shapes {
		forEachTransposeAndBeta(betas, func(tA, tB blas.Transpose, beta float64) {
			f(fmt.Sprintf("%dx%dx%d %c%c beta=%v", s[0], s[1], s[2], transChar(tA), transChar(tB), beta), tA, tB, s, beta)
		})
	}
}

// storedShape is the shape of the stored matrix behind op(X) = rows×cols.
func storedShape(t blas.Transpose, rows, cols int) (int, int) {
	if t == blas.NoTrans {
		return rows, cols
	}
	return cols, rows
}

// padding is the value every element outside a matrix's window holds: a
// NaN with a payload, so a kernel that reads it poisons its result and one
// that writes it is caught bit for bit.
func padding[T float32 | float64]() T {
	var zero T
	if unsafe.Sizeof(zero) == 4 {
		return T(math.Float32frombits(0x7fc0dead))
	}
	return T(math.Float64frombits(0x7ff80000deadbeef))
}

func sameBits[T float32 | float64](x, y T) bool {
	var zero T
	if unsafe.Sizeof(zero) == 4 {
		return math.Float32bits(float32(x)) == math.Float32bits(float32(y))
	}
	return math.Float64bits(float64(x)) == math.Float64bits(float64(y))
}

// checkUnchanged fails the test, naming the call what, unless the input
// x (named name) still holds the bits of its copy x0.
func checkUnchanged[T float32 | float64](t *testing.T, what any, name string, x, x0 []T) {
	t.Helper()
	for i := range x {
		if !sameBits(x[i], x0[i]) {
			t.Fatalf("%v: %s[%d] changed from %v to %v", what, name, i, x0[i], x[i])
		}
	}
}

// withinBound reports whether got matches internal/ref's w: NaN where w
// is NaN, the same infinity where w is infinite, else within
// bound + u·|w| (ref's own rounding).
func withinBound(got, w, bound, u float64) bool {
	switch {
	case math.IsNaN(w):
		return math.IsNaN(got)
	case math.IsInf(w, 0):
		return got == w
	}
	return math.Abs(got-w) <= bound+u*math.Abs(w)
}

func isPadding[T float32 | float64](x T) bool { return sameBits(x, padding[T]()) }

// newMatrix returns a rows×cols matrix stored with leading dimension
// cols+pad: its window holds random values in [−1, 1) (with special values
// mixed in when special is set) and its padding holds padding().
func newMatrix[T float32 | float64](r *rand.Rand, rows, cols, pad int, special bool) ([]T, int) {
	ld := max(1, cols+pad)
	x := make([]T, max(0, (rows-1)*ld+cols))
	for i := range x {
		x[i] = padding[T]()
	}
	specials := []T{T(math.NaN()), T(math.Inf(1)), T(math.Inf(-1)), 0, T(math.Copysign(0, -1))}
	for i := range rows {
		for j := range cols {
			v := T(2*r.Float64() - 1)
			if special && r.IntN(8) == 0 {
				v = specials[r.IntN(len(specials))]
			}
			x[i*ld+j] = v
		}
	}
	return x, ld
}

// callGemm calls kernels.Sgemm or kernels.Dgemm.
func callGemm[T float32 | float64](tA, tB blas.Transpose, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) {
	switch a := any(a).(type) {
	case []float32:
		kernels.Sgemm(tA, tB, m, n, k, float32(alpha), a, lda, any(b).([]float32), ldb, float32(beta), any(c).([]float32), ldc)
	case []float64:
		kernels.Dgemm(tA, tB, m, n, k, float64(alpha), a, lda, any(b).([]float64), ldb, float64(beta), any(c).([]float64), ldc)
	}
}

func unitRoundoff[T float32 | float64]() float64 {
	var zero T
	if unsafe.Sizeof(zero) == 4 {
		return testutil.Float32Unit
	}
	return testutil.Float64Unit
}

// checkGemm runs one case and checks it against internal/ref: every element
// within γ_{k+2}·(|alpha|·|op(A)|·|op(B)| + |beta|·|C|) plus u·|ref| (the
// reference's own final rounding), NaN and ±Inf exactly where ref has them,
// A and B unmodified, the padding of C untouched, and C not read when
// beta == 0 (C starts as NaN then).
func checkGemm[T float32 | float64](t *testing.T, r *rand.Rand, gc gemmCase) {
	t.Helper()
	aRows, aCols := storedShape(gc.tA, gc.m, gc.k)
	bRows, bCols := storedShape(gc.tB, gc.k, gc.n)
	a, lda := newMatrix[T](r, aRows, aCols, gc.padA, gc.special)
	b, ldb := newMatrix[T](r, bRows, bCols, gc.padB, gc.special)
	c, ldc := newMatrix[T](r, gc.m, gc.n, gc.padC, false)
	if gc.beta == 0 {
		for i := range gc.m {
			for j := range gc.n {
				c[i*ldc+j] = T(math.NaN())
			}
		}
	}
	a0, b0 := append([]T(nil), a...), append([]T(nil), b...)
	want := append([]T(nil), c...)
	alpha, beta := T(gc.alpha), T(gc.beta)
	ref.Gemm(gc.tA, gc.tB, gc.m, gc.n, gc.k, alpha, a, lda, b, ldb, beta, want, ldc)
	bound := testutil.GemmBound(gc.tA, gc.tB, gc.m, gc.n, gc.k, alpha, a, lda, b, ldb, beta, c, ldc, unitRoundoff[T]())
	callGemm(gc.tA, gc.tB, gc.m, gc.n, gc.k, alpha, a, lda, b, ldb, beta, c, ldc)

	checkUnchanged(t, gc, "a", a, a0)
	checkUnchanged(t, gc, "b", b, b0)
	u := unitRoundoff[T]()
	bad := 0
	for i := range c {
		row, col := i/ldc, i%ldc
		if col >= gc.n {
			if !isPadding(c[i]) {
				t.Fatalf("%v: padding c[%d] (row %d, col %d) overwritten with %v", gc, i, row, col, c[i])
			}
			continue
		}
		got, w := float64(c[i]), float64(want[i])
		if !withinBound(got, w, bound[row*gc.n+col], u) {
			t.Errorf("%v: C[%d][%d] = %v, want %v (ref), bound %g", gc, row, col, got, w, bound[row*gc.n+col])
			if bad++; bad > 5 {
				t.FailNow()
			}
		}
	}
}

// forEachGemmType runs f as subtests for float32 (Sgemm) and float64
// (Dgemm).
func forEachGemmType(t *testing.T, f32 func(t *testing.T), f64 func(t *testing.T)) {
	t.Run("Sgemm", f32)
	t.Run("Dgemm", f64)
}

// gemmConfigs are the ways the driver is exercised: as users get it, with
// tiny blocks (so every one of the five loops runs several times on small
// matrices, with kc not dividing k) on one goroutine, with tiny blocks
// split across three goroutines at every size, with every product (C up to
// 64 columns) taking the direct path for small products, and with every
// product with m, n ≥ 2 taking the small-product kernels (at the levels
// that have them), on one goroutine and split across three at every size.
var gemmConfigs = []struct {
	name     string
	kc       int
	mc, nc   int
	minFlops float64
	threads  int
	small    float64 // if not 0, the largest m·n·k computed without packing
	strips   bool    // every product with m, n ≥ 2 by the small-product kernels
}{
	{name: "default"},
	{name: "tiny-blocks", kc: 7, mc: 2, nc: 3, minFlops: math.Inf(1), threads: 1},
	{name: "tiny-blocks-3-threads", kc: 5, mc: 1, nc: 2, minFlops: 0, threads: 3},
	{name: "direct", small: math.Inf(1)},
	{name: "strips", strips: true},
	{name: "strips-3-threads", strips: true, minFlops: 0, threads: 3},
}

// forEachGemmConfig runs f at every level and under every gemmConfig.
func forEachGemmConfig(t *testing.T, f func(t *testing.T)) {
	testutil.ForEachLevel(t, func(t *testing.T) {
		for _, cfg := range gemmConfigs {
			t.Run(cfg.name, func(t *testing.T) {
				if cfg.small != 0 {
					defer kernels.SetDirectGemmForTest(cfg.small)()
				}
				if cfg.strips {
					defer kernels.SetDirectGemmForTest(0)()
					defer kernels.SetStripGemmForTest(math.Inf(1))()
				}
				if cfg.threads > 0 {
					defer kernels.SetGemmBlocksForTest(cfg.kc, cfg.mc, cfg.nc, cfg.minFlops, 1)()
					defer kernels.SetThreads(kernels.Threads())
					kernels.SetThreads(cfg.threads)
				}
				f(t)
			})
		}
	})
}

// gemmSweepCases lists the sweep: every transpose pair for every (m, n, k)
// from gemmSizes (a sampled subset with -short, and only the small sizes
// exhaustively), random sizes up to ~600, cycling through the alphas,
// betas and paddings so that each combination meets many shapes.
func gemmSweepCases(r *rand.Rand, short bool) []gemmCase {
	var cases []gemmCase
	idx := 0
	add := func(m, n, k int) {
		for _, tA := range gemmTrans {
			for _, tB := range gemmTrans {
				cases = append(cases, gemmCase{
					tA: tA, tB: tB, m: m, n: n, k: k,
					alpha: gemmAlphas[idx%3], beta: gemmBetas[idx/3%3],
					padA: idx % 3, padB: idx % 5 % 3, padC: idx % 7 % 3,
				})
				idx++
			}
		}
	}
	small := gemmSizes[:12] // up to 17
	if short {
		for range 60 {
			add(small[r.IntN(len(small))], small[r.IntN(len(small))], small[r.IntN(len(small))])
		}
		for range 12 {
			add(gemmSizes[r.IntN(len(gemmSizes))], gemmSizes[r.IntN(len(gemmSizes))], gemmSizes[r.IntN(len(gemmSizes))])
		}
		return cases
	}
	for _, m := range small {
		for _, n := range small {
			for _, k := range small {
				add(m, n, k)
			}
		}
	}
	for range 60 {
		add(gemmSizes[r.IntN(len(gemmSizes))], gemmSizes[r.IntN(len(gemmSizes))], gemmSizes[r.IntN(len(gemmSizes))])
	}
	for _, s := range gemmSizes[12:] {
		add(s, s, s)
	}
	for range 4 {
		add(1+r.IntN(600), 1+r.IntN(600), 1+r.IntN(600))
	}
	return cases
}

func TestGemmSweep(t *testing.T) {
	forEachGemmConfig(t, func(t *testing.T) {
		forEachGemmType(t,
			func(t *testing.T) {
				r := testutil.NewRand(1)
				for _, gc := range gemmSweepCases(r, testing.Short()) {
					checkGemm[float32](t, r, gc)
				}
			},
			func(t *testing.T) {
				r := testutil.NewRand(2)
				for _, gc := range gemmSweepCases(r, testing.Short()) {
					checkGemm[float64](t, r, gc)
				}
			})
	})
}
