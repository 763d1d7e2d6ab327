package mlp

import (
	"fmt"
	"math"
	"strings"
)

// Callbacks run by Fit after every epoch, and EarlyStopping.

// Callback is run by Fit after every epoch. Returning stop = true ends
// training after this epoch; an error ends it and is returned by Fit.
type Callback interface {
	OnEpochEnd(m *Model, logs EpochLogs) (stop bool, err error)
}

// CallbackFunc adapts a function to Callback.
type CallbackFunc func(m *Model, logs EpochLogs) (stop bool, err error)

// OnEpochEnd calls f.
func (f CallbackFunc) OnEpochEnd(m *Model, logs EpochLogs) (bool, error) { return f(m, logs) }

// trainBeginner is implemented by callbacks with state to reset per fit.
type trainBeginner interface{ onTrainBegin(m *Model) }

// trainEnder is implemented by callbacks that act when training ends.
type trainEnder interface{ onTrainEnd(m *Model) }

// EarlyStopping stops training when a monitored metric has not improved
// for Patience epochs, as Keras's callback does.
type EarlyStopping struct {
	// Monitor is "val_loss" (the default when empty), "loss",
	// "val_accuracy" or "accuracy"; losses must fall, accuracies rise.
	Monitor string
	// Patience is how many epochs without improvement to tolerate.
	Patience int
	// MinDelta is the least change that counts as an improvement.
	MinDelta float64
	// RestoreBestWeights puts back the weights of the best epoch when
	// training stops (by this callback or at the last epoch).
	RestoreBestWeights bool

	best    float64
	wait    int
	weights []float32
	// StoppedEpoch is the epoch training stopped at, 0 if it did not.
	StoppedEpoch int
	// BestEpoch is the epoch with the best monitored value.
	BestEpoch int
}

func (e *EarlyStopping) monitor() string {
	if e.Monitor == "" {
		return "val_loss"
	}
	return e.Monitor
}

func (e *EarlyStopping) checkFit(_ *FitConfig, hasValidation bool) error {
	return checkMonitor("EarlyStopping", e.monitor(), hasValidation)
}

// monitors are the metrics EarlyStopping and ReduceLROnPlateau can watch,
// with whether higher is better.
var monitors = map[string]bool{"loss": false, "val_loss": false, "accuracy": true, "val_accuracy": true}

// checkMonitor returns an error unless name is a known metric, available
// in this fit.
func checkMonitor(who, name string, hasValidation bool) error {
	if _, ok := monitors[name]; !ok {
		return fmt.Errorf("%s: unknown Monitor %q (use loss, val_loss, accuracy or val_accuracy)", who, name)
	}
	if strings.HasPrefix(name, "val_") && !hasValidation {
		return fmt.Errorf("%s: Monitor %q needs validation data (ValidationSplit or ValidationX/Y)", who, name)
	}
	return nil
}

// monitorValue returns the metric name from logs and whether higher is
// better.
func monitorValue(name string, logs EpochLogs) (v float64, higher bool, err error) {
	switch name {
	case "val_loss":
		v = logs.ValLoss
	case "loss":
		v = logs.Loss
	case "val_accuracy":
		v = logs.ValAccuracy
	case "accuracy":
		v = logs.Accuracy
	default:
		return 0, false, fmt.Errorf("unknown metric %q", name)
	}
	if math.IsNaN(v) {
		return 0, false, fmt.Errorf("%s is not available (no validation data, or no accuracy for regression)", name)
	}
	return v, monitors[name], nil
}

func (e *EarlyStopping) onTrainBegin(*Model) {
	e.best, e.wait, e.StoppedEpoch, e.BestEpoch = math.NaN(), 0, 0, 0
	e.weights = e.weights[:0]
}

// OnEpochEnd implements Callback.
func (e *EarlyStopping) OnEpochEnd(m *Model, logs EpochLogs) (bool, error) {
	v, higher, err := monitorValue(e.monitor(), logs)
	if err != nil {
		return true, fmt.Errorf("mlp: EarlyStopping: %w", err)
	}
	improved := math.IsNaN(e.best) || (!higher && v < e.best-e.MinDelta) || (higher && v > e.best+e.MinDelta)
	if improved {
		e.best, e.wait, e.BestEpoch = v, 0, logs.Epoch
		if e.RestoreBestWeights {
			e.weights = append(e.weights[:0], m.params...)
		}
		return false, nil
	}
	e.wait++
	if e.wait > e.Patience {
		e.StoppedEpoch = logs.Epoch
		return true, nil
	}
	return false, nil
}

func (e *EarlyStopping) onTrainEnd(m *Model) {
	if e.RestoreBestWeights && len(e.weights) == len(m.params) {
		copy(m.params, e.weights)
	}
}
