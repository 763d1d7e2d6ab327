package mlp

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/blas"

	"github.com/emberml/ember/kernels"
)

// Model is a stack of layers (Dense, with Dropout between them): build it
// with New, Compile it with an optimizer and a loss, then Fit, Predict,
// Evaluate, Save.
//
// Concurrency: Predict, PredictInto, PredictClasses, Evaluate,
// InputGradients, Weights, Summary and Save only read the model, so many
// goroutines may call them at once — but not while a method that changes
// it (Fit, TrainOnBatch, Compile, Init, SetWeights, SetLearningRate,
// LoadWeights) runs on the same model.
type Model struct {
	inputs  int
	spec    []Layer   // the layers as given to New (Dense and Dropout)
	layers  []*dense  // the Dense layers, each with the Dropout before it
	denseAt []int     // spec index → index in layers, or −1 for a Dropout
	params  []float32 // every layer's W then b, contiguous: one optimizer pass
	grads   []float32 // the gradient of params, same layout

	opt      Optimizer
	loss     Loss
	compiled bool
	state    optimizerState
	rng      rand.PCG // draws the dropout masks

	train *workspace // the training workspace, kept between steps
	// The inference methods' workspaces: one kept for good in evalOne
	// (a pool drops its items at every GC, which would make a serving
	// loop allocate now and then), more in evalPool for concurrent calls.
	evalOne  atomic.Pointer[workspace]
	evalPool sync.Pool
}

// DefaultSeed is the seed New draws the initial weights with.
const DefaultSeed = 1

// Size limits New enforces, so that no size computation can overflow and
// no absurd request allocates: at most maxUnits units (or inputs) per
// layer and maxParams weights in all.
const (
	maxUnits  = 1 << 24
	maxParams = min(1<<31, math.MaxInt) // 2³¹ (2³¹−1 where int is 32 bits)
)

// errNoModel is returned by every method of a nil or zero Model.
var errNoModel = errors.New("mlp: the model is not built (a nil or zero Model: use mlp.New or mlp.Load)")

// built returns errNoModel unless m was made by New or Load.
func (m *Model) built() error {
	if m == nil || len(m.layers) == 0 {
		return errNoModel
	}
	return nil
}

// New returns a model of the given layers for inputs features, its weights
// drawn with DefaultSeed (Init draws them again with another seed).
// Softmax may only be the last layer's activation; Dropout may not be last
// nor follow another Dropout.
func New(inputs int, layers ...Layer) (*Model, error) {
	if inputs < 1 || inputs > maxUnits {
		return nil, fmt.Errorf("mlp: %d inputs: need 1 to %d", inputs, maxUnits)
	}
	if len(layers) == 0 {
		return nil, errors.New("mlp: a model needs at least one layer")
	}
	n, in := int64(0), inputs
	for i, l := range layers {
		if l.kind == dropoutLayer {
			switch {
			case !(l.rate >= 0 && l.rate < 1):
				return nil, fmt.Errorf("mlp: layer %d: Dropout rate %v: need 0 ≤ rate < 1", i, l.rate)
			case i == len(layers)-1:
				return nil, fmt.Errorf("mlp: layer %d: Dropout cannot be the last layer (it would drop outputs)", i)
			case i > 0 && layers[i-1].kind == dropoutLayer:
				return nil, fmt.Errorf("mlp: layer %d: two Dropout layers in a row", i)
			}
			continue
		}
		if l.kind != denseLayer {
			return nil, fmt.Errorf("mlp: layer %d: unknown layer kind %d", i, l.kind)
		}
		if l.units < 1 || l.units > maxUnits {
			return nil, fmt.Errorf("mlp: layer %d has %d units: need 1 to %d", i, l.units, maxUnits)
		}
		if _, ok := activationNames[l.act]; !ok {
			return nil, fmt.Errorf("mlp: layer %d: unknown activation %v", i, l.act)
		}
		if l.act == Softmax && i != len(layers)-1 {
			return nil, fmt.Errorf("mlp: layer %d: Softmax is only allowed on the last layer", i)
		}
		if l.init != GlorotUniform && l.init != HeUniform {
			return nil, fmt.Errorf("mlp: layer %d: unknown initializer %d", i, l.init)
		}
		if f := float64(l.slope); math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("mlp: layer %d: slope %v is not finite", i, l.slope)
		}
		n += int64(in)*int64(l.units) + int64(l.units) // each term < 2⁴⁹, n ≤ maxParams: no overflow
		in = l.units
		if n > maxParams {
			return nil, fmt.Errorf("mlp: more than %d parameters", maxParams)
		}
	}
	m := &Model{inputs: inputs, spec: append([]Layer(nil), layers...), denseAt: make([]int, len(layers))}
	m.params = make([]float32, n)
	m.grads = make([]float32, n)
	off, in := 0, inputs
	var drop float32
	for i, l := range layers {
		m.denseAt[i] = -1
		if l.kind == dropoutLayer {
			drop = l.rate
			continue
		}
		d := &dense{Layer: l, in: in, drop: drop}
		drop = 0
		nw := in * l.units
		d.w, d.gw = m.params[off:off+nw], m.grads[off:off+nw]
		off += nw
		d.b, d.gb = m.params[off:off+l.units], m.grads[off:off+l.units]
		off += l.units
		m.denseAt[i] = len(m.layers)
		m.layers = append(m.layers, d)
		in = l.units
	}
	m.Init(DefaultSeed)
	return m, nil
}

// Init draws every layer's weights again from the given seed (biases to
// zero), reseeds the dropout masks and resets the optimizer state: a
// fresh, reproducible start. It does nothing on a nil or zero Model.
func (m *Model) Init(seed uint64) {
	if m.built() != nil {
		return
	}
	r := rand.New(rand.NewPCG(seed, seed^0x5851f42d4c957f2d))
	for _, d := range m.layers {
		d.initWeights(r)
	}
	m.seedDropout(seed)
	m.resetOptimizer()
}

// seedDropout restarts the dropout masks' random stream from seed.
func (m *Model) seedDropout(seed uint64) {
	m.rng.Seed(seed^0x9c2d6a1f3b5e8047, seed+0x2545f4914f6cdd1d)
}

func (m *Model) resetOptimizer() {
	if m.compiled {
		m.state = optimizerState{m: make([]float32, len(m.params)), v: make([]float32, len(m.params))}
	}
}

// Inputs returns the number of input features (0 for a nil or zero Model).
func (m *Model) Inputs() int {
	if m.built() != nil {
		return 0
	}
	return m.inputs
}

// Outputs returns the number of outputs, the last layer's units (0 for a
// nil or zero Model).
func (m *Model) Outputs() int {
	if m.built() != nil {
		return 0
	}
	return m.layers[len(m.layers)-1].units
}

// NumParams returns the number of weights and biases (0 for a nil or zero
// Model).
func (m *Model) NumParams() int {
	if m.built() != nil {
		return 0
	}
	return len(m.params)
}

// Compile sets the optimizer and the loss, and resets the optimizer state.
// The loss must suit the output layer: BinaryCrossEntropy needs Sigmoid,
// the categorical losses Softmax (they are computed from the logits).
func (m *Model) Compile(opt Optimizer, loss Loss) error {
	if err := m.built(); err != nil {
		return err
	}
	if err := opt.check(); err != nil {
		return err
	}
	if err := loss.checkWith(m.layers[len(m.layers)-1].act); err != nil {
		return err
	}
	m.opt, m.loss, m.compiled = opt, loss, true
	m.resetOptimizer()
	return nil
}

// workspace holds one batch's activations and gradients, sized for up to
// cap rows. Training keeps one in the model; the inference methods take
// theirs from a pool, so they can run concurrently without allocating.
type workspace struct {
	cap       int
	x, y      []float32   // the batch's inputs and targets (training only)
	z, a      [][]float32 // per layer: pre-activation, activation (a may be z)
	dz        [][]float32 // per layer: gradient with respect to z
	da        []float32   // gradient with respect to a layer's input
	labels    []int32     // sparse targets as ints
	mask, din [][]float32 // per layer with dropout (training only): the input mask (0 or 1/(1−rate)) and the masked input
	train     bool        // whether the last forward pass applied dropout
}

func (m *Model) newWorkspace(rows int, train bool) *workspace {
	w := &workspace{cap: rows}
	if train {
		w.x = make([]float32, rows*m.inputs)
		w.y = make([]float32, rows*max(m.Outputs(), 1))
	}
	maxIn := m.inputs
	for _, d := range m.layers {
		z := make([]float32, rows*d.units)
		a := z
		if d.act != Linear {
			a = make([]float32, rows*d.units)
		}
		w.z = append(w.z, z)
		w.a = append(w.a, a)
		w.dz = append(w.dz, make([]float32, rows*d.units))
		var mask, din []float32
		if train && d.drop > 0 {
			mask, din = make([]float32, rows*d.in), make([]float32, rows*d.in)
		}
		w.mask = append(w.mask, mask)
		w.din = append(w.din, din)
		maxIn = max(maxIn, d.units)
	}
	w.da = make([]float32, rows*maxIn)
	w.labels = make([]int32, rows)
	return w
}

// getEval returns an inference workspace for up to rows rows (at most
// evalBatch) from the pool; putEval gives it back.
func (m *Model) getEval(rows int) *workspace {
	rows = min(rows, evalBatch)
	if w := m.evalOne.Swap(nil); w != nil {
		if w.cap >= rows {
			return w
		}
		m.evalPool.Put(w)
	}
	if w, ok := m.evalPool.Get().(*workspace); ok && w.cap >= rows {
		return w
	}
	return m.newWorkspace(rows, false)
}

func (m *Model) putEval(w *workspace) {
	if !m.evalOne.CompareAndSwap(nil, w) {
		m.evalPool.Put(w)
	}
}

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
	if !allFinite(m.grads) {
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
