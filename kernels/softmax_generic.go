package kernels

// The row primitives Softmax, LogSoftmax and the cross-entropy kernels are
// built from; generic versions, the specification of the assembly.

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

// subScalarGeneric sets dst[i] = x[i] − c.
func subScalarGeneric(dst, x []float32, c float32) {
	for i, v := range x {
		dst[i] = v - c
	}
}

// subScaleGeneric sets dst[i] = (dst[i] − t[i])·scale, rounding the
// difference and then the product.
func subScaleGeneric(dst, t []float32, scale float32) {
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
