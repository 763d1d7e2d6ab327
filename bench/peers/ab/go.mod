// A module of its own: it needs cgo and a peer BLAS (see ../ab.sh), which
// `go test ./...` and `go vet ./...` at the repository's root must not.
module github.com/emberml/ember/bench/peers/ab

go 1.26.0

require (
	github.com/emberml/ember v0.0.0
	gonum.org/v1/gonum v0.17.0
)

require (
	github.com/klauspost/cpuid/v2 v2.4.2 // indirect
	golang.org/x/sys v0.50.0 // indirect
)

replace github.com/emberml/ember => ../../..
