//go:build !purego

package kernels_test

import (
	"slices"
	"testing"

	"golang.org/x/sys/cpu"

	"github.com/emberml/ember/kernels"
)

// TestDetectMatchesXSysCPU cross-checks the cpuid/v2 detection against
// golang.org/x/sys/cpu.
func TestDetectMatchesXSysCPU(t *testing.T) {
	s := kernels.Supported()
	if got := slices.Contains(s, kernels.NEON); got != cpu.ARM64.HasASIMD {
		t.Errorf("NEON supported = %v, x/sys/cpu says ASIMD = %v", got, cpu.ARM64.HasASIMD)
	}
	if slices.Contains(s, kernels.AVX2) || slices.Contains(s, kernels.AVX512) {
		t.Errorf("x86 levels supported on arm64: %v", s)
	}
	t.Logf("supported: %v", s)
}
