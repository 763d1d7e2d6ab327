// Command bench is ember's benchmark harness: what the kernels do on this
// machine, against generic Go, gonum's pure-Go BLAS and Go's math package.
//
//	go run ./cmd/bench            # the default report, under a minute on 2 cores
//	go run ./cmd/bench -full      # more sizes and samples, dgemm, W3 (minutes)
//	go run ./cmd/bench -check     # every implementation against internal/ref
//	go run ./cmd/bench -h         # all flags
//
// The report starts with the machine (CPU and features, kernel levels,
// GOMAXPROCS, Go version, commit), then has a table per suite, each
// printed as soon as its suite is done:
//
//   - the FMA peak of one core at each level: an assembly loop of
//     independent vector FMAs (kernels/asm), or for generic a scalar Go
//     loop;
//   - GEMM (sgemm; -full adds dgemm) on squares 8, 16, 32, 64 and
//     128…1024, the batch-1 products 1×1024×1024 NN and 1×256×784 NN and
//     NT, and the four products of an MLP training step, (128,256,784) NN,
//     (784,256,128) TN, (128,784,256) NT and (128,10,128) NN (-shapes), at
//     each level and in gonum, at 1 and GOMAXPROCS threads: GFLOP/s, % of
//     the level's peak × threads, speed-up over gonum;
//   - exp, sigmoid, tanh, relu, softmax (rows of 1000) and an Adam step at
//     n = 4096 and 1<<20, at each level and in plain Go math: G elements/s;
//   - MLP training: the primer's toy fit (W1, time of the whole fit) and
//     784-256-128-10 at batch 128 (W2, samples/s; the default times
//     training steps, -full whole epochs of 60000 samples).
//
// Every time is the median of repeated samples after a warm-up, with the
// spread (slowest − fastest) / median. A GEMM whose single call is
// predicted to take longer than -maxcall is skipped and listed.
//
// -json and -csv print the same results as records (see Record), which the
// peer scripts in bench/peers (OpenBLAS, BLIS, PyTorch) also print; -in
// reads such files back to print the tables, with each GEMM row's speed-up
// over the fastest peer when the peers' records are there, and -plot draws
// them into a PNG.
// -validate checks a record file, as CI does with the output of
// `go run ./cmd/bench -quick -json`.
//
// Exit status: 0 on success, 1 if -check or -validate found a violation,
// 2 for bad flags or any other error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"time"

	"github.com/emberml/ember/kernels"
)

func main() {
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case err == nil || errors.Is(err, flag.ErrHelp):
	case errors.Is(err, errCheckFailed) || errors.Is(err, errInvalid):
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	default:
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
}

// errInvalid is what -validate returns for a bad record file.
var errInvalid = errors.New("invalid records")

func run(args []string, stdout, stderr io.Writer) (err error) {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	if cfg.list {
		for _, l := range kernels.Supported() {
			fmt.Fprintln(stdout, l)
		}
		return nil
	}
	if cfg.validate != "" {
		return validateFile(cfg, stdout)
	}
	if cfg.cpuprofile != "" {
		f, err := os.Create(cfg.cpuprofile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return err
		}
		defer func() {
			pprof.StopCPUProfile()
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}()
	}
	prog := &progress{w: stderr, start: time.Now()}

	var recs []Record
	var skipped []string
	// live: the text report of a run is printed part by part, each suite's
	// table as soon as the suite is done, rather than all at the end.
	live := len(cfg.in) == 0 && !cfg.json && !cfg.csv
	if len(cfg.in) > 0 {
		for _, name := range cfg.in {
			rs, err := readFile(name)
			if err != nil {
				return err
			}
			recs = append(recs, rs...)
		}
	} else {
		gemms, ews := gemmImpls(cfg), ewImpls(cfg)
		if implHook != nil {
			gemms, ews = implHook(gemms, ews)
		}
		defer kernels.SetThreads(0)
		if cfg.check {
			_, err := runCheck(stdout, cfg, gemms, ews, prog)
			prog.printf("check done")
			return err
		}
		b := &bench{cfg: cfg, gemms: gemms, ews: ews, prog: prog}
		b.recs = hostRecords(time.Now())
		show := func(part string) error {
			if !live {
				return nil
			}
			derive(b.recs)
			return writeReportParts(stdout, b.recs, nil, cfg.mode, part)
		}
		if err := show("info"); err != nil {
			return err
		}
		// The parts of the chosen suites, in order, each shown when done.
		for _, p := range []struct {
			suite, part string
			run         func() error
		}{
			{"gemm", "peak", func() error { b.runPeak(); return nil }},
			{"gemm", "gemm", func() error { b.runGemm(); return nil }},
			{"elementwise", "elementwise", func() error { b.runElementwise(); return nil }},
			{"mlp", "mlp", b.runMLP},
		} {
			if !cfg.hasSuite(p.suite) {
				continue
			}
			if err := p.run(); err != nil {
				return err
			}
			if err := show(p.part); err != nil {
				return err
			}
		}
		prog.printf("done")
		recs, skipped = b.recs, b.skipped
	}
	derive(recs)
	if cfg.plot != "" {
		if err := writePlot(cfg.plot, recs); err != nil {
			return err
		}
		prog.printf("wrote %s", cfg.plot)
	}
	switch {
	case cfg.json:
		return writeJSON(stdout, recs)
	case cfg.csv:
		return writeCSV(stdout, recs)
	}
	if live {
		return writeReportParts(stdout, recs, skipped, cfg.mode, "skipped")
	}
	m := cfg.mode
	if len(cfg.in) > 0 {
		m = mode{}
	}
	return writeReport(stdout, recs, skipped, m)
}

func readFile(name string) ([]Record, error) {
	var r io.Reader = os.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	recs, err := readRecords(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return recs, nil
}

// validateFile checks a record file: every record well-formed, no two
// measuring the same thing, and records of every suite in -suite.
func validateFile(cfg *config, stdout io.Writer) error {
	recs, err := readFile(cfg.validate)
	if err != nil {
		return fmt.Errorf("%w: %v", errInvalid, err)
	}
	if err := validateSet(recs, cfg.suites); err != nil {
		return fmt.Errorf("%w: %s: %v", errInvalid, cfg.validate, err)
	}
	count := map[string]int{}
	for _, r := range recs {
		count[r.Suite]++
	}
	fmt.Fprintf(stdout, "%s: %d valid records (info %d, peak %d, gemm %d, elementwise %d, mlp %d)\n",
		cfg.validate, len(recs), count["info"], count["peak"], count["gemm"], count["elementwise"], count["mlp"])
	return nil
}

// validateSet checks a set of valid records as a whole.
func validateSet(recs []Record, suites []string) error {
	seen := map[string]bool{}
	has := map[string]bool{}
	for _, r := range recs {
		k := groupKey(r) + "|" + r.Level
		if r.Suite != "info" && seen[k] {
			return fmt.Errorf("two records of %s %s %s at %d threads by %s", r.Suite, r.Kernel, r.Shape, r.Threads, r.Level)
		}
		seen[k] = true
		has[r.Suite] = true
	}
	for _, s := range suites {
		if !has[s] {
			return fmt.Errorf("no %s records", s)
		}
	}
	return nil
}
