package testutil

import (
	"os"
	"testing"

	"github.com/emberml/ember/kernels"
)

// AllLevels is every level ember has kernels for, supported here or not.
var AllLevels = []kernels.Level{kernels.Generic, kernels.AVX2, kernels.AVX512, kernels.NEON}

// ForEachLevel runs f as a subtest named after each level, with the kernels
// set to that level, and restores the previous level afterwards. Levels this
// CPU lacks are skipped (visibly, in -v output). When EMBER_KERNELS is set,
// only that level runs, so a CI run per level tests just that level.
//
// It changes package-wide state: do not use it from parallel tests.
func ForEachLevel(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	forced := os.Getenv("EMBER_KERNELS")
	prev := kernels.Active()
	defer func() {
		if err := kernels.SetLevel(prev); err != nil {
			t.Fatalf("restoring level %v: %v", prev, err)
		}
	}()
	for _, l := range AllLevels {
		t.Run(l.String(), func(t *testing.T) {
			if forced != "" && forced != l.String() {
				t.Skipf("EMBER_KERNELS=%s", forced)
			}
			if err := kernels.SetLevel(l); err != nil {
				t.Skipf("this CPU lacks %v", l)
			}
			f(t)
		})
	}
}
