package mlp

import "fmt"

// Loss is the training objective, reduced as the mean over the batch as
// Keras does (over all elements for MSE and BinaryCrossEntropy, over rows
// for the categorical losses).
type Loss uint8

// The losses.
const (
	// MSE is the mean squared error; any output activation. y has the
	// output's shape.
	MSE Loss = iota + 1
	// BinaryCrossEntropy needs a Sigmoid output layer: it is fused with the
	// sigmoid and computed from the logits (stable, no log(0)). y has the
	// output's shape and holds values in [0, 1] (usually 0 or 1).
	BinaryCrossEntropy
	// CategoricalCrossEntropy needs a Softmax output layer and one-hot (or
	// probability) rows in y, of the output's shape; fused with the softmax
	// and computed from the logits.
	CategoricalCrossEntropy
	// SparseCategoricalCrossEntropy needs a Softmax output layer; y is
	// Rows×1 and holds class indices 0 … units−1 (as float32 integers).
	SparseCategoricalCrossEntropy
)

var lossNames = map[Loss]string{
	MSE: "mse", BinaryCrossEntropy: "binary_crossentropy",
	CategoricalCrossEntropy: "categorical_crossentropy", SparseCategoricalCrossEntropy: "sparse_categorical_crossentropy",
}

// String returns the Keras name of the loss.
func (l Loss) String() string {
	if s, ok := lossNames[l]; ok {
		return s
	}
	return fmt.Sprintf("Loss(%d)", uint8(l))
}

// checkWith returns an error unless the loss can follow an output layer
// with activation act.
func (l Loss) checkWith(act Activation) error {
	switch l {
	case MSE:
		return nil
	case BinaryCrossEntropy:
		if act != Sigmoid {
			return fmt.Errorf("mlp: %v needs a Sigmoid output layer (it is computed from the logits), not %v", l, act)
		}
		return nil
	case CategoricalCrossEntropy, SparseCategoricalCrossEntropy:
		if act != Softmax {
			return fmt.Errorf("mlp: %v needs a Softmax output layer (it is computed from the logits), not %v", l, act)
		}
		return nil
	}
	return fmt.Errorf("mlp: unknown loss %v", l)
}

// checkTargets returns an error unless y fits a model with out outputs
// trained on n samples under this loss (shape, finiteness, label range).
func (l Loss) checkTargets(y Matrix, n, out int, what string) error {
	if err := y.check(what); err != nil {
		return err
	}
	if y.Rows != n {
		return fmt.Errorf("mlp: %s has %d rows for %d samples", what, y.Rows, n)
	}
	switch l {
	case SparseCategoricalCrossEntropy:
		if y.Cols != 1 {
			return fmt.Errorf("mlp: %s must be %d×1 class indices for %v, not %d×%d", what, n, l, y.Rows, y.Cols)
		}
		for i, v := range y.Data {
			if v != float32(int32(v)) || v < 0 || int(v) >= out {
				return fmt.Errorf("mlp: %s[%d] = %v is not a class index in [0, %d)", what, i, v, out)
			}
		}
	default:
		if y.Cols != out {
			return fmt.Errorf("mlp: %s has %d columns for %d outputs", what, y.Cols, out)
		}
		if l == BinaryCrossEntropy {
			for i, v := range y.Data {
				if v < 0 || v > 1 {
					return fmt.Errorf("mlp: %s[%d][%d] = %v is outside [0, 1] for %v", what, i/y.Cols, i%y.Cols, v, l)
				}
			}
		}
	}
	return nil
}
