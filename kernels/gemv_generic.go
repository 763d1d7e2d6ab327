package kernels

import (
	"math"
	"sync"
	"unsafe"
)

// The matrix-vector path: products with one row (m == 1) or one column
// (n == 1), and Sgemv/Dgemv. Nothing is packed: the matrix is read once,
// in place, by one of two kernels, and the sums land in a scratch vector
// that the epilogue (alpha·sum, then beta·y rounded and added, as the
// GEMM micro-kernels do it) stores into the caller's strided output.
//
// The axpy form computes sums[j] += Σ_p x[p]·M[p, j] with M stored row by
// row (k rows of n): every row of M, scaled by x[p], is added into all of
// the sums, one row after another, so each sum is formed in order p = 0,
// 1, …, k−1 at every level; narrow products large enough to go parallel
// sum the two halves of M's rows apart, each in that order, and add the
// two sums (gemvHalf). The dot form computes sums[i] += Σ_p M[i, p]·x[p]
// (n rows of k), each row's dot product with x; the assembly keeps several
// partial sums per row, so its rounding depends on the level and, at
// AVX-512, on whether the matrix reaches gemvDotStreamBytes (the shape).

// gemvBlockBytes bounds the bytes of the sums one axpy-form call updates,
// so that they stay in L1 while rows of M stream past them (NEON's kernel
// keeps them in memory; amd64's, see below, in registers); gemvChunk
// bounds the matrix elements one kernel call reads (tens of µs), so that
// the goroutine can be preempted between calls. Variables only so tests
// can make them tiny.
var (
	gemvBlockBytes = 16 << 10
	gemvChunk      = 1 << 16
)

// The amd64 axpy kernels hold the sums in registers, a block at a time
// (16 AVX-512 vectors, 1 KiB; 12 AVX2 vectors, 384 bytes), and walk all
// their rows once per block. Sums wider than gemvPanelBytes take their
// rows in panels of gemvPanelRows, so that a row is read whole, block
// after block, while its lines are in cache: a whole 1024×1024 float32
// matrix in one call, each row read in four passes, ran 0.74× as fast as
// the old kernel (four rows at a time, y in memory), and in panels of
// 16–32 rows 0.98–1.05× (avx512, Xeon). At AVX2, sums of 384 bytes to 1
// KiB (1×256×784 among them) keep whole calls: 1.02× the old kernel. On
// an AMD Zen 5 (L2 1 MiB, so these matrices stream from L3), panels of 8
// rows instead of 32, alternated in one process, 1 thread, medians of 41:
// avx512 1×1024×1024 1.03×, 1×2048×2048 1.06×, 1×1024×256 1.03×; avx2
// 1.13×, 1.09×, 1.15× (8, 10 and 12 rows within 3 % of each other; the
// Xeon's figures were not re-measured). A multiple of 8: NEON's kernel and
// the generic loop take rows four at a time, the amd64 eight-row kernels
// (AXPY8_FORM) eight; narrower sums take calls of a multiple of 8 rows too
// (but 4 when gemvChunk allows no more, as tests make it).
const (
	gemvPanelBytes = 1 << 10
	gemvPanelRows  = 8
)

// gemvForm names the matrix-vector kernels: the axpy form (sums +=
// x[p]·row p of M) and the dot form (sums[i] += row i of M · x), each with
// a variant for matrices that stream from beyond a cache.
type gemvForm int

const (
	gemvAxpyForm gemvForm = iota
	gemvDotForm
	// gemvAxpyStreamForm is the axpy form over a matrix larger than a
	// core's L2, which streams from L3, and at AVX-512 over one beyond L1
	// whose rows span more than one block (see gemvAxpyPartForm): AVX-512
	// runs its prefetching kernel, AVX2 its eight-row kernel, the other
	// levels their axpy kernel.
	gemvAxpyStreamForm
	// gemvAxpyMemoryForm is the axpy form over a matrix of half the L3
	// or more, which streams from memory: the amd64 levels run their
	// eight-row kernels, the others their axpy kernel. The axpy forms
	// all add each y[j]'s terms in order p, so the choice among them
	// changes no bit.
	gemvAxpyMemoryForm
	// gemvDotStreamForm is the dot form one row at a time, for products
	// whose matrix has gemvDotStreamBytes or more (see gemvFormOf):
	// levels with such a kernel run it, the others their dot kernel. Its
	// sums take their terms in another order than the dot form's.
	gemvDotStreamForm
)

// axpy reports whether f is one of the axpy forms.
func (f gemvForm) axpy() bool {
	return f == gemvAxpyForm || f == gemvAxpyStreamForm || f == gemvAxpyMemoryForm
}

// gemvDotStreamBytes is the matrix size from which a dot-form product
// takes gemvDotStreamForm. The one-row kernel reads the matrix as one
// stream (AVX-512, AMD Zen 5, 1×n×k with B transposed, against the
// four-row kernel: 1×256×784 1.24–1.29× at one thread, 1.36× at two;
// 1×48×784 1.3–1.4×, 1×256×128 1.3×), but pays a reduction per row, so
// while the matrix is in L1 the four rows at a time win (1×44×256, 44 KB:
// 0.65×; 1×48×256, 48 KB: 1.2×; this L1 is 48 KB). A constant, not the
// cache's size, so that the bits depend on the shape and level only: 48
// KiB, the L1 of recent AVX-512 cores (Intel since Ice Lake, AMD Zen 5).
// A variable only for tests (SetGemvStreamForTest).
var gemvDotStreamBytes = 48 << 10

// gemvFormOf returns the form of a matrix-vector product of n sums of k
// terms each, of elements of size bytes: the axpy form (axpy; with a
// matrix of half the L3 or more, gemvAxpyMemoryForm, else gemvAxpyForm,
// which gemvAxpyPartForm refines for each part) or one of the dot forms.
// It depends on the whole product's shape, never on a part of it, so the
// bits do not depend on the thread count (the axpy forms' choice changes
// no bit at all).
func gemvFormOf(axpy bool, k, n, size int) gemvForm {
	switch {
	case axpy && float64(k)*float64(n)*float64(size) >= gemvMemoryBytes():
		return gemvAxpyMemoryForm
	case axpy:
		return gemvAxpyForm
	case k*n*size >= gemvDotStreamBytes:
		return gemvDotStreamForm
	}
	return gemvDotForm
}

// gemvStreamBytesForTest and gemvMemoryBytesForTest, when not negative,
// replace the cache sizes behind the axpy forms (and lift
// gemvAxpyPartForm's rule on narrow parts): the matrix size above which
// a part takes gemvAxpyStreamForm, and from which a product takes
// gemvAxpyMemoryForm.
var gemvStreamBytesForTest, gemvMemoryBytesForTest = -1, -1

// gemvMemoryBytes is the matrix size from which an axpy-form product
// takes gemvAxpyMemoryForm: half the L3.
func gemvMemoryBytes() float64 {
	switch {
	case gemvMemoryBytesForTest >= 0:
		return float64(gemvMemoryBytesForTest)
	case gemvStreamBytesForTest >= 0:
		return math.Inf(1)
	}
	return float64(l3Bytes()) / 2
}

// gemvAxpyPartForm returns the axpy form for one part of a product whose
// form (gemvFormOf) is form: k rows of n sums, ldm apart, of elements of
// size bytes. A matrix whose rows are read in pieces of a page or less
// (n < ldm and n·size ≤ gemvStreamMinBytes: a part of the columns at two
// threads or more, or a strided matrix) takes gemvAxpyForm; otherwise the
// product's gemvAxpyMemoryForm whatever the part's size, or
// gemvAxpyStreamForm for a part whose matrix is larger than a core's L2
// (or, at AVX-512, larger than L1 with rows wider than gemvPanelBytes),
// or gemvAxpyForm.
//
// Measured on an AMD Zen 5 (L2 1 MiB, L3 32 MiB), alternated in one
// process, medians of 31 rounds. Each kernel against the blocked one, one
// thread: at AVX-512 the prefetching kernel 1.07–1.17× on matrices of
// 1.6–8 MB (float32 1×1024×1024, 1×512×2048, 1×784×512; float64
// 1×1024×1024, 1×512×1024), the eight-row one 1.03–1.06× there; on 16 MB
// (1×4096×1024, 1×1024×4096, 1×2048×2048) the prefetching kernel
// 0.98–1.08×, the eight-row one 1.04–1.09×; on float64 1×2048×2048 (32
// MB) 0.78× against 1.16×. At two threads (each part half the columns),
// parts of 2 KB of each row lose with either stream kernel (AVX2
// 1×1024×1024 0.92–0.94×; AVX-512 0.83× eight-row, 0.89× prefetching),
// and at AVX2 parts of 4 KB too (1×2048×2048, float64 1×1024×1024:
// 0.89×); likely the hardware prefetcher runs on to the page's end, into
// the other part's half of each row. These rules against the previous
// ones (the prefetching kernel beyond L2 at AVX-512, the blocked kernel
// at AVX2), in another sitting, one thread: AVX2 float32 1.03–1.27×
// (1×784×512 to 1×1024×4096), float64 1.04–1.42×; AVX-512 float32
// 1.00–1.13× (16 MB: 1.05–1.13×), float64 1.00–1.39× (16–32 MB:
// 1.36–1.39×); two threads 0.99–1.56× (within 1 % where slower).
func gemvAxpyPartForm(form gemvForm, k, n, ldm, size int) gemvForm {
	l2 := float64(l2Bytes())
	if gemvStreamBytesForTest >= 0 || gemvMemoryBytesForTest >= 0 {
		l2 = math.Inf(1)
		if gemvStreamBytesForTest >= 0 {
			l2 = float64(gemvStreamBytesForTest)
		}
	} else if n != ldm && n*size <= gemvStreamMinBytes {
		return gemvAxpyForm
	}
	bytes := float64(k) * float64(n) * float64(size)
	switch {
	case form == gemvAxpyMemoryForm:
		return form
	case bytes > l2:
		return gemvAxpyStreamForm
	case active == AVX512 && n*size > gemvPanelBytes && bytes > float64(l1Bytes()) &&
		gemvStreamBytesForTest < 0 && gemvMemoryBytesForTest < 0:
		// Rows of more than one block (16 vectors, 1 KiB), read in
		// panels (see gemvPanelBytes), from L2: the prefetching kernel.
		// Against the blocked kernel on an AMD Zen 5 (L1 48 KiB),
		// alternated in one process, medians of 11: one thread, float32
		// 1×n×k for n = 272–2048, k = 32–512, 1.11–1.50×, float64 n =
		// 136–1000 1.11–1.55×; at two threads as much on products not
		// split, 0.98–1.04× on those split (their parts, 4 KiB of
		// columns or less, take gemvAxpyForm above). In L1 (32 KB or less) it
		// gained nothing (0.95–1.0×), nor on one block (1×256×784:
		// 0.93×), which the hardware prefetchers follow row after row.
		return gemvAxpyStreamForm
	}
	return gemvAxpyForm
}

// gemvStreamMinBytes is the widest part of M's columns (n·size bytes)
// that gemvAxpyPartForm keeps blocked: a 4 KiB page.
const gemvStreamMinBytes = 4 << 10

// gemvAxpy adds xᵀ·M to sums: sums[j] += Σ_p x[p]·m[p*ldm+j] for
// j < len(sums), p < len(x), each sum in order p = 0, 1, …, with the
// kernel of gemvAxpyPartForm(form, …).
func gemvAxpy[T float32 | float64](form gemvForm, x, m []T, ldm int, sums []T) {
	var zero T
	size := int(unsafe.Sizeof(zero))
	k, n := len(x), len(sums)
	form = gemvAxpyPartForm(form, k, n, ldm, size)
	colBlock := gemvBlockBytes / size
	for j0 := 0; j0 < n; j0 += colBlock {
		cols := min(colBlock, n-j0)
		rowBlock := max(4, gemvChunk/cols/8*8) // whole groups of the eight-row kernels
		if cols*size > gemvPanelBytes {
			rowBlock = min(rowBlock, gemvPanelRows)
		}
		for p0 := 0; p0 < k; p0 += rowBlock {
			rows := min(rowBlock, k-p0)
			xs := x[p0 : p0+rows]
			ms := m[p0*ldm+j0 : (p0+rows-1)*ldm+j0+cols]
			ys := sums[j0 : j0+cols]
			if !gemvKernel(form, rows, cols, unsafe.Pointer(&xs[0]), unsafe.Pointer(&ms[0]), ldm, unsafe.Pointer(&ys[0]), size) {
				gemvAxpyGeneric(xs, ms, ldm, ys)
			}
		}
	}
}

// gemvDot adds M·x to sums: sums[i] += Σ_p m[i*ldm+p]·x[p] for
// i < len(sums), p < len(x).
func gemvDot[T float32 | float64](form gemvForm, m []T, ldm int, x, sums []T) {
	var zero T
	size := int(unsafe.Sizeof(zero))
	k, n := len(x), len(sums)
	depthBlock := min(k, gemvChunk)
	rowBlock := max(4, gemvChunk/depthBlock/4*4)
	for p0 := 0; p0 < k; p0 += depthBlock {
		depth := min(depthBlock, k-p0)
		xs := x[p0 : p0+depth]
		for i0 := 0; i0 < n; i0 += rowBlock {
			rows := min(rowBlock, n-i0)
			ms := m[i0*ldm+p0 : (i0+rows-1)*ldm+p0+depth]
			ys := sums[i0 : i0+rows]
			if !gemvKernel(form, depth, rows, unsafe.Pointer(&xs[0]), unsafe.Pointer(&ms[0]), ldm, unsafe.Pointer(&ys[0]), size) {
				gemvDotGeneric(ms, ldm, xs, ys)
			}
		}
	}
}

// gemvAxpyGeneric is the axpy form in Go, four rows of M at a time; each
// sum still takes its terms in order p = 0, 1, … (Go adds left to right).
func gemvAxpyGeneric[T float32 | float64](x, m []T, ldm int, sums []T) {
	n := len(sums)
	p := 0
	for ; p+4 <= len(x); p += 4 {
		x0, x1, x2, x3 := x[p], x[p+1], x[p+2], x[p+3]
		r0 := m[p*ldm:][:n]
		r1 := m[(p+1)*ldm:][:n]
		r2 := m[(p+2)*ldm:][:n]
		r3 := m[(p+3)*ldm:][:n]
		for j := range sums {
			sums[j] = sums[j] + x0*r0[j] + x1*r1[j] + x2*r2[j] + x3*r3[j]
		}
	}
	for ; p < len(x); p++ {
		xp := x[p]
		row := m[p*ldm:][:n]
		for j := range sums {
			sums[j] += xp * row[j]
		}
	}
}

// gemvDotGeneric is the dot form in Go, with four partial sums per row.
func gemvDotGeneric[T float32 | float64](m []T, ldm int, x, sums []T) {
	k := len(x)
	for i := range sums {
		row := m[i*ldm:][:k]
		var s0, s1, s2, s3 T
		p := 0
		for ; p+4 <= k; p += 4 {
			s0 += row[p] * x[p]
			s1 += row[p+1] * x[p+1]
			s2 += row[p+2] * x[p+2]
			s3 += row[p+3] * x[p+3]
		}
		for ; p < k; p++ {
			s0 += row[p] * x[p]
		}
		sums[i] += (s0 + s1) + (s2 + s3)
	}
}

// gemvStore applies the epilogue to the sums and stores them into the
// strided vector y (element i at y[start+i*inc]): alpha·sum when
// beta == 0 (y not read), else beta·y + alpha·sum with each product
// rounded first.
func gemvStore[T float32 | float64](y []T, start, inc int, sums []T, alpha, beta T) {
	if inc == 1 && beta == 0 {
		// The common case (a contiguous output, nothing to add) without
		// the index arithmetic, bounds check and beta test per element.
		out := y[start : start+len(sums)]
		if alpha == 1 {
			copy(out, sums) // 1·s is s: sums never hold a signaling NaN (they are FMA results)
			return
		}
		for i, s := range sums {
			out[i] = alpha * s
		}
		return
	}
	for i, s := range sums {
		p := &y[start+i*inc]
		r := alpha * s
		if beta == 0 {
			*p = r
		} else {
			*p = T(beta**p) + r // T(…) forbids fusing into an FMA
		}
	}
}

// gemmVector computes a validated GEMM call with m == 1 or n == 1 on the
// matrix-vector path. With m == 1, C's row is xᵀ·op(B) for x = op(A)'s
// row: the axpy form over B's rows when B is not transposed, the dot form
// over them when it is. With n == 1, C's column is op(A)·x for x = op(B)'s
// column, the other way round. A strided x is gathered first; a 1×1
// result is one dot product.
func gemmVector[T float32 | float64](g *gemmArgs[T]) {
	if gemvOnStack(g.aTrans, g.bTrans, g.m, g.n, g.k, g.alpha, g.a, g.lda, g.b, g.ldb, g.beta, g.c, g.ldc) {
		return
	}
	buf := getGemvBuf[T]()
	switch {
	case g.m == 1 && g.n == 1:
		x := buf.vector(g.a, 0, g.k, gemmVecInc(g.aTrans, g.lda))
		y := buf.other(g.b, 0, g.k, gemmVecInc(!g.bTrans, g.ldb))
		gemvRun(false, x, y, g.k, buf, 1, g.c, 0, 1, g.alpha, g.beta)
	case g.m == 1:
		x := buf.vector(g.a, 0, g.k, gemmVecInc(g.aTrans, g.lda))
		gemvRun(!g.bTrans, x, g.b, g.ldb, buf, g.n, g.c, 0, 1, g.alpha, g.beta)
	default:
		x := buf.vector(g.b, 0, g.k, gemmVecInc(!g.bTrans, g.ldb))
		gemvRun(g.aTrans, x, g.a, g.lda, buf, g.m, g.c, 0, g.ldc, g.alpha, g.beta)
	}
	putGemvBuf(buf)
}

// gemvStackSums is the longest output gemvOnStack takes.
const gemvStackSums = 64

// gemvOnStack computes a product of gemmVector's (m == 1 or n == 1, given
// as gemm's arguments) with a short output (at most gemvStackSums, so
// never split: a part has gemvMinPart outputs) and a contiguous vector,
// with its sums on the stack: the pooled scratch's Get and Put were a
// fifth of a 10×1×10 product's ~100 ns. It reports whether it did.
func gemvOnStack[T float32 | float64](aTrans, bTrans bool, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) bool {
	var sums [gemvStackSums]T
	switch {
	case m == 1 && n == 1:
		return false
	case m == 1 && n <= gemvStackSums && (!aTrans || k == 1 || lda == 1):
		gemvPart(gemvFormOf(!bTrans, k, n, int(unsafe.Sizeof(alpha))), a[:k], b, ldb, sums[:n], c, 0, 1, alpha, beta)
	case n == 1 && m <= gemvStackSums && (bTrans || k == 1 || ldb == 1):
		gemvPart(gemvFormOf(aTrans, k, m, int(unsafe.Sizeof(alpha))), b[:k], a, lda, sums[:m], c, 0, ldc, alpha, beta)
	default:
		return false
	}
	return true
}

// gemvRun computes the n sums of the axpy form (axpy) or the dot form of
// matrix m and vector x, in buf's scratch, and stores them into the
// strided y (element i at y[start+i*inc]) with the epilogue. A product
// large enough is cut into parts of the output, run on up to Threads()
// goroutines as GEMM's parts are; every output element is computed whole
// by one part in the same order, so the bits do not depend on the cut.
// Narrow axpy-form products are summed in two halves instead (gemvHalf,
// gemvRunHalves).
func gemvRun[T float32 | float64](axpy bool, x, m []T, ldm int, buf *gemvBuf[T], n int, y []T, start, inc int, alpha, beta T) {
	var zero T
	form := gemvFormOf(axpy, len(x), n, int(unsafe.Sizeof(zero)))
	if axpy {
		if half := gemvHalf(len(x), n, int(unsafe.Sizeof(zero))); half > 0 {
			gemvRunHalves(form, half, x, m, ldm, buf, n, y, start, inc, alpha, beta)
			return
		}
	}
	sums := buf.sums(n)
	parts := 1
	if 2*float64(len(x))*float64(n) >= gemvParallelMinFlops() {
		parts = min(Threads(), n/gemvMinPart, maxGemmParts)
	}
	if parts <= 1 {
		gemvPart(form, x, m, ldm, sums, y, start, inc, alpha, beta)
		return
	}
	call := getGemvCall[T]()
	call.setup(form, x, m, ldm, sums, y, start, inc, alpha, beta)
	call.cutOutput(parts, n)
	call.run(parts, 2*float64(len(x))*float64(n) >= gemvWakeMinFlops)
	call.release()
}

// gemvRunHalves is gemvRun for an axpy-form product summed in gemvHalf's
// halves, m's first half rows and the rest: one after the other on one
// thread, else each half a part (with four goroutines or more and 128
// outputs or more, each half cut into ranges of the output, a part each).
// The halves' sums are added and stored once both are done.
func gemvRunHalves[T float32 | float64](form gemvForm, half int, x, m []T, ldm int, buf *gemvBuf[T], n int, y []T, start, inc int, alpha, beta T) {
	sums, upper := buf.sums(n), buf.upperSums(n)
	if Threads() <= 1 {
		gemvAxpy(form, x[:half], m, ldm, sums)
		gemvAxpy(form, x[half:], m[half*ldm:], ldm, upper)
	} else {
		cols := max(1, min(Threads()/2, n/gemvMinPart, maxGemmParts/2))
		call := getGemvCall[T]()
		call.setup(form, x, m, ldm, sums, y, start, inc, alpha, beta)
		call.half, call.upper = half, upper
		call.cutOutput(cols, n)
		call.run(2*cols, 2*float64(len(x))*float64(n) >= gemvWakeMinFlops)
		call.release()
	}
	gemvAddHalves(sums, upper)
	gemvStore(y, start, inc, sums, alpha, beta)
}

// gemvHalf is how many of M's k rows the axpy form sums first, apart from
// the rest, or 0 if it sums them all in one (elements of size bytes).
// Narrow products (rows of at most gemvHalvesMaxRowBytes, more than
// gemvStackSums outputs) large enough to go parallel, with at least
// 2·gemvMinHalfRows rows, form each sum as (Σ_{p<h} x[p]·M[p, j]) +
// (Σ_{p≥h} x[p]·M[p, j]), each half in order p, so that two goroutines
// each read a contiguous half of M. Cut by columns instead, each would
// read its share of every row, which costs nearly as much as the whole
// rows: 1×256×784 float32, avx512, one thread, on an AMD Zen 5, half the
// columns (every row's first 512 bytes) 3.3 µs, half the rows 2.2, all
// 4.2. Halves against columns on that machine, alternated in one process
// (medians of 41 rounds), 2 threads / 1 thread: avx512 1×256×784
// 1.32× / 0.98×, 1×200×1000 1.92× / 0.97×, 1×128×2048 1.70× / 1.00×,
// 1×256×300 1.21× / 0.95×; avx2 1.03× / 0.98×, 1.18× / 0.98×, 1.33× /
// 1.00×, 0.98× / 0.97× (one thread pays for zeroing and adding the second
// half's sums). The W2 network's batch-1 PredictInto (784-256-128-10, its
// first layer 1×256×784), separate processes alternated, medians of 5: 2
// threads 4.98 → 3.57 µs (avx512), 5.41 → 5.13 µs (avx2); 1 thread 6.33
// → 6.64 µs, 8.18 → 8.38 µs. Wide rows split by columns as fast or
// faster (1×512×256 and 1×4096×128 in halves: 0.88× at 2 threads). The
// rule depends on the shape only, so a product's bits are the same on any
// number of threads (one thread sums the halves one after the other).
func gemvHalf(k, n, size int) int {
	if n <= gemvStackSums || n*size > gemvHalvesMaxRowBytes || k < 2*gemvMinHalfRows ||
		2*float64(k)*float64(n) < gemvParallelMinFlops() {
		return 0
	}
	return (k + 1) / 2
}

// gemvHalvesMaxRowBytes is the widest row of M (n·size bytes) whose
// products take gemvHalf's halves.
const gemvHalvesMaxRowBytes = 1 << 10

// gemvMinHalfRows is the fewest rows of M in a half of gemvHalf's.
const gemvMinHalfRows = 32

// gemvAddHalves adds the second half's sums into the first's: one rounding
// per sum, the same on every level.
func gemvAddHalves[T float32 | float64](sums, upper []T) {
	upper = upper[:len(sums)]
	for j := range sums {
		sums[j] += upper[j]
	}
}

// gemvParallelMinFlops is the smallest matrix-vector product (2·len(x)·
// len(sums) flops) cut into parts: a sixteenth of GEMM's parallelMinFlops
// (and lowered with it by tests). A matrix-vector product does one
// multiply-add per matrix element it loads, so it is bound by the one
// core's cache bandwidth, and a second core's pays from far fewer flops:
// 1×256×784 (401 kflop, the MLP's batch-1 first layer) at 2 threads,
// medians of 1,000 calls alternated in one process on a Xeon (avx512):
// x·W 9.5 → 6.7 µs, x·Wᵀ 8.5 → 6.1 µs with this threshold against
// GEMM's.
func gemvParallelMinFlops() float64 { return parallelMinFlops / 16 }

// gemvMinPart is the granularity of a parallel matrix-vector call's parts:
// whole cache lines of the sums and groups of four rows.
const gemvMinPart = 64

// gemvPart computes and stores sums[lo:hi] (the caller passes the slices
// from lo): the axpy form reads columns lo… of m, the dot forms rows lo….
func gemvPart[T float32 | float64](form gemvForm, x, m []T, ldm int, sums, y []T, start, inc int, alpha, beta T) {
	if form.axpy() {
		gemvAxpy(form, x, m, ldm, sums)
	} else {
		gemvDot(form, m, ldm, x, sums)
	}
	gemvStore(y, start, inc, sums, alpha, beta)
}

// gemvCall is the shared state of one parallel matrix-vector call, pooled.
type gemvCall[T float32 | float64] struct {
	form        gemvForm
	x, m        []T
	ldm         int
	sums, y     []T
	start, inc  int
	alpha, beta T
	half        int                  // gemvHalf's rows, or 0
	upper       []T                  // the second half's sums (half > 0)
	cols        int                  // output ranges (per half, if half > 0)
	parts       [maxGemmParts][2]int // lo, hi of each output range
	parallelCall
}

// setup records one call's operands.
func (c *gemvCall[T]) setup(form gemvForm, x, m []T, ldm int, sums, y []T, start, inc int, alpha, beta T) {
	c.form, c.x, c.m, c.ldm, c.sums = form, x, m, ldm, sums
	c.y, c.start, c.inc, c.alpha, c.beta = y, start, inc, alpha, beta
	c.half, c.upper = 0, nil
}

// cutOutput cuts the n outputs into cols ranges, each but the last a
// multiple of gemvMinPart long.
func (c *gemvCall[T]) cutOutput(cols, n int) {
	c.cols = cols
	for p := range cols {
		lo := p * n / cols / gemvMinPart * gemvMinPart
		hi := (p + 1) * n / cols / gemvMinPart * gemvMinPart
		if p == cols-1 {
			hi = n
		}
		c.parts[p] = [2]int{lo, hi}
	}
}

// release drops the references to the caller's slices and pools c.
func (c *gemvCall[T]) release() {
	c.x, c.m, c.sums, c.upper, c.y = nil, nil, nil, nil, nil
	gemvCallPool[T]().Put(c)
}

// runPart runs part p: without halves, output range p, stored; with
// halves, half p/cols of output range p%cols, which gemvRunHalves stores.
func (c *gemvCall[T]) runPart(p int) {
	if c.half > 0 {
		lo, hi := c.parts[p%c.cols][0], c.parts[p%c.cols][1]
		if p < c.cols {
			gemvAxpy(c.form, c.x[:c.half], c.m[lo:], c.ldm, c.sums[lo:hi])
		} else {
			gemvAxpy(c.form, c.x[c.half:], c.m[c.half*c.ldm+lo:], c.ldm, c.upper[lo:hi])
		}
		return
	}
	lo, hi := c.parts[p][0], c.parts[p][1]
	m := c.m[lo:]
	if !c.form.axpy() {
		m = c.m[lo*c.ldm:]
	}
	gemvPart(c.form, c.x, m, c.ldm, c.sums[lo:hi], c.y, c.start+lo*c.inc, c.inc, c.alpha, c.beta)
}

var gemvCalls32, gemvCalls64 sync.Pool

func getGemvCall[T float32 | float64]() *gemvCall[T] {
	if call, ok := gemvCallPool[T]().Get().(*gemvCall[T]); ok {
		return call
	}
	call := new(gemvCall[T])
	call.runner = call
	return call
}

func gemvCallPool[T float32 | float64]() *sync.Pool {
	var zero T
	if unsafe.Sizeof(zero) == 4 {
		return &gemvCalls32
	}
	return &gemvCalls64
}

// gemmVecInc is the increment between the elements of the one-row or
// one-column operand of a GEMM: its stored elements are contiguous unless
// it is a column of a row-major matrix (strided by ld).
func gemmVecInc(strided bool, ld int) int {
	if strided {
		return ld
	}
	return 1
}

// gemvBuf is one call's scratch: a gathered x (and a second gathered
// vector for 1×1 products) and the sums. Pooled; it only grows.
type gemvBuf[T float32 | float64] struct {
	x, x2, s, s2 []T
}

// vector returns the n elements of the strided vector v starting at
// v[start]: v itself when contiguous, else a copy gathered into buf.
func (buf *gemvBuf[T]) vector(v []T, start, n, inc int) []T {
	return gather(&buf.x, v, start, n, inc)
}

// other is vector for a second operand, in its own space.
func (buf *gemvBuf[T]) other(v []T, start, n, inc int) []T {
	return gather(&buf.x2, v, start, n, inc)
}

func gather[T float32 | float64](space *[]T, v []T, start, n, inc int) []T {
	if inc == 1 {
		return v[start : start+n]
	}
	if len(*space) < n {
		*space = make([]T, n)
	}
	d := (*space)[:n]
	for i := range d {
		d[i] = v[start+i*inc]
	}
	return d
}

// sums returns n zeroed sums.
func (buf *gemvBuf[T]) sums(n int) []T { return zeroedSums(&buf.s, n) }

// scratch returns sums' space, n elements as a previous call left them,
// for a caller that writes every one before reading it.
func (buf *gemvBuf[T]) scratch(n int) []T {
	if len(buf.s) < n {
		buf.s = make([]T, n)
	}
	return buf.s[:n]
}

// upperSums returns n zeroed sums for the second half, apart from sums'.
func (buf *gemvBuf[T]) upperSums(n int) []T { return zeroedSums(&buf.s2, n) }

func zeroedSums[T float32 | float64](space *[]T, n int) []T {
	if len(*space) < n {
		*space = make([]T, n)
	}
	s := (*space)[:n]
	clear(s)
	return s
}

var gemvBufs32, gemvBufs64 sync.Pool

func getGemvBuf[T float32 | float64]() *gemvBuf[T] {
	if buf, ok := gemvPool[T]().Get().(*gemvBuf[T]); ok {
		return buf
	}
	return new(gemvBuf[T])
}

// putGemvBuf returns buf to its pool, without keeping a reference to any
// caller's slice.
func putGemvBuf[T float32 | float64](buf *gemvBuf[T]) { gemvPool[T]().Put(buf) }

func gemvPool[T float32 | float64]() *sync.Pool {
	var zero T
	if unsafe.Sizeof(zero) == 4 {
		return &gemvBufs32
	}
	return &gemvBufs64
}
