package kernels

import (
	"fmt"
	"unsafe"
)

// checkNoPartialOverlap panics if a and b share memory without starting at
// the same element. In-place use (the same slice) is fine for elementwise
// kernels; a shifted overlap would make the result depend on the order the
// vector loop happens to touch memory in.
func checkNoPartialOverlap(fn, aName string, a []float32, bName string, b []float32) {
	if len(a) == 0 || len(b) == 0 {
		return
	}
	const size = unsafe.Sizeof(float32(0))
	a0 := uintptr(unsafe.Pointer(unsafe.SliceData(a)))
	b0 := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	if a0 == b0 {
		return
	}
	if a0 < b0+uintptr(len(b))*size && b0 < a0+uintptr(len(a))*size {
		panic(fmt.Sprintf("kernels: %s: %s and %s overlap without being the same slice", fn, aName, bName))
	}
}
