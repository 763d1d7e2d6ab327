package kernels

// The losses of the MLP trainer, each the mean over a batch, and the
// fused gradients of the output activation and its cross-entropy, formed
// from logits so nothing takes log(0). Per-element terms are float32 (from
// the row operations, rowops.go); sums are accumulated in float64.
//
// One name per loss, as PyTorch spells it: MSE, BCE (binary cross-entropy
// of sigmoid(logits)), CCE (categorical cross-entropy of softmax(logits)),
// SparseCCE (CCE against integer labels). XWithLogitsLoss returns the mean
// loss, XWithLogitsGrad sets its gradient with respect to the logits.

// CCEWithLogitsGrad sets dst = alpha·(Softmax(logits) − target), row
// by row (cols columns): the gradient with respect to the logits of the
// categorical cross-entropy of softmax(logits) against the one-hot (or any
// probability) rows of target, times alpha (pass 1/batch for the gradient
// of the mean). The softmax has Softmax's accuracy; the difference and the
// product each add one rounding.
//
// dst may be logits itself but must not otherwise overlap logits or
// target. It panics if cols < 1, len(logits) is not a multiple of cols, or
// the lengths differ.
func CCEWithLogitsGrad(dst, logits, target []float32, cols int, alpha float32) {
	checkRows("CCEWithLogitsGrad", len(logits), cols)
	checkSameLen("CCEWithLogitsGrad", "dst", dst, "logits", logits)
	checkSameLen("CCEWithLogitsGrad", "dst", dst, "target", target)
	if partialOverlap(dst, logits) || overlaps(dst, target) {
		panicOverlap("CCEWithLogitsGrad: dst and an input")
	}
	raceRead(logits)
	raceRead(target)
	raceWrite(dst)
	for r := 0; r < len(logits); r += cols {
		softmaxRow(dst[r:r+cols], logits[r:r+cols])
	}
	scaledDiff(dst, target, alpha)
}

// SparseCCEWithLogitsGrad is CCEWithLogitsGrad with integer
// class labels (labels[r] is row r's class, 0 ≤ labels[r] < cols) in place
// of one-hot targets: dst = alpha·(Softmax(logits) − onehot(labels)).
//
// It panics as CCEWithLogitsGrad does, if len(labels) is not the
// number of rows, or if a label is out of range.
func SparseCCEWithLogitsGrad(dst, logits []float32, labels []int32, cols int, alpha float32) {
	checkRows("SparseCCEWithLogitsGrad", len(logits), cols)
	checkSameLen("SparseCCEWithLogitsGrad", "dst", dst, "logits", logits)
	checkLabels("SparseCCEWithLogitsGrad", labels, len(logits)/cols, cols)
	if partialOverlap(dst, logits) {
		panicOverlap("SparseCCEWithLogitsGrad: dst and logits")
	}
	raceRead(logits)
	raceWrite(dst)
	for r, label := range labels {
		row := dst[r*cols : (r+1)*cols]
		softmaxRow(row, logits[r*cols:(r+1)*cols])
		row[label] -= 1
	}
	scale(alpha, dst)
}

// BCEWithLogitsGrad sets dst = alpha·(Sigmoid(logits) − target): the
// gradient with respect to the logits of the binary cross-entropy of
// sigmoid(logits) against target, times alpha. Sigmoid's accuracy, plus one
// rounding for the difference and one for the product.
//
// dst may be logits itself but must not otherwise overlap logits or
// target. It panics if the lengths differ.
func BCEWithLogitsGrad(dst, logits, target []float32, alpha float32) {
	checkSameLen("BCEWithLogitsGrad", "dst", dst, "logits", logits)
	checkSameLen("BCEWithLogitsGrad", "dst", dst, "target", target)
	if partialOverlap(dst, logits) || overlaps(dst, target) {
		panicOverlap("BCEWithLogitsGrad: dst and an input")
	}
	raceRead(logits)
	raceRead(target)
	raceWrite(dst)
	sigmoid(dst, logits)
	scaledDiff(dst, target, alpha)
}

// MSELoss returns the mean over all elements of (pred[i] − target[i])²
// (Keras's mean squared error: the mean over columns, then over rows, is
// the same thing). Each difference and square is rounded in float32 (two
// roundings, relative 2u on the term), the sum is float64. It panics if
// the lengths differ or are 0.
func MSELoss(pred, target []float32) float64 {
	checkSameLen("MSELoss", "pred", pred, "target", target)
	checkBatch("MSELoss", len(pred))
	raceRead(pred)
	raceRead(target)
	return sqDiffSum(pred, target) / float64(len(pred))
}

// BCEWithLogitsLoss returns the mean over all elements of the binary
// cross-entropy of sigmoid(z) against target y, computed from the logits z
// in the stable form
//
//	max(z, 0) − z·y + log(1 + e^−|z|)
//
// (no log of 0, no overflow). Terms are float32 with exp's error and
// log1p's (≤ 2 ulps each) plus four roundings: within 8u·(|z| + |z·y| +
// log 2) each. It panics if the lengths differ or are 0.
func BCEWithLogitsLoss(logits, target []float32) float64 {
	checkSameLen("BCEWithLogitsLoss", "logits", logits, "target", target)
	checkBatch("BCEWithLogitsLoss", len(logits))
	raceRead(logits)
	raceRead(target)
	return bceLogitsSum(logits, target) / float64(len(logits))
}

// CCEWithLogitsLoss returns the mean over rows (cols columns) of the
// categorical cross-entropy of softmax(logits) against the target rows
// (one-hot or probabilities): −Σ_j t_j·log softmax(x)_j, computed as
// (M + log Σ e^(x−M))·Σ t − Σ t·x per row, in float64 from float32 row
// maxima, exponential sums and dot products. It panics if cols < 1,
// len(logits) is not a non-zero multiple of cols, or the lengths differ.
func CCEWithLogitsLoss(logits, target []float32, cols int) float64 {
	checkRows("CCEWithLogitsLoss", len(logits), cols)
	checkSameLen("CCEWithLogitsLoss", "logits", logits, "target", target)
	checkBatch("CCEWithLogitsLoss", len(logits))
	raceRead(logits)
	raceRead(target)
	var total float64
	for r := 0; r < len(logits); r += cols {
		x, t := logits[r:r+cols], target[r:r+cols]
		var ts float64
		for _, v := range t {
			ts += float64(v)
		}
		total += logSumExp(x)*ts - float64(dot(t, x))
	}
	return total / float64(len(logits)/cols)
}

// SparseCCEWithLogitsLoss is CCEWithLogitsLoss with integer labels:
// the mean over rows of log Σ e^x − x[label]. It panics as
// CCEWithLogitsLoss does, if len(labels) is not the number of rows, or if
// a label is out of range.
func SparseCCEWithLogitsLoss(logits []float32, labels []int32, cols int) float64 {
	checkRows("SparseCCEWithLogitsLoss", len(logits), cols)
	checkBatch("SparseCCEWithLogitsLoss", len(logits))
	checkLabels("SparseCCEWithLogitsLoss", labels, len(logits)/cols, cols)
	raceRead(logits)
	var total float64
	for r, label := range labels {
		x := logits[r*cols : (r+1)*cols]
		total += logSumExp(x) - float64(x[label])
	}
	return total / float64(len(labels))
}
