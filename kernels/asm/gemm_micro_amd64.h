// Shared by the GEMM micro-kernels gemm_avx2_amd64.s and
// gemm_avx512_amd64.s: their general registers, the test of beta and the
// tile loop. The including file defines PREFETCH_ROW, ZERO_ACC,
// SCALE_ACC(mul), TILE_BETA(mul, add, mov) and TILE_STORE(mov) for its
// registers, and TILE_B, which loads B_PTR: once per file, inside its
// first (float32) TEXT, and both kernels' TILE_LOOP expand it.

#define K_SAVE R9  // k, for each tile
#define K CX       // steps of k left
#define TILES R10  // tiles left
#define A_PTR SI   // the A sliver at the current k
#define B_PTR DX   // the B sliver at the current k
#define C_PTR DI   // the tile's first row of C
#define LDC R8     // C: bytes from one row to the next
#define ROW R12    // C: the row being prefetched or stored
#define BETA_NZ R11
#define LDB AX     // B: bytes from one row of the sliver to the next (each TEXT loads it)
#define LDB3 BX    // 3·LDB

// BETA_FLAG sets BETA_NZ to 1 unless beta (in X0) compares equal to zero;
// a NaN beta is unordered, so it counts as non-zero.
#define BETA_FLAG(ucomis, label) \
	VXORPS  X1, X1, X1; \
	MOVQ    $1, BETA_NZ; \
	ucomis  X1, X0; \
	JNE     label; \
	JPS     label; \
	MOVQ    $0, BETA_NZ; \
label:

// PREFETCH_C asks for the tile's six rows of C (PREFETCH_ROW, the
// including file's, asks for one), once per tile, C_AHEAD k steps before
// its epilogue (TILE_LOOP; at the tile's start when k ≤ C_AHEAD), so
// that the epilogue's loads and stores do not wait for L3 or memory.
// Asked for at the start of every tile instead, the lines reach
// L1 thousands of cycles early and are evicted again by the B sliver's
// stream before the epilogue: float64 2048³ at AVX-512 ran 4–6 % faster
// with the prefetch 48–192 steps before the end than at the start (AMD
// Zen 5, alternated in one process).
#define C_AHEAD 96

#define PREFETCH_C \
	MOVQ C_PTR, ROW; \
	PREFETCH_ROW; ADDQ LDC, ROW; PREFETCH_ROW; ADDQ LDC, ROW; \
	PREFETCH_ROW; ADDQ LDC, ROW; PREFETCH_ROW; ADDQ LDC, ROW; \
	PREFETCH_ROW; ADDQ LDC, ROW; PREFETCH_ROW

// TILE_LOOP(step, aBytes, alpha, beta, mul, add, mov): the tiles, one
// after another, each one row of slivers down C. Per tile: the kernel's
// TILE_B re-reads B's sliver; the sums start at zero (ZERO_ACC) and take
// one step(aoff, brow) per k, four at a time while four are left, C's
// rows prefetched when C_AHEAD or fewer (at most 4 more) remain (aoff:
// the step's A offset, aBytes per step; brow: the address of the step's
// row of B, LDB bytes apart, which a packed sliver has at its row width
// and the caller's B at its row stride); then alpha (the kernel's
// broadcast of alpha) and SCALE_ACC(mul) scale them and C = sums
// (TILE_STORE(mov)), or, with BETA_NZ, beta (its broadcast of beta) and
// C = beta·C + sums (TILE_BETA(mul, add, mov)). Expanded once per kernel,
// so its labels are the kernel's own.
#define TILE_LOOP(step, aBytes, alpha, beta, mul, add, mov) \
tile: \
	TILE_B; \
	MOVQ K_SAVE, K; \
	ZERO_ACC; \
	CMPQ K, $C_AHEAD; \
	JA   kLong; \
	PREFETCH_C; \
kLong: \
	CMPQ K, $4; \
	JB   k1; \
k4: \
	step(0, (B_PTR)); \
	step(aBytes, (B_PTR)(LDB*1)); \
	step(2*aBytes, (B_PTR)(LDB*2)); \
	step(3*aBytes, (B_PTR)(LDB3*1)); \
	ADDQ $(4*aBytes), A_PTR; \
	LEAQ (B_PTR)(LDB*4), B_PTR; \
	SUBQ $4, K; \
	CMPQ K, $C_AHEAD; \
	JA   k4Next; \
	CMPQ K, $(C_AHEAD-4); \
	JBE  k4Next; \
	PREFETCH_C; \
k4Next: \
	CMPQ K, $4; \
	JAE  k4; \
	TESTQ K, K; \
	JZ   kDone; \
k1: \
	step(0, (B_PTR)); \
	ADDQ $aBytes, A_PTR; \
	ADDQ LDB, B_PTR; \
	DECQ K; \
	JNZ  k1; \
kDone: \
	alpha; \
	SCALE_ACC(mul); \
	MOVQ  C_PTR, ROW; \
	TESTQ BETA_NZ, BETA_NZ; \
	JZ    store; \
	beta; \
	TILE_BETA(mul, add, mov); \
	JMP   next; \
store: \
	TILE_STORE(mov); \
next: \
	MOVQ ROW, C_PTR; \
	DECQ TILES; \
	JNZ  tile
