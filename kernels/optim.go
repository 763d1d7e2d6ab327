package kernels

import (
	"math"
	"sync"
)

// AdamParams are one Adam step's hyper-parameters.
type AdamParams struct {
	LR    float32 // learning rate
	Beta1 float32 // first-moment decay, e.g. 0.9
	Beta2 float32 // second-moment decay, e.g. 0.999
	Eps   float32 // added to the bias-corrected sqrt(v̂), e.g. 1e-8 (PyTorch) or 1e-7 (Keras)
	// WeightDecay, if not 0, adds WeightDecay·w to the gradient (L2
	// regularisation, as PyTorch's Adam weight_decay).
	WeightDecay float32
	Step        int // 1-based index of this step
}

// AdamStep performs one Adam step over every weight, in one fused pass,
// updating w, m and v in place from the gradient g. It follows PyTorch's
// torch.optim.Adam (eps added to the bias-corrected root):
//
//	g' = g + WeightDecay·w                       (if WeightDecay != 0)
//	m  = β1·m + (1−β1)·g'
//	v  = β2·v + (1−β2)·g'²
//	w  = w − (LR/(1−β1^t))·(m / (sqrt(v)/sqrt(1−β2^t) + Eps))
//
// The scalars LR/(1−β1^t), sqrt(1−β2^t), 1−β1 and 1−β2 are formed in
// float64 and rounded once; every per-element operation is a separate
// float32 rounding in the order written (no fused multiply-add, correctly
// rounded sqrt and division), so the result is bit-identical at every
// level. Keras's Adam puts Eps on the uncorrected sqrt(v) instead; with
// Eps' = Eps·sqrt(1−β2^t) this is the same update.
//
// One departure from PyTorch: a new m or v of magnitude below the
// smallest normal float32 (2⁻¹²⁶) is stored as +0, and that zero is what
// the update divides. A moment that small moves no weight by more than
// stepSize·2⁻¹²⁶/Eps, but kept subnormal it costs dearly: the moments of
// weights whose gradient is zero (a dead ReLU unit's) decay into the
// subnormals and stay there, since β1 times the smallest subnormal
// rounds back to it, and on x86 every operation on a subnormal takes a
// microcode assist. In a 784-256-128-10 ReLU network trained on 8
// batches, 43 % of m was subnormal after 1,000 steps, and a step took 3×
// as long.
//
// m and v must start at zero. It panics if g, m or v is not as long as w,
// if any two of them overlap, or if Step < 1.
func AdamStep(w, g, m, v []float32, p AdamParams) {
	checkSameLen("AdamStep", "w", w, "g", g)
	checkSameLen("AdamStep", "w", w, "m", m)
	checkSameLen("AdamStep", "w", w, "v", v)
	if p.Step < 1 {
		panic("kernels: AdamStep: Step < 1")
	}
	if overlaps(w, g) || overlaps(w, m) || overlaps(w, v) || overlaps(g, m) || overlaps(g, v) || overlaps(m, v) {
		panicOverlap("AdamStep: w, g, m and v")
	}
	raceRead(g)
	raceWrite(w)
	raceWrite(m)
	raceWrite(v)
	b1, b2 := float64(p.Beta1), float64(p.Beta2)
	b1t, b2t := powInts(b1, b2, p.Step)
	c := adamScalars{
		beta1: p.Beta1, beta2: p.Beta2,
		oneMinusBeta1: float32(1 - b1),
		oneMinusBeta2: float32(1 - b2),
		stepSize:      float32(float64(p.LR) / (1 - b1t)),
		bc2Sqrt:       float32(math.Sqrt(1 - b2t)),
		eps:           p.Eps,
		weightDecay:   p.WeightDecay,
	}
	if parts := optimParts(len(w)); parts > 1 {
		call := optimCalls.Get().(*optimCall)
		call.w, call.g, call.m, call.v, call.adam, call.isAdam = w, g, m, v, c, true
		call.runCut(parts, len(w))
		return
	}
	adamStep(w, g, m, v, &c)
}

// adamScalars are the float32 constants of one Adam step.
type adamScalars struct {
	beta1, beta2, oneMinusBeta1, oneMinusBeta2 float32
	stepSize, bc2Sqrt, eps, weightDecay        float32
}

// SGDParams are one SGD step's hyper-parameters.
type SGDParams struct {
	LR       float32 // learning rate
	Momentum float32 // 0 for plain SGD
	Nesterov bool    // Nesterov momentum (needs Momentum != 0)
	// WeightDecay, if not 0, adds WeightDecay·w to the gradient.
	WeightDecay float32
}

// SGDStep performs one SGD step over every weight, in one fused pass, with
// PyTorch's torch.optim.SGD semantics (dampening 0):
//
//	g' = g + WeightDecay·w                   (if WeightDecay != 0)
//	vel = Momentum·vel + g'                  (if Momentum != 0)
//	upd = g' + Momentum·vel if Nesterov, vel if not; g' without momentum
//	w  = w − LR·upd
//
// Each operation is a separate float32 rounding in that order, so the
// result is bit-identical at every level. As in AdamStep, a new velocity
// of magnitude below 2⁻¹²⁶ is stored (and used) as +0. velocity must
// start at zero; it is neither read nor written, and may be nil, when
// Momentum == 0. It panics if g (or velocity, with momentum) is not as
// long as w, if they overlap, or if Nesterov is set without momentum.
func SGDStep(w, g, velocity []float32, p SGDParams) {
	checkSameLen("SGDStep", "w", w, "g", g)
	if p.Momentum != 0 {
		checkSameLen("SGDStep", "w", w, "velocity", velocity)
		if overlaps(w, velocity) || overlaps(g, velocity) {
			panicOverlap("SGDStep: w, g and velocity")
		}
		raceWrite(velocity)
	} else if p.Nesterov {
		panic("kernels: SGDStep: Nesterov needs Momentum != 0")
	}
	if overlaps(w, g) {
		panicOverlap("SGDStep: w and g")
	}
	raceRead(g)
	raceWrite(w)
	if p.Momentum == 0 {
		velocity = nil
	}
	if parts := optimParts(len(w)); parts > 1 {
		call := optimCalls.Get().(*optimCall)
		call.w, call.g, call.m, call.sgd, call.isAdam = w, g, velocity, p, false
		call.runCut(parts, len(w))
		return
	}
	sgdStep(w, g, velocity, &p)
}

// An optimizer step over at least 2·optimMinPart weights is cut into
// parts of whole 64-byte lines, run on up to Threads() goroutines as
// GEMM's parts are (see parallel.go). Every weight's arithmetic is the
// same whoever computes it, so the bits do not depend on the cut. At
// ~0.7 ns per weight (Adam measured 1.43 G weights/s on the AVX-512 Xeon),
// a part of 2¹⁵ weights takes ~23 µs, well above the cost of handing it
// over to a spinning worker.
const optimMinPart = 1 << 15

// optimParts is the number of parts for a step over n weights.
func optimParts(n int) int {
	if n < 2*optimMinPart {
		return 1 // before Threads(): runtime.GOMAXPROCS takes a lock (~20 ns)
	}
	return min(Threads(), n/optimMinPart, maxGemmParts)
}

// optimCall is one parallel optimizer step, pooled.
type optimCall struct {
	w, g, m, v []float32 // m is SGD's velocity (nil without momentum)
	isAdam     bool
	adam       adamScalars
	sgd        SGDParams
	parts      [maxGemmParts][2]int
	parallelCall
}

var optimCalls = sync.Pool{New: func() any {
	c := new(optimCall)
	c.runner = c
	return c
}}

// runCut cuts n weights into parts and runs them, then returns the call
// to the pool.
func (c *optimCall) runCut(parts, n int) {
	cutLines(&c.parts, parts, n)
	c.run(parts, n >= optimWakeMinLen)
	c.w, c.g, c.m, c.v = nil, nil, nil, nil // drop the references to the caller's slices
	optimCalls.Put(c)
}

// cutLines sets cut[0:parts] to parts consecutive ranges {lo, hi} that
// cover 0…n-1, each starting on a multiple of 16 elements (a 64-byte line
// of float32, if the slice starts on one).
func cutLines(cut *[maxGemmParts][2]int, parts, n int) {
	for p := range parts {
		cut[p] = [2]int{p * n / parts &^ 15, (p + 1) * n / parts &^ 15}
	}
	cut[parts-1][1] = n
}

// runPart runs part p: weights lo…hi-1 for {lo, hi} = parts[p].
func (c *optimCall) runPart(p int) {
	lo, hi := c.parts[p][0], c.parts[p][1]
	w, g := c.w[lo:hi], c.g[lo:hi]
	if c.isAdam {
		adamStep(w, g, c.m[lo:hi], c.v[lo:hi], &c.adam)
		return
	}
	var vel []float32
	if c.m != nil {
		vel = c.m[lo:hi]
	}
	sgdStep(w, g, vel, &c.sgd)
}

// powInts returns b1^n and b2^n for n ≥ 1 by repeated squaring in
// float64: at most 2·log₂(n) roundings each, a relative error far below
// float32's. The multiplier is chosen without a branch (1 or the square,
// by the bit of n): with a branch, the unpredictable bits of the step
// number cost ~55 ns a call, a quarter of a tiny network's AdamStep;
// branch-free, ~17 ns (math.Pow takes ~80 ns a power).
func powInts(b1, b2 float64, n int) (r1, r2 float64) {
	r1, r2 = 1, 1
	const one = 0x3ff0000000000000 // math.Float64bits(1)
	for ; n > 0; n >>= 1 {
		bit := -uint64(n & 1) // all ones when the bit is set
		r1 *= math.Float64frombits(math.Float64bits(b1)&bit | one&^bit)
		r2 *= math.Float64frombits(math.Float64bits(b2)&bit | one&^bit)
		b1 *= b1
		b2 *= b2
	}
	return r1, r2
}
