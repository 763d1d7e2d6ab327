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
