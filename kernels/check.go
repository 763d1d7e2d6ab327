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

// overlaps reports whether a and b share any memory (for outputs that may
// not alias an input at all).
func overlaps(a, b []float32) bool {
	return len(a) > 0 && len(b) > 0 && (partialOverlap(a, b) || &a[0] == &b[0])
}

// checkRows panics unless n elements form whole rows of cols ≥ 1 columns.
func checkRows(fn string, n, cols int) {
	if cols < 1 || n%cols != 0 {
		panicRows(fn, n, cols)
	}
}

//go:noinline
func panicRows(fn string, n, cols int) {
	panic("kernels: " + fn + ": " + itoa(n) + " elements are not rows of cols = " + itoa(cols))
}

// checkBatch panics if a loss is asked for the mean over no elements.
func checkBatch(fn string, n int) {
	if n == 0 {
		panic("kernels: " + fn + ": empty batch")
	}
}

// checkLabels panics unless there is one label per row and each is a
// column index.
func checkLabels(fn string, labels []int32, rows, cols int) {
	if len(labels) != rows {
		panic("kernels: " + fn + ": " + itoa(len(labels)) + " labels for " + itoa(rows) + " rows")
	}
	for _, l := range labels {
		if l < 0 || int(l) >= cols {
			panic("kernels: " + fn + ": label " + itoa(int(l)) + " out of range [0, " + itoa(cols) + ")")
		}
	}
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

// itoa formats small ints for panic messages without fmt.
func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
