package main

import (
	"fmt"
	"io"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/klauspost/cpuid/v2"

	"github.com/emberml/ember/kernels"
)

// hostRecords describe the machine and the build as info records: the
// report's header, kept with the measurements in -json and -csv output.
func hostRecords(now time.Time) []Record {
	cpu := cpuid.CPU.BrandName
	if cpu == "" {
		cpu = "unknown " + runtime.GOARCH + " CPU"
	}
	info := [][2]string{
		{"date", now.UTC().Format("2006-01-02 15:04 MST")},
		{"commit", commit()},
		{"cpu", fmt.Sprintf("%s, %d logical cores", cpu, runtime.NumCPU())},
		{"features", strings.Join(cpuid.CPU.FeatureSet(), " ")},
		{"levels", fmt.Sprintf("supported %v, active %v", kernels.Supported(), kernels.Active())},
		{"go", fmt.Sprintf("%s %s/%s, GOMAXPROCS %d", runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.GOMAXPROCS(0))},
	}
	var recs []Record
	for _, kv := range info {
		if kv[1] != "" {
			recs = append(recs, Record{Suite: "info", Kernel: kv[0], Note: kv[1]})
		}
	}
	return recs
}

// commit names the source measured: the VCS stamp of a built binary, or
// (go run stamps none) git's view of the working directory, if git is
// there.
func commit() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		var rev, dirty string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				if s.Value == "true" {
					dirty = "-dirty"
				}
			}
		}
		if rev != "" {
			return rev[:min(len(rev), 12)] + dirty
		}
	}
	out, err := exec.Command("git", "describe", "--always", "--dirty", "--abbrev=12").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// progress reports on stderr what is being measured, with the time
// elapsed, so a long run shows it is alive.
type progress struct {
	w     io.Writer
	start time.Time
}

func (p *progress) printf(format string, args ...any) {
	if p == nil || p.w == nil {
		return
	}
	fmt.Fprintf(p.w, "[%5.1fs] %s\n", time.Since(p.start).Seconds(), fmt.Sprintf(format, args...))
}
