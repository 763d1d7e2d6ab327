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
// wins more shapes at AVX2: float32, medians of 100 calls alternated in one
// process on the Xeon, GFLOP/s, B in place vs the strips, one thread and
// two: 128×128×256 61–70 vs 53–63 and 110–112 vs 94–96, 128³ 57–70 vs
// 47–65 and 109–110 vs 98.
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
	strips := float64(m) * float64(roundUp(n, lanes)) * float64(k) / stripsEfficiency(macs, k*2*lanes*size, bTrans)
	return strips < packed
}

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
// a product of macs multiply-adds whose k rows of two vectors of B take
// stripBytes, B given transposed or not. At AVX-512 the
// packed kernel's 6×64 float32 (6×32 float64) tiles read a B sliver of
// 96 KB from L2 while the strips read theirs from L1, as long as it fits
// in three quarters of L1 (k ≤ 288 with 48 KB) and the product is small
// enough (m·n·k ≤ stripsFastMACs) that re-reading A for every strip stays
// cheap: there the strips run at stripEfficiencyAVX512, as fast as the
// packed kernel, and beat the packed path by its packing and padding.
// Medians of 100–300 calls alternated in one process on the Xeon
// (float32, 1 thread, GFLOP/s, strips vs packed): 128³ 134 vs 122,
// 128×128×256 135 vs 121, 256×128×128 TN 140–150 vs 124–133, 100×300×100
// 146 vs 124, 1000×64×64 TN 153 vs 125, 64×1000×64 139 vs 131; float64:
// 128³ 77 vs 72, 128×128×256 74 vs 71, 100×300×100 75 vs 71; at 2
// threads, float32: 128³ 283 vs 252, 128×128×256 287 vs 253, 100×300×100
// 245 vs 197. A transposed B is copied first (transposeInto) and a longer
// k spills the strip to L2: 128×256×128 NT 105 vs 121, 128×256×784 121 vs
// 127, so those keep stripEfficiency. At AVX2, whose packed kernel's B
// sliver fits L1, the strips lost on every shape above but 96³ until their
// blocks went to 6 rows × 2 vectors and 8 × 1; since, they run at
// stripEfficiencyAVX2 (strips ÷ packed, float32, 1 thread, two runs: 64³
// 1.17–1.18, 256×64×64 1.07–1.16, 96³ 0.96–1.01, 128³ 1.00, 128×128×256
// 0.92–0.96, 100×300×100 1.09–1.10, 64×1000×64 1.07–1.11; float64 64³
// 1.11–1.18, 128³ 0.94–0.97). The model with 0.9 takes the strips for the
// first two and leaves the next three packed; it keeps 0.8 above
// stripsFastMACs, where nothing was measured.
// The AVX-512 strips have since gone up to four vectors wide (stripCols),
// 1.06–1.27× faster on the shapes above; the model was left as it was,
// because the shapes at its edge came out even (strips ÷ packed, float32,
// 1 thread / 2 threads: 192³ 1.05–1.12 / 0.97, 128×128×256 1.09–1.21 /
// 0.98, 256×256×128 1.05 / 1.07; float64 128×128×256 0.96 / 0.96).
func stripsEfficiency(macs float64, stripBytes int, bTrans bool) float64 {
	switch {
	case active == AVX512 && !bTrans && stripBytes <= l1Bytes()*3/4 && macs <= stripsFastMACs:
		return stripEfficiencyAVX512
	case active == AVX2 && macs <= stripsFastMACs:
		return stripEfficiencyAVX2
	}
	return stripEfficiency
}

// stripEfficiencyAVX512, stripsFastMACs and stripEfficiencyAVX2: see
// stripsEfficiency.
const (
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
