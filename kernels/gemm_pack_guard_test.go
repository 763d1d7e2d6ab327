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

// TestPackBGuarded packs untransposed B blocks (and transposed A blocks:
// guardedPackATrans) on their own, at every level, with the operand
// exactly as long as the block and the packed buffer exactly as long as
// its slivers, a guard page on either side of each: sliver
// widths of one to four lines (the amd64 levels copy whole slivers of
// whole lines row by row across the block, with assembly that prefetches
// two rows ahead) and others, blocks of one to several whole slivers with
// and without a partial one, padded and unpadded rows. It checks every
// packed element and that the partial sliver's padding is zero.
func TestPackBGuarded(t *testing.T) {
	testutil.ForEachLevel(t, func(t *testing.T) {
		for _, side := range testutil.GuardSides {
			t.Run(side.String(), func(t *testing.T) {
				guardedPackB[float32](t, side, testutil.GuardedFloat32s)
				guardedPackB[float64](t, side, testutil.GuardedFloat64s)
				guardedPackATrans[float32](t, side, testutil.GuardedFloat32s)
				guardedPackATrans[float64](t, side, testutil.GuardedFloat64s)
			})
		}
	})
}

// guardedPackATrans is TestPackBGuarded's check of a transposed A: the
// stored A's rows (op(A)'s columns) hold the slivers' runs of mr, which
// the amd64 levels copy with assembly (six at a time for mr = 6, four runs
// per step, then the rest).
func guardedPackATrans[T float32 | float64](t *testing.T, side testutil.GuardSide, alloc func(testing.TB, int, testutil.GuardSide) []T) {
	for _, mr := range []int{4, 6, 8, 16} {
		for _, mc := range []int{1, mr - 1, mr, mr + 1, 2 * mr, 3*mr - 1} {
			for _, kc := range []int{1, 2, 3, 4, 5, 9} {
				for _, pad := range []int{0, 3} {
					lda := mc + pad
					a := alloc(t, (kc-1)*lda+mc, side)
					for i := range a {
						a[i] = T(i + 1)
					}
					slivers := (mc + mr - 1) / mr
					dst := alloc(t, slivers*kc*mr, side)
					for i := range dst {
						dst[i] = -7
					}
					name := fmt.Sprintf("%T mr=%d mc=%d kc=%d lda=%d %v", dst[0], mr, mc, kc, lda, side)
					if err := testutil.NoFault(func() { kernels.PackATransForTest(dst, a, lda, mc, kc, mr) }); err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					for s := range slivers {
						for l := range kc {
							for r := range mr {
								var w T
								if s*mr+r < mc {
									w = a[l*lda+s*mr+r]
								}
								if got := dst[s*kc*mr+l*mr+r]; got != w {
									t.Fatalf("%s: sliver %d, l=%d, r=%d: got %v, want %v", name, s, l, r, got, w)
								}
							}
						}
					}
				}
			}
		}
	}
}

func guardedPackB[T float32 | float64](t *testing.T, side testutil.GuardSide, alloc func(testing.TB, int, testutil.GuardSide) []T) {
	for _, nr := range []int{6, 8, 16, 32, 64} {
		for _, nc := range []int{1, nr - 1, nr, nr + 1, 2 * nr, 3*nr - 1, 4 * nr} {
			for _, kc := range []int{1, 2, 3, 5} {
				for _, pad := range []int{0, 3} {
					if nc < 1 {
						continue
					}
					ldb := nc + pad
					b := alloc(t, (kc-1)*ldb+nc, side)
					for i := range b {
						b[i] = T(i + 1)
					}
					slivers := (nc + nr - 1) / nr
					dst := alloc(t, slivers*kc*nr, side)
					for i := range dst {
						dst[i] = -7
					}
					name := fmt.Sprintf("%T nr=%d nc=%d kc=%d ldb=%d %v", dst[0], nr, nc, kc, ldb, side)
					if err := testutil.NoFault(func() { kernels.PackBForTest(dst, b, ldb, kc, nc, nr) }); err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					for s := range slivers {
						for l := range kc {
							for j := range nr {
								var w T
								if s*nr+j < nc {
									w = b[l*ldb+s*nr+j]
								}
								if got := dst[s*kc*nr+l*nr+j]; got != w {
									t.Fatalf("%s: sliver %d, l=%d, j=%d: got %v, want %v", name, s, l, j, got, w)
								}
							}
						}
					}
				}
			}
		}
	}
}
