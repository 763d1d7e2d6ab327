package mlp

import (
	"math/rand/v2"
	"testing"
)

// TestGatherRows: every width's path (one column, two, up to eight, more)
// copies exactly the rows asked for, in order, repeated rows included,
// and writes nothing past len(idx)·Cols.
func TestGatherRows(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, cols := range []int{1, 2, 3, 8, 9, 20} {
		m := NewMatrix(50, cols)
		for i := range m.Data {
			m.Data[i] = float32(i)
		}
		for _, n := range []int{0, 1, 7, 50, 64} {
			idx := make([]int, n)
			for k := range idx {
				idx[k] = r.IntN(m.Rows)
			}
			dst := make([]float32, n*cols+3)
			for i := range dst {
				dst[i] = -1
			}
			gatherRows(dst, m, idx)
			for k, i := range idx {
				for j := range cols {
					if got, want := dst[k*cols+j], m.At(i, j); got != want {
						t.Fatalf("cols %d, %d rows: dst row %d col %d = %v, want row %d's %v", cols, n, k, j, got, i, want)
					}
				}
			}
			for i := n * cols; i < len(dst); i++ {
				if dst[i] != -1 {
					t.Fatalf("cols %d, %d rows: dst[%d] = %v past the rows", cols, n, i, dst[i])
				}
			}
		}
	}
}
