package ref

import "gonum.org/v1/gonum/blas"

// Sgemm computes, for row-major float32 matrices,
//
//	C = alpha·op(A)·op(B) + beta·C
//
// where op(X) is X if tX == blas.NoTrans and Xᵀ if tX is blas.Trans or
// blas.ConjTrans (the same thing for real matrices). op(A) is m×k, op(B) is
// k×n and C is m×n. Storage is row-major with leading dimensions, as in
// gonum's blas: element (i, l) of a p×q matrix X is x[i*ldx+l]; A is stored
// m×k (lda ≥ max(1, k)) if tA == blas.NoTrans and k×m (lda ≥ max(1, m))
// otherwise; B is stored k×n (ldb ≥ max(1, n)) if tB == blas.NoTrans and
// n×k (ldb ≥ max(1, k)) otherwise; C is m×n (ldc ≥ max(1, n)). Elements
// outside those m×n, m×k and k×n windows (the padding between rows) are
// never read nor written.
//
// Precision: every element is converted to float64, and for each (i, j)
//
//	s = Σ_{l=0}^{k-1} float64(op(A)[i][l]) · float64(op(B)[l][j])
//
// is accumulated in float64 in the order l = 0, 1, …, k-1; the result
// float64(alpha)·s + float64(beta)·float64(C[i][j]) is formed in float64 and
// rounded to float32 exactly once.
//
// Special cases, following the reference BLAS exactly:
//   - m == 0 or n == 0: return at once (after the argument checks).
//   - alpha == 0 or k == 0 (the product is exactly zero): A and B are not
//     read at all; C = beta·C, and if beta == 0 then C = 0 without reading
//     C; if beta == 1, C is left untouched.
//   - beta == 0: C is write-only (never read), so NaN or Inf already in C
//     cannot leak into the result: C = alpha·op(A)·op(B).
//   - Zero elements of A or B are never skipped inside the product, so a NaN
//     or Inf in A or B propagates even when multiplied by a zero
//     (NaN·0 = NaN, Inf·0 = NaN).
//
// gonum's own Sgemm/Dgemm (gonum.org/v1/gonum/blas/gonum) skip the inner
// update when an element of B (times alpha) is zero, so they do not
// propagate NaN/Inf through zero multipliers and are not a valid oracle for
// those cases.
//
// Sgemm panics, with a message beginning "ref: ", if tA or tB is not a
// valid blas.Transpose, if m, n or k is negative, if a leading dimension is
// too small, or if a, b or c is too short (len(x) < (rows-1)·ldx + cols of
// its stored matrix). The checks and their order are those of gonum's
// Sgemm.
func Sgemm(tA, tB blas.Transpose, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	Gemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// Dgemm computes, for row-major float64 matrices,
//
//	C = alpha·op(A)·op(B) + beta·C
//
// with exactly the storage conventions, special cases (alpha == 0 or k == 0
// does not read A or B; beta == 0 does not read C; no zero multiplier is
// skipped, so NaN/Inf in A or B always propagate) and panics of Sgemm. For
// each (i, j) the sum s = Σ_l op(A)[i][l]·op(B)[l][j] is accumulated in
// float64 in the order l = 0, 1, …, k-1 and C[i][j] = alpha·s + beta·C[i][j]
// (C[i][j] = alpha·s when beta == 0), each operation rounded in float64 as
// written.
//
// As with Sgemm, gonum's own Dgemm skips zero multipliers and is not a valid
// oracle for NaN/Inf propagation through zeros.
func Dgemm(tA, tB blas.Transpose, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	Gemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// Gemm is Sgemm for float32 and Dgemm for float64, for callers generic over
// the element type: the single implementation behind both, with their
// checks, special cases and precision. For float64 the conversions below
// are identities.
func Gemm[T float32 | float64](tA, tB blas.Transpose, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) {
	aTrans := isTrans(tA)
	bTrans := isTrans(tB)
	if m < 0 {
		panic("ref: m < 0")
	}
	if n < 0 {
		panic("ref: n < 0")
	}
	if k < 0 {
		panic("ref: k < 0")
	}
	// Stored shapes: A is aRows×aCols, B is bRows×bCols.
	aRows, aCols := m, k
	if aTrans {
		aRows, aCols = k, m
	}
	bRows, bCols := k, n
	if bTrans {
		bRows, bCols = n, k
	}
	if lda < max(1, aCols) {
		panic("ref: bad lda")
	}
	if ldb < max(1, bCols) {
		panic("ref: bad ldb")
	}
	if ldc < max(1, n) {
		panic("ref: bad ldc")
	}
	if m == 0 || n == 0 {
		return
	}
	if len(a) < (aRows-1)*lda+aCols {
		panic("ref: short A")
	}
	if len(b) < (bRows-1)*ldb+bCols {
		panic("ref: short B")
	}
	if len(c) < (m-1)*ldc+n {
		panic("ref: short C")
	}

	// opA returns op(A)[i][l] and opB returns op(B)[l][j], in float64.
	opA := func(i, l int) float64 {
		if aTrans {
			return float64(a[l*lda+i])
		}
		return float64(a[i*lda+l])
	}
	opB := func(l, j int) float64 {
		if bTrans {
			return float64(b[j*ldb+l])
		}
		return float64(b[l*ldb+j])
	}

	al, be := float64(alpha), float64(beta)
	if alpha == 0 || k == 0 {
		// The product is exactly zero: do not read A or B.
		if beta == 1 {
			return
		}
		for i := 0; i < m; i++ {
			for j := 0; j < n; j++ {
				if beta == 0 {
					c[i*ldc+j] = 0
				} else {
					c[i*ldc+j] = T(be * float64(c[i*ldc+j]))
				}
			}
		}
		return
	}

	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			var s float64
			for l := 0; l < k; l++ {
				s += opA(i, l) * opB(l, j)
			}
			if beta == 0 {
				c[i*ldc+j] = T(al * s)
			} else {
				c[i*ldc+j] = T(al*s + be*float64(c[i*ldc+j]))
			}
		}
	}
}

// isTrans reports whether t asks for a transpose; it panics if t is not a
// valid blas.Transpose.
func isTrans(t blas.Transpose) bool {
	switch t {
	case blas.NoTrans:
		return false
	case blas.Trans, blas.ConjTrans:
		return true
	}
	panic("ref: bad transpose")
}
