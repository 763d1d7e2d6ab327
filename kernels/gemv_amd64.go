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
	case active == AVX512 && form == gemvAxpyMemoryForm && f32:
		asm.GemvAxpyStreamF32AVX512(k, n, x, m, ldm, y)
	case active == AVX512 && form == gemvAxpyMemoryForm:
		asm.GemvAxpyStreamF64AVX512(k, n, x, m, ldm, y)
	case active == AVX512 && form == gemvAxpyStreamForm && f32:
		asm.GemvAxpyPrefetchF32AVX512(k, n, x, m, ldm, y)
	case active == AVX512 && form == gemvAxpyStreamForm:
		asm.GemvAxpyPrefetchF64AVX512(k, n, x, m, ldm, y)
	case active == AVX512 && form == gemvAxpyForm && f32:
		asm.GemvAxpyF32AVX512(k, n, x, m, ldm, y)
	case active == AVX512 && form == gemvAxpyForm:
		asm.GemvAxpyF64AVX512(k, n, x, m, ldm, y)
	case active == AVX512 && form == gemvDotStreamForm && f32:
		asm.GemvDotStreamF32AVX512(k, n, x, m, ldm, y)
	case active == AVX512 && form == gemvDotStreamForm:
		asm.GemvDotStreamF64AVX512(k, n, x, m, ldm, y)
	case active == AVX512 && f32:
		asm.GemvDotF32AVX512(k, n, x, m, ldm, y)
	case active == AVX512:
		asm.GemvDotF64AVX512(k, n, x, m, ldm, y)
	case active == AVX2 && (form == gemvAxpyStreamForm || form == gemvAxpyMemoryForm) && f32:
		asm.GemvAxpyStreamF32AVX2(k, n, x, m, ldm, y)
	case active == AVX2 && (form == gemvAxpyStreamForm || form == gemvAxpyMemoryForm):
		asm.GemvAxpyStreamF64AVX2(k, n, x, m, ldm, y)
	case active == AVX2 && form.axpy() && f32:
		asm.GemvAxpyF32AVX2(k, n, x, m, ldm, y)
	case active == AVX2 && form.axpy():
		asm.GemvAxpyF64AVX2(k, n, x, m, ldm, y)
	case active == AVX2 && f32:
		asm.GemvDotF32AVX2(k, n, x, m, ldm, y)
	case active == AVX2:
		asm.GemvDotF64AVX2(k, n, x, m, ldm, y)
	default:
		return false
	}
	return true
}
