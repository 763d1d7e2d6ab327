//go:build linux

// Command guestinit is the /init of the initramfs that .ci/emulate boots
// under Bochs. It is built statically by .ci/emulate (go build of this one
// file; it is not part of the module's packages) and never runs on a host.
//
// It mounts /proc, /sys, /dev and /tmp, describes the guest CPU, runs each
// command listed in /emulate/runs (one per line: a working directory, then
// the program and its arguments, split on blanks — there is no shell and no
// quoting), with the environment listed in /emulate/env (one NAME=value per
// line), prints an end marker with the first non-zero exit status (0 if all
// passed) on the console and powers the machine off.
package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// The markers .ci/emulate looks for on the serial console.
const (
	beginMarker = "EMBER-EMULATE-BEGIN"
	endMarker   = "EMBER-EMULATE-END status="
)

func main() {
	for _, m := range []struct{ src, dir, fs string }{
		{"proc", "/proc", "proc"},
		{"sysfs", "/sys", "sysfs"},
		{"devtmpfs", "/dev", "devtmpfs"},
		{"tmpfs", "/tmp", "tmpfs"},
	} {
		os.MkdirAll(m.dir, 0o755)
		if err := syscall.Mount(m.src, m.dir, m.fs, 0, ""); err != nil {
			fmt.Fprintf(os.Stderr, "guestinit: mount %s: %v\n", m.dir, err)
		}
	}
	con, err := os.OpenFile("/dev/console", os.O_RDWR, 0)
	if err != nil {
		con = os.Stdout
	}
	status := run(con)
	fmt.Fprintf(con, "\n%s%d\n", endMarker, status)
	con.Sync()
	syscall.Sync()
	// Give the UART time to drain before the power goes.
	time.Sleep(200 * time.Millisecond)
	syscall.Reboot(syscall.LINUX_REBOOT_CMD_POWER_OFF)
	select {}
}

func run(con *os.File) int {
	fmt.Fprintln(con, beginMarker)
	fmt.Fprintln(con, "guest: "+cpuSummary())
	env := []string{"PATH=/bin", "HOME=/tmp", "TMPDIR=/tmp"}
	env = append(env, lines("/emulate/env")...)
	runs := lines("/emulate/runs")
	if len(runs) == 0 {
		fmt.Fprintln(con, "guestinit: no runs in /emulate/runs")
		return 125
	}
	status := 0
	for _, line := range runs {
		f := strings.Fields(line)
		if len(f) < 2 {
			fmt.Fprintf(con, "guestinit: bad run line %q\n", line)
			return 125
		}
		fmt.Fprintf(con, "guest$ cd %s && %s   [%s]\n", f[0], strings.Join(f[1:], " "), strings.Join(env[3:], " "))
		cmd := exec.Command(f[1], f[2:]...)
		cmd.Dir, cmd.Env = f[0], env
		cmd.Stdout, cmd.Stderr = con, con
		start := time.Now()
		err := cmd.Run()
		code := 0
		if err != nil {
			code = 1
			if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() > 0 {
				code = ee.ExitCode()
			}
		}
		fmt.Fprintf(con, "guest: exit status %d, %v (err %v) after %.1f s of guest time\n", code, cmd.ProcessState, err, time.Since(start).Seconds())
		if status == 0 {
			status = code
		}
	}
	return status
}

// lines returns the non-blank lines of a file, nil if it does not exist.
func lines(name string) []string {
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if s := strings.TrimSpace(sc.Text()); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// cpuSummary names the guest CPU and says which of the SIMD features that
// decide ember's level the guest kernel reports.
func cpuSummary() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "no /proc/cpuinfo: " + err.Error()
	}
	model, flags := "?", map[string]bool{}
	for _, l := range strings.Split(string(data), "\n") {
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		switch strings.TrimSpace(k) {
		case "model name":
			model = strings.TrimSpace(v)
		case "flags":
			for _, f := range strings.Fields(v) {
				flags[f] = true
			}
		}
	}
	s := model + ";"
	for _, f := range []string{"avx", "avx2", "fma", "avx512f", "avx512vl", "avx512bw", "avx512dq"} {
		if flags[f] {
			s += " " + f
		} else {
			s += " no-" + f
		}
	}
	return s
}
