package kernels

func reluGeneric(dst, x []float32) {
	dst = dst[:len(x)]
	for i, v := range x {
		switch {
		case v > 0:
			dst[i] = v
		case v != v:
			// v + 0 quiets a signalling NaN and keeps its payload,
			// exactly as the assembly's max-then-add does.
			dst[i] = v + 0
		default:
			dst[i] = 0
		}
	}
}

func reluGradGeneric(dst, dy, x []float32) {
	dst = dst[:len(x)]
	dy = dy[:len(x)]
	for i, v := range x {
		if v > 0 {
			dst[i] = dy[i]
		} else {
			dst[i] = 0
		}
	}
}
