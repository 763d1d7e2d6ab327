package mlp

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Activation is a layer's elementwise (or, for Softmax, row-wise) output
// function.
type Activation uint8

// The activations. Softmax is allowed only on the last layer.
const (
	Linear    Activation = iota + 1 // identity
	ReLU                            // max(x, 0)
	Sigmoid                         // 1/(1+e^−x)
	Tanh                            // tanh(x)
	Softmax                         // e^x / Σ e^x over the row
	LeakyReLU                       // x if x > 0, else slope·x (slope 0.01 unless WithSlope)
)

var activationNames = map[Activation]string{
	Linear: "linear", ReLU: "relu", Sigmoid: "sigmoid", Tanh: "tanh", Softmax: "softmax", LeakyReLU: "leaky_relu",
}

// String returns the Keras name of the activation.
func (a Activation) String() string {
	if s, ok := activationNames[a]; ok {
		return s
	}
	return fmt.Sprintf("Activation(%d)", uint8(a))
}

// Initializer chooses how a Dense layer's weights are drawn (biases start
// at zero).
type Initializer uint8

// The initializers.
const (
	// GlorotUniform draws from U(−l, l) with l = sqrt(6/(in+out)): Keras's
	// default.
	GlorotUniform Initializer = iota + 1
	// HeUniform draws from U(−l, l) with l = sqrt(6/in): suited to ReLU.
	HeUniform
)

// Layer is one layer of a model, as Dense and Dropout return it.
type Layer struct {
	kind  layerKind
	units int
	act   Activation
	slope float32
	init  Initializer
	rate  float32 // Dropout's
}

type layerKind uint8

const (
	denseLayer layerKind = iota
	dropoutLayer
)

// DenseOption configures a Dense layer.
type DenseOption func(*Layer)

// WithInitializer sets how the layer's weights are drawn.
func WithInitializer(i Initializer) DenseOption { return func(l *Layer) { l.init = i } }

// WithSlope sets LeakyReLU's slope for x ≤ 0 (default 0.01, PyTorch's;
// Keras's is 0.3).
func WithSlope(s float32) DenseOption { return func(l *Layer) { l.slope = s } }

// Dense returns a fully connected layer of units outputs with activation
// act: out = act(in·W + b), W of shape inputs×units, Glorot-uniform
// initialised unless an option says otherwise. New checks the arguments.
func Dense(units int, act Activation, opts ...DenseOption) Layer {
	l := Layer{units: units, act: act, slope: 0.01, init: GlorotUniform}
	for _, o := range opts {
		o(&l)
	}
	return l
}

// Dropout returns an inverted-dropout layer: during training (Fit,
// FitContext, FitSource, TrainOnBatch) it zeroes each of its inputs with
// probability rate and scales the others by 1/(1−rate); Predict, Evaluate
// and the other inference methods pass its inputs through unchanged, as
// Keras and PyTorch do. It may come first (dropping model inputs) or
// between Dense layers, but not last nor twice in a row; New checks that
// 0 ≤ rate < 1.
//
// The masks are drawn from the model's own random stream: Init(seed)
// seeds it and every Fit reseeds it from FitConfig.Seed, so training with
// dropout is reproducible; Save keeps its state.
func Dropout(rate float32) Layer { return Layer{kind: dropoutLayer, rate: rate} }

// dense is a built layer: views of the model's parameter and gradient
// vectors.
type dense struct {
	Layer
	in     int
	drop   float32   // the rate of the Dropout layer before this one, or 0
	w, b   []float32 // in×units weights (row-major), units biases
	gw, gb []float32
}

// initWeights draws the layer's weights from r and zeroes its biases.
func (d *dense) initWeights(r *rand.Rand) {
	limit := math.Sqrt(6 / float64(d.in+d.units))
	if d.init == HeUniform {
		limit = math.Sqrt(6 / float64(d.in))
	}
	for i := range d.w {
		d.w[i] = float32((2*r.Float64() - 1) * limit)
	}
	clear(d.b)
}
