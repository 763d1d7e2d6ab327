package kernels_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/testblas"

	"github.com/emberml/ember/internal/ref"
	"github.com/emberml/ember/internal/testutil"
	"github.com/emberml/ember/kernels"
)

// gemvSizes are the matrix sizes of the matrix-vector sweep: around every
// vector width (4, 8, 16 lanes, the four-row groups, the 2- and 4-vector
// unrolls of both forms) and beyond.
var gemvSizes = []int{1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 129, 200}

// gemvIncs are the vector increments the sweep uses: unit, strided and
// backwards.
var gemvIncs = []int{1, 2, -1, -3}

// gemvConfigs: as users get it, with blocks so small that every call is
// cut into many kernel calls (column blocks of the axpy form, depth and row
// blocks of the dot form), and with every call of 128 outputs or more split
// across three goroutines (narrow axpy-form calls of 64 rows or more: into
// two halves of their rows, see TestGemvHalves), with the axpy form's
// kernel for matrices larger than L2 (AVX-512's prefetching one, AVX2's
// eight-row one) and the dot form's one-row kernel (for matrices larger
// than gemvDotStreamBytes) on every matrix, and with the axpy form's
// kernel for matrices of half the L3 (the eight-row ones) on every
// matrix.
var gemvConfigs = []struct {
	name              string
	blockBytes, chunk int
	threads           int  // if not 0: every call split across this many goroutines
	stream            bool // the stream kernels for every matrix
	memory            bool // the axpy form's memory kernels for every matrix
}{
	{name: "default"},
	{name: "tiny-blocks", blockBytes: 40, chunk: 24},
	{name: "3-threads", threads: 3},
	{name: "stream-kernels", stream: true},
	{name: "memory-kernels", memory: true},
}

func forEachGemvConfig(t *testing.T, f func(t *testing.T)) {
	testutil.ForEachLevel(t, func(t *testing.T) {
		for _, cfg := range gemvConfigs {
			t.Run(cfg.name, func(t *testing.T) {
				if cfg.chunk > 0 {
					defer kernels.SetGemvBlocksForTest(cfg.blockBytes, cfg.chunk)()
				}
				if cfg.stream {
					defer kernels.SetGemvStreamForTest(0)()
				}
				if cfg.memory {
					defer kernels.SetGemvMemoryForTest(0)()
				}
				if cfg.threads > 0 {
					defer kernels.SetGemmBlocksForTest(0, 0, 0, 0, 1)()
					defer kernels.SetThreads(kernels.Threads())
					kernels.SetThreads(cfg.threads)
				}
				f(t)
			})
		}
	})
}

type gemvCase struct {
	tA          blas.Transpose
	m, n        int
	alpha, beta float64
	incX, incY  int
	pad         int
	special     bool
}

func (gc gemvCase) String() string {
	return fmt.Sprintf("%c/%dx%d/alpha=%g/beta=%g/inc=%d,%d/pad=%d/special=%v",
		transChar(gc.tA), gc.m, gc.n, gc.alpha, gc.beta, gc.incX, gc.incY, gc.pad, gc.special)
}

// newStrided returns a BLAS vector of n elements with increment inc (the
// gaps between elements hold padding()), and the indices of its elements
// in order.
func newStrided[T float32 | float64](r *rand.Rand, n, inc int, special bool) ([]T, []int) {
	step := max(inc, -inc)
	v := make([]T, (n-1)*step+1)
	for i := range v {
		v[i] = padding[T]()
	}
	idx := make([]int, n)
	start := 0
	if inc < 0 {
		start = (n - 1) * step
	}
	specials := []T{T(math.NaN()), T(math.Inf(1)), T(math.Inf(-1)), 0, T(math.Copysign(0, -1))}
	for i := range n {
		idx[i] = start + i*inc
		x := T(2*r.Float64() - 1)
		if special && r.IntN(8) == 0 {
			x = specials[r.IntN(len(specials))]
		}
		v[idx[i]] = x
	}
	return v, idx
}

func callGemv[T float32 | float64](tA blas.Transpose, m, n int, alpha T, a []T, lda int, x []T, incX int, beta T, y []T, incY int) {
	switch a := any(a).(type) {
	case []float32:
		kernels.Sgemv(tA, m, n, float32(alpha), a, lda, any(x).([]float32), incX, float32(beta), any(y).([]float32), incY)
	case []float64:
		kernels.Dgemv(tA, m, n, float64(alpha), a, lda, any(x).([]float64), incX, float64(beta), any(y).([]float64), incY)
	}
}

// checkGemv runs one Sgemv/Dgemv case against internal/ref's GEMM (x as a
// one-column matrix): every element within γ_{len(x)+2}·(|alpha|·|op(A)|·|x|
// + |beta|·|y|) plus ref's own rounding, NaN and ±Inf exactly where ref has
// them, A and x unmodified, A's padding and y's gaps untouched, y not read
// when beta == 0 (it starts as NaN then).
func checkGemv[T float32 | float64](t *testing.T, r *rand.Rand, gc gemvCase) {
	t.Helper()
	lenX, lenY := gc.n, gc.m
	if gc.tA != blas.NoTrans {
		lenX, lenY = gc.m, gc.n
	}
	a, lda := newMatrix[T](r, gc.m, gc.n, gc.pad, gc.special)
	x, xi := newStrided[T](r, lenX, gc.incX, gc.special)
	y, yi := newStrided[T](r, lenY, gc.incY, false)
	if gc.beta == 0 {
		for _, i := range yi {
			y[i] = T(math.NaN())
		}
	}
	a0, x0, y0 := append([]T(nil), a...), append([]T(nil), x...), append([]T(nil), y...)

	// The reference: y = alpha·op(A)·xv + beta·yv with xv, yv contiguous.
	xv, yv := make([]T, lenX), make([]T, lenY)
	for i, j := range xi {
		xv[i] = x[j]
	}
	for i, j := range yi {
		yv[i] = y[j]
	}
	alpha, beta := T(gc.alpha), T(gc.beta)
	want := append([]T(nil), yv...)
	ref.Gemm(gc.tA, blas.NoTrans, lenY, 1, lenX, alpha, a, lda, xv, 1, beta, want, 1)
	bound := testutil.GemmBound(gc.tA, blas.NoTrans, lenY, 1, lenX, alpha, a, lda, xv, 1, beta, yv, 1, unitRoundoff[T]())

	callGemv(gc.tA, gc.m, gc.n, alpha, a, lda, x, gc.incX, beta, y, gc.incY)

	checkUnchanged(t, gc, "a", a, a0)
	checkUnchanged(t, gc, "x", x, x0)
	isElem := make([]bool, len(y))
	for _, j := range yi {
		isElem[j] = true
	}
	for i := range y {
		if !isElem[i] && !sameBits(y[i], y0[i]) {
			t.Fatalf("%v: gap y[%d] overwritten with %v", gc, i, y[i])
		}
	}
	u := unitRoundoff[T]()
	bad := 0
	for i, j := range yi {
		got, w := float64(y[j]), float64(want[i])
		if !withinBound(got, w, bound[i], u) {
			t.Errorf("%v: y element %d = %v, want %v (ref), bound %g", gc, i, got, w, bound[i])
			if bad++; bad > 5 {
				t.FailNow()
			}
		}
	}
}

// gemvSweepCases: both transposes for every (m, n) from gemvSizes (a
// sample with -short), cycling through alphas, betas, increments, padding
// and special values, plus shapes crossing the default blocks (16 KiB of
// sums in the axpy form, 64 Ki elements a call).
func gemvSweepCases(r *rand.Rand, short bool) []gemvCase {
	var cases []gemvCase
	idx := 0
	add := func(m, n int) {
		for _, tA := range gemmTrans {
			cases = append(cases, gemvCase{
				tA: tA, m: m, n: n,
				alpha: gemmAlphas[idx%3], beta: gemmBetas[idx/3%3],
				incX: gemvIncs[idx%4], incY: gemvIncs[idx/4%4],
				pad: idx % 3, special: idx%5 == 0,
			})
			idx++
		}
	}
	if short {
		for range 80 {
			add(gemvSizes[r.IntN(len(gemvSizes))], gemvSizes[r.IntN(len(gemvSizes))])
		}
	} else {
		for _, m := range gemvSizes {
			for _, n := range gemvSizes {
				add(m, n)
			}
		}
	}
	add(3, 4097)  // float32 axpy form: a second column block
	add(2049, 5)  // float64 axpy form (Trans): a second column block
	add(2, 33000) // dot form: depth cut in blocks
	add(70000, 2) // axpy form: rows cut in blocks
	return cases
}

func TestGemvSweep(t *testing.T) {
	forEachGemvConfig(t, func(t *testing.T) {
		t.Run("Sgemv", func(t *testing.T) {
			r := testutil.NewRand(3)
			for _, gc := range gemvSweepCases(r, testing.Short()) {
				checkGemv[float32](t, r, gc)
			}
		})
		t.Run("Dgemv", func(t *testing.T) {
			r := testutil.NewRand(4)
			for _, gc := range gemvSweepCases(r, testing.Short()) {
				checkGemv[float64](t, r, gc)
			}
		})
	})
}

// TestGemmVectorShapes runs Sgemm/Dgemm products with one row or one
// column (the matrix-vector path) in every transpose pair, with padded
// leading dimensions, around the vector widths, across the block
// boundaries (with tiny blocks too), and 1×1 products of long dot products.
func TestGemmVectorShapes(t *testing.T) {
	sizes := []int{2, 3, 5, 8, 9, 16, 17, 33, 64, 65, 130}
	forEachGemvConfig(t, func(t *testing.T) {
		r := testutil.NewRand(5)
		idx := 0
		for _, one := range []int{1} {
			for _, other := range sizes {
				for _, k := range []int{1, 3, 8, 17, 64, 65, 300} {
					for _, tA := range gemmTrans {
						for _, tB := range gemmTrans {
							gc := gemmCase{tA: tA, tB: tB, k: k,
								alpha: gemmAlphas[idx%3], beta: gemmBetas[idx/3%3],
								padA: idx % 3, padB: idx % 5 % 3, padC: idx % 7 % 3, special: idx%4 == 0}
							gc.m, gc.n = one, other
							if idx%2 == 1 {
								gc.m, gc.n = other, one
							}
							if idx%11 == 0 {
								gc.m, gc.n = 1, 1
							}
							checkGemm[float32](t, r, gc)
							checkGemm[float64](t, r, gc)
							idx++
						}
					}
				}
			}
		}
		for _, s := range [][3]int{{1, 4097, 9}, {1, 2049, 7}, {4097, 1, 9}, {1, 1, 70001}, {1, 3, 40000}, {3, 1, 40000}} {
			for _, tA := range gemmTrans {
				for _, tB := range gemmTrans {
					gc := gemmCase{tA: tA, tB: tB, m: s[0], n: s[1], k: s[2], alpha: -0.7, beta: 1.3, padA: 1, padB: 2, padC: 1}
					checkGemm[float32](t, r, gc)
					checkGemm[float64](t, r, gc)
				}
			}
		}
	})
}

// TestGemvAxpyBlocks covers the axpy form's column blocks (y in up to 16
// AVX-512 or 12 AVX2 vectors, the last one masked) at every level: Sgemv
// and Dgemv with Trans, every width up to two float32 AVX-512 blocks and
// past them (every vector count, with a whole or partial last vector, as
// the first, second and third block), against the reference; and with A
// against an unmapped page, every vector count of a block ending in a
// partial vector, with the plain kernels and with the stream and memory
// kernels on every matrix (for the eight-row ones: chunks of eight
// vectors, single vectors and masked tails, in groups of eight rows and
// single rows).
func TestGemvAxpyBlocks(t *testing.T) {
	testutil.ForEachLevel(t, func(t *testing.T) {
		r := testutil.NewRand(9)
		idx := 0
		for n := 1; n <= 2*256+17; n++ {
			gc := gemvCase{tA: blas.Trans, m: 1 + idx%3, n: n,
				alpha: gemmAlphas[idx%3], beta: gemmBetas[idx/3%3],
				incX: 1, incY: 1, pad: idx % 3, special: idx%7 == 0}
			checkGemv[float32](t, r, gc)
			if n <= 2*128+9 {
				checkGemv[float64](t, r, gc)
			}
			idx++
		}
		// Widths 16v+3, +6, +9 and +14 end a block with each vector count
		// and a partial last vector, for 16 and 8 lanes (+3, +9) and 4
		// (all four); with the plain, the stream and the memory kernels
		// (the eight-row ones take chunks of eight vectors).
		for _, kern := range []struct{ stream, memory int }{{-1, -1}, {0, -1}, {-1, 0}} { // plain, stream, memory
			func() {
				defer kernels.SetGemvStreamForTest(kern.stream)()
				defer kernels.SetGemvMemoryForTest(kern.memory)()
				for _, side := range testutil.GuardSides {
					for v := range 34 {
						for _, n := range []int{16*v + 3, 16*v + 6, 16*v + 9, 16*v + 14} {
							// Rows: 2; 8 and 16 (the last row of a group of
							// the eight-row kernels ends at the guard page);
							// 9 and 17 (a group, then a single row).
							for _, m := range []int{2, 8, 9, 16, 17} {
								guardedGemv[float32](t, side, blas.Trans, m, n, testutil.GuardedFloat32s)
								guardedGemv[float64](t, side, blas.Trans, m, n, testutil.GuardedFloat64s)
							}
						}
					}
				}
			}()
		}
	})
}

// TestGemvStreamSameBits: the axpy form's kernels for matrices beyond L2
// (AVX-512's prefetching one, AVX2's eight rows at a time) and beyond half
// the L3 (eight rows at a time at both) add the same terms in the same
// order as the plain ones, so their choice, which follows the cache sizes
// and the part's width, changes no bit: x·W products, narrow (one block,
// summed in halves when parallel) and wide (blocks and panels), with
// whole chunks, single vectors and masked tails of columns and groups of
// eight rows and single rows, at every level and 1 and 2 threads, with
// each kernel on every matrix against the plain one on every matrix.
func TestGemvStreamSameBits(t *testing.T) {
	defer kernels.SetThreads(kernels.Threads())
	kernelsOf := []struct {
		name           string
		stream, memory int
	}{{"plain", math.MaxInt, -1}, {"stream", 0, -1}, {"memory", -1, 0}}
	testutil.ForEachLevel(t, func(t *testing.T) {
		for _, s := range [][2]int{{256, 784}, {1030, 300}, {37, 1000}, {300, 7}} {
			n, k := s[0], s[1]
			r := testutil.NewRand(uint64(n*7 + k))
			x, _ := newMatrix[float32](r, 1, k, 0, false)
			w, _ := newMatrix[float32](r, k, n, 0, false)
			xd, _ := newMatrix[float64](r, 1, k, 0, false)
			wd, _ := newMatrix[float64](r, k, n, 0, false)
			for _, threads := range []int{1, 2} {
				kernels.SetThreads(threads)
				got := make([][]float32, len(kernelsOf))
				gotD := make([][]float64, len(kernelsOf))
				for i, kern := range kernelsOf {
					restoreStream := kernels.SetGemvStreamForTest(kern.stream)
					restoreMemory := kernels.SetGemvMemoryForTest(kern.memory)
					got[i] = make([]float32, n)
					gotD[i] = make([]float64, n)
					kernels.Sgemm(blas.NoTrans, blas.NoTrans, 1, n, k, 1, x, k, w, n, 0, got[i], n)
					kernels.Dgemm(blas.NoTrans, blas.NoTrans, 1, n, k, 1, xd, k, wd, n, 0, gotD[i], n)
					restoreMemory()
					restoreStream()
				}
				for i := 1; i < len(kernelsOf); i++ {
					for j := range n {
						if math.Float32bits(got[0][j]) != math.Float32bits(got[i][j]) || math.Float64bits(gotD[0][j]) != math.Float64bits(gotD[i][j]) {
							t.Fatalf("1x%dx%d, %d threads: y[%d] plain %v / %v, %s %v / %v", n, k, threads, j, got[0][j], gotD[0][j], kernelsOf[i].name, got[i][j], gotD[i][j])
						}
					}
				}
			}
		}
	})
}

// TestGemvGuardPages puts A, x and y right against an unmapped page on
// either side: the in-place kernels must not read or write past any row.
func TestGemvGuardPages(t *testing.T) {
	sizes := []int{1, 3, 4, 5, 8, 15, 16, 17, 33, 64, 65}
	forEachGemvConfig(t, func(t *testing.T) {
		for _, side := range testutil.GuardSides {
			for i, m := range sizes {
				for j, n := range sizes {
					tA := gemmTrans[(i+j)%2]
					guardedGemv[float32](t, side, tA, m, n, testutil.GuardedFloat32s)
					guardedGemv[float64](t, side, tA, m, n, testutil.GuardedFloat64s)
				}
			}
		}
	})
}

func guardedGemv[T float32 | float64](t *testing.T, side testutil.GuardSide, tA blas.Transpose, m, n int, alloc func(testing.TB, int, testutil.GuardSide) []T) {
	t.Helper()
	r := testutil.NewRand(uint64(m*1000 + n))
	lenX, lenY := n, m
	if tA != blas.NoTrans {
		lenX, lenY = m, n
	}
	a0, _ := newMatrix[T](r, m, n, 0, false)
	x0, _ := newMatrix[T](r, 1, lenX, 0, false)
	a, x, y := alloc(t, len(a0), side), alloc(t, lenX, side), alloc(t, lenY, side)
	copy(a, a0)
	copy(x, x0)
	want := make([]T, lenY)
	ref.Gemm(tA, blas.NoTrans, lenY, 1, lenX, 1, a0, n, x0, 1, 0, want, 1)
	if err := testutil.NoFault(func() { callGemv(tA, m, n, 1, a, n, x, 1, 0, y, 1) }); err != nil {
		t.Fatalf("%c %dx%d guard %v: %v", transChar(tA), m, n, side, err)
	}
	bound := testutil.GemmBound(tA, blas.NoTrans, lenY, 1, lenX, 1, a0, n, x0, 1, 0, want, 1, unitRoundoff[T]())
	for i := range y {
		if d := math.Abs(float64(y[i]) - float64(want[i])); d > bound[i]+unitRoundoff[T]()*math.Abs(float64(want[i])) {
			t.Fatalf("%c %dx%d guard %v: y[%d] = %v, want %v", transChar(tA), m, n, side, i, y[i], want[i])
		}
	}
}

// TestGemvZeroAlphaDoesNotReadAX: with alpha == 0, A and x are not read
// (NaN in them does not reach y), y = beta·y, and beta == 0 zeroes y
// without reading it.
func TestGemvZeroAlphaDoesNotReadAX(t *testing.T) {
	nan := float32(math.NaN())
	a := []float32{nan, nan, nan, nan, nan, nan}
	x := []float32{nan, nan, nan}
	y := []float32{2, -3}
	kernels.Sgemv(blas.NoTrans, 2, 3, 0, a, 3, x, 1, 0.5, y, 1)
	if y[0] != 1 || y[1] != -1.5 {
		t.Errorf("alpha = 0, beta = 0.5: y = %v, want [1 -1.5]", y)
	}
	y = []float32{nan, float32(math.Inf(1))}
	kernels.Sgemv(blas.Trans, 3, 2, 0, a[:6], 2, x, 1, 0, y, 1)
	if y[0] != 0 || y[1] != 0 {
		t.Errorf("alpha = 0, beta = 0: y = %v, want [0 0]", y)
	}
}

// TestGemvPanics compares the panics of Sgemv and Dgemv with gonum's own,
// message for message (with "blas:" replaced by "kernels:").
func TestGemvPanics(t *testing.T) {
	type call struct {
		name       string
		tA         blas.Transpose
		m, n, lda  int
		lenA       int
		lenX, incX int
		lenY, incY int
	}
	calls := []call{
		{"bad transpose", 'X', 2, 3, 3, 6, 3, 1, 2, 1},
		{"m < 0", blas.NoTrans, -1, 3, 3, 6, 3, 1, 2, 1},
		{"n < 0", blas.NoTrans, 2, -1, 3, 6, 3, 1, 2, 1},
		{"lda", blas.NoTrans, 2, 3, 2, 6, 3, 1, 2, 1},
		{"incX", blas.NoTrans, 2, 3, 3, 6, 3, 0, 2, 1},
		{"incY", blas.NoTrans, 2, 3, 3, 6, 3, 1, 2, 0},
		{"short x", blas.NoTrans, 2, 3, 3, 6, 2, 1, 2, 1},
		{"short x, negative inc", blas.NoTrans, 2, 3, 3, 6, 4, -2, 2, 1},
		{"short x, Trans", blas.Trans, 2, 3, 3, 6, 1, 1, 3, 1},
		{"short y", blas.NoTrans, 2, 3, 3, 6, 3, 1, 1, 1},
		{"short y, negative inc", blas.Trans, 2, 3, 3, 6, 2, 1, 4, -2},
		{"short a", blas.NoTrans, 2, 3, 3, 5, 3, 1, 2, 1},
		{"empty ok", blas.NoTrans, 0, 3, 3, 0, 0, 1, 0, 1},
	}
	for _, c := range calls {
		a, x, y := make([]float32, c.lenA), make([]float32, c.lenX), make([]float32, c.lenY)
		want := panicMessage(func() {
			kernels.Implementation{}.Implementation.Sgemv(c.tA, c.m, c.n, 1, a, c.lda, x, c.incX, 0, y, c.incY)
		})
		if len(want) > 5 {
			want = "kernels:" + want[len("blas:"):]
		}
		got := panicMessage(func() { kernels.Sgemv(c.tA, c.m, c.n, 1, a, c.lda, x, c.incX, 0, y, c.incY) })
		if got != want {
			t.Errorf("Sgemv %s: panic %q, want %q", c.name, got, want)
		}
		a64, x64, y64 := make([]float64, c.lenA), make([]float64, c.lenX), make([]float64, c.lenY)
		got = panicMessage(func() { kernels.Dgemv(c.tA, c.m, c.n, 1, a64, c.lda, x64, c.incX, 0, y64, c.incY) })
		if got != want {
			t.Errorf("Dgemv %s: panic %q, want %q", c.name, got, want)
		}
	}
}

// TestImplementationDgemv runs gonum's own Dgemv tests on Implementation.
func TestImplementationDgemv(t *testing.T) {
	testutil.ForEachLevel(t, func(t *testing.T) {
		testblas.DgemvTest(t, kernels.Implementation{})
	})
}

// TestGemvNoAllocs: repeated matrix-vector calls allocate nothing once
// the scratch pool is warm.
func TestGemvNoAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	testutil.ForEachLevel(t, func(t *testing.T) {
		a, x, y := make([]float32, 300*200), make([]float32, 600), make([]float32, 600)
		// A narrow product summed in two halves of its rows (above the
		// parallel cut-off), on as many threads as the test has.
		w, v := make([]float32, 784*256), make([]float32, 784)
		for _, call := range []func(){
			func() { kernels.Sgemv(blas.NoTrans, 300, 200, 1, a, 200, x, 2, 1, y, 1) },
			func() { kernels.Sgemv(blas.Trans, 300, 200, 1, a, 200, x, 1, 0, y, -3) },
			func() { kernels.Sgemm(blas.NoTrans, blas.NoTrans, 1, 200, 300, 1, x, 300, a, 200, 0, y, 200) },
			func() { kernels.Sgemm(blas.NoTrans, blas.NoTrans, 300, 1, 200, 1, a, 200, x, 2, 0, y, 2) },
			func() { kernels.Sgemm(blas.NoTrans, blas.NoTrans, 1, 256, 784, 1, v, 784, w, 256, 0, y, 256) },
		} {
			call()
			if allocs := testing.AllocsPerRun(20, call); allocs != 0 {
				t.Errorf("%v allocations per call, want 0", allocs)
			}
		}
	})
}

// TestGemmPathBoundaries runs, at every level, the default configuration
// on both sides of every place where the path chosen by the cost model
// changes (small-product kernels or packing), ±1 around it, as n grows for
// a few m and k, and around the matrix-vector path's m = 1 and n = 1.
// Where the two paths cost about the same, the model's choice alternates
// with n's padding (every 8 or 16 columns); with -short only the first,
// a middle and the last change of each run of n are checked. Then, as m
// grows, the changes of the strips' rule for products in L2 (and, as n
// crosses rows of 4 KB, where it stops at AVX2), and, on the blocked path
// forced, the changes of B's packing (rows, and B's row stride).
func TestGemmPathBoundaries(t *testing.T) {
	testutil.ForEachLevel(t, func(t *testing.T) {
		r := testutil.NewRand(7)
		flips := 0
		for _, mk := range [][2]int{{7, 9}, {40, 64}, {96, 130}, {200, 33}, {128, 256}} {
			m, k := mk[0], mk[1]
			for _, size := range []int{4, 8} {
				for _, tB := range gemmTrans {
					bTrans := tB != blas.NoTrans
					var changes []int
					prev := kernels.UsesStrips(m, 2, k, size, bTrans)
					for n := 3; n <= 400; n++ {
						if cur := kernels.UsesStrips(m, n, k, size, bTrans); cur != prev {
							changes = append(changes, n)
							prev = cur
						}
					}
					if testing.Short() && len(changes) > 3 {
						changes = []int{changes[0], changes[len(changes)/2], changes[len(changes)-1]}
					}
					for _, n := range changes {
						flips++
						for _, nn := range []int{n - 1, n, n + 1} {
							gc := gemmCase{tA: blas.NoTrans, tB: tB, m: m, n: nn, k: k, alpha: -0.7, beta: 1.3, padA: 1, padB: 2, padC: 2}
							if size == 4 {
								checkGemm[float32](t, r, gc)
							} else {
								checkGemm[float64](t, r, gc)
							}
						}
					}
				}
			}
		}
		t.Logf("%d path changes checked", flips)
		// Around the strips' rule for products in L2 (op(A) and a strip
		// of B within a budget of it) as m grows, and around B's rows of
		// 4 KB, where it stops at AVX2.
		l2Flips := 0
		l2Shapes := [][2]int{{40, 256}, {64, 256}, {100, 700}, {256, 300}}
		if testing.Short() {
			l2Shapes = l2Shapes[:2] // the boundary's products are smallest with few columns
		}
		for _, nk := range l2Shapes {
			n, k := nk[0], nk[1]
			for _, size := range []int{4, 8} {
				prev := kernels.UsesStrips(2, n, k, size, false)
				for m := 3; m <= 8192; m++ {
					cur := kernels.UsesStrips(m, n, k, size, false)
					if cur == prev {
						continue
					}
					l2Flips++
					prev = cur
					for _, mm := range []int{m - 1, m, m + 1} {
						gc := gemmCase{tA: gemmTrans[mm%2], tB: blas.NoTrans, m: mm, n: n, k: k, alpha: 1.1, beta: 0.5, padA: 1, padB: 2, padC: 1}
						if size == 4 {
							checkGemm[float32](t, r, gc)
						} else {
							checkGemm[float64](t, r, gc)
						}
					}
				}
			}
		}
		for _, size := range []int{4, 8} {
			for n := 4096/size - 1; n <= 4096/size+1; n++ {
				if kernels.UsesStrips(64, n, 128, size, false) != kernels.UsesStrips(64, n-1, 128, size, false) {
					l2Flips++
				}
				gc := gemmCase{tA: blas.NoTrans, tB: blas.NoTrans, m: 64, n: n, k: 128, alpha: -1, beta: 1, padA: 2, padB: 1, padC: 3}
				if size == 4 {
					checkGemm[float32](t, r, gc)
				} else {
					checkGemm[float64](t, r, gc)
				}
			}
		}
		t.Logf("%d changes of the strips' rule for products in L2 checked", l2Flips)
		if l2Flips == 0 && (kernels.Active() == kernels.AVX2 || kernels.Active() == kernels.AVX512) {
			t.Errorf("no change of the strips' rule for products in L2 found: the scan misses its boundary")
		}
		// Around the limits of reading B in place (rows, and B's row
		// stride in bytes), on the blocked path (forced: the strips' rule
		// for products in L2 would take these shapes), with B padded; a
		// short k, which that rule does not depend on, keeps it quick.
		blockedOnly := kernels.SetStripGemmForTest(0)
		defer blockedOnly() // on a failure; restoring twice is harmless
		directFlips := 0
		pads := []int{1, 2, 3, 4, 5}
		if testing.Short() {
			pads = pads[:3] // float64 rows of 510 + 2 are the last within 4 KB
		}
		for _, nk := range [][2]int{{130, 32}, {510, 32}} {
			n, k := nk[0], nk[1]
			for _, size := range []int{4, 8} {
				for _, padB := range pads {
					prev := kernels.UsesDirectB(2, n+padB, size)
					for m := 3; m <= 300; m++ {
						cur := kernels.UsesDirectB(m, n+padB, size)
						if cur == prev {
							continue
						}
						directFlips++
						prev = cur
						for _, mm := range []int{m - 1, m, m + 1} {
							gc := gemmCase{tA: blas.Trans, tB: blas.NoTrans, m: mm, n: n, k: k, alpha: 0.9, beta: -1.1, padA: 2, padB: padB, padC: 1}
							if size == 4 {
								checkGemm[float32](t, r, gc)
							} else {
								checkGemm[float64](t, r, gc)
							}
						}
					}
				}
			}
		}
		blockedOnly()
		t.Logf("%d changes of B's packing checked", directFlips)
		// Around m == 1, n == 1 and the matrix-vector path's stack sums
		// (outputs of 64 and 65), with k = 1, strided and padded operands.
		for _, s := range [][3]int{{1, 2, 3}, {2, 2, 3}, {2, 1, 3}, {1, 70, 9}, {2, 70, 9}, {70, 1, 9}, {70, 2, 9},
			{1, 64, 9}, {1, 65, 9}, {64, 1, 9}, {65, 1, 9}, {1, 64, 1}, {64, 1, 1}, {1, 10, 1}, {10, 1, 1},
			{10, 10, 1}, {70, 9, 1}, {9, 70, 1}} { // and outer products (k = 1)
			for _, tA := range gemmTrans {
				for _, tB := range gemmTrans {
					checkGemm[float32](t, r, gemmCase{tA: tA, tB: tB, m: s[0], n: s[1], k: s[2], alpha: 1, beta: 0})
					checkGemm[float64](t, r, gemmCase{tA: tA, tB: tB, m: s[0], n: s[1], k: s[2], alpha: -0.5, beta: 2, padA: 2, padB: 1, padC: 3})
				}
			}
		}
	})
}

// TestGemvHalves: a narrow axpy-form product large enough to go parallel
// (rows of at most 1 KiB, more than 64 outputs) is summed in two halves of
// its rows, each in order, then added, at every level and on any number of
// threads: its bits are those of the two half-products (each too small to
// be split again) added, through Sgemm with m == 1, Sgemm with n == 1
// and A transposed, and Sgemv with Trans, with padded rows.
func TestGemvHalves(t *testing.T) {
	defer kernels.SetThreads(kernels.Threads())
	testutil.ForEachLevel(t, func(t *testing.T) {
		// k, n, pad: float32 rows of 256 and 200 elements (1 KiB and
		// less), the second with an odd k (halves of 251 and 250 rows);
		// each product is above the parallel cut-off (2·k·n ≥ 2¹⁷ flops),
		// each half-product below it.
		for _, s := range [][3]int{{500, 256, 0}, {501, 200, 3}} {
			checkGemvHalves[float32](t, s[0], s[1], s[2])
		}
		checkGemvHalves[float64](t, 900, 128, 5) // 1 KiB rows
	})
}

func checkGemvHalves[T float32 | float64](t *testing.T, k, n, pad int) {
	t.Helper()
	r := testutil.NewRand(uint64(k + n))
	x, _ := newMatrix[T](r, 1, k, 0, false)
	a, lda := newMatrix[T](r, k, n, pad, false)
	h := (k + 1) / 2
	kernels.SetThreads(1)
	// The halves, each a product of fewer flops than the parallel cut-off.
	lo, hi := make([]T, n), make([]T, n)
	callGemm(blas.NoTrans, blas.NoTrans, 1, n, h, 1, x[:h], h, a, lda, 0, lo, n)
	callGemm(blas.NoTrans, blas.NoTrans, 1, n, k-h, 1, x[h:], k-h, a[h*lda:], lda, 0, hi, n)
	want := make([]T, n)
	for j := range want {
		want[j] = lo[j] + hi[j]
	}
	for _, threads := range []int{1, 2, 3, 4} {
		kernels.SetThreads(threads)
		for _, call := range []struct {
			name string
			run  func(y []T)
		}{
			{"x·A", func(y []T) { callGemm(blas.NoTrans, blas.NoTrans, 1, n, k, 1, x, k, a, lda, 0, y, n) }},
			{"Aᵀ·x", func(y []T) { callGemm(blas.Trans, blas.NoTrans, n, 1, k, 1, a, lda, x, 1, 0, y, 1) }},
			{"gemv", func(y []T) { callGemv(blas.Trans, k, n, 1, a, lda, x, 1, 0, y, 1) }},
		} {
			if call.name == "Aᵀ·x" && kernels.Active() == kernels.Generic {
				// One-column products of up to 64³ multiply-adds take
				// gemmDirect at this level, each sum in one order.
				continue
			}
			y := make([]T, n)
			call.run(y)
			for j := range y {
				if !sameBits(y[j], want[j]) {
					t.Fatalf("%T k=%d n=%d %s, %d threads: y[%d] = %v, want the halves' sums added, %v", y[0], k, n, call.name, threads, j, y[j], want[j])
				}
			}
		}
	}
}
