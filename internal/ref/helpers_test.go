package ref

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// ulps returns the distance between a and b in units in the last place:
// the number of float64 values strictly after the smaller one up to and
// including the larger one (0 if a == b, and +0 and -0 are 0 apart). It
// returns math.MaxInt64 if exactly one of them is NaN or they are infinities
// of different signs, and 0 if both are NaN.
func ulps(a, b float64) int64 {
	if math.IsNaN(a) || math.IsNaN(b) {
		if math.IsNaN(a) && math.IsNaN(b) {
			return 0
		}
		return math.MaxInt64
	}
	if a == b {
		return 0
	}
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return math.MaxInt64
	}
	// Map the float64 bit patterns onto a monotonic integer line.
	ord := func(x float64) int64 {
		i := int64(math.Float64bits(x))
		if i < 0 {
			i = math.MinInt64 - i
		}
		return i
	}
	d := ord(a) - ord(b)
	if d < 0 {
		d = -d
	}
	return d
}

// checkULP fails t if got and want are more than maxULP ulps apart. NaN
// matches only NaN; infinities match only themselves.
func checkULP(t *testing.T, what string, got, want float64, maxULP int64) {
	t.Helper()
	if d := ulps(got, want); d > maxULP {
		t.Errorf("%s = %v, want %v (%d ulps apart, allowed %d)", what, got, want, d, maxULP)
	}
}

// checkAbs fails t if |got-want| > tol. NaN matches only NaN; an infinity
// matches only the same infinity.
func checkAbs(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	switch {
	case math.IsNaN(want) || math.IsNaN(got):
		if !(math.IsNaN(want) && math.IsNaN(got)) {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	case math.IsInf(want, 0) || math.IsInf(got, 0):
		if got != want {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	case math.Abs(got-want) > tol:
		t.Errorf("%s = %v, want %v (|diff| %.3g > %.3g)", what, got, want, math.Abs(got-want), tol)
	}
}

// checkExact fails t unless got and want are the same value: NaN matches
// NaN, and +0 and -0 are distinguished.
func checkExact(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.IsNaN(want) && math.IsNaN(got) {
		return
	}
	if got != want || math.Signbit(got) != math.Signbit(want) {
		t.Errorf("%s = %v, want exactly %v", what, got, want)
	}
}

// checkSliceExact applies checkExact elementwise and checks the lengths.
func checkSliceExact(t *testing.T, what string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: len %d, want %d", what, len(got), len(want))
	}
	for i := range want {
		checkExact(t, fmt.Sprintf("%s[%d]", what, i), got[i], want[i])
	}
}

// mustPanic fails t unless f panics with exactly the string want, which
// must begin with "ref: ".
func mustPanic(t *testing.T, want string, f func()) {
	t.Helper()
	if !strings.HasPrefix(want, "ref: ") {
		t.Fatalf("bad test: expected panic %q does not start with \"ref: \"", want)
	}
	defer func() {
		t.Helper()
		r := recover()
		if r == nil {
			t.Errorf("no panic, want %q", want)
			return
		}
		if s, ok := r.(string); !ok || s != want {
			t.Errorf("panic %#v, want %q", r, want)
		}
	}()
	f()
}

func nan() float64      { return math.NaN() }
func inf(s int) float64 { return math.Inf(s) }

func TestULPs(t *testing.T) {
	// The helper itself must be right for the other tests to mean anything.
	one := 1.0
	next := math.Nextafter(one, 2)
	cases := []struct {
		a, b float64
		want int64
	}{
		{1, 1, 0},
		{0, math.Copysign(0, -1), 0},
		{one, next, 1},
		{next, one, 1},
		{math.SmallestNonzeroFloat64, -math.SmallestNonzeroFloat64, 2},
		{1, math.Nextafter(math.Nextafter(1, 0), 0), 2},
		{nan(), nan(), 0},
		{nan(), 1, math.MaxInt64},
		{inf(1), math.MaxFloat64, math.MaxInt64},
	}
	for _, c := range cases {
		if got := ulps(c.a, c.b); got != c.want {
			t.Errorf("ulps(%v, %v) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
