package kernels

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"
)

// Implementation is a gonum BLAS implementation (it satisfies blas.Float32
// and blas.Float64) whose Sgemm, Dgemm, Sgemv and Dgemv are ember's; every
// other routine is gonum's pure-Go one, embedded. Installing it makes gonum's mat
// package, and everything else built on blas32 and blas64, multiply with
// ember's kernels:
//
//	blas32.Use(kernels.Implementation{})
//	blas64.Use(kernels.Implementation{})
//
// The zero value is ready to use and has no state; the kernels' level and
// thread count are the package-wide ones (SetLevel, SetThreads).
type Implementation struct {
	gonum.Implementation
}

var (
	_ blas.Float32 = Implementation{}
	_ blas.Float64 = Implementation{}
)

// Sgemm is the package-level Sgemm.
func (Implementation) Sgemm(tA, tB blas.Transpose, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	gemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// Dgemm is the package-level Dgemm.
func (Implementation) Dgemm(tA, tB blas.Transpose, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	gemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// Sgemv is the package-level Sgemv.
func (Implementation) Sgemv(tA blas.Transpose, m, n int, alpha float32, a []float32, lda int, x []float32, incX int, beta float32, y []float32, incY int) {
	gemv(tA, m, n, alpha, a, lda, x, incX, beta, y, incY)
}

// Dgemv is the package-level Dgemv.
func (Implementation) Dgemv(tA blas.Transpose, m, n int, alpha float64, a []float64, lda int, x []float64, incX int, beta float64, y []float64, incY int) {
	gemv(tA, m, n, alpha, a, lda, x, incX, beta, y, incY)
}
