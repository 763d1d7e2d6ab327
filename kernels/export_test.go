package kernels

// SetDispatchForTest sets the shortest vector handed to assembly and the
// chunk length (a negative value keeps the current one), so tests can drive
// the assembly at every length and across chunk boundaries; the returned
// function restores the previous values.
func SetDispatchForTest(minAsm, chunk int) (restore func()) {
	oldMin, oldChunk := minAsmLen, chunkLen
	if minAsm >= 0 {
		minAsmLen = minAsm
	}
	if chunk >= 0 {
		chunkLen = chunk
	}
	return func() { minAsmLen, chunkLen = oldMin, oldChunk }
}

// SetGemmBlocksForTest makes GEMM use blocks of kc × (mcTiles·mr) ×
// (ncTiles·nr) (kc ≤ 0 restores the cache-derived sizes) and split products
// of at least minFlops flops across goroutines, in parts of at least
// minTiles tiles, so small test matrices exercise every loop and the
// parallel path, where the parts always share the packed operand (see
// minSharedMACs). The returned function restores the previous settings.
func SetGemmBlocksForTest(kc, mcTiles, ncTiles int, minFlops float64, minTiles int) (restore func()) {
	oldBlocks, oldFlops, oldTiles, oldShared := gemmBlocksForTest, parallelMinFlops, minPartTiles, minSharedMACs
	gemmBlocksForTest = [3]int{kc, mcTiles, ncTiles}
	parallelMinFlops, minPartTiles = minFlops, minTiles
	if kc > 0 {
		minSharedMACs = 0 // parallel parts always share the packed operand
	}
	return func() {
		gemmBlocksForTest, parallelMinFlops, minPartTiles, minSharedMACs = oldBlocks, oldFlops, oldTiles, oldShared
	}
}

// SetDirectGemmForTest sets the largest m·n·k computed without packing; the
// returned function restores it.
func SetDirectGemmForTest(macs float64) (restore func()) {
	old := directGemmMACs
	directGemmMACs = macs
	return func() { directGemmMACs = old }
}

// SetGemvBlocksForTest sets the bytes of sums one axpy-form matrix-vector
// call updates and the matrix elements one call reads, so small tests
// cross every block boundary; the returned function restores them.
func SetGemvBlocksForTest(blockBytes, chunk int) (restore func()) {
	oldBytes, oldChunk := gemvBlockBytes, gemvChunk
	gemvBlockBytes, gemvChunk = blockBytes, chunk
	return func() { gemvBlockBytes, gemvChunk = oldBytes, oldChunk }
}

// SetGemvStreamForTest makes the axpy form take its kernel for matrices
// beyond L2 (gemvAxpyStreamForm) for every part larger than bytes, and
// the dot form its one-row kernel for every matrix of bytes or more,
// where the level has them (0: every matrix; negative: the rules of the
// caches and the dot form's own threshold); the returned function
// restores both rules. The axpy form's kernel for matrices beyond half
// the L3 is then never taken, unless SetGemvMemoryForTest says so.
func SetGemvStreamForTest(bytes int) (restore func()) {
	oldAxpy, oldDot := gemvStreamBytesForTest, gemvDotStreamBytes
	gemvStreamBytesForTest = bytes
	if bytes >= 0 {
		gemvDotStreamBytes = bytes
	}
	return func() { gemvStreamBytesForTest, gemvDotStreamBytes = oldAxpy, oldDot }
}

// SetGemvMemoryForTest makes the axpy form take its kernel for matrices
// beyond half the L3 (gemvAxpyMemoryForm) for every product of bytes or
// more (0: every product; negative: the rules of the caches); the
// returned function restores the rule. While bytes is not negative, the
// rules of the caches are off for the stream kernels too (as
// SetGemvStreamForTest sets them, else never) and so is the rule that
// keeps narrow parts blocked.
func SetGemvMemoryForTest(bytes int) (restore func()) {
	old := gemvMemoryBytesForTest
	gemvMemoryBytesForTest = bytes
	return func() { gemvMemoryBytesForTest = old }
}

// SetStripGemmForTest sets the largest m·n·k computed by the small-product
// kernels without packing; the returned function restores it.
func SetStripGemmForTest(macs float64) (restore func()) {
	old := stripGemmMACs
	stripGemmMACs = macs
	return func() { stripGemmMACs = old }
}

// UsesStrips reports whether an m×n×k product of elements of size bytes,
// B transposed or not, takes the small-product kernels at the active
// level by default.
func UsesStrips(m, n, k, size int, bTrans bool) bool {
	return stripWidth(active, size) > 0 && m > 1 && n > 1 && useStrips(m, n, k, size, bTrans)
}

// PowInts is powInts, for its test.
var PowInts = powInts

// PackTransForTest is packTrans (the transposed-B packing assembly, or 0
// rows packed where there is none), for guard-page tests.
func PackTransForTest[T float32 | float64](dst, src []T, ld, k, rows, nr int) int {
	return packTrans(dst, src, ld, k, rows, nr)
}

// PackBForTest is packB for an untransposed B (the sliver-copying
// assembly where there is one), for guard-page tests.
func PackBForTest[T float32 | float64](dst, b []T, ldb, nc, kc, nr int) {
	packB(dst, b, ldb, false, 0, kc, 0, nc, nr, kc*nr)
}

// PackATransForTest is packA for a transposed A (the sliver-copying
// assembly where there is one), for guard-page tests.
func PackATransForTest[T float32 | float64](dst, a []T, lda, mc, kc, mr int) {
	packA(dst, a, lda, true, 0, mc, 0, kc, mr)
}

// SetEdgeStripsForTest turns the blocked path's edge tiles by the
// small-product kernels on or off (off: whole tiles into a buffer, as at
// the generic level); the returned function restores the setting.
func SetEdgeStripsForTest(on bool) (restore func()) {
	old := edgeStripsForTest
	edgeStripsForTest = on
	return func() { edgeStripsForTest = old }
}

// SetDirectBForTest makes the blocked path read an untransposed B in place
// wherever it can (on) or never (off), instead of by its cost model; the
// returned function restores the cost model.
func SetDirectBForTest(on bool) (restore func()) {
	old := directBForTest
	directBForTest = 0
	if on {
		directBForTest = 1
	}
	return func() { directBForTest = old }
}

// UsesDirectB reports whether the cost model has an m-row product with
// B's rows ldb apart read in place at the active level.
func UsesDirectB(m, ldb, size int) bool { return useDirectB(m, ldb, size, false) }

// PartsByWorkers returns how many parts of parallel calls pooled workers
// have run since the program started.
func PartsByWorkers() int64 { return partsByWorkers.Load() }

// SetOneStripShortcutForTest turns gemm's call of the small-product kernel
// for the products oneStripCall takes on or off (off: they go through
// gemmShortcut and gemmStrips).
func SetOneStripShortcutForTest(on bool) (restore func()) {
	old := oneStripShortcut
	oneStripShortcut = on
	return func() { oneStripShortcut = old }
}

// OneStripCallForTest is oneStripCall.
func OneStripCallForTest(m, n, k, size int) bool { return oneStripCall(m, n, k, size) }

// SetTransposedStripsForTest turns transposedStrips on or off (off: every
// strips product is computed as given); the returned function restores
// the setting.
func SetTransposedStripsForTest(on bool) (restore func()) {
	old := transposedStripsOn
	transposedStripsOn = on
	return func() { transposedStripsOn = old }
}

// TransposedStripsForTest is transposedStrips.
func TransposedStripsForTest(aTrans bool, m, n, k, size int) bool {
	return transposedStrips(aTrans, m, n, k, size)
}

// SetNarrowDotForTest turns narrowDot on or off and sets the largest
// product it leaves to the strips (negative: keep it, and its other
// limits; otherwise those are lifted); the returned function restores
// them.
func SetNarrowDotForTest(on bool, minMACs float64) (restore func()) {
	oldOn, oldMin, oldSteps, oldA, oldRows8 := narrowDotOn, narrowMinMACs, narrowMinSteps, narrowMinA, narrowMinRows8
	narrowDotOn = on
	if minMACs >= 0 {
		narrowMinMACs, narrowMinSteps, narrowMinA, narrowMinRows8 = minMACs, 1, 0, 0
	}
	return func() {
		narrowDotOn, narrowMinMACs, narrowMinSteps, narrowMinA, narrowMinRows8 = oldOn, oldMin, oldSteps, oldA, oldRows8
	}
}

// NarrowDotForTest is narrowDot.
func NarrowDotForTest(aTrans, bTrans bool, m, n, k, size int) bool {
	return narrowDot(aTrans, bTrans, m, n, k, size)
}
