// Package kernels is ember's public kernel API: vector and matrix kernels
// written in Go assembly for AVX2, AVX-512 and NEON, with a portable Go
// fallback that is compiled everywhere and serves as their specification.
//
// # Map of the kernels
//
// Every family, with its accuracy contract in a word: exact means
// bit-identical at every level, bounded means within the error bound its
// documentation states, and ulps bounds are against the correctly rounded
// result. All work on float32 slices (Dgemm and Dgemv on float64),
// row-major.
//
//   - GEMM (bounded, and bit-identical for any thread count): [Sgemm] and
//     [Dgemm] with gonum's BLAS semantics; matrix-vector products [Sgemv]
//     and [Dgemv] (bounded); [Implementation] installs them in gonum;
//     [SetThreads] and [Threads] cap the goroutines of one call (of
//     these, of the optimizer steps and of AllFinite).
//   - Vector ops: [Axpy] and [Scale] (exact), [Dot] (bounded);
//     [AllFinite] (exact, parallel for long vectors).
//   - Activations: [ReLU], [LeakyReLU] (exact); [Exp] (2 ulps), [Sigmoid]
//     (3 ulps), [Tanh] (4 ulps); gradients [ReLUGrad], [LeakyReLUGrad],
//     [SigmoidGrad] and [TanhGrad] (exact).
//   - Softmax, row by row: [Softmax] and [LogSoftmax] (bounded).
//   - Losses, returning a float64 mean: [MSELoss], [BCEWithLogitsLoss],
//     [CCEWithLogitsLoss], [SparseCCEWithLogitsLoss] (bounded); their
//     gradients with respect to the logits: [BCEWithLogitsGrad],
//     [CCEWithLogitsGrad], [SparseCCEWithLogitsGrad] (bounded).
//   - Bias: [BiasAdd] broadcasts a bias over the rows, [ColSums] is its
//     gradient (exact).
//   - Optimizers, one fused pass with PyTorch's semantics (moments below
//     2⁻¹²⁶ stored as zero): [SGDStep] with [SGDParams], [AdamStep] with
//     [AdamParams] (exact).
//   - Levels and dispatch: [Level] is [Generic], [AVX2], [AVX512] or [NEON];
//     [Active], [Supported], [ParseLevel], [SetLevel]; the environment
//     variable EMBER_KERNELS and the build tag purego (see below).
//
// Each kernel checks its arguments (and panics with a message starting
// "kernels:" on a programmer error such as mismatched lengths), then runs at
// the [Active] level. The level is detected once at init from the CPU's
// features; set EMBER_KERNELS=generic|avx2|avx512|neon in the environment, or
// call [SetLevel], to force one, e.g. to compare levels or to report a bug.
// The build tag purego compiles no assembly at all.
//
// # Numeric contract
//
// Kernels without a rounding choice give bit-identical results at every
// level: [ReLU], [ReLUGrad], [Scale], and [Axpy] (which rounds the product
// before the sum, never fusing them); the one freedom left is which NaN
// comes out when an element has more than one NaN operand. Reductions such
// as [Dot] sum in a level-dependent order and are accurate to a stated
// bound; so does GEMM, whose result is nonetheless bit-identical for any
// thread count at one level. ReLU keeps NaN and maps -0 to +0, as PyTorch and Go's max do: a NaN
// reaching an activation must surface, not vanish.
//
// Assembly is never preempted by the Go scheduler, so long vectors are cut
// into chunks of a few tens of thousands of elements, and very short ones
// (below about 16 elements, where a call costs more than the work) stay in
// Go.
package kernels
