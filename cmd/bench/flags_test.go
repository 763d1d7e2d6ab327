package main

import (
	"bytes"
	"errors"
	"flag"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/gonum/blas"

	"github.com/emberml/ember/kernels"
)

func TestListPrintsSupportedLevels(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := run([]string{"-list"}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	for _, l := range kernels.Supported() {
		want.WriteString(l.String() + "\n")
	}
	if out.String() != want.String() {
		t.Errorf("-list printed %q, want %q", out.String(), want.String())
	}
}

func TestDefaults(t *testing.T) {
	c, err := parseFlags(nil, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if c.mode.name != "default" || !slices.Equal(c.mode.sizes, []int{128, 256, 512, 1024}) || !slices.Equal(c.mode.lengths, []int{4096, 1 << 20}) {
		t.Errorf("default mode %+v", c.mode)
	}
	if !slices.Equal(c.suites, []string{"gemm", "elementwise", "mlp"}) {
		t.Errorf("suites %v", c.suites)
	}
	if !slices.Equal(c.levels, kernels.Supported()) || !slices.Equal(c.baselines, []string{"gonum", "math"}) {
		t.Errorf("levels %v, baselines %v", c.levels, c.baselines)
	}
	if want := slices.Concat(gemvShapes, squares(8, 16, 32, 64), mlpShapes); !slices.Equal(c.shapes, want) {
		t.Errorf("shapes %v, want %v", c.shapes, want)
	}
	wantThreads := []int{1}
	if p := runtime.GOMAXPROCS(0); p > 1 {
		wantThreads = append(wantThreads, p)
	}
	if !slices.Equal(c.threads, wantThreads) {
		t.Errorf("threads %v, want %v", c.threads, wantThreads)
	}
	if c.has("dgemm") || c.has("W3") || !c.has("sgemm") || !c.has("W2") {
		t.Errorf("default kernels %v", c.kernels)
	}
}

func TestFlagsParse(t *testing.T) {
	c, err := parseFlags([]string{"-full", "-suite", "gemm,mlp", "-levels", "generic,gonum", "-threads", "1,2,4",
		"-sizes", "100,200", "-shapes", "10x20x30:TN,5x6x7", "-kernels", "dgemm,W1", "-samples", "9", "-maxcall", "2s", "-json", "-seed", "7"}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if c.mode.name != "full" || !c.mode.epoch || c.mode.samples != 9 || c.mode.maxCall != 2*time.Second || c.timer.samples != 9 {
		t.Errorf("mode %+v", c.mode)
	}
	if !slices.Equal(c.suites, []string{"gemm", "mlp"}) || !slices.Equal(c.levels, []kernels.Level{kernels.Generic}) ||
		!slices.Equal(c.baselines, []string{"gonum"}) || !slices.Equal(c.threads, []int{1, 2, 4}) ||
		!slices.Equal(c.mode.sizes, []int{100, 200}) || !slices.Equal(c.kernels, []string{"dgemm", "W1"}) || !c.json || c.seed != 7 {
		t.Errorf("config %+v", c)
	}
	want := []gemmShape{{10, 20, 30, blas.Trans, blas.NoTrans}, {5, 6, 7, blas.NoTrans, blas.NoTrans}}
	if !slices.Equal(c.shapes, want) {
		t.Errorf("shapes %v, want %v", c.shapes, want)
	}
	c, err = parseFlags([]string{"-quick", "-shapes", "none", "-sizes", "none"}, &bytes.Buffer{})
	if err != nil || c.mode.name != "quick" || c.shapes != nil || c.mode.sizes != nil {
		t.Errorf("-quick -shapes none -sizes none: %+v, %v", c, err)
	}
	// Sets and shapes together, in order, each shape once.
	c, err = parseFlags([]string{"-shapes", "small, 10x20x30:TN,gemv,16x16x16,1x256x784 NT,mlp"}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	want = slices.Concat(squares(8, 16, 32, 64), []gemmShape{{10, 20, 30, blas.Trans, blas.NoTrans}}, gemvShapes, mlpShapes)
	if !slices.Equal(c.shapes, want) {
		t.Errorf("-shapes small,…: %v, want %v", c.shapes, want)
	}
}

// TestGemmShapesOrder: the GEMM suite's shapes by mode: the squares of
// -sizes and -shapes by size, then the rest as -shapes gives them, each
// once.
func TestGemmShapesOrder(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{nil, []string{"8x8x8 NN", "16x16x16 NN", "32x32x32 NN", "64x64x64 NN", "128x128x128 NN", "256x256x256 NN", "512x512x512 NN", "1024x1024x1024 NN",
			"1x1024x1024 NN", "1x256x784 NN", "1x256x784 NT", "128x256x784 NN", "784x256x128 TN", "128x784x256 NT", "128x10x128 NN"}},
		{[]string{"-quick"}, []string{"8x8x8 NN", "32x32x32 NN", "64x64x64 NN", "128x128x128 NN",
			"1x1024x1024 NN", "1x256x784 NT", "128x256x784 NN", "784x256x128 TN", "128x784x256 NT", "128x10x128 NN"}},
		{[]string{"-full", "-shapes", "gemv"}, []string{"64x64x64 NN", "128x128x128 NN", "192x192x192 NN", "256x256x256 NN", "384x384x384 NN", "512x512x512 NN",
			"768x768x768 NN", "1024x1024x1024 NN", "1536x1536x1536 NN", "2048x2048x2048 NN", "1x1024x1024 NN", "1x256x784 NN", "1x256x784 NT"}},
		{[]string{"-sizes", "100,20", "-shapes", "5x5x5:TN,50x50x50,20x20x20,mlp"}, []string{"20x20x20 NN", "50x50x50 NN", "100x100x100 NN",
			"5x5x5 TN", "128x256x784 NN", "784x256x128 TN", "128x784x256 NT", "128x10x128 NN"}},
		{[]string{"-sizes", "none", "-shapes", "small"}, []string{"8x8x8 NN", "16x16x16 NN", "32x32x32 NN", "64x64x64 NN"}},
	} {
		c, err := parseFlags(tc.args, &bytes.Buffer{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, sh := range gemmShapes(c.mode.sizes, c.shapes) {
			got = append(got, sh.String())
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: shapes\n%q, want\n%q", tc.args, got, tc.want)
		}
	}
}

func TestGemmShapeString(t *testing.T) {
	for _, s := range []string{"128x256x784 NN", "784x256x128 TN", "128x784x256 NT", "1x2x3 TT"} {
		sh, err := parseGemmShape(s)
		if err != nil {
			t.Fatal(err)
		}
		if sh.String() != s {
			t.Errorf("parse(%q).String() = %q", s, sh.String())
		}
	}
}

// TestBadFlags: every bad flag is an error naming the problem, never a
// panic or a run.
func TestBadFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-sizes", "0"}, "-sizes"},
		{[]string{"-sizes", "12,abc"}, "-sizes"},
		{[]string{"-lengths", "-5"}, "-lengths"},
		{[]string{"-threads", "0"}, "-threads"},
		{[]string{"-threads", "1,,2"}, "-threads"},
		{[]string{"-levels", "sse9"}, "-levels"},
		{[]string{"-levels", "neon,avx2,avx512"}, "not supported"}, // at least one is foreign on any CPU
		{[]string{"-suite", "blas"}, "unknown suite"},
		{[]string{"-kernels", "gemv"}, "unknown kernel"},
		{[]string{"-shapes", "1x2"}, "bad GEMM shape"},
		{[]string{"-shapes", "1x2x3:XY"}, "bad GEMM shape"},
		{[]string{"-shapes", "gemv,tiny"}, "a set: gemv, small, mlp"},
		{[]string{"-shapes", "none,gemv"}, "none excludes"},
		{[]string{"-shapes", "mlp,,gemv"}, "bad GEMM shape"},
		{[]string{"-samples", "0"}, "-samples"},
		{[]string{"-samples", "-3"}, "-samples"},
		{[]string{"-maxcall", "0s"}, "-maxcall"},
		{[]string{"-maxcall", "soon"}, "invalid value"},
		{[]string{"-quick", "-full"}, "exclude"},
		{[]string{"-json", "-csv"}, "exclude"},
		{[]string{"-check", "-in", "x.jsonl"}, "exclude"},
		{[]string{"-check", "-json"}, "-check"},
		{[]string{"-in", "a,,b"}, "-in"},
		{[]string{"-nosuchflag"}, "not defined"},
		{[]string{"stray"}, "unexpected arguments"},
	} {
		var out, errOut bytes.Buffer
		err := run(tc.args, &out, &errOut)
		if err == nil {
			t.Errorf("run(%q) succeeded, want an error", tc.args)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("run(%q): error %q does not mention %q", tc.args, err, tc.want)
		}
		if out.Len() > 0 {
			t.Errorf("run(%q) printed results: %q", tc.args, out.String())
		}
	}
}

func TestHelp(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := run([]string{"-h"}, &out, &errOut); !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("-h: err = %v", err)
	}
	for _, f := range []string{"-suite", "-levels", "-threads", "-sizes", "-shapes", "gemv", "small", "mlp", "-quick", "-full", "-json", "-csv", "-plot", "-check", "-cpuprofile", "-in", "-validate"} {
		if !strings.Contains(errOut.String(), f) {
			t.Errorf("-h does not list %s", f)
		}
	}
}
