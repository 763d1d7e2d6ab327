package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"unsafe"

	"github.com/emberml/ember/internal/ref"
	"github.com/emberml/ember/internal/testutil"
	"gonum.org/v1/gonum/blas"
)

// The -check mode's GEMM part: edge shapes in every transpose pair with
// varied alpha, beta and padded leading dimensions, the batch-1 and MLP
// shapes, each against internal/ref.

// A gemmCheckCase is one call of the GEMM check.
type gemmCheckCase struct {
	sh               gemmShape
	alpha, beta      float64
	padA, padB, padC int
}

// gemmCheckCases are edge shapes around tile and block sizes in every
// transpose combination, with α, β and padded leading dimensions varied,
// the batch-1 shapes the harness times (-shapes gemv), and the MLP's
// shapes (only the small one with -quick).
func gemmCheckCases(quick bool) []gemmCheckCase {
	sizes := [][3]int{{1, 1, 1}, {3, 5, 7}, {17, 9, 33}, {64, 64, 64}, {65, 63, 127}, {100, 1, 50}, {1, 100, 50}, {129, 130, 131}}
	if quick {
		sizes = sizes[:5]
	}
	scalars := [][2]float64{{1, 0}, {-0.7, 1.3}, {1, 1}, {0.5, 0}}
	var out []gemmCheckCase
	i := 0
	for _, s := range sizes {
		for _, tA := range []blas.Transpose{blas.NoTrans, blas.Trans} {
			for _, tB := range []blas.Transpose{blas.NoTrans, blas.Trans} {
				sc := scalars[i%len(scalars)]
				out = append(out, gemmCheckCase{gemmShape{s[0], s[1], s[2], tA, tB}, sc[0], sc[1], i % 3, (i + 1) % 3, i % 2 * 3})
				i++
			}
		}
	}
	for _, sh := range gemvShapes {
		out = append(out, gemmCheckCase{sh, 1, 0, 0, 0, 0})
	}
	for j, sh := range mlpShapes {
		if quick && j != 3 {
			continue
		}
		out = append(out, gemmCheckCase{sh, 1, 0, 0, 0, 0})
	}
	return out
}

func isF32[T float32 | float64]() bool {
	var zero T
	return unsafe.Sizeof(zero) == 4
}

// padValue fills everything outside a matrix's window: a NaN with a
// payload, so reading it poisons the result and writing it is caught.
func padValue[T float32 | float64]() T {
	if isF32[T]() {
		return T(math.Float32frombits(0x7fc0dead))
	}
	return T(math.Float64frombits(0x7ff80000deadbeef))
}

func sameBitsT[T float32 | float64](x, y T) bool {
	if isF32[T]() {
		return math.Float32bits(float32(x)) == math.Float32bits(float32(y))
	}
	return math.Float64bits(float64(x)) == math.Float64bits(float64(y))
}

// checkMatrix returns a rows×cols matrix in [−1, 1) with leading dimension
// cols+pad, padding filled with padValue, exactly as long as the BLAS
// requires.
func checkMatrix[T float32 | float64](r *rand.Rand, rows, cols, pad int) ([]T, int) {
	ld := cols + pad
	x := make([]T, (rows-1)*ld+cols)
	for i := range x {
		x[i] = padValue[T]()
	}
	for i := range rows {
		for j := range cols {
			x[i*ld+j] = T(2*r.Float64() - 1)
		}
	}
	return x, ld
}

func callGemm[T float32 | float64](g gemmer, tA, tB blas.Transpose, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) {
	switch a := any(a).(type) {
	case []float32:
		g.Sgemm(tA, tB, m, n, k, float32(alpha), a, lda, any(b).([]float32), ldb, float32(beta), any(c).([]float32), ldc)
	case []float64:
		g.Dgemm(tA, tB, m, n, k, float64(alpha), a, lda, any(b).([]float64), ldb, float64(beta), any(c).([]float64), ldc)
	}
}

// checkGemm runs the GEMM cases through every implementation.
func checkGemm[T float32 | float64](cfg *config, gemms []gemmImpl) []checkResult {
	kernel, u := "dgemm", testutil.Float64Unit
	if isF32[T]() {
		kernel, u = "sgemm", testutil.Float32Unit
	}
	maxThreads := slices.Max(cfg.threads)
	results := make([]checkResult, len(gemms))
	for i, g := range gemms {
		results[i] = checkResult{suite: "gemm", kernel: kernel, impl: g.name, limit: 1, unit: "of bound"}
	}
	r := testutil.NewRand(cfg.seed)
	for _, gc := range gemmCheckCases(cfg.mode.name == "quick") {
		sh := gc.sh
		ar, ac := sh.m, sh.k
		if sh.tA != blas.NoTrans {
			ar, ac = ac, ar
		}
		br, bc := sh.k, sh.n
		if sh.tB != blas.NoTrans {
			br, bc = bc, br
		}
		a, lda := checkMatrix[T](r, ar, ac, gc.padA)
		b, ldb := checkMatrix[T](r, br, bc, gc.padB)
		c0, ldc := checkMatrix[T](r, sh.m, sh.n, gc.padC)
		alpha, beta := T(gc.alpha), T(gc.beta)
		if beta == 0 {
			for i := range sh.m {
				for j := range sh.n {
					c0[i*ldc+j] = T(math.NaN()) // must not be read
				}
			}
		}
		want := slices.Clone(c0)
		ref.Gemm(sh.tA, sh.tB, sh.m, sh.n, sh.k, alpha, a, lda, b, ldb, beta, want, ldc)
		bound := testutil.GemmBound(sh.tA, sh.tB, sh.m, sh.n, sh.k, alpha, a, lda, b, ldb, beta, c0, ldc, u)
		a0, b0 := slices.Clone(a), slices.Clone(b)
		what := fmt.Sprintf("%v α=%g β=%g pad=%d,%d,%d", sh, gc.alpha, gc.beta, gc.padA, gc.padB, gc.padC)
		for gi, g := range gemms {
			res := &results[gi]
			var first []T
			for _, th := range slices.Compact([]int{1, maxThreads}) {
				c := slices.Clone(c0)
				leave := g.enter(th)
				panicked := catch(func() { callGemm(g.blas, sh.tA, sh.tB, sh.m, sh.n, sh.k, alpha, a, lda, b, ldb, beta, c, ldc) })
				leave()
				res.cases++
				if panicked != nil {
					res.fail("%s: panic: %v", what, panicked)
					continue
				}
				compareGemm(res, what, th, sh, a, a0, b, b0, c, want, bound, ldc, u)
				if first == nil {
					first = c
				} else if g.ember && !slices.EqualFunc(first, c, sameBitsT[T]) {
					res.fail("%s: different bits at 1 and %d threads", what, th)
				}
			}
		}
	}
	return results
}

func compareGemm[T float32 | float64](res *checkResult, what string, th int, sh gemmShape, a, a0, b, b0, c, want []T, bound []float64, ldc int, u float64) {
	if !slices.EqualFunc(a, a0, sameBitsT[T]) || !slices.EqualFunc(b, b0, sameBitsT[T]) {
		res.fail("%s, %d threads: A or B modified", what, th)
	}
	for i := range c {
		row, col := i/ldc, i%ldc
		if col >= sh.n {
			if !sameBitsT(c[i], padValue[T]()) {
				res.fail("%s, %d threads: padding of C at row %d, col %d overwritten", what, th, row, col)
			}
			continue
		}
		got, w := float64(c[i]), float64(want[i])
		var err float64
		switch {
		case math.IsNaN(w):
			if !math.IsNaN(got) {
				err = math.Inf(1)
			}
		case math.IsInf(w, 0):
			if got != w {
				err = math.Inf(1)
			}
		case math.IsNaN(got) || math.IsInf(got, 0):
			err = math.Inf(1)
		default:
			tol := bound[row*sh.n+col] + u*math.Abs(w)
			err = math.Abs(got - w)
			if tol > 0 {
				err /= tol
			} else if err > 0 || math.IsNaN(got) {
				err = math.Inf(1)
			}
		}
		res.see(err, func() string {
			return fmt.Sprintf("%s, %d threads: C[%d][%d] = %v, want %v (ref), bound %.3g", what, th, row, col, got, w, bound[row*sh.n+col])
		})
	}
}
