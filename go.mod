module github.com/emberml/ember

// The go line is the oldest Go that builds ember: golang.org/x/sys v0.50.0
// requires go 1.26.0 and sets it. ember's own code needs Go 1.25
// (sync.WaitGroup.Go in its tests; testing.B.Loop, Go 1.24, in benchmarks;
// range over an int, Go 1.22, in the library). CI tests 1.26.8 and 1.27.3.
go 1.26.0

require (
	github.com/klauspost/cpuid/v2 v2.4.2
	gonum.org/v1/gonum v0.17.0
)

require (
	golang.org/x/sys v0.50.0
	gonum.org/v1/plot v0.17.0
)

require (
	codeberg.org/go-fonts/liberation v0.5.0 // indirect
	codeberg.org/go-latex/latex v0.2.0 // indirect
	codeberg.org/go-pdf/fpdf v0.11.1 // indirect
	git.sr.ht/~sbinet/gg v0.7.0 // indirect
	github.com/ajstarks/svgo v0.0.0-20211024235047-1546f124cd8b // indirect
	github.com/golang/freetype v0.0.0-20170609003504-e2365dfdc4a0 // indirect
	golang.org/x/image v0.30.0 // indirect
	golang.org/x/text v0.28.0 // indirect
)
