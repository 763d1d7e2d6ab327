package testutil

import (
	"math"
	"strings"
	"testing"
	"unsafe"

	"gonum.org/v1/gonum/blas"
)

func TestULPDistance(t *testing.T) {
	one := float32(1)
	negZero := float32(math.Copysign(0, -1))
	nan := float32(math.NaN())
	for _, c := range []struct {
		a, b float32
		want uint32
	}{
		{one, one, 0},
		{0, negZero, 0},
		{one, math.Nextafter32(one, 2), 1},
		{one, math.Nextafter32(math.Nextafter32(one, 2), 2), 2},
		{0x1p-149, -0x1p-149, 2}, // across zero: -min, 0, +min
		{math.MaxFloat32, float32(math.Inf(1)), 1},
		{nan, nan, 0},
		{nan, one, math.MaxUint32},
		{2, 1, 1 << 23}, // one binade of float32
	} {
		if got := ULPDistance(c.a, c.b); got != c.want {
			t.Errorf("ULPDistance(%g, %g) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestSameFloat32(t *testing.T) {
	if SameFloat32(0, float32(math.Copysign(0, -1))) {
		t.Error("+0 and -0 must differ bitwise")
	}
	if !SameFloat32(math.Float32frombits(0x7fc00000), math.Float32frombits(0xffc12345)) {
		t.Error("two NaNs must count as the same")
	}
	if SameFloat32(1, math.Nextafter32(1, 2)) {
		t.Error("neighbours must differ")
	}
}

func TestGamma(t *testing.T) {
	// γ_1 with u = 2^-24 is u/(1-u), exactly.
	if got, want := Gamma(1, Float32Unit), Float32Unit/(1-Float32Unit); got != want {
		t.Errorf("Gamma(1) = %g, want %g", got, want)
	}
	defer func() {
		if recover() == nil {
			t.Error("Gamma with n·u >= 1 did not panic")
		}
	}()
	Gamma(1<<24, Float32Unit)
}

func TestGemmBound(t *testing.T) {
	// 1×1 result, k = 2: |α|(|a0||b0| + |a1||b1|) + |β||c| = 2(1·3 + 2·4) + 0.5·10 = 27.
	a := []float64{1, -2}
	b := []float64{3, 4}
	c := []float64{-10}
	got := GemmBound(blas.NoTrans, blas.NoTrans, 1, 1, 2, -2, a, 2, b, 1, 0.5, c, 1, Float64Unit)
	want := 27 * Gamma(4, Float64Unit)
	if len(got) != 1 || got[0] != want {
		t.Errorf("GemmBound = %v, want [%g]", got, want)
	}
	// With A transposed the same numbers sit in a column.
	got = GemmBound(blas.Trans, blas.NoTrans, 1, 1, 2, -2, a, 1, b, 1, 0.5, c, 1, Float64Unit)
	if got[0] != want {
		t.Errorf("GemmBound(Trans) = %v, want [%g]", got, want)
	}
}

func TestMixedHasSpecialsAndFinites(t *testing.T) {
	s := Mixed(NewRand(1), 1000)
	var nan, inf, finite int
	for _, v := range s {
		switch {
		case v != v:
			nan++
		case math.IsInf(float64(v), 0):
			inf++
		default:
			finite++
		}
	}
	if nan == 0 || inf == 0 || finite < 800 {
		t.Errorf("Mixed(1000): %d NaN, %d Inf, %d finite", nan, inf, finite)
	}
}

// sink keeps the compiler from dropping the wrong kernels' unused loads.
var sink float32

// overReadByOne is a deliberately wrong kernel: it sums one element past
// the end of x, as an off-by-one vector tail would.
func overReadByOne(x []float32) float32 {
	p := unsafe.Pointer(unsafe.SliceData(x))
	var s float32
	for i := 0; i <= len(x); i++ {
		s += *(*float32)(unsafe.Add(p, i*4))
	}
	return s
}

// underReadByOne reads the element before x[0], as a "redo the last full
// vector" tail that backs up too far would.
func underReadByOne(x []float32) float32 {
	return *(*float32)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(x)), -4)) + x[0]
}

func TestGuardPagesCatchWrongKernels(t *testing.T) {
	for _, n := range []int{1, 7, 1024, 1025} {
		after := GuardedFloat32s(t, n, GuardAfter)
		if err := NoFault(func() { sink = overReadByOne(after) }); err == nil {
			t.Errorf("n=%d: reading past the end did not fault", n)
		} else if !strings.Contains(err.Error(), "fault") {
			t.Errorf("n=%d: unexpected error %v", n, err)
		}
		before := GuardedFloat32s(t, n, GuardBefore)
		if err := NoFault(func() { sink = underReadByOne(before) }); err == nil {
			t.Errorf("n=%d: reading before the start did not fault", n)
		}
		// In-bounds access is fine on both sides, and the memory is writable.
		for _, s := range [][]float32{after, before} {
			if err := NoFault(func() {
				for i := range s {
					s[i] = float32(i)
				}
				sink = s[0] + s[len(s)-1]
			}); err != nil {
				t.Errorf("n=%d: in-bounds access faulted: %v", n, err)
			}
		}
	}
}

func TestNoFaultPassesOtherPanics(t *testing.T) {
	defer func() {
		if r := recover(); r != "boom" {
			t.Errorf("recovered %v, want the original panic", r)
		}
	}()
	_ = NoFault(func() { panic("boom") })
	t.Error("NoFault swallowed a panic")
}
