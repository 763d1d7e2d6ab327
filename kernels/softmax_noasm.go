//go:build purego || !(amd64 || arm64)

package kernels

// Without assembly every kernel is its generic version.

func rowMax(x []float32) float32               { return rowMaxGeneric(x) }
func subScalar(dst, x []float32, c float32)    { subScalarGeneric(dst, x, c) }
func subScale(dst, t []float32, scale float32) { subScaleGeneric(dst, t, scale) }
func add(dst, x, y []float32)                  { addGeneric(dst, x, y) }
