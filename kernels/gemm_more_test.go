package kernels_test

import (
	"fmt"
	"math"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/blas/gonum"
	"gonum.org/v1/gonum/blas/testblas"
	"gonum.org/v1/gonum/mat"

	"github.com/emberml/ember/internal/ref"
	"github.com/emberml/ember/internal/testutil"
	"github.com/emberml/ember/kernels"
)

// TestGemmSpecialValues sweeps shapes with NaN, ±Inf and ±0 mixed into A
// and B, and with special alpha and beta: ref says where NaN and Inf must
// come out, and zeros in A or B must never hide them.
func TestGemmSpecialValues(t *testing.T) {
	sizes := []int{1, 3, 7, 17, 33}
	scalars := [][2]float64{{1, 0}, {-0.7, 1.3}, {1, math.NaN()}, {math.Inf(1), 1}, {math.NaN(), 0}, {2, math.Inf(-1)}}
	forEachGemmConfig(t, func(t *testing.T) {
		r := testutil.NewRand(3)
		i := 0
		for _, m := range sizes {
			for _, n := range sizes {
				for _, k := range sizes {
					s := scalars[i%len(scalars)]
					gc := gemmCase{tA: gemmTrans[i%2], tB: gemmTrans[i/2%2], m: m, n: n, k: k, alpha: s[0], beta: s[1], special: true}
					i++
					checkGemm[float32](t, r, gc)
					checkGemm[float64](t, r, gc)
				}
			}
		}
	})
}

// TestGemmZeroAlphaDoesNotReadAB: with alpha == 0 (or k == 0) A and B are
// not read, so NaN in them does not reach C; beta == 0 then zeroes C even
// over NaN, and beta == 1 leaves it bit for bit.
func TestGemmZeroAlphaDoesNotReadAB(t *testing.T) {
	testutil.ForEachLevel(t, func(t *testing.T) {
		for _, beta := range []float32{0, 1, -2} {
			m, n, k := 9, 17, 5
			a := make([]float32, m*k)
			b := make([]float32, k*n)
			for i := range a {
				a[i] = float32(math.NaN())
			}
			for i := range b {
				b[i] = float32(math.Inf(1))
			}
			c := make([]float32, m*n)
			for i := range c {
				c[i] = float32(i)
				if beta == 0 {
					c[i] = float32(math.NaN())
				}
			}
			c0 := append([]float32(nil), c...)
			// checkScaled checks that c is beta·c0 (0 when beta is 0);
			// prefix starts the failure message.
			checkScaled := func(prefix string) {
				for i := range c {
					want := beta * c0[i]
					if beta == 0 {
						want = 0
					}
					if math.Float32bits(c[i]) != math.Float32bits(want) {
						t.Fatalf("%sbeta=%v: c[%d] = %v, want %v", prefix, beta, i, c[i], want)
					}
				}
			}
			kernels.Sgemm(blas.NoTrans, blas.NoTrans, m, n, k, 0, a, k, b, n, beta, c, n)
			checkScaled("")
			// k == 0 with a non-zero alpha: the product is empty.
			copy(c, c0)
			kernels.Sgemm(blas.NoTrans, blas.NoTrans, m, n, 0, 3, a[:m], 1, nil, n, beta, c, n)
			checkScaled("k=0, ")
		}
	})
}

// TestGemmPanics: every bad argument gonum's Sgemm/Dgemm panic on makes
// ember panic too, with gonum's message behind "kernels: " instead of
// "blas: ", checked in gonum's order.
func TestGemmPanics(t *testing.T) {
	type args struct {
		tA, tB        blas.Transpose
		m, n, k       int
		lda, ldb, ldc int
		la, lb, lc    int
	}
	ok := args{blas.NoTrans, blas.NoTrans, 3, 4, 5, 5, 4, 4, 15, 20, 12}
	cases := []func(a *args){
		func(a *args) { a.tA = 'X' },
		func(a *args) { a.tB = 0 },
		func(a *args) { a.m = -1 },
		func(a *args) { a.n = -1 },
		func(a *args) { a.k = -1 },
		func(a *args) { a.m, a.n = -1, -1 }, // m is checked first
		func(a *args) { a.lda = 4 },
		func(a *args) { a.tA, a.lda = blas.Trans, 2 },
		func(a *args) { a.ldb = 3 },
		func(a *args) { a.tB, a.ldb = blas.Trans, 4 },
		func(a *args) { a.ldc = 3 },
		func(a *args) { a.la = 14 },
		func(a *args) { a.lb = 19 },
		func(a *args) { a.lc = 11 },
		func(a *args) { a.lda, a.la = 0, 0 }, // ld checked before length
		func(a *args) { a.k, a.lda, a.ldb = 0, 1, 4 },
	}
	for i, mutate := range cases {
		a := ok
		mutate(&a)
		want := panicMessage(func() {
			gonum.Implementation{}.Sgemm(a.tA, a.tB, a.m, a.n, a.k, 1, make([]float32, a.la), a.lda, make([]float32, a.lb), a.ldb, 0, make([]float32, a.lc), a.ldc)
		})
		got := panicMessage(func() {
			kernels.Sgemm(a.tA, a.tB, a.m, a.n, a.k, 1, make([]float32, a.la), a.lda, make([]float32, a.lb), a.ldb, 0, make([]float32, a.lc), a.ldc)
		})
		got64 := panicMessage(func() {
			kernels.Dgemm(a.tA, a.tB, a.m, a.n, a.k, 1, make([]float64, a.la), a.lda, make([]float64, a.lb), a.ldb, 0, make([]float64, a.lc), a.ldc)
		})
		wantOurs := ""
		if want != "" {
			wantOurs = "kernels: " + strings.TrimPrefix(want, "blas: ")
		}
		if got != wantOurs || got64 != wantOurs {
			t.Errorf("case %d %+v: Sgemm panicked %q, Dgemm %q; gonum %q", i, a, got, got64, want)
		}
	}
	if got := panicMessage(func() {
		kernels.Sgemm(ok.tA, ok.tB, ok.m, ok.n, ok.k, 1, make([]float32, ok.la), ok.lda, make([]float32, ok.lb), ok.ldb, 0, make([]float32, ok.lc), ok.ldc)
	}); got != "" {
		t.Fatalf("valid call panicked: %s", got)
	}
}

// panicMessage runs f and returns what it panicked with, or "".
func panicMessage(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}

// TestGemmThreadsBitIdentical: one level gives the same bits whatever the
// thread count, with the default blocks and thresholds and with tiny blocks
// split into many parts.
func TestGemmThreadsBitIdentical(t *testing.T) {
	// The last two are narrow matrix-vector products summed in two halves
	// of their rows (see TestGemvHalves; at the generic level the second,
	// one column of 256·784 multiply-adds, takes gemmDirect instead).
	shapes := [][3]int{{200, 300, 517}, {1, 3000, 517}, {37, 1000, 64}, {700, 19, 300}, {4000, 1, 300}, {1, 256, 784}, {256, 1, 784}}
	if testing.Short() {
		shapes = append(shapes[:2], shapes[5:]...)
	}
	dotShapes := [][3]int{{1, 256, 784}, {1, 3000, 517}, {256, 1, 784}, {1, 128, 100}, {128, 1, 100}}
	defer kernels.SetThreads(kernels.Threads())
	testutil.ForEachLevel(t, func(t *testing.T) {
		for _, mode := range []string{"default", "forced", "strips"} {
			forced := mode
			switch mode {
			case "forced": // every product split, in parts of one tile
				defer kernels.SetGemmBlocksForTest(0, 0, 0, 0, 1)()
			case "strips": // the same with the small-product kernels
				defer kernels.SetStripGemmForTest(math.Inf(1))()
			}
			// The dot-form shapes (B transposed with m = 1, A untransposed
			// with n = 1) take the one-row dot kernel at AVX-512 (matrices
			// of 48 KiB or more) or the four-row one: the choice must not
			// depend on the parts (128×100 floats is 50 KB, a part of 64
			// rows 25 KB).
			for i, s := range append(shapes, dotShapes...) {
				m, n, k := s[0], s[1], s[2]
				tA, tB := blas.Trans, blas.NoTrans
				if i >= len(shapes) {
					tA, tB = blas.NoTrans, blas.Trans
				}
				r := testutil.NewRand(uint64(m + n + k))
				a, lda := newMatrix[float32](r, k, m, 0, false) // transposed A
				if tA == blas.NoTrans {
					a, lda = newMatrix[float32](r, m, k, 0, false)
				}
				b, ldb := newMatrix[float32](r, k, n, 0, false)
				if tB == blas.Trans {
					b, ldb = newMatrix[float32](r, n, k, 0, false)
				}
				c0, _ := newMatrix[float32](r, m, n, 0, false)
				var first []float32
				for _, threads := range []int{1, 2, 3, 7} {
					kernels.SetThreads(threads)
					c := append([]float32(nil), c0...)
					kernels.Sgemm(tA, tB, m, n, k, 1.5, a, lda, b, ldb, 0.5, c, n)
					if threads == 1 {
						first = c
						continue
					}
					for i := range c {
						if math.Float32bits(c[i]) != math.Float32bits(first[i]) {
							t.Fatalf("%v %s: %d threads: c[%d] = %v, 1 thread gave %v", s, forced, threads, i, c[i], first[i])
						}
					}
				}
			}
		}
	})
}

// TestGemmConcurrentCallers: many goroutines multiply shared A and B into
// their own C at once (also run under -race in CI, which checks the
// kernels' race annotations and the worker pool's synchronisation), and
// each gets exactly the single-caller result.
func TestGemmConcurrentCallers(t *testing.T) {
	m, n, k := 96, 80, 150
	if testing.Short() {
		m, n, k = 40, 50, 60
	}
	defer kernels.SetGemmBlocksForTest(16, 2, 2, 0, 1)()
	r := testutil.NewRand(9)
	a, _ := newMatrix[float32](r, m, k, 0, false)
	b, _ := newMatrix[float32](r, k, n, 0, false)
	want := make([]float32, m*n)
	kernels.Sgemm(blas.NoTrans, blas.NoTrans, m, n, k, 1, a, k, b, n, 0, want, n)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := make([]float32, m*n)
			for range 5 {
				kernels.Sgemm(blas.NoTrans, blas.NoTrans, m, n, k, 1, a, k, b, n, 0, c, n)
				for i := range c {
					if c[i] != want[i] {
						errs <- fmt.Sprintf("goroutine %d: c[%d] = %v, want %v", g, i, c[i], want[i])
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestGemmGuardPages puts each of A, B and C against an inaccessible page,
// on either side, for edge shapes at every transpose: a kernel or packing
// routine that touches one element too many faults.
func TestGemmGuardPages(t *testing.T) {
	sizes := []int{1, 2, 5, 6, 7, 9, 12, 16, 17, 33, 56, 64, 65}
	if testing.Short() {
		sizes = []int{1, 6, 7, 16, 17, 56, 65}
	}
	forEachGemmConfig(t, func(t *testing.T) {
		for _, side := range testutil.GuardSides {
			for i, m := range sizes {
				for j, n := range sizes {
					k := sizes[(i+j)%len(sizes)]
					tA, tB := gemmTrans[i%2], gemmTrans[j%2]
					guardedGemm[float32](t, side, tA, tB, m, n, k, testutil.GuardedFloat32s)
					guardedGemm[float64](t, side, tA, tB, m, n, k, testutil.GuardedFloat64s)
				}
			}
		}
	})
}

func guardedGemm[T float32 | float64](t *testing.T, side testutil.GuardSide, tA, tB blas.Transpose, m, n, k int, alloc func(testing.TB, int, testutil.GuardSide) []T) {
	t.Helper()
	r := testutil.NewRand(uint64(m*1000 + n*10 + k))
	a0, aCols, b0, bCols := randomOperands[T](r, tA, tB, m, n, k)
	a, b, c := alloc(t, len(a0), side), alloc(t, len(b0), side), alloc(t, m*n, side)
	copy(a, a0)
	copy(b, b0)
	want := make([]T, m*n)
	ref.Gemm(tA, tB, m, n, k, 1, a0, aCols, b0, bCols, 0, want, n)
	if err := testutil.NoFault(func() { callGemm(tA, tB, m, n, k, 1, a, aCols, b, bCols, 0, c, n) }); err != nil {
		t.Fatalf("%c%c %dx%dx%d guard %v: %v", transChar(tA), transChar(tB), m, n, k, side, err)
	}
	bound := testutil.GemmBound(tA, tB, m, n, k, 1, a0, aCols, b0, bCols, 0, want, n, unitRoundoff[T]())
	for i := range c {
		if d := math.Abs(float64(c[i]) - float64(want[i])); d > bound[i]+unitRoundoff[T]()*math.Abs(float64(want[i])) {
			t.Fatalf("%c%c %dx%dx%d guard %v: c[%d] = %v, want %v", transChar(tA), transChar(tB), m, n, k, side, i, c[i], want[i])
		}
	}
}

// TestGemmNoAllocs: repeated calls of one shape allocate nothing once the
// pools are warm, on one goroutine and split across several.
func TestGemmNoAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	defer kernels.SetThreads(kernels.Threads())
	testutil.ForEachLevel(t, func(t *testing.T) {
		for _, threads := range []int{1, 2, 4} {
			kernels.SetThreads(threads)
			for _, s := range [][3]int{{5, 7, 3}, {128, 256, 300}} {
				m, n, k := s[0], s[1], s[2]
				a, b, c := make([]float32, m*k), make([]float32, k*n), make([]float32, m*n)
				call := func() { kernels.Sgemm(blas.NoTrans, blas.Trans, m, n, k, 1, a, k, b, k, 1, c, n) }
				call()
				if allocs := testing.AllocsPerRun(20, call); allocs != 0 {
					t.Errorf("%d threads, %v: %v allocations per call", threads, s, allocs)
				}
				a64, b64, c64 := make([]float64, m*k), make([]float64, k*n), make([]float64, m*n)
				call64 := func() { kernels.Dgemm(blas.Trans, blas.NoTrans, m, n, k, 1, a64, m, b64, n, 0, c64, n) }
				call64()
				if allocs := testing.AllocsPerRun(20, call64); allocs != 0 {
					t.Errorf("Dgemm, %d threads, %v: %v allocations per call", threads, s, allocs)
				}
			}
		}
	})
}

// TestSetThreads checks the thread-count setting and its default.
func TestSetThreads(t *testing.T) {
	defer kernels.SetThreads(kernels.Threads())
	kernels.SetThreads(3)
	if got := kernels.Threads(); got != 3 {
		t.Errorf("after SetThreads(3): Threads() = %d", got)
	}
	kernels.SetThreads(0)
	if got, want := kernels.Threads(), runtime.GOMAXPROCS(0); got != want {
		t.Errorf("after SetThreads(0): Threads() = %d, want GOMAXPROCS = %d", got, want)
	}
	kernels.SetThreads(-5)
	if got, want := kernels.Threads(), runtime.GOMAXPROCS(0); got != want {
		t.Errorf("after SetThreads(-5): Threads() = %d, want GOMAXPROCS = %d", got, want)
	}
}

// TestWorkersTakeParts: back-to-back parallel calls are shared with the
// pool's workers, not all run by the caller (the thread-count tests
// would prove nothing if they were). A run of calls wakes the pool at
// its second call (see parallel.go), so the workers must have taken parts
// well before the last of them.
func TestWorkersTakeParts(t *testing.T) {
	if runtime.NumCPU() < 2 || runtime.GOMAXPROCS(0) < 2 {
		t.Skip("needs two CPUs for the caller and a worker to run at once")
	}
	defer kernels.SetThreads(kernels.Threads())
	kernels.SetThreads(2)
	defer kernels.SetGemmBlocksForTest(0, 0, 0, 0, 1)() // every product split
	r := testutil.NewRand(11)
	a, _ := newMatrix[float32](r, 96, 96, 0, false)
	b, _ := newMatrix[float32](r, 96, 96, 0, false)
	c := make([]float32, 96*96)
	before := kernels.PartsByWorkers()
	// 2,000 calls, and for 5 s at least: with the other CPU busy (CI runs
	// an emulator beside the arm64 tests), a worker may wait for it longer
	// than 2,000 native calls take (this failed so once, on an AMD Zen 3).
	deadline := time.Now().Add(5 * time.Second)
	for i := 0; i < 2000 || time.Now().Before(deadline); i++ {
		kernels.Sgemm(blas.NoTrans, blas.NoTrans, 96, 96, 96, 1, a, 96, b, 96, 0, c, 96)
		if kernels.PartsByWorkers() > before {
			return
		}
	}
	t.Fatal("2,000 back-to-back parallel calls over 5 s: the workers ran no part")
}

// TestImplementationDgemm runs gonum's own Dgemm test suite on
// Implementation at every level.
func TestImplementationDgemm(t *testing.T) {
	testutil.ForEachLevel(t, func(t *testing.T) {
		testblas.TestDgemm(t, kernels.Implementation{})
	})
}

// TestImplementationWithMat installs Implementation for gonum's mat package
// and checks a product against internal/ref.
func TestImplementationWithMat(t *testing.T) {
	defer blas64.Use(blas64.Implementation())
	blas64.Use(kernels.Implementation{})
	r := testutil.NewRand(11)
	m, n, k := 70, 90, 110
	a, _ := newMatrix[float64](r, m, k, 0, false)
	b, _ := newMatrix[float64](r, k, n, 0, false)
	var c mat.Dense
	c.Mul(mat.NewDense(m, k, a), mat.NewDense(k, n, b))
	want := make([]float64, m*n)
	ref.Gemm(blas.NoTrans, blas.NoTrans, m, n, k, 1, a, k, b, n, 0, want, n)
	bound := testutil.GemmBound(blas.NoTrans, blas.NoTrans, m, n, k, 1, a, k, b, n, 0, want, n, testutil.Float64Unit)
	for i := range m {
		for j := range n {
			w := want[i*n+j]
			if d := math.Abs(c.At(i, j) - w); d > bound[i*n+j]+testutil.Float64Unit*math.Abs(w) {
				t.Fatalf("(%d,%d) = %v, want %v", i, j, c.At(i, j), w)
			}
		}
	}
}

// FuzzSgemm checks random shapes, transposes, paddings and scalars against
// internal/ref at the active level.
func FuzzSgemm(f *testing.F) {
	f.Add(uint8(3), uint8(5), uint8(7), uint8(0), uint8(1), int8(-7), int8(13), uint64(1))
	f.Add(uint8(17), uint8(33), uint8(1), uint8(3), uint8(0), int8(10), int8(0), uint64(2))
	f.Add(uint8(0), uint8(9), uint8(65), uint8(1), uint8(2), int8(0), int8(-10), uint64(3))
	f.Fuzz(func(t *testing.T, m, n, k, trans, pad uint8, alpha, beta int8, seed uint64) {
		gc := gemmCase{
			tA: gemmTrans[trans&1], tB: gemmTrans[trans>>1&1],
			m: int(m % 80), n: int(n % 80), k: int(k % 80),
			alpha: float64(alpha) / 10, beta: float64(beta) / 10,
			padA: int(pad % 3), padB: int(pad / 3 % 3), padC: int(pad / 9 % 3),
			special: pad&0x80 != 0,
		}
		checkGemm[float32](t, testutil.NewRand(seed), gc)
	})
}

// TestGemmEpilogueRoundsBetaC: every path rounds beta·C before adding
// alpha·A·B, as the contract says (no fused multiply-add there). With
// C = 2^127, beta = 2 and A·B = −2^127 (float32; 2^1023 for float64), the
// rounded product overflows to +Inf and the sum stays +Inf, where a fused
// epilogue would give 2^127 exactly. Run in every driver configuration, on
// shapes for every path, and through Sgemv/Dgemv.
func TestGemmEpilogueRoundsBetaC(t *testing.T) {
	shapes := [][2]int{{1, 1}, {1, 5}, {5, 1}, {1, 40}, {40, 1}, {3, 3}, {8, 40}, {13, 70}, {70, 13}}
	forEachGemmConfig(t, func(t *testing.T) {
		for _, s := range shapes {
			for _, k := range []int{1, 3} {
				for _, tA := range gemmTrans {
					for _, tB := range gemmTrans {
						epilogueCase[float32](t, tA, tB, s[0], s[1], k, 0x1p63, 0x1p64, 0x1p127)
						epilogueCase[float64](t, tA, tB, s[0], s[1], k, 0x1p511, 0x1p512, 0x1p1023)
					}
				}
			}
		}
	})
	testutil.ForEachLevel(t, func(t *testing.T) {
		for _, n := range []int{1, 3, 17, 300} {
			for _, tA := range gemmTrans {
				a32, x32, y32 := make([]float32, n*n), make([]float32, n), make([]float32, n)
				a64, x64, y64 := make([]float64, n*n), make([]float64, n), make([]float64, n)
				for i := range n {
					for j := range n {
						if i == j {
							a32[i*n+j], a64[i*n+j] = -0x1p63, -0x1p511
						}
					}
					x32[i], x64[i] = 0x1p64, 0x1p512
					y32[i], y64[i] = 0x1p127, 0x1p1023
				}
				kernels.Sgemv(tA, n, n, 1, a32, n, x32, 1, 2, y32, 1)
				kernels.Dgemv(tA, n, n, 1, a64, n, x64, 1, 2, y64, 1)
				for i := range n {
					if !math.IsInf(float64(y32[i]), 1) || !math.IsInf(y64[i], 1) {
						t.Fatalf("Sgemv/Dgemv %c n=%d: y[%d] = %v, %v, want +Inf (beta·y rounded first)", transChar(tA), n, i, y32[i], y64[i])
					}
				}
			}
		}
	})
}

// epilogueCase: op(A) has −a on its first column (the rest 0), op(B) b on
// its first row, so each product is −a·b exactly; C = c, beta = 2.
func epilogueCase[T float32 | float64](t *testing.T, tA, tB blas.Transpose, m, n, k int, a, b, c T) {
	t.Helper()
	aRows, aCols := storedShape(tA, m, k)
	bRows, bCols := storedShape(tB, k, n)
	am, bm, cm := make([]T, aRows*aCols), make([]T, bRows*bCols), make([]T, m*n)
	for i := range m {
		if tA == blas.NoTrans {
			am[i*aCols] = -a
		} else {
			am[i] = -a
		}
	}
	for j := range n {
		if tB == blas.NoTrans {
			bm[j] = b
		} else {
			bm[j*bCols] = b
		}
	}
	for i := range cm {
		cm[i] = c
	}
	callGemm(tA, tB, m, n, k, 1, am, aCols, bm, bCols, 2, cm, n)
	for i, v := range cm {
		if !math.IsInf(float64(v), 1) {
			t.Fatalf("%c%c %dx%dx%d: C[%d] = %v, want +Inf (beta·C rounded before the sum)", transChar(tA), transChar(tB), m, n, k, i, v)
		}
	}
}
