//go:build !purego

package kernels

import "github.com/klauspost/cpuid/v2"

// detect returns the levels this CPU supports: NEON (ASIMD) is part of
// every arm64 CPU Go runs on, but ask rather than assume.
func detect() []Level {
	if cpuid.CPU.Supports(cpuid.ASIMD) {
		return []Level{Generic, NEON}
	}
	return []Level{Generic}
}

// detectCaches returns the per-core L1D and L2 and the total L3 sizes in
// bytes as cpuid reports them; a size it cannot tell is 0.
func detectCaches() cacheSizes {
	c := cpuid.CPU.Cache
	return cacheSizes{l1d: max(c.L1D, 0), l2: max(c.L2, 0), l3: max(c.L3, 0)}
}
