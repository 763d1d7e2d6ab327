//go:build ignore

// mkdispatch writes the elementwise and row-operation dispatchers of
// package kernels from one table (kernels below): zdispatch_amd64.go,
// zdispatch_arm64.go and zdispatch_noasm.go. Run it with go generate (see
// dispatch.go); CI runs it with -check, which fails if the files differ
// from what the table gives.
//
// Every generated dispatcher has one shape per architecture, a switch on
// the active level that calls the assembly directly (no function values:
// a call through one costs a wrapper, several ns):
//
//   - amd64: vectors of at least the kernel's minimum length go to the
//     level's assembly in chunks of chunkLen elements; the assembly does
//     every tail itself.
//   - arm64: the first len&^3 elements go to the NEON assembly in chunks of
//     neonChunk(), the generic kernel finishes the last 0..3.
//   - builds without assembly call the generic kernel.
//
// Kernels whose dispatch is not this shape (rowMax, adamStep, sgdStep)
// are written by hand beside their family and get only their noasm line
// from here.
package main

import (
	"bytes"
	"flag"
	"go/format"
	"log"
	"os"
	"strings"
	"text/template"
)

// kernel is one row of the table.
type kernel struct {
	Name   string // the Go kernel, e.g. "axpy"; its generic version is Name+"Generic"
	Params string // its parameters, e.g. "alpha float32, x, y []float32"
	Ret    string // its result type: "", "float32" or "float64" (the chunks' sums are added)
	Asm    string // the assembly's name without the ISA, e.g. "Axpy"
	Lead   string // the slice whose length the assembly takes (and the dispatch tests)
	// NEONLead overrides Lead at NEON, where an assembly routine takes
	// another slice's length.
	NEONLead string
	Exp      bool // built on e^x: assembly from minAsmLenExp elements on
	Hand     bool // dispatch written by hand; only the noasm line is generated
}

var kernels = []kernel{
	// vec
	{Name: "axpy", Params: "alpha float32, x, y []float32", Asm: "Axpy", Lead: "x"},
	{Name: "dot", Params: "x, y []float32", Ret: "float32", Asm: "Dot", Lead: "x"},
	{Name: "scale", Params: "alpha float32, x []float32", Asm: "Scale", Lead: "x"},
	// relu
	{Name: "relu", Params: "dst, x []float32", Asm: "ReLU", Lead: "x"},
	{Name: "reluGrad", Params: "dst, dy, x []float32", Asm: "ReLUGrad", Lead: "x"},
	// activation
	{Name: "exp", Params: "dst, x []float32", Asm: "Exp", Lead: "x", Exp: true},
	{Name: "sigmoid", Params: "dst, x []float32", Asm: "Sigmoid", Lead: "x", Exp: true},
	{Name: "tanh", Params: "dst, x []float32", Asm: "Tanh", Lead: "x", Exp: true},
	{Name: "sigmoidGrad", Params: "dst, dy, y []float32", Asm: "SigmoidGrad", Lead: "y"},
	{Name: "tanhGrad", Params: "dst, dy, y []float32", Asm: "TanhGrad", Lead: "y"},
	{Name: "leakyReLU", Params: "dst, x []float32, slope float32", Asm: "LeakyReLU", Lead: "x"},
	{Name: "leakyReLUGrad", Params: "dst, dy, x []float32, slope float32", Asm: "LeakyReLUGrad", Lead: "x"},
	// rowops
	{Name: "rowMax", Params: "x []float32", Ret: "float32", Hand: true},
	{Name: "subConst", Params: "dst, x []float32, c float32", Asm: "SubConst", Lead: "x"},
	{Name: "scaledDiff", Params: "dst, t []float32, scale float32", Asm: "ScaledDiff", Lead: "dst"},
	{Name: "add", Params: "dst, x, y []float32", Asm: "Add", Lead: "dst", NEONLead: "x"},
	{Name: "expShiftSum", Params: "dst, x []float32, shift float32", Ret: "float32", Asm: "ExpShiftSum", Lead: "x", Exp: true},
	{Name: "expShiftSumNoStore", Params: "x []float32, shift float32", Ret: "float32", Asm: "ExpShiftSumNoStore", Lead: "x", Exp: true},
	{Name: "sqDiffSum", Params: "x, y []float32", Ret: "float64", Asm: "SqDiffSum", Lead: "x"},
	{Name: "bceLogitsSum", Params: "z, y []float32", Ret: "float64", Asm: "BCELogitsSum", Lead: "z", Exp: true},
	// optim
	{Name: "adamStep", Params: "w, g, m, v []float32, c *adamScalars", Hand: true},
	{Name: "sgdStep", Params: "w, g, vel []float32, p *SGDParams", Hand: true},
}

// param is one parameter of a kernel.
type param struct {
	Name  string
	Slice bool // a []float32, cut into chunks with the lead
}

// params splits k.Params ("a, b []float32, c float32") into names with
// their kind.
func (k kernel) params() []param {
	var ps []param
	var pending []string
	for _, f := range strings.Split(k.Params, ",") {
		f = strings.TrimSpace(f)
		name, typ, ok := strings.Cut(f, " ")
		pending = append(pending, name)
		if ok {
			for _, n := range pending {
				ps = append(ps, param{Name: n, Slice: typ == "[]float32"})
			}
			pending = nil
		}
	}
	return ps
}

// view is what the templates see of one kernel at one level.
type view struct {
	kernel
	Level, Suffix string // "AVX512", "AVX512"; "NEON", "NEON"
}

func (v view) lead() string {
	if v.Level == "NEON" && v.NEONLead != "" {
		return v.NEONLead
	}
	return v.Lead
}

// MinLen is the shortest vector handed to assembly.
func (k kernel) MinLen() string {
	if k.Exp {
		return "min(minAsmLen, minAsmLenExp)"
	}
	return "minAsmLen"
}

// Args lists the parameters as arguments, each slice through f(name, isLead).
func (v view) args(f func(name string, lead bool) string) string {
	var as []string
	for _, p := range v.params() {
		if p.Slice {
			as = append(as, f(p.Name, p.Name == v.lead()))
		} else {
			as = append(as, p.Name)
		}
	}
	return strings.Join(as, ", ")
}

// advance is "a, b = a[n:], b[n:]" over every slice parameter.
func (v view) advance(n string) string {
	var l, r []string
	for _, p := range v.params() {
		if p.Slice {
			l = append(l, p.Name)
			r = append(r, p.Name+"["+n+":]")
		}
	}
	return strings.Join(l, ", ") + " = " + strings.Join(r, ", ")
}

func (v view) Call(args string) string { return "asm." + v.Asm + v.Suffix + "(" + args + ")" }

// AMD64 is the body of one amd64 case.
func (v view) AMD64() string {
	chunk := v.args(func(n string, lead bool) string {
		if lead {
			return n + "[:chunkLen]"
		}
		return n
	})
	whole := v.args(func(n string, _ bool) string { return n })
	loop := "for ; len(" + v.lead() + ") > chunkLen; " + v.advance("chunkLen") + " {\n"
	if v.Ret == "" {
		return loop + v.Call(chunk) + "\n}\n" + v.Call(whole) + "\nreturn"
	}
	return loop + "s += " + v.Call(chunk) + "\n}\nreturn s + " + v.Call(whole)
}

// ARM64 is the body of one arm64 case.
func (v view) ARM64() string {
	lead := v.lead()
	chunk := v.args(func(n string, l bool) string {
		if l {
			return "head[:chunk]"
		}
		return n
	})
	last := v.args(func(n string, l bool) string {
		if l {
			return "head"
		}
		return n
	})
	tail := v.args(func(n string, l bool) string {
		if l {
			return "tail"
		}
		return n + "[len(head):]"
	})
	var l, r []string
	for _, p := range v.params() {
		if p.Slice {
			n := p.Name
			if n == lead {
				n = "head"
			}
			l = append(l, n)
			r = append(r, n+"[chunk:]")
		}
	}
	advance := strings.Join(l, ", ") + " = " + strings.Join(r, ", ")
	b := "n := len(" + lead + ") &^ 3\nhead, tail := " + lead + "[:n], " + lead + "[n:]\nchunk := neonChunk()\n"
	if v.Ret != "" {
		b += "var s " + v.Ret + "\n"
	}
	b += "for ; len(head) > chunk; " + advance + " {\n"
	if v.Ret == "" {
		b += v.Call(chunk) + "\n}\n" + v.Call(last) + "\n" + v.Name + "Generic(" + tail + ")\nreturn"
	} else {
		b += "s += " + v.Call(chunk) + "\n}\ns += " + v.Call(last) + "\nreturn s + " + v.Name + "Generic(" + tail + ")"
	}
	return b
}

// Generic is the call of the generic kernel with every parameter.
func (k kernel) Generic() string {
	v := view{kernel: k}
	return k.Name + "Generic(" + v.args(func(n string, _ bool) string { return n }) + ")"
}

// file is one generated file.
type file struct {
	Name, Build, Doc string
	Arch             string   // "amd64", "arm64" or "" (no assembly)
	Levels           []string // the cases of the switch
	Kernels          []kernel
}

// Lead is the slice whose length k's assembly takes on f's architecture.
func (f file) Lead(k kernel) string {
	if f.Arch == "arm64" && k.NEONLead != "" {
		return k.NEONLead
	}
	return k.Lead
}

// Body is the code of k's case for level.
func (f file) Body(k kernel, level string) string {
	v := view{kernel: k, Level: level, Suffix: level}
	if f.Arch == "amd64" {
		return v.AMD64()
	}
	return v.ARM64()
}

var tmpl = template.Must(template.New("dispatch").Parse(`// Code generated by mkdispatch.go from its table; DO NOT EDIT.

//go:build {{.Build}}

package kernels
{{if .Arch}}
import "github.com/emberml/ember/kernels/asm"
{{end}}
{{.Doc}}
{{range $k := .Kernels}}
{{- if not $.Arch}}
func {{.Name}}({{.Params}}) {{.Ret}} { {{if .Ret}}return {{end}}{{.Generic}} }
{{- else if not .Hand}}

func {{.Name}}({{.Params}}) {{.Ret}} {
	if len({{$.Lead .}}) >= {{.MinLen}} {
		{{- if and .Ret (eq $.Arch "amd64")}}
		var s {{.Ret}}
		{{- end}}
		switch active {
		{{- range $l := $.Levels}}
		case {{$l}}:
			{{$.Body $k $l}}
		{{- end}}
		}
	}
	{{if .Ret}}return {{end}}{{.Generic}}
}
{{- end}}
{{- end}}
`))

// check, set by -check, compares the output with the files instead of
// writing them, and fails on a difference (for CI).
var check = flag.Bool("check", false, "fail if a generated file differs from this table's output, write nothing")

func main() {
	flag.Parse()
	for _, f := range []file{
		{Name: "zdispatch_noasm.go", Build: "purego || !(amd64 || arm64)",
			Doc: "// Without assembly every kernel is its generic version.\n"},
		{Name: "zdispatch_amd64.go", Build: "!purego", Arch: "amd64", Levels: []string{"AVX512", "AVX2"},
			Doc: `// Each case cuts the vector into chunks of at most chunkLen elements and
// calls the level's assembly directly (a switch, not a function table: see
// ARCHITECTURE.md); the assembly handles every tail itself. Sums add the
// chunks' results in Go. rowMax, adamStep and sgdStep are written by hand
// (rowops_amd64.go, optim_amd64.go).`},
		{Name: "zdispatch_arm64.go", Build: "!purego", Arch: "arm64", Levels: []string{"NEON"},
			Doc: `// The NEON case hands the assembly the first len&^3 elements (it takes
// only multiples of 4), cut into chunks of neonChunk() elements, calling
// it directly (a switch, not a function table: see ARCHITECTURE.md); the
// generic kernel then finishes the last 0..3. Sums add the chunks' and the
// tail's results in Go. rowMax, adamStep and sgdStep are written by hand
// (rowops_arm64.go, optim_arm64.go).`},
	} {
		f.Kernels = kernels
		var b bytes.Buffer
		if err := tmpl.Execute(&b, f); err != nil {
			log.Fatal(err)
		}
		write(f.Name, b.Bytes())
	}
}

func write(name string, src []byte) {
	out, err := format.Source(src)
	if err != nil {
		log.Fatalf("%s: %v\n%s", name, err, src)
	}
	if *check {
		if old, err := os.ReadFile(name); err != nil || !bytes.Equal(old, out) {
			log.Fatalf("%s is not mkdispatch.go's output: run go generate ./kernels/ and commit the result", name)
		}
		return
	}
	if err := os.WriteFile(name, out, 0o644); err != nil {
		log.Fatal(err)
	}
}
