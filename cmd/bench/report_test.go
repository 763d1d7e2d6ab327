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
