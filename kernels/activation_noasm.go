//go:build purego || !(amd64 || arm64)

package kernels

// Without assembly every kernel is its generic version.

func exp(dst, x []float32)                              { expGeneric(dst, x) }
func sigmoid(dst, x []float32)                          { sigmoidGeneric(dst, x) }
func tanh(dst, x []float32)                             { tanhGeneric(dst, x) }
func sigmoidGrad(dst, dy, y []float32)                  { sigmoidGradGeneric(dst, dy, y) }
func tanhGrad(dst, dy, y []float32)                     { tanhGradGeneric(dst, dy, y) }
func leakyReLU(dst, x []float32, slope float32)         { leakyReLUGeneric(dst, x, slope) }
func leakyReLUGrad(dst, dy, x []float32, slope float32) { leakyReLUGradGeneric(dst, dy, x, slope) }
