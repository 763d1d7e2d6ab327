package kernels

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"unsafe"
)

// TestMicroKernelsMatchSpec runs each level's micro-kernel directly on
// random packed slivers and compares it with microKernelSpec, the
// specification: every element within γ_k·Σ|a·b| (both sum k products in
// order, one with FMAs) plus the epilogue's roundings, for beta zero (C
// not read: it starts as NaN) and non-zero, and for B packed (ldb = nr)
// and in place (ldb > nr, the elements between its rows NaN, so a kernel
// that read one would fail).
func TestMicroKernelsMatchSpec(t *testing.T) {
	forEachSupported(t, func(t *testing.T) {
		testMicro[float32](t, 0x1p-24)
		testMicro[float64](t, 0x1p-53)
	})
}

// forEachSupported runs f as a subtest named after each level this CPU
// supports, at that level, and restores the active level afterwards.
func forEachSupported(t *testing.T, f func(t *testing.T)) {
	prev := active
	defer SetLevel(prev)
	for _, l := range supported {
		SetLevel(l)
		t.Run(l.String(), f)
	}
}

func testMicro[T float32 | float64](t *testing.T, u float64) {
	var zero T
	kern, mr, nr, _ := gemmTile(active, int(unsafe.Sizeof(zero)))
	r := rand.New(rand.NewPCG(1, uint64(mr*nr)))
	for _, k := range []int{1, 3, 4, 5, 37} {
		for _, beta := range []T{0, 1.5} {
			for _, ldb := range []int{nr, nr + 5} {
				testMicroCase(t, u, kern, mr, nr, k, ldb, beta, r)
			}
		}
	}
}

func testMicroCase[T float32 | float64](t *testing.T, u float64, kern microKernelID, mr, nr, k, ldb int, beta T, r *rand.Rand) {
	tiles, ldc := 3, nr+3
	a := make([]T, tiles*mr*k)
	b := make([]T, (k-1)*ldb+nr)
	for i := range a {
		a[i] = T(2*r.Float64() - 1)
	}
	for i := range b {
		b[i] = T(2*r.Float64() - 1)
		if i%ldb >= nr {
			b[i] = T(math.NaN())
		}
	}
	c := make([]T, tiles*mr*ldc)
	for i := range c {
		c[i] = T(r.Float64())
		if beta == 0 {
			c[i] = T(math.NaN())
		}
	}
	want := append([]T(nil), c...)
	microKernelSpec(mr, nr, k, tiles, a, b, ldb, want, ldc, T(0.75), beta)
	runMicroKernel(kern, k, tiles, unsafe.Pointer(&a[0]), unsafe.Pointer(&b[0]), ldb, unsafe.Pointer(&c[0]), ldc, T(0.75), beta)
	g := float64(k+2) * u / (1 - float64(k+2)*u)
	for tt := range tiles {
		for i := range mr {
			for j := range ldc {
				idx := (tt*mr+i)*ldc + j
				what := fmt.Sprintf("k=%d ldb=%d beta=%v tile %d (%d,%d)", k, ldb, beta, tt, i, j)
				if j >= nr {
					if math.Float64bits(float64(c[idx])) != math.Float64bits(float64(want[idx])) && !(c[idx] != c[idx] && want[idx] != want[idx]) {
						t.Fatalf("%s: outside the tile, %v changed to %v", what, want[idx], c[idx])
					}
					continue
				}
				var abs float64
				for l := range k {
					abs += math.Abs(float64(a[tt*mr*k+l*mr+i]) * float64(b[l*ldb+j]))
				}
				tol := 2*g*(0.75*abs+math.Abs(float64(beta))) + 4*u
				if d := math.Abs(float64(c[idx] - want[idx])); !(d <= tol) {
					t.Fatalf("%s: kernel %v, spec %v (tol %g)", what, c[idx], want[idx], tol)
				}
			}
		}
	}
}

// TestRoundUp: roundUp, which the strips' cost model uses in place of
// ceilDiv(x, r)·r, agrees with it for the tile sizes of every level and
// others.
func TestRoundUp(t *testing.T) {
	for _, r := range []int{1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 32, 64, 96} {
		for x := 0; x <= 1000; x++ {
			if got, want := roundUp(x, r), ceilDiv(x, r)*r; got != want {
				t.Fatalf("roundUp(%d, %d) = %d, want %d", x, r, got, want)
			}
		}
	}
}
