package kernels_test

import (
	"fmt"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"

	"github.com/emberml/ember/kernels"
)

func ExampleSgemm() {
	// C = A·Bᵀ for a 2×3 A and a 2×3 B (so Bᵀ is 3×2), row-major.
	a := []float32{
		1, 2, 3,
		4, 5, 6,
	}
	b := []float32{
		1, 0, -1,
		0.5, 0.5, 0.5,
	}
	c := make([]float32, 2*2)
	kernels.Sgemm(blas.NoTrans, blas.Trans, 2, 2, 3, 1, a, 3, b, 3, 0, c, 2)
	fmt.Println(c)
	// Output: [-2 3 -2 7.5]
}

func ExampleSgemv() {
	// Batch-1 inference of a dense layer: y = Wᵀ·x for a 3×2 weight matrix
	// W (3 inputs, 2 outputs), then y += bias, as y = 1·Wᵀ·x + 1·y.
	w := []float32{
		1, -1,
		0.5, 2,
		0, 1,
	}
	x := []float32{2, 4, 6}
	y := []float32{0.25, -0.5} // the bias
	kernels.Sgemv(blas.Trans, 3, 2, 1, w, 2, x, 1, 1, y, 1)
	fmt.Println(y)
	// Output: [4.25 11.5]
}

func ExampleImplementation() {
	// Make gonum's mat package multiply with ember; restore gonum's own
	// implementation afterwards.
	defer blas64.Use(blas64.Implementation())
	blas64.Use(kernels.Implementation{})

	a := mat.NewDense(2, 2, []float64{1, 2, 3, 4})
	b := mat.NewDense(2, 2, []float64{0, 1, 1, 0})
	var c mat.Dense
	c.Mul(a, b)
	fmt.Println(mat.Formatted(&c))
	// Output:
	// ⎡2  1⎤
	// ⎣4  3⎦
}
