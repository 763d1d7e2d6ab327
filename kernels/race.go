//go:build race

package kernels

import (
	"runtime"
	"unsafe"
)

// The race detector cannot see memory that assembly touches, so the
// exported kernels announce their reads and writes here. This makes
// go test -race meaningful for kernels called from several goroutines.

const raceEnabled = true

func raceRead[T float32 | float64](s []T) {
	if len(s) > 0 {
		runtime.RaceReadRange(unsafe.Pointer(unsafe.SliceData(s)), len(s)*int(unsafe.Sizeof(s[0])))
	}
}

func raceWrite[T float32 | float64](s []T) {
	if len(s) > 0 {
		runtime.RaceWriteRange(unsafe.Pointer(unsafe.SliceData(s)), len(s)*int(unsafe.Sizeof(s[0])))
	}
}
