//go:build !purego

package kernels

import (
	"unsafe"

	"github.com/emberml/ember/kernels/asm"
)

// gemvAxpyKernel runs the level's axpy-form kernel (see gemv_generic.go) on
// elements of size bytes, or reports false when the level has none.
func gemvAxpyKernel(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer, size int) bool {
	switch active {
	case NEON:
		if size == 4 {
			asm.GemvAxpyF32NEON(k, n, x, m, ldm, y)
		} else {
			asm.GemvAxpyF64NEON(k, n, x, m, ldm, y)
		}
		return true
	}
	return false
}

// gemvDotKernel runs the level's dot-form kernel (see gemv_generic.go) on
// elements of size bytes, or reports false when the level has none.
func gemvDotKernel(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer, size int) bool {
	switch active {
	case NEON:
		if size == 4 {
			asm.GemvDotF32NEON(k, n, x, m, ldm, y)
		} else {
			asm.GemvDotF64NEON(k, n, x, m, ldm, y)
		}
		return true
	}
	return false
}
