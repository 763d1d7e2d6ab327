//go:build purego || !(amd64 || arm64)

package kernels

import "unsafe"

// gemvKernel reports false: without amd64 or arm64 assembly the
// matrix-vector path runs its Go loops.
func gemvKernel(form gemvForm, k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer, size int) bool {
	return false
}
