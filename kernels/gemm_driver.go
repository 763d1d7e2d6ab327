package kernels

import (
	"math"
	"sync"
	"unsafe"
)

// The GEMM driver: BLIS's five loops around a micro-kernel (see
// ARCHITECTURE.md). For each nc-column panel of C (loop 5) and kc-deep
// slice of the sum (loop 4), B's kc×nc block is packed into slivers of nr
// columns; for each mc-row block (loop 3), A's mc×kc block is packed into
// slivers of mr rows. Loop 2 walks the B slivers; loop 1, inside the
// assembly, walks the A slivers, so one B sliver stays in L1 while the
// whole A block streams from L2. Only full mr×nr tiles are computed in
// place; edge tiles are computed into a small buffer and merged in Go, so
// no kernel touches memory outside the caller's matrices.
//
// Every element's arithmetic depends only on k and on the level (the kc
// split and the tile grid are fixed by them), never on the thread count or
// on which goroutine computes it: parts are cut on tile boundaries.

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

// gemmPlan is the tile and block sizes of one call.
type gemmPlan struct {
	strips bool // small-product kernels on unpacked operands: mr rows × nr columns per tile, no blocks
	kernel gemmKernel
	mr, nr int // register tile of the micro-kernel
	kc     int // depth of one packed block (balanced over k)
	mc, nc int // rows of A and columns of B packed at once; multiples of mr, nr
}

// cacheSizes are per-core L1D and L2 and total L3 sizes in bytes; 0 means
// unknown.
type cacheSizes struct{ l1d, l2, l3 int }

// caches is read once at init.
var caches = detectCaches()

// Block-size defaults for when cpuid cannot tell the cache sizes, and
// limits that keep packing buffers sane on CPUs reporting huge caches.
const (
	defaultL1D = 32 << 10
	defaultL2  = 512 << 10
	defaultL3  = 8 << 20
	maxKC      = 512
	maxMC      = 600
	maxNC      = 4096
)

// newGemmPlan picks the level's micro-kernel for elements of size bytes and
// block sizes from the cache sizes: a B sliver (kc×nr) should take at most
// half of L1D, an A block (mc×kc) at most half of L2, and a B panel
// (kc×nc) at most a quarter of L3. kc is then balanced so that k splits
// into equal blocks instead of leaving a thin last one.
//
// An infinite alpha gets a single block as deep as k: alpha is applied
// once per block, and Inf·(s₁) + Inf·(s₂) is NaN when the partial sums
// differ in sign while Inf·(s₁+s₂) is not. The blocks are then one tile
// wide, which keeps the buffers small; that case is slow but exact.
func newGemmPlan(k, size int, infAlpha bool) gemmPlan {
	kern, mr, nr, minKC := gemmTile(active, size)
	l1, l2, l3 := caches.l1d, caches.l2, caches.l3
	if l1 <= 0 {
		l1 = defaultL1D
	}
	if l2 <= 0 {
		l2 = defaultL2
	}
	if l3 <= 0 {
		l3 = defaultL3
	}
	kc := min(max(l1/2/(nr*size), minKC), maxKC)
	if o := gemmBlocksForTest; o[0] > 0 {
		kc = o[0]
	}
	kc = ceilDiv(k, ceilDiv(k, kc)) // balanced blocks, each ≤ kc
	mc := min(max(l2/2/(kc*size), 4*mr), maxMC) / mr * mr
	nc := min(max(l3/4/(kc*size), 4*nr), maxNC) / nr * nr
	if o := gemmBlocksForTest; o[0] > 0 {
		mc, nc = o[1]*mr, o[2]*nr
	}
	if infAlpha {
		kc, mc, nc = k, mr, nr
	}
	return gemmPlan{kernel: kern, mr: mr, nr: nr, kc: kc, mc: mc, nc: nc}
}

// gemmBlocksForTest, when its kc is positive, replaces the block sizes:
// kc, then mc and nc in tiles. Tests use tiny blocks to run every loop of
// the driver on small matrices.
var gemmBlocksForTest [3]int

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// gemmBuf is one goroutine's packing space: an A block, a B panel and an
// edge tile, each 64-byte aligned. Buffers are pooled and only grow.
type gemmBuf[T float32 | float64] struct {
	a, b, tile []T
}

// alignedSlice returns a slice of n elements whose first element is
// 64-byte aligned.
func alignedSlice[T float32 | float64](n int) []T {
	var zero T
	size := int(unsafe.Sizeof(zero))
	s := make([]T, n+64/size)
	off := int(uintptr(unsafe.Pointer(unsafe.SliceData(s)))%64) / size
	if off != 0 {
		off = 64/size - off
	}
	return s[off : off+n : off+n]
}

// ensure grows the buffers to fit plan p.
func (buf *gemmBuf[T]) ensure(p *gemmPlan) {
	if n := ceilDiv(p.mc, p.mr) * p.mr * p.kc; len(buf.a) < n {
		buf.a = alignedSlice[T](n)
	}
	if n := ceilDiv(p.nc, p.nr) * p.nr * p.kc; len(buf.b) < n {
		buf.b = alignedSlice[T](n)
	}
	if n := p.mr * p.nr; len(buf.tile) < n {
		buf.tile = alignedSlice[T](n)
	}
}

var gemmBufs32, gemmBufs64 sync.Pool

func getGemmBuf[T float32 | float64]() *gemmBuf[T] {
	pool := gemmPool[T]()
	if buf, ok := pool.Get().(*gemmBuf[T]); ok {
		return buf
	}
	return new(gemmBuf[T])
}

func putGemmBuf[T float32 | float64](buf *gemmBuf[T]) { gemmPool[T]().Put(buf) }

func gemmPool[T float32 | float64]() *sync.Pool {
	var zero T
	if unsafe.Sizeof(zero) == 4 {
		return &gemmBufs32
	}
	return &gemmBufs64
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
// 256×128×128 TN 170 vs 132.
func splitRows(m, n, mTiles, nTiles int) bool {
	if m >= n {
		return mTiles >= 2*minPartTiles || nTiles < 2*minPartTiles
	}
	return nTiles < 2*minPartTiles && mTiles >= nTiles
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
	if g.n <= smallGemmMaxN && float64(g.m)*float64(g.n)*float64(g.k) <= smallGemmLimit() && gemmBlocksForTest[0] == 0 {
		gemmSmall(g)
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
	if w := gemmStripWidth(active, size); w > 0 && gemmBlocksForTest[0] == 0 && useStrips(g.m, g.n, g.k, size, w) {
		plan = gemmPlan{strips: true, mr: stripRows, nr: w}
		if g.bTrans {
			bt = getGemvBuf[T]()
			g.b, g.ldb, g.bTrans = transposeInto(&bt.s, g.b, g.ldb, g.n, g.k), g.n, false
		}
	} else {
		plan = newGemmPlan(g.k, size, math.IsInf(float64(g.alpha), 0))
	}
	defer func() {
		if bt != nil {
			putGemvBuf(bt)
		}
	}()
	mTiles, nTiles := ceilDiv(g.m, plan.mr), ceilDiv(g.n, plan.nr)
	parts, byRows := 1, splitRows(g.m, g.n, mTiles, nTiles)
	if 2*float64(g.m)*float64(g.n)*float64(g.k) >= parallelMinFlops {
		tiles := nTiles
		if byRows {
			tiles = mTiles
		}
		parts = min(Threads(), tiles/minPartTiles, maxGemmParts)
	}
	if parts <= 1 {
		if plan.strips {
			gemmStripsPart(&plan, g, 0, g.m, 0, g.n)
			return
		}
		buf := getGemmBuf[T]()
		buf.ensure(&plan)
		gemmPart(&plan, g, 0, g.m, 0, g.n, buf, sharedNone, nil)
		putGemmBuf(buf)
		return
	}
	call := getGemmCall[T]()
	call.plan, call.args = plan, args
	// The operand every part needs whole (B when parts are row ranges, A
	// when they are column ranges) is packed once, by all the parts
	// together, before they compute, unless it is too big to keep.
	call.shared = sharedNone
	if !plan.strips && float64(g.m)*float64(g.n)*float64(g.k) >= minSharedMACs {
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
	call.run(parts)
}

// stripGemmMACs, if not negative, is the largest product (m·n·k
// multiply-adds) computed by gemmStrips, for tests; by default useStrips
// decides.
var stripGemmMACs = -1.0

// useStrips reports whether an m×n×k product (m, n ≥ 2) of elements of
// size bytes goes to the small-product kernels (strips of width columns)
// rather than the packed path, by a cost model in units of one
// multiply-add at the packed kernel's rate: the packed path pays for its
// padded tiles (edge tiles are computed whole), for packing every element
// of A and B, and a fixed cost per call; the strips pay for their padded
// vectors at a lower rate (less register reuse, A broadcast from memory).
// The constants were measured on this project's machines (see the
// BenchmarkSgemm shapes and ASM-NOTES.md).
func useStrips(m, n, k, size, width int) bool {
	macs := float64(m) * float64(n) * float64(k)
	switch {
	case stripGemmMACs >= 0:
		return macs <= stripGemmMACs
	case macs <= stripFixedCost/4:
		return true // well below the packed path's fixed cost alone
	}
	_, mr, nr, _ := gemmTile(active, size)
	lanes := width / 2
	packed := float64(ceilDiv(m, mr)*mr)*float64(ceilDiv(n, nr)*nr)*float64(k) +
		stripPackCost*float64(m*k+k*n) + stripFixedCost
	strips := float64(m) * float64(ceilDiv(n, lanes)*lanes) * float64(k) / stripEfficiency
	return strips < packed
}

// The cost model's constants: packing one element costs about as much as
// stripPackCost multiply-adds, a packed call's fixed cost (buffers, plan,
// edge-tile merging) stripFixedCost, and the strips run at
// stripEfficiency of the packed kernel's rate.
const (
	stripPackCost   = 8
	stripFixedCost  = 20000
	stripEfficiency = 0.8
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

// gemmStripsPart computes C[i0:i1, j0:j1] with the level's small-product
// kernel: op(A) in place through its two strides, B (not transposed) in
// place, one strip of p.nr columns at a time so that the strip of B stays
// in L1 while the rows of A pass.
func gemmStripsPart[T float32 | float64](p *gemmPlan, g *gemmArgs[T], i0, i1, j0, j1 int) {
	aRow, aStep := g.lda, 1
	if g.aTrans {
		aRow, aStep = 1, g.lda
	}
	rowsPerCall := max(stripRows, stripCallMACs/(g.k*p.nr)/stripRows*stripRows)
	for j := j0; j < j1; j += p.nr {
		cols := min(p.nr, j1-j)
		b := unsafe.Pointer(&g.b[j])
		for i := i0; i < i1; i += rowsPerCall {
			rows := min(rowsPerCall, i1-i)
			a := unsafe.Pointer(&g.a[i*aRow])
			c := unsafe.Pointer(&g.c[i*g.ldc+j])
			gemmStripKernel(rows, cols, g.k, a, aRow, aStep, b, g.ldb, c, g.ldc, g.alpha, g.beta)
		}
	}
}

// transposeInto copies the k×n matrix op(B) of a transposed B (stored n×k
// with leading dimension ldb) into rows of n in *space, grown as needed.
func transposeInto[T float32 | float64](space *[]T, b []T, ldb, n, k int) []T {
	if len(*space) < n*k {
		*space = make([]T, n*k)
	}
	bt := (*space)[:n*k]
	for j := range n {
		col := b[j*ldb : j*ldb+k]
		for l, v := range col {
			bt[l*n+j] = v
		}
	}
	return bt
}

// smallGemmMACs, if not negative, is the largest product (m·n·k
// multiply-adds) computed by gemmSmall, for tests; by default it is
// smallGemmLimit's choice.
var smallGemmMACs = -1.0

// smallGemmLimit returns the largest product gemmSmall computes. With the
// generic micro-kernel the direct loop is 5–20 % faster than packing up to
// 64³ (measured on an AVX-512 Xeon with -tags noasm, 8³…64³; C is at most
// 64 wide anyway). Levels with small-product kernels (AVX2, AVX-512, NEON)
// never take it: those kernels beat the Go loop from 2³ up (4³: ~90 ns
// against ~290 ns). Elsewhere the blocked path's fixed cost (~0.5 µs)
// matches the direct loop at 4³ and wins from 6³ (Zen 3), so only products
// of at most 64 multiply-adds go direct.
func smallGemmLimit() float64 {
	switch {
	case smallGemmMACs >= 0:
		return smallGemmMACs
	case active == Generic:
		return 64 * 64 * 64
	case gemmStripWidth(active, 4) > 0:
		return 0
	}
	return 64
}

// maxGemmParts caps the goroutines one call uses, whatever SetThreads says.
const maxGemmParts = 64

// gemmCall is the shared state of one parallel call, pooled.
type gemmCall[T float32 | float64] struct {
	plan   gemmPlan
	args   gemmArgs[T]
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

// runPart runs part p, C[i0:i1, j0:j1] for {i0, i1, j0, j1} = parts[p].
func (call *gemmCall[T]) runPart(p int) {
	i0, i1, j0, j1 := call.parts[p][0], call.parts[p][1], call.parts[p][2], call.parts[p][3]
	switch {
	case call.plan.strips:
		gemmStripsPart(&call.plan, &call.args, i0, i1, j0, j1)
	case call.phase == phasePack:
		call.packShared(i0, i1, j0, j1)
	default:
		buf := getGemmBuf[T]()
		buf.ensure(&call.plan)
		gemmPart(&call.plan, &call.args, i0, i1, j0, j1, buf, call.shared, call.packed)
		putGemmBuf(buf)
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

// gemmPart computes C[i0:i1, j0:j1] through loops 5 to 2. i0 and j0 are
// multiples of mr and nr, so its tiles are those of the whole product.
// When shared is sharedA or sharedB, that operand is already packed whole
// in packed (see packedBlock) and is read from there instead of packed
// into buf.
func gemmPart[T float32 | float64](p *gemmPlan, g *gemmArgs[T], i0, i1, j0, j1 int, buf *gemmBuf[T], shared int, packed []T) {
	for jc := j0; jc < j1; jc += p.nc {
		nc := min(p.nc, j1-jc)
		for pc := 0; pc < g.k; pc += p.kc {
			kc := min(p.kc, g.k-pc)
			beta := g.beta
			if pc > 0 {
				beta = 1 // later blocks accumulate onto the first
			}
			bPanel := buf.b
			if shared == sharedB {
				bPanel = packedBlock(packed, jc, nc, p.nr, pc, g.k)
			} else {
				packB(buf.b, g.b, g.ldb, g.bTrans, pc, kc, jc, nc, p.nr)
			}
			for ic := i0; ic < i1; ic += p.mc {
				mc := min(p.mc, i1-ic)
				aBlock := buf.a
				if shared == sharedA {
					aBlock = packedBlock(packed, ic, mc, p.mr, pc, g.k)
				} else {
					packA(buf.a, g.a, g.lda, g.aTrans, ic, mc, pc, kc, p.mr)
				}
				gemmMacro(p, g, aBlock, bPanel, buf.tile, ic, mc, jc, nc, kc, beta)
			}
		}
	}
}

// packedBlock returns, from an operand packed whole, the block of kc
// depth at pc for the panel of w rows (A) or columns (B) starting at x.
// The operand is packed panel after panel (panels of the plan's mc or nc,
// padded to whole slivers of r), each panel block after block: every
// earlier panel is a full mc or nc wide, so panel x starts at x·k, and
// within it block pc at pc·(w rounded up to r).
func packedBlock[T float32 | float64](packed []T, x, w, r, pc, k int) []T {
	return packed[x*k+pc*ceilDiv(w, r)*r:]
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
				packB(dst, g.b, g.ldb, g.bTrans, pc, kc, from, to-from, r)
			} else {
				packA(dst, g.a, g.lda, g.aTrans, from, to-from, pc, kc, r)
			}
		}
	}
}

// gemmMacro is loop 2: for each B sliver of the packed panel, the full
// tiles down the A block in one assembly call, then the edge tiles through
// buf.tile.
func gemmMacro[T float32 | float64](p *gemmPlan, g *gemmArgs[T], aBlock, bPanel, tileBuf []T, ic, mc, jc, nc, kc int, beta T) {
	mr, nr, ldc := p.mr, p.nr, g.ldc
	fullTiles, allTiles := mc/mr, ceilDiv(mc, mr)
	aPanel := unsafe.Pointer(unsafe.SliceData(aBlock))
	tile := unsafe.Pointer(unsafe.SliceData(tileBuf))
	var zero T
	size := int(unsafe.Sizeof(zero))
	for jr := 0; jr < nc; jr += nr {
		cols := min(nr, nc-jr)
		bSliver := unsafe.Pointer(&bPanel[jr*kc])
		c := g.c[ic*ldc+jc+jr:]
		first := 0
		if cols == nr {
			if fullTiles > 0 {
				gemmMicro(p.kernel, kc, fullTiles, aPanel, bSliver, unsafe.Pointer(&c[0]), ldc, g.alpha, beta)
			}
			first = fullTiles
		}
		for t := first; t < allTiles; t++ {
			aSliver := unsafe.Add(aPanel, t*mr*kc*size)
			gemmMicro(p.kernel, kc, 1, aSliver, bSliver, tile, nr, g.alpha, 0)
			mergeTile(c[t*mr*ldc:], ldc, tileBuf, nr, min(mr, mc-t*mr), cols, beta)
		}
	}
}

// mergeTile stores the top-left rows×cols of an edge tile t (already
// alpha·AB) into c: c = t when beta == 0 (c is not read), else
// beta·c + t with the product rounded first, as the kernels do it.
func mergeTile[T float32 | float64](c []T, ldc int, t []T, ldt, rows, cols int, beta T) {
	for i := range rows {
		ci := c[i*ldc : i*ldc+cols]
		ti := t[i*ldt : i*ldt+cols]
		if beta == 0 {
			copy(ci, ti)
			continue
		}
		for j := range ci {
			ci[j] = T(beta*ci[j]) + ti[j] // T(…) forbids fusing into an FMA
		}
	}
}

// gemmKernel names a micro-kernel: one level's assembly for one element
// type, or the generic Go one.
type gemmKernel int

const (
	gemmGeneric gemmKernel = iota
	gemmF32AVX2
	gemmF64AVX2
	gemmF32AVX512
	gemmF64AVX512
	gemmF32NEON
	gemmF64NEON
)

// gemmMicroGo runs the generic level's 4×4 micro-kernel on raw pointers,
// with the contract of gemmMicroGeneric.
func gemmMicroGo[T float32 | float64](k, tiles int, a, b, c unsafe.Pointer, ldc int, alpha, beta T) {
	as := unsafe.Slice((*T)(a), tiles*genericMR*k)
	bs := unsafe.Slice((*T)(b), genericNR*k)
	cs := unsafe.Slice((*T)(c), (tiles*genericMR-1)*ldc+genericNR)
	gemmMicro4x4(k, tiles, as, bs, cs, ldc, alpha, beta)
}
