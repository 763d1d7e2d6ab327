package kernels_test

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/emberml/ember/internal/ref"
	"github.com/emberml/ember/internal/testutil"
	"github.com/emberml/ember/kernels"
)

func expectPanic(t *testing.T, what, want string, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		r := recover()
		msg := fmt.Sprint(r)
		if r == nil || !strings.HasPrefix(msg, "kernels: ") || !strings.Contains(msg, want) {
			t.Errorf("%s: panic %q, want one starting \"kernels: \" and containing %q", what, msg, want)
		}
	}()
	f()
}

// TestBadArguments checks that misuse panics with a clear message before
// any element is touched.
func TestBadArguments(t *testing.T) {
	a, b := make([]float32, 20), make([]float32, 21)
	buf := make([]float32, 40)
	expectPanic(t, "Axpy lengths", "len(x) = 20 != len(y) = 21", func() { kernels.Axpy(1, a, b) })
	expectPanic(t, "Dot lengths", "len(x) = 20 != len(y) = 21", func() { kernels.Dot(a, b) })
	expectPanic(t, "ReLU lengths", "len(dst) = 21 != len(x) = 20", func() { kernels.ReLU(b, a) })
	expectPanic(t, "ReLUGrad dy", "len(dst) = 20 != len(dy) = 21", func() { kernels.ReLUGrad(a, b, a) })
	expectPanic(t, "ReLUGrad x", "len(dst) = 20 != len(x) = 21", func() { kernels.ReLUGrad(a, a, b) })
	expectPanic(t, "Axpy overlap", "overlap", func() { kernels.Axpy(1, buf[:20], buf[1:21]) })
	expectPanic(t, "ReLU overlap", "overlap", func() { kernels.ReLU(buf[5:25], buf[:20]) })
	expectPanic(t, "ReLUGrad overlap", "overlap", func() { kernels.ReLUGrad(buf[:20], buf[19:39], a) })
}

// TestInPlace checks the aliasing each kernel documents as allowed: the
// output may be an input itself.
func TestInPlace(t *testing.T) {
	forInPlaceInputs(t, 11, func(t *testing.T, x, dy []float32) {
		checkUnaryInPlace(t, "ReLU", x, kernels.ReLU)
		checkGradInPlace(t, "ReLUGrad", dy, x, kernels.ReLUGrad)

		got := append([]float32(nil), x...)
		kernels.Axpy(-0.5, got, got)
		checkSame(t, fmt.Sprintf("Axpy(x, x) n=%d", len(x)), got, ref.Axpy(-0.5, x, x), nil)
	})
}

// forInPlaceInputs runs f at every level on inputs x and dy of lengths 3,
// 16, 37 and 300, drawn by testutil.Mixed from a generator seeded with
// seed.
func forInPlaceInputs(t *testing.T, seed uint64, f func(t *testing.T, x, dy []float32)) {
	testutil.ForEachLevel(t, func(t *testing.T) {
		r := testutil.NewRand(seed)
		for _, n := range []int{3, 16, 37, 300} {
			x := testutil.Mixed(r, n)
			dy := testutil.Mixed(r, n)
			f(t, x, dy)
		}
	})
}

// checkUnaryInPlace checks that call(x, x) on a copy of x gives the bits
// of call(dst, x) into a separate dst.
func checkUnaryInPlace(t *testing.T, name string, x []float32, call func(dst, x []float32)) {
	t.Helper()
	want := make([]float32, len(x))
	call(want, x)
	got := append([]float32(nil), x...)
	call(got, got)
	checkSame(t, fmt.Sprintf("%s(x, x) n=%d", name, len(x)), got, want, nil)
}

// checkGradInPlace checks that a gradient kernel call(dst, dy, x) gives
// the same bits into a separate dst, into dy itself and into x itself.
func checkGradInPlace(t *testing.T, name string, dy, x []float32, call func(dst, dy, x []float32)) {
	t.Helper()
	want := make([]float32, len(x))
	call(want, dy, x)
	got := append([]float32(nil), dy...)
	call(got, got, x)
	checkSame(t, fmt.Sprintf("%s(dy, dy, x) n=%d", name, len(x)), got, want, nil)
	got = append(got[:0], x...)
	call(got, dy, got)
	checkSame(t, fmt.Sprintf("%s(x, dy, x) n=%d", name, len(x)), got, want, nil)
}

// TestReLUNaNPayload checks the exact NaN bits: quiet NaNs pass unchanged
// and signalling NaNs come out quieted with their payload, at every level.
func TestReLUNaNPayload(t *testing.T) {
	in := []uint32{0x7fc00000, 0xffc00000, 0x7fc12345, 0xffd00001, 0x7f800001, 0xff812345, 0x7fbfffff}
	testutil.ForEachLevel(t, func(t *testing.T) {
		defer kernels.SetDispatchForTest(0, -1)()
		for _, n := range []int{len(in), 16, 33, 79, 300} {
			x := make([]float32, n)
			for i := range x {
				x[i] = math.Float32frombits(in[i%len(in)])
			}
			dst := make([]float32, n)
			kernels.ReLU(dst, x)
			for i, v := range dst {
				if got, want := math.Float32bits(v), in[i%len(in)]|0x00400000; got != want {
					t.Errorf("n=%d: ReLU(%#08x) = %#08x, want %#08x", n, in[i%len(in)], got, want)
				}
			}
		}
	})
}

// TestConcurrentCalls runs kernels from several goroutines on shared
// inputs; with -race, the kernels' race annotations make the detector see
// the assembly's reads and writes.
func TestConcurrentCalls(t *testing.T) {
	testutil.ForEachLevel(t, func(t *testing.T) {
		r := testutil.NewRand(12)
		const n = 5000
		x := testutil.Float32s(r, n, -1, 1)
		y := testutil.Float32s(r, n, -1, 1)
		wantDot := kernels.Dot(x, y)
		wantReLU := make([]float32, n)
		kernels.ReLU(wantReLU, x)
		var wg sync.WaitGroup
		errs := make(chan string, 8)
		for g := 0; g < 4; g++ {
			wg.Go(func() {
				dst := make([]float32, n)
				for range 50 {
					if d := kernels.Dot(x, y); d != wantDot {
						errs <- fmt.Sprintf("Dot = %g, want %g", d, wantDot)
						return
					}
					kernels.ReLU(dst, x)
					kernels.Axpy(0.5, x, dst)
					kernels.Scale(2, dst)
				}
			})
		}
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Error(e)
		}
	})
}
