//go:build !purego

package kernels

import "github.com/emberml/ember/kernels/asm"

// rowMax's dispatcher (see rowops.go), written by hand: it combines the
// maxima of its chunks with Go's max, keeping a NaN, and stops at the first
// NaN. The other row operations' dispatchers are generated
// (zdispatch_amd64.go).

func rowMax(x []float32) float32 {
	if len(x) >= max(minAsmLen, 1) {
		switch active {
		case AVX512:
			m := asm.RowMaxAVX512(x[:min(len(x), chunkLen)])
			for len(x) > chunkLen && m == m {
				x = x[chunkLen:]
				m = max(m, asm.RowMaxAVX512(x[:min(len(x), chunkLen)]))
			}
			return m
		case AVX2:
			m := asm.RowMaxAVX2(x[:min(len(x), chunkLen)])
			for len(x) > chunkLen && m == m {
				x = x[chunkLen:]
				m = max(m, asm.RowMaxAVX2(x[:min(len(x), chunkLen)]))
			}
			return m
		}
	}
	return rowMaxGeneric(x)
}
