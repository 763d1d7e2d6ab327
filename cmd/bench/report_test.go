package main

import (
	"bytes"
	"strings"
	"testing"
)

// snapshotWriter records, at each write to stdout, how much had been
// written to stderr (the progress) by then.
type snapshotWriter struct {
	out, progress bytes.Buffer
	writes        []snapshot
}

type snapshot struct{ text, progressSoFar string }

func (s *snapshotWriter) Write(p []byte) (int, error) {
	s.writes = append(s.writes, snapshot{string(p), s.progress.String()})
	return s.out.Write(p)
}

// TestReportIsLive: a run prints the header at once and each suite's table
// as soon as that suite is done, before the next suite starts.
func TestReportIsLive(t *testing.T) {
	var s snapshotWriter
	args := append(append([]string{}, tiny...), "-kernels", "sgemm,relu,W1")
	if err := run(args, &s, &s.progress); err != nil {
		t.Fatalf("%v\nstderr:\n%s", err, s.progress.String())
	}
	for _, c := range []struct{ table, notYet string }{
		{"cpu: ", "peak: "},
		{"FMA peak of one core", "gemm: "},
		{"\nGEMM (", "elementwise: "},
		{"\nElementwise, one thread", "mlp: "},
		{"\nMLP training", "] done"},
	} {
		found := false
		for _, w := range s.writes {
			if strings.Contains(w.text, c.table) {
				found = true
				if strings.Contains(w.progressSoFar, c.notYet) {
					t.Errorf("%q printed only after %q had started", c.table, c.notYet)
				}
			}
		}
		if !found {
			t.Errorf("no %q in the report:\n%s", c.table, s.out.String())
		}
	}
}

// TestReportParts: the report's parts printed one at a time are the whole
// report.
func TestReportParts(t *testing.T) {
	out, _ := runTiny(t, "-kernels", "sgemm,relu,W1", "-json")
	recs, err := readRecords(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	derive(recs)
	skipped := []string{"something left out"}
	m := mode{name: "quick", samples: 2}
	var whole, parts bytes.Buffer
	if err := writeReport(&whole, recs, skipped, m); err != nil {
		t.Fatal(err)
	}
	for _, p := range reportParts {
		if err := writeReportParts(&parts, recs, skipped, m, p); err != nil {
			t.Fatal(err)
		}
	}
	if whole.String() != parts.String() {
		t.Errorf("parts one by one:\n%s\nwhole report:\n%s", parts.String(), whole.String())
	}
	for _, want := range []string{"cpu: ", "mode: ", "FMA peak", "GEMM", "Elementwise", "MLP training", "not measured:"} {
		if !strings.Contains(whole.String(), want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

// TestPeerColumn: with peers' records (bench/peers/run.sh: openblas, blis
// and their -gemv figures) the GEMM table gains × peer, each row's rate over
// the fastest peer's of its group; peers' rows and groups without a peer
// get a dash, and without any peer record the column is not there.
func TestPeerColumn(t *testing.T) {
	rec := func(level, shape string, threads int, rate float64) Record {
		return Record{Suite: "gemm", Kernel: "sgemm", Level: level, Shape: shape, Threads: threads,
			NsPerOp: 1000, Rate: rate, Unit: "GFLOP/s", Spread: 1, Samples: 3}
	}
	recs := []Record{
		rec("avx2", "1x24x20 NT", 1, 30), rec("gonum", "1x24x20 NT", 1, 3),
		rec("openblas", "1x24x20 NT", 1, 10), rec("openblas-gemv", "1x24x20 NT", 1, 20),
		rec("blis", "1x24x20 NT", 1, 12), rec("blis-gemv", "1x24x20 NT", 1, 24),
		rec("avx2", "1x24x20 NT", 2, 30), rec("gonum", "1x24x20 NT", 2, 6), rec("blis", "1x24x20 NT", 2, 60),
		rec("avx2", "8x8x8 NN", 1, 5), rec("gonum", "8x8x8 NN", 1, 1),
	}
	derive(recs)
	var b strings.Builder
	if err := writeReport(&b, recs, nil, mode{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	want := map[string]string{ // shape threads impl → last column
		"1x24x20 NT 1 avx2": "1.25", "1x24x20 NT 1 gonum": "0.12", "1x24x20 NT 1 openblas": "—",
		"1x24x20 NT 1 blis-gemv": "—", "1x24x20 NT 2 avx2": "0.50", "1x24x20 NT 2 gonum": "0.10",
		"8x8x8 NN 1 avx2": "—", "8x8x8 NN 1 gonum": "—",
	}
	if !strings.Contains(out, "× peer") {
		t.Fatalf("no × peer column:\n%s", out)
	}
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) != 11 || f[0] != "sgemm" {
			continue
		}
		if w, ok := want[f[1]+" "+f[2]+" "+f[3]+" "+f[4]]; ok {
			if f[10] != w {
				t.Errorf("%q: × peer %s, want %s", line, f[10], w)
			}
			delete(want, f[1]+" "+f[2]+" "+f[3]+" "+f[4])
		}
	}
	for k := range want {
		t.Errorf("no row %s:\n%s", k, out)
	}
	b.Reset()
	if err := writeReport(&b, recs[9:], nil, mode{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "peer") {
		t.Errorf("× peer without peers:\n%s", b.String())
	}
}
