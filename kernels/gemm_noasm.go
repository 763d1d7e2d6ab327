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

// gemmStripWidth is 0: without assembly there is no small-product kernel.
func gemmStripWidth(Level, int) int { return 0 }

func gemmStripKernel[T float32 | float64](m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta T) {
	panic("kernels: no small-product kernel without assembly")
}
