package mlp

import (
	"fmt"
	"math"

	"github.com/emberml/ember/kernels"
)

// Optimizer is a training algorithm with its hyper-parameters, as Adam and
// SGD return it. Its state (moments, velocity) lives in the model and
// starts at zero at Compile.
type Optimizer struct {
	kind        optimizerKind
	lr          float32
	beta1       float32
	beta2       float32
	eps         float32
	weightDecay float32
	momentum    float32
	nesterov    bool
}

type optimizerKind uint8

const (
	adamKind optimizerKind = iota + 1
	sgdKind
)

// AdamOption configures Adam.
type AdamOption func(*Optimizer)

// SGDOption configures SGD.
type SGDOption func(*Optimizer)

// Beta1 sets Adam's first-moment decay (default 0.9).
func Beta1(b float32) AdamOption { return func(o *Optimizer) { o.beta1 = b } }

// Beta2 sets Adam's second-moment decay (default 0.999).
func Beta2(b float32) AdamOption { return func(o *Optimizer) { o.beta2 = b } }

// Epsilon sets Adam's eps, added to the bias-corrected sqrt(v̂) as PyTorch
// does (default 1e-7, Keras's value).
func Epsilon(e float32) AdamOption { return func(o *Optimizer) { o.eps = e } }

// AdamWeightDecay adds wd·w to every gradient (L2 regularisation, as
// PyTorch's Adam weight_decay).
func AdamWeightDecay(wd float32) AdamOption { return func(o *Optimizer) { o.weightDecay = wd } }

// Momentum sets SGD's momentum (default 0).
func Momentum(m float32) SGDOption { return func(o *Optimizer) { o.momentum = m } }

// Nesterov makes SGD's momentum Nesterov's.
func Nesterov() SGDOption { return func(o *Optimizer) { o.nesterov = true } }

// SGDWeightDecay adds wd·w to every gradient.
func SGDWeightDecay(wd float32) SGDOption { return func(o *Optimizer) { o.weightDecay = wd } }

// Adam returns the Adam optimizer with learning rate lr (kernels.AdamStep:
// PyTorch's update, one fused pass over all weights).
func Adam(lr float32, opts ...AdamOption) Optimizer {
	o := Optimizer{kind: adamKind, lr: lr, beta1: 0.9, beta2: 0.999, eps: 1e-7}
	for _, f := range opts {
		f(&o)
	}
	return o
}

// SGD returns stochastic gradient descent with learning rate lr
// (kernels.SGDStep: PyTorch's semantics).
func SGD(lr float32, opts ...SGDOption) Optimizer {
	o := Optimizer{kind: sgdKind, lr: lr}
	for _, f := range opts {
		f(&o)
	}
	return o
}

// String describes the optimizer and its settings, as
// "Adam(lr=0.001, beta1=0.9, beta2=0.999, eps=1e-07)" or
// "SGD(lr=0.1, momentum=0.9, nesterov)".
func (o Optimizer) String() string {
	var s string
	switch o.kind {
	case adamKind:
		s = fmt.Sprintf("Adam(lr=%g, beta1=%g, beta2=%g, eps=%g", o.lr, o.beta1, o.beta2, o.eps)
	case sgdKind:
		s = fmt.Sprintf("SGD(lr=%g", o.lr)
		if o.momentum != 0 {
			s += fmt.Sprintf(", momentum=%g", o.momentum)
		}
		if o.nesterov {
			s += ", nesterov"
		}
	default:
		return "Optimizer(none)"
	}
	if o.weightDecay != 0 {
		s += fmt.Sprintf(", weight_decay=%g", o.weightDecay)
	}
	return s + ")"
}

// check returns an error for hyper-parameters no step could use.
func (o Optimizer) check() error {
	finite := func(v float32) bool { return !math.IsNaN(float64(v)) && !math.IsInf(float64(v), 0) }
	switch {
	case o.kind != adamKind && o.kind != sgdKind:
		return fmt.Errorf("mlp: no optimizer (use mlp.Adam or mlp.SGD)")
	case !finite(o.lr) || o.lr <= 0:
		return fmt.Errorf("mlp: learning rate %v must be positive and finite", o.lr)
	case !finite(o.weightDecay) || o.weightDecay < 0:
		return fmt.Errorf("mlp: weight decay %v must be ≥ 0 and finite", o.weightDecay)
	}
	if o.kind == adamKind {
		if !(o.beta1 >= 0 && o.beta1 < 1) || !(o.beta2 >= 0 && o.beta2 < 1) {
			return fmt.Errorf("mlp: Adam betas %v, %v must be in [0, 1)", o.beta1, o.beta2)
		}
		if !finite(o.eps) || o.eps <= 0 {
			return fmt.Errorf("mlp: Adam eps %v must be positive and finite", o.eps)
		}
		return nil
	}
	if !finite(o.momentum) || o.momentum < 0 {
		return fmt.Errorf("mlp: momentum %v must be ≥ 0 and finite", o.momentum)
	}
	if o.nesterov && o.momentum == 0 {
		return fmt.Errorf("mlp: Nesterov needs a momentum")
	}
	return nil
}

// optimizerState is the per-weight state of a compiled optimizer.
type optimizerState struct {
	m, v []float32 // Adam's moments, or SGD's velocity in m
	step int
}

// apply performs one step over all parameters with learning rate lr (the
// optimizer's own, or a schedule's).
func (o Optimizer) apply(params, grads []float32, s *optimizerState, lr float32) {
	s.step++
	if o.kind == adamKind {
		kernels.AdamStep(params, grads, s.m, s.v, kernels.AdamParams{
			LR: lr, Beta1: o.beta1, Beta2: o.beta2, Eps: o.eps, WeightDecay: o.weightDecay, Step: s.step,
		})
		return
	}
	kernels.SGDStep(params, grads, s.m, kernels.SGDParams{
		LR: lr, Momentum: o.momentum, Nesterov: o.nesterov, WeightDecay: o.weightDecay,
	})
}
