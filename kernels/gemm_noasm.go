//go:build purego || !(amd64 || arm64)

package kernels

import "unsafe"

// Without assembly the only micro-kernel is the generic one.

func gemmTile(Level, int) (kern microKernelID, mr, nr, minKC int) {
	return microGeneric, genericMR, genericNR, 256
}

func runMicroKernel[T float32 | float64](_ microKernelID, k, tiles int, a, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta T) {
	microKernelGenericUnsafe(k, tiles, a, b, ldb, c, ldc, alpha, beta)
}

// directBRule: B is always packed (useDirectB needs small-product
// kernels).
func directBRule(Level) (maxRows, maxStride int) { return 0, 0 }

// stripWidth is 0: without assembly there is no small-product kernel.
func stripWidth(Level, int) int { return 0 }

// stripLanes is 0, as stripWidth.
func stripLanes(Level, int) int { return 0 }

func stripKernel[T float32 | float64](m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta T) {
	panic("kernels: no small-product kernel without assembly")
}

// narrowLanes is 0: no narrow-product kernels here.
func narrowLanes(Level, int) int { return 0 }

func narrowKernel[T float32 | float64](m, n, k int, a unsafe.Pointer, lda int, bt, c unsafe.Pointer, ldc int, alpha, beta T) {
	panic("kernels: no narrow-product kernel here")
}
