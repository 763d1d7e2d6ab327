package kernels_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/emberml/ember/internal/ref"
	"github.com/emberml/ember/internal/testutil"
	"github.com/emberml/ember/kernels"
)

// An elementwiseCase describes one elementwise kernel for the shared sweeps:
// its inputs, whether it overwrites one of them, how to call it and what
// internal/ref says each output must be. Every kernel here has no rounding
// choice (or a fixed one), so results are compared bit for bit; NaNs too
// where the kernel defines which NaN comes out (exactNaN).
type elementwiseCase struct {
	name     string
	nIn      int  // inputs, each of the same length
	inPlace  int  // index of the input the kernel overwrites; -1 writes a separate dst
	exactNaN bool // NaN results must match bit for bit, not just be NaN
	// ulps, if not 0, is how far (in float32 ulps) a result may be from
	// want: for kernels with an accuracy bound rather than exact bits.
	ulps uint32
	call func(dst []float32, in [][]float32, alpha float32)
	want func(in [][]float32, alpha float32) []float32
}

var elementwiseCases = []elementwiseCase{
	{
		name: "Axpy", nIn: 2, inPlace: 1,
		call: func(dst []float32, in [][]float32, alpha float32) { kernels.Axpy(alpha, in[0], dst) },
		want: func(in [][]float32, alpha float32) []float32 { return ref.Axpy(alpha, in[0], in[1]) },
	},
	{
		name: "Scale", nIn: 1, inPlace: 0,
		call: func(dst []float32, in [][]float32, alpha float32) { kernels.Scale(alpha, dst) },
		want: func(in [][]float32, alpha float32) []float32 { return ref.Scale(alpha, in[0]) },
	},
	{
		name: "ReLU", nIn: 1, inPlace: -1, exactNaN: true,
		call: func(dst []float32, in [][]float32, _ float32) { kernels.ReLU(dst, in[0]) },
		want: func(in [][]float32, _ float32) []float32 {
			out := make([]float32, len(in[0]))
			for i, v := range in[0] {
				out[i] = float32(ref.ReLU(float64(v)))
				if out[i] != out[i] {
					// The contract: x's NaN, quieted, payload kept.
					out[i] = math.Float32frombits(math.Float32bits(v) | quietBit)
				}
			}
			return out
		},
	},
	{
		name: "ReLUGrad", nIn: 2, inPlace: -1, exactNaN: true,
		call: func(dst []float32, in [][]float32, _ float32) { kernels.ReLUGrad(dst, in[0], in[1]) },
		want: func(in [][]float32, _ float32) []float32 {
			out := make([]float32, len(in[0]))
			for i := range out {
				out[i] = float32(ref.ReLUGrad(float64(in[0][i]), float64(in[1][i])))
				if out[i] != out[i] {
					// The contract: dy's bits, unchanged (a signalling
					// NaN stays signalling; float64 would quiet it).
					out[i] = in[0][i]
				}
			}
			return out
		},
	},
}

// quietBit is the float32 quiet-NaN bit.
const quietBit = 0x00400000

// alphas cycles through the scalars Axpy and Scale are swept with.
var alphas = []float32{1.5, -0.7, 0, 3, float32(math.Inf(-1))}

const (
	maxSweepLen = 300
	maxOffset   = 15
	padLen      = 16
)

// offsetStep is the stride through start offsets 0…15: all of them, or
// every fifth in -short mode (the race detector's run).
func offsetStep() int {
	if testing.Short() {
		return 5
	}
	return 1
}

var (
	padBits  = uint32(0x7fa5a5a5)            // a signalling NaN nothing computes
	pad      = math.Float32frombits(padBits) // fills the memory around every slice
	dstStale = float32(-1.2345678e38)        // what dst holds before the call
)

// dispatchConfigs are the ways the sweep drives each level: as users get it,
// with assembly at every length (even below the Go cut-off), and with tiny
// chunks so that chunk boundaries fall everywhere.
var dispatchConfigs = []struct {
	name          string
	minAsm, chunk int
}{
	{"default", -1, -1},
	{"asm-all-lengths", 0, -1},
	{"chunk-37", 0, 37},
}

// forEachDispatch runs f at every level and, within each, every dispatch
// configuration.
func forEachDispatch(t *testing.T, f func(t *testing.T)) {
	testutil.ForEachLevel(t, func(t *testing.T) {
		for _, dc := range dispatchConfigs {
			t.Run(dc.name, func(t *testing.T) {
				defer kernels.SetDispatchForTest(dc.minAsm, dc.chunk)()
				f(t)
			})
		}
	})
}

// paddedCopy returns a copy of src at element offset off inside a buffer
// that holds pad before it and padLen pad values after it, and the buffer.
func paddedCopy(src []float32, off int) (s, buf []float32) {
	buf = make([]float32, off+len(src)+padLen)
	for i := range buf {
		buf[i] = pad
	}
	s = buf[off : off+len(src) : off+len(src)]
	copy(s, src)
	return s, buf
}

// checkPadding reports an error if anything outside buf[off:off+n] changed.
func checkPadding(t *testing.T, what string, buf []float32, off, n int) {
	t.Helper()
	for i, v := range buf {
		if (i < off || i >= off+n) && math.Float32bits(v) != padBits {
			t.Fatalf("%s: padding at %d (slice is [%d:%d]) overwritten with %g", what, i, off, off+n, v)
		}
	}
}

// checkSame reports the first element where got and want differ bitwise
// (two NaNs count as equal).
func checkSame(t *testing.T, what string, got, want []float32, in [][]float32) {
	t.Helper()
	checkBits(t, what, got, want, in, false)
}

// checkCase compares a kernel's output with want as the case asks: bit for
// bit, or within c.ulps ulps (NaN only where want is NaN).
func checkCase(t *testing.T, what string, c elementwiseCase, got, want []float32, in [][]float32) {
	t.Helper()
	if c.ulps == 0 {
		checkBits(t, what, got, want, in, c.exactNaN)
		return
	}
	checkULPs(t, what, got, want, in, c.ulps)
}

// checkULPs reports the first element more than maxULP ulps from want.
func checkULPs(t *testing.T, what string, got, want []float32, in [][]float32, maxULP uint32) {
	t.Helper()
	for i := range want {
		if d := testutil.ULPDistance(got[i], want[i]); d > maxULP {
			ins := ""
			for k := range in {
				ins += fmt.Sprintf(" in%d=%g(%#08x)", k, in[k][i], math.Float32bits(in[k][i]))
			}
			t.Fatalf("%s: element %d = %g, want %g: %d ulps > %d;%s", what, i, got[i], want[i], d, maxULP, ins)
		}
	}
}

// checkBits is checkSame, comparing NaNs bit for bit too if exactNaN.
func checkBits(t *testing.T, what string, got, want []float32, in [][]float32, exactNaN bool) {
	t.Helper()
	for i := range want {
		same := testutil.SameFloat32(got[i], want[i])
		if exactNaN {
			same = math.Float32bits(got[i]) == math.Float32bits(want[i])
		}
		if !same {
			ins := ""
			for k := range in {
				ins += fmt.Sprintf(" in%d=%g(%#08x)", k, in[k][i], math.Float32bits(in[k][i]))
			}
			t.Fatalf("%s: element %d = %g (%#08x), want %g (%#08x);%s", what, i,
				got[i], math.Float32bits(got[i]), want[i], math.Float32bits(want[i]), ins)
		}
	}
}

// TestElementwiseSweep checks every elementwise kernel at every level
// against internal/ref, bit for bit, at every length 0…300 and start offset
// 0…15, with NaN, ±Inf, ±0 and subnormals among the inputs; inputs must be
// unchanged and the memory around every slice untouched.
func TestElementwiseSweep(t *testing.T) {
	forEachDispatch(t, func(t *testing.T) {
		for _, c := range elementwiseCases {
			t.Run(c.name, func(t *testing.T) {
				r := testutil.NewRand(uint64(len(c.name)))
				for n := 0; n <= maxSweepLen; n++ {
					for off := 0; off <= maxOffset; off += offsetStep() {
						alpha := alphas[(n+off)%len(alphas)]
						what := fmt.Sprintf("%s n=%d off=%d alpha=%g", c.name, n, off, alpha)
						orig := make([][]float32, c.nIn)
						in := make([][]float32, c.nIn)
						bufs := make([][]float32, c.nIn)
						for k := range in {
							orig[k] = testutil.Mixed(r, n)
							in[k], bufs[k] = paddedCopy(orig[k], off)
						}
						var dst, dstBuf []float32
						if c.inPlace >= 0 {
							dst, dstBuf = paddedCopy(orig[c.inPlace], (off+5)%(maxOffset+1))
						} else {
							stale := make([]float32, n)
							for i := range stale {
								stale[i] = dstStale
							}
							dst, dstBuf = paddedCopy(stale, (off+5)%(maxOffset+1))
						}
						c.call(dst, in, alpha)
						checkCase(t, what, c, dst, c.want(orig, alpha), orig)
						checkPadding(t, what+" dst", dstBuf, (off+5)%(maxOffset+1), n)
						for k := range in {
							checkBits(t, fmt.Sprintf("%s input %d changed", what, k), in[k], orig[k], orig, true)
							checkPadding(t, fmt.Sprintf("%s input %d", what, k), bufs[k], off, n)
						}
					}
				}
			})
		}
	})
}

// TestElementwiseGuardPages puts every slice right before, then right after,
// an inaccessible page, so any read or write outside the slices faults.
func TestElementwiseGuardPages(t *testing.T) {
	forEachDispatch(t, func(t *testing.T) {
		for _, c := range elementwiseCases {
			t.Run(c.name, func(t *testing.T) {
				r := testutil.NewRand(7)
				for _, side := range testutil.GuardSides {
					for n := 0; n <= maxSweepLen; n++ {
						what := fmt.Sprintf("%s n=%d %v", c.name, n, side)
						orig := make([][]float32, c.nIn)
						in := make([][]float32, c.nIn)
						for k := range in {
							orig[k] = testutil.Mixed(r, n)
							in[k] = testutil.GuardedFloat32s(t, n, side)
							copy(in[k], orig[k])
						}
						dst := testutil.GuardedFloat32s(t, n, side)
						if c.inPlace >= 0 {
							copy(dst, orig[c.inPlace])
						}
						if err := testutil.NoFault(func() { c.call(dst, in, 1.25) }); err != nil {
							t.Fatalf("%s: %v", what, err)
						}
						checkCase(t, what, c, dst, c.want(orig, 1.25), orig)
					}
				}
			})
		}
	})
}
