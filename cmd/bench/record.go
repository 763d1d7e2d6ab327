package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// A Record is one result: one measurement of one kernel by one
// implementation at one shape and thread count. -json writes one Record per
// line (JSON Lines), -csv one per row under a header naming the fields; the
// peer scripts in bench/peers print the same, so that files from both can be
// read back together with -in and checked with -validate.
//
// Suites and their units:
//
//	suite        kernel                          shape                   unit
//	info         cpu, features, go, levels, …    (empty)                 (empty): the value is in Note
//	peak         fma-f32, fma-f64                "1 core"                GFLOP/s
//	gemm         sgemm, dgemm                    "MxNxK TT" e.g. "128x256x784 NN"   GFLOP/s (2·M·N·K flops per op)
//	elementwise  exp, sigmoid, tanh, relu, softmax, adam   "n=4096", softmax "RxC"   Gelem/s
//	mlp          W1 (one whole fit), W2, W3 (one training step)   the network   samples/s
//
// Level is the ember kernel level (generic, avx2, avx512, neon) or the
// name of another implementation: gonum (gonum's pure-Go BLAS), math (plain
// Go with the math package, in float64), or a peer of bench/peers:
// openblas and blis (their cblas_?gemm), openblas-gemv and blis-gemv (the
// same product with M = 1 or N = 1 as their cblas_?gemv, under the GEMM's
// kernel and shape), torch.
type Record struct {
	Suite   string  `json:"suite"`
	Kernel  string  `json:"kernel"`
	Level   string  `json:"level"`
	Shape   string  `json:"shape"`
	Threads int     `json:"threads"`
	NsPerOp float64 `json:"ns_per_op"`  // median time of one op, in ns
	Rate    float64 `json:"rate"`       // throughput at the median, in Unit
	Unit    string  `json:"unit"`       // GFLOP/s, Gelem/s or samples/s
	Spread  float64 `json:"spread_pct"` // (slowest − fastest sample) / median, in %
	Samples int     `json:"samples"`    // timed samples behind the median
	// PctPeak is Rate as a percentage of the level's measured FMA peak of
	// one core times Threads (gemm only; 0 or absent: not known).
	PctPeak float64 `json:"pct_peak,omitempty"`
	// Speedup is Rate over the rate of the suite's baseline (gonum for
	// gemm, math for elementwise, torch for mlp) at the same kernel, shape
	// and thread count (0 or absent: no baseline measured).
	Speedup float64 `json:"speedup,omitempty"`
	Note    string  `json:"note,omitempty"`
}

// csvHeader is the first row of -csv output: the JSON field names, in
// order.
var csvHeader = []string{"suite", "kernel", "level", "shape", "threads", "ns_per_op", "rate", "unit", "spread_pct", "samples", "pct_peak", "speedup", "note"}

// unitOf is the unit each suite's records must carry.
var unitOf = map[string]string{
	"info":        "",
	"peak":        "GFLOP/s",
	"gemm":        "GFLOP/s",
	"elementwise": "Gelem/s",
	"mlp":         "samples/s",
}

// writeJSON writes records as JSON Lines.
func writeJSON(w io.Writer, recs []Record) error {
	enc := json.NewEncoder(w)
	for _, r := range recs {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}

// writeCSV writes the header row and one row per record.
func writeCSV(w io.Writer, recs []Record) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, r := range recs {
		if err := cw.Write(r.csvRow()); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func fmtFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func (r Record) csvRow() []string {
	return []string{r.Suite, r.Kernel, r.Level, r.Shape, strconv.Itoa(r.Threads),
		fmtFloat(r.NsPerOp), fmtFloat(r.Rate), r.Unit, fmtFloat(r.Spread),
		strconv.Itoa(r.Samples), fmtFloat(r.PctPeak), fmtFloat(r.Speedup), r.Note}
}

// readRecords reads JSON Lines or CSV (recognised by a first line equal to
// the CSV header) written by writeJSON, writeCSV or a peer script, and
// validates every record. Blank lines in JSON input are skipped.
func readRecords(r io.Reader) ([]Record, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	if strings.TrimSpace(string(first)) == strings.Join(csvHeader, ",") {
		return readCSV(data)
	}
	var recs []Record
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(text))
		dec.DisallowUnknownFields()
		var rec Record
		if err := dec.Decode(&rec); err != nil {
			return nil, fmt.Errorf("line %d: %v", line, err)
		}
		if dec.More() {
			return nil, fmt.Errorf("line %d: more than one JSON value", line)
		}
		if err := rec.validate(); err != nil {
			return nil, fmt.Errorf("line %d: %v", line, err)
		}
		recs = append(recs, rec)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return recs, nil
}

func readCSV(data []byte) ([]Record, error) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = len(csvHeader)
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, err
	}
	var recs []Record
	for i, row := range rows[1:] {
		rec, err := parseCSVRow(row)
		if err == nil {
			err = rec.validate()
		}
		if err != nil {
			return nil, fmt.Errorf("CSV row %d: %v", i+2, err)
		}
		recs = append(recs, rec)
	}
	return recs, nil
}

func parseCSVRow(row []string) (Record, error) {
	var errs []error
	num := func(i int) float64 {
		f, err := strconv.ParseFloat(row[i], 64)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %q is not a number", csvHeader[i], row[i]))
		}
		return f
	}
	integer := func(i int) int {
		n, err := strconv.Atoi(row[i])
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %q is not an integer", csvHeader[i], row[i]))
		}
		return n
	}
	rec := Record{
		Suite: row[0], Kernel: row[1], Level: row[2], Shape: row[3], Threads: integer(4),
		NsPerOp: num(5), Rate: num(6), Unit: row[7], Spread: num(8), Samples: integer(9),
		PctPeak: num(10), Speedup: num(11), Note: row[12],
	}
	return rec, errors.Join(errs...)
}

// validate checks one record against the format: a known suite with its
// unit, the identifying fields present, and finite, positive measurements
// (info records carry their value in Note and no numbers).
func (r Record) validate() error {
	unit, ok := unitOf[r.Suite]
	if !ok {
		return fmt.Errorf("unknown suite %q (want info, peak, gemm, elementwise or mlp)", r.Suite)
	}
	if r.Kernel == "" {
		return fmt.Errorf("%s record without a kernel", r.Suite)
	}
	if r.Unit != unit {
		return fmt.Errorf("%s %s: unit %q, want %q", r.Suite, r.Kernel, r.Unit, unit)
	}
	for _, f := range []struct {
		name string
		v    float64
	}{{"ns_per_op", r.NsPerOp}, {"rate", r.Rate}, {"spread_pct", r.Spread}, {"pct_peak", r.PctPeak}, {"speedup", r.Speedup}} {
		if math.IsNaN(f.v) || math.IsInf(f.v, 0) || f.v < 0 {
			return fmt.Errorf("%s %s: %s = %v, want a finite non-negative number", r.Suite, r.Kernel, f.name, f.v)
		}
	}
	if r.Suite == "info" {
		if r.Note == "" || r.NsPerOp != 0 || r.Rate != 0 || r.Samples != 0 || r.Threads != 0 {
			return fmt.Errorf("info %s: want the value in note and no measurements", r.Kernel)
		}
		return nil
	}
	switch {
	case r.Level == "":
		return fmt.Errorf("%s %s: no level", r.Suite, r.Kernel)
	case r.Shape == "":
		return fmt.Errorf("%s %s: no shape", r.Suite, r.Kernel)
	case r.Threads < 1:
		return fmt.Errorf("%s %s %s: threads = %d, want ≥ 1", r.Suite, r.Kernel, r.Shape, r.Threads)
	case r.NsPerOp <= 0 || r.Rate <= 0:
		return fmt.Errorf("%s %s %s: ns_per_op and rate must be positive", r.Suite, r.Kernel, r.Shape)
	case r.Samples < 1:
		return fmt.Errorf("%s %s %s: samples = %d, want ≥ 1", r.Suite, r.Kernel, r.Shape, r.Samples)
	}
	// The rate must follow from ns_per_op and the shape (within 1%, for
	// rounded printing): this catches a peer measuring something else.
	var perOp float64 // units of work per op, in the rate's unit × 1e-9 s
	switch r.Suite {
	case "gemm":
		sh, err := parseGemmShape(r.Shape)
		if err != nil {
			return fmt.Errorf("gemm %s: %v", r.Kernel, err)
		}
		perOp = sh.flops()
	case "elementwise":
		if perOp = float64(elementsOf(r.Shape)); perOp == 0 {
			return fmt.Errorf("elementwise %s: bad shape %q: want n=N or RxC", r.Kernel, r.Shape)
		}
	case "mlp":
		if n, ok := mlpSamplesPerOp[r.Kernel]; ok {
			perOp = n * 1e9
		}
	}
	if want := perOp / r.NsPerOp; perOp > 0 && math.Abs(r.Rate-want) > 0.01*want {
		return fmt.Errorf("%s %s %s: rate %.4g %s does not follow from ns_per_op %.4g (want %.4g)", r.Suite, r.Kernel, r.Shape, r.Rate, r.Unit, r.NsPerOp, want)
	}
	return nil
}

// mlpSamplesPerOp is the training samples one op of an MLP workload
// processes: W1's op is the whole toy fit (100 samples, 100 epochs), W2's
// and W3's one step of a batch.
var mlpSamplesPerOp = map[string]float64{"W1": 100 * 100, "W2": 128, "W3": 256}
