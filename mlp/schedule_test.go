package mlp_test

import (
	"bytes"
	"math"
	"testing"

	"github.com/emberml/ember/mlp"
)

func near(a float32, b float64) bool { return math.Abs(float64(a)-b) <= 1e-6*math.Abs(b)+1e-12 }

// TestScheduleValues: the provided schedules give Keras's values.
func TestScheduleValues(t *testing.T) {
	exp := mlp.ExponentialDecay{Initial: 0.1, DecaySteps: 10, Rate: 0.5}
	stair := exp
	stair.Staircase = true
	cos := mlp.CosineDecay{Initial: 0.01, DecaySteps: 100, Alpha: 0.1}
	warm := mlp.CosineDecay{Initial: 0, WarmupSteps: 10, Peak: 0.1, DecaySteps: 100}
	warm.Initial = 0.001
	pw := mlp.PiecewiseConstant{Boundaries: []int{5, 10}, Values: []float32{1, 0.5, 0.1}}
	for _, c := range []struct {
		name string
		s    mlp.Schedule
		step int
		want float64
	}{
		{"exp 0", exp, 0, 0.1}, {"exp 5", exp, 5, 0.1 * math.Pow(0.5, 0.5)}, {"exp 20", exp, 20, 0.025},
		{"stair 5", stair, 5, 0.1}, {"stair 19", stair, 19, 0.05},
		{"cos 0", cos, 0, 0.01}, {"cos 50", cos, 50, 0.01 * (0.9*0.5 + 0.1)}, {"cos 100", cos, 100, 0.001}, {"cos 1000", cos, 1000, 0.001},
		{"warm 0", warm, 0, 0.001}, {"warm 5", warm, 5, 0.001 + 0.099/2}, {"warm 10", warm, 10, 0.1}, {"warm 110", warm, 110, 0},
		{"pw 0", pw, 0, 1}, {"pw 5", pw, 5, 1}, {"pw 6", pw, 6, 0.5}, {"pw 10", pw, 10, 0.5}, {"pw 11", pw, 11, 0.1},
	} {
		if got := c.s.LearningRate(c.step); !near(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// constant is a Schedule of one rate.
type constant float32

func (c constant) LearningRate(int) float32 { return float32(c) }

// TestScheduleInFit: a constant schedule trains as the optimizer's own
// rate (bit for bit, moments kept); a schedule is followed step by step
// (the step count runs across fits); bad schedules are errors before
// anything changes, and a schedule going bad mid-fit stops it.
func TestScheduleInFit(t *testing.T) {
	x, y := toyData(31, 80)
	cfg := mlp.FitConfig{Epochs: 2, BatchSize: 8, Seed: 2}
	a, b := toyModel(t), toyModel(t) // Adam(0.01)
	_, _ = a.Fit(x, y, cfg)
	cfg.Schedule = constant(0.01)
	_, _ = b.Fit(x, y, cfg)
	if !bytes.Equal(saved(t, a), saved(t, b)) {
		t.Error("a constant Schedule trains differently from the optimizer's rate")
	}

	var seen []int
	rec := scheduleFunc(func(step int) float32 { seen = append(seen, step); return 0.01 })
	cfg.Schedule = rec
	_, _ = b.Fit(x, y, cfg)
	// checked once at the start (step 20), then once per step 20…39.
	if len(seen) != 21 || seen[0] != 20 || seen[1] != 20 || seen[20] != 39 {
		t.Errorf("schedule steps %v", seen)
	}

	before := saved(t, b)
	for name, s := range map[string]mlp.Schedule{
		"negative":         constant(-1),
		"NaN":              constant(float32(math.NaN())),
		"exp no steps":     mlp.ExponentialDecay{Initial: 0.1, Rate: 0.5},
		"cos no peak":      mlp.CosineDecay{Initial: 0.1, DecaySteps: 10, WarmupSteps: 3},
		"cos alpha 1":      mlp.CosineDecay{Initial: 0.1, DecaySteps: 10, Alpha: 1},
		"piecewise counts": mlp.PiecewiseConstant{Boundaries: []int{3}, Values: []float32{1}},
		"piecewise order":  mlp.PiecewiseConstant{Boundaries: []int{3, 3}, Values: []float32{1, 1, 1}},
	} {
		cfg.Schedule = s
		if _, err := b.Fit(x, y, cfg); err == nil {
			t.Errorf("%s: no error", name)
		}
		if !bytes.Equal(before, saved(t, b)) {
			t.Fatalf("%s: the failed Fit changed the model", name)
		}
	}
	cfg.Schedule = scheduleFunc(func(step int) float32 {
		if step >= 45 {
			return float32(math.Inf(1))
		}
		return 0.01
	})
	hist, err := b.Fit(x, y, cfg)
	if err == nil || len(hist.Epochs) != 0 {
		t.Errorf("a schedule going infinite at step 45: err %v, %d epochs", err, len(hist.Epochs))
	}
}

type scheduleFunc func(int) float32

func (f scheduleFunc) LearningRate(step int) float32 { return f(step) }

// TestReduceLROnPlateau: the rate falls by Factor after Patience epochs
// without improvement, with cooldown, down to MinLR; it keeps the moments
// and cannot be combined with a Schedule.
func TestReduceLROnPlateau(t *testing.T) {
	x, y := toyData(32, 60)
	m := toyModel(t)
	_ = m.Compile(mlp.SGD(1e-30), mlp.BinaryCrossEntropy) // the loss cannot improve
	r := &mlp.ReduceLROnPlateau{Monitor: "loss", Factor: 0.5, Patience: 1, MinDelta: 1, MinLR: 1e-31}
	if _, err := m.Fit(x, y, mlp.FitConfig{Epochs: 7, BatchSize: 20, Callbacks: []mlp.Callback{r}}); err != nil {
		t.Fatal(err)
	}
	// Epoch 1 sets the best; 2 waits; 3 reduces; 4 waits; 5 reduces; 6
	// waits; 7 reduces: 1e-30 · 0.5³ = 1.25e-31.
	if r.Reductions != 3 || !near(m.LearningRate(), 1.25e-31) {
		t.Errorf("%d reductions, rate %v", r.Reductions, m.LearningRate())
	}
	r = &mlp.ReduceLROnPlateau{Monitor: "loss", Factor: 0.1, MinDelta: 1, MinLR: 1e-31, Cooldown: 1}
	_ = m.SetLearningRate(1e-30)
	_, _ = m.Fit(x, y, mlp.FitConfig{Epochs: 6, BatchSize: 20, Callbacks: []mlp.Callback{r}})
	if r.Reductions != 1 || m.LearningRate() != 1e-31 {
		t.Errorf("to MinLR: %d reductions, rate %v", r.Reductions, m.LearningRate())
	}
}

// TestCallbacksCheckedAtStart: a bad callback setting is an error when Fit
// starts, with the model unchanged.
func TestCallbacksCheckedAtStart(t *testing.T) {
	x, y := toyData(33, 40)
	m := toyModel(t)
	before := saved(t, m)
	for name, cfg := range map[string]mlp.FitConfig{
		"EarlyStopping val_acc":                     {Callbacks: []mlp.Callback{&mlp.EarlyStopping{Monitor: "val_acc"}}, ValidationSplit: 0.2},
		"EarlyStopping val_loss without validation": {Callbacks: []mlp.Callback{&mlp.EarlyStopping{}}},
		"nil callback":                              {Callbacks: []mlp.Callback{nil}},
		"ReduceLROnPlateau with a schedule":         {Callbacks: []mlp.Callback{&mlp.ReduceLROnPlateau{Monitor: "loss"}}, Schedule: constant(0.1)},
		"ReduceLROnPlateau factor 2":                {Callbacks: []mlp.Callback{&mlp.ReduceLROnPlateau{Monitor: "loss", Factor: 2}}},
		"ReduceLROnPlateau val_accuracy":            {Callbacks: []mlp.Callback{&mlp.ReduceLROnPlateau{Monitor: "val_accuracy"}}},
	} {
		cfg.Epochs, cfg.BatchSize = 3, 10
		hist, err := m.Fit(x, y, cfg)
		if err == nil {
			t.Errorf("%s: no error", name)
		} else if testing.Verbose() {
			t.Logf("%s: %v", name, err)
		}
		if hist != nil && len(hist.Epochs) != 0 {
			t.Errorf("%s: %d epochs ran", name, len(hist.Epochs))
		}
		if !bytes.Equal(before, saved(t, m)) {
			t.Fatalf("%s: the model changed", name)
		}
	}
}
