// Package kernels is ember's public kernel API: vector and matrix kernels
// written in Go assembly for AVX2, AVX-512 and NEON, with a portable Go
// fallback that is compiled everywhere and serves as their specification.
//
// # Where to start
//
// Matrix multiplication: [Sgemm] and [Dgemm] (gonum's BLAS semantics,
// row-major, multi-threaded up to [Threads] goroutines; see [SetThreads]),
// or install [Implementation] with gonum's blas32.Use/blas64.Use to make
// gonum's mat package use them. Vector kernels: [Axpy], [Dot], [Scale],
// [ReLU] and [ReLUGrad].
// Each checks its arguments (and panics with a message starting "kernels:"
// on a programmer error such as mismatched lengths), then runs at the
// [Active] level. The level is detected once at init from the CPU's
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
