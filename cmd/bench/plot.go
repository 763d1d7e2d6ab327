package main

import (
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// writePlot draws the records into one PNG, panels stacked top to bottom:
// for each GEMM kernel measured on squares, GFLOP/s against the size with
// a line per implementation and thread count; then, if elementwise records
// are there, a bar chart of G elements/s per kernel at the largest length,
// a bar per implementation. Records read with -in (peers included) plot
// like the harness's own.
func writePlot(path string, recs []Record) error {
	var panels []*plot.Plot
	for _, kernel := range gemmKernels {
		if p := gemmPlot(recs, kernel); p != nil {
			panels = append(panels, p)
		}
	}
	if p, err := elementwisePlot(recs); err != nil {
		return err
	} else if p != nil {
		panels = append(panels, p)
	}
	if len(panels) == 0 {
		return fmt.Errorf("-plot: nothing to plot (no GEMM squares, no elementwise records)")
	}
	const w, h = 9 * vg.Inch, 4.5 * vg.Inch
	img := vgimg.New(w, h*vg.Length(len(panels)))
	dc := draw.New(img)
	grid := make([][]*plot.Plot, len(panels))
	for i, p := range panels {
		grid[i] = []*plot.Plot{p}
	}
	tiles := draw.Tiles{Rows: len(panels), Cols: 1, PadTop: vg.Points(6), PadBottom: vg.Points(6), PadX: vg.Points(6), PadY: vg.Points(18)}
	canvases := plot.Align(grid, tiles, dc)
	for i, p := range panels {
		p.Draw(canvases[i][0])
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// gemmPlot is GFLOP/s against n for n×n×n NN products of one kernel, nil
// if there are none.
func gemmPlot(recs []Record, kernel string) *plot.Plot {
	type series struct {
		label string
		pts   plotter.XYs
	}
	var all []*series
	byLabel := map[string]*series{}
	threads := map[int]bool{}
	for _, r := range recs {
		if r.Suite == "gemm" && r.Kernel == kernel {
			threads[r.Threads] = true
		}
	}
	for _, r := range recs {
		if r.Suite != "gemm" || r.Kernel != kernel {
			continue
		}
		sh, err := parseGemmShape(r.Shape)
		if err != nil || !sh.square() {
			continue
		}
		label := r.Level
		if len(threads) > 1 {
			label += fmt.Sprintf(", %d thread", r.Threads)
			if r.Threads > 1 {
				label += "s"
			}
		}
		s := byLabel[label]
		if s == nil {
			s = &series{label: label}
			byLabel[label] = s
			all = append(all, s)
		}
		s.pts = append(s.pts, plotter.XY{X: float64(sh.n), Y: r.Rate})
	}
	if len(all) == 0 {
		return nil
	}
	p := plot.New()
	p.Title.Text = kernel + ": n×n×n, GFLOP/s (higher is better)"
	p.X.Label.Text = "n"
	p.Y.Label.Text = "GFLOP/s"
	p.Y.Min = 0
	p.Legend.Top = true
	p.Legend.Left = true
	p.Add(plotter.NewGrid())
	var sizes []float64
	for i, s := range all {
		slices.SortFunc(s.pts, func(a, b plotter.XY) int {
			if a.X < b.X {
				return -1
			}
			if a.X > b.X {
				return 1
			}
			return 0
		})
		l, pts, err := plotter.NewLinePoints(s.pts)
		if err != nil {
			continue
		}
		l.Color = plotutil.Color(i)
		l.Dashes = plotutil.Dashes(i / 7)
		pts.Color = plotutil.Color(i)
		pts.Shape = plotutil.Shape(i)
		p.Add(l, pts)
		p.Legend.Add(s.label, l, pts)
		for _, pt := range s.pts {
			if !slices.Contains(sizes, pt.X) {
				sizes = append(sizes, pt.X)
			}
		}
	}
	slices.Sort(sizes)
	top := 0.0
	for _, s := range all {
		for _, pt := range s.pts {
			top = max(top, pt.Y)
		}
	}
	p.Y.Max = top * (1.15 + 0.06*float64(len(all))) // room for the legend above the lines
	var ticks []plot.Tick
	for _, n := range sizes {
		ticks = append(ticks, plot.Tick{Value: n, Label: strconv.Itoa(int(n))})
	}
	p.X.Tick.Marker = plot.ConstantTicks(ticks)
	p.X.Scale = plot.LogScale{}
	p.X.Min, p.X.Max = sizes[0]/1.1, sizes[len(sizes)-1]*1.1
	return p
}

// elementwisePlot is a bar chart of each elementwise kernel's G elements/s
// at its largest length, a bar per implementation; nil if there are no
// elementwise records.
func elementwisePlot(recs []Record) (*plot.Plot, error) {
	largest := map[string]int{} // kernel → elements of its largest shape
	for _, r := range recs {
		if r.Suite == "elementwise" {
			largest[r.Kernel] = max(largest[r.Kernel], elementsOf(r.Shape))
		}
	}
	if len(largest) == 0 {
		return nil, nil
	}
	var kernelsSeen, impls []string
	rate := map[string]float64{}
	for _, r := range recs {
		if r.Suite != "elementwise" || elementsOf(r.Shape) != largest[r.Kernel] {
			continue
		}
		if !slices.Contains(kernelsSeen, r.Kernel) {
			kernelsSeen = append(kernelsSeen, r.Kernel)
		}
		if !slices.Contains(impls, r.Level) {
			impls = append(impls, r.Level)
		}
		rate[r.Kernel+"|"+r.Level] = r.Rate
	}
	lo, hi := math.Inf(1), 0.0
	for _, v := range rate {
		if v > 0 {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	if hi == 0 {
		return nil, nil
	}
	// Log scale (relu and exp differ a hundredfold), bars drawn as
	// rectangles from a floor below the smallest value: gonum/plot's
	// BarChart starts every bar at 0, which a log scale cannot show.
	floor := math.Pow(10, math.Floor(math.Log10(lo))-0.0001)
	p := plot.New()
	var names []string
	for _, k := range kernelsSeen {
		names = append(names, fmt.Sprintf("%s (%s)", k, shapeOfLargest(recs, k, largest[k])))
	}
	p.Title.Text = "elementwise, one thread: G elements/s at the largest length (log scale, higher is better)"
	p.Y.Label.Text = "G elements/s"
	p.Y.Scale = plot.LogScale{}
	p.Y.Tick.Marker = plot.LogTicks{Prec: -1}
	p.Y.Min, p.Y.Max = floor, hi*4 // headroom for the legend
	p.Legend.Top = true
	p.Add(plotter.NewGrid())
	w := 0.8 / float64(len(impls))
	for i, im := range impls {
		var first *plotter.Polygon
		for j, k := range kernelsSeen {
			v := rate[k+"|"+im]
			if v <= 0 {
				continue
			}
			x := float64(j) + (float64(i)-float64(len(impls)-1)/2)*w
			bar, err := plotter.NewPolygon(plotter.XYs{{X: x - w/2, Y: floor}, {X: x - w/2, Y: v}, {X: x + w/2, Y: v}, {X: x + w/2, Y: floor}})
			if err != nil {
				return nil, err
			}
			bar.Color = plotutil.Color(i)
			bar.LineStyle.Width = 0
			p.Add(bar)
			if first == nil {
				first = bar
			}
		}
		if first != nil {
			p.Legend.Add(im, first)
		}
	}
	p.NominalX(names...)
	p.X.Min, p.X.Max = -0.5, float64(len(kernelsSeen))-0.5
	return p, nil
}

// elementsOf is the element count of an elementwise shape ("n=4096" or
// "RxC"), 0 if it is neither.
func elementsOf(shape string) int {
	if n, ok := strings.CutPrefix(shape, "n="); ok {
		v, _ := strconv.Atoi(n)
		return v
	}
	r, c, ok := strings.Cut(shape, "x")
	if !ok {
		return 0
	}
	rv, err1 := strconv.Atoi(r)
	cv, err2 := strconv.Atoi(c)
	if err1 != nil || err2 != nil {
		return 0
	}
	return rv * cv
}

func shapeOfLargest(recs []Record, kernel string, elems int) string {
	for _, r := range recs {
		if r.Suite == "elementwise" && r.Kernel == kernel && elementsOf(r.Shape) == elems {
			return r.Shape
		}
	}
	return ""
}
