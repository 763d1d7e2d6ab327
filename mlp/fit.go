package mlp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"time"
)

// FitConfig configures Fit, as Keras's fit arguments do.
type FitConfig struct {
	Epochs    int    // passes over the training data; at least 1
	BatchSize int    // samples per step; at least 1 (the last batch may be smaller)
	Seed      uint64 // seeds the shuffling and the dropout masks: a fit is reproducible for a seed and thread count

	// NoShuffle keeps the samples in order (Keras's shuffle=False); by
	// default they are shuffled every epoch.
	NoShuffle bool

	// ValidationSplit, in [0, 1), holds out that fraction of the samples
	// for val_loss and val_accuracy: the last int(Rows·ValidationSplit)
	// rows of x and y, taken before any shuffling, as Keras does (only
	// the training rows are shuffled). If the data are sorted (by class,
	// by time), the held-out rows are then not representative: shuffle
	// them first with Split, or pass ValidationX and ValidationY.
	ValidationSplit float64
	// ValidationX and ValidationY, if set, are the validation data
	// instead (they override ValidationSplit).
	ValidationX, ValidationY *Matrix

	// Callbacks run after every epoch, in order; any may stop training.
	// They are checked when Fit starts (EarlyStopping's and
	// ReduceLROnPlateau's Monitor, validation data for a val_ metric),
	// before anything changes.
	Callbacks []Callback

	// Schedule, if not nil, sets the learning rate of every step:
	// Schedule.LearningRate(s) for the model's s-th optimizer step since
	// Compile (counting across fits, and kept by Save), instead of the
	// optimizer's own rate; the optimizer's moments are kept. See
	// ExponentialDecay, CosineDecay and PiecewiseConstant.
	Schedule Schedule

	// Verbose, if not nil, gets one Keras-like line per epoch.
	Verbose io.Writer
}

// EpochLogs are one epoch's metrics. ValLoss and ValAccuracy are NaN
// without validation data; Accuracy is NaN for regression.
type EpochLogs struct {
	Epoch                int           // 1-based
	Loss, Accuracy       float64       // the training loss and accuracy, means over the epoch's steps
	ValLoss, ValAccuracy float64       // on the validation data at the end of the epoch
	Duration             time.Duration // the epoch's wall time, validation included
	HasValidation        bool          // whether there were validation data
	Samples, ValSamples  int           // training and validation samples
	Steps, TotalEpochs   int           // optimizer steps in the epoch; epochs asked for
}

// History holds the per-epoch metrics of a fit.
type History struct {
	Epochs []EpochLogs // one per completed epoch, in order
}

// Loss returns the training loss of every epoch.
func (h *History) Loss() []float64 { return h.column(func(e EpochLogs) float64 { return e.Loss }) }

// ValLoss returns the validation loss of every epoch.
func (h *History) ValLoss() []float64 {
	return h.column(func(e EpochLogs) float64 { return e.ValLoss })
}

// Accuracy returns the training accuracy of every epoch.
func (h *History) Accuracy() []float64 {
	return h.column(func(e EpochLogs) float64 { return e.Accuracy })
}

// ValAccuracy returns the validation accuracy of every epoch.
func (h *History) ValAccuracy() []float64 {
	return h.column(func(e EpochLogs) float64 { return e.ValAccuracy })
}

func (h *History) column(f func(EpochLogs) float64) []float64 {
	out := make([]float64, len(h.Epochs))
	for i, e := range h.Epochs {
		out[i] = f(e)
	}
	return out
}

// Fit trains the compiled model on (x, y) (see FitConfig) and returns the
// per-epoch history. Bad arguments return an error with the model
// unchanged; if the loss or the gradient stops being finite, training
// stops with an error and the last finite weights, and the history so far.
func (m *Model) Fit(x, y Matrix, cfg FitConfig) (*History, error) {
	return m.FitContext(context.Background(), x, y, cfg)
}

// FitContext is Fit, stopping between steps when ctx is done; it then
// returns the history so far and ctx's error, the weights as of the last
// completed step.
func (m *Model) FitContext(ctx context.Context, x, y Matrix, cfg FitConfig) (*History, error) {
	if ctx == nil {
		return nil, errors.New("mlp: FitContext: a nil Context")
	}
	if err := m.checkData(x, y, "x", "y"); err != nil {
		return nil, err
	}
	if err := cfg.check(); err != nil {
		return nil, err
	}
	trainX, trainY := x, y
	var valX, valY *Matrix
	switch {
	case cfg.ValidationX != nil || cfg.ValidationY != nil:
		if cfg.ValidationX == nil || cfg.ValidationY == nil {
			return nil, errors.New("mlp: ValidationX and ValidationY go together")
		}
		if err := m.checkData(*cfg.ValidationX, *cfg.ValidationY, "ValidationX", "ValidationY"); err != nil {
			return nil, err
		}
		valX, valY = cfg.ValidationX, cfg.ValidationY
	case cfg.ValidationSplit > 0:
		nVal := int(float64(x.Rows) * cfg.ValidationSplit)
		nTrain := x.Rows - nVal
		if nVal < 1 || nTrain < 1 {
			return nil, fmt.Errorf("mlp: ValidationSplit %v of %d samples leaves an empty set", cfg.ValidationSplit, x.Rows)
		}
		trainX = Matrix{Rows: nTrain, Cols: x.Cols, Data: x.Data[:nTrain*x.Cols]}
		trainY = Matrix{Rows: nTrain, Cols: y.Cols, Data: y.Data[:nTrain*y.Cols]}
		vx := Matrix{Rows: nVal, Cols: x.Cols, Data: x.Data[nTrain*x.Cols:]}
		vy := Matrix{Rows: nVal, Cols: y.Cols, Data: y.Data[nTrain*y.Cols:]}
		valX, valY = &vx, &vy
	}
	if err := m.checkFitExtras(cfg, valX != nil); err != nil {
		return nil, err
	}
	// The workspace holds one batch: never more rows than there are.
	src := &matrixSource{x: trainX, y: trainY, batch: min(cfg.BatchSize, trainX.Rows), shuffle: !cfg.NoShuffle,
		rng: rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15))}
	if _, err := m.trainWorkspace(src.batch); err != nil {
		return nil, err
	}
	return m.fit(ctx, src, valX, valY, cfg)
}

func (cfg *FitConfig) check() error {
	switch {
	case cfg.Epochs < 1:
		return fmt.Errorf("mlp: Epochs = %d: need at least 1", cfg.Epochs)
	case cfg.BatchSize < 1:
		return fmt.Errorf("mlp: BatchSize = %d: need at least 1", cfg.BatchSize)
	case !(cfg.ValidationSplit >= 0 && cfg.ValidationSplit < 1):
		return fmt.Errorf("mlp: ValidationSplit = %v: need 0 ≤ split < 1", cfg.ValidationSplit)
	}
	return nil
}

// BatchSource yields training minibatches, for data that is streamed
// rather than held in one Matrix (FitSource).
type BatchSource interface {
	// Next returns the next minibatch of the epoch, or io.EOF when the
	// epoch is over. The matrices may be reused by the next call.
	Next() (x, y Matrix, err error)
	// Reset starts a new epoch.
	Reset() error
}

// FitSource trains on minibatches from src, one epoch being one pass until
// src.Next returns io.EOF; cfg.BatchSize, NoShuffle and ValidationSplit do
// not apply (the source decides), the other fields do. Each batch is
// checked as Fit checks its data; a bad batch stops training with an error
// (the weights as of the last good step).
func (m *Model) FitSource(ctx context.Context, src BatchSource, cfg FitConfig) (*History, error) {
	if err := m.built(); err != nil {
		return nil, err
	}
	if src == nil || ctx == nil {
		return nil, errors.New("mlp: FitSource: a nil Context or BatchSource")
	}
	if !m.compiled {
		return nil, errors.New("mlp: the model is not compiled (call Compile first)")
	}
	if cfg.Epochs < 1 {
		return nil, fmt.Errorf("mlp: Epochs = %d: need at least 1", cfg.Epochs)
	}
	var valX, valY *Matrix
	if cfg.ValidationX != nil || cfg.ValidationY != nil {
		if cfg.ValidationX == nil || cfg.ValidationY == nil {
			return nil, errors.New("mlp: ValidationX and ValidationY go together")
		}
		if err := m.checkData(*cfg.ValidationX, *cfg.ValidationY, "ValidationX", "ValidationY"); err != nil {
			return nil, err
		}
		valX, valY = cfg.ValidationX, cfg.ValidationY
	}
	if err := m.checkFitExtras(cfg, valX != nil); err != nil {
		return nil, err
	}
	return m.fit(ctx, src, valX, valY, cfg)
}

// fitChecker is implemented by callbacks that check their settings
// against the fit when it starts.
type fitChecker interface {
	checkFit(cfg *FitConfig, hasValidation bool) error
}

// checkFitExtras checks cfg's callbacks and schedule when a fit starts,
// before anything changes.
func (m *Model) checkFitExtras(cfg FitConfig, hasValidation bool) error {
	for i, c := range cfg.Callbacks {
		if c == nil {
			return fmt.Errorf("mlp: Callbacks[%d] is nil", i)
		}
		if fc, ok := c.(fitChecker); ok {
			if err := fc.checkFit(&cfg, hasValidation); err != nil {
				return fmt.Errorf("mlp: Callbacks[%d]: %w", i, err)
			}
		}
	}
	if cfg.Schedule != nil {
		if sc, ok := cfg.Schedule.(interface{ check() error }); ok {
			if err := sc.check(); err != nil {
				return err
			}
		}
		if _, err := m.scheduledLR(cfg.Schedule); err != nil {
			return err
		}
	}
	return nil
}

// scheduledLR returns the schedule's learning rate for the next step, or
// an error if it is not positive and finite.
func (m *Model) scheduledLR(s Schedule) (float32, error) {
	lr := s.LearningRate(m.state.step)
	if f := float64(lr); !(f >= 0) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("mlp: the Schedule gives learning rate %v at step %d: need a finite rate ≥ 0", lr, m.state.step)
	}
	return lr, nil
}

// fit is the training loop shared by Fit and FitSource.
func (m *Model) fit(ctx context.Context, src BatchSource, valX, valY *Matrix, cfg FitConfig) (*History, error) {
	hist := &History{}
	m.seedDropout(cfg.Seed)
	for _, c := range cfg.Callbacks {
		if b, ok := c.(trainBeginner); ok {
			b.onTrainBegin(m)
		}
	}
	defer func() {
		for _, c := range cfg.Callbacks {
			if e, ok := c.(trainEnder); ok {
				e.onTrainEnd(m)
			}
		}
	}()
	var valW *workspace
	if valX != nil {
		valW = m.getEval(valX.Rows)
		defer m.putEval(valW)
	}
	L := len(m.layers) - 1
	for epoch := 1; epoch <= cfg.Epochs; epoch++ {
		start := time.Now()
		if err := src.Reset(); err != nil {
			return hist, err
		}
		var lossSum, accSum float64
		samples, steps := 0, 0
		for {
			if err := ctx.Err(); err != nil {
				return hist, err
			}
			bx, by, err := src.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				return hist, err
			}
			w, xb, yb, err := m.loadBatch(src, bx, by)
			if err != nil {
				return hist, err
			}
			lr := m.opt.lr
			if cfg.Schedule != nil {
				if lr, err = m.scheduledLR(cfg.Schedule); err != nil {
					return hist, err
				}
			}
			loss, err := m.step(w, xb, yb, bx.Rows, lr)
			if err != nil {
				return hist, err
			}
			lossSum += loss * float64(bx.Rows)
			accSum += m.accuracy(w.a[L][:bx.Rows*m.Outputs()], yb, bx.Rows) * float64(bx.Rows)
			samples += bx.Rows
			steps++
		}
		if samples == 0 {
			return hist, errors.New("mlp: the batch source yielded no samples in an epoch")
		}
		logs := EpochLogs{
			Epoch: epoch, TotalEpochs: cfg.Epochs,
			Loss: lossSum / float64(samples), Accuracy: accSum / float64(samples),
			ValLoss: math.NaN(), ValAccuracy: math.NaN(),
			Samples: samples, Steps: steps,
		}
		if valX != nil {
			logs.ValLoss, logs.ValAccuracy, _ = m.evaluate(valW, *valX, *valY)
			logs.HasValidation, logs.ValSamples = true, valX.Rows
		}
		logs.Duration = time.Since(start)
		hist.Epochs = append(hist.Epochs, logs)
		if cfg.Verbose != nil {
			writeEpochLine(cfg.Verbose, logs)
		}
		stop := false
		for _, c := range cfg.Callbacks {
			s, err := c.OnEpochEnd(m, logs)
			if err != nil {
				return hist, err
			}
			stop = stop || s
		}
		if stop {
			break
		}
	}
	return hist, nil
}

// loadBatch returns the training workspace and the batch's inputs and
// targets: the matrix source's rows gathered into the workspace (or, in
// order, its data itself); another source's batch checked, then used as
// it is (the source may reuse it only at its next Next).
func (m *Model) loadBatch(src BatchSource, bx, by Matrix) (w *workspace, x, y []float32, err error) {
	if ms, ok := src.(*matrixSource); ok {
		if w, err = m.trainWorkspace(ms.batch); err != nil {
			return nil, nil, nil, err
		}
		if !ms.shuffle {
			// The rows idx are consecutive: no copy.
			i, j := ms.idx[0], ms.idx[len(ms.idx)-1]+1
			return w, ms.x.Data[i*ms.x.Cols : j*ms.x.Cols], ms.y.Data[i*ms.y.Cols : j*ms.y.Cols], nil
		}
		gatherRows(w.x, ms.x, ms.idx)
		gatherRows(w.y, ms.y, ms.idx)
		return w, w.x, w.y, nil
	}
	if err := m.checkData(bx, by, "batch x", "batch y"); err != nil {
		return nil, nil, nil, err
	}
	if w, err = m.trainWorkspace(bx.Rows); err != nil {
		return nil, nil, nil, err
	}
	return w, bx.Data, by.Data, nil
}

// writeEpochLine prints Keras's per-epoch summary.
func writeEpochLine(w io.Writer, l EpochLogs) {
	line := fmt.Sprintf("Epoch %d/%d - %d steps - loss: %.4f", l.Epoch, l.TotalEpochs, l.Steps, l.Loss)
	if !math.IsNaN(l.Accuracy) {
		line += fmt.Sprintf(" - accuracy: %.4f", l.Accuracy)
	}
	if l.HasValidation {
		line += fmt.Sprintf(" - val_loss: %.4f", l.ValLoss)
		if !math.IsNaN(l.ValAccuracy) {
			line += fmt.Sprintf(" - val_accuracy: %.4f", l.ValAccuracy)
		}
	}
	fmt.Fprintf(w, "%s - %s\n", line, l.Duration.Round(time.Microsecond))
}

// matrixSource serves minibatches of a Matrix pair in a (shuffled) order.
// It does not copy: loadBatch gathers the rows straight into the training
// workspace, so an epoch allocates nothing.
type matrixSource struct {
	x, y    Matrix
	batch   int
	shuffle bool
	rng     *rand.Rand
	perm    []int
	pos     int
	idx     []int
}

func (s *matrixSource) Reset() error {
	if s.perm == nil {
		s.perm = make([]int, s.x.Rows)
	}
	for i := range s.perm {
		s.perm[i] = i
	}
	if s.shuffle {
		s.rng.Shuffle(len(s.perm), func(i, j int) { s.perm[i], s.perm[j] = s.perm[j], s.perm[i] })
	}
	s.pos = 0
	return nil
}

func (s *matrixSource) Next() (Matrix, Matrix, error) {
	if s.pos >= len(s.perm) {
		return Matrix{}, Matrix{}, io.EOF
	}
	end := min(s.pos+s.batch, len(s.perm))
	s.idx = s.perm[s.pos:end]
	s.pos = end
	n := len(s.idx)
	// Only the shapes are used: loadBatch gathers the rows.
	return Matrix{Rows: n, Cols: s.x.Cols}, Matrix{Rows: n, Cols: s.y.Cols}, nil
}
