//go:build !purego

package kernels

import "github.com/klauspost/cpuid/v2"

// detect returns the levels this CPU supports. cpuid/v2 reports AVX and
// AVX-512 only when the OS has enabled their register state (XGETBV), so a
// level listed here is safe to run.
func detect() []Level {
	levels := []Level{Generic}
	if cpuid.CPU.Supports(cpuid.AVX2, cpuid.FMA3) {
		levels = append(levels, AVX2)
		if cpuid.CPU.Supports(cpuid.AVX512F, cpuid.AVX512VL, cpuid.AVX512BW, cpuid.AVX512DQ) {
			levels = append(levels, AVX512)
		}
	}
	return levels
}
