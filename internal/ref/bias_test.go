package ref

import "testing"

// Small integers: every sum is exact.

func TestBiasAdd(t *testing.T) {
	x := []float64{1, 2, 3, 4, 5, 6}
	dst := []float64{nan(), nan(), nan(), nan(), nan(), nan()}
	BiasAdd(dst, x, []float64{10, 20, 30})
	checkSliceExact(t, "BiasAdd 2×3", dst, []float64{11, 22, 33, 14, 25, 36})
	checkSliceExact(t, "BiasAdd input", x, []float64{1, 2, 3, 4, 5, 6})

	BiasAdd(x, x, []float64{-1, 1})
	checkSliceExact(t, "BiasAdd 3×2 in place", x, []float64{0, 3, 2, 5, 4, 7})

	nanRow := []float64{1, nan(), inf(1), inf(1)}
	BiasAdd(nanRow, nanRow, []float64{1, 1, 1, inf(-1)})
	checkSliceExact(t, "BiasAdd specials", nanRow, []float64{2, nan(), inf(1), nan()})

	BiasAdd(nil, nil, []float64{1}) // zero rows
	mustPanic(t, "ref: cols <= 0", func() { BiasAdd(x, x, nil) })
	mustPanic(t, "ref: length is not a multiple of cols", func() { BiasAdd(x, x, []float64{1, 2, 3, 4}) })
	mustPanic(t, "ref: length mismatch: dst and x", func() { BiasAdd(x[:4], x, []float64{1, 2}) })
}

func TestColSums(t *testing.T) {
	x := []float64{1, 2, 3, 4, 5, 6}
	dst := []float64{nan(), nan(), nan()} // overwritten, not accumulated into
	ColSums(dst, x)
	checkSliceExact(t, "ColSums 2×3", dst, []float64{5, 7, 9})

	dst = []float64{100, 100}
	ColSums(dst, x)
	checkSliceExact(t, "ColSums 3×2", dst, []float64{9, 12})

	dst = []float64{7}
	ColSums(dst, x)
	checkSliceExact(t, "ColSums 6×1", dst, []float64{21})

	dst = []float64{7, 7}
	ColSums(dst, nil)
	checkSliceExact(t, "ColSums no rows", dst, []float64{0, 0})

	dst = []float64{0, 0}
	ColSums(dst, []float64{nan(), 1, 2, inf(1)})
	checkSliceExact(t, "ColSums specials", dst, []float64{nan(), inf(1)})

	mustPanic(t, "ref: cols <= 0", func() { ColSums(nil, x) })
	mustPanic(t, "ref: length is not a multiple of cols", func() { ColSums(make([]float64, 4), x) })
}
