package main

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"gonum.org/v1/gonum/blas"

	"github.com/emberml/ember/kernels"
	"github.com/emberml/ember/mlp"
)

// bench carries one run's state through the suites.
type bench struct {
	cfg     *config
	gemms   []gemmImpl
	ews     []ewImpl
	prog    *progress
	recs    []Record
	skipped []string // measurements left out, with the reason
}

func (b *bench) add(r Record) { b.recs = append(b.recs, r) }

func (b *bench) timed(suite, kernel string, im impl, shape string, threads int, t timing, rate float64, unit, note string) Record {
	r := Record{Suite: suite, Kernel: kernel, Level: im.name, Shape: shape, Threads: threads,
		NsPerOp: t.median(), Rate: rate, Unit: unit, Spread: t.spreadPct(), Samples: len(t.ns), Note: note}
	b.add(r)
	return r
}

// peakLevels are the levels whose FMA peak the GEMM suite needs: the
// selected ones, and generic for gonum's % of peak.
func (b *bench) peakLevels() []kernels.Level {
	levels := slices.Clone(b.cfg.levels)
	if b.cfg.hasBaseline(gonumName) && !slices.Contains(levels, kernels.Generic) {
		levels = append(levels, kernels.Generic)
	}
	return levels
}

// runPeak measures the FMA peak of one core at each level: the best of
// the samples (the most the core did), in GFLOP/s.
func (b *bench) runPeak() {
	b.prog.printf("peak: FMA loops, one core")
	for _, l := range b.peakLevels() {
		for _, f64 := range []bool{false, true} {
			loop, ok := peakLoopFor(l, f64)
			kernel := "fma-f32"
			if f64 {
				kernel = "fma-f64"
			}
			if !ok {
				b.skipped = append(b.skipped, fmt.Sprintf("peak %s at %v: no FMA loop in this build", kernel, l))
				continue
			}
			const iters = 4096
			t := b.cfg.timer.measure(func() { loop.run(iters) })
			best := t.best()
			b.add(Record{Suite: "peak", Kernel: kernel, Level: l.String(), Shape: "1 core", Threads: 1,
				NsPerOp: best, Rate: loop.flopsPerTrip * iters / best, Unit: "GFLOP/s",
				Spread: t.spreadPct(), Samples: len(t.ns), Note: "best sample; " + loop.what})
		}
	}
}

// runGemm measures every selected GEMM kernel, shape, thread count and
// implementation, alpha = 1, beta = 0, on random data in [−1, 1). A
// measurement whose single call is predicted (from the implementation's
// rate at the previous shape) to exceed -maxcall is skipped and listed.
func (b *bench) runGemm() {
	shapes := gemmShapes(b.cfg.mode.sizes, b.cfg.shapes)
	r := rand.New(rand.NewPCG(1, 2))
	for _, kernel := range gemmKernels {
		if !b.cfg.has(kernel) {
			continue
		}
		f64 := kernel == "dgemm"
		lastRate := map[string]float64{} // GFLOP/s by implementation and threads
		for _, sh := range shapes {
			b.prog.printf("gemm: %s %v", kernel, sh)
			lda, ldb, ldc := sh.k, sh.n, sh.n
			if sh.tA != blas.NoTrans {
				lda = sh.m
			}
			if sh.tB != blas.NoTrans {
				ldb = sh.k
			}
			var op func(im gemmImpl) func()
			if f64 {
				a, bm, c := randF64(r, sh.m*sh.k), randF64(r, sh.k*sh.n), make([]float64, sh.m*sh.n)
				op = func(im gemmImpl) func() {
					return func() { im.blas.Dgemm(sh.tA, sh.tB, sh.m, sh.n, sh.k, 1, a, lda, bm, ldb, 0, c, ldc) }
				}
			} else {
				a, bm, c := randF32(r, sh.m*sh.k), randF32(r, sh.k*sh.n), make([]float32, sh.m*sh.n)
				op = func(im gemmImpl) func() {
					return func() { im.blas.Sgemm(sh.tA, sh.tB, sh.m, sh.n, sh.k, 1, a, lda, bm, ldb, 0, c, ldc) }
				}
			}
			for _, th := range b.cfg.threads {
				for _, im := range b.gemms {
					key := fmt.Sprint(im.name, "/", th)
					if rate := lastRate[key]; rate > 0 {
						if pred := time.Duration(sh.flops() / rate); pred > b.cfg.mode.maxCall {
							b.skipped = append(b.skipped, fmt.Sprintf("gemm %s %v at %s, %s: predicted %v per call > -maxcall %v",
								kernel, sh, im.name, threadsText(th), pred.Round(time.Millisecond), b.cfg.mode.maxCall))
							continue
						}
					}
					leave := im.enter(th)
					t := b.cfg.timer.measure(op(im))
					leave()
					rate := sh.flops() / t.median()
					lastRate[key] = rate
					b.timed("gemm", kernel, im.impl, sh.String(), th, t, rate, "GFLOP/s", "")
				}
			}
		}
	}
}

func threadsText(n int) string {
	if n == 1 {
		return "1 thread"
	}
	return fmt.Sprintf("%d threads", n)
}

func randF32(r *rand.Rand, n int) []float32 {
	s := make([]float32, n)
	for i := range s {
		s[i] = 2*r.Float32() - 1
	}
	return s
}

func randF64(r *rand.Rand, n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = 2*r.Float64() - 1
	}
	return s
}

// softmaxCols is the row width of the softmax benchmark (a classifier over
// 1000 classes); shorter lengths make one row.
const softmaxCols = 1000

// ewShape returns the shape string and element count of an elementwise
// kernel at length n (softmax: whole rows of softmaxCols).
func ewShape(kernel string, n int) (string, int, int) {
	if kernel == "softmax" {
		cols := min(n, softmaxCols)
		rows := n / cols
		return fmt.Sprintf("%dx%d", rows, cols), rows * cols, cols
	}
	return fmt.Sprintf("n=%d", n), n, 0
}

// ewSpan is the half-width of the benchmark inputs of each elementwise
// kernel: where its results are neither saturated nor trivial.
var ewSpan = map[string]float32{"exp": 10, "sigmoid": 8, "tanh": 4, "relu": 1, "softmax": 5, "adam": 1}

// runElementwise measures each elementwise kernel at each length and
// implementation, single-threaded, in G elements/s.
func (b *bench) runElementwise() {
	r := rand.New(rand.NewPCG(3, 4))
	for _, kernel := range ewKernels {
		if !b.cfg.has(kernel) {
			continue
		}
		for _, n := range b.cfg.mode.lengths {
			shape, elems, cols := ewShape(kernel, n)
			b.prog.printf("elementwise: %s %s", kernel, shape)
			x := make([]float32, elems)
			span := ewSpan[kernel]
			for i := range x {
				x[i] = span * (2*r.Float32() - 1)
			}
			dst := make([]float32, elems)
			var g, m, v []float32
			if kernel == "adam" {
				g, m, v = randF32(r, elems), make([]float32, elems), make([]float32, elems)
			}
			for _, im := range b.ews {
				var op func()
				switch kernel {
				case "exp":
					op = func() { im.ops.exp(dst, x) }
				case "sigmoid":
					op = func() { im.ops.sigmoid(dst, x) }
				case "tanh":
					op = func() { im.ops.tanh(dst, x) }
				case "relu":
					op = func() { im.ops.relu(dst, x) }
				case "softmax":
					op = func() { im.ops.softmax(dst, x, cols) }
				case "adam":
					w := slices.Clone(x)
					p := kernels.AdamParams{LR: 1e-3, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, Step: 10}
					op = func() { im.ops.adam(w, g, m, v, p) }
				}
				leave := im.enter(1)
				t := b.cfg.timer.measure(op)
				leave()
				b.timed("elementwise", kernel, im.impl, shape, 1, t, float64(elems)/t.median(), "Gelem/s", "")
			}
		}
	}
}

// The MLP workloads, as in mlp/bench_test.go and bench/peers/torch_mlp.py.
const (
	w1Shape   = "2-10-1 b10 e100"
	w2Shape   = "784-256-128-10 b128"
	w3Shape   = "784-1024-1024-10 b256"
	w2Samples = 60000 // the synthetic data set of a W2/W3 epoch
	w2p1Shape = "784-256-128-10 b1"
)

// runMLP measures W1 (the primer's whole toy fit) and W2/W3 training
// throughput at each level and thread count. W2 and W3 time TrainOnBatch
// steps over a few fixed batches; -full times W2 as whole Fit epochs of
// 60000 samples (shuffling and batching included), as the PyTorch peer does.
func (b *bench) runMLP() error {
	for _, kernel := range mlpKernels {
		if !b.cfg.has(kernel) {
			continue
		}
		for _, th := range b.cfg.threads {
			for _, l := range b.cfg.levels {
				im := levelImpl(l)
				leave := im.enter(th)
				err := b.mlpOne(kernel, im, th)
				leave()
				if err != nil {
					return fmt.Errorf("mlp %s at %v: %v", kernel, l, err)
				}
			}
		}
	}
	return nil
}

func (b *bench) mlpOne(kernel string, im impl, th int) error {
	var err error
	keep := func(e error) {
		if e != nil && err == nil {
			err = e
		}
	}
	switch kernel {
	case "W1":
		b.prog.printf("mlp: W1 (toy fit, 100 epochs) at %s, %s", im.name, threadsText(th))
		r := rand.New(rand.NewPCG(0, 0))
		x, y := mlp.NewMatrix(100, 2), mlp.NewMatrix(100, 1)
		for i := range x.Data {
			x.Data[i] = float32(r.Float64())
		}
		for i := range y.Data {
			if r.Float64() >= 0.5 {
				y.Data[i] = 1
			}
		}
		t := b.cfg.timer.measure(func() {
			m, e := mlp.New(2, mlp.Dense(10, mlp.ReLU), mlp.Dense(1, mlp.Sigmoid))
			keep(e)
			if e == nil {
				keep(m.Compile(mlp.Adam(1e-3), mlp.BinaryCrossEntropy))
				_, e = m.Fit(x, y, mlp.FitConfig{Epochs: 100, BatchSize: 10, Seed: 1})
				keep(e)
			}
		})
		if err == nil {
			b.timed("mlp", "W1", im, w1Shape, th, t, 100*100/(t.median()*1e-9), "samples/s", "op = the whole fit (New, Compile, Fit)")
		}
	case "W2p1":
		// Batch-1 inference, as a service answering one request: W2's
		// network, PredictInto of one sample into a reused Matrix
		// (allocation-free), cycling over 64 samples.
		b.prog.printf("mlp: W2p1 (PredictInto of one sample) at %s, %s", im.name, threadsText(th))
		m, e := mlp.New(784, mlp.Dense(256, mlp.ReLU), mlp.Dense(128, mlp.ReLU), mlp.Dense(10, mlp.Softmax))
		if e != nil {
			return e
		}
		r := rand.New(rand.NewPCG(0, 0))
		x := mlp.NewMatrix(64, 784)
		for i := range x.Data {
			x.Data[i] = float32(r.NormFloat64())
		}
		dst := mlp.NewMatrix(1, 10)
		i := 0
		t := b.cfg.timer.measure(func() {
			keep(m.PredictInto(dst, mlp.Matrix{Rows: 1, Cols: 784, Data: x.Row(i % 64)}))
			i++
		})
		if err == nil {
			b.timed("mlp", "W2p1", im, w2p1Shape, th, t, 1/(t.median()*1e-9), "samples/s",
				"op = one PredictInto of one sample (batch-1 inference, no allocation)")
		}
	case "W2", "W3":
		hidden, batch, shape := []int{256, 128}, 128, w2Shape
		if kernel == "W3" {
			hidden, batch, shape = []int{1024, 1024}, 256, w3Shape
		}
		var layers []mlp.Layer
		for _, h := range hidden {
			layers = append(layers, mlp.Dense(h, mlp.ReLU))
		}
		layers = append(layers, mlp.Dense(10, mlp.Softmax))
		m, e := mlp.New(784, layers...)
		if e != nil {
			return e
		}
		if e := m.Compile(mlp.Adam(1e-3), mlp.SparseCategoricalCrossEntropy); e != nil {
			return e
		}
		epoch := b.cfg.mode.epoch && kernel == "W2"
		rows := 8 * batch
		if epoch {
			rows = w2Samples
		}
		r := rand.New(rand.NewPCG(0, 0))
		x, y := mlp.NewMatrix(rows, 784), mlp.NewMatrix(rows, 1)
		for i := range x.Data {
			x.Data[i] = float32(r.NormFloat64())
		}
		for i := range y.Data {
			y.Data[i] = float32(r.IntN(10))
		}
		if epoch {
			b.prog.printf("mlp: %s (one Fit epoch of %d) at %s, %s", kernel, rows, im.name, threadsText(th))
			steps := (rows + batch - 1) / batch
			t := b.cfg.timer.measure(func() {
				_, e := m.Fit(x, y, mlp.FitConfig{Epochs: 1, BatchSize: batch, Seed: 1})
				keep(e)
			})
			if err == nil {
				for i := range t.ns {
					t.ns[i] /= float64(steps)
				}
				b.timed("mlp", kernel, im, shape, th, t, float64(batch)/(t.median()*1e-9), "samples/s",
					fmt.Sprintf("op = one step; timed as whole Fit epochs of %d samples (%d steps)", rows, steps))
			}
			break
		}
		b.prog.printf("mlp: %s (training steps) at %s, %s", kernel, im.name, threadsText(th))
		step := 0
		t := b.cfg.timer.measure(func() {
			i := step % (rows / batch)
			step++
			xb := mlp.Matrix{Rows: batch, Cols: 784, Data: x.Data[i*batch*784 : (i+1)*batch*784]}
			yb := mlp.Matrix{Rows: batch, Cols: 1, Data: y.Data[i*batch : (i+1)*batch]}
			_, _, e := m.TrainOnBatch(xb, yb)
			keep(e)
		})
		if err == nil {
			b.timed("mlp", kernel, im, shape, th, t, float64(batch)/(t.median()*1e-9), "samples/s",
				"op = one TrainOnBatch step, cycling over 8 fixed batches")
		}
	}
	return err
}
