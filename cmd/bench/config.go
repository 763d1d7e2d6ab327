package main

import (
	"flag"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"gonum.org/v1/gonum/blas"

	"github.com/emberml/ember/kernels"
)

// Baselines: the implementations ember is compared with inside the
// harness. They can be named in -levels like the kernel levels.
const (
	gonumName = "gonum" // gonum's pure-Go BLAS (blas/gonum.Implementation), the GEMM baseline
	mathName  = "math"  // plain Go loops over float64 math, the elementwise baseline
	torchName = "torch" // the PyTorch peer (bench/peers), the MLP baseline; never measured here
)

// Every kernel each suite knows, in report order.
var (
	gemmKernels = []string{"sgemm", "dgemm"}
	ewKernels   = []string{"exp", "sigmoid", "tanh", "relu", "softmax", "adam"}
	mlpKernels  = []string{"W1", "W2", "W3", "W2p1"}
	suiteNames  = []string{"gemm", "elementwise", "mlp"}
)

// mlpShapes are the GEMMs of one training step of the 784-256-128-10
// network at batch 128 (forward, weight gradient, input gradient, output
// layer), as M×N×K with the transposes mlp uses.
var mlpShapes = []gemmShape{
	{128, 256, 784, blas.NoTrans, blas.NoTrans},
	{784, 256, 128, blas.Trans, blas.NoTrans},
	{128, 784, 256, blas.NoTrans, blas.Trans},
	{128, 10, 128, blas.NoTrans, blas.NoTrans},
}

// gemvShapes are batch-1 products, x·W: a service answering one request
// with a trained model (1×1024×1024), and the first layer of the MLP's
// network as forward (NN) and as x·Wᵀ (NT).
var gemvShapes = []gemmShape{
	{1, 1024, 1024, blas.NoTrans, blas.NoTrans},
	{1, 256, 784, blas.NoTrans, blas.NoTrans},
	{1, 256, 784, blas.NoTrans, blas.Trans},
}

// smallSizes are the squares of -shapes small: products so small that a
// call's fixed cost (checks, dispatch, packing) is most of its time.
var smallSizes = []int{8, 16, 32, 64}

func squares(sizes ...int) []gemmShape {
	var out []gemmShape
	for _, n := range sizes {
		out = append(out, gemmShape{n, n, n, blas.NoTrans, blas.NoTrans})
	}
	return out
}

// shapeSets are the named sets -shapes takes, in the order the usage
// text lists them.
var shapeSets = []struct {
	name   string
	shapes []gemmShape
}{
	{"gemv", gemvShapes},
	{"small", squares(smallSizes...)},
	{"mlp", mlpShapes},
}

// defaultShapes is -shapes' default; -quick takes a subset, one batch-1
// product of each orientation and two small squares besides its 64.
const (
	defaultShapes = "gemv,small,mlp"
	quickShapes   = "1x1024x1024:NN,1x256x784:NT,8x8x8,32x32x32,mlp"
)

// mode is what -quick, the default and -full set; flags given explicitly
// override it.
type mode struct {
	name    string
	samples int
	target  time.Duration // least time of one timed sample
	budget  time.Duration // soft limit for one measurement
	maxCall time.Duration // skip a GEMM whose predicted single call is longer
	sizes   []int         // GEMM squares
	shapes  string        // more GEMM shapes, as -shapes takes them
	lengths []int         // elementwise lengths
	kernels []string      // kernels run
	epoch   bool          // W2 as a whole Fit epoch of 60000 samples instead of timed steps
}

var modes = map[string]mode{
	"quick": {
		name: "quick", samples: 3, target: 2 * time.Millisecond, budget: 100 * time.Millisecond, maxCall: 100 * time.Millisecond,
		sizes: []int{64, 128}, shapes: quickShapes, lengths: []int{4096, 65536},
		kernels: []string{"sgemm", "dgemm", "exp", "sigmoid", "tanh", "relu", "softmax", "adam", "W1", "W2", "W2p1"},
	},
	"default": {
		name: "default", samples: 7, target: 25 * time.Millisecond, budget: 2 * time.Second, maxCall: 600 * time.Millisecond,
		sizes: []int{128, 256, 512, 1024}, shapes: defaultShapes, lengths: []int{4096, 1 << 20},
		kernels: []string{"sgemm", "exp", "sigmoid", "tanh", "relu", "softmax", "adam", "W1", "W2", "W2p1"},
	},
	"full": {
		name: "full", samples: 11, target: 100 * time.Millisecond, budget: 20 * time.Second, maxCall: 10 * time.Second,
		sizes: []int{64, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048}, shapes: defaultShapes, lengths: []int{4096, 1 << 16, 1 << 20},
		kernels: []string{"sgemm", "dgemm", "exp", "sigmoid", "tanh", "relu", "softmax", "adam", "W1", "W2", "W3", "W2p1"},
		epoch:   true,
	},
}

// config is everything run needs, parsed and checked.
type config struct {
	mode       mode
	suites     []string        // from -suite
	levels     []kernels.Level // ember levels measured
	baselines  []string        // gonum, math: those selected by -levels
	threads    []int
	shapes     []gemmShape // extra GEMM shapes (the MLP's by default)
	kernels    []string
	json, csv  bool
	plot       string
	check      bool
	seed       uint64
	cpuprofile string
	in         []string // report from these record files instead of measuring
	validate   string   // check this record file ("-": stdin) and exit
	list       bool
	timer      timer
}

func (c *config) has(kernel string) bool { return slices.Contains(c.kernels, kernel) }

func (c *config) hasSuite(s string) bool { return slices.Contains(c.suites, s) }

func (c *config) hasBaseline(b string) bool { return slices.Contains(c.baselines, b) }

const usageText = `usage: go run ./cmd/bench [flags]

Measures ember's kernels on this machine against generic Go, gonum and Go's
math package: the FMA peak of one core, GEMM (GFLOP/s, % of peak, speed-up
over gonum), elementwise kernels (G elements/s) and MLP training
(samples/s). Results on stdout (a table, or -json/-csv records), progress on
stderr. The default run takes under a minute on two cores; -full takes
longer and is more precise, -quick is a smoke test. -check tests every
implementation against internal/ref instead of timing.

flags:
`

func parseFlags(args []string, stderr io.Writer) (*config, error) {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
	}
	suite := fs.String("suite", "all", "suites to run: gemm, elementwise, mlp or all (comma-separated)")
	levels := fs.String("levels", "", "implementations: kernel levels (generic, avx2, avx512, neon) and baselines (gonum, math); default all supported levels and both baselines")
	threads := fs.String("threads", "", "GEMM and MLP thread counts, comma-separated (default 1 and GOMAXPROCS)")
	sizes := fs.String("sizes", "", "GEMM square sizes, comma-separated, or none (default 128,256,512,1024; -quick 64,128; -full 64…2048)")
	shapes := fs.String("shapes", "", "more GEMM shapes, comma-separated, or none: the sets gemv (batch 1: 1x1024x1024 NN, 1x256x784 NN and NT),\n"+
		"small (squares 8, 16, 32, 64) and mlp (the MLP's four: 128x256x784 NN, 784x256x128 TN, 128x784x256 NT, 128x10x128 NN),\n"+
		"and shapes MxNxK[:TT] with TT one of NN, NT, TN, TT (e.g. gemv,1x4096x4096:NT); squares are measured by size with\n"+
		"those of -sizes, the rest after them (default "+defaultShapes+"; -quick "+quickShapes+")")
	lengths := fs.String("lengths", "", "elementwise lengths, comma-separated (default 4096,1048576)")
	kernelsFlag := fs.String("kernels", "", "run only these kernels: sgemm, dgemm, exp, sigmoid, tanh, relu, softmax, adam, W1, W2, W3, W2p1 (default: all but dgemm and W3; -full: all)")
	quick := fs.Bool("quick", false, "smoke test: tiny sizes, few samples (seconds)")
	full := fs.Bool("full", false, "precise: more sizes and samples, dgemm, W2 as a whole epoch, W3 (minutes)")
	samples := fs.Int("samples", 0, "timed samples per measurement; the median is reported (default 7; -quick 3; -full 11)")
	maxCall := fs.Duration("maxcall", 0, "skip GEMMs whose predicted single call takes longer (default 600ms; -quick 100ms; -full 10s)")
	jsonOut := fs.Bool("json", false, "print JSON Lines records instead of tables")
	csvOut := fs.Bool("csv", false, "print CSV records instead of tables")
	plotOut := fs.String("plot", "", "write a PNG: GEMM GFLOP/s against size (a line per implementation and thread count) above a bar chart of the elementwise kernels")
	check := fs.Bool("check", false, "correctness mode: every implementation against internal/ref on random inputs; exit status 1 on any violation")
	seed := fs.Uint64("seed", 1, "seed of -check's random inputs")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to this file")
	in := fs.String("in", "", "report (tables, -plot, -json, -csv) from these record files (comma-separated; JSON Lines or CSV, e.g. with the peers') instead of measuring")
	validate := fs.String("validate", "", `check a record file ("-" for stdin) and that it has records of every suite in -suite; exit status 1 if not`)
	list := fs.Bool("list", false, "print the levels this CPU supports, one per line, and exit")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments %q (flags start with -)", fs.Args())
	}
	c := &config{json: *jsonOut, csv: *csvOut, plot: *plotOut, check: *check, seed: *seed,
		cpuprofile: *cpuprofile, validate: *validate, list: *list}
	if *quick && *full {
		return nil, fmt.Errorf("-quick and -full exclude each other")
	}
	if c.json && c.csv {
		return nil, fmt.Errorf("-json and -csv exclude each other")
	}
	switch {
	case *quick:
		c.mode = modes["quick"]
	case *full:
		c.mode = modes["full"]
	default:
		c.mode = modes["default"]
	}
	var err error
	if c.suites, err = parseSuites(*suite); err != nil {
		return nil, err
	}
	if c.levels, c.baselines, err = parseLevels(*levels); err != nil {
		return nil, err
	}
	if c.threads, err = parseInts("-threads", *threads, defaultThreads()); err != nil {
		return nil, err
	}
	if *sizes == "none" {
		c.mode.sizes = nil
	} else if c.mode.sizes, err = parseInts("-sizes", *sizes, c.mode.sizes); err != nil {
		return nil, err
	}
	if c.mode.lengths, err = parseInts("-lengths", *lengths, c.mode.lengths); err != nil {
		return nil, err
	}
	if *shapes == "" {
		*shapes = c.mode.shapes
	}
	if c.shapes, err = parseShapes(*shapes); err != nil {
		return nil, err
	}
	if c.kernels, err = parseKernels(*kernelsFlag, c.mode.kernels); err != nil {
		return nil, err
	}
	if *samples < 0 || (*samples == 0 && isSet(fs, "samples")) {
		return nil, fmt.Errorf("-samples must be at least 1, got %d", *samples)
	}
	if *samples > 0 {
		c.mode.samples = *samples
	}
	if *maxCall < 0 || (*maxCall == 0 && isSet(fs, "maxcall")) {
		return nil, fmt.Errorf("-maxcall must be positive, got %v", *maxCall)
	}
	if *maxCall > 0 {
		c.mode.maxCall = *maxCall
	}
	if *in != "" {
		for _, f := range strings.Split(*in, ",") {
			if f = strings.TrimSpace(f); f == "" {
				return nil, fmt.Errorf("empty file name in -in %q", *in)
			}
			c.in = append(c.in, f)
		}
	}
	if exclusive := countTrue(c.check, len(c.in) > 0, c.validate != "", c.list); exclusive > 1 {
		return nil, fmt.Errorf("-check, -in, -validate and -list exclude each other")
	}
	if c.check && (c.json || c.csv || c.plot != "") {
		return nil, fmt.Errorf("-check prints a table only: -json, -csv and -plot do not apply")
	}
	c.timer = timer{samples: c.mode.samples, target: c.mode.target, budget: c.mode.budget}
	return c, nil
}

func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

func countTrue(bs ...bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

// defaultThreads is 1 and GOMAXPROCS (just 1 on one core).
func defaultThreads() []int {
	if p := runtime.GOMAXPROCS(0); p > 1 {
		return []int{1, p}
	}
	return []int{1}
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		out = append(out, strings.TrimSpace(f))
	}
	return out
}

func parseSuites(s string) ([]string, error) {
	var out []string
	for _, name := range splitList(s) {
		switch {
		case name == "all":
			return suiteNames, nil
		case slices.Contains(suiteNames, name):
			if !slices.Contains(out, name) {
				out = append(out, name)
			}
		default:
			return nil, fmt.Errorf("unknown suite %q in -suite: want gemm, elementwise, mlp or all", name)
		}
	}
	return out, nil
}

// parseLevels splits -levels into kernel levels, which must be supported
// here, and baselines. Empty means every supported level and both
// baselines.
func parseLevels(s string) ([]kernels.Level, []string, error) {
	if s == "" {
		return kernels.Supported(), []string{gonumName, mathName}, nil
	}
	var levels []kernels.Level
	var baselines []string
	for _, name := range splitList(s) {
		if name == gonumName || name == mathName {
			if !slices.Contains(baselines, name) {
				baselines = append(baselines, name)
			}
			continue
		}
		l, err := kernels.ParseLevel(name)
		if err != nil {
			return nil, nil, fmt.Errorf("-levels: %v (baselines: gonum, math)", err)
		}
		if !slices.Contains(kernels.Supported(), l) {
			return nil, nil, fmt.Errorf("-levels: level %v is not supported by this CPU (supported: %v)", l, kernels.Supported())
		}
		if !slices.Contains(levels, l) {
			levels = append(levels, l)
		}
	}
	return levels, baselines, nil
}

func parseInts(flagName, s string, def []int) ([]int, error) {
	if s == "" {
		return def, nil
	}
	var out []int
	for _, f := range splitList(s) {
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("bad value %q in %s: want positive integers, comma-separated", f, flagName)
		}
		out = append(out, n)
	}
	return out, nil
}

// parseShapes reads -shapes: "none", or a comma-separated list of named
// sets (shapeSets) and shapes MxNxK[:TT], in order, without repeats.
func parseShapes(s string) ([]gemmShape, error) {
	if s = strings.TrimSpace(s); s == "none" {
		return nil, nil
	}
	var out []gemmShape
	add := func(shs ...gemmShape) {
		for _, sh := range shs {
			if !slices.Contains(out, sh) {
				out = append(out, sh)
			}
		}
	}
outer:
	for _, f := range splitList(s) {
		for _, set := range shapeSets {
			if f == set.name {
				add(set.shapes...)
				continue outer
			}
		}
		if f == "none" {
			return nil, fmt.Errorf("-shapes: none excludes every other shape, got %q", s)
		}
		sh, err := parseGemmShape(f)
		if err != nil {
			var names []string
			for _, set := range shapeSets {
				names = append(names, set.name)
			}
			return nil, fmt.Errorf("-shapes: %v, or a set: %s", err, strings.Join(names, ", "))
		}
		add(sh)
	}
	return out, nil
}

// gemmShapes is the order the GEMM suite measures in: the squares of
// -sizes and of -shapes by size, then the other shapes of -shapes as
// given; each once.
func gemmShapes(sizes []int, shapes []gemmShape) []gemmShape {
	var sq, rest []gemmShape
	for _, sh := range append(squares(sizes...), shapes...) {
		switch {
		case sh.square() && !slices.Contains(sq, sh):
			sq = append(sq, sh)
		case !sh.square() && !slices.Contains(rest, sh):
			rest = append(rest, sh)
		}
	}
	slices.SortStableFunc(sq, func(a, b gemmShape) int { return a.m - b.m })
	return append(sq, rest...)
}

func parseKernels(s string, def []string) ([]string, error) {
	if s == "" {
		return def, nil
	}
	var out []string
	for _, name := range splitList(s) {
		if !slices.Contains(gemmKernels, name) && !slices.Contains(ewKernels, name) && !slices.Contains(mlpKernels, name) {
			return nil, fmt.Errorf("unknown kernel %q in -kernels: want one of %s", name,
				strings.Join(slices.Concat(gemmKernels, ewKernels, mlpKernels), ", "))
		}
		out = append(out, name)
	}
	return out, nil
}

// A gemmShape is one GEMM problem: op(A) is M×K, op(B) is K×N.
type gemmShape struct {
	m, n, k int
	tA, tB  blas.Transpose
}

func (s gemmShape) flops() float64 { return 2 * float64(s.m) * float64(s.n) * float64(s.k) }

func transChar(t blas.Transpose) string {
	if t == blas.NoTrans {
		return "N"
	}
	return "T"
}

// String is the record's shape: "MxNxK TT", e.g. "128x256x784 NN".
func (s gemmShape) String() string {
	return fmt.Sprintf("%dx%dx%d %s%s", s.m, s.n, s.k, transChar(s.tA), transChar(s.tB))
}

func (s gemmShape) square() bool {
	return s.m == s.n && s.n == s.k && s.tA == blas.NoTrans && s.tB == blas.NoTrans
}

// parseGemmShape reads "MxNxK", "MxNxK:TT" or "MxNxK TT" (TT: NN, NT, TN
// or TT; NN if absent).
func parseGemmShape(s string) (gemmShape, error) {
	dims, trans, hasTrans := strings.Cut(strings.TrimSpace(s), ":")
	if !hasTrans {
		dims, trans, hasTrans = strings.Cut(dims, " ")
	}
	if !hasTrans {
		trans = "NN"
	}
	bad := fmt.Errorf("bad GEMM shape %q: want MxNxK or MxNxK:TT with TT one of NN, NT, TN, TT", s)
	parts := strings.Split(dims, "x")
	if len(parts) != 3 {
		return gemmShape{}, bad
	}
	var v [3]int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 {
			return gemmShape{}, bad
		}
		v[i] = n
	}
	trans = strings.TrimSpace(trans)
	if len(trans) != 2 {
		return gemmShape{}, bad
	}
	var t [2]blas.Transpose
	for i, ch := range trans {
		switch ch {
		case 'N':
			t[i] = blas.NoTrans
		case 'T':
			t[i] = blas.Trans
		default:
			return gemmShape{}, bad
		}
	}
	return gemmShape{v[0], v[1], v[2], t[0], t[1]}, nil
}
