package kernels_test

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/blas/gonum"

	"github.com/emberml/ember/internal/testutil"
	"github.com/emberml/ember/kernels"
)

// TestImplementationLevel1 checks Implementation's Sdot, Saxpy and Sscal:
// unit strides against the package's kernels (Saxpy as Axpy bit for bit,
// Sdot within Dot's bound of gonum's), other strides bit for bit against
// gonum's, Sscal bit for bit against gonum's, and that every argument
// error panics as gonum's does.
func TestImplementationLevel1(t *testing.T) {
	var impl kernels.Implementation
	var g gonum.Implementation
	testutil.ForEachLevel(t, func(t *testing.T) {
		r := testutil.NewRand(6)
		for _, n := range []int{1, 3, 15, 16, 17, 100, 1000} {
			for _, inc := range []int{1, 2, -1} {
				step := max(inc, -inc)
				x := testutil.Float32s(r, (n-1)*step+1, -1, 1)
				y := testutil.Float32s(r, (n-1)*step+1, -1, 1)

				got, want := impl.Sdot(n, x, inc, y, inc), g.Sdot(n, x, inc, y, inc)
				var absSum float64
				for i := range x {
					absSum += math.Abs(float64(x[i]) * float64(y[i]))
				}
				if d := math.Abs(float64(got) - float64(want)); d > 2*testutil.Gamma(n, testutil.Float32Unit)*absSum {
					t.Errorf("Sdot n=%d inc=%d: %v, gonum %v", n, inc, got, want)
				}

				// Unit strides are ember's Axpy (the product rounded before
				// the sum at every level); others are gonum's own, whose
				// y += alpha·x the compiler fuses on some architectures.
				y1, y2 := append([]float32(nil), y...), append([]float32(nil), y...)
				impl.Saxpy(n, -0.3, x, inc, y1, inc)
				if inc == 1 {
					kernels.Axpy(-0.3, x[:n], y2[:n])
				} else {
					g.Saxpy(n, -0.3, x, inc, y2, inc)
				}
				for i := range y1 {
					if math.Float32bits(y1[i]) != math.Float32bits(y2[i]) {
						t.Fatalf("Saxpy n=%d inc=%d: y[%d] = %v, gonum %v", n, inc, i, y1[i], y2[i])
					}
				}

				for _, alpha := range []float32{1.7, 0} {
					x1, x2 := append([]float32(nil), x...), append([]float32(nil), x...)
					x1[0], x2[0] = float32(math.NaN()), float32(math.NaN())
					impl.Sscal(n, alpha, x1, max(inc, 1))
					g.Sscal(n, alpha, x2, max(inc, 1))
					for i := range x1 {
						if math.Float32bits(x1[i]) != math.Float32bits(x2[i]) && !(math.IsNaN(float64(x1[i])) && math.IsNaN(float64(x2[i]))) {
							t.Fatalf("Sscal n=%d inc=%d alpha=%v: x[%d] = %v, gonum %v", n, inc, alpha, i, x1[i], x2[i])
						}
					}
				}
			}
		}
	})
	x, y := make([]float32, 4), make([]float32, 4)
	for _, c := range []struct {
		name       string
		n, ix, iy  int
		lenX, lenY int
	}{
		{"zero incX", 3, 0, 1, 4, 4},
		{"zero incY", 3, 1, 0, 4, 4},
		{"n < 0", -1, 1, 1, 4, 4},
		{"short x", 5, 1, 1, 4, 4},
		{"short y", 3, 1, 1, 4, 2},
	} {
		xs, ys := x[:c.lenX], y[:c.lenY]
		pairs := []struct{ got, want func() }{
			{func() { impl.Sdot(c.n, xs, c.ix, ys, c.iy) }, func() { g.Sdot(c.n, xs, c.ix, ys, c.iy) }},
			{func() { impl.Saxpy(c.n, 2, xs, c.ix, ys, c.iy) }, func() { g.Saxpy(c.n, 2, xs, c.ix, ys, c.iy) }},
			{func() { impl.Sscal(c.n, 2, ys, c.iy) }, func() { g.Sscal(c.n, 2, ys, c.iy) }},
		}
		for i, p := range pairs {
			if got, want := panicMessage(p.got), panicMessage(p.want); got != want {
				t.Errorf("%s, routine %d: panic %q, gonum's %q", c.name, i, got, want)
			}
		}
	}
}

// BenchmarkImplementationLevel1 compares Implementation's Sdot, Saxpy and
// Sscal with gonum's (SSE assembly) at n = 4096, in GB/s of vectors read.
func BenchmarkImplementationLevel1(b *testing.B) {
	x, y := make([]float32, 4096), make([]float32, 4096)
	impls := []struct {
		name string
		blas interface {
			Sdot(int, []float32, int, []float32, int) float32
			Saxpy(int, float32, []float32, int, []float32, int)
			Sscal(int, float32, []float32, int)
		}
	}{{"ember", kernels.Implementation{}}, {"gonum", gonum.Implementation{}}}
	for _, impl := range impls {
		for _, r := range []struct {
			name  string
			bytes int
			call  func()
		}{
			{"Sdot", 8, func() { impl.blas.Sdot(len(x), x, 1, y, 1) }},
			{"Saxpy", 8, func() { impl.blas.Saxpy(len(x), 1e-9, x, 1, y, 1) }},
			{"Sscal", 4, func() { impl.blas.Sscal(len(x), 1, y, 1) }},
		} {
			b.Run(r.name+"/"+impl.name+"/4096", func(b *testing.B) {
				for b.Loop() {
					r.call()
				}
				b.ReportMetric(float64(r.bytes*len(x))*float64(b.N)/b.Elapsed().Seconds()/1e9, "GB/s")
			})
		}
	}
}
