package kernels

import (
	"sync"
	"unsafe"
)

// The blocked path: BLIS's five loops around a micro-kernel (see
// ARCHITECTURE.md). For each nc-column panel of C (loop 5) and kc-deep
// slice of the sum (loop 4), B's kc×nc block is packed into slivers of nr
// columns (or, for products of few rows, read in place: useDirectB); for
// each mc-row block (loop 3), A's mc×kc block is packed into slivers of mr
// rows (its last mc mod mr rows not, where the edge strips read them in
// place: packedARows). Loop 2 walks the B slivers; loop 1, inside the
// assembly, walks the A slivers, so one B sliver stays in L1 (at AVX2; at
// AVX-512 a 6×64 tile's sliver, 96 KB at kc = 384, is read from L2 too)
// while the whole A block streams from L2. Only full mr×nr tiles go to the
// micro-kernel; edge tiles go to the small-product kernel, which touches
// only their own elements, or at the generic level are computed into a
// small buffer and merged in Go, so no kernel touches memory outside the
// caller's matrices.

// gemmPlan is the tile and block sizes of one call.
type gemmPlan struct {
	strips  bool // small-product kernels on unpacked operands: mr rows × nr columns per tile, no blocks
	narrow  bool // strips computed by the narrow-product kernels, op(B) packed in b (see gemmNarrow)
	directB bool // the micro-kernel reads B in place (row stride ldb), unpacked (see useDirectB)
	kernel  microKernelID
	mr, nr  int // register tile of the micro-kernel
	kc      int // depth of one packed block (balanced over k)
	mc, nc  int // rows of A and columns of B packed at once; multiples of mr, nr
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

// l2Bytes returns a core's L2 size in bytes, cpuid's or, when it cannot
// tell, defaultL2.
func l2Bytes() int {
	if caches.l2 > 0 {
		return caches.l2
	}
	return defaultL2
}

// l3Bytes returns the L3's total size in bytes, cpuid's or, when it
// cannot tell, defaultL3.
func l3Bytes() int {
	if caches.l3 > 0 {
		return caches.l3
	}
	return defaultL3
}

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
	l1, l2, l3 := caches.l1d, l2Bytes(), l3Bytes()
	if l1 <= 0 {
		l1 = defaultL1D
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

// useDirectB reports whether the blocked path's micro-kernel reads B in
// place (its rows ldb apart) instead of packing it. Packing copies each
// element of B once per call; reading in place saves that copy, but each
// of the m/mr tiles down a sliver then re-reads it strided, which costs
// more per read than the packed sliver, so it pays for few rows: up to the
// level's directBRule (the measurements are beside it). Only an
// untransposed B qualifies, and only where the edge slivers (narrower than
// nr) go to the small-product kernels, which read only their own columns:
// whole edge tiles (the generic level, and TestGemmEdgeTilesSameBits's
// other half) read a whole sliver, past B's last column. The micro-kernel
// takes the same FMAs in the same order either way, so no bit depends on
// the choice.
func useDirectB(m, ldb, size int, bTrans bool) bool {
	if bTrans || stripWidth(active, size) == 0 || !edgeStripsForTest {
		return false
	}
	if directBForTest >= 0 {
		return directBForTest == 1
	}
	_, maxStride := directBRule(active)
	return directBRows(m, size, bTrans) && ldb*size <= maxStride
}

// directBRows is useDirectB's test of the shape alone (B untransposed, at
// most the level's rows), without its test of B's row stride and the
// tests' overrides: the strips' cost model (useStrips) counts B's packing
// by it, so that the path a product takes, and with it the bits of its
// result, depends on its shape and level alone, never on ldb.
func directBRows(m, size int, bTrans bool) bool {
	maxRows, _ := directBRule(active)
	return !bTrans && stripWidth(active, size) > 0 && m <= maxRows
}

// directBForTest, when not negative, overrides useDirectB's cost model: 1
// reads B in place wherever that is possible, 0 never.
var directBForTest = -1

// gemmBlocksForTest, when its kc is positive, replaces the block sizes:
// kc, then mc and nc in tiles. Tests use tiny blocks to run every loop of
// the driver on small matrices.
var gemmBlocksForTest [3]int

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// gemmPart computes C[i0:i1, j0:j1] through loops 5 to 2. i0 and j0 are
// multiples of mr and nr, so its tiles are those of the whole product.
// When shared is sharedA or sharedB, that operand is already packed whole
// in packed (see packedBlock) and is read from there instead of packed
// into buf.
func gemmPart[T float32 | float64](p *gemmPlan, g *gemmArgs[T], i0, i1, j0, j1 int, buf *gemmBuf[T], shared int, packed []T) {
	var zero T
	size := int(unsafe.Sizeof(zero))
	for jc := j0; jc < j1; jc += p.nc {
		nc := min(p.nc, j1-jc)
		for pc := 0; pc < g.k; pc += p.kc {
			kc := min(p.kc, g.k-pc)
			beta := g.beta
			if pc > 0 {
				beta = 1 // later blocks accumulate onto the first
			}
			// bStep: elements from one sliver to the next.
			bPanel, ldb, bStep := buf.b, p.nr, bSliverStride(kc, p.nr, size)
			switch {
			case p.directB:
				bPanel, ldb, bStep = g.b[pc*g.ldb+jc:], g.ldb, p.nr
			case shared == sharedB:
				bPanel, bStep = packedBlock(packed, jc, nc, p.nr, pc, g.k), kc*p.nr
			default:
				packB(buf.b, g.b, g.ldb, g.bTrans, pc, kc, jc, nc, p.nr, bStep)
			}
			for ic := i0; ic < i1; ic += p.mc {
				mc := min(p.mc, i1-ic)
				aBlock := buf.a
				if shared == sharedA {
					aBlock = packedBlock(packed, ic, mc, p.mr, pc, g.k)
				} else if rows := packedARows(mc, p.mr, size); rows > 0 {
					packA(buf.a, g.a, g.lda, g.aTrans, ic, rows, pc, kc, p.mr)
				}
				gemmMacro(p, g, aBlock, bPanel, ldb, bStep, buf.tile, ic, mc, jc, nc, pc, kc, beta)
			}
		}
	}
}

// packedARows returns how many of an A block's mc rows the micro-kernels
// read packed: all of them, or only the whole slivers when the edge rows
// go to edgeStrips, which read op(A) in place (so their partial sliver
// would be packed for nothing).
func packedARows(mc, mr, size int) int {
	if stripWidth(active, size) > 0 && edgeStripsForTest {
		return mc - mc%mr
	}
	return mc
}

// bSliverStride is the elements from one B sliver (kc×nr elements of size
// bytes) to the next in a part's private packed panel: the sliver and a
// line of padding. Without it, at AVX2 (slivers of 64 bytes × kc = 256: 16
// KB apart) the 16 lines that one row of B is copied to all fall into one
// set of L1, and the packing paid for it. With the padding, alternated in
// one process, medians of 31 rounds (AMD Zen 5, AVX2): sgemm 256³ and 512³
// 1.022–1.025×, dgemm 1.030–1.052×, sgemm at two threads 1.036–1.053×;
// 128³, 1024³, 128×256×784 and AVX-512 within 1.5 %. The panel shared by
// parallel parts (packedBlock) keeps slivers back to back.
func bSliverStride(kc, nr, size int) int { return kc*nr + 64/size }

// packedBlock returns, from an operand packed whole, the block of kc
// depth at pc for the panel of w rows (A) or columns (B) starting at x.
// The operand is packed panel after panel (panels of the plan's mc or nc,
// padded to whole slivers of r), each panel block after block: every
// earlier panel is a full mc or nc wide, so panel x starts at x·k, and
// within it block pc at pc·(w rounded up to r).
func packedBlock[T float32 | float64](packed []T, x, w, r, pc, k int) []T {
	return packed[x*k+pc*ceilDiv(w, r)*r:]
}

// gemmMacro is loop 2: for each B sliver of the panel, the full tiles
// down the A block in one assembly call, then the edge tiles (the last mc
// mod mr rows; every row of a sliver narrower than nr) by edgeStrips, or
// at levels without small-product kernels through buf.tile. The panel is
// packed (ldb = nr; sliver s at s·bStep) or, with p.directB, B's kc×nc
// block in place (ldb = B's row stride; bStep = nr: sliver s at s·nr).
func gemmMacro[T float32 | float64](p *gemmPlan, g *gemmArgs[T], aBlock, bPanel []T, ldb, bStep int, tileBuf []T, ic, mc, jc, nc, pc, kc int, beta T) {
	mr, nr, ldc := p.mr, p.nr, g.ldc
	fullTiles, allTiles := mc/mr, ceilDiv(mc, mr)
	aPanel := unsafe.Pointer(unsafe.SliceData(aBlock))
	tile := unsafe.Pointer(unsafe.SliceData(tileBuf))
	var zero T
	size := int(unsafe.Sizeof(zero))
	strip := stripWidth(active, size)
	for jr := 0; jr < nc; jr += nr {
		cols := min(nr, nc-jr)
		sliver := bPanel[jr/nr*bStep:]
		bSliver := unsafe.Pointer(&sliver[0])
		c := g.c[ic*ldc+jc+jr:]
		first := 0
		if cols == nr {
			if fullTiles > 0 {
				runMicroKernel(p.kernel, kc, fullTiles, aPanel, bSliver, ldb, unsafe.Pointer(&c[0]), ldc, g.alpha, beta)
			}
			first = fullTiles
		}
		if first == allTiles {
			continue
		}
		if strip > 0 && edgeStripsForTest {
			edgeStrips(g, sliver, ldb, ic+first*mr, ic+mc, jc+jr, cols, pc, kc, stripCols(kc, size), beta)
			continue
		}
		for t := first; t < allTiles; t++ {
			aSliver := unsafe.Add(aPanel, t*mr*kc*size)
			runMicroKernel(p.kernel, kc, 1, aSliver, bSliver, ldb, tile, nr, g.alpha, 0)
			mergeTile(c[t*mr*ldc:], ldc, tileBuf, nr, min(mr, mc-t*mr), cols, beta)
		}
	}
}

// edgeStripsForTest is false only in a test that computes the edges both
// ways and compares the bits.
var edgeStripsForTest = true

// edgeStrips computes the edge C[i0:i1, j0:j0+cols] of one kc block with
// stripsRange: op(A)'s rows read in place from the caller's A (columns
// pc…pc+kc−1), B from its sliver (kc rows, ldb apart: packed or in place;
// only the first cols read). Its arithmetic is the micro-kernel's (one FMA chain per
// element in order l, then the same epilogue), so no bit depends on
// whether an element sat in an edge tile, and it computes and writes only
// the edge's own elements, where a full tile would have computed a whole
// mr×nr into a buffer.
func edgeStrips[T float32 | float64](g *gemmArgs[T], bSliver []T, ldb, i0, i1, j0, cols, pc, kc, width int, beta T) {
	aCol := pc // op(A)'s column pc: a column of the stored A, or a row of a transposed one
	if g.aTrans {
		aCol = pc * g.lda
	}
	stripsRange(g.aTrans, kc, g.alpha, g.a[aCol:], g.lda, bSliver, ldb, beta, g.c[j0:], g.ldc, width, i0, i1, 0, cols)
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
	var zero T
	size := int(unsafe.Sizeof(zero))
	if n := ceilDiv(p.mc, p.mr) * p.mr * p.kc; len(buf.a) < n {
		buf.a = alignedSlice[T](n)
	}
	if n := ceilDiv(p.nc, p.nr) * bSliverStride(p.kc, p.nr, size); len(buf.b) < n {
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
