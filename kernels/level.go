package kernels

import (
	"fmt"
	"os"
	"strings"
)

// Level is an instruction-set level the kernels can run at. Every kernel
// exists at every level: Generic is portable Go, the others are hand-written
// assembly for one family of CPUs.
type Level int

// The levels, from the portable fallback up. A CPU supports Generic plus at
// most the levels of its architecture (AVX2 and AVX512 on amd64, NEON on
// arm64).
const (
	// Generic is pure Go; it is always supported and is the specification
	// every assembly kernel is tested against.
	Generic Level = iota
	// AVX2 is amd64 with AVX2 and FMA3.
	AVX2
	// AVX512 is amd64 with AVX-512 F, VL, BW and DQ, enabled by the OS.
	AVX512
	// NEON is arm64 Advanced SIMD (ASIMD).
	NEON
)

// envVar is the environment variable read at init to force a level.
const envVar = "EMBER_KERNELS"

var levelNames = [...]string{
	Generic: "generic",
	AVX2:    "avx2",
	AVX512:  "avx512",
	NEON:    "neon",
}

// String returns the level's name as EMBER_KERNELS spells it: "generic",
// "avx2", "avx512" or "neon".
func (l Level) String() string {
	if l >= 0 && int(l) < len(levelNames) {
		return levelNames[l]
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

// ParseLevel returns the level whose name (as String gives it) is s.
// It does not check that this CPU supports the level.
func ParseLevel(s string) (Level, error) {
	for l, name := range levelNames {
		if s == name {
			return Level(l), nil
		}
	}
	return Generic, fmt.Errorf("kernels: unknown level %q (valid: %s)", s, strings.Join(levelNames[:], ", "))
}

var (
	// supported lists the levels this CPU can run, Generic first, in
	// increasing order; it is set once at init by detect.
	supported = detect()
	// active is the level every kernel dispatches on. It is read on every
	// call without synchronisation: change it only through SetLevel, and
	// only while no kernel is running.
	active = initialLevel()
)

// initialLevel is the best supported level, or the one EMBER_KERNELS names.
// A bad EMBER_KERNELS value panics: a benchmark or bug report that asked for
// a level must never silently run another.
func initialLevel() Level {
	s, ok := os.LookupEnv(envVar)
	if !ok || s == "" {
		return supported[len(supported)-1]
	}
	l, err := ParseLevel(s)
	if err != nil {
		panic(fmt.Sprintf("kernels: %s=%q is not a level (valid on this CPU: %s)", envVar, s, supportedNames()))
	}
	if checkSupported(l) != nil {
		panic(fmt.Sprintf("kernels: %s=%q: this CPU does not support %v (valid on this CPU: %s)", envVar, s, l, supportedNames()))
	}
	return l
}

// Active returns the level the kernels currently run at.
func Active() Level { return active }

// Supported returns the levels this CPU can run, Generic first and the
// fastest last. The caller may modify the returned slice.
func Supported() []Level { return append([]Level(nil), supported...) }

// SetLevel makes every kernel run at level l from now on. It returns an
// error naming the supported levels if this CPU cannot run l.
//
// SetLevel is meant for tests, benchmarks and start-up code: it must not be
// called while another goroutine may be running a kernel.
func SetLevel(l Level) error {
	if err := checkSupported(l); err != nil {
		return err
	}
	active = l
	return nil
}

func checkSupported(l Level) error {
	for _, s := range supported {
		if s == l {
			return nil
		}
	}
	return fmt.Errorf("kernels: level %v is not supported by this CPU (supported: %s)", l, supportedNames())
}

func supportedNames() string {
	names := make([]string, len(supported))
	for i, l := range supported {
		names[i] = l.String()
	}
	return strings.Join(names, ", ")
}
