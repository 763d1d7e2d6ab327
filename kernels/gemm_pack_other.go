//go:build purego || !amd64

package kernels

// copySlivers has no assembly here; packB copies row by row.
func copySlivers[T float32 | float64](dst, src []T, ld, rows, width, slivers, stride int) bool {
	return false
}

// packA6 has no assembly here; packA uses packRows6.
func packA6[T float32 | float64](d, a []T, lda, i0, pc, kc int) bool { return false }

// packA6Trans has no assembly here; packA copies row by row.
func packA6Trans[T float32 | float64](d, a []T, lda, i0, pc, kc int) bool { return false }

// packTrans has no assembly here; its callers gather element by element.
func packTrans[T float32 | float64](dst, src []T, ld, k, rows, nr int) int { return 0 }

// packNarrowSteps has no assembly here (nor do the narrow kernels it packs
// for).
func packNarrowSteps[T float32 | float64](bt, b []T, ldb int, bTrans bool, k, n, w, lanes int) int {
	return 0
}

// storeTransposedBlocks has no assembly here; storeTransposed stores every
// row in Go.
func storeTransposedBlocks[T float32 | float64](c []T, ldc int, ct []T, m, n int, beta T) int {
	return 0
}
