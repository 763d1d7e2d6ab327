//go:build purego || !amd64

package kernels

import "unsafe"

// Without amd64 assembly the matrix-vector path runs its Go loops.
// TODO(neon): NEON kernels for both forms.

func gemvAxpyKernel(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer, size int) bool {
	return false
}

func gemvDotKernel(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer, size int) bool {
	return false
}
