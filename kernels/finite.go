package kernels

import "sync"

// AllFinite reports whether every element of x is finite: no NaN and no
// infinity. It is exact at every level and reads x once; an empty x is
// all finite.
//
// A long x (at least 2¹⁶ elements) is checked in parts on up to Threads()
// goroutines, cut where AdamStep and SGDStep cut a step over as many
// weights. So when a training loop checks its gradient before an optimizer
// step, as mlp's does, each part of the step usually finds its part of the
// gradient in the cache of the core that just checked it (usually: parts
// go to whichever goroutine claims them first, and goroutines are not
// pinned to cores).
func AllFinite(x []float32) bool {
	raceRead(x)
	if parts := optimParts(len(x)); parts > 1 {
		call := finiteCalls.Get().(*finiteCall)
		call.x = x
		call.runCut(parts, len(x))
		ok := call.ok
		call.x = nil // drop the reference to the caller's slice
		finiteCalls.Put(call)
		return ok
	}
	return allFinite(x)
}

// allFinite is AllFinite on one goroutine. x·0 is ±0 for a finite x and
// NaN for NaN or ±Inf, and a sum of ±0 terms is ±0 in any order, so the
// dot product of x with zeros is 0 exactly when x is all finite, at every
// level and whatever the order of its partial sums; and it runs at the
// speed of the assembly Dot, which reads the zeros from L1.
func allFinite(x []float32) bool {
	for len(x) > 0 {
		n := min(len(x), len(finiteZeros))
		if dot(x[:n], finiteZeros[:n]) != 0 {
			return false
		}
		x = x[n:]
	}
	return true
}

// finiteZeros is never written: allFinite's second operand (16 KiB).
var finiteZeros [4096]float32

// finiteCall is one parallel AllFinite, pooled.
type finiteCall struct {
	x     []float32
	parts [maxGemmParts][2]int
	bad   [maxGemmParts]bool // part p found a value that is not finite
	ok    bool
	parallelCall
}

var finiteCalls = sync.Pool{New: func() any {
	c := new(finiteCall)
	c.runner = c
	return c
}}

// runCut cuts x's n elements as an optimizer step over n weights is cut,
// checks the parts and sets ok.
func (c *finiteCall) runCut(parts, n int) {
	cutLines(&c.parts, parts, n)
	c.run(parts, n >= optimWakeMinLen)
	c.ok = true
	for _, bad := range c.bad[:parts] {
		c.ok = c.ok && !bad
	}
}

// runPart checks part p: elements lo…hi-1 for {lo, hi} = parts[p].
func (c *finiteCall) runPart(p int) {
	lo, hi := c.parts[p][0], c.parts[p][1]
	c.bad[p] = !allFinite(c.x[lo:hi])
}
