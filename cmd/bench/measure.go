package main

import (
	"runtime"
	"slices"
	"time"
)

// timing is the outcome of measure: the time of one op in each timed
// sample, in ns, sorted.
type timing struct {
	ns   []float64
	reps int // ops per sample
}

func (t timing) median() float64 {
	n := len(t.ns)
	if n%2 == 1 {
		return t.ns[n/2]
	}
	return (t.ns[n/2-1] + t.ns[n/2]) / 2
}

func (t timing) best() float64 { return t.ns[0] }

// spreadPct is (slowest − fastest) / median, in percent.
func (t timing) spreadPct() float64 {
	return 100 * (t.ns[len(t.ns)-1] - t.ns[0]) / t.median()
}

// timer holds how measurements are made; the modes (-quick, default,
// -full) differ only in these numbers.
type timer struct {
	samples int           // timed samples per measurement (fewer if budget runs out, never below minSamples)
	target  time.Duration // least duration of one sample: fast ops are repeated in a sample
	budget  time.Duration // soft limit on one measurement, warm-up included
	now     func() time.Time
}

// minSamples is the fewest samples a measurement takes when its budget
// would allow fewer (a median of three still shows a spread).
const minSamples = 3

// measure times op: a warm-up call (which also estimates its cost), more
// warm-up until the repetition count for one sample of at least t.target is
// known, then up to t.samples timed samples. Samples beyond minSamples are
// dropped if the measurement would exceed t.budget.
func (t timer) measure(op func()) timing {
	now := t.now
	if now == nil {
		now = time.Now
	}
	start := now()
	op()
	per := float64(now().Sub(start).Nanoseconds())
	reps := 1
	// Grow the batch until it takes at least half the target; the time
	// this takes is warm-up too.
	for per*float64(reps) < float64(t.target.Nanoseconds())/2 && reps < 1<<30 {
		reps *= 2
		s := now()
		for range reps {
			op()
		}
		per = float64(now().Sub(s).Nanoseconds()) / float64(reps)
	}
	if per > 0 {
		reps = max(1, int(float64(t.target.Nanoseconds())/per+0.5))
	}
	samples := t.samples
	if left := float64(t.budget.Nanoseconds()) - float64(now().Sub(start).Nanoseconds()); per > 0 && samples > minSamples {
		fit := int(left / (per * float64(reps)))
		samples = max(minSamples, min(samples, fit))
	}
	runtime.GC() // not inside a sample
	ns := make([]float64, samples)
	for i := range ns {
		s := now()
		for range reps {
			op()
		}
		ns[i] = float64(now().Sub(s).Nanoseconds()) / float64(reps)
	}
	slices.Sort(ns)
	return timing{ns: ns, reps: reps}
}
