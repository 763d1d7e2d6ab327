//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package testutil

import "testing"

// GuardedFloat32s skips the test: this system has no mmap/mprotect through
// golang.org/x/sys/unix.
func GuardedFloat32s(t testing.TB, n int, side GuardSide) []float32 {
	t.Helper()
	t.Skip("testutil: guard pages need mmap and mprotect")
	return nil
}

// GuardedFloat64s skips the test, like GuardedFloat32s.
func GuardedFloat64s(t testing.TB, n int, side GuardSide) []float64 {
	t.Helper()
	t.Skip("testutil: guard pages need mmap and mprotect")
	return nil
}
