package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/emberml/ember/kernels"
)

func TestListPrintsSupportedLevels(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := run([]string{"-list"}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	for _, l := range kernels.Supported() {
		want.WriteString(l.String() + "\n")
	}
	if out.String() != want.String() {
		t.Errorf("-list printed %q, want %q", out.String(), want.String())
	}
}

func TestBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-sizes", "0"},
		{"-sizes", "12,abc"},
		{"-levels", "sse9"},
		{"-samples", "0"},
		{"-nosuchflag"},
		{"stray"},
	} {
		var out, errOut bytes.Buffer
		if err := run(args, &out, &errOut); err == nil {
			t.Errorf("run(%q) succeeded, want an error", args)
		}
	}
}

// TestReportHasEveryKernelAndLevel runs a tiny measurement and checks the
// table has a line for every kernel at every supported level.
func TestReportHasEveryKernelAndLevel(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := run([]string{"-sizes", "64", "-samples", "1"}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if !strings.Contains(text, "cpu: ") || !strings.Contains(text, "active "+kernels.Active().String()) {
		t.Errorf("header missing the CPU or the active level:\n%s", text)
	}
	for _, k := range kernelList {
		for _, l := range kernels.Supported() {
			found := false
			for _, line := range strings.Split(text, "\n") {
				f := strings.Fields(line)
				if len(f) >= 5 && f[0] == k.name && f[1] == l.String() && f[2] == "64" {
					found = true
				}
			}
			if !found {
				t.Errorf("no line for %s at %v:\n%s", k.name, l, text)
			}
		}
	}
}
