package main

import (
	"github.com/emberml/ember/kernels"
)

// A peakLoop runs iters trips of a loop doing flopsPerTrip floating-point
// operations and nothing else.
type peakLoop struct {
	run          func(iters int)
	flopsPerTrip float64
	what         string
}

// peakLoopFor returns the FMA loop of level l for float32 (f64 false) or
// float64. The SIMD levels use the assembly loops of kernels/asm
// (peak_<arch>.go); generic uses scalarPeak, the best scalar Go does.
func peakLoopFor(l kernels.Level, f64 bool) (peakLoop, bool) {
	if l == kernels.Generic {
		if f64 {
			return peakLoop{func(n int) { peakSink64 = scalarPeak[float64](n) }, 16, "scalar Go multiply-adds"}, true
		}
		return peakLoop{func(n int) { peakSink32 = scalarPeak[float32](n) }, 16, "scalar Go multiply-adds"}, true
	}
	return asmPeakLoop(l, f64)
}

// The sinks keep the scalar loops' results live; they are only written.
var (
	//lint:ignore U1000 write-only on purpose: a sink
	peakSink32 float32
	//lint:ignore U1000 write-only on purpose: a sink
	peakSink64 float64
)

// scalarPeak runs n trips of 8 independent multiply-add chains (16
// flops): what generic Go code can reach on one core (Go fuses x*y+z into
// an FMA on arm64, not on amd64).
func scalarPeak[T float32 | float64](n int) T {
	var a0, a1, a2, a3, a4, a5, a6, a7 T = 1, 2, 3, 4, 5, 6, 7, 8
	const m, c = 0.999, 0.001
	for range n {
		a0 = a0*m + c
		a1 = a1*m + c
		a2 = a2*m + c
		a3 = a3*m + c
		a4 = a4*m + c
		a5 = a5*m + c
		a6 = a6*m + c
		a7 = a7*m + c
	}
	return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7
}
