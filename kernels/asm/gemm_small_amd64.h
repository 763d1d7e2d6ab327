// The small-product kernels' structure, shared by gemm_small_avx2_amd64.s
// and gemm_small_avx512_amd64.s; the Go loop they compute is in
// gemm_small_amd64.go. For each l, one row of B's strip (one or two
// vectors, columns past n masked off) is loaded, each row of the group
// gets its op(A) element at l broadcast, and each row's accumulators one
// FMA per vector, so every element of C is one FMA chain in order l.
//
// Rows go in groups (8 at AVX-512, then 4, 2, 1); each (vectors, rows)
// pair has its own block, labelled rRvV, which repeats while R rows are
// left, then falls to the next smaller group. Every block is one
// ROW_GROUP (below).
//
// The including file defines, before including this header:
//   S0–S15    the accumulators, row r's vector v in S(2r+v)
//   E0–E7     where row r's broadcast A element goes
//   B0, B1    B's row l, vectors 0 and 1
//   MASK0, MASK1  the columns of vector 0, 1 (ymm masks or opmasks)
//   ALPHA, BETA   alpha and beta, broadcast
//   SCRATCH   the epilogue's C vector
//   VBYTES    a vector's bytes
//   TAIL_MASK(n, tmp, m), NO_COLUMNS(m), ALL_COLUMNS(m)  mask m = the
//             first n lanes (tailmask_amd64.h), none, all
//   FMAS1(list, t), FMAS2(list, t)  a step's broadcasts and FMAs for
//             one or two vectors (from BCAST, FMA1, FMA2, BCAST_FMA1, …)
//   GROUP8_V1(t, betaBits, args), GROUP8_V2(…)  the 8-row blocks (or
//             nothing)
// and the type tables F32(sel), F64(sel): sel(XOR, LOAD, STORE, BCAST,
// FMA, MUL, ADD) with the type's instructions (LOAD a masked load, STORE
// a masked store). T_XOR … T_ADD select one: t(T_FMA) is t's FMA.
// It defines later, after including this header, inside its first
// (float32) TEXT (whose frame vet's asmdecl checks its offsets against):
//   GROUP_ARGS  each row group's re-read of b and k (ROW_GROUP), which
//               both kernels' SMALL_GROUPS expand

#define T_XOR(xor, load, store, bcast, fma, mul, add) xor
#define T_LOAD(xor, load, store, bcast, fma, mul, add) load
#define T_STORE(xor, load, store, bcast, fma, mul, add) store
#define T_BCAST(xor, load, store, bcast, fma, mul, add) bcast
#define T_FMA(xor, load, store, bcast, fma, mul, add) fma
#define T_MUL(xor, load, store, bcast, fma, mul, add) mul
#define T_ADD(xor, load, store, bcast, fma, mul, add) add

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

// COLUMN_MASKS(lanes, toMaskLanes): MASK0, MASK1 = the columns 0…n-1 (n
// in CX, 1 ≤ n ≤ 2·lanes) of vector 0 and of vector 1, lanes columns
// each. toMaskLanes turns a count of columns into one of mask lanes in CX
// (LANES_ARE_COLUMNS where they are the same). Clobbers AX and R8. It
// defines its labels itself (twoMasks, masksDone), so it can be expanded
// only once per TEXT.
#define COLUMN_MASKS(lanes, toMaskLanes) \
	CMPQ CX, $lanes; \
	JA   twoMasks; \
	toMaskLanes; \
	TAIL_MASK(CX, AX, MASK0); \
	NO_COLUMNS(MASK1); \
	JMP  masksDone; \
twoMasks: \
	SUBQ $lanes, CX; \
	toMaskLanes; \
	TAIL_MASK(CX, AX, MASK1); \
	ALL_COLUMNS(MASK0); \
masksDone:

#define LANES_ARE_COLUMNS

// Row tables. ROWSr(op, t) applies op to the r rows of a group, first row
// first: op(t, src, e, s0, s1), src the row's op(A) element at l, e where
// it is broadcast, s0, s1 its accumulators. Every row op has this
// signature and ignores what it does not use.
#define ROWS1(op, t) op(t, (APTR), E0, S0, S1)
#define ROWS2(op, t) ROWS1(op, t); op(t, (APTR)(AROW*1), E1, S2, S3)
#define ROWS4(op, t) ROWS2(op, t); op(t, (APTR)(AROW*2), E2, S4, S5); op(t, (APTR)(AROW3*1), E3, S6, S7)
#define ROWS8(op, t) ROWS4(op, t); op(t, (APTR4), E4, S8, S9); op(t, (APTR4)(AROW*1), E5, S10, S11); \
	op(t, (APTR4)(AROW*2), E6, S12, S13); op(t, (APTR4)(AROW3*1), E7, S14, S15)

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

// LOAD_B1, LOAD_B2: B's row l, one vector (two), into B0 (B1).
#define LOAD_B1(t) t(T_LOAD) (BPTR), MASK0, B0
#define LOAD_B2(t) LOAD_B1(t); t(T_LOAD) VBYTES(BPTR), MASK1, B1

// C_VEC_BETA stores one vector of sums at off(CPTR), columns masked by
// mask: C = alpha·acc + beta·C, each product rounded, then added. C_VEC
// stores C = alpha·acc (beta = 0: C is not read).
#define C_VEC_BETA(t, acc, off, mask) \
	t(T_MUL) ALPHA, acc, acc; \
	t(T_LOAD) off(CPTR), mask, SCRATCH; \
	t(T_MUL) BETA, SCRATCH, SCRATCH; \
	t(T_ADD) SCRATCH, acc, acc; \
	t(T_STORE) acc, mask, off(CPTR)

#define C_VEC(t, acc, off, mask) \
	t(T_MUL) ALPHA, acc, acc; \
	t(T_STORE) acc, mask, off(CPTR)

// C_BETA1, C_BETA2 (C_STORE1, C_STORE2): a row of C from its one vector
// of sums (two), with beta (without); CPTR moves to the next row.
#define C_BETA1(t, src, e, s0, s1) C_VEC_BETA(t, s0, 0, MASK0); ADDQ LDC, CPTR
#define C_BETA2(t, src, e, s0, s1) C_VEC_BETA(t, s0, 0, MASK0); C_VEC_BETA(t, s1, VBYTES, MASK1); ADDQ LDC, CPTR
#define C_STORE1(t, src, e, s0, s1) C_VEC(t, s0, 0, MASK0); ADDQ LDC, CPTR
#define C_STORE2(t, src, e, s0, s1) C_VEC(t, s0, 0, MASK0); C_VEC(t, s1, VBYTES, MASK1); ADDQ LDC, CPTR

// START_A, STEP_A: APTR at the group's rows at l = 0, then one l on;
// START_A8, STEP_A8 also APTR4, four rows down (groups of 8).
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

// ROW_GROUP(rows, list, startA, stepA, advance, t, betaBits, zero, loadB,
// fmas, cbeta, cstore, here, loop, beta0, stored, next): the block
// `here`. While `rows` rows are left: zero their accumulators (list is
// their row table); for each l, loadB and fmas; then C's rows get cbeta,
// or cstore when betaBits (beta's bits but the sign) are zero; advance
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

// SMALL_GROUPS(t, betaBits): every block of a kernel of type t: one
// vector from label r8v1 or r4v1 on, two from nv2 on; each ends at done,
// which the TEXT defines after it. Each kernel expands it once (it defines
// its labels itself, nv2 among them), so its labels are the kernel's own.
#define SMALL_GROUPS(t, betaBits) \
	GROUP8_V1(t, betaBits, r8v1, r8v1Loop, r8v1Beta0, r8v1Next, r4v1); \
	V1(4, ROWS4, START_A, STEP_A, NEXT_GROUP(4), t, betaBits, r4v1, r4v1Loop, r4v1Beta0, r4v1Next, r2v1); \
	V1(2, ROWS2, START_A, STEP_A, NEXT_GROUP(2), t, betaBits, r2v1, r2v1Loop, r2v1Beta0, r2v1Next, r1v1); \
	V1(1, ROWS1, START_A, STEP_A, NEXT_ROW, t, betaBits, r1v1, r1v1Loop, r1v1Beta0, r1v1Next, done); \
nv2: \
	GROUP8_V2(t, betaBits, r8v2, r8v2Loop, r8v2Beta0, r8v2Next, r4v2); \
	V2(4, ROWS4, START_A, STEP_A, NEXT_GROUP(4), t, betaBits, r4v2, r4v2Loop, r4v2Beta0, r4v2Next, r2v2); \
	V2(2, ROWS2, START_A, STEP_A, NEXT_GROUP(2), t, betaBits, r2v2, r2v2Loop, r2v2Beta0, r2v2Next, r1v2); \
	V2(1, ROWS1, START_A, STEP_A, NEXT_ROW, t, betaBits, r1v2, r1v2Loop, r1v2Beta0, r1v2Next, done)
