package kernels

// The generic row operations (see rowops.go): the specification of the
// assembly. The float32 sums may be formed in any order (the assembly sums
// lane by lane). The loss reductions form float32 terms and sum them in
// float64; the assembly forms the same terms and adds them in float64
// lanes (a different order, far below the terms' own float32 error).

// rowMaxGeneric returns the largest element of x (len(x) ≥ 1), or NaN if
// any element is NaN.
func rowMaxGeneric(x []float32) float32 {
	m := x[0]
	for _, v := range x {
		if v != v {
			return v
		}
		m = max(m, v)
	}
	return m
}

// expShiftSumGeneric sets dst[i] = e^(x[i]−shift) and returns their float32
// sum (in any order: the assembly sums lane by lane).
func expShiftSumGeneric(dst, x []float32, shift float32) float32 {
	var s float32
	for i, v := range x {
		e := exp32(v - shift)
		dst[i] = e
		s += e
	}
	return s
}

// expShiftSumNoStoreGeneric returns Σ e^(x[i]−shift) without storing the
// terms.
func expShiftSumNoStoreGeneric(x []float32, shift float32) float32 {
	var s float32
	for _, v := range x {
		s += exp32(v - shift)
	}
	return s
}

// subConstGeneric sets dst[i] = x[i] − c.
func subConstGeneric(dst, x []float32, c float32) {
	for i, v := range x {
		dst[i] = v - c
	}
}

// scaledDiffGeneric sets dst[i] = (dst[i] − t[i])·scale, rounding the
// difference and then the product.
func scaledDiffGeneric(dst, t []float32, scale float32) {
	for i := range dst {
		dst[i] = (dst[i] - t[i]) * scale
	}
}

// addGeneric sets dst[i] = x[i] + y[i].
func addGeneric(dst, x, y []float32) {
	for i := range dst {
		dst[i] = x[i] + y[i]
	}
}

// log1pPoly are the coefficients of q in log(1+e) ≈ e·(1 + e·q(e)) for
// 0 ≤ e ≤ 1 (q of degree 8): a weighted minimax fit (Lawson's algorithm on
// 4000 Chebyshev nodes) with relative error 5.1e-9 before rounding to
// float32. BCE takes it of e = e^−|z| ∈ (0, 1], where a log of 1+e would
// lose e's low bits.
var log1pPoly = [9]float32{-0.499999315, 0.33330512, -0.249585867, 0.196953952, -0.153553814, 0.10680531, -0.0576642007, 0.0202044565, -0.00331844389}

// log1p32 is log(1+e) for 0 ≤ e ≤ 1.
func log1p32(e float32) float32 {
	q := log1pPoly[8]
	for j := 7; j >= 0; j-- {
		q = fma32(q, e, log1pPoly[j])
	}
	return float32(e * fma32(q, e, 1))
}

// bceTerm is max(z, 0) − z·y + log(1 + e^−|z|), rounded step by step
// (the conversions stop the compiler fusing a product into the following
// addition, as arm64's would).
func bceTerm(z, y float32) float32 {
	return (max(z, 0) - float32(z*y)) + log1p32(exp32(-abs32(z)))
}

func sqDiffSumGeneric(x, y []float32) float64 {
	var s float64
	for i := range x {
		d := x[i] - y[i]
		s += float64(d * d)
	}
	return s
}

func bceLogitsSumGeneric(z, y []float32) float64 {
	var s float64
	for i := range z {
		s += float64(bceTerm(z[i], y[i]))
	}
	return s
}
