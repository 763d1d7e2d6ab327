package mlp_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/emberml/ember/mlp"
)

func loadCSV(t testing.TB, name string) (x, y mlp.Matrix) {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	x, y, err = mlp.ReadCSV(f, true, -1)
	if err != nil {
		t.Fatal(err)
	}
	return x, y
}

// TestDigits: the real-data check. Standardised digits, 80/20
// split with a fixed seed, 64-128-64-10 ReLU, Adam 1e-3, batch 32: test
// accuracy ≥ 97 % (PyTorch reaches 97.8 % here).
func TestDigits(t *testing.T) {
	x, y := loadCSV(t, "digits.csv")
	trainX, trainY, testX, testY, err := mlp.Split(x, y, 0.2, 1)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := mlp.FitStandardizer(trainX)
	trainX, _ = s.Transform(trainX)
	testX, _ = s.Transform(testX)
	model, err := mlp.New(64, mlp.Dense(128, mlp.ReLU), mlp.Dense(64, mlp.ReLU), mlp.Dense(10, mlp.Softmax))
	if err != nil {
		t.Fatal(err)
	}
	if err := model.Compile(mlp.Adam(1e-3), mlp.SparseCategoricalCrossEntropy); err != nil {
		t.Fatal(err)
	}
	epochs := 40
	if testing.Short() {
		epochs = 15
	}
	fit(t, model, trainX, trainY, mlp.FitConfig{Epochs: epochs, BatchSize: 32, Seed: 1})
	loss, acc, err := model.Evaluate(testX, testY)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("digits: %d epochs, test loss %.4f, test accuracy %.4f on %d samples", epochs, loss, acc, testX.Rows)
	if acc < 0.97 {
		t.Errorf("test accuracy %.4f < 0.97", acc)
	}
}

func toyData(seed uint64, n int) (x, y mlp.Matrix) {
	r := rand.New(rand.NewPCG(seed, 1))
	x, y = mlp.NewMatrix(n, 2), mlp.NewMatrix(n, 1)
	for i := range n {
		a, b := r.Float64(), r.Float64()
		x.Data[2*i], x.Data[2*i+1] = float32(a), float32(b)
		if a+b > 1 {
			y.Data[i] = 1
		}
	}
	return x, y
}

func toyModel(t testing.TB) *mlp.Model {
	t.Helper()
	m, err := mlp.New(2, mlp.Dense(10, mlp.ReLU), mlp.Dense(1, mlp.Sigmoid))
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Compile(mlp.Adam(0.01), mlp.BinaryCrossEntropy); err != nil {
		t.Fatal(err)
	}
	return m
}

// fit trains m on x and y with cfg, failing the test on an error.
func fit(t testing.TB, m *mlp.Model, x, y mlp.Matrix, cfg mlp.FitConfig) {
	t.Helper()
	if _, err := m.Fit(x, y, cfg); err != nil {
		t.Fatal(err)
	}
}

func predictions(t testing.TB, m *mlp.Model, x mlp.Matrix) []float32 {
	t.Helper()
	p, err := m.Predict(x)
	if err != nil {
		t.Fatal(err)
	}
	return p.Data
}

func sameBits(a, b []float32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float32bits(a[i]) != math.Float32bits(b[i]) {
			return false
		}
	}
	return true
}

// checkSeeded runs run(1) twice and run(2): the two runs with seed 1 must
// give the same bits (else it reports same) and seed 2 others (else diff).
// It returns run(1)'s result.
func checkSeeded(t *testing.T, run func(seed uint64) []float32, same, diff string) []float32 {
	t.Helper()
	a, b, c := run(1), run(1), run(2)
	if !sameBits(a, b) {
		t.Error(same)
	}
	if sameBits(a, c) {
		t.Error(diff)
	}
	return a
}

// TestFitReproducible: the same seed gives the same weights bit for bit;
// another seed gives others.
func TestFitReproducible(t *testing.T) {
	x, y := toyData(1, 200)
	run := func(seed uint64) []float32 {
		m := toyModel(t)
		fit(t, m, x, y, mlp.FitConfig{Epochs: 5, BatchSize: 16, Seed: seed})
		return predictions(t, m, x)
	}
	checkSeeded(t, run, "two fits with seed 1 differ", "seeds 1 and 2 gave identical fits: is the shuffle seeded?")
}

// TestSaveLoad: a round trip gives bit-identical predictions and the same
// compile settings (training goes on identically from a fresh optimizer).
func TestSaveLoad(t *testing.T) {
	x, y := toyData(2, 100)
	m := toyModel(t)
	fit(t, m, x, y, mlp.FitConfig{Epochs: 3, BatchSize: 10, Seed: 1})
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	saved := append([]byte(nil), buf.Bytes()...)
	m2, err := mlp.Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !sameBits(predictions(t, m, x), predictions(t, m2, x)) {
		t.Fatal("predictions differ after Save/Load")
	}
	l1, a1, _ := m.Evaluate(x, y)
	l2, a2, err := m2.Evaluate(x, y)
	if err != nil || l1 != l2 || a1 != a2 {
		t.Fatalf("Evaluate after Load: %v %v %v, before %v %v", l2, a2, err, l1, a1)
	}
	// Every truncation and every single-byte corruption is an error, never
	// a panic or a model.
	for n := range len(saved) {
		if _, err := mlp.Load(bytes.NewReader(saved[:n])); err == nil {
			t.Fatalf("Load of the first %d of %d bytes succeeded", n, len(saved))
		}
	}
	for i := range saved {
		bad := append([]byte(nil), saved...)
		bad[i] ^= 0x40
		if _, err := mlp.Load(bytes.NewReader(bad)); err == nil {
			t.Fatalf("Load with byte %d flipped succeeded", i)
		}
	}
	if _, err := mlp.Load(strings.NewReader("PK\x03\x04 a zip file, not a model")); err == nil {
		t.Fatal("Load of a foreign file succeeded")
	}
}

// FuzzLoad: Load never panics on arbitrary bytes, and what it accepts
// saves back to the same bytes (a version-1 file saves as version 2, which
// loads back to the same model).
func FuzzLoad(f *testing.F) {
	m, _ := mlp.New(3, mlp.Dense(4, mlp.Tanh), mlp.Dense(2, mlp.Softmax))
	_ = m.Compile(mlp.SGD(0.1, mlp.Momentum(0.9)), mlp.CategoricalCrossEntropy)
	var buf bytes.Buffer
	_ = m.Save(&buf)
	f.Add(buf.Bytes())
	d, _ := mlp.New(2, mlp.Dropout(0.5), mlp.Dense(2, mlp.ReLU), mlp.Dropout(0.1), mlp.Dense(1, mlp.Sigmoid))
	_ = d.Compile(mlp.Adam(0.01), mlp.BinaryCrossEntropy)
	buf.Reset()
	_ = d.Save(&buf)
	f.Add(buf.Bytes())
	if v1, err := os.ReadFile("testdata/v1.model"); err == nil {
		f.Add(v1)
	}
	f.Add([]byte("EMBERMLP"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := mlp.Load(bytes.NewReader(data))
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := m.Save(&out); err != nil {
			t.Fatal(err)
		}
		if data[8] == 1 { // version 1
			m2, err := mlp.Load(bytes.NewReader(out.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			var again bytes.Buffer
			_ = m2.Save(&again)
			if !bytes.Equal(out.Bytes(), again.Bytes()) {
				t.Fatal("a version-1 model saved as version 2 loads differently")
			}
			return
		}
		if !bytes.Equal(out.Bytes(), data[:out.Len()]) {
			t.Fatal("a loaded model saves differently")
		}
	})
}

// TestBadInput: every kind of bad input is an error, and the model is
// unchanged (same predictions bit for bit).
func TestBadInput(t *testing.T) {
	x, y := toyData(3, 50)
	m := toyModel(t)
	before := predictions(t, m, x)
	nan := float32(math.NaN())
	withNaN := mlp.Matrix{Rows: x.Rows, Cols: x.Cols, Data: append([]float32(nil), x.Data...)}
	withNaN.Data[7] = nan
	yBad := mlp.Matrix{Rows: y.Rows, Cols: 1, Data: append([]float32(nil), y.Data...)}
	yBad.Data[3] = 2 // outside [0, 1] for BCE
	cases := map[string]func() error{
		"x columns": func() error {
			_, err := m.Fit(mlp.NewMatrix(50, 3), y, mlp.FitConfig{Epochs: 1, BatchSize: 5})
			return err
		},
		"y rows": func() error {
			_, err := m.Fit(x, mlp.NewMatrix(49, 1), mlp.FitConfig{Epochs: 1, BatchSize: 5})
			return err
		},
		"y columns": func() error {
			_, err := m.Fit(x, mlp.NewMatrix(50, 2), mlp.FitConfig{Epochs: 1, BatchSize: 5})
			return err
		},
		"empty": func() error {
			_, err := m.Fit(mlp.Matrix{Cols: 2}, mlp.Matrix{Cols: 1}, mlp.FitConfig{Epochs: 1, BatchSize: 5})
			return err
		},
		"bad data length": func() error {
			_, err := m.Fit(mlp.Matrix{Rows: 50, Cols: 2, Data: x.Data[:99]}, y, mlp.FitConfig{Epochs: 1, BatchSize: 5})
			return err
		},
		"NaN in x":        func() error { _, err := m.Fit(withNaN, y, mlp.FitConfig{Epochs: 1, BatchSize: 5}); return err },
		"y outside [0,1]": func() error { _, err := m.Fit(x, yBad, mlp.FitConfig{Epochs: 1, BatchSize: 5}); return err },
		"batch size 0":    func() error { _, err := m.Fit(x, y, mlp.FitConfig{Epochs: 1}); return err },
		"epochs 0":        func() error { _, err := m.Fit(x, y, mlp.FitConfig{BatchSize: 5}); return err },
		"split 1": func() error {
			_, err := m.Fit(x, y, mlp.FitConfig{Epochs: 1, BatchSize: 5, ValidationSplit: 1})
			return err
		},
		"predict columns": func() error { _, err := m.Predict(mlp.NewMatrix(4, 5)); return err },
		"evaluate NaN":    func() error { _, _, err := m.Evaluate(withNaN, y); return err },
		"train on batch":  func() error { _, _, err := m.TrainOnBatch(x, mlp.NewMatrix(50, 2)); return err },
	}
	for name, f := range cases {
		if err := f(); err == nil {
			t.Errorf("%s: no error", name)
		}
		if !sameBits(before, predictions(t, m, x)) {
			t.Fatalf("%s: the model changed", name)
		}
	}
	// Labels: out of range and non-integer for the sparse loss.
	sm, _ := mlp.New(2, mlp.Dense(3, mlp.Softmax))
	_ = sm.Compile(mlp.Adam(0.01), mlp.SparseCategoricalCrossEntropy)
	for _, label := range []float32{3, -1, 1.5} {
		yl := mlp.NewMatrix(50, 1)
		yl.Data[9] = label
		if _, err := sm.Fit(x, yl, mlp.FitConfig{Epochs: 1, BatchSize: 5}); err == nil {
			t.Errorf("label %v: no error", label)
		}
	}
	// Fit before Compile; losses that do not suit the output layer.
	raw, _ := mlp.New(2, mlp.Dense(1, mlp.Linear))
	if _, err := raw.Fit(x, y, mlp.FitConfig{Epochs: 1, BatchSize: 5}); err == nil {
		t.Error("Fit before Compile: no error")
	}
	if err := raw.Compile(mlp.Adam(0.01), mlp.BinaryCrossEntropy); err == nil {
		t.Error("BCE on a linear output: no error")
	}
	if err := raw.Compile(mlp.Adam(-1), mlp.MSE); err == nil {
		t.Error("negative learning rate: no error")
	}
	if _, err := mlp.New(2, mlp.Dense(3, mlp.Softmax), mlp.Dense(1, mlp.Sigmoid)); err == nil {
		t.Error("hidden Softmax: no error")
	}
	if _, err := mlp.New(0, mlp.Dense(1, mlp.Sigmoid)); err == nil {
		t.Error("0 inputs: no error")
	}
}

// TestNonFiniteLossStops: inputs so large the loss overflows stop Fit with
// an error, and the weights stay the last finite ones (here: the initial
// ones, bit for bit).
func TestNonFiniteLossStops(t *testing.T) {
	m, _ := mlp.New(1, mlp.Dense(1, mlp.Linear))
	if err := m.Compile(mlp.SGD(1), mlp.MSE); err != nil {
		t.Fatal(err)
	}
	x := mlp.Matrix{Rows: 2, Cols: 1, Data: []float32{3e38, -3e38}}
	y := mlp.Matrix{Rows: 2, Cols: 1, Data: []float32{-3e38, 3e38}}
	before := predictions(t, m, mlp.Matrix{Rows: 1, Cols: 1, Data: []float32{1}})
	hist, err := m.Fit(x, y, mlp.FitConfig{Epochs: 3, BatchSize: 2})
	if err == nil {
		t.Fatal("no error")
	}
	if len(hist.Epochs) != 0 {
		t.Errorf("history has %d epochs", len(hist.Epochs))
	}
	after := predictions(t, m, mlp.Matrix{Rows: 1, Cols: 1, Data: []float32{1}})
	if !sameBits(before, after) {
		t.Errorf("weights changed: %v → %v", before, after)
	}
}

// TestNonFiniteGradientStops: a step whose loss is finite but whose
// gradient overflows (the first layer's weight gradient is
// x·w₂·(σ(z₂) − y) = 10¹⁰·10³⁰·1) returns an error and leaves every weight
// as it was, bit for bit.
func TestNonFiniteGradientStops(t *testing.T) {
	m, _ := mlp.New(1, mlp.Dense(1, mlp.Linear), mlp.Dense(1, mlp.Sigmoid))
	if err := m.Compile(mlp.SGD(0.1), mlp.BinaryCrossEntropy); err != nil {
		t.Fatal(err)
	}
	one := func(v float32) mlp.Matrix { return mlp.Matrix{Rows: 1, Cols: 1, Data: []float32{v}} }
	if err := m.SetWeights(0, one(1e-35), mlp.Matrix{Rows: 1, Cols: 1, Data: []float32{0}}); err != nil {
		t.Fatal(err)
	}
	if err := m.SetWeights(1, one(1e30), one(0)); err != nil {
		t.Fatal(err)
	}
	weights := func() []float32 {
		var all []float32
		for l := range 2 {
			w, b, err := m.Weights(l)
			if err != nil {
				t.Fatal(err)
			}
			all = append(append(all, w.Data...), b.Data...)
		}
		return all
	}
	before := weights()
	loss, _, err := m.TrainOnBatch(one(1e10), one(0))
	if err == nil || !strings.Contains(err.Error(), "gradient is not finite") {
		t.Fatalf("TrainOnBatch: loss %v, error %v; want the gradient's error", loss, err)
	}
	if math.IsInf(loss, 0) || math.IsNaN(loss) {
		t.Fatalf("loss %v: the test meant a finite loss", loss)
	}
	if after := weights(); !sameBits(before, after) {
		t.Errorf("weights changed: %v → %v", before, after)
	}
}

// TestTrainStepAllocs: after the first step, a training step allocates
// nothing.
func TestTrainStepAllocs(t *testing.T) {
	x, y := classData(rand.New(rand.NewPCG(4, 4)), 32, 20, 5)
	m, _ := mlp.New(20, mlp.Dense(64, mlp.ReLU), mlp.Dense(32, mlp.Tanh), mlp.Dense(5, mlp.Softmax))
	_ = m.Compile(mlp.Adam(1e-3), mlp.SparseCategoricalCrossEntropy)
	d, _ := mlp.New(20, mlp.Dropout(0.2), mlp.Dense(64, mlp.ReLU), mlp.Dropout(0.5), mlp.Dense(5, mlp.Softmax))
	_ = d.Compile(mlp.SGD(1e-3, mlp.Momentum(0.9)), mlp.SparseCategoricalCrossEntropy)
	for _, m := range []*mlp.Model{m, d} {
		step := func() {
			if _, _, err := m.TrainOnBatch(x, y); err != nil {
				t.Fatal(err)
			}
		}
		step()
		if raceEnabled {
			t.Skip("the race detector allocates")
		}
		if a := testing.AllocsPerRun(50, step); a != 0 {
			t.Errorf("%v: %v allocations per training step", m, a)
		}
	}
}

// TestPredictConcurrent: many goroutines predict at once and all get the
// single-caller answer (run under -race in CI).
func TestPredictConcurrent(t *testing.T) {
	x, y := toyData(5, 300)
	m := toyModel(t)
	fit(t, m, x, y, mlp.FitConfig{Epochs: 2, BatchSize: 30, Seed: 1})
	want := predictions(t, m, x)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				p, err := m.Predict(x)
				if err != nil || !sameBits(p.Data, want) {
					t.Error("concurrent Predict differs")
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestFitFeatures: validation split and data, callbacks, early stopping
// with restored weights, verbose lines, cancellation, streaming sources.
func TestFitFeatures(t *testing.T) {
	x, y := toyData(6, 200)

	m := toyModel(t)
	var out bytes.Buffer
	hist, err := m.Fit(x, y, mlp.FitConfig{Epochs: 3, BatchSize: 20, Seed: 1, ValidationSplit: 0.25, Verbose: &out})
	if err != nil {
		t.Fatal(err)
	}
	if len(hist.Epochs) != 3 || hist.Epochs[0].Samples != 150 || hist.Epochs[0].ValSamples != 50 || math.IsNaN(hist.ValLoss()[2]) {
		t.Errorf("validation split: %+v", hist.Epochs[0])
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "Epoch 1/3 - 8 steps - loss: ") || !strings.Contains(lines[2], "val_accuracy: ") {
		t.Errorf("verbose output:\n%s", out.String())
	}

	// Early stopping on a metric that cannot improve after epoch 1 (the
	// learning rate is tiny), restoring epoch 1's weights.
	m = toyModel(t)
	_ = m.Compile(mlp.SGD(1e-30), mlp.BinaryCrossEntropy)
	es := &mlp.EarlyStopping{Monitor: "loss", Patience: 2, MinDelta: 1, RestoreBestWeights: true}
	var seen []int
	cb := mlp.CallbackFunc(func(_ *mlp.Model, l mlp.EpochLogs) (bool, error) { seen = append(seen, l.Epoch); return false, nil })
	hist, err = m.Fit(x, y, mlp.FitConfig{Epochs: 20, BatchSize: 20, Seed: 1, Callbacks: []mlp.Callback{es, cb}})
	if err != nil {
		t.Fatal(err)
	}
	if len(hist.Epochs) != 4 || es.StoppedEpoch != 4 || es.BestEpoch != 1 || len(seen) != 4 {
		t.Errorf("early stopping: %d epochs, stopped %d, best %d, callback saw %v", len(hist.Epochs), es.StoppedEpoch, es.BestEpoch, seen)
	}

	// Explicit validation data; a callback error ends Fit.
	boom := errors.New("boom")
	_, err = m.Fit(x, y, mlp.FitConfig{Epochs: 5, BatchSize: 20, ValidationX: &x, ValidationY: &y,
		Callbacks: []mlp.Callback{mlp.CallbackFunc(func(*mlp.Model, mlp.EpochLogs) (bool, error) { return false, boom })}})
	if !errors.Is(err, boom) {
		t.Errorf("callback error: got %v", err)
	}

	// Cancellation.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := m.FitContext(ctx, x, y, mlp.FitConfig{Epochs: 5, BatchSize: 20}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled FitContext: %v", err)
	}

	// A streaming source trains as the same batches from a Matrix do.
	a, b := toyModel(t), toyModel(t)
	fit(t, a, x, y, mlp.FitConfig{Epochs: 2, BatchSize: 25, NoShuffle: true})
	src := &sliceSource{x: x, y: y, batch: 25}
	if _, err := b.FitSource(context.Background(), src, mlp.FitConfig{Epochs: 2}); err != nil {
		t.Fatal(err)
	}
	if !sameBits(predictions(t, a, x), predictions(t, b, x)) {
		t.Error("FitSource and Fit (no shuffle) differ")
	}
}

// sliceSource streams a Matrix pair in order, copying each batch (as a
// reader of a file would).
type sliceSource struct {
	x, y  mlp.Matrix
	batch int
	pos   int
}

func (s *sliceSource) Reset() error { s.pos = 0; return nil }

func (s *sliceSource) Next() (mlp.Matrix, mlp.Matrix, error) {
	if s.pos >= s.x.Rows {
		return mlp.Matrix{}, mlp.Matrix{}, io.EOF
	}
	end := min(s.pos+s.batch, s.x.Rows)
	bx := mlp.Matrix{Rows: end - s.pos, Cols: s.x.Cols, Data: append([]float32(nil), s.x.Data[s.pos*s.x.Cols:end*s.x.Cols]...)}
	by := mlp.Matrix{Rows: end - s.pos, Cols: s.y.Cols, Data: append([]float32(nil), s.y.Data[s.pos*s.y.Cols:end*s.y.Cols]...)}
	s.pos = end
	return bx, by, nil
}
