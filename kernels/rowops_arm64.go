//go:build !purego

package kernels

import "github.com/emberml/ember/kernels/asm"

// rowMax's dispatcher (see rowops.go), written by hand: it combines the
// chunks' maxima and the tail with Go's max, which keeps a NaN from any of
// them (and orders −0 below +0, as FMAX does). The other row operations'
// dispatchers are generated (zdispatch_arm64.go).

func rowMax(x []float32) float32 {
	if len(x) >= minAsmLen && len(x) >= 4 {
		switch active {
		case NEON:
			n := len(x) &^ 3
			chunk := neonChunk()
			m := asm.RowMaxNEON(x[:min(chunk, n)])
			for i := chunk; i < n; i += chunk {
				m = max(m, asm.RowMaxNEON(x[i:min(i+chunk, n)]))
			}
			for _, v := range x[n:] {
				m = max(m, v)
			}
			return m
		}
	}
	return rowMaxGeneric(x)
}
