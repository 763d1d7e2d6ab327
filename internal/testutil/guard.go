package testutil

import (
	"fmt"
	"runtime/debug"
)

// GuardSide says on which side of a guarded slice the inaccessible page is.
type GuardSide int

const (
	// GuardAfter puts the guard page right after the slice's last element.
	GuardAfter GuardSide = iota
	// GuardBefore puts the guard page right before the slice's first element.
	GuardBefore
)

// String names the side, for subtest names.
func (s GuardSide) String() string {
	if s == GuardBefore {
		return "guard-before"
	}
	return "guard-after"
}

// GuardSides lists both sides, for loops.
var GuardSides = []GuardSide{GuardAfter, GuardBefore}

// NoFault runs f and returns an error if it touched memory it may not (a
// guard page, in practice) instead of letting the fault kill the process.
// Other panics pass through unchanged. It works for faults inside
// assembly, as long as f runs on the calling goroutine.
func NoFault(f func()) (err error) {
	old := debug.SetPanicOnFault(true)
	defer debug.SetPanicOnFault(old)
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if fault, ok := r.(interface{ Addr() uintptr }); ok {
			err = fmt.Errorf("memory fault at %#x: %v", fault.Addr(), r)
			return
		}
		panic(r)
	}()
	f()
	return nil
}
