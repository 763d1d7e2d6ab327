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

// detectCaches returns the per-core L1D and L2 and the total L3 sizes in
// bytes as cpuid reports them; a size it cannot tell is 0.
func detectCaches() cacheSizes {
	c := cpuid.CPU.Cache
	return cacheSizes{l1d: max(c.L1D, 0), l2: max(c.L2, 0), l3: max(c.L3, 0)}
}
