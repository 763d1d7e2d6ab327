package ref

import "math"

// Every loss in this file is reduced as the mean over the batch (over all
// elements for the elementwise losses, over rows for the categorical ones),
// returns that mean, and, if grad is non-nil, overwrites grad with the
// gradient of the returned mean with respect to the input named in its
// documentation. grad must then have the length of that input and must not
// overlap any input. An empty batch has no mean: every loss panics on it.

// MSE returns the mean squared error over all N = len(pred) elements,
//
//	L = (1/N) Σ_i (pred[i] - target[i])²,
//
// and sets grad[i] = 2·(pred[i] - target[i])/N. pred and target are
// row-major matrices with cols columns; since Keras's reduction (mean over
// the last axis, then mean over the batch) equals the mean over all
// elements, cols only validates the shape. MSE panics, with a message
// beginning "ref: ", if cols <= 0, len(pred) is not a multiple of cols or is
// 0, len(target) != len(pred), or grad is non-nil with len(grad) != len(pred).
func MSE(pred, target []float64, cols int, grad []float64) float64 {
	mustRows(len(pred), cols)
	n := mustBatch(len(pred))
	mustSameLen(len(target), len(pred), "pred and target")
	mustGrad(grad, len(pred))
	var s float64
	for i := range pred {
		d := pred[i] - target[i]
		s += d * d
	}
	if grad != nil {
		for i := range pred {
			grad[i] = 2 * (pred[i] - target[i]) / n
		}
	}
	return s / n
}

// BCE returns the binary cross-entropy of probabilities prob against targets
// target (usually 0 or 1; any value in [0, 1] is allowed), the mean over all
// N = len(prob) elements of
//
//	ℓ_i = -[ t·log(p) + (1-t)·log(1-p) ],   p = prob[i], t = target[i],
//
// with the convention 0·log(0) = 0 (a term whose coefficient t or 1-t is
// exactly 0 contributes 0 unless its logarithm is NaN), so a confident
// correct prediction (p = t ∈ {0, 1}) costs 0 and a confident wrong one
// costs +Inf. No clipping of p is done (Keras clips p to [1e-7, 1-1e-7] and
// PyTorch clamps each log at -100; this oracle does neither). It sets
//
//	grad[i] = (p - t) / (p·(1-p)) / N,
//
// the derivative with respect to p, which is only finite for 0 < p < 1. BCE
// panics, with a message beginning "ref: ", if len(prob) == 0,
// len(target) != len(prob), or grad is non-nil with len(grad) != len(prob).
func BCE(prob, target []float64, grad []float64) float64 {
	n := mustBatch(len(prob))
	mustSameLen(len(target), len(prob), "prob and target")
	mustGrad(grad, len(prob))
	var s float64
	for i, p := range prob {
		t := target[i]
		s += -(xmul(t, math.Log(p)) + xmul(1-t, math.Log(1-p)))
	}
	if grad != nil {
		for i, p := range prob {
			grad[i] = (p - target[i]) / (p * (1 - p)) / n
		}
	}
	return s / n
}

// BCEWithLogits returns the binary cross-entropy of sigmoid(logits) against
// target, computed from the logits in the stable form (as TensorFlow and
// PyTorch do), the mean over all N = len(logits) elements of
//
//	ℓ_i = max(z, 0) - z·t + log1p(exp(-|z|)),   z = logits[i], t = target[i],
//
// which equals -[t·log σ(z) + (1-t)·log(1-σ(z))] but never overflows and
// stays finite for any finite z. It sets
//
//	grad[i] = (Sigmoid(z) - t) / N,
//
// the derivative with respect to the logit z. BCEWithLogits panics, with a
// message beginning "ref: ", if len(logits) == 0, len(target) !=
// len(logits), or grad is non-nil with len(grad) != len(logits).
func BCEWithLogits(logits, target []float64, grad []float64) float64 {
	n := mustBatch(len(logits))
	mustSameLen(len(target), len(logits), "logits and target")
	mustGrad(grad, len(logits))
	var s float64
	for i, z := range logits {
		s += max(z, 0) - z*target[i] + math.Log1p(math.Exp(-math.Abs(z)))
	}
	if grad != nil {
		for i, z := range logits {
			grad[i] = (Sigmoid(z) - target[i]) / n
		}
	}
	return s / n
}

// CCEWithLogits returns the categorical cross-entropy of softmax(logits)
// against the target distributions target (one-hot or any distribution per
// row), both row-major with cols columns and rows = len(logits)/cols rows:
//
//	L = (1/rows) Σ_r -Σ_j target[r,j]·LogSoftmax(logits)[r,j]
//
// with the convention 0·(-Inf) = 0 (a term with target exactly 0 contributes
// 0 unless its log-softmax is NaN), so a logit of -Inf in a class with
// target 0 costs nothing. LogSoftmax and its special cases are those of the
// function LogSoftmax. It sets
//
//	grad[r,j] = (Softmax(logits)[r,j] - target[r,j]) / rows,
//
// the derivative with respect to the logits (exact when each target row
// sums to 1). CCEWithLogits panics, with a message beginning "ref: ", if
// cols <= 0, len(logits) is not a multiple of cols or is 0, len(target) !=
// len(logits), or grad is non-nil with len(grad) != len(logits).
func CCEWithLogits(logits, target []float64, cols int, grad []float64) float64 {
	rows := mustRows(len(logits), cols)
	nr := mustBatch(rows)
	mustSameLen(len(target), len(logits), "logits and target")
	mustGrad(grad, len(logits))
	ls := make([]float64, len(logits))
	LogSoftmax(ls, logits, cols)
	var s float64
	for r := 0; r < rows; r++ {
		var row float64
		for j := 0; j < cols; j++ {
			row += xmul(target[r*cols+j], ls[r*cols+j])
		}
		s += -row
	}
	if grad != nil {
		Softmax(grad, logits, cols)
		for i := range grad {
			grad[i] = (grad[i] - target[i]) / nr
		}
	}
	return s / nr
}

// SparseCCEWithLogits is CCEWithLogits with integer class labels instead of
// one-hot target rows: with rows = len(labels) and logits row-major
// rows×cols,
//
//	L = (1/rows) Σ_r -LogSoftmax(logits)[r, labels[r]]
//
// and
//
//	grad[r,j] = (Softmax(logits)[r,j] - [j == labels[r]]) / rows.
//
// SparseCCEWithLogits panics, with a message beginning "ref: ", if a label
// is outside [0, cols), if cols <= 0, len(labels) == 0, len(logits) !=
// len(labels)·cols, or grad is non-nil with len(grad) != len(logits).
func SparseCCEWithLogits(logits []float64, labels []int, cols int, grad []float64) float64 {
	rows := mustRows(len(logits), cols)
	nr := mustBatch(len(labels))
	mustSameLen(rows, len(labels), "logits rows and labels")
	mustGrad(grad, len(logits))
	for _, y := range labels {
		if y < 0 || y >= cols {
			panic("ref: label out of range")
		}
	}
	ls := make([]float64, len(logits))
	LogSoftmax(ls, logits, cols)
	var s float64
	for r, y := range labels {
		s += -ls[r*cols+y]
	}
	if grad != nil {
		Softmax(grad, logits, cols)
		for r, y := range labels {
			grad[r*cols+y] -= 1
		}
		for i := range grad {
			grad[i] /= nr
		}
	}
	return s / nr
}

// xmul returns t·l, except that it returns 0 when t == 0 and l is not NaN.
// It implements the convention 0·log(0) = 0 (scipy's xlogy) used by the
// cross-entropies, without hiding a NaN.
func xmul(t, l float64) float64 {
	if t == 0 && !math.IsNaN(l) {
		return 0
	}
	return t * l
}

// mustBatch panics if n == 0 and returns n as a float64 divisor.
func mustBatch(n int) float64 {
	if n == 0 {
		panic("ref: empty batch")
	}
	return float64(n)
}
