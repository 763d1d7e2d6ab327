package mlp

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"

	"github.com/emberml/ember/internal/ref"
)

// refLoss is the float64 reference path: the model's forward pass and loss
// computed with internal/ref (Dgemm, the activations, BiasAdd, the losses)
// for parameters params (the model's layout), on x and y; masks, if not
// nil, holds for each Dense layer the dropout mask its input is multiplied
// by (nil for none).
func refLoss(m *Model, params []float64, x, y Matrix, masks ...[]float32) float64 {
	rows := x.Rows
	in := make([]float64, len(x.Data))
	for i, v := range x.Data {
		in[i] = float64(v)
	}
	off := 0
	var z, a []float64
	for l, d := range m.layers {
		if l < len(masks) && masks[l] != nil {
			dropped := make([]float64, len(in))
			for i, v := range in {
				dropped[i] = v * float64(masks[l][i])
			}
			in = dropped
		}
		w := params[off : off+d.in*d.units]
		off += d.in * d.units
		b := params[off : off+d.units]
		off += d.units
		z = make([]float64, rows*d.units)
		ref.Dgemm(blas.NoTrans, blas.NoTrans, rows, d.units, d.in, 1, in, d.in, w, d.units, 0, z, d.units)
		ref.BiasAdd(z, z, b)
		a = make([]float64, len(z))
		switch d.act {
		case Linear:
			copy(a, z)
		case ReLU:
			for i, v := range z {
				a[i] = ref.ReLU(v)
			}
		case Sigmoid:
			for i, v := range z {
				a[i] = ref.Sigmoid(v)
			}
		case Tanh:
			for i, v := range z {
				a[i] = ref.Tanh(v)
			}
		case LeakyReLU:
			for i, v := range z {
				a[i] = ref.LeakyReLU(v, float64(d.slope))
			}
		case Softmax:
			ref.Softmax(a, z, d.units)
		}
		in = a
	}
	yt := make([]float64, len(y.Data))
	for i, v := range y.Data {
		yt[i] = float64(v)
	}
	out := m.Outputs()
	switch m.loss {
	case BinaryCrossEntropy:
		return ref.BCEWithLogits(z, yt, nil)
	case CategoricalCrossEntropy:
		return ref.CCEWithLogits(z, yt, out, nil)
	case SparseCategoricalCrossEntropy:
		labels := make([]int, len(yt))
		for i, v := range yt {
			labels[i] = int(v)
		}
		return ref.SparseCCEWithLogits(z, labels, out, nil)
	}
	return ref.MSE(a, yt, out, nil)
}

// gradCase is one layer/activation/loss combination.
type gradCase struct {
	hidden Activation
	out    Activation
	loss   Loss
	units  int
}

func gradCases() []gradCase {
	var cases []gradCase
	for _, h := range []Activation{Linear, ReLU, Sigmoid, Tanh, LeakyReLU} {
		cases = append(cases,
			gradCase{h, Sigmoid, BinaryCrossEntropy, 2},
			gradCase{h, Softmax, CategoricalCrossEntropy, 3},
			gradCase{h, Softmax, SparseCategoricalCrossEntropy, 3},
		)
		for _, o := range []Activation{Linear, ReLU, Sigmoid, Tanh, LeakyReLU, Softmax} {
			cases = append(cases, gradCase{h, o, MSE, 2})
		}
	}
	return cases
}

// targets returns y for a gradCase: probabilities, one-hot rows, labels or
// real values.
func (gc gradCase) targets(r *rand.Rand, rows int) Matrix {
	switch gc.loss {
	case BinaryCrossEntropy:
		y := NewMatrix(rows, gc.units)
		for i := range y.Data {
			y.Data[i] = float32(r.IntN(2))
		}
		return y
	case CategoricalCrossEntropy:
		y := NewMatrix(rows, gc.units)
		for i := range rows {
			y.Data[i*gc.units+r.IntN(gc.units)] = 1
		}
		return y
	case SparseCategoricalCrossEntropy:
		y := NewMatrix(rows, 1)
		for i := range y.Data {
			y.Data[i] = float32(r.IntN(gc.units))
		}
		return y
	}
	y := NewMatrix(rows, gc.units)
	for i := range y.Data {
		y.Data[i] = float32(r.Float64())
	}
	return y
}

// model returns a model of 4 inputs and layers, compiled with SGD(0.1)
// and gc's loss.
func (gc gradCase) model(t *testing.T, layers ...Layer) *Model {
	t.Helper()
	m, err := New(4, layers...)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Compile(SGD(0.1), gc.loss); err != nil {
		t.Fatal(err)
	}
	return m
}

// forward draws 6 rows of inputs and gc's targets from r and runs m's
// training forward pass on them, returning them and the workspace.
func (gc gradCase) forward(r *rand.Rand, m *Model) (x, y Matrix, w *workspace) {
	x = randMatrix(r, 6, 4)
	y = gc.targets(r, 6)
	w = m.newWorkspace(6, true)
	copy(w.x, x.Data)
	copy(w.y, y.Data)
	m.forward(w, w.x, 6, true)
	return x, y, w
}

func randMatrix(r *rand.Rand, rows, cols int) Matrix {
	x := NewMatrix(rows, cols)
	for i := range x.Data {
		x.Data[i] = float32(2*r.Float64() - 1)
	}
	return x
}

// refGrad returns the model's parameters in float64 (p), the central
// differences (h = 2⁻¹⁶) of refLoss at p on x and y under masks (g), and the
// largest |g[i]| (scale).
func refGrad(m *Model, x, y Matrix, masks ...[]float32) (p, g []float64, scale float64) {
	p = make([]float64, len(m.params))
	for i, v := range m.params {
		p[i] = float64(v)
	}
	g = make([]float64, len(p))
	ref.CentralDiff(func(q []float64) float64 { return refLoss(m, q, x, y, masks...) }, p, 0x1p-16, g)
	for _, v := range g {
		scale = math.Max(scale, math.Abs(v))
	}
	return p, g, scale
}

// checkGradients checks a training pass's loss and m.grads against refLoss
// and refGrad: the loss within 1e-5 relative (plus 1e-5), each gradient
// within 2e-4 of the gradient's scale plus 1e-7.
func checkGradients(t *testing.T, m *Model, loss float64, x, y Matrix, masks ...[]float32) {
	t.Helper()
	p, want, scale := refGrad(m, x, y, masks...)
	if rl := refLoss(m, p, x, y, masks...); math.Abs(loss-rl) > 1e-5*(1+math.Abs(rl)) {
		t.Errorf("loss %v, reference %v", loss, rl)
	}
	for i, g := range m.grads {
		if d := math.Abs(float64(g) - want[i]); d > 2e-4*scale+1e-7 {
			t.Errorf("param %d: gradient %v, central difference %v (scale %v)", i, g, want[i], scale)
		}
	}
}

// TestGradientCheck compares the model's float32 back-propagated gradient
// of the loss with central differences of internal/ref's float64 forward
// pass, for every combination of hidden activation, output activation and
// loss. The float32 gradient carries rounding errors of about k·u relative
// to the magnitudes summed (k ≤ 16 terms per sum here, u = 2⁻²⁴, a few
// layers deep), against which 2e-4 of the gradient's scale is a wide
// margin; the finite differences (h = 2⁻¹⁶ in float64) are accurate to
// ~1e-9.
func TestGradientCheck(t *testing.T) {
	for i, gc := range gradCases() {
		t.Run(fmt.Sprintf("%v-%v-%v", gc.hidden, gc.out, gc.loss), func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(i), 3))
			m := gc.model(t, Dense(5, gc.hidden, WithSlope(0.1)), Dense(gc.units, gc.out, WithSlope(0.1)))
			x, y, w := gc.forward(r, m)
			loss := m.outputGrad(w, w.y, 6)
			m.backward(w, w.x, 6, false)
			checkGradients(t, m, loss, x, y)
		})
	}
}

// TestDropoutGradientCheck: with Dropout before each Dense layer (inputs
// dropped too), the back-propagated gradient matches central differences
// of the reference forward pass under the same masks, drawn by a training
// forward pass and then held fixed. Every mask has both kept and dropped
// entries, so both paths are checked.
func TestDropoutGradientCheck(t *testing.T) {
	for i, gc := range []gradCase{
		{Tanh, Sigmoid, BinaryCrossEntropy, 2},
		{ReLU, Softmax, SparseCategoricalCrossEntropy, 3},
		{LeakyReLU, Linear, MSE, 2},
	} {
		t.Run(fmt.Sprintf("%v-%v-%v", gc.hidden, gc.out, gc.loss), func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(i), 5))
			m := gc.model(t, Dropout(0.25), Dense(5, gc.hidden, WithSlope(0.1)), Dropout(0.5), Dense(gc.units, gc.out, WithSlope(0.1)))
			x, y, w := gc.forward(r, m)
			masks := [][]float32{w.mask[0][:6*4], w.mask[1][:6*5]}
			for l, mask := range masks {
				zeros := 0
				for _, f := range mask {
					if f == 0 {
						zeros++
					} else if want := float32(1 / (1 - float64(m.layers[l].drop))); f != want {
						t.Fatalf("mask %d holds %v, want 0 or %v", l, f, want)
					}
				}
				if zeros == 0 || zeros == len(mask) {
					t.Fatalf("mask %d drops %d of %d", l, zeros, len(mask))
				}
			}
			loss := m.outputGrad(w, w.y, 6)
			m.backward(w, w.x, 6, false)
			checkGradients(t, m, loss, x, y, masks...)
		})
	}
}

// TestTrainStepMatchesReference: one SGD step of Fit's machinery equals
// w − lr·g with g the float64 reference gradient, within lr times the
// gradient tolerance above plus the step's own rounding (u·|w| + u·lr·|g|).
func TestTrainStepMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	m, err := New(3, Dense(8, Tanh), Dense(3, Softmax))
	if err != nil {
		t.Fatal(err)
	}
	const lr = 0.05
	if err := m.Compile(SGD(lr), CategoricalCrossEntropy); err != nil {
		t.Fatal(err)
	}
	x := randMatrix(r, 10, 3)
	y := gradCase{loss: CategoricalCrossEntropy, units: 3}.targets(r, 10)
	p, g, scale := refGrad(m, x, y)
	if _, _, err := m.TrainOnBatch(x, y); err != nil {
		t.Fatal(err)
	}
	const u = 0x1p-24
	for i, v := range m.params {
		want := p[i] - lr*g[i]
		tol := lr*(2e-4*scale+1e-7) + u*math.Abs(p[i]) + u*lr*math.Abs(g[i])
		if d := math.Abs(float64(v) - want); d > tol {
			t.Errorf("param %d after the step: %v, reference %v (err %.3g > %.3g)", i, v, want, d, tol)
		}
	}
}

// TestInputGradients compares InputGradients with central differences of
// the model's own (float32) predicted-class output, in float64 steps of
// 2⁻⁸ (large enough to beat float32 rounding: the error bound is then
// ~|f”|·h² + u·|f|/h ≈ 1e-4).
func TestInputGradients(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 8))
	for _, out := range []Activation{Sigmoid, Softmax, Linear} {
		units := 3
		if out == Sigmoid {
			units = 1
		}
		m, err := New(4, Dense(6, Tanh), Dense(units, out))
		if err != nil {
			t.Fatal(err)
		}
		x := randMatrix(r, 5, 4)
		got, err := m.InputGradients(x)
		if err != nil {
			t.Fatal(err)
		}
		pred, _ := m.Predict(x)
		for s := range x.Rows {
			c := argmax(pred.Row(s))
			for j := range m.inputs {
				h := float32(0x1p-8)
				xp, xm := NewMatrix(1, 4), NewMatrix(1, 4)
				copy(xp.Data, x.Row(s))
				copy(xm.Data, x.Row(s))
				xp.Data[j] += h
				xm.Data[j] -= h
				pp, _ := m.Predict(xp)
				pm, _ := m.Predict(xm)
				fd := (float64(pp.Data[c]) - float64(pm.Data[c])) / (2 * float64(h))
				if d := math.Abs(float64(got.At(s, j)) - fd); d > 2e-3*(1+math.Abs(fd)) {
					t.Errorf("%v output: sample %d input %d: gradient %v, finite difference %v", out, s, j, got.At(s, j), fd)
				}
			}
		}
	}
}
