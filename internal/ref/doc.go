// Package ref is ember's naive reference implementation: the vector
// kernels' exact results (Axpy, Dot, Scale), a triple-loop GEMM,
// elementwise activations and their gradients, row-wise softmax, losses,
// optimizer steps and central finite differences.
//
// It is the oracle that every kernel in this module (SIMD, generic and the
// GEMM driver alike) is tested against, so it is written to be obviously
// correct rather than fast: plain loops in the textbook order, every
// intermediate value in float64, no blocking, no unrolling, no
// concurrency and no clever special cases beyond those the documentation of
// each function states. Each exported function documents the exact formula it
// evaluates and its behaviour for NaN, ±Inf and degenerate shapes.
//
// Programmer errors (negative sizes, bad leading dimensions, short or
// mismatched slices, out-of-range labels) panic with a message that begins
// with "ref: ".
//
// Package ref must never be used on a hot path; it imports only the standard
// library and gonum.org/v1/gonum/blas (for the blas.Transpose type).
package ref
