package mlp

import (
	"math"
	"testing"
)

// TestAllFinite: every position of every special value is found, at every
// length around the unrolling.
func TestAllFinite(t *testing.T) {
	specials := []float32{float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1))}
	for n := 0; n < 12; n++ {
		x := make([]float32, n)
		for i := range x {
			x[i] = float32(i) - 3e38*float32(i%2) // large finite values too
		}
		if !allFinite(x) {
			t.Fatalf("n=%d: finite values reported not finite", n)
		}
		for i := range x {
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
