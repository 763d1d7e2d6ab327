package mlp

import "testing"

// BenchmarkCheck is the input check of a 128×784 batch (kernels.AllFinite
// over its values).
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
