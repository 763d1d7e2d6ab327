package kernels

import "unsafe"

// The strips: the small-product path that gemmDrive (gemm_driver.go)
// chooses by the cost model below, reading op(A) in place and B by strips
// of width columns, with no packing.

// stripGemmMACs, if not negative, is the largest product (m·n·k
// multiply-adds) computed by stripsPart, for tests; by default useStrips
// decides.
var stripGemmMACs = -1.0

// useStrips reports whether an m×n×k product (m, n ≥ 2) of elements of
// size bytes goes to the small-product kernels (at a level that has them)
// rather than the blocked path, by a cost model in units of one
// multiply-add at the packed kernel's rate: the blocked path pays for its
// padded tiles (edge tiles are computed whole), for packing every element
// of A and of B (B not when its shape lets it be read in place: see
// directBRows), and a fixed cost per call; the strips pay for their
// padded vectors at a lower rate (less register reuse, A broadcast from
// memory). The constants were measured on this project's machines (see the
// BenchmarkSgemm shapes and ASM-NOTES.md). With B in place the blocked path
// won more shapes at AVX2 on the Xeon (float32, medians of 100 calls
// alternated in one process, GFLOP/s, B in place vs the strips, one thread
// and two: 128×128×256 61–70 vs 53–63 and 110–112 vs 94–96, 128³ 57–70 vs
// 47–65 and 109–110 vs 98), before the AVX2 strips lost their masked loads
// (1.07–1.09× since) and took products in L2 (stripsEfficiency): on the
// AMD Zen 5 they now beat it there (128³ 1.03–1.04 at one thread, 1.09 at
// two).
func useStrips(m, n, k, size int, bTrans bool) bool {
	macs := float64(m) * float64(n) * float64(k)
	switch {
	case stripGemmMACs >= 0:
		return macs <= stripGemmMACs
	case macs <= stripFixedCost/4:
		return true // well below the packed path's fixed cost alone
	}
	_, mr, nr, _ := gemmTile(active, size)
	lanes := stripLanes(active, size)
	packedElems := m*k + k*n
	if directBRows(m, size, bTrans) {
		packedElems = m * k
	}
	packed := float64(roundUp(m, mr))*float64(roundUp(n, nr))*float64(k) +
		stripPackCost*float64(packedElems) + stripFixedCost
	var strips float64
	if active == AVX2 && l1Bytes() < stripsSmallL1 {
		strips = float64(m) * float64(roundUp(n, lanes)) * (float64(k)/stripEfficiencySmallL1 + stripElemCostSmallL1)
	} else {
		strips = float64(m) * float64(roundUp(n, lanes)) * float64(k) / stripsEfficiency(m, n, k, size, macs, bTrans)
	}
	return strips < packed
}

// With an L1 smaller than stripsSmallL1 (32 KB: AMD Zen 3), the AVX2
// strips ran at ~0.85 of the packed kernel's rate plus
// stripElemCostSmallL1 units per element of C (a fixed cost per row and
// strip, likely: short depths show it most), whether op(A) fits in L2 or
// not; stripsEfficiency's rates came from L1s of 48 KB (AMD Zen 5, Intel
// Xeon), and useStrips does not use them there. Strips ÷ packed path, both
// forced, alternated in one process, medians of 31–41 (AMD Zen 3, 1
// thread), float32: 32³ 1.10, 40³ 1.11, 56³ 1.01, 64×32×512 1.17,
// 128×20×128 1.17, 200×16×200 1.30, 784×24×128 TN 1.15 (the model takes
// the strips); 64³ 0.96, 96³ 0.89, 128³ 0.90, 192³ 0.92, 128×128×256
// 0.89, 256×128×128 TN 0.87, 32×128×32 0.85, 64×256×64 0.94 (under the
// rates above, the strips; now the packed path); float64 32³ 1.15, 96³
// 0.96, 128³ 0.93, 192³ 0.91; 2 threads, float32, 128³ 0.91, 256³ 0.87,
// 128×128×256 0.94, 256×128×128 TN 0.84. The fit: these shapes' strips
// time against the packed path's cost model. It still gives the strips
// 48³ (0.93–0.98 of the packed path) and 16×256×256 (~0.95, noisy).
const (
	stripsSmallL1          = 48 << 10
	stripEfficiencySmallL1 = 0.85
	stripElemCostSmallL1   = 15.5
)

// roundUp returns x rounded up to a multiple of r > 0. The amd64 levels'
// tiles and vectors are powers of two or 6 rows, which it rounds to
// without a division instruction (useStrips runs on every small product:
// four divisions by variables took ~25 ns of a 32³ Sgemm's ~450); other
// sizes (NEON's 12-column float32 tile) divide.
func roundUp(x, r int) int {
	switch {
	case r&(r-1) == 0:
		return (x + r - 1) &^ (r - 1)
	case r == 6:
		return (x + 5) / 6 * 6
	}
	return ceilDiv(x, r) * r
}

// tinyStripsMACs is the largest product (m·n·k) that gemm hands straight to
// one call of the small-product kernel, when it fits one strip, without
// asking oneStripCall: as far as useStrips takes every product without its
// model.
const tinyStripsMACs = stripFixedCost / 4

// gemmPathForced reports whether a test forces a GEMM path (the direct
// loop, the strips or the blocked path with its blocks), which the
// shortcuts must then leave to gemmDrive.
func gemmPathForced() bool {
	return directGemmMACs >= 0 || stripGemmMACs >= 0 || gemmBlocksForTest[0] != 0
}

// The cost model's constants: packing one element costs about as much as
// stripPackCost multiply-adds, a packed call's fixed cost (buffers, plan,
// edge-tile merging) stripFixedCost, and the strips run at
// stripEfficiency of the packed kernel's rate (see stripsEfficiency for
// where they run faster).
const (
	stripPackCost   = 8
	stripFixedCost  = 20000
	stripEfficiency = 0.8
)

// stripsEfficiency is the strips' rate relative to the packed kernel's for
// an m×n×k product of macs multiply-adds of elements of size bytes, B
// given transposed or not.
//
// In L2 (stripEfficiencyInL2): where op(A) and one strip of B (k rows of
// stripCols columns) fit in a budget of L2 together (three quarters of it;
// at AVX-512 one and a half), the strip in half of it, and B is not
// transposed (at AVX2, nor are its rows a multiple of 4 KB long), the
// strips run as fast as the packed kernel: every strip re-reads A, and
// its B strip from L1 or L2, while the packed path pays for packing both,
// each part of a parallel call all of B. On an AMD Zen 5 (L2 1 MB; strips
// ÷ packed path, both forced, alternated in one process, medians of 11–21
// rounds, float32 unless noted), 1 thread / 2 threads: AVX-512 256³
// 1.04–1.07 / 1.05–1.26, 448³ 1.05 / 1.19, 512³ 1.04 / 1.04–1.17,
// 128×256×784 1.04–1.09 / 1.25, 784×256×128 TN 1.05 / 1.20, 256×1024×256
// 1.17 / 1.34, 128×384×2048 1.04 / 1.22, float64 256³ 1.06, 384³ 1.05 /
// 1.07, 256×512×256 1.18 / 1.24, 128×256×784 0.97–0.98 / 1.08; AVX2
// (with the whole-vector kernels) 128³ 1.03–1.04 / 1.09, 256³ 1.04 /
// 1.06, 384³ 1.02, 128×256×784 1.01–1.02 / 1.03, 784×256×128 TN 1.01 /
// 1.03, 100×3000×100 1.06, float64 128³ 1.05, 256³ 1.03. Where it stops:
// A past the budget streams from L3 once per strip (AVX2 256×512×1024
// 0.85–0.93, 128×384×2048 0.89, 64×512×4096 0.79–0.83, 1024³ 0.55,
// float64 512³ 0.68; AVX-512 640³ 1.02 / 1.09 and 768³ 1.00 / 1.11 but
// 1024³ 0.83–0.85 / 0.90); at AVX2,
// whose strips are two vectors wide, rows 4 KB apart put a strip's lines
// into a few cache sets and pages (256×1024×256 0.73, 128×2048×128 0.73,
// 64×4096×4096 0.36, against 128×1000×256 1.05; AVX-512 256×1024×256
// 1.17, 256×4096×256 1.02–1.03): n, not ldb, is tested, so the path, and
// so the bits, never depend on the leading dimensions (nor on the thread
// count); a transposed B is copied first, on one goroutine (128×784×256
// NT 1.01–1.05 at 1 thread, 0.94–0.96 at 2). Not measured on the Xeon
// (whose earlier figures, below and beside useStrips, predate the
// whole-vector kernels and this rule), nor at NEON, which keeps the rules
// below.
//
// Elsewhere, small products: at AVX-512 the packed kernel's 6×64 float32
// (6×32 float64) tiles read a B sliver of 96 KB from L2 while the strips
// read two vectors of B's k rows from L1 while they fit in three quarters
// of it; with m·n·k ≤ stripsFastMACs the strips run there at
// stripEfficiencyAVX512 (on the Xeon, float32, strips vs packed GFLOP/s:
// 128³ 134 vs 122, 256×128×128 TN 140–150 vs 124–133, 1000×64×64 TN 153
// vs 125; a transposed B or a longer k: 128×256×128 NT 105 vs 121). At
// AVX2, small products run at stripEfficiencyAVX2 (strips ÷ packed on the
// Xeon, before the whole-vector kernels: 64³ 1.17, 96³ 0.96–1.01,
// 128×128×256 0.92–0.96). Beyond both, stripEfficiency. At AVX2 with an
// L1 under stripsSmallL1, useStrips uses its own rates instead.
func stripsEfficiency(m, n, k, size int, macs float64, bTrans bool) float64 {
	aBytes := float64(m) * float64(k) * float64(size)
	bStripBytes := float64(k) * float64(stripCols(k, size)) * float64(size)
	budget, rowsFit := float64(l2Bytes())*3/4, n*size%4096 != 0
	if active == AVX512 {
		budget, rowsFit = float64(l2Bytes())*3/2, true
	}
	inL2 := aBytes+bStripBytes <= budget && bStripBytes <= float64(l2Bytes())/2
	switch {
	case (active == AVX2 || active == AVX512) && !bTrans && rowsFit && inL2:
		return stripEfficiencyInL2
	case active == AVX512 && !bTrans && k*2*stripLanes(active, size)*size <= l1Bytes()*3/4 && macs <= stripsFastMACs:
		return stripEfficiencyAVX512
	case active == AVX2 && macs <= stripsFastMACs:
		return stripEfficiencyAVX2
	}
	return stripEfficiency
}

// stripEfficiencyInL2, stripEfficiencyAVX512, stripsFastMACs and
// stripEfficiencyAVX2: see stripsEfficiency.
const (
	stripEfficiencyInL2   = 1.0
	stripEfficiencyAVX512 = 0.95
	stripsFastMACs        = 1 << 22
	stripEfficiencyAVX2   = 0.9
)

// The small-product path: products where packing's fixed cost and the
// packed tiles' padding cost more than the in-place kernels' lower register
// reuse. Parts of a parallel call are cut on stripRows rows or one strip
// of columns; since every element's sum is one FMA chain in order l, the
// cut does not change any bit.
const (
	stripRows     = 8       // the tile height parts are cut on
	stripCallMACs = 1 << 22 // the most multiply-adds one kernel call does (~100 µs)
)

// stripCols returns the widest strip for products of depth k, elements of
// size bytes (see stripsRange): the level's stripWidth, except that at
// AVX-512 (four vectors, the wide blocks of gemm_small_avx512_amd64.s) it
// is three vectors when k rows of four would not fit in three quarters of
// L1 (k > 144 for float32 with 48 KB).
func stripCols(k, size int) int {
	width, lanes := stripWidth(active, size), stripLanes(active, size)
	if width > 3*lanes && k*width*size > l1Bytes()*3/4 {
		return 3 * lanes
	}
	return width
}

// l1Bytes returns the L1 data cache's size, or defaultL1D when the CPU
// does not report it.
func l1Bytes() int {
	if caches.l1d > 0 {
		return caches.l1d
	}
	return defaultL1D
}

// stripsPart computes C[i0:i1, j0:j1] of a strips call (see stripsRange).
func stripsPart[T float32 | float64](p *gemmPlan, g *gemmArgs[T], i0, i1, j0, j1 int) {
	if p.narrow {
		narrowKernel(i1-i0, g.n, g.k, unsafe.Pointer(&g.a[i0*g.lda]), g.lda, unsafe.Pointer(&g.b[0]), unsafe.Pointer(&g.c[i0*g.ldc]), g.ldc, g.alpha, g.beta)
		return
	}
	stripsRange(g.aTrans, g.k, g.alpha, g.a, g.lda, g.b, g.ldb, g.beta, g.c, g.ldc, p.nr, i0, i1, j0, j1)
}

// stripsRange computes C[i0:i1, j0:j1] with the level's small-product
// kernel: op(A) in place through its two strides, B (not transposed) in
// place, one strip of columns at a time so that the strip of B stays in L1
// while the rows of A pass. The strips are at most width columns (see
// stripCols) and balanced, whole vectors each but the last and differing
// by at most one vector: 64 float32 columns at AVX-512 go as one strip of
// four vectors, and 80 as three and two, not four and one, because
// one-vector blocks run at ~60 % of the FMA peak. No bit depends on the
// widths: every element is one FMA chain in order l with the same
// epilogue.
func stripsRange[T float32 | float64](aTrans bool, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc, width, i0, i1, j0, j1 int) {
	aRow, aStep := lda, 1
	if aTrans {
		aRow, aStep = 1, lda
	}
	rowsPerCall := i1 - i0
	if float64(rowsPerCall)*float64(k*width) > stripCallMACs {
		rowsPerCall = max(stripRows, stripCallMACs/(k*width)/stripRows*stripRows)
	}
	strips, vecs, lanes := 1, 1, j1-j0 // one strip, the common case: no division
	if j1-j0 > width {
		var zero T
		lanes = stripLanes(active, int(unsafe.Sizeof(zero)))
		vecs = ceilDiv(j1-j0, lanes)
		strips = ceilDiv(vecs, width/lanes)
	}
	for s, j := 0, j0; j < j1; s++ {
		cols := j1 - j
		if strips > 1 {
			cols = min(stripVectors(vecs, strips, s)*lanes, cols)
		}
		bj := unsafe.Pointer(&b[j])
		for i := i0; i < i1; i += rowsPerCall {
			rows := min(rowsPerCall, i1-i)
			ai := unsafe.Pointer(&a[i*aRow])
			ci := unsafe.Pointer(&c[i*ldc+j])
			stripKernel(rows, cols, k, ai, aRow, aStep, bj, ldb, ci, ldc, alpha, beta)
		}
		j += cols
	}
}

// stripVectors returns the vectors of strip s when vecs vectors are shared
// out among strips strips, the first ones taking the remainder.
func stripVectors(vecs, strips, s int) int {
	if s < vecs%strips {
		return vecs/strips + 1
	}
	return vecs / strips
}

// transposeInto copies the k×n matrix op(B) of a transposed B (stored n×k
// with leading dimension ldb) into rows of n in *space, grown as needed:
// packTrans's groups of columns, then the rest one column at a time.
func transposeInto[T float32 | float64](space *[]T, b []T, ldb, n, k int) []T {
	if len(*space) < n*k {
		*space = make([]T, n*k)
	}
	bt := (*space)[:n*k]
	for j := packTrans(bt, b, ldb, k, n, n); j < n; j++ {
		col := b[j*ldb : j*ldb+k]
		for l, v := range col {
			bt[l*n+j] = v
		}
	}
	return bt
}

// oneStripCall reports whether gemmStrips would compute an m×n×k product
// (B not transposed, 2 ≤ m, 2 ≤ n ≤ stripWidth, no path forced by a test)
// in one call of the small-product kernel: on one goroutine, taken by the
// cost model, one strip of columns, all rows in one call. gemm then makes
// that call itself (see there).
func oneStripCall(m, n, k, size int) bool {
	if !oneStripShortcut {
		return false
	}
	width := stripCols(k, size)
	return 2*float64(m)*float64(n)*float64(k) < parallelMinFlops && n <= width &&
		float64(m)*float64(k*width) <= stripCallMACs && useStrips(m, n, k, size, false)
}

// oneStripShortcut, when false, sends the products oneStripCall takes
// through gemmShortcut and gemmStrips, and leaves outer products to be
// rewritten by gemmDrive (see gemm), for the test that they get the same
// bits either way.
var oneStripShortcut = true

// reshapedStrips reports whether a strips product goes to
// gemmStripsTransposed or gemmNarrow (transposedStrips, narrowDot), which
// gemmDrive calls, rather than to the strips as given: gemm's and
// gemmShortcut's direct calls of the strips leave it to gemmDrive.
//
// Products at or below both rules' floors are answered inline, without
// calling them: 8³ takes ~29 ns in all.
func reshapedStrips(aTrans, bTrans bool, m, n, k, size int) bool {
	return float64(m*n*k) > min(narrowMinMACs, tinyStripsMACs) && reshapedRules(aTrans, bTrans, m, n, k, size)
}

// reshapedRules is reshapedStrips' test, past the floors.
func reshapedRules(aTrans, bTrans bool, m, n, k, size int) bool {
	return transposedStrips(aTrans, m, n, k, size) || narrowDot(aTrans, bTrans, m, n, k, size)
}

// transposedStrips reports whether a strips product (m×n×k, A given
// transposed or not, elements of size bytes) is computed transposed:
// Cᵀ = op(B)ᵀ·op(A)ᵀ, n rows of m, by gemmStripsTransposed. A given
// transposed is stored k×m, so op(A)ᵀ is A itself, rows of m read in place
// as the strips read B; op(B)ᵀ's elements are broadcast as op(A)'s are,
// through two strides, so B given transposed needs no copy either. Narrow
// products (n at most half a vector, by the widths below) then fill the
// kernels' vectors with m's columns instead of leaving most of every
// vector's lanes empty, in row groups of exactly n (one pass over A per
// strip). Each element is still one FMA chain in order l with the same
// epilogue, so the bits are the same either way; the products of at most
// tinyStripsMACs stay as they are (a scratch and a second pass cost more
// than they save there), and so do the levels this was not measured at
// (NEON).
//
// Transposed ÷ as given, alternated in one process on an AMD Zen 5, 1
// thread, medians of 7 rounds, A transposed, 128×n×128 / 1000×n×500 /
// 40×n×1000: AVX-512 float32 n = 2 3.8 / 3.2 / 5.4, n = 4 3.3 / 1.7 / 4.0,
// n = 8 1.22 / 1.10 / 2.1, float64 n = 2 2.0 / 2.1 / 2.2, n = 4 1.7 /
// 0.98 / 2.1; AVX2 float32 n = 2 2.3 / 2.4 / 2.1, n = 4 1.9 / 1.13 /
// 1.9, float64 n = 2 1.18 / 1.31 / 1.23. Float32 n = 3, 5 and 6, whose
// rows are not one of the kernels' groups, need depth to pay for the
// scratch and the second pass, so k ≥ 64: AVX-512 n = 3 1.67–2.04 at k =
// 64 (k = 16 0.91–1.0), 128×3×128 1.89, 1000×3×500 1.81; n = 5 and 6
// 1.18–1.35 at k = 64 (k = 32 0.73–1.0, k = 16 0.46–0.61), 128×6×128
// 1.78, 1000×6×500 1.69, 40×6×1000 2.35; AVX2 n = 3 1.04–1.15 at k = 64,
// 1.23–1.27 at k = 500 (k = 32 0.86–0.97). Once the AVX-512 wide blocks
// took rows in groups of 3 and 5 (one pass over A each) and C's rows
// were stored from the scratch by permutes (storeTransposedBlocks, for C
// with contiguous rows; strided, Go stores them column by column), the
// floors came down there, and n = 7 (6 + 1 rows) joined: k ≥ 16 for n =
// 3, k ≥ 32 for 5, 6 and 7 (same sitting, medians of 15, m = 64 / 256:
// n = 3 k = 16 0.99 / 2.19, k = 32 1.89 / 3.19, 128×3×128 3.8; n = 5 k =
// 16 0.95 / 1.48, k = 32 1.41 / 2.01; n = 6 k = 16 0.83 / 1.22, k = 32
// 1.23 / 1.67; n = 7 k = 16 0.71 / 0.95, k = 32 1.04 / 1.37, 128×7×128
// 1.55). Others stay as given: float64 n = 3 (0.89–1.16), or where n
// fills more than half a vector (AVX2 float32 n = 8 0.78–0.91, float64 n
// = 4 0.66–1.04).
func transposedStrips(aTrans bool, m, n, k, size int) bool {
	if !aTrans || !transposedStripsOn || active != AVX2 && active != AVX512 ||
		float64(m)*float64(n)*float64(k) <= tinyStripsMACs {
		return false
	}
	lanes := stripLanes(active, size)
	if 2*n > lanes || m < lanes {
		return false
	}
	switch {
	case n == 2 || n == 4 || n == 8:
		return true
	case size != 4:
		return false
	case active == AVX2:
		return n == 3 && k >= 64
	case n == 3:
		return k >= 16
	}
	return k >= 32 // n = 5, 6, 7
}

// transposedStripsOn turns transposedStrips off, for the test that it
// changes no bit.
var transposedStripsOn = true

// gemmStripsTransposed computes a strips product of gemmDrive's that
// transposedStrips takes (A given transposed) as Cᵀ = op(B)ᵀ·op(A)ᵀ into
// a scratch of n rows of m, in parts as gemmRun cuts any strips product,
// with alpha and beta 0: the scratch holds each element's alpha·sum as
// the kernels round it; storeTransposed then adds beta·C as their
// epilogue does.
func gemmStripsTransposed[T float32 | float64](g *gemmArgs[T], plan gemmPlan) {
	// At AVX-512, Cᵀ's 8 rows (7 rows, when m is more than one strip of
	// four vectors) in strips of three vectors, whose blocks take them in
	// one pass over A, not 6 + 2 (6 + 1). Three ÷ four vectors (AMD Zen 5,
	// medians of 15): float32 128×8×128 TN 1.19, 128×7×128 1.15,
	// 256×7×64 1.12; 64×8×64, 96×8×64, 96×7×64 and 80×7×64 0.99–1.01;
	// 64×7×64 0.80 (two strips of two vectors: 4 + 2 + 1 rows).
	var zero T
	if lanes := stripLanes(active, int(unsafe.Sizeof(zero))); active == AVX512 && plan.nr > 3*lanes &&
		(g.n == 8 || g.n == 7 && g.m > 4*lanes) {
		plan.nr = 3 * lanes
	}
	buf := getGemvBuf[T]()
	ct := buf.scratch(g.n * g.m) // every element stored by the kernels (beta 0)
	gt := gemmArgs[T]{
		aTrans: !g.bTrans,
		m:      g.n, n: g.m, k: g.k,
		alpha: g.alpha,
		a:     g.b, lda: g.ldb,
		b: g.a, ldb: g.lda,
		c: ct, ldc: g.m,
	}
	gemmRun(&gt, plan)
	storeTransposed(g.c, g.ldc, ct, g.m, g.n, g.beta)
	putGemvBuf(buf)
}

// storeTransposed sets C[i, j] (at c[i*ldc+j]) to r = ct[j*m+i] for
// i < m, j < n, or, when beta ≠ 0, to beta·C[i, j] + r, the product
// rounded, then added (the kernels' epilogue). Whole blocks of 16 rows go
// to storeTransposedBlocks' assembly where it has it; the rest, widths 2,
// 4 and 8 through loops unrolled over a row (1.06–1.23× the
// column-by-column loop, gemvStore's, on 128×n×128 products, AMD Zen 5),
// the others column by column.
func storeTransposed[T float32 | float64](c []T, ldc int, ct []T, m, n int, beta T) {
	i0 := storeTransposedBlocks(c, ldc, ct, m, n, beta)
	if i0 == m {
		return
	}
	c = c[i0*ldc:]
	col := func(j int) []T { return ct[j*m+i0 : (j+1)*m] } // the rows from i0 of Cᵀ's row j
	switch n {
	case 2:
		storeTransposed2(c, ldc, col(0), col(1), beta)
	case 4:
		storeTransposed4(c, ldc, [4][]T{col(0), col(1), col(2), col(3)}, beta)
	case 8:
		storeTransposed4(c, ldc, [4][]T{col(0), col(1), col(2), col(3)}, beta)
		storeTransposed4(c[4:], ldc, [4][]T{col(4), col(5), col(6), col(7)}, beta)
	default:
		for j := 0; j < n; j++ {
			gemvStore(c, j, ldc, col(j), 1, beta)
		}
	}
}

// storeTransposed2 is storeTransposed for two columns, c0 and c1 (m each).
func storeTransposed2[T float32 | float64](c []T, ldc int, c0, c1 []T, beta T) {
	c1 = c1[:len(c0)]
	if beta == 0 {
		for i := range c0 {
			row := c[i*ldc : i*ldc+2 : i*ldc+2]
			row[0], row[1] = c0[i], c1[i]
		}
		return
	}
	for i := range c0 {
		row := c[i*ldc : i*ldc+2 : i*ldc+2]
		row[0] = T(beta*row[0]) + c0[i] // T(…) forbids fusing into an FMA
		row[1] = T(beta*row[1]) + c1[i]
	}
}

// storeTransposed4 is storeTransposed for four columns (m each).
func storeTransposed4[T float32 | float64](c []T, ldc int, cols [4][]T, beta T) {
	c0 := cols[0]
	c1, c2, c3 := cols[1][:len(c0)], cols[2][:len(c0)], cols[3][:len(c0)]
	if beta == 0 {
		for i := range c0 {
			row := c[i*ldc : i*ldc+4 : i*ldc+4]
			row[0], row[1], row[2], row[3] = c0[i], c1[i], c2[i], c3[i]
		}
		return
	}
	for i := range c0 {
		row := c[i*ldc : i*ldc+4 : i*ldc+4]
		row[0] = T(beta*row[0]) + c0[i] // T(…) forbids fusing into an FMA
		row[1] = T(beta*row[1]) + c1[i]
		row[2] = T(beta*row[2]) + c2[i]
		row[3] = T(beta*row[3]) + c3[i]
	}
}

// narrowDot reports whether a strips product (m×n×k, A given transposed
// or not, elements of size bytes) goes to the level's narrow-product
// kernels (gemmNarrow): A not transposed, n at most half a vector, k at
// least a vector deep. The strips would leave most lanes of each vector
// empty (n columns of 16, 8 or 4); the narrow kernels run along k
// instead, each element a dot product of A's row and op(B)'s column in
// the lanes of a vector, summed in a fixed order at the end: so these
// products' bits differ from the strips' (a sum of vector partial sums,
// not one FMA chain), and depend on the shape, the level and this rule
// only. The widths between the kernels' (3, 5, 7) are computed as the
// next one up, with zero columns (narrowWidth), and stored through a
// mask.
//
// What the narrow kernels pay beyond the strips is per row (the lanes'
// sums, w of them) and per call (packing op(B)); so they need depth, the
// more so the more of a vector w fills ("wide": 4w > lanes), and rows
// (A's m·k elements) where B is not transposed (the strips read it in
// place; a transposed B they must copy first). The rule below, from
// narrow ÷ strips alternated in one process on an AMD Zen 5 (AVX-512, 1
// thread, medians of 7; "steps": k in vectors): B transposed, one step
// if not wide, two if wide (float32 64×3×16 1.27, 64×6×16 0.91, 64×6×32
// 1.33, 30×6×128 4.0; float64 64×2×8 1.08, 64×3×8 0.83, 64×3×16 1.12); B
// not transposed, if not wide two steps or A ≥ narrowMinA elements
// (float32 64×3×16 0.90, 256×3×16 1.18, 64×3×32 1.18; float64 64×2×8
// 0.69, 64×2×16 1.08), if wide both (float32 64×6×32 0.80, 256×6×32 1.19,
// 64×6×64 1.14, 128×6×128 1.8, 1000×6×500 2.4, 128×7×32 0.98; float64
// 256×3×16 1.03, 64×3×32 0.98, 256×3×32 1.44). The same rule holds at
// AVX2 (float32 64×4×8 0.46, 64×4×16 0.67, 256×4×16 NT 1.26, 64×2×16 1.10;
// float64 64×2×8 0.68, 256×2×16 1.40). Once op(B) was packed by permutes
// (packNarrowSteps), the 8-wide kernel (float32 n = 7, 8) still lost on
// fewer than narrowMinRows8 rows, B not transposed, where the packing
// costs about what the kernel does (same sitting, medians of 21, C placed
// apart from A: float32 8×8×k for k = 128–1024 0.65–0.84, 8×7×k
// 0.86–0.99; 12×7×256 1.24, 16×8×256 1.08, 16×8×512 1.21, 32×8×128
// 1.19), while the 6-wide one won there (8×6×512 1.33, 8×5×512 1.23).
func narrowDot(aTrans, bTrans bool, m, n, k, size int) bool {
	lanes := narrowLanes(active, size)
	if aTrans || lanes == 0 || !narrowDotOn || k < lanes || float64(m)*float64(n)*float64(k) <= narrowMinMACs || 2*n > lanes {
		return false
	}
	twoSteps, wide, bigA := k >= narrowMinSteps*lanes, 4*narrowWidth(n) > lanes, float64(m)*float64(k) >= narrowMinA
	switch {
	case bTrans:
		return twoSteps || !wide
	case wide:
		return twoSteps && bigA && (narrowWidth(n) < 8 || m >= narrowMinRows8)
	}
	return twoSteps || bigA
}

// narrowDotOn turns narrowDot off, for measurements against the strips;
// narrowMinMACs is the largest product it leaves to them, narrowMinSteps
// (2), narrowMinA and narrowMinRows8 its other limits (tests lower them
// all to reach the kernels' smallest row groups and depths).
var (
	narrowDotOn    = true
	narrowMinMACs  = float64(tinyStripsMACs)
	narrowMinSteps = 2
	narrowMinA     = 4096.0
	narrowMinRows8 = 16
)

// narrowWidth returns the columns the narrow kernels compute for a
// product of n columns that narrowDot takes: the least of 2, 4, 6 and 8
// (AVX2: 2 and 4) that is at least n (op(B) packed with zero columns past
// n, C's n columns stored through a mask).
func narrowWidth(n int) int {
	return n + n&1
}

// gemmNarrow computes a product of gemmDrive's that narrowDot takes: op(B)
// packed for the narrow kernels (packNarrowB), then the rows in parts as
// gemmRun cuts any strips product, each part one kernel call.
func gemmNarrow[T float32 | float64](g *gemmArgs[T], plan gemmPlan) {
	var zero T
	buf := getGemvBuf[T]()
	ng := *g
	ng.b = packNarrowB(&buf.x, g.b, g.ldb, g.bTrans, g.k, g.n, narrowWidth(g.n), narrowLanes(active, int(unsafe.Sizeof(zero))))
	ng.bTrans, ng.ldb = false, 0
	plan.narrow, plan.nr = true, g.n
	gemmRun(&ng, plan)
	putGemvBuf(buf)
}

// packNarrowB packs the k×n matrix op(B) (B given transposed or not,
// leading dimension ldb) for the narrow kernels into *space, grown as
// needed, w ≥ n columns wide: for each step of lanes values of l, the w
// columns' vectors one after the other, zeros past k and past n.
func packNarrowB[T float32 | float64](space *[]T, b []T, ldb int, bTrans bool, k, n, w, lanes int) []T {
	steps := ceilDiv(k, lanes)
	size := steps * w * lanes
	if len(*space) < size {
		*space = make([]T, size)
	}
	bt := (*space)[:size]
	clear(bt[(steps-1)*w*lanes:])
	for s := 0; s < steps-1 && w > n; s++ {
		clear(bt[(s*w+n)*lanes : (s+1)*w*lanes])
	}
	done := packNarrowSteps(bt, b, ldb, bTrans, k, n, w, lanes)
	if bTrans && k >= lanes && copySlivers(bt, b, ldb, n, lanes, k/lanes, w*lanes) {
		// B given transposed: each of its n rows cut into the steps' vectors
		// (where a vector is a multiple of 64 bytes: AVX-512), one pass,
		// not n copies a step.
		done = k / lanes
	}
	for s, l0 := done, done*lanes; l0 < k; s, l0 = s+1, l0+lanes {
		depth := min(lanes, k-l0)
		step := bt[s*w*lanes : (s+1)*w*lanes]
		if bTrans {
			for j := 0; j < n; j++ {
				copy(step[j*lanes:j*lanes+depth], b[j*ldb+l0:])
			}
			continue
		}
		// B's rows in fours of columns, then a pair, then one (unrolled;
		// still ~18 % of a float32 128×4×128 product at AVX-512, by
		// profile, before packNarrowSteps took its whole steps).
		src, j := b[l0*ldb:], 0
		for ; j+4 <= n; j += 4 {
			c0, c1, c2, c3 := step[j*lanes:j*lanes+depth], step[(j+1)*lanes:(j+1)*lanes+depth], step[(j+2)*lanes:(j+2)*lanes+depth], step[(j+3)*lanes:(j+3)*lanes+depth]
			for q := range c0 {
				row := src[q*ldb+j : q*ldb+j+4 : q*ldb+j+4]
				c0[q], c1[q], c2[q], c3[q] = row[0], row[1], row[2], row[3]
			}
		}
		if j+2 <= n {
			c0, c1 := step[j*lanes:j*lanes+depth], step[(j+1)*lanes:(j+1)*lanes+depth]
			for q := range c0 {
				row := src[q*ldb+j : q*ldb+j+2 : q*ldb+j+2]
				c0[q], c1[q] = row[0], row[1]
			}
			j += 2
		}
		if j < n {
			c0 := step[j*lanes : j*lanes+depth]
			for q := range c0 {
				c0[q] = src[q*ldb+j]
			}
		}
	}
	return bt
}
