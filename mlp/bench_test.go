package mlp_test

import (
	"math/rand/v2"
	"testing"

	"github.com/emberml/ember/mlp"
)

// The peer workloads of ../shared/peers/torch_mlp.py (PyTorch), named as
// there. Threads follow -cpu (kernels.Threads defaults to GOMAXPROCS).
//
//	W1: the primer's toy, the whole fit (100×2, 2-10-1, batch 10, 100 epochs)
//	W2: one epoch of 60000×784 synthetic data, 784-256-128-10, batch 128
//	W3: one epoch of 60000×784 synthetic data, 784-1024-1024-10, batch 256

func BenchmarkW1(b *testing.B) {
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
	for b.Loop() {
		m, _ := mlp.New(2, mlp.Dense(10, mlp.ReLU), mlp.Dense(1, mlp.Sigmoid))
		_ = m.Compile(mlp.Adam(1e-3), mlp.BinaryCrossEntropy)
		if _, err := m.Fit(x, y, mlp.FitConfig{Epochs: 100, BatchSize: 10, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()*1e3/float64(b.N), "ms/fit")
}

// classData returns rows samples of cols standard normal features, drawn
// from r, and then their labels, uniform below classes.
func classData(r *rand.Rand, rows, cols, classes int) (x, y mlp.Matrix) {
	x, y = mlp.NewMatrix(rows, cols), mlp.NewMatrix(rows, 1)
	for i := range x.Data {
		x.Data[i] = float32(r.NormFloat64())
	}
	for i := range y.Data {
		y.Data[i] = float32(r.IntN(classes))
	}
	return x, y
}

// reluNet returns the peer workloads' network: 784 inputs, ReLU layers of
// the widths hidden and 10 softmax outputs, compiled with Adam(1e-3) and
// sparse categorical cross-entropy.
func reluNet(tb testing.TB, hidden ...int) *mlp.Model {
	tb.Helper()
	var layers []mlp.Layer
	for _, h := range hidden {
		layers = append(layers, mlp.Dense(h, mlp.ReLU))
	}
	layers = append(layers, mlp.Dense(10, mlp.Softmax))
	m, err := mlp.New(784, layers...)
	if err != nil {
		tb.Fatal(err)
	}
	if err := m.Compile(mlp.Adam(1e-3), mlp.SparseCategoricalCrossEntropy); err != nil {
		tb.Fatal(err)
	}
	return m
}

func benchEpoch(b *testing.B, hidden []int, batch int) {
	const n = 60000
	x, y := classData(rand.New(rand.NewPCG(0, 0)), n, 784, 10)
	m := reluNet(b, hidden...)
	for b.Loop() {
		if _, err := m.Fit(x, y, mlp.FitConfig{Epochs: 1, BatchSize: batch, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "samples/s")
}

func BenchmarkW2(b *testing.B) { benchEpoch(b, []int{256, 128}, 128) }
func BenchmarkW3(b *testing.B) { benchEpoch(b, []int{1024, 1024}, 256) }

// BenchmarkTrainStep is one training step of W2's network at batch 128,
// the unit the allocation test checks.
func BenchmarkTrainStep(b *testing.B) {
	x, y := classData(rand.New(rand.NewPCG(0, 0)), 128, 784, 10)
	m := reluNet(b, 256, 128)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := m.TrainOnBatch(x, y); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(128*float64(b.N)/b.Elapsed().Seconds(), "samples/s")
}

// batch1 returns W2's network (784-256-128-10, its initial weights) and
// one sample, for the batch-1 inference benchmarks.
func batch1(b *testing.B) (*mlp.Model, mlp.Matrix) {
	r := rand.New(rand.NewPCG(0, 0))
	x := mlp.NewMatrix(1, 784)
	for i := range x.Data {
		x.Data[i] = float32(r.NormFloat64())
	}
	return reluNet(b, 256, 128), x
}

// BenchmarkPredict1 is Predict of one sample on W2's network.
func BenchmarkPredict1(b *testing.B) {
	m, x := batch1(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.Predict(x); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPredictInto1 is PredictInto of one sample on W2's network.
func BenchmarkPredictInto1(b *testing.B) {
	m, x := batch1(b)
	dst := mlp.NewMatrix(1, 10)
	b.ReportAllocs()
	for b.Loop() {
		if err := m.PredictInto(dst, x); err != nil {
			b.Fatal(err)
		}
	}
}
