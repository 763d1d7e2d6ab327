package main

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"

	"github.com/emberml/ember/kernels"
)

// The deliberately wrong implementations -check must reject.

// offByBitsGemm is gonum's GEMM with the first element of every float32
// result moved by 64 ulps: a plausible bug (a lost rounding, a wrong
// accumulator) far inside anyone's eyeball tolerance.
type offByBitsGemm struct{ gonum.Implementation }

func (g offByBitsGemm) Sgemm(tA, tB blas.Transpose, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	g.Implementation.Sgemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
	if m > 0 && n > 0 && c[0] != 0 {
		c[0] = math.Float32frombits(math.Float32bits(c[0]) + 64)
	}
}

// readsCGemm computes beta·C even when beta == 0, so the NaN in C leaks
// (the BLAS says beta == 0 overwrites C without reading it).
type readsCGemm struct{ gonum.Implementation }

func (g readsCGemm) Dgemm(tA, tB blas.Transpose, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	for i := range m {
		for j := range n {
			var s float64
			for p := range k {
				av, bv := a[i*lda+p], b[p*ldb+j]
				if tA != blas.NoTrans {
					av = a[p*lda+i]
				}
				if tB != blas.NoTrans {
					bv = b[j*ldb+p]
				}
				s += av * bv
			}
			c[i*ldc+j] = alpha*s + beta*c[i*ldc+j]
		}
	}
}

// sloppyOps is math with a tanh 5 ulps off (tanh's bound is 4) for
// results above 0.5, and an Adam step without bias correction.
var sloppyOps = func() ewOps {
	o := mathOps
	o.tanh = func(dst, x []float32) {
		mathOps.tanh(dst, x)
		for i, v := range dst {
			if v > 0.5 && v < 1 {
				dst[i] = math.Float32frombits(math.Float32bits(v) - 5)
			}
		}
	}
	o.adam = func(w, g, m, v []float32, p kernels.AdamParams) {
		p.Step = 1 << 20 // β^t ≈ 0: no bias correction
		mathAdam(w, g, m, v, p)
	}
	return o
}()

func quickCheckConfig(t *testing.T) *config {
	t.Helper()
	c, err := parseFlags([]string{"-check", "-quick"}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestCheckRejectsWrongImplementations hands the check wrong
// implementations beside the real ones: each wrong one must fail, naming
// what it broke, and every real one must pass.
func TestCheckRejectsWrongImplementations(t *testing.T) {
	cfg := quickCheckConfig(t)
	gemms := append(gemmImpls(cfg),
		gemmImpl{impl{name: "off-by-bits"}, offByBitsGemm{}},
		gemmImpl{impl{name: "reads-C"}, readsCGemm{}})
	ews := append(ewImpls(cfg), ewImpl{impl{name: "sloppy"}, sloppyOps})
	var out bytes.Buffer
	results, err := runCheck(&out, cfg, gemms, ews, nil)
	defer func() {
		if t.Failed() {
			t.Log("\n" + out.String())
		}
	}()
	if !errors.Is(err, errCheckFailed) {
		t.Fatalf("runCheck: err = %v, want errCheckFailed\n%s", err, out.String())
	}
	wantFail := map[string]string{
		"sgemm off-by-bits": "want",
		"dgemm reads-C":     "NaN",
		"tanh sloppy":       "ulps",
		"adam sloppy":       "want",
	}
	for _, r := range results {
		key := r.kernel + " " + r.impl
		if frag, bad := wantFail[key]; bad {
			if r.fails == 0 {
				t.Errorf("%s passed the check (worst %g %s)", key, r.worst, r.unit)
			} else if !strings.Contains(r.first, frag) {
				t.Errorf("%s: first violation %q does not mention %q", key, r.first, frag)
			}
			delete(wantFail, key)
			continue
		}
		if r.fails > 0 && r.impl != "off-by-bits" && r.impl != "reads-C" && r.impl != "sloppy" {
			t.Errorf("%s %s failed: %s", r.kernel, r.impl, r.first)
		}
	}
	if len(wantFail) > 0 {
		t.Errorf("no results for %v", wantFail)
	}
	if !strings.Contains(out.String(), "FAIL") || !strings.Contains(out.String(), "checks FAILED") {
		t.Errorf("table does not show the failures:\n%s", out.String())
	}
}

// TestCheckFlagExitStatus runs -check end to end: the real implementations
// pass (exit 0); with a wrong one added through implHook run returns
// errCheckFailed, on which main exits with status 1.
func TestCheckFlagExitStatus(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := run([]string{"-check", "-quick"}, &out, &errOut); err != nil {
		t.Fatalf("-check on the real implementations: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "checks passed") {
		t.Errorf("output:\n%s", out.String())
	}
	for _, l := range kernels.Supported() {
		if !strings.Contains(out.String(), " "+l.String()+" ") {
			t.Errorf("level %v not checked:\n%s", l, out.String())
		}
	}

	implHook = func(g []gemmImpl, e []ewImpl) ([]gemmImpl, []ewImpl) {
		return append(g, gemmImpl{impl{name: "off-by-bits"}, offByBitsGemm{}}), e
	}
	defer func() { implHook = nil }()
	out.Reset()
	err := run([]string{"-check", "-quick", "-suite", "gemm"}, &out, &errOut)
	if !errors.Is(err, errCheckFailed) || !strings.Contains(err.Error(), "sgemm off-by-bits") {
		t.Fatalf("-check with a wrong sgemm: err = %v\n%s", err, out.String())
	}
}

// TestCheckCatchesPanics: an implementation that panics is a violation,
// not a crash of the harness.
func TestCheckCatchesPanics(t *testing.T) {
	cfg := quickCheckConfig(t)
	o := mathOps
	o.exp = func(dst, x []float32) { _ = dst[len(x)+1] }
	var out bytes.Buffer
	results, err := runCheck(&out, cfg, nil, []ewImpl{{impl{name: "panicky"}, o}}, nil)
	if !errors.Is(err, errCheckFailed) {
		t.Fatalf("err = %v", err)
	}
	if results[0].kernel != "exp" || results[0].fails == 0 || !strings.Contains(results[0].first, "panic") {
		t.Errorf("exp result %+v", results[0])
	}
}
