package kernels

import "math"

// The generic exp, sigmoid and tanh: the specification of the assembly,
// which follows the same steps with the same constants (the assembly
// always fuses where fma is written here; Go's compiler may or may not
// fuse elsewhere, which the ulp bounds allow for).

// Constants of exp. Above expMax every float32 result overflows to +Inf;
// below expMin it rounds to +0 (e^-104 < 2^-150, half the smallest
// subnormal), so inputs are clamped to [expMin, expMax] first, with x as
// the operand whose NaN survives the clamp.
const (
	expMax = 88.8
	expMin = -104
	log2e  = 1.44269504088896341
	// ln2Hi has 12 trailing zero bits, so n·ln2Hi is exact for |n| ≤ 2^12
	// and x − n·ln2Hi is exact (Cody and Waite's reduction).
	ln2Hi = 0.693145751953125
	ln2Lo = 1.42860682030941723212e-6
)

// expPoly are the coefficients of q in e^r ≈ 1 + r + r²·q(r) on
// |r| ≤ ln2/2, q(r) = expPoly[0] + expPoly[1]·r + … + expPoly[4]·r⁴: a
// weighted minimax fit (Lawson's algorithm on 3000 Chebyshev nodes) with
// relative error 3.1e-9 before rounding to float32, against 6.0e-8 for one
// float32 ulp.
var expPoly = [5]float32{0.49999994, 0.166665211, 0.041668389, 0.00836871006, 0.00138146104}

// tanhPoly are the coefficients of q in tanh(x) ≈ x·(1 + u·q(u)), u = x²,
// for |x| < tanhSmall: relative error 4.4e-9 before rounding to float32.
var tanhPoly = [5]float32{-0.333332807, 0.133314416, -0.0537397116, 0.0206390787, -0.00570497848}

// tanhSmall is where tanh switches from its polynomial to
// 1 − 2/(e^{2|x|}+1); from there on the subtraction loses at most a factor
// 0.8 of the quotient's relative error.
const tanhSmall = 0.625

// fma32 is a fused multiply-add in float32: x·y + z rounded once, as the
// FMA instructions do it (the float64 product of two float32s is exact;
// the sum then rounds twice, to float64 and to float32, which can differ
// from a single rounding only when the float64 sum lies exactly halfway
// between two float32s after its own rounding — within the ulp bounds).
func fma32(x, y, z float32) float32 {
	return float32(math.FMA(float64(x), float64(y), float64(z)))
}

// exp32 is e^x for one element.
func exp32(x float32) float32 {
	if x != x {
		return x // NaN stays NaN; the assembly gets the same from its clamp
	}
	x = min(max(x, expMin), expMax)
	n := float32(math.RoundToEven(float64(x * log2e)))
	r := fma32(-n, ln2Hi, x)
	r = fma32(-n, ln2Lo, r)
	q := fma32(expPoly[4], r, expPoly[3])
	q = fma32(q, r, expPoly[2])
	q = fma32(q, r, expPoly[1])
	q = fma32(q, r, expPoly[0])
	p := fma32(q, r*r, r) + 1
	// 2^n as two factors, each a normal float32 for n in [−150, 128].
	ni := int32(n)
	n1 := ni >> 1
	n2 := ni - n1
	s1 := math.Float32frombits(uint32(n1+127) << 23)
	s2 := math.Float32frombits(uint32(n2+127) << 23)
	return p * s1 * s2
}

// sigmoid32 is 1/(1+e^−x) for one element, formed from e = e^−|x| so that
// nothing overflows and tiny results keep their relative accuracy:
// 1/(1+e) for x ≥ 0, e/(1+e) for x < 0.
func sigmoid32(x float32) float32 {
	e := exp32(-abs32(x))
	num := float32(1)
	if x < 0 {
		num = e
	}
	return num / (1 + e)
}

// tanh32 is tanh(x) for one element: x·(1 + x²·q(x²)) for |x| < tanhSmall
// (no cancellation near 0, and tanh(±0) = ±0), else 1 − 2/(e^{2|x|}+1)
// with x's sign.
func tanh32(x float32) float32 {
	a := abs32(x)
	var t float32
	if a < tanhSmall {
		u := a * a
		q := fma32(tanhPoly[4], u, tanhPoly[3])
		q = fma32(q, u, tanhPoly[2])
		q = fma32(q, u, tanhPoly[1])
		q = fma32(q, u, tanhPoly[0])
		t = a * fma32(q, u, 1)
	} else {
		e := exp32(a + a)
		t = 1 - 2/(e+1)
	}
	return math.Float32frombits(math.Float32bits(t) | math.Float32bits(x)&(1<<31))
}

func abs32(x float32) float32 { return math.Float32frombits(math.Float32bits(x) &^ (1 << 31)) }

func expGeneric(dst, x []float32) {
	for i, v := range x {
		dst[i] = exp32(v)
	}
}

func sigmoidGeneric(dst, x []float32) {
	for i, v := range x {
		dst[i] = sigmoid32(v)
	}
}

func tanhGeneric(dst, x []float32) {
	for i, v := range x {
		dst[i] = tanh32(v)
	}
}

func sigmoidGradGeneric(dst, dy, y []float32) {
	for i := range dst {
		yi := y[i]
		dst[i] = dy[i] * (yi * (1 - yi))
	}
}

func tanhGradGeneric(dst, dy, y []float32) {
	for i := range dst {
		yi := y[i]
		dst[i] = dy[i] * ((1 - yi) * (1 + yi))
	}
}

func leakyReLUGeneric(dst, x []float32, slope float32) {
	for i, v := range x {
		if !(v > 0) {
			v *= slope
		}
		dst[i] = v
	}
}

func leakyReLUGradGeneric(dst, dy, x []float32, slope float32) {
	for i := range dst {
		g := dy[i]
		if !(x[i] > 0) {
			g *= slope
		}
		dst[i] = g
	}
}
