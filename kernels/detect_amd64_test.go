//go:build !purego

package kernels_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/sys/cpu"

	"github.com/emberml/ember/kernels"
)

// TestDetectMatchesXSysCPU cross-checks the cpuid/v2 detection against the
// standard library's view of the CPU (golang.org/x/sys/cpu), which also
// requires the OS to have enabled the AVX and AVX-512 register state.
func TestDetectMatchesXSysCPU(t *testing.T) {
	if strings.Contains(os.Getenv("GODEBUG"), "cpu.") {
		t.Skip("GODEBUG masks features from x/sys/cpu but not from cpuid/v2")
	}
	s := kernels.Supported()
	avx2 := cpu.X86.HasAVX2 && cpu.X86.HasFMA
	avx512 := avx2 && cpu.X86.HasAVX512F && cpu.X86.HasAVX512VL && cpu.X86.HasAVX512BW && cpu.X86.HasAVX512DQ
	if got := slices.Contains(s, kernels.AVX2); got != avx2 {
		t.Errorf("AVX2 supported = %v, x/sys/cpu says %v", got, avx2)
	}
	if got := slices.Contains(s, kernels.AVX512); got != avx512 {
		t.Errorf("AVX512 supported = %v, x/sys/cpu says %v", got, avx512)
	}
	if slices.Contains(s, kernels.NEON) {
		t.Error("NEON supported on amd64")
	}
	t.Logf("supported: %v", s)
}
