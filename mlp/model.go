package mlp

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sync"
	"sync/atomic"
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
