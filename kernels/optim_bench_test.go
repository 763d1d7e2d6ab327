package kernels_test

import (
	"testing"

	"github.com/emberml/ember/internal/testutil"
	"github.com/emberml/ember/kernels"
)

// The optimizer and row-kernel benchmarks run at the sizes where a step is
// cache-resident (4096) and where it streams from L3 or memory (1<<20).
var rowBenchSizes = []int{4096, 1 << 20}

// rowBenchCols is the row width of the row-wise benchmarks (BiasAdd,
// Softmax): a wide dense layer, or a classifier's classes.
const rowBenchCols = 1024

// benchRows runs BenchmarkX/<level>/<n> at every supported level and size
// in rowBenchSizes, reporting GB/s from the bytes one call must read and
// write. setup prepares the data of one size and returns the call.
func benchRows(b *testing.B, bytesPerElem int, setup func(n int) func()) {
	benchLevels(b, rowBenchSizes, bytesPerElem, false, func(n int) func(b *testing.B) {
		call := setup(n)
		return func(b *testing.B) {
			for b.Loop() {
				call()
			}
		}
	})
}

// BenchmarkAdamStep moves 28 bytes per element: w, g, m and v read, w, m
// and v written.
func BenchmarkAdamStep(b *testing.B) {
	benchRows(b, 28, func(n int) func() {
		r := testutil.NewRand(uint64(n))
		w, g := testutil.Float32s(r, n, -1, 1), testutil.Float32s(r, n, -1, 1)
		m, v := make([]float32, n), make([]float32, n)
		p := kernels.AdamParams{LR: 1e-3, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, Step: 10}
		return func() { kernels.AdamStep(w, g, m, v, p) }
	})
}

// BenchmarkSGDStep (with momentum) moves 20 bytes per element: w, g and
// the velocity read, w and the velocity written.
func BenchmarkSGDStep(b *testing.B) {
	benchRows(b, 20, func(n int) func() {
		r := testutil.NewRand(uint64(n))
		w, g := testutil.Float32s(r, n, -1, 1), testutil.Float32s(r, n, -1, 1)
		vel := make([]float32, n)
		p := kernels.SGDParams{LR: 1e-3, Momentum: 0.9}
		return func() { kernels.SGDStep(w, g, vel, p) }
	})
}

// BenchmarkBiasAdd adds a 1024-element bias to n/1024 rows: 8 bytes per
// element, x read and dst written (the bias stays in cache).
func BenchmarkBiasAdd(b *testing.B) {
	benchRows(b, 8, func(n int) func() {
		r := testutil.NewRand(uint64(n))
		x, bias := testutil.Float32s(r, n, -1, 1), testutil.Float32s(r, rowBenchCols, -1, 1)
		dst := make([]float32, n)
		return func() { kernels.BiasAdd(dst, x, bias) }
	})
}

// BenchmarkSoftmax runs n/1024 rows of 1024 logits, counting the 8 bytes
// per element a softmax must move (x read, dst written), though the
// kernels pass over each row more than once (the row is in cache by then).
func BenchmarkSoftmax(b *testing.B) {
	benchRows(b, 8, func(n int) func() {
		r := testutil.NewRand(uint64(n))
		x := testutil.Float32s(r, n, -10, 10)
		dst := make([]float32, n)
		return func() { kernels.Softmax(dst, x, rowBenchCols) }
	})
}
