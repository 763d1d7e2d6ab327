package main

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// sampleRecords has one record of every suite, with the optional fields
// both set and absent and text that needs CSV quoting.
var sampleRecords = []Record{
	{Suite: "info", Kernel: "cpu", Note: `AMD EPYC, "2" cores`},
	{Suite: "peak", Kernel: "fma-f32", Level: "avx2", Shape: "1 core", Threads: 1, NsPerOp: 8123.5, Rate: 96.8, Unit: "GFLOP/s", Spread: 1.25, Samples: 5, Note: "best sample"},
	{Suite: "gemm", Kernel: "sgemm", Level: "avx2", Shape: "128x256x784 NN", Threads: 2, NsPerOp: 700000, Rate: 2 * 128 * 256 * 784 / 700000.0, Unit: "GFLOP/s", Spread: 3, Samples: 7, PctPeak: 41.5, Speedup: 9.75},
	{Suite: "gemm", Kernel: "dgemm", Level: "gonum", Shape: "784x256x128 TN", Threads: 1, NsPerOp: 9e6, Rate: 2 * 784 * 256 * 128 / 9e6, Unit: "GFLOP/s", Spread: 0.5, Samples: 3},
	{Suite: "elementwise", Kernel: "softmax", Level: "math", Shape: "4x1000", Threads: 1, NsPerOp: 1e5, Rate: 0.04, Unit: "Gelem/s", Spread: 2, Samples: 7},
	{Suite: "mlp", Kernel: "W2", Level: "torch", Shape: "784-256-128-10 b128", Threads: 1, NsPerOp: 3.4e6, Rate: 37647.1, Unit: "samples/s", Spread: 1, Samples: 3, Note: "op = one step, a, b"},
}

func TestJSONRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := writeJSON(&buf, sampleRecords); err != nil {
		t.Fatal(err)
	}
	if lines := strings.Count(buf.String(), "\n"); lines != len(sampleRecords) {
		t.Errorf("%d lines for %d records: want JSON Lines", lines, len(sampleRecords))
	}
	for _, field := range []string{`"suite":`, `"kernel":`, `"level":`, `"shape":`, `"threads":`, `"ns_per_op":`, `"rate":`, `"unit":`, `"spread_pct":`, `"samples":`} {
		if strings.Count(buf.String(), field) != len(sampleRecords) {
			t.Errorf("field %s is not on every line:\n%s", field, buf.String())
		}
	}
	checkReadBack(t, &buf)
}

// checkReadBack reads the records written into buf and checks that they
// are sampleRecords.
func checkReadBack(t *testing.T, buf *bytes.Buffer) {
	t.Helper()
	got, err := readRecords(buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, sampleRecords) {
		t.Errorf("round trip changed the records:\n got %+v\nwant %+v", got, sampleRecords)
	}
}

func TestCSVRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := writeCSV(&buf, sampleRecords); err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(buf.String(), "\n")
	if first != "suite,kernel,level,shape,threads,ns_per_op,rate,unit,spread_pct,samples,pct_peak,speedup,note" {
		t.Errorf("CSV header %q", first)
	}
	checkReadBack(t, &buf)
}

// TestPeerLines parses lines as the peer scripts print them (fields in
// another order, optional ones absent, a blank line).
func TestPeerLines(t *testing.T) {
	in := `{"suite":"gemm","kernel":"sgemm","level":"openblas","shape":"512x512x512 NN","threads":1,"ns_per_op":1838000,"rate":146.04,"unit":"GFLOP/s","spread_pct":1.2,"samples":9,"note":"OpenBLAS 0.3.21 Haswell"}

{"level":"torch","suite":"mlp","kernel":"W1","shape":"2-10-1 b10 e100","threads":1,"ns_per_op":3.1e8,"rate":32258,"unit":"samples/s","spread_pct":0,"samples":1}
`
	recs, err := readRecords(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].Level != "openblas" || recs[1].Kernel != "W1" {
		t.Errorf("got %+v", recs)
	}
}

func TestBadRecordsRejected(t *testing.T) {
	good := `{"suite":"gemm","kernel":"sgemm","level":"avx2","shape":"64x64x64 NN","threads":1,"ns_per_op":10000,"rate":52.4288,"unit":"GFLOP/s","spread_pct":1,"samples":3}`
	if _, err := readRecords(strings.NewReader(good)); err != nil {
		t.Fatalf("the good record: %v", err)
	}
	for name, line := range map[string]string{
		"not JSON":          `{"suite":`,
		"unknown field":     strings.Replace(good, `"samples":3`, `"samples":3,"gflops":1`, 1),
		"unknown suite":     strings.Replace(good, `"gemm"`, `"blas"`, 1),
		"wrong unit":        strings.Replace(good, `"GFLOP/s"`, `"Gelem/s"`, 1),
		"no level":          strings.Replace(good, `"avx2"`, `""`, 1),
		"no kernel":         strings.Replace(good, `"sgemm"`, `""`, 1),
		"bad shape":         strings.Replace(good, `64x64x64 NN`, `64x64`, 1),
		"zero threads":      strings.Replace(good, `"threads":1`, `"threads":0`, 1),
		"zero time":         strings.Replace(good, `"ns_per_op":10000`, `"ns_per_op":0`, 1),
		"negative spread":   strings.Replace(good, `"spread_pct":1`, `"spread_pct":-1`, 1),
		"no samples":        strings.Replace(good, `"samples":3`, `"samples":0`, 1),
		"rate not flops":    strings.Replace(good, `"rate":52.4288`, `"rate":5.24288`, 1),
		"two values":        good + " " + good,
		"info with numbers": `{"suite":"info","kernel":"cpu","level":"","shape":"","threads":1,"ns_per_op":0,"rate":0,"unit":"","spread_pct":0,"samples":0,"note":"x"}`,
	} {
		if _, err := readRecords(strings.NewReader(line + "\n")); err == nil {
			t.Errorf("%s: accepted %s", name, line)
		}
	}
	csvBad := strings.Join(csvHeader, ",") + "\ngemm,sgemm,avx2,64x64x64 NN,one,1,1,GFLOP/s,0,3,0,0,\n"
	if _, err := readRecords(strings.NewReader(csvBad)); err == nil || !strings.Contains(err.Error(), "threads") {
		t.Errorf("CSV with a non-numeric threads: err = %v", err)
	}
	csvShort := strings.Join(csvHeader, ",") + "\ngemm,sgemm\n"
	if _, err := readRecords(strings.NewReader(csvShort)); err == nil {
		t.Errorf("CSV row with two fields accepted")
	}
	nan := sampleRecords[2]
	nan.Spread = math.NaN()
	if nan.validate() == nil {
		t.Errorf("NaN spread accepted")
	}
}

func TestValidateSet(t *testing.T) {
	if err := validateSet(sampleRecords, []string{"gemm", "elementwise", "mlp"}); err != nil {
		t.Errorf("sample records: %v", err)
	}
	if err := validateSet(sampleRecords[:3], []string{"gemm", "mlp"}); err == nil || !strings.Contains(err.Error(), "no mlp records") {
		t.Errorf("missing suite: err = %v", err)
	}
	dup := append(append([]Record(nil), sampleRecords...), sampleRecords[2])
	if err := validateSet(dup, nil); err == nil || !strings.Contains(err.Error(), "two records") {
		t.Errorf("duplicate: err = %v", err)
	}
}

// TestValidateFlag runs -validate on good and bad files: exit status 1
// (errInvalid) for a bad one.
func TestValidateFlag(t *testing.T) {
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "good.jsonl"), filepath.Join(dir, "bad.jsonl")
	var buf bytes.Buffer
	if err := writeJSON(&buf, sampleRecords); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte(`{"suite":"gemm"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if err := run([]string{"-validate", good}, &out, &errOut); err != nil {
		t.Errorf("-validate good: %v", err)
	}
	if !strings.Contains(out.String(), "6 valid records") {
		t.Errorf("-validate printed %q", out.String())
	}
	if err := run([]string{"-validate", bad}, &out, &errOut); !isInvalid(err) {
		t.Errorf("-validate bad: err = %v, want errInvalid", err)
	}
	if err := run([]string{"-validate", good, "-suite", "gemm"}, &out, &errOut); err != nil {
		t.Errorf("-validate -suite gemm: %v", err)
	}
	if err := run([]string{"-validate", filepath.Join(dir, "missing")}, &out, &errOut); err == nil {
		t.Errorf("-validate of a missing file succeeded")
	}
}

func isInvalid(err error) bool { return err != nil && errors.Is(err, errInvalid) }
