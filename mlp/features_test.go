package mlp_test

import (
	"bytes"
	"math"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/emberml/ember/mlp"
)

// saved returns m's Save bytes.
func saved(t testing.TB, m *mlp.Model) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func reload(t testing.TB, m *mlp.Model) *mlp.Model {
	t.Helper()
	m2, err := mlp.Load(bytes.NewReader(saved(t, m)))
	if err != nil {
		t.Fatal(err)
	}
	return m2
}

// TestLoadVersion1: a file written by the previous format (version 1, no
// optimizer state) still loads, with its weights and compile settings.
func TestLoadVersion1(t *testing.T) {
	data, err := os.ReadFile("testdata/v1.model")
	if err != nil {
		t.Fatal(err)
	}
	m, err := mlp.Load(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	x, _ := toyData(9, 40)
	p := predictions(t, m, x)
	// The predictions of the model that wrote the file.
	if want := []float32{0.46205553, 0.49449635, 0.47782657, 0.46807498}; !sameBits(p[:4], want) {
		t.Errorf("predictions %v, want %v", p[:4], want)
	}
	if s := m.Summary(); !strings.Contains(s, "beta1=0.8") || !strings.Contains(s, "binary_crossentropy") {
		t.Errorf("compile settings lost:\n%s", s)
	}
	if !sameBits(p, predictions(t, reload(t, m), x)) {
		t.Error("a version-1 model saved again predicts differently")
	}
}

// TestResumeBitIdentical: TrainOnBatch(b1), Save, Load, TrainOnBatch(b2)
// gives the same bits (weights, moments, step count, dropout stream) as
// TrainOnBatch(b1), TrainOnBatch(b2) on one model, for Adam with dropout
// and SGD with momentum; and a scheduled Fit resumed from a save continues
// the schedule exactly.
func TestResumeBitIdentical(t *testing.T) {
	x, y := toyData(21, 64)
	b1x, b1y := mlp.Matrix{Rows: 32, Cols: 2, Data: x.Data[:64]}, mlp.Matrix{Rows: 32, Cols: 1, Data: y.Data[:32]}
	b2x, b2y := mlp.Matrix{Rows: 32, Cols: 2, Data: x.Data[64:]}, mlp.Matrix{Rows: 32, Cols: 1, Data: y.Data[32:]}
	for name, opt := range map[string]mlp.Optimizer{
		"adam": mlp.Adam(0.01), "sgd-momentum": mlp.SGD(0.1, mlp.Momentum(0.9), mlp.Nesterov()),
	} {
		build := func() *mlp.Model {
			m, err := mlp.New(2, mlp.Dropout(0.2), mlp.Dense(8, mlp.ReLU), mlp.Dropout(0.3), mlp.Dense(1, mlp.Sigmoid))
			if err != nil {
				t.Fatal(err)
			}
			if err := m.Compile(opt, mlp.BinaryCrossEntropy); err != nil {
				t.Fatal(err)
			}
			return m
		}
		train := func(m *mlp.Model, bx, by mlp.Matrix) {
			if _, _, err := m.TrainOnBatch(bx, by); err != nil {
				t.Fatal(err)
			}
		}
		a := build()
		train(a, b1x, b1y)
		train(a, b2x, b2y)
		b := build()
		train(b, b1x, b1y)
		c := reload(t, b)
		train(c, b2x, b2y)
		if !bytes.Equal(saved(t, a), saved(t, c)) {
			t.Errorf("%s: TrainOnBatch after Save/Load differs from training on", name)
		}

		sched := mlp.CosineDecay{Initial: 0.001, WarmupSteps: 5, Peak: 0.05, DecaySteps: 20}
		cfg := mlp.FitConfig{Epochs: 2, BatchSize: 8, Seed: 3, Schedule: sched}
		a, b = build(), build()
		for _, m := range []*mlp.Model{a, b} {
			fit(t, m, x, y, cfg)
		}
		c = reload(t, b)
		fit(t, a, x, y, cfg)
		fit(t, c, x, y, cfg)
		if !bytes.Equal(saved(t, a), saved(t, c)) {
			t.Errorf("%s: a scheduled Fit after Save/Load differs from fitting on", name)
		}
	}
}

// TestLoadWeights: weights load into a model of the same architecture,
// which keeps its compile settings; any other architecture is an error
// and leaves the model unchanged.
func TestLoadWeights(t *testing.T) {
	x, y := toyData(22, 50)
	src := toyModel(t)
	fit(t, src, x, y, mlp.FitConfig{Epochs: 2, BatchSize: 10})
	file := saved(t, src)
	dst, _ := mlp.New(2, mlp.Dense(10, mlp.ReLU), mlp.Dense(1, mlp.Sigmoid))
	_ = dst.Compile(mlp.SGD(0.5), mlp.MSE)
	if err := dst.LoadWeights(bytes.NewReader(file)); err != nil {
		t.Fatal(err)
	}
	if !sameBits(predictions(t, src, x), predictions(t, dst, x)) {
		t.Error("LoadWeights: predictions differ from the saved model's")
	}
	if !strings.Contains(dst.Summary(), "SGD(lr=0.5)") {
		t.Errorf("LoadWeights changed the compile settings:\n%s", dst.Summary())
	}
	for _, layers := range [][]mlp.Layer{
		{mlp.Dense(10, mlp.ReLU), mlp.Dense(1, mlp.Linear)},
		{mlp.Dense(11, mlp.ReLU), mlp.Dense(1, mlp.Sigmoid)},
		{mlp.Dense(10, mlp.ReLU), mlp.Dropout(0.5), mlp.Dense(1, mlp.Sigmoid)},
		{mlp.Dense(10, mlp.LeakyReLU), mlp.Dense(1, mlp.Sigmoid)},
		{mlp.Dense(10, mlp.ReLU)},
	} {
		other, err := mlp.New(2, layers...)
		if err != nil {
			t.Fatal(err)
		}
		before := saved(t, other)
		err = other.LoadWeights(bytes.NewReader(file))
		if err == nil {
			t.Errorf("LoadWeights into %v: no error", other)
		} else if testing.Verbose() {
			t.Logf("%v: %v", other, err)
		}
		if !bytes.Equal(before, saved(t, other)) {
			t.Errorf("a failed LoadWeights changed %v", other)
		}
	}
	three, _ := mlp.New(3, mlp.Dense(10, mlp.ReLU), mlp.Dense(1, mlp.Sigmoid))
	if err := three.LoadWeights(bytes.NewReader(file)); err == nil {
		t.Error("LoadWeights with other inputs: no error")
	}
	if err := dst.LoadWeights(bytes.NewReader(file[:20])); err == nil {
		t.Error("LoadWeights of a truncated file: no error")
	}
}

// TestDropout: inference ignores Dropout; Dropout(0) trains as no dropout
// bit for bit; training with dropout is reproducible for a seed, differs
// between seeds; bad placements and rates are errors.
func TestDropout(t *testing.T) {
	x, y := toyData(23, 200)
	plain := toyModel(t)
	drop, err := mlp.New(2, mlp.Dropout(0.3), mlp.Dense(10, mlp.ReLU), mlp.Dropout(0.5), mlp.Dense(1, mlp.Sigmoid))
	if err != nil {
		t.Fatal(err)
	}
	_ = drop.Compile(mlp.Adam(0.01), mlp.BinaryCrossEntropy)
	for _, pair := range [][2]int{{0, 1}, {1, 3}} {
		w, b, _ := plain.Weights(pair[0])
		if err := drop.SetWeights(pair[1], w, b); err != nil {
			t.Fatal(err)
		}
	}
	if !sameBits(predictions(t, plain, x), predictions(t, drop, x)) {
		t.Error("Predict with Dropout differs from the same weights without it")
	}
	l1, a1, _ := plain.Evaluate(x, y)
	l2, a2, _ := drop.Evaluate(x, y)
	if l1 != l2 || a1 != a2 {
		t.Errorf("Evaluate with Dropout: %v %v, without: %v %v", l2, a2, l1, a1)
	}

	zero, _ := mlp.New(2, mlp.Dense(10, mlp.ReLU), mlp.Dropout(0), mlp.Dense(1, mlp.Sigmoid))
	_ = zero.Compile(mlp.Adam(0.01), mlp.BinaryCrossEntropy)
	ref := toyModel(t)
	cfg := mlp.FitConfig{Epochs: 3, BatchSize: 16, Seed: 4}
	_, _ = zero.Fit(x, y, cfg)
	_, _ = ref.Fit(x, y, cfg)
	if !sameBits(predictions(t, zero, x), predictions(t, ref, x)) {
		t.Error("Dropout(0) trains differently from no Dropout")
	}

	run := func(seed uint64) []float32 {
		m, _ := mlp.New(2, mlp.Dense(10, mlp.ReLU), mlp.Dropout(0.5), mlp.Dense(1, mlp.Sigmoid))
		_ = m.Compile(mlp.Adam(0.01), mlp.BinaryCrossEntropy)
		fit(t, m, x, y, mlp.FitConfig{Epochs: 3, BatchSize: 16, Seed: seed, NoShuffle: true})
		return predictions(t, m, x)
	}
	a := checkSeeded(t, run, "two fits with dropout and seed 1 differ",
		"dropout masks do not depend on the seed (NoShuffle, so only the masks differ)")
	if sameBits(a, predictions(t, ref, x)) {
		t.Error("Dropout(0.5) trained as no dropout")
	}

	for name, layers := range map[string][]mlp.Layer{
		"rate 1":     {mlp.Dropout(1), mlp.Dense(1, mlp.Sigmoid)},
		"rate −0.1":  {mlp.Dropout(-0.1), mlp.Dense(1, mlp.Sigmoid)},
		"rate NaN":   {mlp.Dropout(float32(math.NaN())), mlp.Dense(1, mlp.Sigmoid)},
		"last":       {mlp.Dense(1, mlp.Sigmoid), mlp.Dropout(0.5)},
		"twice":      {mlp.Dropout(0.5), mlp.Dropout(0.5), mlp.Dense(1, mlp.Sigmoid)},
		"only":       {mlp.Dropout(0.5)},
		"zero Layer": {{}},
	} {
		if _, err := mlp.New(2, layers...); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestSummary: the table names every layer with its activation, output
// shape and parameters, and the total; String is one line.
func TestSummary(t *testing.T) {
	m, _ := mlp.New(2, mlp.Dense(10, mlp.ReLU), mlp.Dropout(0.5), mlp.Dense(1, mlp.Sigmoid))
	s := m.Summary()
	for _, want := range []string{"dense_0 (Dense)", "relu", "(None, 10)", "30", "dropout_1 (Dropout 0.5)",
		"dense_2 (Dense)", "sigmoid", "(None, 1)", "11", "Total params: 41", "Not compiled"} {
		if !strings.Contains(s, want) {
			t.Errorf("Summary lacks %q:\n%s", want, s)
		}
	}
	_ = m.Compile(mlp.Adam(0.001), mlp.BinaryCrossEntropy)
	if s := m.Summary(); !strings.Contains(s, "Adam(lr=0.001") || !strings.Contains(s, "binary_crossentropy") {
		t.Errorf("compiled Summary:\n%s", s)
	}
	if got, want := m.String(), "mlp.Model(2 → Dense(10, relu) → Dropout(0.5) → Dense(1, sigmoid); 41 params)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	var nilModel *mlp.Model
	if nilModel.String() == "" || nilModel.Summary() == "" {
		t.Error("nil model: empty String or Summary")
	}
	t.Logf("\n%s", m.Summary())
}

// TestPredictClasses: argmax for Softmax, the 0.5 threshold for one
// Sigmoid, an error for other outputs.
func TestPredictClasses(t *testing.T) {
	x, _ := toyData(24, 300)
	sm, _ := mlp.New(2, mlp.Dense(5, mlp.Tanh), mlp.Dense(3, mlp.Softmax))
	p := predictions(t, sm, x)
	got, err := sm.PredictClasses(x)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range got {
		row := p[3*i : 3*i+3]
		for j := range row {
			if row[j] > row[c] {
				t.Fatalf("sample %d: class %d, outputs %v", i, c, row)
			}
		}
	}
	sg := toyModel(t)
	p = predictions(t, sg, x)
	got, err = sg.PredictClasses(x)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range got {
		if (p[i] > 0.5) != (c == 1) || (c != 0 && c != 1) {
			t.Fatalf("sample %d: class %d for output %v", i, c, p[i])
		}
	}
	lin, _ := mlp.New(2, mlp.Dense(2, mlp.Linear))
	if _, err := lin.PredictClasses(x); err == nil {
		t.Error("PredictClasses on a linear output: no error")
	}
	if _, err := sg.PredictClasses(mlp.NewMatrix(2, 3)); err == nil {
		t.Error("PredictClasses with bad columns: no error")
	}
}

// TestPredictInto: the same bits as Predict (batch 1 and beyond one
// internal chunk), no allocation after warm-up, errors for a bad dst
// (left untouched), and safe for concurrent use (run under -race in CI).
func TestPredictInto(t *testing.T) {
	x, _ := toyData(25, 600)
	m, _ := mlp.New(2, mlp.Dense(16, mlp.ReLU), mlp.Dropout(0.5), mlp.Dense(3, mlp.Softmax))
	want := predictions(t, m, x)
	dst := mlp.NewMatrix(600, 3)
	if err := m.PredictInto(dst, x); err != nil {
		t.Fatal(err)
	}
	if !sameBits(dst.Data, want) {
		t.Error("PredictInto differs from Predict")
	}
	one, x1 := mlp.NewMatrix(1, 3), mlp.Matrix{Rows: 1, Cols: 2, Data: x.Data[:2]}
	for _, bad := range []mlp.Matrix{mlp.NewMatrix(1, 2), mlp.NewMatrix(2, 3), {Rows: huge, Cols: 4}, {Rows: 1, Cols: 3}} {
		if err := m.PredictInto(bad, x1); err == nil {
			t.Errorf("dst %d×%d: no error", bad.Rows, bad.Cols)
		}
	}
	sentinel := mlp.Matrix{Rows: 1, Cols: 3, Data: []float32{7, 7, 7}}
	if err := m.PredictInto(sentinel, mlp.NewMatrix(1, 5)); err == nil || sentinel.Data[0] != 7 {
		t.Errorf("bad x: err %v, dst %v", err, sentinel.Data)
	}
	predict1 := func() {
		if err := m.PredictInto(one, x1); err != nil {
			t.Fatal(err)
		}
	}
	predict1()
	// (A product of one row may round differently from one of many.)
	if !sameBits(one.Data, predictions(t, m, x1)) {
		t.Error("PredictInto of one row differs from Predict")
	}
	var wg sync.WaitGroup
	for g := range 6 {
		rows := 1 + g*97
		xg := mlp.Matrix{Rows: rows, Cols: 2, Data: x.Data[:2*rows]}
		wantG := predictions(t, m, xg)
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := mlp.NewMatrix(rows, 3)
			for range 5 {
				if err := m.PredictInto(d, xg); err != nil || !sameBits(d.Data, wantG) {
					t.Errorf("concurrent PredictInto of %d rows: %v", rows, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if raceEnabled {
		t.Skip("the race detector allocates (and sync.Pool drops items under it)")
	}
	if a := testing.AllocsPerRun(100, predict1); a != 0 {
		t.Errorf("PredictInto of one row: %v allocations per call", a)
	}
}

// TestSetLearningRate: changing the rate keeps the optimizer's moments
// (setting the same rate trains as not calling it, while a new Compile
// resets them), and bad rates are errors.
func TestSetLearningRate(t *testing.T) {
	x, y := toyData(26, 40)
	a, b, c := toyModel(t), toyModel(t), toyModel(t)
	for _, m := range []*mlp.Model{a, b, c} {
		if _, _, err := m.TrainOnBatch(x, y); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.SetLearningRate(0.01); err != nil {
		t.Fatal(err)
	}
	_ = c.Compile(mlp.Adam(0.01), mlp.BinaryCrossEntropy)
	for _, m := range []*mlp.Model{a, b, c} {
		_, _, _ = m.TrainOnBatch(x, y)
	}
	if !bytes.Equal(saved(t, a), saved(t, b)) {
		t.Error("SetLearningRate to the same rate changed the training")
	}
	if sameBits(predictions(t, a, x), predictions(t, c, x)) {
		t.Error("re-Compile did not reset the moments (the test cannot tell)")
	}
	if err := b.SetLearningRate(0.5); err != nil || b.LearningRate() != 0.5 {
		t.Errorf("SetLearningRate(0.5): %v, rate %v", err, b.LearningRate())
	}
	before := saved(t, b)
	for _, lr := range []float32{0, -1, float32(math.NaN()), float32(math.Inf(1))} {
		if err := b.SetLearningRate(lr); err == nil {
			t.Errorf("SetLearningRate(%v): no error", lr)
		}
	}
	if !bytes.Equal(before, saved(t, b)) {
		t.Error("a failed SetLearningRate changed the model")
	}
	raw, _ := mlp.New(2, mlp.Dense(1, mlp.Sigmoid))
	if err := raw.SetLearningRate(0.1); err == nil {
		t.Error("SetLearningRate before Compile: no error")
	}
}

// TestWeights: Weights returns copies in the documented shapes; SetWeights
// round-trips and checks shapes, finiteness and the layer index.
func TestWeights(t *testing.T) {
	m, _ := mlp.New(2, mlp.Dense(3, mlp.ReLU), mlp.Dropout(0.1), mlp.Dense(1, mlp.Sigmoid))
	x, _ := toyData(27, 10)
	before := predictions(t, m, x)
	w, b, err := m.Weights(0)
	if err != nil || w.Rows != 2 || w.Cols != 3 || b.Rows != 1 || b.Cols != 3 {
		t.Fatalf("Weights(0): %d×%d, %d×%d, %v", w.Rows, w.Cols, b.Rows, b.Cols, err)
	}
	w.Data[0] += 1
	if !sameBits(before, predictions(t, m, x)) {
		t.Error("Weights returned a view, not a copy")
	}
	if err := m.SetWeights(0, w, b); err != nil {
		t.Fatal(err)
	}
	w2, _, _ := m.Weights(0)
	if !sameBits(w.Data, w2.Data) {
		t.Error("SetWeights then Weights does not round-trip")
	}
	saved0 := saved(t, m)
	nan := mlp.NewMatrix(2, 3)
	nan.Data[4] = float32(math.NaN())
	for name, f := range map[string]func() error{
		"Weights(1) (Dropout)":  func() error { _, _, err := m.Weights(1); return err },
		"Weights(3)":            func() error { _, _, err := m.Weights(3); return err },
		"Weights(-1)":           func() error { _, _, err := m.Weights(-1); return err },
		"w transposed":          func() error { return m.SetWeights(0, mlp.NewMatrix(3, 2), b) },
		"b as a column":         func() error { return m.SetWeights(0, w, mlp.NewMatrix(3, 1)) },
		"NaN weight":            func() error { return m.SetWeights(0, nan, b) },
		"SetWeights(1)":         func() error { return m.SetWeights(1, w, b) },
		"overflowing w":         func() error { return m.SetWeights(0, mlp.Matrix{Rows: huge, Cols: 4}, b) },
		"layer 2 with layer 0s": func() error { return m.SetWeights(2, w, b) },
	} {
		if err := f(); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if !bytes.Equal(saved0, saved(t, m)) {
		t.Error("a failed SetWeights changed the model")
	}
}
