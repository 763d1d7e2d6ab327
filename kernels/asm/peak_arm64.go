//go:build !purego

package asm

// FMA loops for measuring a core's peak, in peak_neon_arm64.s: each runs
// iters trips of independent vector FMAs (24 accumulators, more chains than
// FMA latency × throughput on any current arm64 core, so nothing waits) and
// does nothing else.

// FMALoopF32NEON runs iters trips of 24 float32 FMLAs on 4-lane q
// registers (96 multiply-adds, 192 flops). Requires ASIMD.
//
//go:noescape
func FMALoopF32NEON(iters int)

// FMALoopF64NEON runs iters trips of 24 float64 FMLAs on 2-lane q
// registers (48 multiply-adds, 96 flops). Requires ASIMD.
//
//go:noescape
func FMALoopF64NEON(iters int)
