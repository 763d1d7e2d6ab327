package mlp

import (
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
)

// SetLearningRate sets the optimizer's learning rate, keeping its state
// (Adam's moments, SGD's velocity, the step count), unlike a new Compile.
// The model must be compiled and lr positive and finite.
func (m *Model) SetLearningRate(lr float32) error {
	if err := m.built(); err != nil {
		return err
	}
	if !m.compiled {
		return errors.New("mlp: the model is not compiled (call Compile first)")
	}
	if !positive(lr) {
		return fmt.Errorf("mlp: learning rate %v must be positive and finite", lr)
	}
	m.opt.lr = lr
	return nil
}

// LearningRate returns the optimizer's learning rate (0 if the model is
// not compiled); a FitConfig.Schedule overrides it during its fit.
func (m *Model) LearningRate() float32 {
	if m.built() != nil || !m.compiled {
		return 0
	}
	return m.opt.lr
}

// denseLayer returns the Dense layer at index layer of the layers given
// to New (Dropout layers count).
func (m *Model) denseLayerAt(layer int) (*dense, error) {
	if err := m.built(); err != nil {
		return nil, err
	}
	if layer < 0 || layer >= len(m.spec) {
		return nil, fmt.Errorf("mlp: layer %d of %d", layer, len(m.spec))
	}
	if m.denseAt[layer] < 0 {
		return nil, fmt.Errorf("mlp: layer %d is a Dropout layer, which has no weights", layer)
	}
	return m.layers[m.denseAt[layer]], nil
}

// Weights returns copies of the weights and biases of layer (an index
// into the layers given to New, Dropout layers included, as Summary
// numbers them): w is inputs×units (w.At(i, j) connects input i to unit j)
// and b is 1×units.
func (m *Model) Weights(layer int) (w, b Matrix, err error) {
	d, err := m.denseLayerAt(layer)
	if err != nil {
		return Matrix{}, Matrix{}, err
	}
	w, b = NewMatrix(d.in, d.units), NewMatrix(1, d.units)
	copy(w.Data, d.w)
	copy(b.Data, d.b)
	return w, b, nil
}

// SetWeights replaces the weights and biases of layer (numbered as for
// Weights) with copies of w (inputs×units) and b (1×units), which must be
// finite. The optimizer state is kept. On an error the model is unchanged.
func (m *Model) SetWeights(layer int, w, b Matrix) error {
	d, err := m.denseLayerAt(layer)
	if err != nil {
		return err
	}
	if err := w.check("w"); err != nil {
		return err
	}
	if err := b.check("b"); err != nil {
		return err
	}
	if w.Rows != d.in || w.Cols != d.units {
		return fmt.Errorf("mlp: layer %d: w is %d×%d, want %d×%d", layer, w.Rows, w.Cols, d.in, d.units)
	}
	if b.Rows != 1 || b.Cols != d.units {
		return fmt.Errorf("mlp: layer %d: b is %d×%d, want 1×%d", layer, b.Rows, b.Cols, d.units)
	}
	copy(d.w, w.Data)
	copy(d.b, b.Data)
	return nil
}

// layerName is a layer's name in Summary: its kind and index in New's list.
func (l Layer) name(i int) string {
	if l.kind == dropoutLayer {
		return fmt.Sprintf("dropout_%d (Dropout %g)", i, l.rate)
	}
	return fmt.Sprintf("dense_%d (Dense)", i)
}

// Summary returns a Keras-like table of the model: every layer with its
// activation, output shape and number of parameters, then the total, and
// the optimizer and loss if compiled.
func (m *Model) Summary() string {
	if m.built() != nil {
		return errNoModel.Error() + "\n"
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "Model: %s → %s\n", plural(m.inputs, "input"), plural(m.Outputs(), "output"))
	tw := tabwriter.NewWriter(&sb, 0, 0, 3, ' ', 0)
	fmt.Fprintln(tw, "Layer (type)\tActivation\tOutput shape\tParams")
	units := m.inputs
	for i, l := range m.spec {
		act, params := "-", 0
		if l.kind == denseLayer {
			d := m.layers[m.denseAt[i]]
			act, params, units = l.act.String(), len(d.w)+len(d.b), l.units
		}
		fmt.Fprintf(tw, "%s\t%s\t(None, %d)\t%d\n", l.name(i), act, units, params)
	}
	tw.Flush()
	fmt.Fprintf(&sb, "Total params: %d\n", len(m.params))
	if m.compiled {
		fmt.Fprintf(&sb, "Optimizer: %v, loss: %v, steps taken: %d\n", m.opt, m.loss, m.state.step)
	} else {
		sb.WriteString("Not compiled\n")
	}
	return sb.String()
}

// String returns a one-line description of the model, e.g.
// "mlp.Model(2 → Dense(10, relu) → Dense(1, sigmoid); 41 params)".
func (m *Model) String() string {
	if m.built() != nil {
		return "mlp.Model(not built)"
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "mlp.Model(%d", m.inputs)
	for _, l := range m.spec {
		if l.kind == dropoutLayer {
			fmt.Fprintf(&sb, " → Dropout(%g)", l.rate)
		} else {
			fmt.Fprintf(&sb, " → Dense(%d, %v)", l.units, l.act)
		}
	}
	fmt.Fprintf(&sb, "; %d params)", len(m.params))
	return sb.String()
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
