package kernels_test

import (
	"testing"

	"github.com/emberml/ember/internal/testutil"
	"github.com/emberml/ember/kernels"
)

// benchActivation runs body as BenchmarkX/<level>/<n> at every supported
// level and size, as benchElementwise does, on inputs uniform in [−1, 1],
// reporting GB/s (8 bytes per element: x read, dst written) and G
// elements/s.
func benchActivation(b *testing.B, f func(dst, x []float32)) {
	benchLevels(b, benchSizes, 8, true, func(n int) func(b *testing.B) {
		r := testutil.NewRand(uint64(n))
		x := testutil.Float32s(r, n, -1, 1)
		dst := make([]float32, n)
		return func(b *testing.B) {
			for b.Loop() {
				f(dst, x)
			}
		}
	})
}

func BenchmarkExp(b *testing.B)     { benchActivation(b, kernels.Exp) }
func BenchmarkSigmoid(b *testing.B) { benchActivation(b, kernels.Sigmoid) }
func BenchmarkTanh(b *testing.B)    { benchActivation(b, kernels.Tanh) }
