package kernels

import (
	"runtime"
	"sync/atomic"
	"unsafe"

	"gonum.org/v1/gonum/blas"
)

// Sgemm computes, for row-major float32 matrices,
//
//	C = alpha·op(A)·op(B) + beta·C
//
// where op(X) is X when tX is blas.NoTrans and Xᵀ when it is blas.Trans or
// blas.ConjTrans; op(A) is m×k, op(B) is k×n and C is m×n. The semantics are
// those of gonum's blas.Float32 Sgemm exactly: element (i, j) of a stored
// matrix X is x[i*ldx+j]; A is stored m×k (lda ≥ max(1, k)) or, transposed,
// k×m (lda ≥ max(1, m)); B is stored k×n (ldb ≥ max(1, n)) or n×k
// (ldb ≥ max(1, k)); C is m×n (ldc ≥ max(1, n)). Elements between the rows
// (the padding up to the leading dimension) are never read or written.
//
// The reference-BLAS rules apply: when beta == 0, C is only written, so NaN
// or Inf already in C does not reach the result; when alpha == 0 or k == 0,
// A and B are not read (C = beta·C, left untouched if beta == 1). Zeros in
// A or B are never skipped, so NaN and Inf in A or B propagate.
//
// Accuracy: sums are accumulated in float32 with fused multiply-adds, in
// blocks of up to a few hundred terms, so each element is within
// γ_{k+2}·(|alpha|·|op(A)|·|op(B)| + |beta|·|C|) of the exact result, with
// γ_j = j·u/(1−j·u) and u = 2⁻²⁴.
//
// Paths and bits: a product is computed by one of three paths, chosen from
// its shape, the level and the CPU's cache sizes (which the small
// products' cost model and the block sizes read) — a matrix-vector path
// when m == 1 or n == 1 (nothing packed; see Sgemv), small-product
// kernels that read A and B in place (products where packing does not
// pay; those with A not transposed, deep enough and of 2 to 8 columns at
// AVX-512 (float64 2 to 4) or 2 to 4 at AVX2 (float64 2), as dot products
// along k, in vector partial sums added in a fixed order), or the packed,
// blocked path. The bits of the result depend on the operands, the shape,
// the transposes, the level (see SetLevel) and the cache sizes, never on
// the number of threads, the alignment of the slices, the leading
// dimensions or which goroutine calls.
//
// Large products are split across up to Threads() goroutines. Sgemm is safe
// to call from many goroutines at once, as long as no call writes memory
// another call reads or writes. It does not allocate once its packing
// buffers are warm.
//
// Sgemm panics, with a message starting "kernels: ", on the conditions
// gonum's Sgemm panics on, checked in the same order: an invalid transpose,
// a negative size, a leading dimension too small, or a slice too short.
func Sgemm(tA, tB blas.Transpose, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	gemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// Dgemm is Sgemm for float64 matrices: C = alpha·op(A)·op(B) + beta·C with
// the same storage conventions, special cases, threading and panics. Its
// error bound is Sgemm's with u = 2⁻⁵³.
func Dgemm(tA, tB blas.Transpose, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	gemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// threads is the limit SetThreads set; 0 means runtime.GOMAXPROCS(0).
var threads atomic.Int64

// SetThreads sets the most goroutines one call of Sgemm, Dgemm, Sgemv,
// Dgemv, AdamStep, SGDStep or AllFinite may use (the caller's included).
// n < 1 restores the default, runtime.GOMAXPROCS(0) at the time of each
// call. It may be called at any time, also while multiplications run;
// calls already started keep the value they read. Results do not depend
// on it.
func SetThreads(n int) {
	threads.Store(int64(max(n, 0)))
}

// Threads returns the most goroutines one call may use (see SetThreads):
// the value given to SetThreads, or runtime.GOMAXPROCS(0) by default.
func Threads() int {
	if n := threads.Load(); n > 0 {
		return int(n)
	}
	return runtime.GOMAXPROCS(0)
}

// gemm checks the arguments as gonum does, in gonum's order, handles the
// quick returns and the product-free cases, rewrites outer products as
// gemmDrive would, hands the products the strips would compute in one call
// (the tiniest, tinyStripsMACs, and those oneStripCall finds) straight to
// that small-product kernel call, and the rest to the driver
// (gemmShortcut, then gemmDrive).
func gemm[T float32 | float64](tA, tB blas.Transpose, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) {
	aTrans, ok := transposed(tA)
	if !ok {
		panic("kernels: illegal transpose")
	}
	bTrans, ok := transposed(tB)
	if !ok {
		panic("kernels: illegal transpose")
	}
	switch {
	case m < 0:
		panic("kernels: m < 0")
	case n < 0:
		panic("kernels: n < 0")
	case k < 0:
		panic("kernels: k < 0")
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
	switch {
	case lda < max(1, aCols):
		panic("kernels: bad leading dimension of A")
	case ldb < max(1, bCols):
		panic("kernels: bad leading dimension of B")
	case ldc < max(1, n):
		panic("kernels: bad leading dimension of C")
	}
	if m == 0 || n == 0 {
		return
	}
	switch {
	case len(a) < (aRows-1)*lda+aCols:
		panic("kernels: insufficient length of a")
	case len(b) < (bRows-1)*ldb+bCols:
		panic("kernels: insufficient length of b")
	case len(c) < (m-1)*ldc+n:
		panic("kernels: insufficient length of c")
	}

	if alpha == 0 || k == 0 {
		if beta != 1 {
			if raceEnabled {
				raceRows(raceWrite[T], c, m, n, ldc)
			}
			scaleRows(c, m, n, ldc, beta)
		}
		return
	}
	if raceEnabled {
		raceRows(raceRead[T], a, aRows, aCols, lda)
		raceRows(raceRead[T], b, bRows, bCols, ldb)
		raceRows(raceWrite[T], c, m, n, ldc)
	}
	if k == 1 && m >= 2 && n >= 2 && oneStripShortcut {
		// An outer product, rewritten as gemmDrive does (see there) before
		// the shortcuts look at it, so that B given transposed with
		// ldb == 1 (a backward pass's dz·Wᵀ for a one-unit layer) takes
		// them too; every path gets it rewritten alike, so the bits are
		// unchanged.
		if aTrans {
			aTrans, lda = false, 1
		}
		if bTrans && ldb == 1 {
			bTrans, ldb = false, n
		}
	}
	if !bTrans && m >= 2 && n >= 2 && n <= stripWidth(active, int(unsafe.Sizeof(alpha))) && !gemmPathForced() &&
		(m*n*k <= tinyStripsMACs || oneStripCall(m, n, k, int(unsafe.Sizeof(alpha)))) && !reshapedStrips(aTrans, false, m, n, k, int(unsafe.Sizeof(alpha))) {
		// One call of the level's small-product kernel, straight from
		// here, for the products the strips path (gemmStrips,
		// stripsRange) would compute in that one call, so the bits are
		// the same: the smallest, which the cost model always takes, and
		// those oneStripCall finds it would. Float32, avx512, alternated
		// in one process on the Xeon, through gemmShortcut / this way: 4³
		// 45 / 24 ns, 8³ 56 / 34 ns, 16³ 100 / 76 ns; 24³ 387 / 336 ns,
		// 32³ 478 / 461 ns, 64³ 3.81 / 3.74 µs. m·n·k cannot overflow: it
		// is at most √(len(a)·len(b)·len(c)).
		aRow, aStep := lda, 1
		if aTrans {
			aRow, aStep = 1, lda
		}
		stripKernel(m, n, k, unsafe.Pointer(&a[0]), aRow, aStep, unsafe.Pointer(&b[0]), ldb, unsafe.Pointer(&c[0]), ldc, alpha, beta)
		return
	}
	if gemmShortcut(aTrans, bTrans, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) {
		return
	}
	gemmDrive(gemmArgs[T]{
		aTrans: aTrans, bTrans: bTrans,
		m: m, n: n, k: k,
		alpha: alpha, beta: beta,
		a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc,
	})
}

// transposed reports whether t asks for op(X) = Xᵀ, and whether t is a
// valid blas.Transpose at all.
func transposed(t blas.Transpose) (trans, ok bool) {
	switch t {
	case blas.NoTrans:
		return false, true
	case blas.Trans, blas.ConjTrans:
		return true, true
	}
	return false, false
}

// scaleRows sets the m×n matrix in c to beta·c, or to zero without reading
// it when beta == 0: the whole product when alpha == 0 or k == 0.
func scaleRows[T float32 | float64](c []T, m, n, ldc int, beta T) {
	for i := range m {
		row := c[i*ldc : i*ldc+n]
		if beta == 0 {
			clear(row)
			continue
		}
		for j := range row {
			row[j] *= beta
		}
	}
}

// raceRows announces an access to each row of a stored matrix separately,
// so that callers working on disjoint column blocks of one matrix (gonum's
// sliced views) are not reported as racing through the padding.
func raceRows[T float32 | float64](announce func([]T), x []T, rows, cols, ld int) {
	for i := range rows {
		announce(x[i*ld : i*ld+cols])
	}
}
