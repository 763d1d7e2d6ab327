//go:build linux || darwin || freebsd || netbsd || openbsd

package testutil

import (
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"
)

// GuardedFloat32s returns a zeroed []float32 of length n in memory of its
// own, beside a page that cannot be read or written: with GuardAfter the
// slice's last element ends exactly where the page begins (over-reads
// fault), with GuardBefore its first element starts right after the page
// (under-reads fault). Run the code under test with NoFault so that a
// fault fails the test instead of killing the process. The memory is
// unmapped when the test ends. Never store Go pointers in it.
func GuardedFloat32s(t testing.TB, n int, side GuardSide) []float32 {
	t.Helper()
	return guarded[float32](t, n, side)
}

// GuardedFloat64s is GuardedFloat32s for float64.
func GuardedFloat64s(t testing.TB, n int, side GuardSide) []float64 {
	t.Helper()
	return guarded[float64](t, n, side)
}

func guarded[T float32 | float64](t testing.TB, n int, side GuardSide) []T {
	t.Helper()
	size := int(unsafe.Sizeof(T(0)))
	page := unix.Getpagesize()
	dataPages := (n*size + page - 1) / page
	region, err := unix.Mmap(-1, 0, (dataPages+2)*page, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_ANON|unix.MAP_PRIVATE)
	if err != nil {
		t.Skipf("testutil: mmap unavailable: %v", err)
	}
	t.Cleanup(func() {
		if err := unix.Munmap(region); err != nil {
			t.Errorf("testutil: munmap: %v", err)
		}
	})
	for _, guard := range [][]byte{region[:page], region[(dataPages+1)*page:]} {
		if err := unix.Mprotect(guard, unix.PROT_NONE); err != nil {
			t.Skipf("testutil: mprotect unavailable: %v", err)
		}
	}
	start := page // GuardBefore: right after the leading guard
	if side == GuardAfter {
		start = (dataPages+1)*page - n*size
	}
	return unsafe.Slice((*T)(unsafe.Pointer(&region[start])), n)
}
