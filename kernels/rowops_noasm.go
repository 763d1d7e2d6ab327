//go:build purego || !(amd64 || arm64)

package kernels

// Without assembly every row operation is its generic version.

func rowMax(x []float32) float32                          { return rowMaxGeneric(x) }
func subConst(dst, x []float32, c float32)                { subConstGeneric(dst, x, c) }
func scaledDiff(dst, t []float32, scale float32)          { scaledDiffGeneric(dst, t, scale) }
func add(dst, x, y []float32)                             { addGeneric(dst, x, y) }
func expShiftSum(dst, x []float32, shift float32) float32 { return expShiftSumGeneric(dst, x, shift) }
func expShiftSumNoStore(x []float32, shift float32) float32 {
	return expShiftSumNoStoreGeneric(x, shift)
}
func bceLogitsSum(z, y []float32) float64 { return bceLogitsSumGeneric(z, y) }
func sqDiffSum(x, y []float32) float64    { return sqDiffSumGeneric(x, y) }
