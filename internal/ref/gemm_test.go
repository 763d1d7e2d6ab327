package ref

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
)

// The GEMM tests use small integer (or dyadic) operands, for which every
// product and partial sum is exact in float32 and float64, so the expected
// results are exact and compared bit for bit.

// stored lays out rows (each of the same length) row-major with leading
// dimension ld, filling the padding between rows with fill; the slice has
// the minimal length (len(rows)-1)·ld + len(rows[0]), so any read past the
// last stored element is an index-out-of-range panic.
func stored(rows [][]float64, ld int, fill float64) []float64 {
	cols := len(rows[0])
	s := make([]float64, (len(rows)-1)*ld+cols)
	for i := range s {
		s[i] = fill
	}
	for i, r := range rows {
		copy(s[i*ld:], r)
	}
	return s
}

func to32(x []float64) []float32 {
	y := make([]float32, len(x))
	for i, v := range x {
		y[i] = float32(v)
	}
	return y
}

func to64(x []float32) []float64 {
	y := make([]float64, len(x))
	for i, v := range x {
		y[i] = float64(v)
	}
	return y
}

func TestDgemm2x2ByHand(t *testing.T) {
	// [1 2] [5 6]   [1·5+2·7 1·6+2·8]   [19 22]
	// [3 4] [7 8] = [3·5+4·7 3·6+4·8] = [43 50]
	a := []float64{1, 2, 3, 4}
	b := []float64{5, 6, 7, 8}
	c := []float64{nan(), nan(), nan(), nan()} // beta == 0: never read
	Dgemm(blas.NoTrans, blas.NoTrans, 2, 2, 2, 1, a, 2, b, 2, 0, c, 2)
	checkSliceExact(t, "C", c, []float64{19, 22, 43, 50})

	c32 := []float32{float32(nan()), 0, 0, 0}
	Sgemm(blas.NoTrans, blas.NoTrans, 2, 2, 2, 1, to32(a), 2, to32(b), 2, 0, c32, 2)
	checkSliceExact(t, "C32", to64(c32), []float64{19, 22, 43, 50})
}

func TestGemmTransposesAndLeadingDims(t *testing.T) {
	// op(A) is 2×3 and op(B) is 3×4:
	//
	//	op(A) = [1 2 3]   op(B) = [ 1 0 2 -1]
	//	        [4 5 6]           [ 3 1 0  2]
	//	                          [-2 4 1  0]
	//
	// op(A)·op(B), by hand:
	//	row 0: [1+6-6, 0+2+12, 2+0+3, -1+4+0]    = [1, 14, 5, 3]
	//	row 1: [4+15-12, 0+5+24, 8+0+6, -4+10+0] = [7, 29, 14, 6]
	// With alpha = 2, beta = -0.5 and C0 = [2 4 6 8; 10 12 14 16]:
	//	C = 2·P - 0.5·C0 = [1 26 7 2; 9 52 21 4].
	aN := [][]float64{{1, 2, 3}, {4, 5, 6}}
	aT := [][]float64{{1, 4}, {2, 5}, {3, 6}}
	bN := [][]float64{{1, 0, 2, -1}, {3, 1, 0, 2}, {-2, 4, 1, 0}}
	bT := [][]float64{{1, 3, -2}, {0, 1, 4}, {2, 0, 1}, {-1, 2, 0}}
	c0 := [][]float64{{2, 4, 6, 8}, {10, 12, 14, 16}}
	want := [][]float64{{1, 26, 7, 2}, {9, 52, 21, 4}}
	const m, n, k = 2, 3 + 1, 3
	const sentinel = -12345.5

	for _, tA := range []blas.Transpose{blas.NoTrans, blas.Trans, blas.ConjTrans} {
		for _, tB := range []blas.Transpose{blas.NoTrans, blas.Trans, blas.ConjTrans} {
			for _, pad := range []int{0, 3} {
				name := fmt.Sprintf("%c%c/pad%d", tA, tB, pad)
				aRows := aN
				if tA != blas.NoTrans {
					aRows = aT
				}
				bRows := bN
				if tB != blas.NoTrans {
					bRows = bT
				}
				lda := len(aRows[0]) + pad
				ldb := len(bRows[0]) + pad
				ldc := n + pad
				// NaN padding in A and B: reading it would poison C.
				a := stored(aRows, lda, nan())
				b := stored(bRows, ldb, nan())
				c := stored(c0, ldc, sentinel)
				wantC := stored(want, ldc, sentinel)

				Dgemm(tA, tB, m, n, k, 2, a, lda, b, ldb, -0.5, c, ldc)
				checkSliceExact(t, "Dgemm "+name, c, wantC)

				c32 := to32(stored(c0, ldc, sentinel))
				Sgemm(tA, tB, m, n, k, 2, to32(a), lda, to32(b), ldb, -0.5, c32, ldc)
				checkSliceExact(t, "Sgemm "+name, to64(c32), wantC)
			}
		}
	}
}

func TestGemmSpecialCases(t *testing.T) {
	negZero := math.Copysign(0, -1)
	cases := []struct {
		name        string
		tA, tB      blas.Transpose
		m, n, k     int
		alpha, beta float64
		a, b, c     []float64
		lda, ldb    int
		ldc         int
		want        []float64
	}{
		{
			// alpha == 0 must not read A or B: C = beta·C.
			name: "alpha0 ignores NaN and Inf in A and B",
			m:    2, n: 2, k: 2, alpha: 0, beta: 2,
			a: []float64{nan(), inf(1), 1, 1}, lda: 2,
			b: []float64{inf(-1), 1, nan(), 1}, ldb: 2,
			c: []float64{1, 2, 3, -4}, ldc: 2,
			want: []float64{2, 4, 6, -8},
		},
		{
			// alpha == 0 and beta == 0: C = 0, written without reading C.
			name: "alpha0 beta0 zeroes C",
			m:    1, n: 3, k: 1, alpha: 0, beta: 0,
			a: []float64{nan()}, lda: 1,
			b: []float64{nan(), inf(1), 1}, ldb: 3,
			c: []float64{nan(), inf(-1), negZero}, ldc: 3,
			want: []float64{0, 0, 0},
		},
		{
			// alpha == 0 and beta == 1: C is left exactly as it was.
			name: "alpha0 beta1 leaves C",
			m:    1, n: 3, k: 1, alpha: 0, beta: 1,
			a: []float64{nan()}, lda: 1,
			b: []float64{nan(), nan(), nan()}, ldb: 3,
			c: []float64{nan(), inf(-1), negZero}, ldc: 3,
			want: []float64{nan(), inf(-1), negZero},
		},
		{
			// beta == 0: C is write-only, so NaN/Inf in C do not leak.
			// [1 2]·[3 4]ᵀ... A is 1×2, B is 2×2: [1·3+2·5, 1·4+2·6] = [13 16].
			name: "beta0 does not read C",
			m:    1, n: 2, k: 2, alpha: 1, beta: 0,
			a: []float64{1, 2}, lda: 2,
			b: []float64{3, 4, 5, 6}, ldb: 2,
			c: []float64{nan(), inf(1)}, ldc: 2,
			want: []float64{13, 16},
		},
		{
			// NaN in A times a zero in B is NaN: nothing is skipped.
			name: "NaN in A through zero in B",
			m:    1, n: 2, k: 2, alpha: 1, beta: 0,
			a: []float64{nan(), 1}, lda: 2,
			b: []float64{0, 0, 1, 1}, ldb: 2,
			c: []float64{0, 0}, ldc: 2,
			want: []float64{nan(), nan()},
		},
		{
			// Inf in B times a zero in A is NaN.
			name: "Inf in B through zero in A",
			m:    2, n: 1, k: 2, alpha: 1, beta: 1,
			a: []float64{0, 1, 2, 3}, lda: 2,
			b: []float64{inf(1), 5}, ldb: 1,
			c: []float64{1, 1}, ldc: 1,
			want: []float64{nan(), inf(1)},
		},
		{
			// The product is the empty sum; C = beta·C (alpha is not
			// applied, so alpha = Inf does not make 0·Inf = NaN).
			name: "k0 scales C",
			m:    2, n: 1, k: 0, alpha: inf(1), beta: 3,
			a: []float64{nan()}, lda: 1,
			b: nil, ldb: 1,
			c: []float64{1, -2}, ldc: 1,
			want: []float64{3, -6},
		},
		{
			// m == 0: nothing is read or written, even with nil slices.
			name: "m0",
			m:    0, n: 2, k: 2, alpha: 1, beta: 0,
			a: nil, lda: 2, b: nil, ldb: 2, c: nil, ldc: 2,
			want: nil,
		},
		{
			// Transposed, with alpha and beta both in play:
			// Aᵀ = [1 3; 2 4] (A stored [1 2; 3 4]), B = I,
			// C = 0.5·Aᵀ + (-1)·[1 1; 1 1] = [-0.5 0.5; 0 1].
			name: "trans alpha beta",
			tA:   blas.Trans,
			m:    2, n: 2, k: 2, alpha: 0.5, beta: -1,
			a: []float64{1, 2, 3, 4}, lda: 2,
			b: []float64{1, 0, 0, 1}, ldb: 2,
			c: []float64{1, 1, 1, 1}, ldc: 2,
			want: []float64{-0.5, 0.5, 0, 1},
		},
	}
	for _, tc := range cases {
		tA, tB := tc.tA, tc.tB
		if tA == 0 {
			tA = blas.NoTrans
		}
		if tB == 0 {
			tB = blas.NoTrans
		}
		c := append([]float64(nil), tc.c...)
		Dgemm(tA, tB, tc.m, tc.n, tc.k, tc.alpha, tc.a, tc.lda, tc.b, tc.ldb, tc.beta, c, tc.ldc)
		if tc.want != nil {
			checkSliceExact(t, "Dgemm "+tc.name, c, tc.want)
		}

		var a32, b32, c32 []float32
		if tc.a != nil {
			a32 = to32(tc.a)
		}
		if tc.b != nil {
			b32 = to32(tc.b)
		}
		if tc.c != nil {
			c32 = to32(tc.c)
		}
		Sgemm(tA, tB, tc.m, tc.n, tc.k, float32(tc.alpha), a32, tc.lda, b32, tc.ldb, float32(tc.beta), c32, tc.ldc)
		if tc.want != nil {
			checkSliceExact(t, "Sgemm "+tc.name, to64(c32), tc.want)
		}
	}
}

func TestSgemmAccumulatesInFloat64AndRoundsOnce(t *testing.T) {
	const u = 1.0 / (1 << 24) // 2⁻²⁴: half an ulp of float32 at 1
	want := float32(1 + 2*u)  // 1 + 2⁻²³, the float32 after 1

	// Σ = 1 + 2⁻²⁴ + 2⁻²⁴ = 1 + 2⁻²³ exactly in float64. Accumulating in
	// float32 would give 1 (1 + 2⁻²⁴ is a tie and rounds to even, twice).
	c := []float32{float32(nan())}
	Sgemm(blas.NoTrans, blas.NoTrans, 1, 1, 3, 1, []float32{1, u, u}, 3, []float32{1, 1, 1}, 1, 0, c, 1)
	if c[0] != want {
		t.Errorf("sum accumulation: got %v (%#x), want %v", c[0], math.Float32bits(c[0]), want)
	}

	// alpha·Σ + beta·c = (1 + 2⁻²⁴) + 2⁻⁴⁷, just above the float32 tie
	// between 1 and 1 + 2⁻²³, so one rounding gives 1 + 2⁻²³. Rounding
	// alpha·Σ to float32 first would give 1 (tie to even) and then 1.
	c = []float32{1.0 / (1 << 47)}
	Sgemm(blas.NoTrans, blas.NoTrans, 1, 1, 2, 1, []float32{1, u}, 2, []float32{1, 1}, 1, 1, c, 1)
	if c[0] != want {
		t.Errorf("single rounding: got %v (%#x), want %v", c[0], math.Float32bits(c[0]), want)
	}
}

// TestGemmConsistency checks, on random shapes, strides and values, that
// (1) a product computed from explicitly transposed storage is bit-identical
// to the NoTrans one (the summation order is the same), and (2) Sgemm on
// float32 data equals Dgemm on the same values rounded once to float32 (both
// compute in float64). The hand-computed tests above pin the values; this
// one covers many more shapes and leading dimensions.
func TestGemmConsistency(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	randMat := func(rows, cols, ld int) []float64 {
		s := make([]float64, (rows-1)*ld+cols)
		for i := range s {
			s[i] = nan() // padding
		}
		for i := 0; i < rows; i++ {
			for j := 0; j < cols; j++ {
				s[i*ld+j] = float64(float32(rng.NormFloat64()))
			}
		}
		return s
	}
	transpose := func(x []float64, rows, cols, ld, ldT int) []float64 {
		s := make([]float64, (cols-1)*ldT+rows)
		for i := 0; i < rows; i++ {
			for j := 0; j < cols; j++ {
				s[j*ldT+i] = x[i*ld+j]
			}
		}
		return s
	}
	for iter := 0; iter < 300; iter++ {
		m, n, k := 1+rng.IntN(7), 1+rng.IntN(7), 1+rng.IntN(7)
		lda, ldb, ldc := k+rng.IntN(3), n+rng.IntN(3), n+rng.IntN(3)
		alpha := float64(float32(rng.NormFloat64()))
		beta := []float64{0, 1, float64(float32(rng.NormFloat64()))}[rng.IntN(3)]
		a := randMat(m, k, lda)
		b := randMat(k, n, ldb)
		c0 := randMat(m, n, ldc)

		ref := append([]float64(nil), c0...)
		Dgemm(blas.NoTrans, blas.NoTrans, m, n, k, alpha, a, lda, b, ldb, beta, ref, ldc)

		ldaT, ldbT := m+rng.IntN(3), k+rng.IntN(3)
		aT := transpose(a, m, k, lda, ldaT)
		bT := transpose(b, k, n, ldb, ldbT)
		got := append([]float64(nil), c0...)
		Dgemm(blas.Trans, blas.Trans, m, n, k, alpha, aT, ldaT, bT, ldbT, beta, got, ldc)
		checkSliceExact(t, fmt.Sprintf("iter %d TT vs NN", iter), got, ref)

		c32 := to32(c0)
		Sgemm(blas.NoTrans, blas.NoTrans, m, n, k, float32(alpha), to32(a), lda, to32(b), ldb, float32(beta), c32, ldc)
		want32 := to64(to32(ref))
		checkSliceExact(t, fmt.Sprintf("iter %d Sgemm vs Dgemm", iter), to64(c32), want32)
	}
}

func TestGemmPanics(t *testing.T) {
	NT, T := blas.NoTrans, blas.Trans
	type args struct {
		tA, tB        blas.Transpose
		m, n, k       int
		alpha         float64
		lda, ldb, ldc int
		la, lb, lc    int // slice lengths
	}
	// base: A 2×3 (lda 3), B 3×4 (ldb 4), C 2×4 (ldc 4), minimal lengths.
	base := args{NT, NT, 2, 4, 3, 1, 3, 4, 4, 6, 12, 8}
	call := func(p args) func() {
		return func() {
			a, b, c := make([]float64, p.la), make([]float64, p.lb), make([]float64, p.lc)
			Dgemm(p.tA, p.tB, p.m, p.n, p.k, p.alpha, a, p.lda, b, p.ldb, 0, c, p.ldc)
		}
	}
	call32 := func(p args) func() {
		return func() {
			a, b, c := make([]float32, p.la), make([]float32, p.lb), make([]float32, p.lc)
			Sgemm(p.tA, p.tB, p.m, p.n, p.k, float32(p.alpha), a, p.lda, b, p.ldb, 0, c, p.ldc)
		}
	}
	// The base arguments, and the transposed layouts at their minimal
	// sizes, must be accepted.
	call(base)()
	call(args{T, T, 2, 4, 3, 1, 2, 3, 4, 2*2 + 2, 3*3 + 3, 8})()

	cases := []struct {
		want string
		mod  func(*args)
	}{
		{"ref: bad transpose", func(p *args) { p.tA = 'x' }},
		{"ref: bad transpose", func(p *args) { p.tB = 0 }},
		{"ref: m < 0", func(p *args) { p.m = -1 }},
		{"ref: n < 0", func(p *args) { p.n = -1 }},
		{"ref: k < 0", func(p *args) { p.k = -1 }},
		{"ref: bad lda", func(p *args) { p.lda = 2 }},                         // A stored 2×3
		{"ref: bad lda", func(p *args) { p.tA, p.lda = T, 1 }},                // A stored 3×2
		{"ref: bad ldb", func(p *args) { p.ldb = 3 }},                         // B stored 3×4
		{"ref: bad ldb", func(p *args) { p.tB, p.ldb = T, 2 }},                // B stored 4×3
		{"ref: bad ldc", func(p *args) { p.ldc = 3 }},                         // C is 2×4
		{"ref: bad ldc", func(p *args) { p.m, p.n, p.k, p.ldc = 0, 0, 0, 0 }}, // ld ≥ 1 even when empty
		{"ref: short A", func(p *args) { p.la = 5 }},                          // needs 1·3+3 = 6
		{"ref: short A", func(p *args) { p.tA, p.la = T, 7 }},                 // A stored 3×2, lda 3: needs 2·3+2 = 8
		{"ref: short B", func(p *args) { p.lb = 11 }},                         // needs 2·4+4 = 12
		{"ref: short B", func(p *args) { p.tB, p.lb = T, 14 }},                // B stored 4×3, ldb 4: needs 3·4+3 = 15
		{"ref: short C", func(p *args) { p.lc = 7 }},                          // needs 1·4+4 = 8
		{"ref: short A", func(p *args) { p.alpha, p.la = 0, 5 }},              // checked even when alpha == 0
	}
	for _, tc := range cases {
		p := base
		tc.mod(&p)
		mustPanic(t, tc.want, call(p))
		mustPanic(t, tc.want, call32(p))
	}
}
