package kernels

import (
	"fmt"
	"unsafe"
)

// The checks are small enough to be inlined into every kernel; only the
// panics, which format a message, are out of line. (Called out of line, the
// overlap check alone measured about 7 ns per call here, as much as the
// assembly for 16 elements.)

// checkSameLen panics unless x and y have the same length.
func checkSameLen(fn, xName string, x []float32, yName string, y []float32) {
	if len(x) != len(y) {
		panicLengths(fn, xName, len(x), yName, len(y))
	}
}

// partialOverlap reports whether a and b share memory without starting at
// the same element. In-place use (the same slice) is fine for elementwise
// kernels; a shifted overlap would make the result depend on the order the
// vector loop happens to touch memory in. With unsigned wrap-around, a
// starts inside b exactly when 0 < a0−b0 < len(b)·4, and b inside a when
// 0 < b0−a0 < len(a)·4.
func partialOverlap(a, b []float32) bool {
	d := uintptr(unsafe.Pointer(unsafe.SliceData(a))) - uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	return d != 0 && (d < uintptr(len(b))*4 || -d < uintptr(len(a))*4)
}

//go:noinline
func panicLengths(fn, xName string, nx int, yName string, ny int) {
	panic(fmt.Sprintf("kernels: %s: len(%s) = %d != len(%s) = %d", fn, xName, nx, yName, ny))
}

// panicOverlap reports a partial overlap; what names the kernel and the
// slices, e.g. "Axpy: x and y".
//
//go:noinline
func panicOverlap(what string) {
	panic("kernels: " + what + " overlap without being the same slice")
}
