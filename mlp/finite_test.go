package mlp

import (
	"math"
	"testing"
)

// TestAllFinite: special values are found wherever they are (every
// position of short vectors, spread positions and the last of long ones,
// across the chunks), and large finite values are not mistaken for them
// (their squares would overflow).
func TestAllFinite(t *testing.T) {
	specials := []float32{float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1))}
	for _, n := range []int{0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 33, 4095, 4096, 4097, 9000} {
		x := make([]float32, n)
		for i := range x {
			x[i] = float32(i) - 3e38*float32(i%2) // large finite values too
		}
		if !allFinite(x) {
			t.Fatalf("n=%d: finite values reported not finite", n)
		}
		for i := range x {
			if n > 40 && i%61 != 0 && i != n-1 {
				continue
			}
			for _, v := range specials {
				old := x[i]
				x[i] = v
				if allFinite(x) {
					t.Errorf("n=%d: %v at %d not found", n, v, i)
				}
				x[i] = old
			}
		}
	}
}

func BenchmarkCheck(b *testing.B) {
	x := NewMatrix(128, 784)
	for i := range x.Data {
		x.Data[i] = float32(i%97) - 48
	}
	b.SetBytes(int64(4 * len(x.Data)))
	for b.Loop() {
		if err := x.check("x"); err != nil {
			b.Fatal(err)
		}
	}
}
