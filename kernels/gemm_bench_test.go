package kernels_test

import (
	"fmt"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/blas/gonum"
	"gonum.org/v1/gonum/mat"

	"github.com/emberml/ember/internal/testutil"
	"github.com/emberml/ember/kernels"
)

// A gemmShape is one benchmarked product.
type gemmShape struct {
	m, n, k int
	tA, tB  blas.Transpose
}

func (s gemmShape) String() string {
	name := fmt.Sprintf("%dx%dx%d", s.m, s.n, s.k)
	if s.tA != blas.NoTrans || s.tB != blas.NoTrans {
		name += "/" + string(transChar(s.tA)) + string(transChar(s.tB))
	}
	return name
}

// gemmBenchShapes are batch-1 inference (x·W and x·Wᵀ, matrix-vector),
// squares and the MLP trainer's products: forward
// (NN), weight gradients (TN) and input gradients (NT) of a 784-256-128-10
// network at batch 128.
var gemmBenchShapes = []gemmShape{
	{m: 1, n: 1024, k: 1024},
	{m: 1, n: 256, k: 784},
	{m: 1, n: 256, k: 784, tB: blas.Trans},
	{m: 8, n: 8, k: 8},
	{m: 16, n: 16, k: 16},
	{m: 32, n: 32, k: 32},
	{m: 64, n: 64, k: 64},
	{m: 128, n: 128, k: 128},
	{m: 256, n: 256, k: 256},
	{m: 512, n: 512, k: 512},
	{m: 1024, n: 1024, k: 1024},
	{m: 2048, n: 2048, k: 2048},
	{m: 128, n: 256, k: 784},
	{m: 128, n: 128, k: 256},
	{m: 128, n: 10, k: 128},
	{m: 784, n: 256, k: 128, tA: blas.Trans},
	{m: 256, n: 128, k: 128, tA: blas.Trans},
	{m: 128, n: 784, k: 256, tB: blas.Trans},
	{m: 128, n: 256, k: 128, tB: blas.Trans},
}

// benchGemm runs BenchmarkXgemm/<impl>/<shape>, impl being each supported
// level and gonum's pure-Go implementation, reporting GFLOP/s. The thread
// count is Threads() (GOMAXPROCS by default; set it with -cpu).
func benchGemm[T float32 | float64](b *testing.B, call func(impl string, s gemmShape, a, bm, c []T)) {
	prev := kernels.Active()
	defer kernels.SetLevel(prev)
	impls := []string{"gonum"}
	for _, l := range kernels.Supported() {
		impls = append(impls, l.String())
	}
	for _, impl := range impls {
		b.Run(impl, func(b *testing.B) {
			if l, err := kernels.ParseLevel(impl); err == nil {
				if err := kernels.SetLevel(l); err != nil {
					b.Fatal(err)
				}
			}
			for _, s := range gemmBenchShapes {
				s = s.normalized()
				if impl == "gonum" && s.m*s.n*s.k > 512*512*512 && testing.Short() {
					continue
				}
				r := testutil.NewRand(uint64(s.m*s.n + s.k))
				a, _ := newMatrix[T](r, s.m, s.k, 0, false)
				bm, _ := newMatrix[T](r, s.k, s.n, 0, false)
				c, _ := newMatrix[T](r, s.m, s.n, 0, false)
				b.Run(s.String(), func(b *testing.B) {
					for b.Loop() {
						call(impl, s, a, bm, c)
					}
					flops := 2 * float64(s.m) * float64(s.n) * float64(s.k)
					b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
				})
			}
		})
	}
}

// normalized replaces zero transposes (the shape list's shorthand) with
// blas.NoTrans.
func (s gemmShape) normalized() gemmShape {
	if s.tA == 0 {
		s.tA = blas.NoTrans
	}
	if s.tB == 0 {
		s.tB = blas.NoTrans
	}
	return s
}

// lds returns the leading dimensions of the stored A and B of shape s.
func (s gemmShape) lds() (lda, ldb int) {
	lda, ldb = s.k, s.n
	if s.tA != blas.NoTrans {
		lda = s.m
	}
	if s.tB != blas.NoTrans {
		ldb = s.k
	}
	return lda, ldb
}

func BenchmarkSgemm(b *testing.B) {
	benchGemm(b, func(impl string, s gemmShape, a, bm, c []float32) {
		lda, ldb := s.lds()
		if impl == "gonum" {
			gonum.Implementation{}.Sgemm(s.tA, s.tB, s.m, s.n, s.k, 1, a, lda, bm, ldb, 0, c, s.n)
			return
		}
		kernels.Sgemm(s.tA, s.tB, s.m, s.n, s.k, 1, a, lda, bm, ldb, 0, c, s.n)
	})
}

func BenchmarkDgemm(b *testing.B) {
	benchGemm(b, func(impl string, s gemmShape, a, bm, c []float64) {
		lda, ldb := s.lds()
		if impl == "gonum" {
			gonum.Implementation{}.Dgemm(s.tA, s.tB, s.m, s.n, s.k, 1, a, lda, bm, ldb, 0, c, s.n)
			return
		}
		kernels.Dgemm(s.tA, s.tB, s.m, s.n, s.k, 1, a, lda, bm, ldb, 0, c, s.n)
	})
}

// BenchmarkMatMul measures gonum's mat.Dense.Mul on square matrices with
// gonum's own BLAS and with Implementation installed (blas64.Use), at the
// active level and Threads() goroutines.
func BenchmarkMatMul(b *testing.B) {
	defer blas64.Use(blas64.Implementation())
	for _, impl := range []string{"gonum", "ember"} {
		b.Run(impl, func(b *testing.B) {
			if impl == "ember" {
				blas64.Use(kernels.Implementation{})
			} else {
				blas64.Use(gonum.Implementation{})
			}
			for _, n := range []int{128, 512} {
				r := testutil.NewRand(uint64(n))
				a, _ := newMatrix[float64](r, n, n, 0, false)
				bm, _ := newMatrix[float64](r, n, n, 0, false)
				x, y := mat.NewDense(n, n, a), mat.NewDense(n, n, bm)
				var c mat.Dense
				b.Run(fmt.Sprint(n), func(b *testing.B) {
					for b.Loop() {
						c.Mul(x, y)
					}
					b.ReportMetric(2*float64(n*n*n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
				})
			}
		})
	}
}
