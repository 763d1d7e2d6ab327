//go:build !purego

package kernels

import (
	"unsafe"

	"github.com/emberml/ember/kernels/asm"
)

// gemmTile returns the micro-kernel for a level and element size, its
// register tile and the smallest kc worth using.
//
// NEON (32 128-bit registers): 8×12 float32 (6×8 float64) keeps 24
// accumulators, a B row of three (four) vectors and an A column of two
// (three) vectors in registers. FMLA by element takes each A value straight
// from its lane, so there are no broadcasts: two loads and 24 FMLAs per k
// step. Of the shapes with 24 accumulators these load the fewest elements
// per FMLA, and the fewest of them from the A stream (see
// gemm_neon_arm64.s); they are also BLIS's armv8a shapes.
func gemmTile(level Level, size int) (kern microKernelID, mr, nr, minKC int) {
	switch level {
	case NEON:
		if size == 4 {
			return microF32NEON, 8, 12, 256
		}
		return microF64NEON, 6, 8, 256
	}
	return microGeneric, genericMR, genericNR, 256
}

// runMicroKernel calls kernel kern (a switch, not a function table: see
// ARCHITECTURE.md) on tiles consecutive tiles, with the contract of
// microKernelSpec.
func runMicroKernel[T float32 | float64](kern microKernelID, k, tiles int, a, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta T) {
	switch kern {
	case microF32NEON:
		asm.GemmF32NEON(k, tiles, a, b, ldb, c, ldc, float32(alpha), float32(beta))
	case microF64NEON:
		asm.GemmF64NEON(k, tiles, a, b, ldb, c, ldc, float64(alpha), float64(beta))
	default:
		microKernelGenericUnsafe(k, tiles, a, b, ldb, c, ldc, alpha, beta)
	}
}

// directBRule gives the products whose micro-kernel reads B in place
// (useDirectB): none here. The NEON kernels take B's row stride like the
// amd64 ones (and are tested with it), but whether reading in place pays
// has not been measured on arm64 hardware (qemu says nothing about
// speed), so B is always packed.
func directBRule(Level) (maxRows, maxStride int) { return 0, 0 }

// stripWidth returns the columns one call of the level's small-product
// kernel covers (four q registers: 16 float32 or 8 float64), or 0 when the
// level has none.
func stripWidth(level Level, size int) int {
	if level == NEON {
		return 4 * 16 / size
	}
	return 0
}

// stripLanes returns the unit the cost model pads NEON's strips to: two q
// registers, half a strip, as the model has counted it since it was
// written (unmeasured on arm64 hardware).
func stripLanes(level Level, size int) int {
	if level == NEON {
		return 2 * 16 / size
	}
	return 0
}

// stripKernel runs the NEON small-product kernel (see
// kernels/asm/gemm_small_arm64.go) on one strip of columns.
func stripKernel[T float32 | float64](m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta T) {
	var zero T
	if unsafe.Sizeof(zero) == 4 {
		asm.GemmSmallF32NEON(m, n, k, a, aRow, aStep, b, ldb, c, ldc, float32(alpha), float32(beta))
	} else {
		asm.GemmSmallF64NEON(m, n, k, a, aRow, aStep, b, ldb, c, ldc, float64(alpha), float64(beta))
	}
}

// narrowLanes is 0: no narrow-product kernels here.
func narrowLanes(Level, int) int { return 0 }

func narrowKernel[T float32 | float64](m, n, k int, a unsafe.Pointer, lda int, bt, c unsafe.Pointer, ldc int, alpha, beta T) {
	panic("kernels: no narrow-product kernel here")
}
