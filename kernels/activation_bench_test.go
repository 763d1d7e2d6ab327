package kernels_test

import (
	"fmt"
	"testing"

	"github.com/emberml/ember/internal/testutil"
	"github.com/emberml/ember/kernels"
)

// benchActivation runs body as BenchmarkX/<level>/<n> at every supported
// level and size, as benchElementwise does, on inputs uniform in [−1, 1],
// reporting GB/s (8 bytes per element: x read, dst written) and G
// elements/s.
func benchActivation(b *testing.B, f func(dst, x []float32)) {
	prev := kernels.Active()
	defer kernels.SetLevel(prev)
	for _, l := range kernels.Supported() {
		b.Run(l.String(), func(b *testing.B) {
			if err := kernels.SetLevel(l); err != nil {
				b.Fatal(err)
			}
			for _, n := range benchSizes {
				r := testutil.NewRand(uint64(n))
				x := testutil.Float32s(r, n, -1, 1)
				dst := make([]float32, n)
				b.Run(fmt.Sprint(n), func(b *testing.B) {
					b.SetBytes(int64(n * 8))
					for b.Loop() {
						f(dst, x)
					}
					sec := b.Elapsed().Seconds()
					b.ReportMetric(float64(n*8)*float64(b.N)/sec/1e9, "GB/s")
					b.ReportMetric(float64(n)*float64(b.N)/sec/1e9, "Gelem/s")
				})
			}
		})
	}
}

func BenchmarkExp(b *testing.B)     { benchActivation(b, kernels.Exp) }
func BenchmarkSigmoid(b *testing.B) { benchActivation(b, kernels.Sigmoid) }
func BenchmarkTanh(b *testing.B)    { benchActivation(b, kernels.Tanh) }
