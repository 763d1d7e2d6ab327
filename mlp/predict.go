package mlp

import (
	"fmt"
	"math"

	"github.com/emberml/ember/kernels"
)

// Inference and evaluation: Predict, PredictInto, PredictClasses, Evaluate
// and InputGradients, each on a pooled workspace (see the Model doc on
// concurrency).

// accuracy returns the fraction of the rows rows whose prediction a matches
// the target y:
//   - one Sigmoid output, or several (multi-label): the fraction of outputs
//     on the right side of 0.5 (a > 0.5 against y > 0.5);
//   - Softmax with one-hot targets: argmax(a) == argmax(y); sparse:
//     argmax(a) == label;
//   - MSE on other outputs: the same rules when every target is 0 or 1
//     (one output: the 0.5 threshold; several: argmax), and NaN otherwise
//     (regression has no accuracy).
func (m *Model) accuracy(a, y []float32, rows int) float64 {
	d := m.layers[len(m.layers)-1]
	c := d.units
	binary := func() bool {
		for _, v := range y[:rows*c] {
			if v != 0 && v != 1 {
				return false
			}
		}
		return true
	}
	switch {
	case m.loss == SparseCategoricalCrossEntropy:
		hits := 0
		for r := range rows {
			if argmax(a[r*c:(r+1)*c]) == int(y[r]) {
				hits++
			}
		}
		return float64(hits) / float64(rows)
	case d.act == Sigmoid || (m.loss == MSE && c == 1 && binary()):
		hits := 0
		for i, v := range a[:rows*c] {
			if (v > 0.5) == (y[i] > 0.5) {
				hits++
			}
		}
		return float64(hits) / float64(rows*c)
	case m.loss == CategoricalCrossEntropy || (m.loss == MSE && binary()):
		hits := 0
		for r := range rows {
			if argmax(a[r*c:(r+1)*c]) == argmax(y[r*c:(r+1)*c]) {
				hits++
			}
		}
		return float64(hits) / float64(rows)
	}
	return math.NaN()
}

// evalBatch is how many rows Predict, Evaluate and InputGradients process
// at once.
const evalBatch = 256

// Predict returns the model's outputs for x, one row per sample (Dropout
// layers pass their inputs through). It allocates only the result; see
// PredictInto to reuse one.
func (m *Model) Predict(x Matrix) (Matrix, error) {
	if err := m.checkInputs(x, "x"); err != nil {
		return Matrix{}, err
	}
	out := NewMatrix(x.Rows, m.Outputs())
	m.predict(out, x)
	return out, nil
}

// PredictInto writes the model's outputs for x into dst, which must be
// x.Rows × Outputs() and must not share memory with x. After the first
// calls it allocates nothing, and it is safe for concurrent use (each call
// takes its own buffers from a pool), so it suits a server answering one
// sample at a time. On an error dst is untouched.
func (m *Model) PredictInto(dst, x Matrix) error {
	if err := m.checkInputs(x, "x"); err != nil {
		return err
	}
	if err := dst.checkShape("dst"); err != nil {
		return err
	}
	if dst.Rows != x.Rows || dst.Cols != m.Outputs() {
		return fmt.Errorf("mlp: dst is %d×%d for %d samples of %d outputs", dst.Rows, dst.Cols, x.Rows, m.Outputs())
	}
	m.predict(dst, x)
	return nil
}

// predict computes the outputs for the checked x into out.
func (m *Model) predict(out, x Matrix) {
	w := m.getEval(x.Rows)
	L := len(m.layers) - 1
	for r0 := 0; r0 < x.Rows; r0 += w.cap {
		rows := min(w.cap, x.Rows-r0)
		m.forward(w, x.Data[r0*m.inputs:], rows, false)
		copy(out.Data[r0*out.Cols:], w.a[L][:rows*out.Cols])
	}
	m.putEval(w)
}

// PredictClasses returns the predicted class of every sample of x: the
// argmax of the outputs for a Softmax output layer, and for a single
// Sigmoid output 1 if it exceeds 0.5, else 0. Other output layers (linear,
// several sigmoids) have no single class per sample and return an error.
func (m *Model) PredictClasses(x Matrix) ([]int, error) {
	if err := m.checkInputs(x, "x"); err != nil {
		return nil, err
	}
	last := m.layers[len(m.layers)-1]
	if last.act != Softmax && !(last.act == Sigmoid && last.units == 1) {
		return nil, fmt.Errorf("mlp: PredictClasses needs a Softmax or single-unit Sigmoid output layer, not %d×%v (use Predict)", last.units, last.act)
	}
	classes := make([]int, x.Rows)
	w := m.getEval(x.Rows)
	L, c := len(m.layers)-1, last.units
	for r0 := 0; r0 < x.Rows; r0 += w.cap {
		rows := min(w.cap, x.Rows-r0)
		m.forward(w, x.Data[r0*m.inputs:], rows, false)
		a := w.a[L]
		for r := range rows {
			if c == 1 {
				if a[r] > 0.5 {
					classes[r0+r] = 1
				}
				continue
			}
			classes[r0+r] = argmax(a[r*c : (r+1)*c])
		}
	}
	m.putEval(w)
	return classes, nil
}

// Evaluate returns the model's mean loss and accuracy (see the loss and
// TrainOnBatch for their definitions; accuracy is NaN for regression) on
// (x, y), without changing the model (Dropout layers pass their inputs
// through).
func (m *Model) Evaluate(x, y Matrix) (loss, accuracy float64, err error) {
	if err := m.checkData(x, y, "x", "y"); err != nil {
		return 0, 0, err
	}
	w := m.getEval(x.Rows)
	defer m.putEval(w)
	return m.evaluate(w, x, y)
}

func (m *Model) evaluate(w *workspace, x, y Matrix) (loss, accuracy float64, err error) {
	L := len(m.layers) - 1
	var lossSum, accSum float64
	for r0 := 0; r0 < x.Rows; r0 += w.cap {
		rows := min(w.cap, x.Rows-r0)
		m.forward(w, x.Data[r0*m.inputs:], rows, false)
		yb := y.Data[r0*y.Cols : (r0+rows)*y.Cols]
		lossSum += m.batchLoss(w, yb, rows) * float64(rows)
		accSum += m.accuracy(w.a[L][:rows*m.Outputs()], yb, rows) * float64(rows)
	}
	return lossSum / float64(x.Rows), accSum / float64(x.Rows), nil
}

// batchLoss returns the loss of the forward pass in w against y, without
// gradients.
func (m *Model) batchLoss(w *workspace, y []float32, rows int) float64 {
	L := len(m.layers) - 1
	d := m.layers[L]
	n := rows * d.units
	z, a := w.z[L][:n], w.a[L][:n]
	switch m.loss {
	case BinaryCrossEntropy:
		return kernels.BCEWithLogitsLoss(z, y[:n])
	case CategoricalCrossEntropy:
		return kernels.CCEWithLogitsLoss(z, y[:n], d.units)
	case SparseCategoricalCrossEntropy:
		labels := w.labels[:rows]
		for i := range labels {
			labels[i] = int32(y[i])
		}
		return kernels.SparseCCEWithLogitsLoss(z, labels, d.units)
	}
	return kernels.MSELoss(a, y[:n])
}

// InputGradients returns, for each sample of x, the gradient of the
// model's output with respect to its inputs (a saliency map): for a model
// with one output, ∂output/∂x; with several, ∂output_c/∂x for the class c
// the model predicts for that sample (its argmax). The result has x's
// shape. The model is not changed.
func (m *Model) InputGradients(x Matrix) (Matrix, error) {
	if err := m.checkInputs(x, "x"); err != nil {
		return Matrix{}, err
	}
	g := NewMatrix(x.Rows, m.inputs)
	w := m.getEval(x.Rows)
	defer m.putEval(w)
	L := len(m.layers) - 1
	d := m.layers[L]
	for r0 := 0; r0 < x.Rows; r0 += w.cap {
		rows := min(w.cap, x.Rows-r0)
		xb := x.Data[r0*m.inputs:]
		m.forward(w, xb, rows, false)
		// Seed ∂output_c/∂a = one-hot(c), through the last activation.
		da := w.da[:rows*d.units]
		clear(da)
		a := w.a[L][:rows*d.units]
		for r := range rows {
			da[r*d.units+argmax(a[r*d.units:(r+1)*d.units])] = 1
		}
		activationGrad(d, w.dz[L][:rows*d.units], da, w.z[L][:rows*d.units], a, rows)
		m.backward(w, xb, rows, true)
		copy(g.Data[r0*m.inputs:], w.da[:rows*m.inputs])
	}
	return g, nil
}
