//go:build !purego

package kernels

import "unsafe"

// NEON micro-kernels are not written yet; arm64 uses the generic one.

func gemmTile(Level, int) (kern gemmKernel, mr, nr, minKC int) {
	return gemmGeneric, genericMR, genericNR, 256
}

func gemmMicro[T float32 | float64](_ gemmKernel, k, tiles int, a, b, c unsafe.Pointer, ldc int, alpha, beta T) {
	gemmMicroGo(k, tiles, a, b, c, ldc, alpha, beta)
}
