//go:build !purego

package main

import (
	"github.com/emberml/ember/kernels"
	"github.com/emberml/ember/kernels/asm"
)

// asmPeakLoop returns the assembly FMA loop of an arm64 level (see
// kernels/asm/peak_arm64.go for the flops per trip).
func asmPeakLoop(l kernels.Level, f64 bool) (peakLoop, bool) {
	switch {
	case l == kernels.NEON && !f64:
		return peakLoop{asm.FMALoopF32NEON, 192, "24 q-register FMLAs per trip"}, true
	case l == kernels.NEON && f64:
		return peakLoop{asm.FMALoopF64NEON, 96, "24 q-register FMLAs per trip"}, true
	}
	return peakLoop{}, false
}
