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
