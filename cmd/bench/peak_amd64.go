//go:build !purego

package main

import (
	"github.com/emberml/ember/kernels"
	"github.com/emberml/ember/kernels/asm"
)

// asmPeakLoop returns the assembly FMA loop of an amd64 level (see
// kernels/asm/peak_amd64.go for the flops per trip).
func asmPeakLoop(l kernels.Level, f64 bool) (peakLoop, bool) {
	switch {
	case l == kernels.AVX2 && !f64:
		return peakLoop{asm.FMALoopF32AVX2, 192, "12 ymm FMAs per trip"}, true
	case l == kernels.AVX2 && f64:
		return peakLoop{asm.FMALoopF64AVX2, 96, "12 ymm FMAs per trip"}, true
	case l == kernels.AVX512 && !f64:
		return peakLoop{asm.FMALoopF32AVX512, 768, "24 zmm FMAs per trip"}, true
	case l == kernels.AVX512 && f64:
		return peakLoop{asm.FMALoopF64AVX512, 384, "24 zmm FMAs per trip"}, true
	}
	return peakLoop{}, false
}
