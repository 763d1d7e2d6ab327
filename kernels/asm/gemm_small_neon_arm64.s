//go:build !purego

#include "textflag.h"
#include "neon_arm64.h"

// Small-product kernels for NEON (arm64 ASIMD); the Go loop they compute is
// in gemm_small_arm64.go. They read A, B and C in place, nothing packed:
// for each l, one row of B's strip is loaded as vectors, each A element of
// the row group is broadcast (VLD1R, walking down the group's rows by aRow),
// and each row's accumulators get one FMLA per vector, so every element of
// C is one FMA chain in order l, as in the packed micro-kernels.
//
// Columns. A strip is at most four q registers wide (16 float32 or 8
// float64). NEON has no masked loads, so a strip of n columns takes
// nv = ceil(n/lanes) vectors: the first nv-1 at columns 0, lanes, …, and
// the last at column n-lanes, overlapping the one before it when lanes
// does not divide n. Every load and store then stays inside the window. A
// column that two vectors share gets the same FMAs in the same order in
// both, so both lanes hold the same bits and storing either is right; with
// beta ≠ 0 all of a row's C vectors are loaded before any of them is
// stored, so the shared column is read once, before it is written.
// float32 strips of 2 or 3 columns do the same with half vectors (.2S, 64
// bits, lanes = 2); a strip of one column (either type) loads and stores
// one element per row (FMOVS/FMOVD). The narrow loads zero the upper
// lanes; the arithmetic stays .4S/.2D and the lanes past the strip are
// never stored.
//
// Rows go in groups of 8, then 4, 2, 1 (4, 2, 1 for four vectors): at most
// 24 accumulators, V8–V31, row r's vector v in V(8+r·nv+v). Each (columns,
// rows) pair has its own block, labelled qVrR (V vectors, R rows), dVrR (V
// half vectors) or s1rR (one element); a block repeats while R rows are
// left, then falls to the next smaller group. Every block is one
// ROW_GROUP (below): the blocks differ only in how B and C are loaded and
// stored, how many rows and vectors they hold, and their labels.
//
// V0–V3    B row l (vector nv-1 the overlapping last one); in the
//          epilogue, a row of C
// V4, V5   the A element of the current row, broadcast (alternating)
// V6       alpha, broadcast
// V7       beta, broadcast
// V8–V31   accumulators
//
// Go's assembler has no vector FMUL/FADD, so they are WORDs built by
// neon_arm64.h's macros from register numbers (0–31, the Vn of the
// comments); `go tool objdump` decodes them back.

#define ROWS R0       // rows of C left
#define N R1          // columns of the strip
#define K R2          // steps of l
#define A_GROUP R3    // A: the row group's first element (l = 0)
#define A_ROW R4      // A: bytes from one row of op(A) to the next
#define A_STEP R5     // A: bytes from one l to the next
#define B_BASE R6     // B: the strip's first element
#define LDB R7        // B: bytes from one row to the next
#define C_PTR R8      // C: the current row's first vector
#define C_TAIL R9     // C: the current row's last vector
#define LDC R10       // C: bytes from one row to the next
#define TAIL R11      // bytes from column 0 to the last vector
#define BETA_ZERO R12 // 1 if beta == 0 (either sign), else 0
#define A_L R13       // A: the group's first row at step l
#define A_I R14       // A: moving down the group's rows at step l
#define B_PTR R15     // B: row l's first vector
#define B_TAIL R16    // B: row l's last vector
#define K_LEFT R17    // steps of l left

// ---- the row groups ----

// Row tables. NVv_Rr(op) applies op to the r rows of a group of v vectors,
// first row first: op(a, acc, v0, …), a the row's A register (V4, V5
// alternating), acc the number of its first accumulator (8 + row·v) and
// v0… the names of its v accumulators; one-vector rows also pass the
// scalar name f0 of their accumulator (F8…) for the one-element stores.
// Every row op below has this signature and ignores what it does not use.
#define NV1_R1(op) op(V4, 8, V8, F8)
#define NV1_R2(op) NV1_R1(op); op(V5, 9, V9, F9)
#define NV1_R4(op) NV1_R2(op); op(V4, 10, V10, F10); op(V5, 11, V11, F11)
#define NV1_R8(op) NV1_R4(op); op(V4, 12, V12, F12); op(V5, 13, V13, F13); \
	op(V4, 14, V14, F14); op(V5, 15, V15, F15)

#define NV2_R1(op) op(V4, 8, V8, V9)
#define NV2_R2(op) NV2_R1(op); op(V5, 10, V10, V11)
#define NV2_R4(op) NV2_R2(op); op(V4, 12, V12, V13); op(V5, 14, V14, V15)
#define NV2_R8(op) NV2_R4(op); op(V4, 16, V16, V17); op(V5, 18, V18, V19); \
	op(V4, 20, V20, V21); op(V5, 22, V22, V23)

#define NV3_R1(op) op(V4, 8, V8, V9, V10)
#define NV3_R2(op) NV3_R1(op); op(V5, 11, V11, V12, V13)
#define NV3_R4(op) NV3_R2(op); op(V4, 14, V14, V15, V16); op(V5, 17, V17, V18, V19)
#define NV3_R8(op) NV3_R4(op); op(V4, 20, V20, V21, V22); op(V5, 23, V23, V24, V25); \
	op(V4, 26, V26, V27, V28); op(V5, 29, V29, V30, V31)

#define NV4_R1(op) op(V4, 8, V8, V9, V10, V11)
#define NV4_R2(op) NV4_R1(op); op(V5, 12, V12, V13, V14, V15)
#define NV4_R4(op) NV4_R2(op); op(V4, 16, V16, V17, V18, V19); op(V5, 20, V20, V21, V22, V23)

// ZERO1 … ZERO4: a row's accumulators = 0.
#define ZERO1(a, acc, v0, f0) VEOR v0.B16, v0.B16, v0.B16
#define ZERO2(a, acc, v0, v1) VEOR v0.B16, v0.B16, v0.B16; VEOR v1.B16, v1.B16, v1.B16
#define ZERO3(a, acc, v0, v1, v2) ZERO2(a, acc, v0, v1); VEOR v2.B16, v2.B16, v2.B16
#define ZERO4(a, acc, v0, v1, v2, v3) ZERO3(a, acc, v0, v1, v2); VEOR v3.B16, v3.B16, v3.B16

// B_START_TAIL: B_TAIL = row 0's last vector; B_START_BOTH: also B_PTR =
// its first (strips of two or more vectors).
#define B_START_TAIL ADD TAIL, B_BASE, B_TAIL
#define B_START_BOTH MOVD B_BASE, B_PTR; ADD TAIL, B_BASE, B_TAIL

// ROW_GROUP(rows, aRows, list, zero, startB, loadB, fma, beta, store,
// here, loop, stored, next): the block `here`. While `rows` rows are left:
// zero their accumulators; for each l, loadB (B row l into V0…) and fma
// on every row of list; move A_GROUP on by aRows (rows·A_ROW); then C's
// rows get beta (beta ≠ 0) or store, and the block starts again.
// Otherwise go on to `next`.
#define ROW_GROUP(rows, aRows, list, zero, startB, loadB, fma, beta, store, here, loop, stored, next) \
here: \
	CMP     $rows, ROWS; \
	BLT     next; \
	list(zero); \
	MOVD    A_GROUP, A_L; \
	startB; \
	MOVD    K, K_LEFT; \
loop: \
	loadB; \
	MOVD    A_L, A_I; \
	list(fma); \
	ADD     A_STEP, A_L; \
	SUBS    $1, K_LEFT; \
	BNE     loop; \
	ADD     aRows, A_GROUP; \
	SUB     $rows, ROWS; \
	CBNZ    BETA_ZERO, stored; \
	list(beta); \
	B       here; \
stored: \
	list(store); \
	B       here

// VECTOR_GROUPS(Q1, Q2, Q3, Q4): the blocks of strips of one to four
// vectors, Qv the type's ROW_GROUP for v vectors (F32_Q1 …): four vectors
// in groups of 4, 2, 1 rows, fewer in groups of 8, 4, 2, 1. Each kernel
// expands it once, so its labels are the kernel's own.
#define VECTOR_GROUPS(Q1, Q2, Q3, Q4) \
	Q4(4, A_ROW<<2, NV4_R4, q4r4, q4r4Loop, q4r4Store, q4r2); \
	Q4(2, A_ROW<<1, NV4_R2, q4r2, q4r2Loop, q4r2Store, q4r1); \
	Q4(1, A_ROW, NV4_R1, q4r1, q4r1Loop, q4r1Store, done); \
	Q3(8, A_ROW<<3, NV3_R8, q3r8, q3r8Loop, q3r8Store, q3r4); \
	Q3(4, A_ROW<<2, NV3_R4, q3r4, q3r4Loop, q3r4Store, q3r2); \
	Q3(2, A_ROW<<1, NV3_R2, q3r2, q3r2Loop, q3r2Store, q3r1); \
	Q3(1, A_ROW, NV3_R1, q3r1, q3r1Loop, q3r1Store, done); \
	Q2(8, A_ROW<<3, NV2_R8, q2r8, q2r8Loop, q2r8Store, q2r4); \
	Q2(4, A_ROW<<2, NV2_R4, q2r4, q2r4Loop, q2r4Store, q2r2); \
	Q2(2, A_ROW<<1, NV2_R2, q2r2, q2r2Loop, q2r2Store, q2r1); \
	Q2(1, A_ROW, NV2_R1, q2r1, q2r1Loop, q2r1Store, done); \
	Q1(8, A_ROW<<3, NV1_R8, q1r8, q1r8Loop, q1r8Store, q1r4); \
	Q1(4, A_ROW<<2, NV1_R4, q1r4, q1r4Loop, q1r4Store, q1r2); \
	Q1(2, A_ROW<<1, NV1_R2, q1r2, q1r2Loop, q1r2Store, q1r1); \
	Q1(1, A_ROW, NV1_R1, q1r1, q1r1Loop, q1r1Store, done)

// ONE_GROUPS(S1): the blocks of a one-column strip, S1 the type's
// ROW_GROUP for one element: groups of 8, 4, 2, 1 rows.
#define ONE_GROUPS(S1) \
	S1(8, A_ROW<<3, NV1_R8, s1r8, s1r8Loop, s1r8Store, s1r4); \
	S1(4, A_ROW<<2, NV1_R4, s1r4, s1r4Loop, s1r4Store, s1r2); \
	S1(2, A_ROW<<1, NV1_R2, s1r2, s1r2Loop, s1r2Store, s1r1); \
	S1(1, A_ROW, NV1_R1, s1r1, s1r1Loop, s1r1Store, done)

// ---- row ops and loads for either type ----
//
// T is the lanes of a vector in memory: S4 (float32), D2 (float64) or S2
// (a float32 half vector); mul and add are FMUL_S4, FADD_S4 or FMUL_D2,
// FADD_D2; fmov is FMOVS or FMOVD.

// FMA1(T, a, v0) … FMA4(T, a, v0, …, v3): one row at step l: Va = the
// row's A element, broadcast (A_I moves down a row), then v0… += V0… × Va.
#define FMA1(T, a, v0) \
	VLD1R.P (A_I)(A_ROW), [a.T]; \
	VFMLA   V0.T, a.T, v0.T
#define FMA2(T, a, v0, v1) FMA1(T, a, v0); VFMLA V1.T, a.T, v1.T
#define FMA3(T, a, v0, v1, v2) FMA2(T, a, v0, v1); VFMLA V2.T, a.T, v2.T
#define FMA4(T, a, v0, v1, v2, v3) FMA3(T, a, v0, v1, v2); VFMLA V3.T, a.T, v3.T

// BETA1(T, mul, add, acc, v0) … BETA4(T, mul, add, acc, v0, …, v3): one
// row of C = beta×C + alpha×row (Vacc…, named v0… for the stores), both
// products rounded, then added. Every vector of the row is loaded before
// any is stored (the last may overlap the one before it). C_PTR and
// C_TAIL move down a row.
#define BETA1(T, mul, add, acc, v0) \
	VLD1    (C_TAIL), [V0.T]; \
	mul(acc, acc, 6); \
	mul(0, 0, 7); \
	add(acc, acc, 0); \
	VST1.P  [v0.T], (C_TAIL)(LDC)

#define BETA2(T, mul, add, acc, v0, v1) \
	VLD1    (C_PTR), [V0.T]; \
	VLD1    (C_TAIL), [V1.T]; \
	mul(acc, acc, 6); \
	mul((acc)+1, (acc)+1, 6); \
	mul(0, 0, 7); \
	mul(1, 1, 7); \
	add(acc, acc, 0); \
	add((acc)+1, (acc)+1, 1); \
	VST1.P  [v0.T], (C_PTR)(LDC); \
	VST1.P  [v1.T], (C_TAIL)(LDC)

#define BETA3(T, mul, add, acc, v0, v1, v2) \
	VLD1    (C_PTR), [V0.T, V1.T]; \
	VLD1    (C_TAIL), [V2.T]; \
	mul(acc, acc, 6); \
	mul((acc)+1, (acc)+1, 6); \
	mul((acc)+2, (acc)+2, 6); \
	mul(0, 0, 7); \
	mul(1, 1, 7); \
	mul(2, 2, 7); \
	add(acc, acc, 0); \
	add((acc)+1, (acc)+1, 1); \
	add((acc)+2, (acc)+2, 2); \
	VST1.P  [v0.T, v1.T], (C_PTR)(LDC); \
	VST1.P  [v2.T], (C_TAIL)(LDC)

#define BETA4(T, mul, add, acc, v0, v1, v2, v3) \
	VLD1    (C_PTR), [V0.T, V1.T, V2.T]; \
	VLD1    (C_TAIL), [V3.T]; \
	mul(acc, acc, 6); \
	mul((acc)+1, (acc)+1, 6); \
	mul((acc)+2, (acc)+2, 6); \
	mul((acc)+3, (acc)+3, 6); \
	mul(0, 0, 7); \
	mul(1, 1, 7); \
	mul(2, 2, 7); \
	mul(3, 3, 7); \
	add(acc, acc, 0); \
	add((acc)+1, (acc)+1, 1); \
	add((acc)+2, (acc)+2, 2); \
	add((acc)+3, (acc)+3, 3); \
	VST1.P  [v0.T, v1.T, v2.T], (C_PTR)(LDC); \
	VST1.P  [v3.T], (C_TAIL)(LDC)

// STORE1(T, mul, acc, v0) … STORE4: one row of C = alpha×row; C_PTR and
// C_TAIL move down a row.
#define STORE1(T, mul, acc, v0) \
	mul(acc, acc, 6); \
	VST1.P  [v0.T], (C_TAIL)(LDC)

#define STORE2(T, mul, acc, v0, v1) \
	mul(acc, acc, 6); \
	mul((acc)+1, (acc)+1, 6); \
	VST1.P  [v0.T], (C_PTR)(LDC); \
	VST1.P  [v1.T], (C_TAIL)(LDC)

#define STORE3(T, mul, acc, v0, v1, v2) \
	mul(acc, acc, 6); \
	mul((acc)+1, (acc)+1, 6); \
	mul((acc)+2, (acc)+2, 6); \
	VST1.P  [v0.T, v1.T], (C_PTR)(LDC); \
	VST1.P  [v2.T], (C_TAIL)(LDC)

#define STORE4(T, mul, acc, v0, v1, v2, v3) \
	mul(acc, acc, 6); \
	mul((acc)+1, (acc)+1, 6); \
	mul((acc)+2, (acc)+2, 6); \
	mul((acc)+3, (acc)+3, 6); \
	VST1.P  [v0.T, v1.T, v2.T], (C_PTR)(LDC); \
	VST1.P  [v3.T], (C_TAIL)(LDC)

// BETA_ONE(fmov, mul, add, acc, f): one element of C = beta×C + alpha×Vacc
// lane 0 (named f for the store), products rounded, then added; C_TAIL
// moves down a row. STORE_ONE(fmov, mul, acc, f): = alpha×Vacc lane 0.
#define BETA_ONE(fmov, mul, add, acc, f) \
	fmov    (C_TAIL), F0; \
	mul(acc, acc, 6); \
	mul(0, 0, 7); \
	add(acc, acc, 0); \
	fmov    f, (C_TAIL); \
	ADD     LDC, C_TAIL

#define STORE_ONE(fmov, mul, acc, f) \
	mul(acc, acc, 6); \
	fmov    f, (C_TAIL); \
	ADD     LDC, C_TAIL

// LOAD1(T) … LOAD4(T): B row l into V0…V(nv-1) (the last from B_TAIL);
// LOAD_ONE(fmov): its one element into F0. B_PTR and B_TAIL move down a row.
#define LOAD1(T) VLD1.P (B_TAIL)(LDB), [V0.T]
#define LOAD2(T) VLD1.P (B_PTR)(LDB), [V0.T]; VLD1.P (B_TAIL)(LDB), [V1.T]
#define LOAD3(T) VLD1.P (B_PTR)(LDB), [V0.T, V1.T]; VLD1.P (B_TAIL)(LDB), [V2.T]
#define LOAD4(T) VLD1.P (B_PTR)(LDB), [V0.T, V1.T, V2.T]; VLD1.P (B_TAIL)(LDB), [V3.T]
#define LOAD_ONE(fmov) fmov (B_TAIL), F0; ADD LDB, B_TAIL

// ---- float32 ----

// The row ops (signature as in the row tables) of float32 strips: vectors
// F32_…1 to …4; half vectors (.2S in memory, .4S arithmetic) F32_…H1,
// …H2; one element F32_…_ONE. The FMAs are the same for all three.
#define F32_FMA1(a, acc, v0, f0) FMA1(S4, a, v0)
#define F32_FMA2(a, acc, v0, v1) FMA2(S4, a, v0, v1)
#define F32_FMA3(a, acc, v0, v1, v2) FMA3(S4, a, v0, v1, v2)
#define F32_FMA4(a, acc, v0, v1, v2, v3) FMA4(S4, a, v0, v1, v2, v3)
#define F32_BETA1(a, acc, v0, f0) BETA1(S4, FMUL_S4, FADD_S4, acc, v0)
#define F32_BETA2(a, acc, v0, v1) BETA2(S4, FMUL_S4, FADD_S4, acc, v0, v1)
#define F32_BETA3(a, acc, v0, v1, v2) BETA3(S4, FMUL_S4, FADD_S4, acc, v0, v1, v2)
#define F32_BETA4(a, acc, v0, v1, v2, v3) BETA4(S4, FMUL_S4, FADD_S4, acc, v0, v1, v2, v3)
#define F32_STORE1(a, acc, v0, f0) STORE1(S4, FMUL_S4, acc, v0)
#define F32_STORE2(a, acc, v0, v1) STORE2(S4, FMUL_S4, acc, v0, v1)
#define F32_STORE3(a, acc, v0, v1, v2) STORE3(S4, FMUL_S4, acc, v0, v1, v2)
#define F32_STORE4(a, acc, v0, v1, v2, v3) STORE4(S4, FMUL_S4, acc, v0, v1, v2, v3)
#define F32_BETAH1(a, acc, v0, f0) BETA1(S2, FMUL_S4, FADD_S4, acc, v0)
#define F32_BETAH2(a, acc, v0, v1) BETA2(S2, FMUL_S4, FADD_S4, acc, v0, v1)
#define F32_STOREH1(a, acc, v0, f0) STORE1(S2, FMUL_S4, acc, v0)
#define F32_STOREH2(a, acc, v0, v1) STORE2(S2, FMUL_S4, acc, v0, v1)
#define F32_BETA_ONE(a, acc, v0, f0) BETA_ONE(FMOVS, FMUL_S4, FADD_S4, acc, f0)
#define F32_STORE_ONE(a, acc, v0, f0) STORE_ONE(FMOVS, FMUL_S4, acc, f0)

// F32_Q1 … F32_Q4, F32_D1, F32_D2, F32_ONE(rows, aRows, list, here, loop,
// stored, next): the ROW_GROUP of a float32 strip of 1…4 vectors, 1 or 2
// half vectors, one element.
#define F32_Q1(rows, aRows, list, here, loop, stored, next) \
	ROW_GROUP(rows, aRows, list, ZERO1, B_START_TAIL, LOAD1(S4), F32_FMA1, F32_BETA1, F32_STORE1, here, loop, stored, next)
#define F32_Q2(rows, aRows, list, here, loop, stored, next) \
	ROW_GROUP(rows, aRows, list, ZERO2, B_START_BOTH, LOAD2(S4), F32_FMA2, F32_BETA2, F32_STORE2, here, loop, stored, next)
#define F32_Q3(rows, aRows, list, here, loop, stored, next) \
	ROW_GROUP(rows, aRows, list, ZERO3, B_START_BOTH, LOAD3(S4), F32_FMA3, F32_BETA3, F32_STORE3, here, loop, stored, next)
#define F32_Q4(rows, aRows, list, here, loop, stored, next) \
	ROW_GROUP(rows, aRows, list, ZERO4, B_START_BOTH, LOAD4(S4), F32_FMA4, F32_BETA4, F32_STORE4, here, loop, stored, next)
#define F32_D1(rows, aRows, list, here, loop, stored, next) \
	ROW_GROUP(rows, aRows, list, ZERO1, B_START_TAIL, LOAD1(S2), F32_FMA1, F32_BETAH1, F32_STOREH1, here, loop, stored, next)
#define F32_D2(rows, aRows, list, here, loop, stored, next) \
	ROW_GROUP(rows, aRows, list, ZERO2, B_START_BOTH, LOAD2(S2), F32_FMA2, F32_BETAH2, F32_STOREH2, here, loop, stored, next)
#define F32_ONE(rows, aRows, list, here, loop, stored, next) \
	ROW_GROUP(rows, aRows, list, ZERO1, B_START_TAIL, LOAD_ONE(FMOVS), F32_FMA1, F32_BETA_ONE, F32_STORE_ONE, here, loop, stored, next)

// func GemmSmallF32NEON(m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float32)
//
//	for i := 0; i < m; i++ {
//		for j := 0; j < n; j++ { // n ≤ 16
//			var acc float32 // FMAs in order l = 0, 1, …, k-1
//			for l := 0; l < k; l++ { acc += a[i*aRow+l*aStep] * b[l*ldb+j] }
//			r := alpha * acc
//			p := &c[i*ldc+j]
//			if beta == 0 { *p = r } else { *p = beta**p + r } // product rounded, then added
//		}
//	}
//
// n ≥ 4: 4 to 16 columns in one to four vectors (the last one at column
// n-4, overlapping the one before when 4 does not divide n); n = 2, 3: in
// one or two half vectors (.2S, the second at column n-2); n = 1: one
// element per row. Rows in groups of 8, 4, 2, 1 (4, 2, 1 with four
// vectors). Requires ASIMD.
TEXT ·GemmSmallF32NEON(SB), NOSPLIT, $0-88
	MOVD    m+0(FP), ROWS
	MOVD    n+8(FP), N
	MOVD    k+16(FP), K
	MOVD    a+24(FP), A_GROUP
	MOVD    aRow+32(FP), A_ROW
	LSL     $2, A_ROW
	MOVD    aStep+40(FP), A_STEP
	LSL     $2, A_STEP
	MOVD    b+48(FP), B_BASE
	MOVD    ldb+56(FP), LDB
	LSL     $2, LDB
	MOVD    c+64(FP), C_PTR
	MOVD    ldc+72(FP), LDC
	LSL     $2, LDC
	FMOVS   alpha+80(FP), F6
	VDUP    V6.S[0], V6.S4
	FMOVS   beta+84(FP), F7
	FCMPS   $(0.0), F7 // ±0 compares equal; NaN is unordered, not equal
	CSET    EQ, BETA_ZERO
	VDUP    V7.S[0], V7.S4
	CMP     $4, N
	BLT     narrow
	SUB     $4, N, TAIL // the last vector starts at column n-4
	LSL     $2, TAIL
	ADD     TAIL, C_PTR, C_TAIL
	CMP     $4, N
	BEQ     q1r8
	CMP     $8, N
	BLE     q2r8
	CMP     $12, N
	BLE     q3r8

	VECTOR_GROUPS(F32_Q1, F32_Q2, F32_Q3, F32_Q4)

done:
	RET

// n < 4: n = 2, 3 in half vectors (the second at column n-2), n = 1 as
// one element.
narrow:
	CMP     $1, N
	BEQ     one
	SUB     $2, N, TAIL // the last half vector starts at column n-2
	LSL     $2, TAIL
	ADD     TAIL, C_PTR, C_TAIL
	CMP     $2, N
	BEQ     d1r8

	// Two half vectors, then one; rows in groups of 8, 4, 2, 1.
	F32_D2(8, A_ROW<<3, NV2_R8, d2r8, d2r8Loop, d2r8Store, d2r4)
	F32_D2(4, A_ROW<<2, NV2_R4, d2r4, d2r4Loop, d2r4Store, d2r2)
	F32_D2(2, A_ROW<<1, NV2_R2, d2r2, d2r2Loop, d2r2Store, d2r1)
	F32_D2(1, A_ROW, NV2_R1, d2r1, d2r1Loop, d2r1Store, done)
	F32_D1(8, A_ROW<<3, NV1_R8, d1r8, d1r8Loop, d1r8Store, d1r4)
	F32_D1(4, A_ROW<<2, NV1_R4, d1r4, d1r4Loop, d1r4Store, d1r2)
	F32_D1(2, A_ROW<<1, NV1_R2, d1r2, d1r2Loop, d1r2Store, d1r1)
	F32_D1(1, A_ROW, NV1_R1, d1r1, d1r1Loop, d1r1Store, done)

// n = 1.
one:
	MOVD    ZR, TAIL
	MOVD    C_PTR, C_TAIL
	ONE_GROUPS(F32_ONE)

// ---- float64 ----

// The row ops of float64 strips: vectors F64_…1 to …4, one element
// F64_…_ONE.
#define F64_FMA1(a, acc, v0, f0) FMA1(D2, a, v0)
#define F64_FMA2(a, acc, v0, v1) FMA2(D2, a, v0, v1)
#define F64_FMA3(a, acc, v0, v1, v2) FMA3(D2, a, v0, v1, v2)
#define F64_FMA4(a, acc, v0, v1, v2, v3) FMA4(D2, a, v0, v1, v2, v3)
#define F64_BETA1(a, acc, v0, f0) BETA1(D2, FMUL_D2, FADD_D2, acc, v0)
#define F64_BETA2(a, acc, v0, v1) BETA2(D2, FMUL_D2, FADD_D2, acc, v0, v1)
#define F64_BETA3(a, acc, v0, v1, v2) BETA3(D2, FMUL_D2, FADD_D2, acc, v0, v1, v2)
#define F64_BETA4(a, acc, v0, v1, v2, v3) BETA4(D2, FMUL_D2, FADD_D2, acc, v0, v1, v2, v3)
#define F64_STORE1(a, acc, v0, f0) STORE1(D2, FMUL_D2, acc, v0)
#define F64_STORE2(a, acc, v0, v1) STORE2(D2, FMUL_D2, acc, v0, v1)
#define F64_STORE3(a, acc, v0, v1, v2) STORE3(D2, FMUL_D2, acc, v0, v1, v2)
#define F64_STORE4(a, acc, v0, v1, v2, v3) STORE4(D2, FMUL_D2, acc, v0, v1, v2, v3)
#define F64_BETA_ONE(a, acc, v0, f0) BETA_ONE(FMOVD, FMUL_D2, FADD_D2, acc, f0)
#define F64_STORE_ONE(a, acc, v0, f0) STORE_ONE(FMOVD, FMUL_D2, acc, f0)

// F64_Q1 … F64_Q4, F64_ONE(rows, aRows, list, here, loop, stored, next):
// the ROW_GROUP of a float64 strip of 1…4 vectors, one element.
#define F64_Q1(rows, aRows, list, here, loop, stored, next) \
	ROW_GROUP(rows, aRows, list, ZERO1, B_START_TAIL, LOAD1(D2), F64_FMA1, F64_BETA1, F64_STORE1, here, loop, stored, next)
#define F64_Q2(rows, aRows, list, here, loop, stored, next) \
	ROW_GROUP(rows, aRows, list, ZERO2, B_START_BOTH, LOAD2(D2), F64_FMA2, F64_BETA2, F64_STORE2, here, loop, stored, next)
#define F64_Q3(rows, aRows, list, here, loop, stored, next) \
	ROW_GROUP(rows, aRows, list, ZERO3, B_START_BOTH, LOAD3(D2), F64_FMA3, F64_BETA3, F64_STORE3, here, loop, stored, next)
#define F64_Q4(rows, aRows, list, here, loop, stored, next) \
	ROW_GROUP(rows, aRows, list, ZERO4, B_START_BOTH, LOAD4(D2), F64_FMA4, F64_BETA4, F64_STORE4, here, loop, stored, next)
#define F64_ONE(rows, aRows, list, here, loop, stored, next) \
	ROW_GROUP(rows, aRows, list, ZERO1, B_START_TAIL, LOAD_ONE(FMOVD), F64_FMA1, F64_BETA_ONE, F64_STORE_ONE, here, loop, stored, next)

// func GemmSmallF64NEON(m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float64)
//
//	for i := 0; i < m; i++ {
//		for j := 0; j < n; j++ { // n ≤ 8
//			var acc float64 // FMAs in order l = 0, 1, …, k-1
//			for l := 0; l < k; l++ { acc += a[i*aRow+l*aStep] * b[l*ldb+j] }
//			r := alpha * acc
//			p := &c[i*ldc+j]
//			if beta == 0 { *p = r } else { *p = beta**p + r } // product rounded, then added
//		}
//	}
//
// n ≥ 2: 2 to 8 columns in one to four vectors (the last one at column
// n-2, overlapping the one before when n is odd); n = 1: one element per
// row. Rows in groups of 8, 4, 2, 1 (4, 2, 1 with four vectors).
// Requires ASIMD.
TEXT ·GemmSmallF64NEON(SB), NOSPLIT, $0-96
	MOVD    m+0(FP), ROWS
	MOVD    n+8(FP), N
	MOVD    k+16(FP), K
	MOVD    a+24(FP), A_GROUP
	MOVD    aRow+32(FP), A_ROW
	LSL     $3, A_ROW
	MOVD    aStep+40(FP), A_STEP
	LSL     $3, A_STEP
	MOVD    b+48(FP), B_BASE
	MOVD    ldb+56(FP), LDB
	LSL     $3, LDB
	MOVD    c+64(FP), C_PTR
	MOVD    ldc+72(FP), LDC
	LSL     $3, LDC
	FMOVD   alpha+80(FP), F6
	VDUP    V6.D[0], V6.D2
	FMOVD   beta+88(FP), F7
	FCMPD   $(0.0), F7 // ±0 compares equal; NaN is unordered, not equal
	CSET    EQ, BETA_ZERO
	VDUP    V7.D[0], V7.D2
	CMP     $2, N
	BLT     narrow
	SUB     $2, N, TAIL // the last vector starts at column n-2
	LSL     $3, TAIL
	ADD     TAIL, C_PTR, C_TAIL
	CMP     $2, N
	BEQ     q1r8
	CMP     $4, N
	BLE     q2r8
	CMP     $6, N
	BLE     q3r8

	VECTOR_GROUPS(F64_Q1, F64_Q2, F64_Q3, F64_Q4)

done:
	RET

// n = 1: one element per row.
narrow:
	MOVD    ZR, TAIL
	MOVD    C_PTR, C_TAIL
	ONE_GROUPS(F64_ONE)
