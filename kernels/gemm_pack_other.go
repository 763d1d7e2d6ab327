//go:build purego || !amd64

package kernels

// copyRows has no assembly here; packB copies row by row.
func copyRows[T float32 | float64](dst, src []T, ld, rows, width int) bool { return false }
