//go:build purego || !(amd64 || arm64)

package kernels

// Without assembly every kernel is its generic version.

func sqDiffSum(x, y []float32) float64 { return sqDiffSumGeneric(x, y) }
