package kernels_test

import (
	"errors"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/emberml/ember/internal/testutil"
	"github.com/emberml/ember/kernels"
)

func TestLevelNames(t *testing.T) {
	for l, want := range map[kernels.Level]string{
		kernels.Generic: "generic", kernels.AVX2: "avx2", kernels.AVX512: "avx512", kernels.NEON: "neon",
		kernels.Level(99): "Level(99)", kernels.Level(-1): "Level(-1)",
	} {
		if got := l.String(); got != want {
			t.Errorf("Level(%d).String() = %q, want %q", int(l), got, want)
		}
		if int(l) < 0 || int(l) > int(kernels.NEON) {
			continue
		}
		if back, err := kernels.ParseLevel(want); err != nil || back != l {
			t.Errorf("ParseLevel(%q) = %v, %v", want, back, err)
		}
	}
	for _, bad := range []string{"", "AVX2", "sse", "avx-512"} {
		if _, err := kernels.ParseLevel(bad); err == nil || !strings.Contains(err.Error(), "generic, avx2, avx512, neon") {
			t.Errorf("ParseLevel(%q) error = %v, want one naming the valid levels", bad, err)
		}
	}
}

func TestSupported(t *testing.T) {
	s := kernels.Supported()
	if len(s) == 0 || s[0] != kernels.Generic {
		t.Fatalf("Supported() = %v, want Generic first", s)
	}
	if !slices.IsSorted(s) || len(slices.Compact(slices.Clone(s))) != len(s) {
		t.Errorf("Supported() = %v, want increasing levels", s)
	}
	if os.Getenv("EMBER_KERNELS") == "" && kernels.Active() != s[len(s)-1] {
		t.Errorf("Active() = %v, want the best supported level %v", kernels.Active(), s[len(s)-1])
	}
	s[0] = kernels.NEON
	if kernels.Supported()[0] != kernels.Generic {
		t.Error("modifying Supported()'s result changed the package's list")
	}
}

func TestSetLevel(t *testing.T) {
	prev := kernels.Active()
	defer kernels.SetLevel(prev)
	supported := kernels.Supported()
	for _, l := range append(testutil.AllLevels, kernels.Level(-1), kernels.Level(42)) {
		err := kernels.SetLevel(l)
		if slices.Contains(supported, l) {
			if err != nil || kernels.Active() != l {
				t.Errorf("SetLevel(%v) = %v, Active() = %v", l, err, kernels.Active())
			}
			continue
		}
		if err == nil {
			t.Errorf("SetLevel(%v) succeeded on a CPU supporting only %v", l, supported)
			continue
		}
		for _, s := range supported {
			if !strings.Contains(err.Error(), s.String()) {
				t.Errorf("SetLevel(%v) error %q does not name supported level %v", l, err, s)
			}
		}
	}
}

// TestEmberKernelsEnv starts this test binary again with EMBER_KERNELS set
// and checks that a supported value is obeyed and a bad one panics at init,
// naming the valid values.
func TestEmberKernelsEnv(t *testing.T) {
	if os.Getenv("EMBER_TEST_PRINT_LEVEL") != "" {
		// The child: report the level chosen at init.
		os.Stdout.WriteString("active=" + kernels.Active().String() + "\n")
		return
	}
	run := func(value string) (string, error) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestEmberKernelsEnv$")
		cmd.Env = append(os.Environ(), "EMBER_KERNELS="+value, "EMBER_TEST_PRINT_LEVEL=1")
		out, err := cmd.CombinedOutput()
		var exitErr *exec.ExitError
		if err != nil && !errors.As(err, &exitErr) {
			// Under qemu user emulation the binary cannot start itself.
			t.Skipf("cannot re-run the test binary: %v", err)
		}
		return string(out), err
	}
	for _, l := range kernels.Supported() {
		out, err := run(l.String())
		if err != nil || !strings.Contains(out, "active="+l.String()+"\n") {
			t.Errorf("EMBER_KERNELS=%v: err %v, output:\n%s", l, err, out)
		}
	}
	unsupported := []string{"bogus", "AVX2"}
	for _, l := range testutil.AllLevels {
		if !slices.Contains(kernels.Supported(), l) {
			unsupported = append(unsupported, l.String())
		}
	}
	for _, v := range unsupported {
		out, err := run(v)
		if err == nil || !strings.Contains(out, "panic: kernels: EMBER_KERNELS=") {
			t.Errorf("EMBER_KERNELS=%s: want a panic at init, got err %v, output:\n%s", v, err, out)
			continue
		}
		for _, l := range kernels.Supported() {
			if !strings.Contains(out, l.String()) {
				t.Errorf("EMBER_KERNELS=%s: panic does not name valid value %v:\n%s", v, l, out)
			}
		}
		// One clear sentence: the reason and the valid values once each.
		line := out[strings.Index(out, "panic: "):]
		line = line[:strings.IndexByte(line+"\n", '\n')]
		if n := strings.Count(line, "kernels:"); n != 1 {
			t.Errorf("EMBER_KERNELS=%s: %q says \"kernels:\" %d times", v, line, n)
		}
		if n := strings.Count(line, "valid"); n != 1 {
			t.Errorf("EMBER_KERNELS=%s: %q lists the valid values %d times", v, line, n)
		}
		if n := strings.Count(line, "support"); n > 1 {
			t.Errorf("EMBER_KERNELS=%s: %q gives the reason %d times", v, line, n)
		}
	}
}

// TestWantLevel checks the level detection chose on a CPU whose right level
// is known: .ci/emulate boots the tests under Bochs CPU models (AVX-512, AVX2
// without AVX-512, AVX without AVX2) and sets EMBER_TEST_WANT_LEVEL to the
// level each model must select. Without the variable it is skipped.
func TestWantLevel(t *testing.T) {
	s := os.Getenv("EMBER_TEST_WANT_LEVEL")
	if s == "" {
		t.Skip("EMBER_TEST_WANT_LEVEL is not set")
	}
	want, err := kernels.ParseLevel(s)
	if err != nil {
		t.Fatal(err)
	}
	supported := kernels.Supported()
	if best := supported[len(supported)-1]; best != want {
		t.Errorf("best supported level = %v (supported %v), want %v", best, supported, want)
	}
	if os.Getenv("EMBER_KERNELS") == "" && kernels.Active() != want {
		t.Errorf("Active() = %v, want %v", kernels.Active(), want)
	}
	t.Logf("supported %v, active %v", supported, kernels.Active())
}
