//go:build purego || !(amd64 || arm64)

package kernels

import "unsafe"

// Without assembly the only micro-kernel is the generic one.

func gemmTile(Level, int) (kern gemmKernel, mr, nr, minKC int) {
	return gemmGeneric, genericMR, genericNR, 256
}

func gemmMicro[T float32 | float64](_ gemmKernel, k, tiles int, a, b, c unsafe.Pointer, ldc int, alpha, beta T) {
	gemmMicroGo(k, tiles, a, b, c, ldc, alpha, beta)
}
