package kernels_test

import (
	"flag"
	"math"
	"runtime"
	"sync"
	"testing"

	"github.com/emberml/ember/internal/ref"
	"github.com/emberml/ember/internal/testutil"
	"github.com/emberml/ember/kernels"
)

// The accuracy contract of the transcendental kernels, in ulps from the
// correctly rounded float32 of internal/ref's float64 value.
const (
	expULPs     = 2
	sigmoidULPs = 3
	tanhULPs    = 4
	gradULPs    = 2 // SigmoidGrad, TanhGrad against the exact value
)

// unary maps a float64 reference function over float32 inputs, rounding
// each result once.
func unary(f func(float64) float64) func(in [][]float32, _ float32) []float32 {
	return func(in [][]float32, _ float32) []float32 {
		out := make([]float32, len(in[0]))
		for i, v := range in[0] {
			out[i] = float32(f(float64(v)))
		}
		return out
	}
}

// grad32 maps a gradient's float32 formula f(dy, y) over the two inputs.
func grad32(f func(dy, y float32) float32) func(in [][]float32, _ float32) []float32 {
	return func(in [][]float32, _ float32) []float32 {
		out := make([]float32, len(in[0]))
		for i := range out {
			out[i] = f(in[0][i], in[1][i])
		}
		return out
	}
}

func init() {
	elementwiseCases = append(elementwiseCases,
		elementwiseCase{
			name: "Exp", nIn: 1, inPlace: -1, ulps: expULPs,
			call: func(dst []float32, in [][]float32, _ float32) { kernels.Exp(dst, in[0]) },
			want: unary(ref.Exp),
		},
		elementwiseCase{
			name: "Sigmoid", nIn: 1, inPlace: -1, ulps: sigmoidULPs,
			call: func(dst []float32, in [][]float32, _ float32) { kernels.Sigmoid(dst, in[0]) },
			want: unary(ref.Sigmoid),
		},
		elementwiseCase{
			name: "Tanh", nIn: 1, inPlace: -1, ulps: tanhULPs,
			call: func(dst []float32, in [][]float32, _ float32) { kernels.Tanh(dst, in[0]) },
			want: unary(ref.Tanh),
		},
		// The gradients and leaky ReLU have no rounding choice: their
		// documented float32 operation order is the want, bit for bit
		// (TestGradAccuracy checks that order against internal/ref).
		elementwiseCase{
			name: "SigmoidGrad", nIn: 2, inPlace: -1,
			call: func(dst []float32, in [][]float32, _ float32) { kernels.SigmoidGrad(dst, in[0], in[1]) },
			want: grad32(func(dy, y float32) float32 { return dy * (y * (1 - y)) }),
		},
		elementwiseCase{
			name: "TanhGrad", nIn: 2, inPlace: -1,
			call: func(dst []float32, in [][]float32, _ float32) { kernels.TanhGrad(dst, in[0], in[1]) },
			want: grad32(func(dy, y float32) float32 { return dy * ((1 - y) * (1 + y)) }),
		},
		elementwiseCase{
			name: "LeakyReLU", nIn: 1, inPlace: -1,
			call: func(dst []float32, in [][]float32, slope float32) { kernels.LeakyReLU(dst, in[0], slope) },
			want: func(in [][]float32, slope float32) []float32 {
				out := make([]float32, len(in[0]))
				for i, v := range in[0] {
					out[i] = float32(ref.LeakyReLU(float64(v), float64(slope)))
				}
				return out
			},
		},
		elementwiseCase{
			name: "LeakyReLUGrad", nIn: 2, inPlace: -1,
			call: func(dst []float32, in [][]float32, slope float32) {
				kernels.LeakyReLUGrad(dst, in[0], in[1], slope)
			},
			want: func(in [][]float32, slope float32) []float32 {
				out := make([]float32, len(in[0]))
				for i := range out {
					out[i] = float32(ref.LeakyReLUGrad(float64(in[0][i]), float64(in[1][i]), float64(slope)))
				}
				return out
			},
		},
	)
}

// spreadFloat32s returns n finite float32s with uniformly random bit
// patterns (so every exponent is equally likely), NaNs replaced.
func spreadFloat32s(seed uint64, n int) []float32 {
	r := testutil.NewRand(seed)
	x := make([]float32, n)
	for i := range x {
		for {
			v := math.Float32frombits(r.Uint32())
			if v == v {
				x[i] = v
				break
			}
		}
	}
	return x
}

// transcendentals are the kernels with an ulp bound, for the accuracy
// tests.
var transcendentals = []struct {
	name string
	call func(dst, x []float32)
	ref  func(float64) float64
	ulps uint32
}{
	{"Exp", kernels.Exp, ref.Exp, expULPs},
	{"Sigmoid", kernels.Sigmoid, ref.Sigmoid, sigmoidULPs},
	{"Tanh", kernels.Tanh, ref.Tanh, tanhULPs},
}

// TestTranscendentalAccuracy: 10⁷ inputs spread over the whole exponent
// range (10⁵ with -short), plus the special values, at every level; the
// worst error found is logged.
func TestTranscendentalAccuracy(t *testing.T) {
	n := 10_000_000
	if testing.Short() {
		n = 100_000
	}
	x := append(spreadFloat32s(1, n), testutil.SpecialFloat32s...)
	dst := make([]float32, len(x))
	testutil.ForEachLevel(t, func(t *testing.T) {
		for _, f := range transcendentals {
			f.call(dst, x)
			var worst uint32
			var at float32
			for i, v := range x {
				want := float32(f.ref(float64(v)))
				d := testutil.ULPDistance(dst[i], want)
				if d > worst {
					worst, at = d, v
				}
			}
			t.Logf("%s: max %d ulps (at %g) over %d inputs", f.name, worst, at, len(x))
			if worst > f.ulps {
				t.Errorf("%s: %d ulps at x = %g (%#08x) > %d", f.name, worst, at, math.Float32bits(at), f.ulps)
			}
		}
	})
}

// TestTranscendentalSpecials checks the special values the contract names,
// exactly.
func TestTranscendentalSpecials(t *testing.T) {
	inf, nan := float32(math.Inf(1)), float32(math.NaN())
	negZero := float32(math.Copysign(0, -1))
	type tc struct {
		x, want float32
	}
	cases := map[string][]tc{
		"Exp": {{nan, nan}, {inf, inf}, {-inf, 0}, {88.73, inf}, {1000, inf}, {-104, 0}, {-1000, 0},
			{0, 1}, {negZero, 1}, {math.MaxFloat32, inf}, {-math.MaxFloat32, 0}},
		"Sigmoid": {{nan, nan}, {inf, 1}, {-inf, 0}, {20, 1}, {100, 1}, {-105, 0}, {-1000, 0}, {0, 0.5},
			{negZero, 0.5}, {math.MaxFloat32, 1}, {-math.MaxFloat32, 0}},
		"Tanh": {{nan, nan}, {inf, 1}, {-inf, -1}, {9.1, 1}, {-9.1, -1}, {100, 1}, {0, 0}, {negZero, negZero},
			{1e-30, 1e-30}, {-1e-30, -1e-30}, {0x1p-149, 0x1p-149}, {-0x1p-126, -0x1p-126}},
	}
	testutil.ForEachLevel(t, func(t *testing.T) {
		defer kernels.SetDispatchForTest(0, -1)()
		for _, f := range transcendentals {
			for _, c := range cases[f.name] {
				// Run each value at several positions, so the assembly's
				// main loop and its tail both see it.
				for _, n := range []int{1, 7, 33} {
					x := make([]float32, n)
					for i := range x {
						x[i] = c.x
					}
					dst := make([]float32, n)
					f.call(dst, x)
					for i, got := range dst {
						ok := math.Float32bits(got) == math.Float32bits(c.want) || (got != got && c.want != c.want)
						if !ok {
							t.Errorf("%s(%g) = %g (%#08x) at %d of %d, want %g (%#08x)", f.name, c.x, got, math.Float32bits(got), i, n, c.want, math.Float32bits(c.want))
							break
						}
					}
				}
			}
		}
	})
}

// TestGradAccuracy checks that the gradients' operation order is accurate:
// within gradULPs of internal/ref's float64 value (over inputs where the
// exact value is a normal float32; subnormal results are checked to one
// subnormal ulp per rounding).
func TestGradAccuracy(t *testing.T) {
	r := testutil.NewRand(4)
	n := 200_000
	dy := testutil.Float32s(r, n, -4, 4)
	y := testutil.Float32s(r, n, -1, 1)
	ys := testutil.Float32s(r, n, 0, 1)
	dst := make([]float32, n)
	testutil.ForEachLevel(t, func(t *testing.T) {
		kernels.SigmoidGrad(dst, dy, ys)
		for i := range dst {
			want := float32(ref.SigmoidGrad(float64(dy[i]), float64(ys[i])))
			if d := testutil.ULPDistance(dst[i], want); d > gradULPs {
				t.Fatalf("SigmoidGrad(%g, %g) = %g, want %g: %d ulps", dy[i], ys[i], dst[i], want, d)
			}
		}
		kernels.TanhGrad(dst, dy, y)
		for i := range dst {
			want := float32(ref.TanhGrad(float64(dy[i]), float64(y[i])))
			if d := testutil.ULPDistance(dst[i], want); d > gradULPs {
				t.Fatalf("TanhGrad(%g, %g) = %g, want %g: %d ulps", dy[i], y[i], dst[i], want, d)
			}
		}
	})
}

var exhaustive = flag.Bool("exhaustive", false, "check Exp, Sigmoid and Tanh on all 2³² float32 inputs (minutes per level)")

// TestExhaustive checks every float32 input (opt-in: go test ./kernels/
// -run TestExhaustive -exhaustive -timeout 60m; the package must come
// before the flag, which go test does not know), in blocks of 2¹⁶ across
// GOMAXPROCS goroutines, and logs the worst error per kernel and level.
func TestExhaustive(t *testing.T) {
	if !*exhaustive {
		t.Skip("opt-in: -exhaustive")
	}
	testutil.ForEachLevel(t, func(t *testing.T) {
		for _, f := range transcendentals {
			worst, at := exhaustiveWorst(f.call, f.ref)
			t.Logf("%s: max %d ulps (at %g, %#08x) over all 2³² inputs", f.name, worst, at, math.Float32bits(at))
			if worst > f.ulps {
				t.Errorf("%s: %d ulps at %g > %d", f.name, worst, at, f.ulps)
			}
		}
	})
}

func exhaustiveWorst(call func(dst, x []float32), reff func(float64) float64) (uint32, float32) {
	const block = 1 << 16
	workers := runtime.GOMAXPROCS(0)
	type result struct {
		worst uint32
		at    float32
	}
	results := make([]result, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			x := make([]float32, block)
			dst := make([]float32, block)
			res := &results[w]
			for start := uint64(w) * block; start < 1<<32; start += uint64(workers) * block {
				for i := range x {
					x[i] = math.Float32frombits(uint32(start) + uint32(i))
				}
				call(dst, x)
				for i, v := range x {
					if d := testutil.ULPDistance(dst[i], float32(reff(float64(v)))); d > res.worst {
						res.worst, res.at = d, v
					}
				}
			}
		}()
	}
	wg.Wait()
	var best result
	for _, r := range results {
		if r.worst > best.worst {
			best = r
		}
	}
	return best.worst, best.at
}

// TestActivationInPlace: dst may be the input itself.
func TestActivationInPlace(t *testing.T) {
	forInPlaceInputs(t, 12, func(t *testing.T, x, dy []float32) {
		checkUnaryInPlace(t, "Exp", x, kernels.Exp)
		checkUnaryInPlace(t, "Sigmoid", x, kernels.Sigmoid)
		checkUnaryInPlace(t, "Tanh", x, kernels.Tanh)
		checkUnaryInPlace(t, "LeakyReLU", x, func(dst, x []float32) { kernels.LeakyReLU(dst, x, 0.01) })
		checkGradInPlace(t, "SigmoidGrad", dy, x, kernels.SigmoidGrad)
		checkGradInPlace(t, "TanhGrad", dy, x, kernels.TanhGrad)
		checkGradInPlace(t, "LeakyReLUGrad", dy, x, func(dst, dy, x []float32) { kernels.LeakyReLUGrad(dst, dy, x, 0.01) })
	})
}
