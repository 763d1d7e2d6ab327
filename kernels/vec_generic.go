package kernels

// The generic kernels are the specification of each kernel's result: the
// assembly must reproduce their bits wherever the kernel has no rounding
// choice. They are always compiled, run at the Generic level, and finish
// the tails the assembly leaves.

func axpyGeneric(alpha float32, x, y []float32) {
	y = y[:len(x)]
	for i, v := range x {
		// The conversion rounds the product, which stops the compiler
		// from fusing it into the add (it does on arm64).
		y[i] += float32(alpha * v)
	}
}

func dotGeneric(x, y []float32) float32 {
	y = y[:len(x)]
	var sum float32
	for i, v := range x {
		sum += float32(v * y[i])
	}
	return sum
}

func scaleGeneric(alpha float32, x []float32) {
	for i := range x {
		x[i] *= alpha
	}
}
