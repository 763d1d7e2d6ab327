// The small-product kernels' structure, shared by gemm_small_avx2_amd64.s
// and gemm_small_avx512_amd64.s; the Go loop they compute is in
// gemm_small_amd64.go. For each l, one row of B's strip (one or two
// vectors here, up to four in the AVX-512 file's wide blocks) is loaded,
// each row of the group gets its op(A) element at l broadcast, and each
// row's accumulators one FMA per vector, so every element of C is one FMA
// chain in order l. Every vector of a strip but the last is whole, so only
// the last is masked (columns past n), in loads and stores alike (but for
// the AVX2 file's whole-vector kernels, which redefine LOAD_B1 and
// LOAD_B2 to load it whole).
//
// Rows go in groups (the level's largest first, then 4, 2, 1); each
// (vectors, rows) pair has its own block, labelled rRvV, which repeats
// while R rows are left, then falls to the next smaller group. Every block
// is one ROW_GROUP (below).
//
// The including file defines, before including this header:
//   S0–S15    the accumulators, row r's vector v in S(2r+v) (as many as
//             the row tables it expands use)
//   E0–E7     where row r's broadcast A element goes
//   B0, B1    B's row l, vectors 0 and 1
//   LAST      the columns of the strip's last vector (a ymm mask or an
//             opmask)
//   ALPHA, BETA   alpha and beta, broadcast (kept for the whole call,
//             or loaded by each epilogue's betaBits: see ROW_GROUP)
//   SCRATCH   the epilogue's C vector
//   VBYTES    a vector's bytes
//   TAIL_MASK(n, tmp, m)  mask m = the first n lanes (tailmask_amd64.h)
//   FMAS1(list, t), FMAS2(list, t)  a step's broadcasts and FMAs for
//             one or two vectors (from BCAST, FMA1, FMA2, BCAST_FMA1, …)
//   BIG_V1(t, betaBits, args), BIG_V2(…)  the level's blocks of more
//             than four rows, ending at the 4-row block
// and the type tables F32(sel), F64(sel): sel(XOR, LOAD, STORE, BCAST,
// FMA, MUL, ADD, MOVU) with the type's instructions (LOAD a masked load,
// STORE a masked store, MOVU the unmasked move, a load as well as a
// store). T_XOR … T_MOVU select one: t(T_FMA) is t's FMA.
// It defines later, after including this header, inside its first
// (float32) TEXT (whose frame vet's asmdecl checks its offsets against):
//   GROUP_ARGS  each row group's re-read of b and k (ROW_GROUP), which
//               every kernel's SMALL_GROUPS expands

#define T_XOR(xor, load, store, bcast, fma, mul, add, movu) xor
#define T_LOAD(xor, load, store, bcast, fma, mul, add, movu) load
#define T_STORE(xor, load, store, bcast, fma, mul, add, movu) store
#define T_BCAST(xor, load, store, bcast, fma, mul, add, movu) bcast
#define T_FMA(xor, load, store, bcast, fma, mul, add, movu) fma
#define T_MUL(xor, load, store, bcast, fma, mul, add, movu) mul
#define T_ADD(xor, load, store, bcast, fma, mul, add, movu) add
#define T_MOVU(xor, load, store, bcast, fma, mul, add, movu) movu

#define ROWS R10   // rows of C left
#define AGROUP AX  // A: the row group's first element
#define AROW BX    // A: bytes from one row of op(A) to the next
#define AROW3 CX   // 3·AROW
#define ASTEP DX   // A: bytes from one l to the next
#define APTR R13   // A: rows 0-3 of the group at the current l
#define APTR4 R12  // A: rows 4-7 of the group at the current l
#define BPTR SI    // B: row l of the column strip
#define LDB DI     // B: bytes from one row to the next
#define CGROUP R8  // C: the row group's first element
#define LDC R9     // C: bytes from one row to the next
#define KLEFT R11  // steps of l left
#define CPTR R13   // C: the row being stored (after the sums)

// LAST_MASK(lanes, toMaskLanes): LAST = the columns of the last vector
// of lanes columns of n (in CX, 1 ≤ n ≤ 4·lanes): n, n − lanes, n − 2·lanes
// or n − 3·lanes, whichever is in 1…lanes. toMaskLanes turns a count of
// columns into one of mask lanes in CX (LANES_ARE_COLUMNS where they are
// the same). Clobbers AX, CX and R8. It defines its label itself
// (lastMaskReady), so it can be expanded only once per TEXT.
#define LAST_MASK(lanes, toMaskLanes) \
	CMPQ CX, $lanes; \
	JBE  lastMaskReady; \
	SUBQ $lanes, CX; \
	CMPQ CX, $lanes; \
	JBE  lastMaskReady; \
	SUBQ $lanes, CX; \
	CMPQ CX, $lanes; \
	JBE  lastMaskReady; \
	SUBQ $lanes, CX; \
lastMaskReady: \
	toMaskLanes; \
	TAIL_MASK(CX, AX, LAST)

#define LANES_ARE_COLUMNS

// Row tables. ROWSr(op, t) applies op to the r rows of a group, first row
// first: op(t, src, e, s0, s1), src the row's op(A) element at l, e where
// it is broadcast, s0, s1 its accumulators. Every row op has this
// signature and ignores what it does not use.
#define ROWS1(op, t) op(t, (APTR), E0, S0, S1)
#define ROWS2(op, t) ROWS1(op, t); op(t, (APTR)(AROW*1), E1, S2, S3)
#define ROWS4(op, t) ROWS2(op, t); op(t, (APTR)(AROW*2), E2, S4, S5); op(t, (APTR)(AROW3*1), E3, S6, S7)
#define ROWS6(op, t) ROWS4(op, t); op(t, (APTR4), E4, S8, S9); op(t, (APTR4)(AROW*1), E5, S10, S11)
#define ROWS8(op, t) ROWS6(op, t); op(t, (APTR4)(AROW*2), E6, S12, S13); op(t, (APTR4)(AROW3*1), E7, S14, S15)

// ZERO1, ZERO2: the row's accumulators of one vector (two) = 0.
#define ZERO1(t, src, e, s0, s1) t(T_XOR) s0, s0, s0
#define ZERO2(t, src, e, s0, s1) ZERO1(t, src, e, s0, s1); t(T_XOR) s1, s1, s1

// BCAST: e = the row's A element; FMA1, FMA2: s0 (and s1) += B0 (B1) · e.
// BCAST_FMA1 and BCAST_FMA2 do both, row by row.
#define BCAST(t, src, e, s0, s1) t(T_BCAST) src, e
#define FMA1(t, src, e, s0, s1) t(T_FMA) B0, e, s0
#define FMA2(t, src, e, s0, s1) FMA1(t, src, e, s0, s1); t(T_FMA) B1, e, s1
#define BCAST_FMA1(t, src, e, s0, s1) BCAST(t, src, e, s0, s1); FMA1(t, src, e, s0, s1)
#define BCAST_FMA2(t, src, e, s0, s1) BCAST(t, src, e, s0, s1); FMA2(t, src, e, s0, s1)

// LOAD_B1, LOAD_B2: B's row l, one vector (two), into B0 (B1), the last
// vector masked (the AVX2 whole-vector kernels #undef and redefine them).
#define LOAD_B1(t) t(T_LOAD) (BPTR), LAST, B0
#define LOAD_B2(t) t(T_MOVU) (BPTR), B0; t(T_LOAD) VBYTES(BPTR), LAST, B1

// C_VEC_BETA stores the last vector of sums at off(CPTR), columns masked
// by LAST: C = alpha·acc + beta·C, each product rounded, then added. C_VEC
// stores C = alpha·acc (beta = 0: C is not read). C_WHOLE_BETA and
// C_WHOLE are the same for a whole vector.
#define C_VEC_BETA(t, acc, off) \
	t(T_MUL) ALPHA, acc, acc; \
	t(T_LOAD) off(CPTR), LAST, SCRATCH; \
	t(T_MUL) BETA, SCRATCH, SCRATCH; \
	t(T_ADD) SCRATCH, acc, acc; \
	t(T_STORE) acc, LAST, off(CPTR)

#define C_VEC(t, acc, off) \
	t(T_MUL) ALPHA, acc, acc; \
	t(T_STORE) acc, LAST, off(CPTR)

#define C_WHOLE_BETA(t, acc, off) \
	t(T_MUL) ALPHA, acc, acc; \
	t(T_MOVU) off(CPTR), SCRATCH; \
	t(T_MUL) BETA, SCRATCH, SCRATCH; \
	t(T_ADD) SCRATCH, acc, acc; \
	t(T_MOVU) acc, off(CPTR)

#define C_WHOLE(t, acc, off) \
	t(T_MUL) ALPHA, acc, acc; \
	t(T_MOVU) acc, off(CPTR)

// C_BETA1, C_BETA2 (C_STORE1, C_STORE2): a row of C from its one vector
// of sums (two), with beta (without); CPTR moves to the next row.
#define C_BETA1(t, src, e, s0, s1) C_VEC_BETA(t, s0, 0); ADDQ LDC, CPTR
#define C_BETA2(t, src, e, s0, s1) C_WHOLE_BETA(t, s0, 0); C_VEC_BETA(t, s1, VBYTES); ADDQ LDC, CPTR
#define C_STORE1(t, src, e, s0, s1) C_VEC(t, s0, 0); ADDQ LDC, CPTR
#define C_STORE2(t, src, e, s0, s1) C_WHOLE(t, s0, 0); C_VEC(t, s1, VBYTES); ADDQ LDC, CPTR

// START_A, STEP_A: APTR at the group's rows at l = 0, then one l on;
// START_A8, STEP_A8 also APTR4, four rows down (groups of 6 or 8).
#define START_A MOVQ AGROUP, APTR
#define STEP_A ADDQ ASTEP, APTR
#define START_A8 START_A; LEAQ (AGROUP)(AROW*4), APTR4
#define STEP_A8 STEP_A; ADDQ ASTEP, APTR4

// NEXT_GROUP moves A and C on by n rows and counts them off; NEXT_ROW by
// one row.
#define NEXT_GROUP(n) \
	LEAQ (AGROUP)(AROW*n), AGROUP; \
	LEAQ (CGROUP)(LDC*n), CGROUP; \
	SUBQ $n, ROWS
#define NEXT_ROW \
	ADDQ AROW, AGROUP; \
	ADDQ LDC, CGROUP; \
	SUBQ $1, ROWS

// NEXT_GROUP6 moves A and C on by six rows (no LEAQ scale is 6).
#define NEXT_GROUP6 \
	LEAQ (AGROUP)(AROW*4), AGROUP; \
	LEAQ (AGROUP)(AROW*2), AGROUP; \
	LEAQ (CGROUP)(LDC*4), CGROUP; \
	LEAQ (CGROUP)(LDC*2), CGROUP; \
	SUBQ $6, ROWS

// ROW_GROUP(rows, list, startA, stepA, advance, t, betaBits, zero, loadB,
// fmas, cbeta, cstore, here, loop, beta0, stored, next): the block
// `here`. While `rows` rows are left: zero their accumulators (list is
// their row table); for each l, loadB and fmas; then C's rows get cbeta,
// or cstore when betaBits (which may first broadcast ALPHA and BETA, then
// sets the flags by beta's bits but the sign) finds them zero; advance
// moves A and C past the group, and the block starts again. Otherwise go
// on to `next`. The kernel's GROUP_ARGS re-read b and k.
#define ROW_GROUP(rows, list, startA, stepA, advance, t, betaBits, zero, loadB, fmas, cbeta, cstore, here, loop, beta0, stored, next) \
here: \
	CMPQ ROWS, $rows; \
	JB   next; \
	startA; \
	GROUP_ARGS; \
	list(zero, t); \
loop: \
	loadB(t); \
	fmas(list, t); \
	ADDQ LDB, BPTR; \
	stepA; \
	DECQ KLEFT; \
	JNZ  loop; \
	betaBits; \
	JZ   beta0; \
	MOVQ CGROUP, CPTR; \
	list(cbeta, t); \
	JMP  stored; \
beta0: \
	MOVQ CGROUP, CPTR; \
	list(cstore, t); \
stored: \
	advance; \
	JMP  here

// V1, V2(rows, list, startA, stepA, advance, t, betaBits, labels…): the
// ROW_GROUP of a strip of one vector (two).
#define V1(rows, list, startA, stepA, advance, t, betaBits, here, loop, beta0, stored, next) \
	ROW_GROUP(rows, list, startA, stepA, advance, t, betaBits, ZERO1, LOAD_B1, FMAS1, C_BETA1, C_STORE1, here, loop, beta0, stored, next)
#define V2(rows, list, startA, stepA, advance, t, betaBits, here, loop, beta0, stored, next) \
	ROW_GROUP(rows, list, startA, stepA, advance, t, betaBits, ZERO2, LOAD_B2, FMAS2, C_BETA2, C_STORE2, here, loop, beta0, stored, next)

// SMALL_GROUPS(t, betaBits): every block of one or two vectors of a
// kernel of type t: one vector from label bigv1 on, two from nv2 on; each
// ends at done, which the TEXT defines after it. Each kernel expands it
// once (it defines its labels itself, nv2 among them), so its labels are
// the kernel's own.
#define SMALL_GROUPS(t, betaBits) \
	BIG_V1(t, betaBits, bigv1, bigv1Loop, bigv1Beta0, bigv1Next, r4v1); \
	V1(4, ROWS4, START_A, STEP_A, NEXT_GROUP(4), t, betaBits, r4v1, r4v1Loop, r4v1Beta0, r4v1Next, r2v1); \
	V1(2, ROWS2, START_A, STEP_A, NEXT_GROUP(2), t, betaBits, r2v1, r2v1Loop, r2v1Beta0, r2v1Next, r1v1); \
	V1(1, ROWS1, START_A, STEP_A, NEXT_ROW, t, betaBits, r1v1, r1v1Loop, r1v1Beta0, r1v1Next, done); \
nv2: \
	BIG_V2(t, betaBits, bigv2, bigv2Loop, bigv2Beta0, bigv2Next, r4v2); \
	V2(4, ROWS4, START_A, STEP_A, NEXT_GROUP(4), t, betaBits, r4v2, r4v2Loop, r4v2Beta0, r4v2Next, r2v2); \
	V2(2, ROWS2, START_A, STEP_A, NEXT_GROUP(2), t, betaBits, r2v2, r2v2Loop, r2v2Beta0, r2v2Next, r1v2); \
	V2(1, ROWS1, START_A, STEP_A, NEXT_ROW, t, betaBits, r1v2, r1v2Loop, r1v2Beta0, r1v2Next, done)
