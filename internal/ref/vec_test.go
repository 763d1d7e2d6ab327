package ref

import (
	"math"
	"testing"
)

func TestAxpy(t *testing.T) {
	got := Axpy(2, []float32{1, -3, 0.5}, []float32{10, 1, -1})
	want := []float32{12, -5, 0}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Axpy[%d] = %g, want %g", i, got[i], want[i])
		}
	}
	// The product is rounded before the sum. With a = 1+2⁻¹², the exact
	// a·a = 1+2⁻¹¹+2⁻²⁴ rounds (a tie, to even) to 1+2⁻¹¹, so a·a − 1 gives
	// 2⁻¹¹; a fused multiply-add would give 2⁻¹¹+2⁻²⁴, which is a float32.
	a := float32(1 + 0x1p-12)
	if got := Axpy(a, []float32{a}, []float32{-1})[0]; got != 0x1p-11 {
		t.Errorf("Axpy rounding: got %g, want 2^-11", got)
	}
}

func TestDot(t *testing.T) {
	d, abs := Dot([]float32{1, -2, 3}, []float32{4, 5, -6})
	if d != 4-10-18 || abs != 4+10+18 {
		t.Errorf("Dot = %g, %g; want -24, 32", d, abs)
	}
	d, _ = Dot([]float32{float32(math.Inf(1)), 1}, []float32{0, 1})
	if !math.IsNaN(d) {
		t.Errorf("Dot with Inf·0 = %g, want NaN", d)
	}
}

func TestAllFinite(t *testing.T) {
	inf, nan := float32(math.Inf(1)), float32(math.NaN())
	for _, c := range []struct {
		x    []float32
		want bool
	}{
		{nil, true},
		{[]float32{0, -1, math.MaxFloat32, -math.MaxFloat32, 0x1p-149}, true},
		{[]float32{1, nan}, false},
		{[]float32{inf, 1}, false},
		{[]float32{1, -inf, 1}, false},
	} {
		if got := AllFinite(c.x); got != c.want {
			t.Errorf("AllFinite(%v) = %v, want %v", c.x, got, c.want)
		}
	}
}

func TestScale(t *testing.T) {
	got := Scale(-0.5, []float32{2, -3, 0})
	want := []float32{-1, 1.5, 0}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Scale[%d] = %g, want %g", i, got[i], want[i])
		}
	}
	if !math.Signbit(float64(got[2])) {
		t.Error("Scale(-0.5, 0) must be -0")
	}
}
