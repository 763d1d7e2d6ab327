//go:build !purego

package kernels

import (
	"unsafe"

	"github.com/emberml/ember/kernels/asm"
)

// gemvKernel runs the level's kernel of the given form (see gemv_generic.go)
// on elements of size bytes, or reports false when the level has none.
func gemvKernel(form gemvForm, k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer, size int) bool {
	f32 := size == 4
	switch {
	case active == NEON && form.axpy() && f32:
		asm.GemvAxpyF32NEON(k, n, x, m, ldm, y)
	case active == NEON && form.axpy():
		asm.GemvAxpyF64NEON(k, n, x, m, ldm, y)
	case active == NEON && f32:
		asm.GemvDotF32NEON(k, n, x, m, ldm, y)
	case active == NEON:
		asm.GemvDotF64NEON(k, n, x, m, ldm, y)
	default:
		return false
	}
	return true
}
