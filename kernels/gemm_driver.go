package kernels

import (
	"math"
	"sync"
	"unsafe"
)

// The GEMM driver: gemmDrive takes one validated call (see gemm in
// gemm.go; gemm first rewrites outer products and computes the products
// the strips would in one kernel call itself, then lets gemmShortcut take
// the one-part small products and short matrix-vector products without
// building gemmArgs) and chooses its path, in this order:
//
//   - gemmDirect (below), a Go loop over the operands in place, for the
//     tiniest products at levels without small-product kernels;
//   - gemmVector (gemv_generic.go), when m or n is 1;
//   - stripsPart (below), the level's small-product kernels on unpacked
//     operands, when useStrips' cost model says packing does not pay
//     (narrow products with A given transposed computed as Cᵀ, see
//     transposedStrips);
//   - gemmPart (gemm_blocked.go), BLIS's loops around a micro-kernel on
//     packed blocks (gemm_pack.go, gemm_generic.go and the level's
//     assembly).
//
// Products of at least parallelMinFlops are cut into parts on tile
// boundaries and run on the parallel runner (parallel.go). Every element's
// arithmetic depends only on the shape, the level and the CPU's cache
// sizes (which fix the path, the kc split and the tile grid), never on
// the thread count or on which goroutine computes it.

// gemmArgs holds one call's validated arguments.
type gemmArgs[T float32 | float64] struct {
	aTrans, bTrans bool
	m, n, k        int
	alpha, beta    T
	a              []T
	lda            int
	b              []T
	ldb            int
	c              []T
	ldc            int
}

// gemmDrive runs one validated call with alpha ≠ 0 and k > 0. It takes the
// arguments by value so that they stay on the stack (or in the pooled call)
// and a call allocates nothing.
func gemmDrive[T float32 | float64](args gemmArgs[T]) {
	g := &args
	if g.k == 1 {
		// An outer product: a transposed A (1×m) is A's column with stride
		// 1, and a transposed B with ldb == 1 is B's row, so nothing needs
		// transposing (the strips would copy B).
		if g.aTrans {
			g.aTrans, g.lda = false, 1
		}
		if g.bTrans && g.ldb == 1 {
			g.bTrans, g.ldb = false, g.n
		}
	}
	if g.n <= directGemmMaxN && float64(g.m)*float64(g.n)*float64(g.k) <= directGemmLimit() && gemmBlocksForTest[0] == 0 {
		gemmDirect(g)
		return
	}
	if (g.m == 1 || g.n == 1) && gemmBlocksForTest[0] == 0 {
		gemmVector(g)
		return
	}
	var zero T
	size := int(unsafe.Sizeof(zero))
	var plan gemmPlan
	var bt *gemvBuf[T] // a transposed B copied into rows, for the strips
	if stripWidth(active, size) > 0 && gemmBlocksForTest[0] == 0 && useStrips(g.m, g.n, g.k, size, g.bTrans) {
		plan = gemmPlan{strips: true, mr: stripRows, nr: stripCols(g.k, size)}
		if narrowDot(g.aTrans, g.bTrans, g.m, g.n, g.k, size) {
			gemmNarrow(g, plan)
			return
		}
		if transposedStrips(g.aTrans, g.m, g.n, g.k, size) {
			gemmStripsTransposed(g, plan)
			return
		}
		if g.bTrans {
			bt = getGemvBuf[T]()
			g.b, g.ldb, g.bTrans = transposeInto(&bt.s, g.b, g.ldb, g.n, g.k), g.n, false
		}
	} else {
		plan = newGemmPlan(g.k, size, math.IsInf(float64(g.alpha), 0))
		plan.directB = useDirectB(g.m, g.ldb, size, g.bTrans)
	}
	gemmRun(g, plan)
	if bt != nil {
		putGemvBuf(bt)
	}
}

// gemmRun computes a call of gemmDrive's on the path plan says, in parts
// on the parallel runner when it is large enough.
func gemmRun[T float32 | float64](g *gemmArgs[T], plan gemmPlan) {
	mTiles, nTiles := ceilDiv(g.m, plan.mr), ceilDiv(g.n, plan.nr)
	parts, byRows := 1, splitRows(g.m, g.n, mTiles, nTiles, plan.directB)
	if 2*float64(g.m)*float64(g.n)*float64(g.k) >= parallelMinFlops {
		tiles := nTiles
		if byRows {
			tiles = mTiles
		}
		parts = min(Threads(), tiles/minPartTiles, maxGemmParts)
	}
	if parts <= 1 {
		if plan.strips {
			stripsPart(&plan, g, 0, g.m, 0, g.n)
			return
		}
		buf := getGemmBuf[T]()
		buf.ensure(&plan)
		gemmPart(&plan, g, 0, g.m, 0, g.n, buf, sharedNone, nil)
		putGemmBuf(buf)
		return
	}
	call := getGemmCall[T]()
	call.plan, call.args = plan, *g
	call.wake = 2*float64(g.m)*float64(g.n)*float64(g.k) >= wakeMinFlops
	// The operand every part needs whole (B when parts are row ranges, A
	// when they are column ranges) is packed once, by all the parts
	// together, before they compute, unless it is too big to keep.
	call.shared = sharedNone
	if !plan.strips && !(byRows && plan.directB) && float64(g.m)*float64(g.n)*float64(g.k) >= minSharedMACs {
		sharedRows, sharedTiles, sharedTile := g.m, mTiles, plan.mr
		call.shared = sharedA
		if byRows {
			sharedRows, sharedTiles, sharedTile = g.n, nTiles, plan.nr
			call.shared = sharedB
		}
		if n := sharedTiles * sharedTile * g.k; n <= maxSharedPack {
			if len(call.packed) < n {
				call.packed = alignedSlice[T](n)
			}
			call.phase = phasePack
			call.runParts(parts, sharedTiles, sharedTile, sharedRows, call.shared == sharedA)
		} else {
			call.shared = sharedNone
		}
	}
	call.phase = phaseCompute
	if byRows {
		call.runParts(parts, mTiles, plan.mr, g.m, true)
	} else {
		call.runParts(parts, nTiles, plan.nr, g.n, false)
	}
	call.args = gemmArgs[T]{} // drop the references to the caller's slices
	putGemmCall(call)
}

// gemmShortcut makes gemmDrive's choice before gemmArgs is built, for the
// calls whose path needs none of gemmDrive's rewriting or pooled state: a
// short matrix-vector product with its sums on the stack (gemvOnStack) or
// a one-part strips product (gemmStrips). It reports whether it computed
// the call. At 8³ or 10×1×10 the copy of gemmArgs into gemmDrive's
// arguments (a store-forwarding stall) and the driver's path choice cost
// as much as the kernel.
func gemmShortcut[T float32 | float64](aTrans, bTrans bool, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) bool {
	if m != 1 && n != 1 {
		return gemmStrips(aTrans, bTrans, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
	}
	// gemmDrive rewrites outer products (k == 1), sends the tiniest
	// products to gemmDirect at the generic level, and tests may force
	// the blocked path.
	if k == 1 || n <= directGemmMaxN && float64(m)*float64(n)*float64(k) <= directGemmLimit() || gemmBlocksForTest[0] != 0 {
		return false
	}
	return gemvOnStack(aTrans, bTrans, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// gemmStrips runs a product on the level's small-product kernels straight
// from gemm's arguments when gemmDrive would send it there whole (B not
// transposed, m and n ≥ 2, useStrips, below the parallel threshold), and
// reports whether it did (see gemmShortcut): 8³ took 60 ns through
// gemmDrive, 30 ns this way (Xeon, avx512). Tests that force other paths
// (directGemmMACs, gemmBlocksForTest) go the long way.
func gemmStrips[T float32 | float64](aTrans, bTrans bool, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) bool {
	var zero T
	size := int(unsafe.Sizeof(zero))
	if stripWidth(active, size) == 0 || bTrans || m < 2 || n < 2 || 2*float64(m)*float64(n)*float64(k) >= parallelMinFlops ||
		directGemmMACs >= 0 || gemmBlocksForTest[0] != 0 || !useStrips(m, n, k, size, false) || reshapedStrips(aTrans, false, m, n, k, size) {
		return false
	}
	stripsRange(aTrans, k, alpha, a, lda, b, ldb, beta, c, ldc, stripCols(k, size), 0, m, 0, n)
	return true
}

// directGemmMACs, if not negative, is the largest product (m·n·k
// multiply-adds) computed by gemmDirect, for tests; by default it is
// directGemmLimit's choice.
var directGemmMACs = -1.0

// directGemmLimit returns the largest product gemmDirect computes. At the
// generic level the direct loop beats packing up to 64³: medians of 3
// runs, float32 GFLOP/s, direct vs packed, on an AVX-512 Xeon with -tags
// purego: 8³ 2.28 vs 1.36, 16³ 3.52 vs 2.62, 32³ 4.11 vs 3.05, 64³ 4.99
// vs 3.98. Every assembly level has small-product kernels (stripsPart),
// which beat the Go loop from 2³ up (4³: ~90 ns against ~290 ns), so there
// nothing goes direct.
func directGemmLimit() float64 {
	switch {
	case directGemmMACs >= 0:
		return directGemmMACs
	case active == Generic:
		return 64 * 64 * 64
	}
	return 0
}

// directGemmMaxN is the widest C gemmDirect takes: the measurements behind
// directGemmLimit went up to 64 columns.
const directGemmMaxN = 64

// gemmDirect computes a small product directly, without packing, blocking
// or goroutines (which cost more than the arithmetic when m·n·k is a few
// hundred): each element's sum in order l = 0, 1, …, k−1, then the
// micro-kernels' epilogue (alpha·sum; beta·C rounded, then added; C not
// read when beta == 0). Blocks of 2 rows × 4 columns keep their sums in
// registers (sum2x4); the last odd row and the last n mod 4 columns
// are summed one element at a time. n ≤ directGemmMaxN.
func gemmDirect[T float32 | float64](g *gemmArgs[T]) {
	// Element (i, l) of op(A) is a[i*aRow+l*aStep]; (l, j) of op(B) is
	// b[l*bRow+j*bCol]. gemm checked that every such index is in range.
	aRow, aStep := g.lda, 1
	if g.aTrans {
		aRow, aStep = 1, g.lda
	}
	bRow, bCol := g.ldb, 1
	if g.bTrans {
		bRow, bCol = 1, g.ldb
	}
	var zero T
	size := int(unsafe.Sizeof(zero))
	a, b := unsafe.Pointer(unsafe.SliceData(g.a)), unsafe.Pointer(unsafe.SliceData(g.b))
	m2, n4 := g.m&^1, g.n&^3
	var acc [8]T
	var one [1]T
	for i := 0; i < g.m; i++ {
		ai := unsafe.Add(a, i*aRow*size)
		j := 0
		if i < m2 {
			// Rows i and i+1 (i even) take their first n4 columns in
			// blocks, computed on the even row.
			for ; i&1 == 0 && j < n4; j += 4 {
				sum2x4(&acc, g.k, ai, aRow*size, aStep*size, unsafe.Add(b, j*bCol*size), bRow*size, bCol*size)
				storeTile(g.c[i*g.ldc+j:], g.ldc, acc[:], 2, 4, g.alpha, g.beta)
			}
			j = n4
		}
		for ; j < g.n; j++ {
			one[0] = 0
			bj := unsafe.Add(b, j*bCol*size)
			for l := range g.k {
				one[0] += *(*T)(unsafe.Add(ai, l*aStep*size)) * *(*T)(unsafe.Add(bj, l*bRow*size))
			}
			storeTile(g.c[i*g.ldc+j:], g.ldc, one[:], 1, 1, g.alpha, g.beta)
		}
	}
}

// Parallelism. A product with fewer flops than parallelMinFlops runs on the
// caller alone (handing work to another goroutine costs microseconds);
// otherwise it is cut into parts of at least minPartTiles tiles along m or
// n (see splitRows), one part per goroutine.
// Both are variables so tests can force the parallel path on small
// shapes.
var (
	parallelMinFlops = float64(2 << 20)
	minPartTiles     = 2
)

// splitRows reports whether a parallel product is cut into row ranges
// (else column ranges). Every part packs the whole of the operand that is
// not cut (B, k×n, for row ranges; A, m×k, for column ranges), so the
// smaller one is duplicated: rows when m ≥ n, unless n has the tiles for
// two parts and m has not. Medians of 7 runs at 2 threads (avx512,
// GFLOP/s, rows vs columns): 128×256×128 NT 201 vs 231, 256×1024×1024 NT
// 204 vs 257, 256×1024×784 220 vs 230, 784×256×128 TN 278 vs 246,
// 256×128×128 TN 170 vs 132. With B read in place (directB) a row cut
// duplicates nothing, so it is taken whenever m has the tiles: at 2
// threads, alternated in one process on the Xeon, rows ÷ columns,
// 128×256×784 1.09–1.12 (AVX-512) and 1.03 (AVX2), 96×512×512 1.03,
// 64×256×784 1.01.
func splitRows(m, n, mTiles, nTiles int, directB bool) bool {
	if directB && mTiles >= 2*minPartTiles {
		return true
	}
	if m >= n {
		return mTiles >= 2*minPartTiles || nTiles < 2*minPartTiles
	}
	return nTiles < 2*minPartTiles && mTiles >= nTiles
}

// maxGemmParts caps the goroutines one call uses, whatever SetThreads says.
const maxGemmParts = 64

// gemmCall is the shared state of one parallel call, pooled.
type gemmCall[T float32 | float64] struct {
	plan   gemmPlan
	args   gemmArgs[T]
	wake   bool                 // long enough to wake parked workers (see parallelCall.run)
	shared int                  // sharedNone, sharedA or sharedB: the operand packed once for all parts
	phase  int                  // phasePack (the parts pack the shared operand) or phaseCompute
	packed []T                  // the shared operand, packed (see packedBlock)
	parts  [maxGemmParts][4]int // i0, i1, j0, j1 of each part
	parallelCall
}

// gemmCall.shared values.
const (
	sharedNone = iota
	sharedA
	sharedB
)

// gemmCall.phase values.
const (
	phaseCompute = iota
	phasePack
)

// minSharedMACs is the smallest product (m·n·k) whose parallel parts
// share a packed operand. Sharing costs a second round of hand-over and
// wait, which below ~512³ costs more than the packing it saves. Medians
// of 7 runs at 2 threads on a Xeon (avx512, GFLOP/s, shared vs not):
// 128×128×256 156 vs 207, 128×256×784 203 vs 232, 784×256×128 TN 258 vs
// 273, 512³ 228 vs 237, 1024³ 218 vs 220, 2048³ 236 vs 222.
var minSharedMACs = float64(1 << 28)

// maxSharedPack is the most elements of a packed operand a parallel call
// shares between its parts (32 MiB of float64); beyond it each part packs
// its own blocks, as on one goroutine.
const maxSharedPack = 1 << 22

// runParts cuts the call into parts ranges of whole tiles (tiles of tile
// rows of C when byRows, else columns; size is m or n) and runs them (see
// parallelCall).
func (call *gemmCall[T]) runParts(parts, tiles, tile, size int, byRows bool) {
	g := &call.args
	for p := range parts {
		lo := min(p*tiles/parts*tile, size)
		hi := min((p+1)*tiles/parts*tile, size)
		call.parts[p] = [4]int{0, g.m, lo, hi}
		if byRows {
			call.parts[p] = [4]int{lo, hi, 0, g.n}
		}
	}
	call.run(parts, call.wake)
}

// runPart runs part p, C[i0:i1, j0:j1] for {i0, i1, j0, j1} = parts[p].
func (call *gemmCall[T]) runPart(p int) {
	i0, i1, j0, j1 := call.parts[p][0], call.parts[p][1], call.parts[p][2], call.parts[p][3]
	switch {
	case call.plan.strips:
		stripsPart(&call.plan, &call.args, i0, i1, j0, j1)
	case call.phase == phasePack:
		call.packShared(i0, i1, j0, j1)
	default:
		buf := getGemmBuf[T]()
		buf.ensure(&call.plan)
		gemmPart(&call.plan, &call.args, i0, i1, j0, j1, buf, call.shared, call.packed)
		putGemmBuf(buf)
	}
}

// packShared packs this part's share of the shared operand: the slivers
// of B's columns j0…j1 (sharedB) or of A's rows i0…i1 (sharedA), in every
// panel and block, at their places in call.packed.
func (call *gemmCall[T]) packShared(i0, i1, j0, j1 int) {
	p, g := &call.plan, &call.args
	lo, hi, size, step, r := i0, i1, g.m, p.mc, p.mr
	if call.shared == sharedB {
		lo, hi, size, step, r = j0, j1, g.n, p.nc, p.nr
	}
	for x := 0; x < size; x += step {
		w := min(step, size-x)
		from, to := max(lo, x), min(hi, x+w)
		if from >= to {
			continue
		}
		for pc := 0; pc < g.k; pc += p.kc {
			kc := min(p.kc, g.k-pc)
			dst := packedBlock(call.packed, x, w, r, pc, g.k)[(from-x)*kc:]
			if call.shared == sharedB {
				packB(dst, g.b, g.ldb, g.bTrans, pc, kc, from, to-from, r, kc*r)
			} else if rows := packedARows(to-from, r, int(unsafe.Sizeof(g.alpha))); rows > 0 {
				packA(dst, g.a, g.lda, g.aTrans, from, rows, pc, kc, r)
			}
		}
	}
}

func getGemmCall[T float32 | float64]() *gemmCall[T] {
	var zero T
	pool := &gemmCalls64
	if unsafe.Sizeof(zero) == 4 {
		pool = &gemmCalls32
	}
	if call, ok := pool.Get().(*gemmCall[T]); ok {
		return call
	}
	call := new(gemmCall[T])
	call.runner = call
	return call
}

func putGemmCall[T float32 | float64](call *gemmCall[T]) {
	var zero T
	if unsafe.Sizeof(zero) == 4 {
		gemmCalls32.Put(call)
	} else {
		gemmCalls64.Put(call)
	}
}

var gemmCalls32, gemmCalls64 sync.Pool
