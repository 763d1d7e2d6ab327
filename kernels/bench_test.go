package kernels_test

import (
	"fmt"
	"testing"

	"github.com/emberml/ember/internal/testutil"
	"github.com/emberml/ember/kernels"
)

var benchSizes = []int{16, 256, 4096, 65536, 1 << 20}

// benchLevels runs BenchmarkX/<level>/<n> at every supported level and
// every size n in sizes, reporting GB/s from the bytes one call reads and
// writes (bytesPerElem per element), and G elements/s too if perElem is
// set. setup prepares the data of one size and returns the benchmark's
// loop.
func benchLevels(b *testing.B, sizes []int, bytesPerElem int, perElem bool, setup func(n int) func(b *testing.B)) {
	prev := kernels.Active()
	defer kernels.SetLevel(prev)
	for _, l := range kernels.Supported() {
		b.Run(l.String(), func(b *testing.B) {
			if err := kernels.SetLevel(l); err != nil {
				b.Fatal(err)
			}
			for _, n := range sizes {
				body := setup(n)
				b.Run(fmt.Sprint(n), func(b *testing.B) {
					b.SetBytes(int64(n * bytesPerElem))
					body(b)
					sec := b.Elapsed().Seconds()
					b.ReportMetric(float64(n*bytesPerElem)*float64(b.N)/sec/1e9, "GB/s")
					if perElem {
						b.ReportMetric(float64(n)*float64(b.N)/sec/1e9, "Gelem/s")
					}
				})
			}
		})
	}
}

// benchElementwise runs body as BenchmarkX/<level>/<n> at every supported
// level and size, reporting GB/s from the bytes one call reads and writes.
// body gets two inputs uniform in [−1, 1) and a zeroed third slice.
func benchElementwise(b *testing.B, bytesPerElem int, body func(b *testing.B, x, y, z []float32)) {
	benchLevels(b, benchSizes, bytesPerElem, false, func(n int) func(b *testing.B) {
		r := testutil.NewRand(uint64(n))
		x := testutil.Float32s(r, n, -1, 1)
		y := testutil.Float32s(r, n, -1, 1)
		z := make([]float32, n)
		return func(b *testing.B) { body(b, x, y, z) }
	})
}

// BenchmarkAxpy moves 12 bytes per element: x and y read, y written.
func BenchmarkAxpy(b *testing.B) {
	benchElementwise(b, 12, func(b *testing.B, x, y, _ []float32) {
		for b.Loop() {
			kernels.Axpy(1e-7, x, y)
		}
	})
}

var dotSink float32

// BenchmarkDot moves 8 bytes per element: x and y read.
func BenchmarkDot(b *testing.B) {
	benchElementwise(b, 8, func(b *testing.B, x, y, _ []float32) {
		for b.Loop() {
			dotSink = kernels.Dot(x, y)
		}
	})
}

// BenchmarkScale moves 8 bytes per element: x read and written. Scaling by
// 1 keeps the data from drifting to zero or infinity.
func BenchmarkScale(b *testing.B) {
	benchElementwise(b, 8, func(b *testing.B, x, _, _ []float32) {
		for b.Loop() {
			kernels.Scale(1, x)
		}
	})
}

// BenchmarkReLU moves 8 bytes per element: x read, dst written.
func BenchmarkReLU(b *testing.B) {
	benchElementwise(b, 8, func(b *testing.B, x, _, dst []float32) {
		for b.Loop() {
			kernels.ReLU(dst, x)
		}
	})
}

// BenchmarkReLUGrad moves 12 bytes per element: dy and x read, dst written.
func BenchmarkReLUGrad(b *testing.B) {
	benchElementwise(b, 12, func(b *testing.B, dy, x, dst []float32) {
		for b.Loop() {
			kernels.ReLUGrad(dst, dy, x)
		}
	})
}
