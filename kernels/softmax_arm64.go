//go:build !purego

package kernels

// Assembly for the row primitives is not written yet: every level runs the
// generic kernels.

func rowMax(x []float32) float32               { return rowMaxGeneric(x) }
func subScalar(dst, x []float32, c float32)    { subScalarGeneric(dst, x, c) }
func subScale(dst, t []float32, scale float32) { subScaleGeneric(dst, t, scale) }
func add(dst, x, y []float32)                  { addGeneric(dst, x, y) }
