package kernels_test

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/emberml/ember/internal/testutil"
	"github.com/emberml/ember/kernels"
)

// TestPackTransGuarded drives the transposed-B packing assembly on its
// own, at every level, with both operands exactly as long as the packing
// may touch and a guard page on either side: every k tail (k mod 8), row
// counts around each group of 8 floats or 4 doubles, and rows both equal
// to and below nr. It checks the packed elements, that it packs every
// whole group (none at the generic level or on arm64, which have no
// such assembly), and
// that the columns it leaves (rows…nr−1 of each dst row) are untouched.
func TestPackTransGuarded(t *testing.T) {
	testutil.ForEachLevel(t, func(t *testing.T) {
		for _, side := range testutil.GuardSides {
			t.Run(side.String(), func(t *testing.T) {
				guardedPackTrans[float32](t, side, 8, testutil.GuardedFloat32s)
				guardedPackTrans[float64](t, side, 4, testutil.GuardedFloat64s)
			})
		}
	})
}

func guardedPackTrans[T float32 | float64](t *testing.T, side testutil.GuardSide, group int, alloc func(testing.TB, int, testutil.GuardSide) []T) {
	const sentinel = -7
	asm := runtime.GOARCH == "amd64" && kernels.Active() != kernels.Generic // the assembly is amd64's
	for _, k := range []int{1, 2, 3, 7, 8, 9, 15, 16, 17, 33} {
		for rows := 1; rows <= 4*group+1; rows++ {
			for _, nr := range []int{rows, (rows + group - 1) / group * group, 64} {
				if nr < rows {
					continue
				}
				ld := k + 3
				src := alloc(t, (rows-1)*ld+k, side)
				for i := range src {
					src[i] = T(i + 1)
				}
				dst := alloc(t, (k-1)*nr+rows, side)
				for i := range dst {
					dst[i] = sentinel
				}
				name := fmt.Sprintf("%T k=%d rows=%d nr=%d %v", dst[0], k, rows, nr, side)
				var done int
				if err := testutil.NoFault(func() { done = kernels.PackTransForTest(dst, src, ld, k, rows, nr) }); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				want := 0
				if asm {
					want = rows - rows%group
				}
				if done != want {
					t.Fatalf("%s: packed %d rows, want %d", name, done, want)
				}
				for l := range k {
					for j := 0; j < nr && l*nr+j < len(dst); j++ {
						w := T(sentinel)
						if j < done {
							w = src[j*ld+l]
						}
						if got := dst[l*nr+j]; got != w {
							t.Fatalf("%s: dst[%d*nr+%d] = %v, want %v", name, l, j, got, w)
						}
					}
				}
			}
		}
	}
}

// TestPackRunsGuarded packs untransposed B blocks and transposed A blocks
// (the same layout: row l of the stored operand holds every sliver's run
// l) on their own, at every level, with the operand exactly as long as the
// block and the packed buffer exactly as long as its slivers, a guard page
// on either side of each: for B, sliver widths of one to four lines (the
// amd64 levels copy whole slivers of whole lines row by row across the
// block, with assembly that prefetches two rows ahead) and others; for A,
// heights around the amd64 levels' six (copied four runs per step); blocks
// of one to several whole slivers with and without a partial one, padded
// and unpadded rows. It checks every packed element and that the partial
// sliver's padding is zero.
func TestPackRunsGuarded(t *testing.T) {
	testutil.ForEachLevel(t, func(t *testing.T) {
		for _, side := range testutil.GuardSides {
			t.Run(side.String(), func(t *testing.T) {
				guardedPackRuns(t, side, testutil.GuardedFloat32s, "packB", []int{6, 8, 16, 32, 64}, kernels.PackBForTest[float32])
				guardedPackRuns(t, side, testutil.GuardedFloat64s, "packB", []int{6, 8, 16, 32, 64}, kernels.PackBForTest[float64])
				guardedPackRuns(t, side, testutil.GuardedFloat32s, "packA transposed", []int{4, 6, 8, 16}, kernels.PackATransForTest[float32])
				guardedPackRuns(t, side, testutil.GuardedFloat64s, "packA transposed", []int{4, 6, 8, 16}, kernels.PackATransForTest[float64])
			})
		}
	})
}

// guardedPackRuns is TestPackRunsGuarded's check of one packing: pack(dst,
// src, ld, cols, kc, w) packs kc rows of cols elements (ld apart in src)
// into slivers of w columns, for each w of widths.
func guardedPackRuns[T float32 | float64](t *testing.T, side testutil.GuardSide, alloc func(testing.TB, int, testutil.GuardSide) []T, what string, widths []int, pack func(dst, src []T, ld, cols, kc, w int)) {
	for _, w := range widths {
		for _, cols := range []int{1, w - 1, w, w + 1, 2 * w, 3*w - 1, 4 * w} {
			for _, kc := range []int{1, 2, 3, 4, 5, 9} {
				for _, pad := range []int{0, 3} {
					if cols < 1 {
						continue
					}
					ld := cols + pad
					src := alloc(t, (kc-1)*ld+cols, side)
					for i := range src {
						src[i] = T(i + 1)
					}
					slivers := (cols + w - 1) / w
					dst := alloc(t, slivers*kc*w, side)
					for i := range dst {
						dst[i] = -7
					}
					name := fmt.Sprintf("%s %T width=%d cols=%d kc=%d ld=%d %v", what, dst[0], w, cols, kc, ld, side)
					if err := testutil.NoFault(func() { pack(dst, src, ld, cols, kc, w) }); err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					for s := range slivers {
						for l := range kc {
							for j := range w {
								var want T
								if s*w+j < cols {
									want = src[l*ld+s*w+j]
								}
								if got := dst[s*kc*w+l*w+j]; got != want {
									t.Fatalf("%s: sliver %d, l=%d, j=%d: got %v, want %v", name, s, l, j, got, want)
								}
							}
						}
					}
				}
			}
		}
	}
}
