package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/emberml/ember/kernels"
)

// baselineOf is the implementation each suite's speed-ups are relative to.
var baselineOf = map[string]string{"gemm": gonumName, "elementwise": mathName, "mlp": torchName}

// isPeer reports whether level names a peer measured outside the harness
// (bench/peers: openblas, blis, their -gemv figures, torch) rather than an
// ember level or a baseline the harness measures itself.
func isPeer(level string) bool {
	if level == gonumName || level == mathName || level == "" {
		return false
	}
	_, err := kernels.ParseLevel(level)
	return err != nil
}

// bestPeer is the highest rate of a peer in each group (groupKey) of the
// suite's records; empty if no peer's records are there.
func bestPeer(recs []Record, suite string) map[string]float64 {
	best := map[string]float64{}
	for _, r := range recs {
		if r.Suite == suite && isPeer(r.Level) {
			best[groupKey(r)] = max(best[groupKey(r)], r.Rate)
		}
	}
	return best
}

// groupKey identifies the records that compare with each other: one
// kernel at one shape and thread count.
func groupKey(r Record) string {
	return fmt.Sprint(r.Suite, "|", r.Kernel, "|", r.Shape, "|", r.Threads)
}

// derive fills in PctPeak and Speedup where they are missing (0) and the
// records to compute them are there: % of peak for GEMM against the peak
// record of the same level and precision (an ember level), or else the
// highest peak measured, the machine's (gonum, whose inner loops are SIMD
// assembly on amd64, and peers such as OpenBLAS), times the thread count;
// the speed-up against the suite's baseline in the same group. It works on the records of one run
// or on records read back with -in, peers' included.
func derive(recs []Record) {
	peak := map[string]float64{} // "level|fma-f32" → GFLOP/s
	best := map[string]float64{} // "fma-f32" → highest
	for _, r := range recs {
		if r.Suite == "peak" {
			peak[r.Level+"|"+r.Kernel] = r.Rate
			best[r.Kernel] = max(best[r.Kernel], r.Rate)
		}
	}
	base := map[string]float64{}
	for _, r := range recs {
		if b, ok := baselineOf[r.Suite]; ok && r.Level == b {
			base[groupKey(r)] = r.Rate
		}
	}
	for i := range recs {
		r := &recs[i]
		if r.Suite == "gemm" && r.PctPeak == 0 {
			fma := "fma-f32"
			if r.Kernel == "dgemm" {
				fma = "fma-f64"
			}
			p, ok := peak[r.Level+"|"+fma]
			if !ok {
				p = best[fma]
			}
			if p > 0 {
				r.PctPeak = 100 * r.Rate / (p * float64(r.Threads))
			}
		}
		if b := base[groupKey(*r)]; b > 0 && r.Speedup == 0 && r.Level != baselineOf[r.Suite] {
			r.Speedup = r.Rate / b
		}
	}
}

// fmtDur prints ns with three significant digits in a fitting unit.
func fmtDur(ns float64) string {
	d := time.Duration(ns)
	switch {
	case ns < 1e3:
		return fmt.Sprintf("%.3gns", ns)
	case ns < 1e6:
		return fmt.Sprintf("%.3gµs", ns/1e3)
	case ns < 1e9:
		return fmt.Sprintf("%.3gms", ns/1e6)
	}
	return fmt.Sprintf("%.3gs", d.Seconds())
}

func fmtRate(r float64) string {
	switch {
	case r >= 1e4:
		return fmt.Sprintf("%.0f", r)
	case r >= 100:
		return fmt.Sprintf("%.1f", r)
	}
	return fmt.Sprintf("%.3g", r)
}

func orDash(v float64, format string) string {
	if v == 0 {
		return "—"
	}
	return fmt.Sprintf(format, v)
}

// groups returns the records of a suite in groups (kernel, shape,
// threads), groups in order of first appearance, records in input order.
func groups(recs []Record, suite string) [][]Record {
	var order []string
	by := map[string][]Record{}
	for _, r := range recs {
		if r.Suite != suite {
			continue
		}
		k := groupKey(r)
		if _, ok := by[k]; !ok {
			order = append(order, k)
		}
		by[k] = append(by[k], r)
	}
	out := make([][]Record, len(order))
	for i, k := range order {
		out[i] = by[k]
	}
	return out
}

// writeReport prints the human-readable report of records: the info
// header, the peaks, and a table per suite; skipped lists what was left
// out.
func writeReport(w io.Writer, recs []Record, skipped []string, m mode) error {
	return writeReportParts(w, recs, skipped, m, reportParts...)
}

// reportParts are the parts of the report, in order: the info header, a
// table per suite (peak, gemm, elementwise, mlp), and what was skipped.
var reportParts = []string{"info", "peak", "gemm", "elementwise", "mlp", "skipped"}

// writeReportParts prints the named parts of the report, so that a run can
// print each suite's table as soon as the suite is done; the parts one at
// a time, in order, print what writeReport prints.
func writeReportParts(w io.Writer, recs []Record, skipped []string, m mode, parts ...string) error {
	var b strings.Builder
	for _, r := range recs {
		if r.Suite == "info" && slices.Contains(parts, "info") {
			fmt.Fprintf(&b, "%-9s %s\n", r.Kernel+":", r.Note)
		}
	}
	if m.name != "" && slices.Contains(parts, "info") {
		fmt.Fprintf(&b, "mode:     %s: each figure is the median of up to %d timed samples after a warm-up; spread = (slowest − fastest) / median\n", m.name, m.samples)
	}

	if peaks := filter(recs, "peak"); len(peaks) > 0 && slices.Contains(parts, "peak") {
		b.WriteString("\nFMA peak of one core (GFLOP/s, best sample; the SIMD levels run an assembly loop of independent FMAs, generic a scalar Go loop)\n")
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "level\tFP32\tFP64\t")
		var levels []string
		rate := map[string]float64{}
		for _, r := range peaks {
			if !slices.Contains(levels, r.Level) {
				levels = append(levels, r.Level)
			}
			rate[r.Level+"|"+r.Kernel] = r.Rate
		}
		for _, l := range levels {
			fmt.Fprintf(tw, "%s\t%s\t%s\t\n", l, orNA(rate[l+"|fma-f32"]), orNA(rate[l+"|fma-f64"]))
		}
		tw.Flush()
	}

	if gs := groups(recs, "gemm"); len(gs) > 0 && slices.Contains(parts, "gemm") {
		// The × peer column only when peers' records are there (-in with
		// the file of bench/peers/run.sh).
		peers := bestPeer(recs, "gemm")
		peerHead, peerNote := "", ""
		if len(peers) > 0 {
			peerHead = "× peer\t"
			peerNote = "; × peer = speed-up over the fastest peer of the row's shape and threads (openblas, blis; -gemv: their cblas_?gemv with M = 1)"
		}
		fmt.Fprintf(&b, "\nGEMM (alpha = 1, beta = 0; shape M×N×K and transposes of A, B; %% peak = of the level's one-core peak (others: the best level's) × threads; × gonum = speed-up over gonum%s)\n", peerNote)
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "kernel\tshape\tthreads\timpl\ttime/op\tGFLOP/s\tspread\t% peak\t× gonum\t"+peerHead)
		for i, g := range gs {
			if i > 0 {
				fmt.Fprintln(tw, strings.Repeat("\t", 9+strings.Count(peerHead, "\t")))
			}
			for _, r := range g {
				vsPeer := ""
				if len(peers) > 0 {
					ratio := 0.0
					if p := peers[groupKey(r)]; p > 0 && !isPeer(r.Level) {
						ratio = r.Rate / p
					}
					vsPeer = orDash(ratio, "%.2f") + "\t"
				}
				fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%.1f%%\t%s\t%s\t%s\n", r.Kernel, r.Shape, r.Threads, r.Level,
					fmtDur(r.NsPerOp), fmtRate(r.Rate), r.Spread, orDash(r.PctPeak, "%.0f%%"), orDash(r.Speedup, "%.2f"), vsPeer)
			}
		}
		tw.Flush()
	}

	if gs := groups(recs, "elementwise"); len(gs) > 0 && slices.Contains(parts, "elementwise") {
		b.WriteString("\nElementwise, one thread (G elements/s; softmax rows of 1000; adam: one step over n weights; × math = speed-up over plain Go math in float64)\n")
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "kernel\tshape\timpl\ttime/op\tGelem/s\tspread\t× math\t")
		for i, g := range gs {
			if i > 0 {
				fmt.Fprintln(tw, "\t\t\t\t\t\t\t")
			}
			for _, r := range g {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%.1f%%\t%s\t\n", r.Kernel, r.Shape, r.Level,
					fmtDur(r.NsPerOp), fmtRate(r.Rate), r.Spread, orDash(r.Speedup, "%.2f"))
			}
		}
		tw.Flush()
	}

	if gs := groups(recs, "mlp"); len(gs) > 0 && slices.Contains(parts, "mlp") {
		// The speed-up column only when PyTorch's records are there (-in
		// with the peers' file): the harness does not run torch itself.
		vsTorch := slices.ContainsFunc(recs, func(r Record) bool { return r.Suite == "mlp" && r.Level == torchName })
		torchHead, torchNote := "", ""
		if vsTorch {
			torchHead, torchNote = "× torch\t", "; × torch = speed-up over PyTorch"
		}
		fmt.Fprintf(&b, "\nMLP training with Adam (W1: the primer's toy, time of the whole fit; W2: 784-256-128-10 at batch 128, W3: 784-1024-1024-10 at batch 256, time of one step; W2p1: W2's network predicting one sample with PredictInto%s)\n", torchNote)
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "workload\tshape\tthreads\timpl\ttime/op\tsamples/s\tspread\t"+torchHead)
		var notes []string
		levels := map[string][]string{} // "kernel: note" → levels
		for i, g := range gs {
			if i > 0 {
				fmt.Fprintln(tw, "\t\t\t\t\t\t\t\t")
			}
			for _, r := range g {
				speedup := ""
				if vsTorch {
					speedup = orDash(r.Speedup, "%.2f") + "\t"
				}
				fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%.1f%%\t%s\n", r.Kernel, r.Shape, r.Threads, r.Level,
					fmtDur(r.NsPerOp), fmtRate(r.Rate), r.Spread, speedup)
				if r.Note == "" {
					continue
				}
				n := r.Kernel + ": " + r.Note
				if _, ok := levels[n]; !ok {
					notes = append(notes, n)
				}
				if !slices.Contains(levels[n], r.Level) {
					levels[n] = append(levels[n], r.Level)
				}
			}
		}
		tw.Flush()
		for _, n := range notes {
			k, note, _ := strings.Cut(n, ": ")
			fmt.Fprintf(&b, "  %s (%s): %s\n", k, strings.Join(levels[n], ", "), note)
		}
	}

	if len(skipped) > 0 && slices.Contains(parts, "skipped") {
		b.WriteString("\nnot measured:\n")
		for _, s := range skipped {
			fmt.Fprintf(&b, "  %s\n", s)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func orNA(v float64) string {
	if v == 0 {
		return "n/a"
	}
	return fmtRate(v)
}

func filter(recs []Record, suite string) []Record {
	var out []Record
	for _, r := range recs {
		if r.Suite == suite {
			out = append(out, r)
		}
	}
	return out
}
