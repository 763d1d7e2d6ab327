package ref

// Validation helpers shared by the files of this package. Every panic
// message of this package begins with "ref: ".

// mustRows checks that x is a row-major matrix with cols columns and returns
// its number of rows. It panics if cols <= 0 or len(x) is not a multiple of
// cols.
func mustRows(n, cols int) int {
	if cols <= 0 {
		panic("ref: cols <= 0")
	}
	if n%cols != 0 {
		panic("ref: length is not a multiple of cols")
	}
	return n / cols
}

// mustSameLen panics unless a and b have the same length; what names the
// slices in the message.
func mustSameLen(na, nb int, what string) {
	if na != nb {
		panic("ref: length mismatch: " + what)
	}
}

// mustGrad panics unless grad is nil or has length n.
func mustGrad(grad []float64, n int) {
	if grad != nil && len(grad) != n {
		panic("ref: grad length mismatch")
	}
}
