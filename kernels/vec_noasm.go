//go:build purego || !(amd64 || arm64)

package kernels

// Without assembly every kernel is its generic version.

func axpy(alpha float32, x, y []float32) { axpyGeneric(alpha, x, y) }
func dot(x, y []float32) float32         { return dotGeneric(x, y) }
func scale(alpha float32, x []float32)   { scaleGeneric(alpha, x) }
func relu(dst, x []float32)              { reluGeneric(dst, x) }
func reluGrad(dst, dy, x []float32)      { reluGradGeneric(dst, dy, x) }
