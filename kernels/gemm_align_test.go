package kernels_test

import (
	"fmt"
	"math"
	"testing"
	"unsafe"

	"gonum.org/v1/gonum/blas"

	"github.com/emberml/ember/internal/testutil"
	"github.com/emberml/ember/kernels"
)

// The GEMM and GEMV docs promise that the bits of a result never depend on
// where the slices lie in memory. These tests run the same products with
// A, B (or x) and C (or y) copied to different positions within a cache
// line, at every level, and compare every element bit for bit with the
// first placement. A kernel that peeled an unaligned head, or chose its
// partial sums by address, would fail them.

// alignedAt returns a copy of src whose first element lies off elements
// past a 64-byte boundary.
func alignedAt[T float32 | float64](src []T, off int) []T {
	var zero T
	lanes := 64 / int(unsafe.Sizeof(zero))
	buf := make([]T, len(src)+2*lanes)
	skip := (lanes - int(uintptr(unsafe.Pointer(unsafe.SliceData(buf)))%64)/int(unsafe.Sizeof(zero))) % lanes
	s := buf[skip+off : skip+off+len(src) : skip+off+len(src)]
	copy(s, src)
	return s
}

// alignmentOffsets are the placements tried: {A, B, C} (or {A, x, y})
// element offsets from a 64-byte boundary, the first all aligned.
func alignmentOffsets[T float32 | float64]() [][3]int {
	var zero T
	if unsafe.Sizeof(zero) == 4 {
		return [][3]int{{0, 0, 0}, {1, 5, 3}, {4, 0, 15}, {8, 13, 1}, {15, 2, 8}, {3, 8, 4}}
	}
	return [][3]int{{0, 0, 0}, {1, 3, 2}, {4, 0, 7}, {7, 5, 1}}
}

func firstDifference[T float32 | float64](got, want []T) int {
	for i := range got {
		if math.Float64bits(float64(got[i])) != math.Float64bits(float64(want[i])) {
			return i
		}
	}
	return -1
}

// TestGemmBitsIndependentOfAlignment: every path (the matrix-vector
// products, the short ones with their sums on the stack, the small-product
// kernels, the packed path with edge tiles and several kc blocks: forced
// on small shapes with tiny blocks, and without -short as it comes), every
// transpose pair, beta zero and not.
func TestGemmBitsIndependentOfAlignment(t *testing.T) {
	shapes := [][3]int{
		{1, 300, 77}, {300, 1, 77}, {1, 1, 500}, {1, 40, 9}, {40, 1, 9}, // matrix-vector
		{3, 3, 3}, {20, 45, 33}, {13, 70, 21}, // small products, or packed with tiny blocks
	}
	if !testing.Short() {
		shapes = append(shapes, [3]int{130, 150, 90}, [3]int{190, 257, 517}) // packed: edges, two kc blocks
	}
	testutil.ForEachLevel(t, func(t *testing.T) {
		for _, tiny := range []bool{false, true} {
			if tiny {
				restore := kernels.SetGemmBlocksForTest(5, 3, 2, math.Inf(1), 2)
				defer restore()
			}
			var run [][3]int
			for _, s := range shapes {
				if !tiny || s[0]*s[1]*s[2] <= 1<<20 { // thousands of tiny blocks: slow, and the small shapes take every loop
					run = append(run, s)
				}
			}
			forEachShapeCase(run, []float64{0, 1.3}, func(name string, tA, tB blas.Transpose, s [3]int, beta float64) {
				name = fmt.Sprintf("tiny blocks %v, %s", tiny, name)
				gemmAlignmentBits[float32](t, name, tA, tB, s[0], s[1], s[2], beta)
				gemmAlignmentBits[float64](t, name, tA, tB, s[0], s[1], s[2], beta)
			})
		}
	})
}

func gemmAlignmentBits[T float32 | float64](t *testing.T, name string, tA, tB blas.Transpose, m, n, k int, beta float64) {
	t.Helper()
	a0, lda, b0, ldb, c0 := seededOperands[T](uint64(m*1009+n*31+k), tA, tB, m, n, k)
	var first []T
	for _, off := range alignmentOffsets[T]() {
		a, b, c := alignedAt(a0, off[0]), alignedAt(b0, off[1]), alignedAt(c0, off[2])
		callGemm(tA, tB, m, n, k, -0.7, a, lda, b, ldb, T(beta), c, n)
		sameAsFirst(t, &first, c, fmt.Sprintf("%s: A, B, C at offsets %v: c", name, off))
	}
}

// sameAsFirst keeps the first placement's result in *first and fails
// unless every later one (got) has the same bits; what names the case and
// the result.
func sameAsFirst[T float32 | float64](t *testing.T, first *[]T, got []T, what string) {
	t.Helper()
	if *first == nil {
		*first = got
		return
	}
	if i := firstDifference(got, *first); i >= 0 {
		t.Fatalf("%T %s[%d] = %v, aligned operands gave %v", got[0], what, i, got[i], (*first)[i])
	}
}

// TestGemvBitsIndependentOfAlignment: both forms (NoTrans: dot products;
// Trans: scaled rows added in order), contiguous and strided vectors,
// shapes across the kernels' vector widths and row groups.
func TestGemvBitsIndependentOfAlignment(t *testing.T) {
	shapes := [][2]int{{300, 77}, {77, 300}, {5, 1000}, {1000, 5}, {64, 64}, {9, 33}}
	testutil.ForEachLevel(t, func(t *testing.T) {
		for _, s := range shapes {
			for _, tA := range gemmTrans {
				for _, inc := range []int{1, 3} {
					name := fmt.Sprintf("%c %dx%d inc=%d", transChar(tA), s[0], s[1], inc)
					gemvAlignmentBits[float32](t, name, tA, s[0], s[1], inc)
					gemvAlignmentBits[float64](t, name, tA, s[0], s[1], inc)
				}
			}
		}
	})
}

func gemvAlignmentBits[T float32 | float64](t *testing.T, name string, tA blas.Transpose, m, n, inc int) {
	t.Helper()
	r := testutil.NewRand(uint64(m*1009 + n*31 + inc))
	lenX, lenY := n, m
	if tA != blas.NoTrans {
		lenX, lenY = m, n
	}
	a0, _ := newMatrix[T](r, m, n, 0, false)
	x0, _ := newStrided[T](r, lenX, inc, false)
	y0, _ := newStrided[T](r, lenY, inc, false)
	var first []T
	for _, off := range alignmentOffsets[T]() {
		a, x, y := alignedAt(a0, off[0]), alignedAt(x0, off[1]), alignedAt(y0, off[2])
		callGemv(tA, m, n, 0.6, a, n, x, inc, 1.1, y, inc)
		sameAsFirst(t, &first, y, fmt.Sprintf("%s: A, x, y at offsets %v: y", name, off))
	}
}

// TestGemmBitsIndependentOfLeadingDimensions: the path a product takes
// (and so its bits) depends on its shape, transposes and level, never on
// lda, ldb or ldc, although the blocked path reads B in place or packs it
// by B's row stride (useDirectB). Each product is run with tight leading
// dimensions and padded ones that cross that stride limit (1 KB at AVX2,
// 4 KB at AVX-512), and every element compared bit for bit.
func TestGemmBitsIndependentOfLeadingDimensions(t *testing.T) {
	shapes := [][3]int{{100, 250, 300}, {60, 250, 700}, {120, 1020, 40}, {20, 45, 33}, {7, 256, 9}}
	testutil.ForEachLevel(t, func(t *testing.T) {
		forEachShapeCase(shapes, []float64{0, 1.3}, func(name string, tA, tB blas.Transpose, s [3]int, beta float64) {
			gemmLeadingDimensionBits[float32](t, name, tA, tB, s[0], s[1], s[2], beta)
			gemmLeadingDimensionBits[float64](t, name, tA, tB, s[0], s[1], s[2], beta)
		})
	})
}

func gemmLeadingDimensionBits[T float32 | float64](t *testing.T, name string, tA, tB blas.Transpose, m, n, k int, beta float64) {
	t.Helper()
	a0, lda, b0, ldb, c0 := seededOperands[T](uint64(m*7+n*1013+k), tA, tB, m, n, k)
	want := append([]T(nil), c0...)
	callGemm(tA, tB, m, n, k, 0.9, a0, lda, b0, ldb, T(beta), want, n)
	for _, pad := range []int{1, 7, 40} {
		a, b, c := withLeadingDimension(a0, lda, lda+pad), withLeadingDimension(b0, ldb, ldb+pad), withLeadingDimension(c0, n, n+pad)
		callGemm(tA, tB, m, n, k, 0.9, a, lda+pad, b, ldb+pad, T(beta), c, n+pad)
		got := make([]T, 0, m*n)
		for i := range m {
			got = append(got, c[i*(n+pad):i*(n+pad)+n]...)
		}
		if i := firstDifference(got, want); i >= 0 {
			t.Fatalf("%T %s: leading dimensions padded by %d: c[%d] = %v, tight ones gave %v", got[0], name, pad, i, got[i], want[i])
		}
	}
}

// withLeadingDimension copies the rows of cols elements of src (tightly
// stored) into rows ld apart, the padding NaN.
func withLeadingDimension[T float32 | float64](src []T, cols, ld int) []T {
	rows := len(src) / cols
	dst := make([]T, (rows-1)*ld+cols)
	for i := range dst {
		dst[i] = padding[T]()
	}
	for i := range rows {
		copy(dst[i*ld:], src[i*cols:(i+1)*cols])
	}
	return dst
}

// seededOperands returns random stored A and B (tightly stored, with
// their leading dimensions) and C of an m×n×k product, from seed.
func seededOperands[T float32 | float64](seed uint64, tA, tB blas.Transpose, m, n, k int) (a []T, lda int, b []T, ldb int, c []T) {
	r := testutil.NewRand(seed)
	a, lda, b, ldb = randomOperands[T](r, tA, tB, m, n, k)
	c, _ = newMatrix[T](r, m, n, 0, false)
	return a, lda, b, ldb, c
}
