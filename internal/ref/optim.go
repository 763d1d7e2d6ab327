package ref

import "math"

// SGD performs one step of stochastic gradient descent in place, with
// PyTorch's torch.optim.SGD semantics (dampening 0). For each i:
//
//	g' = g[i] + weightDecay·w[i]        (only if weightDecay != 0)
//	if momentum != 0:
//	    velocity[i] = momentum·velocity[i] + g'
//	    update = g' + momentum·velocity[i]   if nesterov
//	    update = velocity[i]                 otherwise
//	else:
//	    update = g'
//	w[i] = w[i] - lr·update
//
// The weight-decay term is skipped entirely when weightDecay == 0, as in
// PyTorch, so an infinite weight does not turn into NaN through 0·Inf.
// velocity must start at zero; PyTorch's first step sets the buffer to g',
// which is what the formula gives from zero. When momentum == 0 velocity is
// neither read nor written and may be nil, and nesterov is ignored (PyTorch
// rejects nesterov without momentum; this oracle just does plain SGD).
//
// SGD panics, with a message beginning "ref: ", if len(g) != len(w), or if
// momentum != 0 and len(velocity) != len(w).
func SGD(w, g, velocity []float64, lr, momentum, weightDecay float64, nesterov bool) {
	mustSameLen(len(g), len(w), "w and g")
	if momentum != 0 {
		mustSameLen(len(velocity), len(w), "w and velocity")
	}
	for i := range w {
		gp := g[i]
		if weightDecay != 0 {
			gp += weightDecay * w[i]
		}
		update := gp
		if momentum != 0 {
			velocity[i] = momentum*velocity[i] + gp
			if nesterov {
				update = gp + momentum*velocity[i]
			} else {
				update = velocity[i]
			}
		}
		w[i] -= lr * update
	}
}

// Adam performs one step of Adam in place, in PyTorch's torch.optim.Adam
// form (L2 weight decay added to the gradient, eps added to the
// bias-corrected sqrt(v̂)). step is the 1-based index of this step; m and v
// are the first- and second-moment buffers (zero before step 1). For each i:
//
//	g' = g[i] + weightDecay·w[i]        (only if weightDecay != 0)
//	m[i] = β1·m[i] + (1-β1)·g'
//	v[i] = β2·v[i] + (1-β2)·g'²
//	m̂ = m[i] / (1 - β1^step)
//	v̂ = v[i] / (1 - β2^step)
//	w[i] = w[i] - lr·m̂ / (sqrt(v̂) + eps)
//
// This is PyTorch's eps placement: eps is added to sqrt(v̂), the
// bias-corrected root (PyTorch evaluates it as (lr/(1-β1^t))·m /
// (sqrt(v)/sqrt(1-β2^t) + eps), the same expression up to rounding). Keras
// differs: it folds the bias correction into the learning rate,
// lr_t = lr·sqrt(1-β2^t)/(1-β1^t), and adds eps to the uncorrected sqrt(v)
// ("epsilon hat" in Kingma & Ba), which amounts to PyTorch's formula with
// eps replaced by eps/sqrt(1-β2^t); see AdamKeras. The two agree when eps
// is negligible against sqrt(v̂) and differ markedly in early steps when it
// is not.
//
// Adam panics, with a message beginning "ref: ", if step < 1 or if g, m or v
// does not have the length of w.
func Adam(w, g, m, v []float64, step int, lr, beta1, beta2, eps, weightDecay float64) {
	mustAdam(w, g, m, v, step)
	bc1 := 1 - math.Pow(beta1, float64(step))
	bc2 := 1 - math.Pow(beta2, float64(step))
	for i := range w {
		gp := g[i]
		if weightDecay != 0 {
			gp += weightDecay * w[i]
		}
		m[i] = beta1*m[i] + (1-beta1)*gp
		v[i] = beta2*v[i] + (1-beta2)*gp*gp
		mHat := m[i] / bc1
		vHat := v[i] / bc2
		w[i] -= lr * mHat / (math.Sqrt(vHat) + eps)
	}
}

// AdamKeras performs one step of Adam in place exactly as Keras 3's
// keras.optimizers.Adam (amsgrad off) does, with the same arguments as Adam.
// step is the 1-based index of this step (Keras's iterations+1); m and v are
// zero before step 1. First, if weightDecay != 0, Keras's decoupled weight
// decay (applied by its base optimizer before the update, AdamW-style, not
// added to the gradient):
//
//	w[i] = w[i] - w[i]·weightDecay·lr
//
// then, with lr_t = lr·sqrt(1 - β2^step)/(1 - β1^step), for each i:
//
//	m[i] = m[i] + (g[i] - m[i])·(1-β1)
//	v[i] = v[i] + (g[i]² - v[i])·(1-β2)
//	w[i] = w[i] - (m[i]·lr_t) / (sqrt(v[i]) + eps)
//
// eps is thus added to the uncorrected sqrt(v) (Keras's "epsilon hat"
// placement; Keras's default eps is 1e-7), unlike Adam, which follows
// PyTorch. The operations are written in Keras's order and grouping.
//
// AdamKeras panics, with a message beginning "ref: ", if step < 1 or if g,
// m or v does not have the length of w.
func AdamKeras(w, g, m, v []float64, step int, lr, beta1, beta2, eps, weightDecay float64) {
	mustAdam(w, g, m, v, step)
	if weightDecay != 0 {
		for i := range w {
			w[i] = w[i] - w[i]*weightDecay*lr
		}
	}
	lrT := lr * math.Sqrt(1-math.Pow(beta2, float64(step))) / (1 - math.Pow(beta1, float64(step)))
	for i := range w {
		m[i] += (g[i] - m[i]) * (1 - beta1)
		v[i] += (g[i]*g[i] - v[i]) * (1 - beta2)
		w[i] -= (m[i] * lrT) / (math.Sqrt(v[i]) + eps)
	}
}

// mustAdam validates the arguments shared by Adam and AdamKeras.
func mustAdam(w, g, m, v []float64, step int) {
	if step < 1 {
		panic("ref: step < 1")
	}
	mustSameLen(len(g), len(w), "w and g")
	mustSameLen(len(m), len(w), "w and m")
	mustSameLen(len(v), len(w), "w and v")
}
