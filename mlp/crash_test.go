package mlp_test

import (
	"bytes"
	"context"
	"math"
	"runtime"
	"strings"
	"testing"

	"github.com/emberml/ember/mlp"
)

// TestHugeBatchSize: a BatchSize larger than the data trains as one batch
// of all the rows (bit for bit as BatchSize = rows), and a huge one never
// allocates a workspace for it (issue 13, crash 1).

// huge is 1<<62 where int is 64 bits (1<<30 where it is 32): times 2 or 4 it
// overflows an int.
const huge = math.MaxInt>>1 + 1

func TestHugeBatchSize(t *testing.T) {
	x, y := toyData(11, 100)
	ref := toyModel(t)
	fit(t, ref, x, y, mlp.FitConfig{Epochs: 2, BatchSize: 100, Seed: 1})
	want := predictions(t, ref, x)
	for _, bs := range []int{101, 1 << 28, math.MaxInt} {
		m := toyModel(t)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := m.Fit(x, y, mlp.FitConfig{Epochs: 2, BatchSize: bs, Seed: 1, ValidationSplit: 0})
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatalf("BatchSize %d: %v", bs, err)
		}
		// The old code asked for BatchSize rows: 8 GiB for 1<<28. The
		// bound leaves room for the kernels' packing buffers.
		if a := after.TotalAlloc - before.TotalAlloc; a > 16<<20 {
			t.Errorf("BatchSize %d: Fit allocated %d bytes for 100 rows", bs, a)
		}
		if !sameBits(want, predictions(t, m, x)) {
			t.Errorf("BatchSize %d trains differently from BatchSize 100", bs)
		}
		// With a validation split too (the training part is smaller).
		if _, err := m.Fit(x, y, mlp.FitConfig{Epochs: 1, BatchSize: bs, ValidationSplit: 0.5}); err != nil {
			t.Errorf("BatchSize %d with a split: %v", bs, err)
		}
	}
}

// badMatrices are headers whose Rows·Cols overflows or is negative, with
// data lengths that the overflowed product would match (issue 13, crash 2).
func badMatrices() map[string]mlp.Matrix {
	return map[string]mlp.Matrix{
		"1<<62 × 4, no data":    {Rows: huge, Cols: 4},
		"1<<62 × 2, no data":    {Rows: huge, Cols: 2},
		"4 × 1<<62, no data":    {Rows: 4, Cols: huge},
		"1<<62+1 × 4, 4 values": {Rows: huge + 1, Cols: 4, Data: make([]float32, 4)},
		"-2 × -1, 2 values":     {Rows: -2, Cols: -1, Data: make([]float32, 2)},
		"MaxInt × 2, 0 values":  {Rows: math.MaxInt, Cols: 2},
		"-1 × 2, 0 values":      {Rows: -1, Cols: 2},
	}
}

// TestOverflowingMatrix: every entry point that takes a Matrix returns an
// error for an impossible header, never panics, and leaves the model
// unchanged.
func TestOverflowingMatrix(t *testing.T) {
	x, y := toyData(12, 40)
	m := toyModel(t)
	before := predictions(t, m, x)
	var saved bytes.Buffer
	if err := m.Save(&saved); err != nil {
		t.Fatal(err)
	}
	for name, bad := range badMatrices() {
		calls := map[string]func() error{
			"Fit x":   func() error { _, err := m.Fit(bad, y, mlp.FitConfig{Epochs: 1, BatchSize: 4}); return err },
			"Fit y":   func() error { _, err := m.Fit(x, bad, mlp.FitConfig{Epochs: 1, BatchSize: 4}); return err },
			"Predict": func() error { _, err := m.Predict(bad); return err },
			"Evaluate x": func() error {
				_, _, err := m.Evaluate(bad, y)
				return err
			},
			"Evaluate y": func() error {
				_, _, err := m.Evaluate(x, bad)
				return err
			},
			"TrainOnBatch":   func() error { _, _, err := m.TrainOnBatch(bad, y); return err },
			"InputGradients": func() error { _, err := m.InputGradients(bad); return err },
			"ValidationX": func() error {
				_, err := m.Fit(x, y, mlp.FitConfig{Epochs: 1, BatchSize: 4, ValidationX: &bad, ValidationY: &y})
				return err
			},
			"OneHot":          func() error { _, err := mlp.OneHot(bad, 3); return err },
			"Split x":         func() error { _, _, _, _, err := mlp.Split(bad, y, 0.5, 1); return err },
			"Split y":         func() error { _, _, _, _, err := mlp.Split(x, bad, 0.5, 1); return err },
			"FitStandardizer": func() error { _, err := mlp.FitStandardizer(bad); return err },
			"Transform": func() error {
				s := &mlp.Standardizer{Mean: make([]float32, bad.Cols&3), Std: make([]float32, bad.Cols&3)}
				_, err := s.Transform(bad)
				return err
			},
		}
		for call, f := range calls {
			err := f()
			if err == nil {
				t.Errorf("%s with %s: no error", call, name)
				continue
			}
			if testing.Verbose() && strings.HasPrefix(name, "1<<62 × 4") {
				t.Logf("%s(%s) → %v", call, name, err)
			}
		}
		if !sameBits(before, predictions(t, m, x)) {
			t.Fatalf("%s: the model changed", name)
		}
	}
	var after bytes.Buffer
	if err := m.Save(&after); err != nil || !bytes.Equal(saved.Bytes(), after.Bytes()) {
		t.Error("the saved model changed")
	}
	for _, dims := range [][2]int{{huge, 4}, {-1, 3}, {3, -1}, {math.MaxInt, math.MaxInt}} {
		func() {
			defer func() {
				r := recover()
				if s, _ := r.(string); !strings.HasPrefix(s, "mlp: NewMatrix") {
					t.Errorf("NewMatrix(%d, %d): recovered %v, want an mlp: NewMatrix panic", dims[0], dims[1], r)
				}
			}()
			mlp.NewMatrix(dims[0], dims[1])
		}()
	}
	if _, err := mlp.OneHot(mlp.NewMatrix(3, 1), huge); err == nil {
		t.Error("OneHot with 1<<62 classes: no error")
	}
	if _, err := (*mlp.Standardizer)(nil).Transform(x); err == nil {
		t.Error("a nil Standardizer: no error")
	}
}

// TestZeroModel: every method of a zero or nil Model returns an error (or
// a zero value), never panics (issue 13, crash 3).
func TestZeroModel(t *testing.T) {
	x, y := toyData(13, 10)
	var zero mlp.Model
	for name, m := range map[string]*mlp.Model{"zero": &zero, "nil": nil} {
		errs := map[string]error{}
		errs["Compile"] = m.Compile(mlp.Adam(0.01), mlp.MSE)
		_, errs["Fit"] = m.Fit(x, y, mlp.FitConfig{Epochs: 1, BatchSize: 2})
		_, errs["FitContext"] = m.FitContext(context.Background(), x, y, mlp.FitConfig{Epochs: 1, BatchSize: 2})
		_, errs["FitSource"] = m.FitSource(context.Background(), &sliceSource{x: x, y: y, batch: 2}, mlp.FitConfig{Epochs: 1})
		_, errs["Predict"] = m.Predict(x)
		_, _, errs["Evaluate"] = m.Evaluate(x, y)
		_, _, errs["TrainOnBatch"] = m.TrainOnBatch(x, y)
		_, errs["InputGradients"] = m.InputGradients(x)
		errs["Save"] = m.Save(&bytes.Buffer{})
		errs["PredictInto"] = m.PredictInto(mlp.NewMatrix(10, 1), x)
		_, errs["PredictClasses"] = m.PredictClasses(x)
		errs["SetLearningRate"] = m.SetLearningRate(0.1)
		_, _, errs["Weights"] = m.Weights(0)
		errs["SetWeights"] = m.SetWeights(0, mlp.NewMatrix(2, 1), mlp.NewMatrix(1, 1))
		errs["LoadWeights"] = m.LoadWeights(bytes.NewReader(saved(t, toyModel(t))))
		for call, err := range errs {
			if err == nil {
				t.Errorf("%s model: %s: no error", name, call)
			} else if testing.Verbose() && name == "zero" {
				t.Logf("%s → %v", call, err)
			}
		}
		m.Init(1)
		if m.Inputs() != 0 || m.Outputs() != 0 || m.NumParams() != 0 || m.LearningRate() != 0 || m.Summary() == "" || m.String() == "" {
			t.Errorf("%s model: Inputs, Outputs, NumParams = %d, %d, %d", name, m.Inputs(), m.Outputs(), m.NumParams())
		}
	}
}
