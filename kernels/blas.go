package kernels

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"
)

// Implementation is a gonum BLAS implementation (it satisfies blas.Float32
// and blas.Float64) whose Sgemm, Dgemm, Sgemv and Dgemv are ember's, as
// are Sdot, Saxpy and Sscal on unit-stride vectors; every other routine is
// gonum's pure-Go one, embedded. Installing it makes gonum's mat
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

// Sdot is gonum's Sdot, with unit-stride vectors computed by the package's
// Dot (its error bound; the summation order is the level's). Other strides
// and every argument error are gonum's own.
func (impl Implementation) Sdot(n int, x []float32, incX int, y []float32, incY int) float32 {
	if incX == 1 && incY == 1 && n > 0 && len(x) >= n && len(y) >= n {
		return Dot(x[:n], y[:n])
	}
	return impl.Implementation.Sdot(n, x, incX, y, incY)
}

// Saxpy is gonum's Saxpy, with unit-stride vectors that do not partly
// overlap computed by the package's Axpy (the same bits as gonum's: the
// product is rounded before the sum). Other cases and every argument error
// are gonum's own.
func (impl Implementation) Saxpy(n int, alpha float32, x []float32, incX int, y []float32, incY int) {
	if incX == 1 && incY == 1 && n > 0 && len(x) >= n && len(y) >= n && alpha != 0 && !partialOverlap(x[:n], y[:n]) {
		Axpy(alpha, x[:n], y[:n])
		return
	}
	impl.Implementation.Saxpy(n, alpha, x, incX, y, incY)
}

// Sscal is gonum's Sscal, with a unit-stride vector and a non-zero alpha
// computed by the package's Scale (the same bits). Other cases (alpha == 0
// sets x to zero, as gonum does) and every argument error are gonum's own.
func (impl Implementation) Sscal(n int, alpha float32, x []float32, incX int) {
	if incX == 1 && n > 0 && len(x) >= n && alpha != 0 {
		Scale(alpha, x[:n])
		return
	}
	impl.Implementation.Sscal(n, alpha, x, incX)
}
