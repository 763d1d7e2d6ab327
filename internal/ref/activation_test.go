package ref

import (
	"math"
	"testing"
)

// Tolerances: where the expected value is a closed form of rounded inputs
// (ln 3, e, …) the result can differ from it by the rounding of the input
// times the function's condition number (< 1 for every case here) plus one
// correctly rounded exp/log/tanh (≤ 1 ulp in Go's math) and at most three
// further roundings (±, ÷) of half an ulp each: < 3 ulps. We allow 4.
const closeULPs = 4

func TestExp(t *testing.T) {
	checkExact(t, "Exp(0)", Exp(0), 1)
	checkULP(t, "Exp(1)", Exp(1), math.E, 1)
	checkULP(t, "Exp(ln 2)", Exp(math.Ln2), 2, closeULPs)
	checkExact(t, "Exp(+Inf)", Exp(inf(1)), inf(1))
	checkExact(t, "Exp(-Inf)", Exp(inf(-1)), 0)
	checkExact(t, "Exp(NaN)", Exp(nan()), nan())
	checkExact(t, "Exp(710)", Exp(710), inf(1)) // overflow
	checkExact(t, "Exp(-746)", Exp(-746), 0)    // underflow
}

func TestSigmoid(t *testing.T) {
	ln3 := math.Log(3)
	cases := []struct {
		x, want float64
		ulps    int64
	}{
		{0, 0.5, 0},
		{math.Copysign(0, -1), 0.5, 0},
		{ln3, 0.75, closeULPs},          // 1/(1+1/3)
		{-ln3, 0.25, closeULPs},         // (1/3)/(1+1/3)
		{math.Ln2, 2.0 / 3, closeULPs},  // 1/(1+1/2)
		{-math.Ln2, 1.0 / 3, closeULPs}, // (1/2)/(1+1/2)
		{40, 1, 0},                      // 1/(1+4.2e-18) rounds to 1
		{800, 1, 0},                     // e^-800 underflows to 0
		{-800, 0, 0},                    // e^-800 underflows: +0, not NaN
		{inf(1), 1, 0},
		{inf(-1), 0, 0},
		{nan(), nan(), 0},
	}
	for _, c := range cases {
		checkULP(t, "Sigmoid", Sigmoid(c.x), c.want, c.ulps)
	}
	// Deep in the negative tail the stable form keeps full relative
	// accuracy: σ(-700) = e^-700/(1+e^-700), and 1+e^-700 rounds to 1.
	checkExact(t, "Sigmoid(-700)", Sigmoid(-700), math.Exp(-700))
	if s := Sigmoid(-700); s == 0 {
		t.Errorf("Sigmoid(-700) underflowed to 0")
	}
}

func TestTanh(t *testing.T) {
	checkExact(t, "Tanh(0)", Tanh(0), 0)
	checkExact(t, "Tanh(-0)", Tanh(math.Copysign(0, -1)), math.Copysign(0, -1))
	// tanh(ln 2) = (2 - 1/2)/(2 + 1/2) = 3/5.
	checkULP(t, "Tanh(ln 2)", Tanh(math.Ln2), 0.6, closeULPs)
	checkULP(t, "Tanh(-ln 2)", Tanh(-math.Ln2), -0.6, closeULPs)
	checkExact(t, "Tanh(+Inf)", Tanh(inf(1)), 1)
	checkExact(t, "Tanh(-Inf)", Tanh(inf(-1)), -1)
	checkExact(t, "Tanh(NaN)", Tanh(nan()), nan())
}

func TestReLU(t *testing.T) {
	negZero := math.Copysign(0, -1)
	cases := []struct{ x, want float64 }{
		{3, 3},
		{math.SmallestNonzeroFloat64, math.SmallestNonzeroFloat64},
		{-2, 0},
		{0, 0},
		{negZero, 0}, // +0, not -0: checkExact distinguishes them
		{-math.SmallestNonzeroFloat64, 0},
		{inf(1), inf(1)},
		{inf(-1), 0},
		{nan(), nan()},
	}
	for _, c := range cases {
		got := ReLU(c.x)
		checkExact(t, "ReLU", got, c.want)
		if got == 0 && math.Signbit(got) {
			t.Errorf("ReLU(%v) = -0, want +0", c.x)
		}
	}
}

func TestReLUGrad(t *testing.T) {
	cases := []struct{ dy, x, want float64 }{
		{5, 1, 5},
		{-5, 1e-300, -5},
		{5, 0, 0},
		{5, math.Copysign(0, -1), 0},
		{5, -1, 0},
		{5, nan(), 0}, // NaN > 0 is false
		{nan(), 1, nan()},
		{nan(), -1, 0},
		{inf(1), 2, inf(1)},
		{5, inf(1), 5},
		{5, inf(-1), 0},
	}
	for _, c := range cases {
		checkExact(t, "ReLUGrad", ReLUGrad(c.dy, c.x), c.want)
	}
}

func TestLeakyReLU(t *testing.T) {
	// slope 0.25 keeps every product exact.
	cases := []struct{ x, slope, want float64 }{
		{2, 0.25, 2},
		{-2, 0.25, -0.5},
		{0, 0.25, 0},
		{math.Copysign(0, -1), 0.25, math.Copysign(0, -1)}, // 0.25·(-0)
		{inf(1), 0.25, inf(1)},
		{inf(-1), 0.25, inf(-1)},
		{nan(), 0.25, nan()},
		{-2, 0, math.Copysign(0, -1)}, // slope·x = 0·(-2) = -0 (unlike ReLU)
		{-2, -1, 2},                   // any slope is allowed
	}
	for _, c := range cases {
		checkExact(t, "LeakyReLU", LeakyReLU(c.x, c.slope), c.want)
	}
}

func TestLeakyReLUGrad(t *testing.T) {
	cases := []struct{ dy, x, slope, want float64 }{
		{4, 1, 0.25, 4},
		{4, -1, 0.25, 1},
		{4, 0, 0.25, 1},
		{4, nan(), 0.25, 1}, // NaN x takes the slope branch
		{-8, inf(-1), 0.25, -2},
		{nan(), 1, 0.25, nan()},
	}
	for _, c := range cases {
		checkExact(t, "LeakyReLUGrad", LeakyReLUGrad(c.dy, c.x, c.slope), c.want)
	}
}

func TestSigmoidAndTanhGrad(t *testing.T) {
	// Dyadic operands: every product below is exact.
	checkExact(t, "SigmoidGrad(2, 0.25)", SigmoidGrad(2, 0.25), 0.375) // 2·¼·¾
	checkExact(t, "SigmoidGrad(1, 0.5)", SigmoidGrad(1, 0.5), 0.25)
	checkExact(t, "SigmoidGrad(3, 1)", SigmoidGrad(3, 1), 0)
	checkExact(t, "SigmoidGrad(NaN, 0.5)", SigmoidGrad(nan(), 0.5), nan())
	checkExact(t, "TanhGrad(2, 0.5)", TanhGrad(2, 0.5), 1.5) // 2·(1-¼)
	checkExact(t, "TanhGrad(2, -0.5)", TanhGrad(2, -0.5), 1.5)
	checkExact(t, "TanhGrad(3, 1)", TanhGrad(3, 1), 0)
	checkExact(t, "TanhGrad(1, 0)", TanhGrad(1, 0), 1)

	// Against a central difference of the forward function: the
	// derivative of σ at x is σ(x)(1-σ(x)), of tanh is 1-tanh². With
	// h = 2⁻¹⁶ the truncation error is h²·|f⁽³⁾|/6 < 2.4e-11 (|f⁽³⁾| ≤ 1
	// for σ, ≤ 2 for tanh) and the rounding error about u/h ≈ 7e-12, so
	// 1e-10 is a safe, still meaningful bound.
	const h = 1.0 / (1 << 16)
	for _, x := range []float64{-3, -0.5, 0, 0.7, 2.5} {
		g := make([]float64, 1)
		CentralDiff(func(v []float64) float64 { return Sigmoid(v[0]) }, []float64{x}, h, g)
		checkAbs(t, "SigmoidGrad vs diff", SigmoidGrad(1, Sigmoid(x)), g[0], 1e-10)
		CentralDiff(func(v []float64) float64 { return Tanh(v[0]) }, []float64{x}, h, g)
		checkAbs(t, "TanhGrad vs diff", TanhGrad(1, Tanh(x)), g[0], 1e-10)
	}
}
