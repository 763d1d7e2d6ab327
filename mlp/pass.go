package mlp

import (
	"errors"
	"fmt"
	"math"

	"github.com/emberml/ember/kernels"
	"gonum.org/v1/gonum/blas"
)

// The network's passes over one batch: forward, the loss gradient, backward
// through every layer, and the optimizer step (TrainOnBatch and Fit).

// forward computes every layer's z and a for the first rows rows of x;
// with train, the dropout layers drop (with fresh masks).
func (m *Model) forward(w *workspace, x []float32, rows int, train bool) {
	w.train = train
	in := x[:rows*m.inputs]
	for l, d := range m.layers {
		if train && d.drop > 0 {
			mask, din := w.mask[l][:rows*d.in], w.din[l][:rows*d.in]
			m.drawMask(mask, d.drop)
			for i, v := range in {
				din[i] = v * mask[i]
			}
			in = din
		}
		z, a := w.z[l][:rows*d.units], w.a[l][:rows*d.units]
		kernels.Sgemm(blas.NoTrans, blas.NoTrans, rows, d.units, d.in, 1, in, d.in, d.w, d.units, 0, z, d.units)
		kernels.BiasAdd(z, z, d.b)
		switch d.act {
		case ReLU:
			kernels.ReLU(a, z)
		case Sigmoid:
			kernels.Sigmoid(a, z)
		case Tanh:
			kernels.Tanh(a, z)
		case LeakyReLU:
			kernels.LeakyReLU(a, z, d.slope)
		case Softmax:
			kernels.Softmax(a, z, d.units)
		}
		in = a
	}
}

// drawMask fills mask with inverted-dropout factors: 0 with probability
// rate, else 1/(1−rate), from the model's dropout stream (two 32-bit draws
// per 64-bit number).
func (m *Model) drawMask(mask []float32, rate float32) {
	thr := uint32(min(float64(rate)*(1<<32), math.MaxUint32))
	keep := float32(1 / (1 - float64(rate)))
	pick := func(u uint32) float32 {
		if u < thr {
			return 0
		}
		return keep
	}
	for i := 0; i < len(mask); i += 2 {
		r := m.rng.Uint64()
		mask[i] = pick(uint32(r))
		if i+1 < len(mask) {
			mask[i+1] = pick(uint32(r >> 32))
		}
	}
}

// outputGrad sets the last layer's dz for targets y (rows rows) and
// returns the batch loss.
func (m *Model) outputGrad(w *workspace, y []float32, rows int) float64 {
	L := len(m.layers) - 1
	d := m.layers[L]
	n := rows * d.units
	z, a, dz := w.z[L][:n], w.a[L][:n], w.dz[L][:n]
	// The fused gradients are scale·(σ(z) − y) and scale·(softmax(z) − y):
	// forward has already computed σ(z) or softmax(z) into a, with the same
	// kernels, so they are formed from a (the same bits as
	// kernels.BCEWithLogitsGrad and the CCE ones, without a
	// second pass of exponentials).
	switch m.loss {
	case BinaryCrossEntropy:
		copy(dz, a)
		kernels.Axpy(-1, y[:n], dz)
		kernels.Scale(1/float32(n), dz)
		return kernels.BCEWithLogitsLoss(z, y[:n])
	case CategoricalCrossEntropy:
		copy(dz, a)
		kernels.Axpy(-1, y[:n], dz)
		kernels.Scale(1/float32(rows), dz)
		return kernels.CCEWithLogitsLoss(z, y[:n], d.units)
	case SparseCategoricalCrossEntropy:
		labels := w.labels[:rows]
		copy(dz, a)
		for i := range labels {
			labels[i] = int32(y[i])
			dz[i*d.units+int(labels[i])] -= 1
		}
		kernels.Scale(1/float32(rows), dz)
		return kernels.SparseCCEWithLogitsLoss(z, labels, d.units)
	}
	// MSE: dL/da = 2(a − y)/n, then through the activation.
	loss := kernels.MSELoss(a, y[:n])
	da := w.da[:n]
	copy(da, a)
	kernels.Axpy(-1, y[:n], da)
	kernels.Scale(2/float32(n), da)
	activationGrad(d, dz, da, z, a, rows)
	return loss
}

// activationGrad sets dz = da ⊙ act'(z) for layer d (rows rows); a is the
// layer's output.
func activationGrad(d *dense, dz, da, z, a []float32, rows int) {
	switch d.act {
	case Linear:
		copy(dz, da)
	case ReLU:
		kernels.ReLUGrad(dz, da, z)
	case Sigmoid:
		kernels.SigmoidGrad(dz, da, a)
	case Tanh:
		kernels.TanhGrad(dz, da, a)
	case LeakyReLU:
		kernels.LeakyReLUGrad(dz, da, z, d.slope)
	case Softmax:
		// dz_j = s_j·(da_j − Σ_k da_k·s_k), row by row (only reached with
		// MSE on a softmax output, or for input gradients).
		c := d.units
		for r := range rows {
			s, g, out := a[r*c:(r+1)*c], da[r*c:(r+1)*c], dz[r*c:(r+1)*c]
			dot := kernels.Dot(g, s)
			for j := range out {
				out[j] = s[j] * (g[j] - dot)
			}
		}
	}
}

// backward propagates the last layer's dz down, filling m.grads; with
// inputGrad it also leaves ∂/∂x in w.da (rows×inputs).
func (m *Model) backward(w *workspace, x []float32, rows int, inputGrad bool) {
	for l := len(m.layers) - 1; l >= 0; l-- {
		d := m.layers[l]
		dz := w.dz[l][:rows*d.units]
		in := x[:rows*m.inputs]
		if l > 0 {
			in = w.a[l-1][:rows*d.in]
		}
		dropped := w.train && d.drop > 0
		if dropped {
			in = w.din[l][:rows*d.in]
		}
		if !inputGrad {
			kernels.Sgemm(blas.Trans, blas.NoTrans, d.in, d.units, rows, 1, in, d.in, dz, d.units, 0, d.gw, d.units)
			kernels.ColSums(d.gb, dz)
		}
		if l == 0 && !inputGrad {
			break
		}
		da := w.da[:rows*d.in]
		kernels.Sgemm(blas.NoTrans, blas.Trans, rows, d.in, d.units, 1, dz, d.units, d.w, d.units, 0, da, d.in)
		if dropped {
			for i, f := range w.mask[l][:rows*d.in] {
				da[i] *= f
			}
		}
		if l > 0 {
			p := m.layers[l-1]
			activationGrad(p, w.dz[l-1][:rows*p.units], da, w.z[l-1][:rows*p.units], w.a[l-1][:rows*p.units], rows)
		}
	}
}

// step trains on the batch (x, y) of rows rows (the caller's data, or
// rows gathered into w.x and w.y) with learning rate lr and returns its
// loss; the weights are left unchanged if the loss or the gradient is not
// finite.
func (m *Model) step(w *workspace, x, y []float32, rows int, lr float32) (float64, error) {
	rng := m.rng // a failed step does not advance the dropout stream either
	m.forward(w, x, rows, true)
	loss := m.outputGrad(w, y, rows)
	if math.IsNaN(loss) || math.IsInf(loss, 0) {
		m.rng = rng
		return loss, fmt.Errorf("mlp: the loss became %v; training stopped with the last finite weights", loss)
	}
	m.backward(w, x, rows, false)
	// AllFinite cuts the gradient where the optimizer step cuts it, so at
	// 2 threads each core usually reads back the half of m.grads it
	// checked (the W2 step: check 30 → 11 µs).
	if !kernels.AllFinite(m.grads) {
		m.rng = rng
		return loss, errors.New("mlp: the gradient is not finite; training stopped with the last finite weights")
	}
	m.opt.apply(m.params, m.grads, &m.state, lr)
	return loss, nil
}

// TrainOnBatch performs one optimizer step on the batch (x, y) and returns
// the batch's loss and accuracy (as Evaluate defines it) before the step.
// After the first call with a given batch size it allocates nothing. On an
// error the model is unchanged.
func (m *Model) TrainOnBatch(x, y Matrix) (loss, accuracy float64, err error) {
	if err := m.checkData(x, y, "x", "y"); err != nil {
		return 0, 0, err
	}
	w, err := m.trainWorkspace(x.Rows)
	if err != nil {
		return 0, 0, err
	}
	loss, err = m.step(w, x.Data, y.Data, x.Rows, m.opt.lr)
	if err != nil {
		return loss, 0, err
	}
	return loss, m.accuracy(w.a[len(m.layers)-1][:x.Rows*m.Outputs()], y.Data, x.Rows), nil
}

// trainWorkspace returns the training workspace, grown to rows rows; it
// refuses a batch whose largest buffer would exceed maxParams values.
func (m *Model) trainWorkspace(rows int) (*workspace, error) {
	if m.train == nil || m.train.cap < rows {
		widest := m.inputs
		for _, d := range m.layers {
			widest = max(widest, d.units)
		}
		if n, ok := shapeLen(rows, widest); !ok || int64(n) > maxParams {
			return nil, fmt.Errorf("mlp: a batch of %d rows needs buffers of %d×%d values: use a smaller BatchSize", rows, rows, widest)
		}
		m.train = m.newWorkspace(rows, true)
	}
	return m.train, nil
}

// checkData returns an error unless the model is compiled and (x, y) is a
// valid data set for it.
func (m *Model) checkData(x, y Matrix, xName, yName string) error {
	if err := m.built(); err != nil {
		return err
	}
	if !m.compiled {
		return errors.New("mlp: the model is not compiled (call Compile first)")
	}
	if err := m.checkInputs(x, xName); err != nil {
		return err
	}
	return m.loss.checkTargets(y, x.Rows, m.Outputs(), yName)
}

func (m *Model) checkInputs(x Matrix, name string) error {
	if err := m.built(); err != nil {
		return err
	}
	if err := x.check(name); err != nil {
		return err
	}
	if x.Cols != m.inputs {
		return fmt.Errorf("mlp: %s has %d columns for a model of %d inputs", name, x.Cols, m.inputs)
	}
	return nil
}
