package testutil

import (
	"math"

	"gonum.org/v1/gonum/blas"
)

// GemmBound returns the elementwise error bound of a GEMM computed in a
// precision with unit roundoff u: for every i, j of the m×n result,
//
//	|C_computed − C_exact| ≤ γ_{k+2}·(|α|·Σ_p |op(A)_ip|·|op(B)_pj| + |β|·|C_ij|)
//
// (k products summed in any order, then the scaling by α and the addition
// of β·C: k+2 roundings at most). a, b and c are row-major with leading
// dimensions lda, ldb and ldc, and c holds C's value before the call. The
// result is m×n, row-major and dense. As in the BLAS, α = 0 means A·B is
// not formed at all, so its term is 0 even when A or B holds Inf or NaN;
// likewise β = 0 drops the C term.
func GemmBound[F float32 | float64](tA, tB blas.Transpose, m, n, k int, alpha F, a []F, lda int, b []F, ldb int, beta F, c []F, ldc int, u float64) []float64 {
	g := Gamma(k+2, u)
	bound := make([]float64, m*n)
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			var s float64
			for p := 0; p < k; p++ {
				var av, bv F
				if tA == blas.NoTrans {
					av = a[i*lda+p]
				} else {
					av = a[p*lda+i]
				}
				if tB == blas.NoTrans {
					bv = b[p*ldb+j]
				} else {
					bv = b[j*ldb+p]
				}
				s += math.Abs(float64(av)) * math.Abs(float64(bv))
			}
			var t float64
			if alpha != 0 {
				t = math.Abs(float64(alpha)) * s
			}
			if beta != 0 {
				t += math.Abs(float64(beta)) * math.Abs(float64(c[i*ldc+j]))
			}
			bound[i*n+j] = g * t
		}
	}
	return bound
}
