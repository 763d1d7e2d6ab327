//go:build !purego

package kernels

import (
	"unsafe"

	"github.com/emberml/ember/kernels/asm"
)

// gemmTile returns the micro-kernel for a level and element size, its
// register tile and the smallest kc worth using.
//
// AVX2 (16 ymm): 6×16 float32 (6×8 float64) keeps 12 accumulators, two B
// vectors and two broadcasts of A in registers; 6 rows is the most that
// fits, and every A element is broadcast once per k step and used twice.
//
// AVX-512 (32 zmm): 6×64 float32 (6×32 float64): 24 accumulators, four B
// vectors, two broadcasts and the alpha/beta registers. The same 6-row
// structure as AVX2, four vectors wide instead of two; a probe on an
// AVX-512 Xeon ran shapes from 14×32 to 6×64 at the same ~100 % of peak,
// with kc ≈ 384 best for 6×64 (see ASM-NOTES.md).
func gemmTile(level Level, size int) (kern microKernelID, mr, nr, minKC int) {
	switch level {
	case AVX512:
		if size == 4 {
			return microF32AVX512, 6, 64, 384
		}
		return microF64AVX512, 6, 32, 384
	case AVX2:
		if size == 4 {
			return microF32AVX2, 6, 16, 256
		}
		return microF64AVX2, 6, 8, 256
	}
	return microGeneric, genericMR, genericNR, 256
}

// runMicroKernel calls kernel kern (a switch, not a function table: see
// ARCHITECTURE.md) on tiles consecutive tiles, with the contract of
// microKernelSpec.
func runMicroKernel[T float32 | float64](kern microKernelID, k, tiles int, a, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta T) {
	switch kern {
	case microF32AVX2:
		asm.GemmF32AVX2(k, tiles, a, b, ldb, c, ldc, float32(alpha), float32(beta))
	case microF64AVX2:
		asm.GemmF64AVX2(k, tiles, a, b, ldb, c, ldc, float64(alpha), float64(beta))
	case microF32AVX512:
		asm.GemmF32AVX512(k, tiles, a, b, ldb, c, ldc, float32(alpha), float32(beta))
	case microF64AVX512:
		asm.GemmF64AVX512(k, tiles, a, b, ldb, c, ldc, float64(alpha), float64(beta))
	default:
		microKernelGenericUnsafe(k, tiles, a, b, ldb, c, ldc, alpha, beta)
	}
}

// directBRule gives the products whose micro-kernel reads B in place
// (useDirectB): at most maxRows rows, B's rows at most maxStride bytes
// apart. Medians of 60–200 calls alternated in one process on the Xeon,
// one thread, in place ÷ packed (above 1: in place is faster):
//
//   - AVX-512 (a B sliver row is 256 bytes; the packed sliver, kc·256
//     bytes, does not fit L1 either). float32 ×256×784 with m = 48, 96,
//     128, 192, 256, 300: 1.21, 1.11, 1.07, 1.05, 1.09, 1.02; 384³ 1.05;
//     512³ 1.00; 256×1024×784 0.98; 1024³ 0.84 (two threads: 128×256×784
//     1.05, 64×256×784 1.13, 1024³ 0.91). float64 ×256×784 with m = 48,
//     96, 128, 256: 1.23, 1.09, 1.09, 1.01; 64×1024×512 (rows 8 KB apart)
//     0.95.
//   - AVX2 (a sliver row is one 64-byte line: the packed sliver fits L1,
//     while B's rows 1 KB or more apart fall into a few L1 sets). float32,
//     B's rows 1 KB apart (n = 256): m×256×k with m = 96, 128, 256 gave
//     1.08–1.16, 1.05–1.10, 1.03–1.09 for k = 64, 128, 256, 784 in one
//     sitting, while an earlier one had 128×256×784 at 1.00 and 192×256×784
//     at 0.97; rows 4 KB apart (n = 1024): 0.97–1.08 at m = 96–128, down to
//     0.89–0.99 at m = 256; 64×4096×512 0.97; 1024³ 0.75. float64 ×256×784
//     with m = 48, 96, 128: 1.13, 1.00, 0.98; 64×1024×512 0.94.
func directBRule(level Level) (maxRows, maxStride int) {
	switch level {
	case AVX512:
		return 256, 4096
	case AVX2:
		return 128, 1024
	}
	return 0, 0
}

// stripWidth returns the most columns one call of the level's small-product
// kernel covers (four vectors at AVX-512, two at AVX2), or 0 when the level
// has none; stripCols chooses the widest for a product's depth.
func stripWidth(level Level, size int) int {
	switch level {
	case AVX512:
		return 4 * 64 / size
	case AVX2:
		return 2 * 32 / size
	}
	return 0
}

// stripLanes returns the columns of one vector of the level's
// small-product kernel: the unit its strips are padded to.
func stripLanes(level Level, size int) int {
	switch level {
	case AVX512:
		return 64 / size
	case AVX2:
		return 32 / size
	}
	return 0
}

// narrowLanes is the vector length (elements of size bytes) of the
// level's narrow-product kernels (kernels/asm/gemm_narrow_amd64.go:
// AVX-512 and AVX2), or 0 where it has none.
func narrowLanes(level Level, size int) int {
	switch level {
	case AVX512:
		return 64 / size
	case AVX2:
		return 32 / size
	}
	return 0
}

// narrowKernel runs the active level's narrow-product kernel (see
// narrowLanes) on m rows of A against op(B) packed in bt (packNarrowB).
func narrowKernel[T float32 | float64](m, n, k int, a unsafe.Pointer, lda int, bt, c unsafe.Pointer, ldc int, alpha, beta T) {
	var zero T
	f32 := unsafe.Sizeof(zero) == 4
	switch {
	case active == AVX512 && f32:
		asm.GemmNarrowF32AVX512(m, n, k, a, lda, bt, c, ldc, float32(alpha), float32(beta))
	case active == AVX512:
		asm.GemmNarrowF64AVX512(m, n, k, a, lda, bt, c, ldc, float64(alpha), float64(beta))
	case f32:
		asm.GemmNarrowF32AVX2(m, n, k, a, lda, bt, c, ldc, float32(alpha), float32(beta))
	default:
		asm.GemmNarrowF64AVX2(m, n, k, a, lda, bt, c, ldc, float64(alpha), float64(beta))
	}
}

// pairedStrip reports whether a strip of n columns goes to the AVX-512
// paired kernels (kernels/asm/gemm_small_avx512_amd64.s): one or two whole
// vectors and a last one of at most half its lanes, which two rows then
// share.
func pairedStrip(n int, f32 bool) bool {
	lanes := 8
	if f32 {
		lanes = 16
	}
	e := n % lanes
	return pairedStrips && n > lanes && n <= 3*lanes && e != 0 && e <= lanes/2
}

// pairedStrips turns the paired kernels off, for tests and measurements
// against the kernels they stand in for (same bits).
var pairedStrips = true

// stripKernel runs the active level's small-product kernel (see
// kernels/asm/gemm_small_amd64.go) on one strip of columns; at AVX2, a
// strip of whole vectors goes to the kernel that loads B unmasked (same
// FMAs, same bits; 1.07–1.09× as fast), and at AVX-512 a strip whose last
// vector is at most half full (pairedStrip) to the paired kernels, for
// its rows but an odd last one (same FMAs, same bits).
func stripKernel[T float32 | float64](m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta T) {
	var zero T
	f32 := unsafe.Sizeof(zero) == 4
	if active == AVX512 && m >= 2 && pairedStrip(n, f32) {
		// Two rows' last columns share a vector: the even rows here, an
		// odd last row below.
		even := m &^ 1
		if f32 {
			asm.GemmSmallPairF32AVX512(even, n, k, a, aRow, aStep, b, ldb, c, ldc, float32(alpha), float32(beta))
		} else {
			asm.GemmSmallPairF64AVX512(even, n, k, a, aRow, aStep, b, ldb, c, ldc, float64(alpha), float64(beta))
		}
		if m == even {
			return
		}
		size := int(unsafe.Sizeof(zero))
		a = unsafe.Add(a, even*aRow*size)
		c = unsafe.Add(c, even*ldc*size)
		m = 1
	}
	switch {
	case active == AVX512 && f32:
		asm.GemmSmallF32AVX512(m, n, k, a, aRow, aStep, b, ldb, c, ldc, float32(alpha), float32(beta))
	case active == AVX512:
		asm.GemmSmallF64AVX512(m, n, k, a, aRow, aStep, b, ldb, c, ldc, float64(alpha), float64(beta))
	case f32 && n%8 == 0:
		asm.GemmSmallWholeF32AVX2(m, n, k, a, aRow, aStep, b, ldb, c, ldc, float32(alpha), float32(beta))
	case f32:
		asm.GemmSmallF32AVX2(m, n, k, a, aRow, aStep, b, ldb, c, ldc, float32(alpha), float32(beta))
	case n%4 == 0:
		asm.GemmSmallWholeF64AVX2(m, n, k, a, aRow, aStep, b, ldb, c, ldc, float64(alpha), float64(beta))
	default:
		asm.GemmSmallF64AVX2(m, n, k, a, aRow, aStep, b, ldb, c, ldc, float64(alpha), float64(beta))
	}
}
