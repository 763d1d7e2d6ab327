package kernels

import "gonum.org/v1/gonum/blas"

// Sgemv computes, for a row-major m×n float32 matrix A,
//
//	y = alpha·A·x + beta·y    if tA is blas.NoTrans   (x has n elements, y m)
//	y = alpha·Aᵀ·x + beta·y   if tA is blas.Trans or blas.ConjTrans (x m, y n)
//
// with gonum's blas.Float32 Sgemv semantics: element (i, j) of A is
// a[i*lda+j] (lda ≥ max(1, n)); element i of x is x[i*incX] when incX > 0
// and x[(len−1−i)·(−incX)] when incX < 0 (the reference BLAS's backwards
// traversal), and likewise for y. The reference-BLAS rules apply: when
// beta == 0, y is only written, so NaN already in y does not reach the
// result; when alpha == 0, A and x are not read.
//
// A is read once, in place (nothing is packed), by the level's
// matrix-vector kernels: for NoTrans each y element is a dot product of a
// row of A with x, kept in several partial sums; for Trans the rows of A,
// scaled by the elements of x, are added into the sums of all of y in
// order (for a long A of narrow rows, its two halves of rows apart, then
// the two sums added, so that two threads can each read one). Accuracy: each element is within
// γ_{len(x)+2}·(|alpha|·|op(A)|·|x| + |beta|·|y|) of the exact result
// (γ_j = j·u/(1−j·u), u = 2⁻²⁴); the bits depend on the shape and the
// level, never on the alignment of the data.
//
// Sgemv panics, with a message starting "kernels: ", on the conditions
// gonum's Sgemv panics on, in the same order.
func Sgemv(tA blas.Transpose, m, n int, alpha float32, a []float32, lda int, x []float32, incX int, beta float32, y []float32, incY int) {
	gemv(tA, m, n, alpha, a, lda, x, incX, beta, y, incY)
}

// Dgemv is Sgemv for float64: y = alpha·op(A)·x + beta·y with the same
// storage conventions, special cases and panics, and Sgemv's error bound
// with u = 2⁻⁵³.
func Dgemv(tA blas.Transpose, m, n int, alpha float64, a []float64, lda int, x []float64, incX int, beta float64, y []float64, incY int) {
	gemv(tA, m, n, alpha, a, lda, x, incX, beta, y, incY)
}

// gemv checks Sgemv's and Dgemv's arguments as gonum does, in gonum's
// order, and computes the product.
func gemv[T float32 | float64](tA blas.Transpose, m, n int, alpha T, a []T, lda int, x []T, incX int, beta T, y []T, incY int) {
	trans, ok := transposed(tA)
	switch {
	case !ok:
		panic("kernels: illegal transpose")
	case m < 0:
		panic("kernels: m < 0")
	case n < 0:
		panic("kernels: n < 0")
	case lda < max(1, n):
		panic("kernels: bad leading dimension of A")
	case incX == 0:
		panic("kernels: zero x index increment")
	case incY == 0:
		panic("kernels: zero y index increment")
	}
	lenX, lenY := n, m
	if trans {
		lenX, lenY = m, n
	}
	if m == 0 || n == 0 {
		return
	}
	switch {
	case (incX > 0 && (lenX-1)*incX >= len(x)) || (incX < 0 && (1-lenX)*incX >= len(x)):
		panic("kernels: insufficient length of x")
	case (incY > 0 && (lenY-1)*incY >= len(y)) || (incY < 0 && (1-lenY)*incY >= len(y)):
		panic("kernels: insufficient length of y")
	case len(a) < lda*(m-1)+n:
		panic("kernels: insufficient length of a")
	}
	if alpha == 0 && beta == 1 {
		return
	}
	y0 := vecStart(lenY, incY)
	if raceEnabled {
		raceStrided(raceWrite[T], y, y0, lenY, incY)
	}
	if alpha == 0 {
		for i := range lenY {
			p := &y[y0+i*incY]
			if beta == 0 {
				*p = 0
			} else {
				*p *= beta
			}
		}
		return
	}
	if raceEnabled {
		raceRows(raceRead[T], a, m, n, lda)
		raceStrided(raceRead[T], x, vecStart(lenX, incX), lenX, incX)
	}
	buf := getGemvBuf[T]()
	xs := buf.vector(x, vecStart(lenX, incX), lenX, incX)
	gemvRun(trans, xs, a, lda, buf, lenY, y, y0, incY, alpha, beta)
	putGemvBuf(buf)
}

// vecStart is the index of the first element of a BLAS vector of n
// elements with increment inc.
func vecStart(n, inc int) int {
	if inc < 0 {
		return (1 - n) * inc
	}
	return 0
}

// raceStrided announces an access to each element of a strided vector, so
// the gaps between its elements, which are not touched, are not reported.
func raceStrided[T float32 | float64](announce func([]T), x []T, start, n, inc int) {
	if inc == 1 {
		announce(x[start : start+n])
		return
	}
	for i := range n {
		announce(x[start+i*inc : start+i*inc+1])
	}
}
