package mlp

import (
	"errors"
	"fmt"
	"math"
)

// Schedule gives the learning rate of every optimizer step, as Keras's
// LearningRateSchedule does (FitConfig.Schedule). step counts the model's
// optimizer steps since Compile, from 0; Save keeps the count, so a
// resumed fit continues the schedule where it stopped. The rate must be
// finite and not negative (0 makes a step that moves no weight but still
// updates the moments): Fit stops with an error otherwise. Fit also calls
// LearningRate once when it starts, for the first step, to check it
// before anything changes.
type Schedule interface {
	LearningRate(step int) float32
}

// ExponentialDecay is Initial·Rate^(step/DecaySteps), the division
// rounded down when Staircase is set (Keras's ExponentialDecay).
type ExponentialDecay struct {
	Initial    float32 // the rate at step 0; positive
	DecaySteps int     // steps per factor of Rate; at least 1
	Rate       float32 // in (0, 1] to decay
	Staircase  bool    // decay in steps rather than continuously
}

// LearningRate implements Schedule.
func (s ExponentialDecay) LearningRate(step int) float32 {
	p := float64(step) / float64(s.DecaySteps)
	if s.Staircase {
		p = math.Floor(p)
	}
	return float32(float64(s.Initial) * math.Pow(float64(s.Rate), p))
}

func (s ExponentialDecay) check() error {
	if !positive(s.Initial) || s.DecaySteps < 1 || !positive(s.Rate) {
		return fmt.Errorf("mlp: ExponentialDecay%+v: need a positive Initial and Rate, DecaySteps ≥ 1", s)
	}
	return nil
}

// CosineDecay warms up linearly from Initial to Peak over WarmupSteps
// steps (if WarmupSteps > 0), then follows a half cosine from Peak (or
// Initial without warm-up) down to Alpha times it over DecaySteps steps,
// and stays there (Keras's CosineDecay with warmup_target and
// warmup_steps).
type CosineDecay struct {
	Initial     float32 // the rate at step 0; positive
	DecaySteps  int     // length of the cosine; at least 1
	Alpha       float32 // the final rate as a fraction of the peak, in [0, 1)
	WarmupSteps int     // length of the linear warm-up; 0 for none
	Peak        float32 // the rate at the end of the warm-up (required with WarmupSteps)
}

// LearningRate implements Schedule.
func (s CosineDecay) LearningRate(step int) float32 {
	peak := float64(s.Initial)
	if s.WarmupSteps > 0 {
		if step < s.WarmupSteps {
			return float32(float64(s.Initial) + (float64(s.Peak)-float64(s.Initial))*float64(step)/float64(s.WarmupSteps))
		}
		peak = float64(s.Peak)
		step -= s.WarmupSteps
	}
	t := float64(min(step, s.DecaySteps)) / float64(s.DecaySteps)
	c := 0.5 * (1 + math.Cos(math.Pi*t))
	a := float64(s.Alpha)
	return float32(peak * ((1-a)*c + a))
}

func (s CosineDecay) check() error {
	switch {
	case !positive(s.Initial) || s.DecaySteps < 1 || s.WarmupSteps < 0:
		return fmt.Errorf("mlp: CosineDecay%+v: need a positive Initial, DecaySteps ≥ 1, WarmupSteps ≥ 0", s)
	case !(s.Alpha > 0 && s.Alpha < 1) && s.Alpha != 0:
		return fmt.Errorf("mlp: CosineDecay: Alpha %v: need 0 ≤ Alpha < 1", s.Alpha)
	case s.WarmupSteps > 0 && !positive(s.Peak):
		return fmt.Errorf("mlp: CosineDecay: warm-up to Peak %v: need a positive Peak", s.Peak)
	}
	return nil
}

// PiecewiseConstant is Values[0] up to and including step Boundaries[0],
// Values[1] up to Boundaries[1], …, and the last value after the last
// boundary (Keras's PiecewiseConstantDecay). Boundaries increase strictly
// and there is one more value than boundaries.
type PiecewiseConstant struct {
	Boundaries []int     // the last step of each piece but the last, increasing
	Values     []float32 // the rate of each piece, one more than Boundaries
}

// LearningRate implements Schedule.
func (s PiecewiseConstant) LearningRate(step int) float32 {
	for i, b := range s.Boundaries {
		if step <= b {
			return s.Values[i]
		}
	}
	if len(s.Values) == 0 {
		return 0
	}
	return s.Values[len(s.Values)-1]
}

func (s PiecewiseConstant) check() error {
	if len(s.Values) != len(s.Boundaries)+1 {
		return fmt.Errorf("mlp: PiecewiseConstant: %d values for %d boundaries: need one more value", len(s.Values), len(s.Boundaries))
	}
	for i, b := range s.Boundaries {
		if i > 0 && b <= s.Boundaries[i-1] {
			return errors.New("mlp: PiecewiseConstant: the boundaries must increase")
		}
	}
	for _, v := range s.Values {
		if !positive(v) {
			return fmt.Errorf("mlp: PiecewiseConstant: value %v: need positive finite values", v)
		}
	}
	return nil
}

func positive(v float32) bool { return v > 0 && !math.IsInf(float64(v), 0) }

// ReduceLROnPlateau is a callback that multiplies the learning rate by
// Factor when the monitored metric has not improved for Patience epochs,
// as Keras's callback does: it changes the optimizer's rate through
// SetLearningRate, keeping its moments, and the new rate stays after the
// fit (Save keeps it). It cannot be combined with FitConfig.Schedule.
type ReduceLROnPlateau struct {
	// Monitor is "val_loss" (the default when empty), "loss",
	// "val_accuracy" or "accuracy"; losses must fall, accuracies rise.
	Monitor string
	// Factor multiplies the rate, in (0, 1); 0 means 0.1 (Keras's default).
	Factor float32
	// Patience is how many epochs without improvement to tolerate before
	// reducing (0: reduce after every epoch without improvement).
	Patience int
	// MinDelta is the least change that counts as an improvement.
	MinDelta float64
	// Cooldown is how many epochs to wait after a reduction before
	// counting epochs without improvement again.
	Cooldown int
	// MinLR is the floor of the rate.
	MinLR float32

	best           float64
	wait, cooldown int
	// Reductions counts the reductions of the last fit.
	Reductions int
}

func (r *ReduceLROnPlateau) monitor() string {
	if r.Monitor == "" {
		return "val_loss"
	}
	return r.Monitor
}

func (r *ReduceLROnPlateau) factor() float32 {
	if r.Factor == 0 {
		return 0.1
	}
	return r.Factor
}

func (r *ReduceLROnPlateau) checkFit(cfg *FitConfig, hasValidation bool) error {
	if cfg.Schedule != nil {
		return errors.New("ReduceLROnPlateau cannot change the learning rate while FitConfig.Schedule sets it")
	}
	if f := r.factor(); !(f > 0 && f < 1) {
		return fmt.Errorf("ReduceLROnPlateau: Factor %v: need 0 < Factor < 1", f)
	}
	if r.Patience < 0 || r.Cooldown < 0 || !(r.MinLR >= 0) || math.IsInf(float64(r.MinLR), 0) || math.IsNaN(r.MinDelta) || r.MinDelta < 0 {
		return errors.New("ReduceLROnPlateau: Patience, Cooldown, MinLR and MinDelta must be ≥ 0 and finite")
	}
	return checkMonitor("ReduceLROnPlateau", r.monitor(), hasValidation)
}

func (r *ReduceLROnPlateau) onTrainBegin(*Model) {
	r.best, r.wait, r.cooldown, r.Reductions = math.NaN(), 0, 0, 0
}

// OnEpochEnd implements Callback.
func (r *ReduceLROnPlateau) OnEpochEnd(m *Model, logs EpochLogs) (bool, error) {
	v, higher, err := monitorValue(r.monitor(), logs)
	if err != nil {
		return true, fmt.Errorf("mlp: ReduceLROnPlateau: %w", err)
	}
	inCooldown := r.cooldown > 0
	if inCooldown {
		r.cooldown--
		r.wait = 0
	}
	if math.IsNaN(r.best) || (!higher && v < r.best-r.MinDelta) || (higher && v > r.best+r.MinDelta) {
		r.best, r.wait = v, 0
		return false, nil
	}
	if inCooldown {
		return false, nil
	}
	r.wait++
	if r.wait > r.Patience {
		if lr, next := m.opt.lr, max(m.opt.lr*r.factor(), r.MinLR); lr > r.MinLR && next > 0 {
			if err := m.SetLearningRate(next); err != nil {
				return true, err
			}
			r.Reductions++
			r.cooldown, r.wait = r.Cooldown, 0
		}
	}
	return false, nil
}
