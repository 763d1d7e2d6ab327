// Package asm holds ember's Go assembly kernels and their declarations:
// one pair of files per kernel family and instruction set
// (<family>_<isa>_<arch>.s beside <family>_<arch>.go; the FMA peak loops
// and the tail-mask table keep both amd64 ISAs in one file), the
// algorithms they share across vector widths and element types in headers
// (*.h; see ARCHITECTURE.md).
//
// It is not API: internal machinery for package kernels (and cmd/bench's
// FMA peak loops), with no compatibility promise. Its functions are
// unchecked: they trust their arguments (lengths, alignment of the
// documented multiples, non-overlap, CPU features) and do no checking,
// allocation or dispatch; a wrong argument reads or writes out of bounds or
// faults on an illegal instruction. Call the checked kernels of package
// kernels instead. Each function's comment gives the Go loop it computes
// and the CPU features it needs; names are <Kernel><ISA>, the ISA being
// what the routine needs (AVX, AVX2 with FMA3, AVX512, NEON).
package asm
