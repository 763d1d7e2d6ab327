package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/emberml/ember/kernels"
)

// tiny are flags that make every suite run in well under a second.
var tiny = []string{"-quick", "-sizes", "16,32", "-shapes", "8x12x20:TN", "-lengths", "64,1000", "-threads", "1,2", "-samples", "2"}

func runTiny(t *testing.T, extra ...string) (stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	if err := run(append(slices.Clone(tiny), extra...), &out, &errOut); err != nil {
		t.Fatalf("run %q: %v\nstderr:\n%s", extra, err, errOut.String())
	}
	return out.String(), errOut.String()
}

func levelNames() []string {
	var names []string
	for _, l := range kernels.Supported() {
		names = append(names, l.String())
	}
	return names
}

// has reports whether recs holds a record with these fields ("" matches
// anything).
func has(recs []Record, suite, kernel, level, shape string, threads int) bool {
	return slices.ContainsFunc(recs, func(r Record) bool {
		return r.Suite == suite && (kernel == "" || r.Kernel == kernel) && (level == "" || r.Level == level) &&
			(shape == "" || r.Shape == shape) && (threads == 0 || r.Threads == threads)
	})
}

func TestGemmSuite(t *testing.T) {
	out, progress := runTiny(t, "-suite", "gemm", "-json", "-shapes", "8x12x20:TN,1x24x20:NT,8x8x8")
	recs, err := readRecords(strings.NewReader(out))
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if err := validateSet(recs, []string{"info", "peak", "gemm"}); err != nil {
		t.Error(err)
	}
	for _, kernel := range []string{"sgemm", "dgemm"} {
		for _, shape := range []string{"8x8x8 NN", "16x16x16 NN", "32x32x32 NN", "8x12x20 TN", "1x24x20 NT"} {
			for _, th := range []int{1, 2} {
				for _, level := range append(levelNames(), "gonum") {
					if !has(recs, "gemm", kernel, level, shape, th) {
						t.Errorf("no record of %s %s at %s, %d threads", kernel, shape, level, th)
					}
				}
			}
		}
	}
	for _, r := range recs {
		if r.Suite != "gemm" {
			continue
		}
		if r.PctPeak <= 0 {
			t.Errorf("%+v: no %% of peak", r)
		}
		if (r.Level == "gonum") != (r.Speedup == 0) {
			t.Errorf("%+v: speed-up over gonum wrong", r)
		}
	}
	for _, level := range levelNames() {
		if !has(recs, "peak", "fma-f32", level, "", 1) || !has(recs, "peak", "fma-f64", level, "", 1) {
			t.Errorf("no peak records at %s", level)
		}
	}
	if !strings.Contains(progress, "gemm: sgemm 32x32x32 NN") {
		t.Errorf("no progress on stderr: %q", progress)
	}
	// Squares by size, then the other shapes as -shapes gives them.
	var order []string
	for _, r := range recs {
		if r.Suite == "gemm" && r.Kernel == "sgemm" && !slices.Contains(order, r.Shape) {
			order = append(order, r.Shape)
		}
	}
	if want := []string{"8x8x8 NN", "16x16x16 NN", "32x32x32 NN", "8x12x20 TN", "1x24x20 NT"}; !slices.Equal(order, want) {
		t.Errorf("sgemm shapes in order %q, want %q", order, want)
	}
}

func TestElementwiseSuite(t *testing.T) {
	out, _ := runTiny(t, "-suite", "elementwise", "-csv")
	recs, err := readRecords(strings.NewReader(out))
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if has(recs, "gemm", "", "", "", 0) || has(recs, "peak", "", "", "", 0) {
		t.Errorf("-suite elementwise ran gemm")
	}
	for _, kernel := range ewKernels {
		for _, level := range append(levelNames(), "math") {
			shapes := []string{"n=64", "n=1000"}
			if kernel == "softmax" {
				shapes = []string{"1x64", "1x1000"}
			}
			for _, shape := range shapes {
				if !has(recs, "elementwise", kernel, level, shape, 1) {
					t.Errorf("no record of %s %s at %s", kernel, shape, level)
				}
			}
		}
	}
}

// TestMLPSuite runs W1, W2p1 and W2 (not W2 with -short: a W2 step is ~0.2
// GFLOP, slow under qemu).
func TestMLPSuite(t *testing.T) {
	works := []string{"W1", "W2p1", "W2"}
	if testing.Short() {
		works = works[:2]
	}
	out, _ := runTiny(t, "-suite", "mlp", "-kernels", strings.Join(works, ","), "-json")
	recs, err := readRecords(strings.NewReader(out))
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	shapes := map[string]string{"W1": w1Shape, "W2": w2Shape, "W2p1": w2p1Shape}
	for _, level := range levelNames() {
		for _, th := range []int{1, 2} {
			for _, w := range works {
				if !has(recs, "mlp", w, level, shapes[w], th) {
					t.Errorf("no %s record at %s, %d threads", w, level, th)
				}
			}
		}
	}
}

// TestTextReport checks the default output: the header names the machine
// and the active level, and each suite has its table.
func TestTextReport(t *testing.T) {
	out, _ := runTiny(t, "-kernels", "sgemm,relu,W1", "-levels", kernels.Active().String()+",gonum,math")
	for _, want := range []string{"cpu: ", "features: ", "active " + kernels.Active().String(), "GOMAXPROCS", "go1.",
		"FMA peak of one core", "GEMM", "× gonum", "Elementwise", "× math", "MLP training", "W1 ", "quick"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	// A data row: kernel, shape, threads, impl, time, GFLOP/s, spread, % peak, speed-up.
	row := false
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) == 10 && f[0] == "sgemm" && f[1]+" "+f[2] == "32x32x32 NN" && f[4] == kernels.Active().String() {
			row = true
		}
	}
	if !row {
		t.Errorf("no sgemm 32x32x32 row for %v:\n%s", kernels.Active(), out)
	}
}

// TestMaxCallSkips: with a tiny -maxcall the larger squares are skipped,
// and the report says so.
func TestMaxCallSkips(t *testing.T) {
	out, _ := runTiny(t, "-suite", "gemm", "-kernels", "sgemm", "-sizes", "16,256", "-shapes", "none", "-maxcall", "1ns", "-threads", "1")
	if !strings.Contains(out, "not measured:") || !strings.Contains(out, "256x256x256 NN") || !strings.Contains(out, "-maxcall") {
		t.Errorf("no skipped measurements reported:\n%s", out)
	}
}

// TestPlotAndReadBack: -plot writes a PNG; -in reads the JSON back and
// prints the same tables, and plots from it too.
func TestPlotAndReadBack(t *testing.T) {
	dir := t.TempDir()
	png, png2, profile := filepath.Join(dir, "a.png"), filepath.Join(dir, "b.png"), filepath.Join(dir, "cpu.prof")
	out, _ := runTiny(t, "-kernels", "sgemm,exp,relu", "-suite", "gemm,elementwise", "-plot", png, "-json", "-cpuprofile", profile)
	for _, f := range []string{png, profile} {
		data, err := os.ReadFile(f)
		if err != nil || len(data) == 0 {
			t.Fatalf("%s: %v (%d bytes)", f, err, len(data))
		}
	}
	if data, _ := os.ReadFile(png); !bytes.HasPrefix(data, []byte("\x89PNG")) {
		t.Errorf("-plot did not write a PNG")
	}
	records := filepath.Join(dir, "r.jsonl")
	if err := os.WriteFile(records, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	peer := filepath.Join(dir, "peer.jsonl")
	lines := `{"suite":"gemm","kernel":"sgemm","level":"openblas","shape":"32x32x32 NN","threads":1,"ns_per_op":1000,"rate":65.536,"unit":"GFLOP/s","spread_pct":1,"samples":5,"note":"peer"}` + "\n" +
		`{"suite":"gemm","kernel":"sgemm","level":"blis","shape":"32x32x32 NN","threads":1,"ns_per_op":2000,"rate":32.768,"unit":"GFLOP/s","spread_pct":1,"samples":5,"note":"peer"}` + "\n"
	if err := os.WriteFile(peer, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	var text, errOut bytes.Buffer
	if err := run([]string{"-in", records + "," + peer, "-plot", png2}, &text, &errOut); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "openblas") || !strings.Contains(text.String(), "blis") || !strings.Contains(text.String(), "× peer") ||
		!strings.Contains(text.String(), "GEMM") || !strings.Contains(text.String(), "exp") {
		t.Errorf("-in report:\n%s", text.String())
	}
	if data, _ := os.ReadFile(png2); !bytes.HasPrefix(data, []byte("\x89PNG")) {
		t.Errorf("-in -plot did not write a PNG")
	}
	// The peers' rows get % of peak (against the best level's peak) and a
	// speed-up over gonum from the records beside it; ember's rows of that
	// shape a speed-up over the faster peer.
	peerRows := 0
	for _, l := range strings.Split(text.String(), "\n") {
		f := strings.Fields(l)
		if len(f) != 11 || f[0] != "sgemm" || f[1]+" "+f[2] != "32x32x32 NN" || f[3] != "1" {
			continue
		}
		switch f[4] {
		case "openblas", "blis":
			peerRows++
			if f[8] == "—" || f[9] == "—" || f[10] != "—" {
				t.Errorf("peer row lacks derived figures: %q", l)
			}
		case "gonum":
		default:
			if f[10] == "—" {
				t.Errorf("ember row without × peer: %q", l)
			}
		}
	}
	if peerRows != 2 {
		t.Errorf("%d peer rows of 32x32x32 at 1 thread, want 2:\n%s", peerRows, text.String())
	}
}
