//go:build !purego

package asm

// FMA loops for measuring a core's peak, in peak_amd64.s: each runs iters
// trips of independent vector FMAs (more chains than FMA latency ×
// throughput, so nothing waits) and does nothing else.

// FMALoopF32AVX2 runs iters trips of 12 ymm float32 FMAs (96 multiply-adds,
// 192 flops). Requires AVX2 and FMA3.
//
//go:noescape
func FMALoopF32AVX2(iters int)

// FMALoopF64AVX2 runs iters trips of 12 ymm float64 FMAs (48 multiply-adds,
// 96 flops). Requires AVX2 and FMA3.
//
//go:noescape
func FMALoopF64AVX2(iters int)

// FMALoopF32AVX512 runs iters trips of 24 zmm float32 FMAs (384
// multiply-adds, 768 flops). Requires AVX512F.
//
//go:noescape
func FMALoopF32AVX512(iters int)

// FMALoopF64AVX512 runs iters trips of 24 zmm float64 FMAs (192
// multiply-adds, 384 flops). Requires AVX512F.
//
//go:noescape
func FMALoopF64AVX512(iters int)
