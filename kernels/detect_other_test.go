//go:build purego || !(amd64 || arm64)

package kernels_test

import (
	"slices"
	"testing"

	"github.com/emberml/ember/kernels"
)

// TestDetectGenericOnly checks that a build without assembly offers only
// the generic level.
func TestDetectGenericOnly(t *testing.T) {
	if s := kernels.Supported(); !slices.Equal(s, []kernels.Level{kernels.Generic}) {
		t.Errorf("Supported() = %v without assembly, want [generic]", s)
	}
}
