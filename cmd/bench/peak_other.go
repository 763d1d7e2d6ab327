//go:build purego || !(amd64 || arm64)

package main

import "github.com/emberml/ember/kernels"

// asmPeakLoop: builds without assembly have no FMA loop; only the generic
// level's scalar peak is measured.
func asmPeakLoop(kernels.Level, bool) (peakLoop, bool) { return peakLoop{}, false }
