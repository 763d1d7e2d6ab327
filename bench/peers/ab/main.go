// Command ab times ember against one peer BLAS in one process: Sgemm or
// Dgemm and the peer's cblas_sgemm or cblas_dgemm (and, on batch-1 shapes,
// cblas_sgemv or cblas_dgemv) alternated sample by sample, one thread each,
// on the same operands. Every round times each of them once, so a change in
// the machine's speed between rounds (a neighbour's load on a shared VM,
// the clock) moves all of them alike; the per-round ratio ember ÷ best peer
// is what it reports, with its median and quartiles, beside each one's
// median GFLOP/s. Before timing, it checks that ember and the peer computed
// the same product (within the float32/float64 error bound of a k-term
// sum), so a shape or transpose mix-up cannot pass for a speed.
//
// ../ab.sh installs the peer, builds this program against it (cgo: the
// compiler and linker flags come from the environment) and runs it. Two
// threads are not offered: two thread pools in one process would compete
// for the same cores.
//
// usage: ab -peer NAME [-prec s|d] [-rounds N] [-sample D] SHAPE...
//
//	SHAPE  MxNxK:TT, TT the transposes of A and B (NN, NT, TN or TT)
package main

/*
#include <cblas.h>

// oneThread makes the peer run on one thread, through its own call as
// well as the environment ab.sh sets (BLIS: build with -DPEER_BLIS).
// pick applies the kernel choice ab.sh made (BLIS: EMBER_BLIS_ARCH, see
// blis_arch.h; OpenBLAS reads OPENBLAS_CORETYPE itself) and kernels names
// the kernels the peer runs.
#ifdef PEER_BLIS
#include "../blis_arch.h"
static void oneThread(void) { bli_thread_set_num_threads(1); }
static int pick(void) { return blis_pick_arch(); }
static const char *kernels(void) { return bli_arch_string(bli_arch_query_id()); }
#else
extern void openblas_set_num_threads(int);
extern char *openblas_get_corename(void);
static void oneThread(void) { openblas_set_num_threads(1); }
static int pick(void) { return 0; }
static const char *kernels(void) { return openblas_get_corename(); }
#endif

static void gemm32(int ta, int tb, int m, int n, int k, const float *a, int lda, const float *b, int ldb, float *c, int ldc, long reps) {
	for (long i = 0; i < reps; i++)
		cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, m, n, k, 1.0f, a, lda, b, ldb, 0.0f, c, ldc);
}

static void gemm64(int ta, int tb, int m, int n, int k, const double *a, int lda, const double *b, int ldb, double *c, int ldc, long reps) {
	for (long i = 0; i < reps; i++)
		cblas_dgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, m, n, k, 1.0, a, lda, b, ldb, 0.0, c, ldc);
}

// y = op(B)ᵀ·x, the batch-1 product x·op(B) as a matrix-vector one: B is
// rows×cols, transposed (trans) when op(B) is B itself.
static void gemv32(int trans, int rows, int cols, const float *b, int ldb, const float *x, float *y, long reps) {
	for (long i = 0; i < reps; i++)
		cblas_sgemv(CblasRowMajor, trans ? CblasTrans : CblasNoTrans, rows, cols, 1.0f, b, ldb, x, 1, 0.0f, y, 1);
}

static void gemv64(int trans, int rows, int cols, const double *b, int ldb, const double *x, double *y, long reps) {
	for (long i = 0; i < reps; i++)
		cblas_dgemv(CblasRowMajor, trans ? CblasTrans : CblasNoTrans, rows, cols, 1.0, b, ldb, x, 1, 0.0, y, 1);
}
*/
import "C"

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"time"
	"unsafe"

	"github.com/emberml/ember/kernels"
	"gonum.org/v1/gonum/blas"
)

func main() {
	peer := flag.String("peer", "", "the peer's name, for the output (openblas or blis)")
	prec := flag.String("prec", "s", "s (float32: Sgemm) or d (float64: Dgemm)")
	rounds := flag.Int("rounds", 21, "rounds; each times every contender once")
	sample := flag.Duration("sample", 10*time.Millisecond, "least duration of one timed sample of ember (the peers repeat as many times)")
	flag.Parse()
	if *peer == "" || (*prec != "s" && *prec != "d") || *rounds < 1 || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: ab -peer NAME [-prec s|d] [-rounds N] [-sample D] MxNxK:TT...")
		os.Exit(2)
	}
	if C.pick() != 0 {
		os.Exit(2)
	}
	kernels.SetThreads(1)
	C.oneThread()
	fmt.Printf("# ember (level %v) and %s (kernels %s) alternated in one process, 1 thread, %d rounds, ember's samples ≥ %v\n", kernels.Active(), *peer, C.GoString(C.kernels()), *rounds, *sample)
	fmt.Printf("| shape | ember GFLOP/s | %s gemm | %s gemv | ember ÷ better peer, median | q1 | q3 |\n|---|---|---|---|---|---|---|\n", *peer, *peer)
	for _, arg := range flag.Args() {
		s, err := parseShape(arg)
		if err != nil {
			fmt.Fprintln(os.Stderr, "ab:", err)
			os.Exit(2)
		}
		var fns []func(reps int)
		var checkErr error
		if *prec == "s" {
			fns, checkErr = contenders[float32](s)
		} else {
			fns, checkErr = contenders[float64](s)
		}
		if checkErr != nil {
			fmt.Fprintf(os.Stderr, "ab: %s%s: %v\n", *prec, arg, checkErr)
			os.Exit(1)
		}
		fmt.Println(report(*prec+"gemm "+arg, s, fns, *rounds, *sample))
	}
}

// shape is one product: op(A) m×k, op(B) k×n.
type shape struct {
	m, n, k int
	ta, tb  bool
}

func parseShape(arg string) (shape, error) {
	var s shape
	var tt string
	if _, err := fmt.Sscanf(strings.Replace(arg, ":", " ", 1), "%dx%dx%d %s", &s.m, &s.n, &s.k, &tt); err != nil ||
		s.m < 1 || s.n < 1 || s.k < 1 || len(tt) != 2 || strings.Trim(tt, "NT") != "" {
		return s, fmt.Errorf("bad shape %q: want MxNxK:TT, e.g. 1x256x784:NT", arg)
	}
	s.ta, s.tb = tt[0] == 'T', tt[1] == 'T'
	return s, nil
}

func transpose(t bool) blas.Transpose {
	if t {
		return blas.Trans
	}
	return blas.NoTrans
}

func cbool(b bool) C.int {
	if b {
		return 1
	}
	return 0
}

// contenders returns ember's product and the peer's (GEMM, and GEMV when
// m == 1 and A is a row), each running reps times, after checking that
// they agree.
func contenders[T float32 | float64](s shape) ([]func(reps int), error) {
	a, b := make([]T, s.m*s.k), make([]T, s.k*s.n)
	for i := range a {
		a[i] = T(2*rand.Float64() - 1)
	}
	for i := range b {
		b[i] = T(2*rand.Float64() - 1)
	}
	lda, ldb := s.k, s.n
	if s.ta {
		lda = s.m
	}
	if s.tb {
		ldb = s.k
	}
	ce, cp := make([]T, s.m*s.n), make([]T, s.m*s.n)
	ap, bp := unsafe.Pointer(&a[0]), unsafe.Pointer(&b[0])
	var ember, peerGemm, peerGemv func(c []T, reps int)
	switch any(a).(type) {
	case []float32:
		a32, b32 := any(a).([]float32), any(b).([]float32)
		ember = func(c []T, reps int) {
			c32 := any(c).([]float32)
			for range reps {
				kernels.Sgemm(transpose(s.ta), transpose(s.tb), s.m, s.n, s.k, 1, a32, lda, b32, ldb, 0, c32, s.n)
			}
		}
		peerGemm = func(c []T, reps int) {
			C.gemm32(cbool(s.ta), cbool(s.tb), C.int(s.m), C.int(s.n), C.int(s.k), (*C.float)(ap), C.int(lda), (*C.float)(bp), C.int(ldb), (*C.float)(unsafe.Pointer(&c[0])), C.int(s.n), C.long(reps))
		}
		peerGemv = func(c []T, reps int) {
			if s.tb { // B is n×k: y = B·x
				C.gemv32(0, C.int(s.n), C.int(s.k), (*C.float)(bp), C.int(ldb), (*C.float)(ap), (*C.float)(unsafe.Pointer(&c[0])), C.long(reps))
			} else { // B is k×n: y = Bᵀ·x
				C.gemv32(1, C.int(s.k), C.int(s.n), (*C.float)(bp), C.int(ldb), (*C.float)(ap), (*C.float)(unsafe.Pointer(&c[0])), C.long(reps))
			}
		}
	case []float64:
		a64, b64 := any(a).([]float64), any(b).([]float64)
		ember = func(c []T, reps int) {
			c64 := any(c).([]float64)
			for range reps {
				kernels.Dgemm(transpose(s.ta), transpose(s.tb), s.m, s.n, s.k, 1, a64, lda, b64, ldb, 0, c64, s.n)
			}
		}
		peerGemm = func(c []T, reps int) {
			C.gemm64(cbool(s.ta), cbool(s.tb), C.int(s.m), C.int(s.n), C.int(s.k), (*C.double)(ap), C.int(lda), (*C.double)(bp), C.int(ldb), (*C.double)(unsafe.Pointer(&c[0])), C.int(s.n), C.long(reps))
		}
		peerGemv = func(c []T, reps int) {
			if s.tb {
				C.gemv64(0, C.int(s.n), C.int(s.k), (*C.double)(bp), C.int(ldb), (*C.double)(ap), (*C.double)(unsafe.Pointer(&c[0])), C.long(reps))
			} else {
				C.gemv64(1, C.int(s.k), C.int(s.n), (*C.double)(bp), C.int(ldb), (*C.double)(ap), (*C.double)(unsafe.Pointer(&c[0])), C.long(reps))
			}
		}
	}
	// |a|, |b| < 1, so each of the k products and every partial sum is
	// below k in magnitude, and two k-term sums in any order differ by at
	// most 2·γ_k·k.
	var zero T
	u := 0x1p-24
	if unsafe.Sizeof(zero) == 8 {
		u = 0x1p-53
	}
	kf := float64(s.k)
	bound := 2 * kf * u / (1 - kf*u) * kf
	ember(ce, 1)
	check := func(name string, run func(c []T, reps int)) error {
		clear(cp)
		run(cp, 1)
		for i := range ce {
			if d := math.Abs(float64(ce[i]) - float64(cp[i])); !(d <= bound) {
				return fmt.Errorf("ember and the peer's %s differ at C[%d][%d]: %g vs %g (bound %g)", name, i/s.n, i%s.n, ce[i], cp[i], bound)
			}
		}
		return nil
	}
	if err := check("gemm", peerGemm); err != nil {
		return nil, err
	}
	fns := []func(int){func(reps int) { ember(ce, reps) }, func(reps int) { peerGemm(cp, reps) }}
	if s.m == 1 && !s.ta {
		if err := check("gemv", peerGemv); err != nil {
			return nil, err
		}
		fns = append(fns, func(reps int) { peerGemv(cp, reps) })
	}
	return fns, nil
}

// report times fns[0] (ember) against the rest (the peer's), each round in
// turn (forwards on even rounds, backwards on odd, so that neither goes
// first always), and returns the table row.
func report(name string, s shape, fns []func(int), rounds int, sample time.Duration) string {
	// Enough repetitions that ember's sample lasts at least sample (the
	// peers', on the same count, as long as they are not faster).
	reps := 1
	for {
		t0 := time.Now()
		fns[0](reps)
		if time.Since(t0) >= sample || reps >= 1<<30 {
			break
		}
		reps *= 2
	}
	times := make([][]float64, len(fns))
	ratios := make([]float64, 0, rounds)
	for r := range rounds {
		cur := make([]float64, len(fns))
		for j := range fns {
			i := j
			if r%2 == 1 {
				i = len(fns) - 1 - j
			}
			fns[i](1)
			t0 := time.Now()
			fns[i](reps)
			cur[i] = float64(time.Since(t0).Nanoseconds()) / float64(reps)
			times[i] = append(times[i], cur[i])
		}
		ratios = append(ratios, slices.Min(cur[1:])/cur[0])
	}
	flops := 2 * float64(s.m) * float64(s.n) * float64(s.k)
	rate := func(i int) string {
		if i >= len(fns) {
			return "–"
		}
		return fmt.Sprintf("%.1f", flops/median(times[i]))
	}
	slices.Sort(ratios)
	return fmt.Sprintf("| %s | %s | %s | %s | %.3f | %.3f | %.3f |", name, rate(0), rate(1), rate(2),
		median(ratios), ratios[len(ratios)/4], ratios[(3*len(ratios))/4])
}

func median(x []float64) float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	return s[len(s)/2]
}
