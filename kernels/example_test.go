package kernels_test

import (
	"fmt"
	"math"

	"github.com/emberml/ember/kernels"
)

func ExampleAxpy() {
	x := []float32{1, 2, 3, 4}
	y := []float32{10, 20, 30, 40}
	kernels.Axpy(0.5, x, y) // y += 0.5·x
	fmt.Println(y)
	// Output: [10.5 21 31.5 42]
}

func ExampleDot() {
	x := []float32{1, 2, 3}
	y := []float32{4, -5, 6}
	fmt.Println(kernels.Dot(x, y))
	// Output: 12
}

func ExampleReLU() {
	x := []float32{-2, float32(math.Copysign(0, -1)), 0.5, float32(math.NaN())}
	dst := make([]float32, len(x))
	kernels.ReLU(dst, x)
	fmt.Println(dst, math.Signbit(float64(dst[1])))
	// Output: [0 0 0.5 NaN] false
}

func ExampleReLUGrad() {
	x := []float32{-1, 0, 2} // the forward input
	dy := []float32{7, 8, 9} // the gradient arriving from above
	dx := make([]float32, len(x))
	kernels.ReLUGrad(dx, dy, x) // passes dy where x > 0
	fmt.Println(dx)
	// Output: [0 0 9]
}

func ExampleSetLevel() {
	// Run the portable Go kernels, e.g. to compare against the assembly.
	prev := kernels.Active()
	if err := kernels.SetLevel(kernels.Generic); err != nil {
		fmt.Println(err)
	}
	fmt.Println(kernels.Active())
	_ = kernels.SetLevel(prev)
	// Output: generic
}
