package kernels

// BiasAdd sets dst[r·cols+j] = x[r·cols+j] + bias[j] for every row r of the
// row-major x (cols = len(bias) columns): a dense layer's bias broadcast
// over the batch. One rounding per element, bit-identical at every level.
//
// dst may be x itself but must not otherwise overlap x or bias. It panics
// if len(bias) == 0, len(x) is not a multiple of len(bias), or
// len(dst) != len(x).
func BiasAdd(dst, x, bias []float32) {
	checkRows("BiasAdd", len(x), len(bias))
	checkSameLen("BiasAdd", "dst", dst, "x", x)
	if partialOverlap(dst, x) || overlaps(dst, bias) {
		panicOverlap("BiasAdd: dst and an input")
	}
	raceRead(x)
	raceRead(bias)
	raceWrite(dst)
	cols := len(bias)
	if cols < biasPatternLen && len(x) >= biasPatternLen && active != Generic {
		// Narrow rows: bias repeated over whole rows, at least
		// biasPatternLen long, added to spans of x, so that one assembly
		// call covers several rows (10×10: 120 → 58 ns, measured on the
		// AVX-512 Xeon). The same bits: one rounded addition each.
		var buf [2 * biasPatternLen]float32
		pat := buf[:ceilDiv(biasPatternLen, cols)*cols]
		n := copy(pat, bias)
		for n < len(pat) {
			n += copy(pat[n:], pat[:n])
		}
		for r := 0; r < len(x); r += len(pat) {
			span := min(len(pat), len(x)-r)
			add(dst[r:r+span], x[r:r+span], pat[:span])
		}
		return
	}
	if cols < minAsmLen {
		// Rows too short for assembly: one loop over all of them, without
		// a dispatch per row (the same bits: one rounded addition each).
		for r := 0; r+cols <= len(x); r += cols {
			xr, dr := x[r:r+cols], dst[r:r+cols]
			for j, b := range bias {
				dr[j] = xr[j] + b
			}
		}
		return
	}
	for r := 0; r < len(x); r += cols {
		add(dst[r:r+cols], x[r:r+cols], bias)
	}
}

// biasPatternLen is the shortest span BiasAdd hands to assembly when its
// rows are narrower.
const biasPatternLen = 64

// ColSums sets dst[j] to the sum of column j of the row-major x with
// cols = len(dst) columns: a dense layer's bias gradient. Each column is
// summed in row order, 0, 1, 2, …, one rounding per addition, so the
// result is bit-identical at every level (and to a plain Go loop). With no
// rows, dst is set to zero.
//
// dst must not overlap x. It panics if len(dst) == 0 or len(x) is not a
// multiple of len(dst).
func ColSums(dst, x []float32) {
	checkRows("ColSums", len(x), len(dst))
	if overlaps(dst, x) {
		panicOverlap("ColSums: dst and x")
	}
	raceRead(x)
	raceWrite(dst)
	cols := len(dst)
	if len(x) == 0 {
		clear(dst)
		return
	}
	if cols < minAsmLen {
		// Rows too short for assembly: in Go, four columns at a time, each
		// summed in a register down all the rows (the same bits: one
		// rounded addition each, in row order); a loop adding each row
		// into dst went through memory at every element (10×10: ~100 ns).
		j := 0
		for ; j+4 <= cols; j += 4 {
			s0, s1, s2, s3 := x[j], x[j+1], x[j+2], x[j+3]
			for r := cols + j; r+4 <= len(x); r += cols {
				xr := x[r : r+4]
				s0, s1, s2, s3 = s0+xr[0], s1+xr[1], s2+xr[2], s3+xr[3]
			}
			dst[j], dst[j+1], dst[j+2], dst[j+3] = s0, s1, s2, s3
		}
		for ; j < cols; j++ {
			s := x[j]
			for r := cols + j; r < len(x); r += cols {
				s += x[r]
			}
			dst[j] = s
		}
		return
	}
	copy(dst, x[:cols])
	for r := cols; r < len(x); r += cols {
		add(dst, dst, x[r:r+cols])
	}
}
