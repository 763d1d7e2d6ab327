package mlp

import (
	"fmt"
	"math"

	"github.com/emberml/ember/kernels"
)

// Matrix is a dense row-major float32 matrix: element (i, j) is
// Data[i*Cols+j], and len(Data) must be Rows*Cols. It is the input, target
// and output type of every Model method. A Matrix is a plain value: copying
// it copies the header, not the data.
type Matrix struct {
	Rows, Cols int       // the shape
	Data       []float32 // Rows·Cols values, row after row
}

// NewMatrix returns a zeroed rows×cols Matrix. Like make, it panics if
// rows or cols is negative or rows·cols overflows an int (it never returns
// a Matrix whose Data does not match its shape); sizes that come from
// untrusted input are better checked first.
func NewMatrix(rows, cols int) Matrix {
	n, ok := shapeLen(rows, cols)
	if !ok {
		panic(fmt.Sprintf("mlp: NewMatrix(%d, %d): the size is negative or overflows an int", rows, cols))
	}
	return Matrix{Rows: rows, Cols: cols, Data: make([]float32, n)}
}

// shapeLen returns rows·cols, and false if either is negative or the
// product overflows an int.
func shapeLen(rows, cols int) (int, bool) {
	if rows < 0 || cols < 0 {
		return 0, false
	}
	if cols != 0 && rows > math.MaxInt/cols {
		return 0, false
	}
	return rows * cols, true
}

// checkShape returns an error unless m's shape is non-negative, Rows·Cols
// does not overflow and len(Data) is Rows·Cols (it may be empty).
func (m Matrix) checkShape(what string) error {
	n, ok := shapeLen(m.Rows, m.Cols)
	if !ok {
		return fmt.Errorf("mlp: %s has an impossible shape %d×%d", what, m.Rows, m.Cols)
	}
	if len(m.Data) != n {
		return fmt.Errorf("mlp: %s has %d values for %d×%d", what, len(m.Data), m.Rows, m.Cols)
	}
	return nil
}

// Row returns row i of m (a slice of m.Data, not a copy).
func (m Matrix) Row(i int) []float32 { return m.Data[i*m.Cols : (i+1)*m.Cols] }

// At returns element (i, j).
func (m Matrix) At(i, j int) float32 { return m.Data[i*m.Cols+j] }

// check returns an error unless m is well formed and non-empty with only
// finite values; what names it in the message ("x", "y", …).
func (m Matrix) check(what string) error {
	if err := m.checkShape(what); err != nil {
		return err
	}
	if m.Rows < 1 || m.Cols < 1 {
		return fmt.Errorf("mlp: %s is empty (%d×%d)", what, m.Rows, m.Cols)
	}
	if kernels.AllFinite(m.Data) {
		return nil
	}
	for i, v := range m.Data {
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			return fmt.Errorf("mlp: %s[%d][%d] = %v is not finite", what, i/m.Cols, i%m.Cols, v)
		}
	}
	return nil
}

// gatherRows copies the rows idx of m, gathered into dst (len(idx)·Cols).
func gatherRows(dst []float32, m Matrix, idx []int) {
	c := m.Cols
	if c > 8 {
		for k, i := range idx {
			copy(dst[k*c:(k+1)*c], m.Data[i*c:(i+1)*c])
		}
		return
	}
	// Narrow rows (the toy's 2 features, 1 target): a loop beats a
	// memmove call per row, and one and two columns are copied without
	// forming a slice per row (the primer's whole fit, W1, 1.05–1.07×
	// faster than with the general loop, alternated in one process).
	switch src := m.Data; {
	case c == 1:
		dst = dst[:len(idx)]
		for k, i := range idx {
			dst[k] = src[i]
		}
		return
	case c == 2:
		dst = dst[:2*len(idx)]
		for k, i := range idx {
			s := src[2*i : 2*i+2]
			dst[2*k], dst[2*k+1] = s[0], s[1]
		}
		return
	}
	for k, i := range idx {
		d, s := dst[k*c:(k+1)*c], m.Data[i*c:(i+1)*c]
		for j := range d {
			d[j] = s[j]
		}
	}
}

// argmax returns the index of the largest element of x (the first on ties).
func argmax(x []float32) int {
	best := 0
	for j, v := range x {
		if v > x[best] {
			best = j
		}
	}
	return best
}
