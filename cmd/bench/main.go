// Command bench measures ember's kernels on this machine: it prints the CPU,
// the kernel levels it supports and the active one, then the throughput of
// each kernel at every supported level, as medians of repeated timed runs.
//
// Usage:
//
//	go run ./cmd/bench [-levels avx2,generic] [-sizes 4096,1048576] [-samples 7]
//	go run ./cmd/bench -list   # the levels this CPU supports
//
// This is the first version of the harness; GEMM, the activation kernels and
// the MLP join it as they land.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/klauspost/cpuid/v2"

	"github.com/emberml/ember/kernels"
)

// A kernel is one benchmarked operation: bytes is the memory one element
// costs (reads plus writes), run performs one call on vectors of length n.
type kernel struct {
	name  string
	bytes int
	run   func(x, y, z []float32)
}

var dotSink float32

var kernelList = []kernel{
	{"axpy", 12, func(x, y, _ []float32) { kernels.Axpy(1e-7, x, y) }},
	{"dot", 8, func(x, y, _ []float32) { dotSink = kernels.Dot(x, y) }},
	{"scale", 8, func(x, _, _ []float32) { kernels.Scale(1, x) }},
	{"relu", 8, func(x, _, z []float32) { kernels.ReLU(z, x) }},
	{"relugrad", 12, func(x, y, z []float32) { kernels.ReLUGrad(z, y, x) }},
}

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	levelsFlag := fs.String("levels", "", "comma-separated levels to measure (default: all supported)")
	sizesFlag := fs.String("sizes", "4096,1048576", "comma-separated vector lengths")
	samples := fs.Int("samples", 7, "timed runs per measurement; the median is reported")
	list := fs.Bool("list", false, "print the levels this CPU supports, one per line, and exit")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if *list {
		for _, l := range kernels.Supported() {
			fmt.Fprintln(stdout, l)
		}
		return nil
	}
	levels, err := parseLevels(*levelsFlag)
	if err != nil {
		return err
	}
	sizes, err := parseSizes(*sizesFlag)
	if err != nil {
		return err
	}
	if *samples < 1 {
		return fmt.Errorf("-samples must be at least 1, got %d", *samples)
	}

	fmt.Fprintf(stdout, "cpu: %s (%s)\n", cpuid.CPU.BrandName, strings.Join(cpuid.CPU.FeatureSet(), " "))
	fmt.Fprintf(stdout, "levels: supported %v, active %v; GOMAXPROCS %d; %s %s/%s\n\n",
		kernels.Supported(), kernels.Active(), runtime.GOMAXPROCS(0), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(stdout, "%-9s %-8s %9s %12s %10s %16s\n", "kernel", "level", "n", "ns/op", "GB/s", "spread (GB/s)")

	defer kernels.SetLevel(kernels.Active())
	for _, k := range kernelList {
		for _, n := range sizes {
			x, y, z := make([]float32, n), make([]float32, n), make([]float32, n)
			for i := range x {
				x[i] = float32(i%17) - 8
				y[i] = float32(i%13) - 6
			}
			for _, l := range levels {
				if err := kernels.SetLevel(l); err != nil {
					return err
				}
				ns := measure(func() { k.run(x, y, z) }, *samples)
				gbs := func(ns float64) float64 { return float64(n*k.bytes) / ns }
				fmt.Fprintf(stdout, "%-9s %-8v %9d %12.0f %10.2f %7.2f – %-7.2f\n",
					k.name, l, n, ns[len(ns)/2], gbs(ns[len(ns)/2]), gbs(ns[len(ns)-1]), gbs(ns[0]))
			}
		}
	}
	return nil
}

// measure times f: after a warm-up it picks a repetition count that takes
// about 20 ms, then returns the per-call time of samples such batches, in
// nanoseconds, sorted.
func measure(f func(), samples int) []float64 {
	reps := 1
	for {
		start := time.Now()
		for range reps {
			f()
		}
		if d := time.Since(start); d > 20*time.Millisecond || reps >= 1<<30 {
			break
		}
		reps *= 2
	}
	ns := make([]float64, samples)
	for i := range ns {
		start := time.Now()
		for range reps {
			f()
		}
		ns[i] = float64(time.Since(start).Nanoseconds()) / float64(reps)
	}
	slices.Sort(ns)
	return ns
}

func parseLevels(s string) ([]kernels.Level, error) {
	if s == "" {
		return kernels.Supported(), nil
	}
	var levels []kernels.Level
	for _, name := range strings.Split(s, ",") {
		l, err := kernels.ParseLevel(strings.TrimSpace(name))
		if err != nil {
			return nil, err
		}
		if !slices.Contains(kernels.Supported(), l) {
			return nil, fmt.Errorf("level %v is not supported by this CPU (supported: %v)", l, kernels.Supported())
		}
		levels = append(levels, l)
	}
	return levels, nil
}

func parseSizes(s string) ([]int, error) {
	var sizes []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("bad size %q in -sizes: want positive integers", f)
		}
		sizes = append(sizes, n)
	}
	return sizes, nil
}
