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

// Row tables. NVv_Rr(op, T, mul, add) applies op to the r rows of a group
// of v vectors, first row first: op(T, mul, add, a, acc, v0, …), T, mul,
// add passed on (the type's, see below), a the row's A register (V4, V5
// alternating), acc the number of its first accumulator (8 + row·v) and
// v0… the names of its v accumulators; one-vector rows also pass the
// scalar name f0 of their accumulator (F8…) for the one-element stores.
// Every row op below has this signature and ignores what it does not use.
#define NV1_R1(op, T, mul, add) op(T, mul, add, V4, 8, V8, F8)
#define NV1_R2(op, T, mul, add) NV1_R1(op, T, mul, add); op(T, mul, add, V5, 9, V9, F9)
#define NV1_R4(op, T, mul, add) NV1_R2(op, T, mul, add); op(T, mul, add, V4, 10, V10, F10); \
	op(T, mul, add, V5, 11, V11, F11)
#define NV1_R8(op, T, mul, add) NV1_R4(op, T, mul, add); op(T, mul, add, V4, 12, V12, F12); \
	op(T, mul, add, V5, 13, V13, F13); op(T, mul, add, V4, 14, V14, F14); op(T, mul, add, V5, 15, V15, F15)

#define NV2_R1(op, T, mul, add) op(T, mul, add, V4, 8, V8, V9)
#define NV2_R2(op, T, mul, add) NV2_R1(op, T, mul, add); op(T, mul, add, V5, 10, V10, V11)
#define NV2_R4(op, T, mul, add) NV2_R2(op, T, mul, add); op(T, mul, add, V4, 12, V12, V13); \
	op(T, mul, add, V5, 14, V14, V15)
#define NV2_R8(op, T, mul, add) NV2_R4(op, T, mul, add); op(T, mul, add, V4, 16, V16, V17); \
	op(T, mul, add, V5, 18, V18, V19); op(T, mul, add, V4, 20, V20, V21); op(T, mul, add, V5, 22, V22, V23)

#define NV3_R1(op, T, mul, add) op(T, mul, add, V4, 8, V8, V9, V10)
#define NV3_R2(op, T, mul, add) NV3_R1(op, T, mul, add); op(T, mul, add, V5, 11, V11, V12, V13)
#define NV3_R4(op, T, mul, add) NV3_R2(op, T, mul, add); op(T, mul, add, V4, 14, V14, V15, V16); \
	op(T, mul, add, V5, 17, V17, V18, V19)
#define NV3_R8(op, T, mul, add) NV3_R4(op, T, mul, add); op(T, mul, add, V4, 20, V20, V21, V22); \
	op(T, mul, add, V5, 23, V23, V24, V25); op(T, mul, add, V4, 26, V26, V27, V28); op(T, mul, add, V5, 29, V29, V30, V31)

#define NV4_R1(op, T, mul, add) op(T, mul, add, V4, 8, V8, V9, V10, V11)
#define NV4_R2(op, T, mul, add) NV4_R1(op, T, mul, add); op(T, mul, add, V5, 12, V12, V13, V14, V15)
#define NV4_R4(op, T, mul, add) NV4_R2(op, T, mul, add); op(T, mul, add, V4, 16, V16, V17, V18, V19); \
	op(T, mul, add, V5, 20, V20, V21, V22, V23)

// B_START_TAIL: B_TAIL = row 0's last vector; B_START_BOTH: also B_PTR =
// its first (strips of two or more vectors).
#define B_START_TAIL ADD TAIL, B_BASE, B_TAIL
#define B_START_BOTH MOVD B_BASE, B_PTR; ADD TAIL, B_BASE, B_TAIL

// ROW_GROUP(rows, aRows, list, zero, startB, loadB, fma, beta, store, TA,
// TM, mul, add, here, loop, stored, next): the block `here`. While `rows`
// rows are left: zero their accumulators; for each l, loadB (B row l into
// V0…) and fma on every row of list; move A_GROUP on by aRows
// (rows·A_ROW); then C's rows get beta (beta ≠ 0) or store, and the block
// starts again. Otherwise go on to `next`. The row ops get the type: TA,
// the arrangement of the arithmetic (fma); TM, that of C in memory, or
// the scalar move of a one-element strip (beta, store); mul, add, its
// FMUL and FADD.
#define ROW_GROUP(rows, aRows, list, zero, startB, loadB, fma, beta, store, TA, TM, mul, add, here, loop, stored, next) \
here: \
	CMP     $rows, ROWS; \
	BLT     next; \
	list(zero, TA, mul, add); \
	MOVD    A_GROUP, A_L; \
	startB; \
	MOVD    K, K_LEFT; \
loop: \
	loadB; \
	MOVD    A_L, A_I; \
	list(fma, TA, mul, add); \
	ADD     A_STEP, A_L; \
	SUBS    $1, K_LEFT; \
	BNE     loop; \
	ADD     aRows, A_GROUP; \
	SUB     $rows, ROWS; \
	CBNZ    BETA_ZERO, stored; \
	list(beta, TM, mul, add); \
	B       here; \
stored: \
	list(store, TM, mul, add); \
	B       here

// Q1 … Q4, ONE(TA, TM, mul, add, rows, aRows, list, here, loop, stored,
// next): the ROW_GROUP of a strip of 1…4 vectors (of arrangement TM in
// memory: S4, S2 for float32 half vectors, D2) or of one element (TM the
// scalar move, FMOVS or FMOVD).
#define Q1(TA, TM, mul, add, rows, aRows, list, here, loop, stored, next) \
	ROW_GROUP(rows, aRows, list, ZERO1, B_START_TAIL, LOAD1(TM), FMA1, BETA1, STORE1, TA, TM, mul, add, here, loop, stored, next)
#define Q2(TA, TM, mul, add, rows, aRows, list, here, loop, stored, next) \
	ROW_GROUP(rows, aRows, list, ZERO2, B_START_BOTH, LOAD2(TM), FMA2, BETA2, STORE2, TA, TM, mul, add, here, loop, stored, next)
#define Q3(TA, TM, mul, add, rows, aRows, list, here, loop, stored, next) \
	ROW_GROUP(rows, aRows, list, ZERO3, B_START_BOTH, LOAD3(TM), FMA3, BETA3, STORE3, TA, TM, mul, add, here, loop, stored, next)
#define Q4(TA, TM, mul, add, rows, aRows, list, here, loop, stored, next) \
	ROW_GROUP(rows, aRows, list, ZERO4, B_START_BOTH, LOAD4(TM), FMA4, BETA4, STORE4, TA, TM, mul, add, here, loop, stored, next)
#define ONE(TA, TM, mul, add, rows, aRows, list, here, loop, stored, next) \
	ROW_GROUP(rows, aRows, list, ZERO1, B_START_TAIL, LOAD_ONE(TM), FMA1, BETA_ONE, STORE_ONE, TA, TM, mul, add, here, loop, stored, next)

// VECTOR_GROUPS(T, mul, add): the blocks of strips of one to four vectors
// of type T (S4 or D2): four vectors in groups of 4, 2, 1 rows, fewer in
// groups of 8, 4, 2, 1. Each kernel expands it once, so its labels are
// the kernel's own.
#define VECTOR_GROUPS(T, mul, add) \
	Q4(T, T, mul, add, 4, A_ROW<<2, NV4_R4, q4r4, q4r4Loop, q4r4Store, q4r2); \
	Q4(T, T, mul, add, 2, A_ROW<<1, NV4_R2, q4r2, q4r2Loop, q4r2Store, q4r1); \
	Q4(T, T, mul, add, 1, A_ROW, NV4_R1, q4r1, q4r1Loop, q4r1Store, done); \
	Q3(T, T, mul, add, 8, A_ROW<<3, NV3_R8, q3r8, q3r8Loop, q3r8Store, q3r4); \
	Q3(T, T, mul, add, 4, A_ROW<<2, NV3_R4, q3r4, q3r4Loop, q3r4Store, q3r2); \
	Q3(T, T, mul, add, 2, A_ROW<<1, NV3_R2, q3r2, q3r2Loop, q3r2Store, q3r1); \
	Q3(T, T, mul, add, 1, A_ROW, NV3_R1, q3r1, q3r1Loop, q3r1Store, done); \
	Q2(T, T, mul, add, 8, A_ROW<<3, NV2_R8, q2r8, q2r8Loop, q2r8Store, q2r4); \
	Q2(T, T, mul, add, 4, A_ROW<<2, NV2_R4, q2r4, q2r4Loop, q2r4Store, q2r2); \
	Q2(T, T, mul, add, 2, A_ROW<<1, NV2_R2, q2r2, q2r2Loop, q2r2Store, q2r1); \
	Q2(T, T, mul, add, 1, A_ROW, NV2_R1, q2r1, q2r1Loop, q2r1Store, done); \
	Q1(T, T, mul, add, 8, A_ROW<<3, NV1_R8, q1r8, q1r8Loop, q1r8Store, q1r4); \
	Q1(T, T, mul, add, 4, A_ROW<<2, NV1_R4, q1r4, q1r4Loop, q1r4Store, q1r2); \
	Q1(T, T, mul, add, 2, A_ROW<<1, NV1_R2, q1r2, q1r2Loop, q1r2Store, q1r1); \
	Q1(T, T, mul, add, 1, A_ROW, NV1_R1, q1r1, q1r1Loop, q1r1Store, done)

// HALF_GROUPS: the blocks of float32 strips of two and one half vectors
// (.2S in memory, .4S arithmetic), rows in groups of 8, 4, 2, 1; each
// block ends at done, which the TEXT defines. It defines its labels itself
// (d2r8 … d1r1 and their loops'), so it can be expanded only once per TEXT.
#define HALF_GROUPS \
	Q2(S4, S2, FMUL_S4, FADD_S4, 8, A_ROW<<3, NV2_R8, d2r8, d2r8Loop, d2r8Store, d2r4); \
	Q2(S4, S2, FMUL_S4, FADD_S4, 4, A_ROW<<2, NV2_R4, d2r4, d2r4Loop, d2r4Store, d2r2); \
	Q2(S4, S2, FMUL_S4, FADD_S4, 2, A_ROW<<1, NV2_R2, d2r2, d2r2Loop, d2r2Store, d2r1); \
	Q2(S4, S2, FMUL_S4, FADD_S4, 1, A_ROW, NV2_R1, d2r1, d2r1Loop, d2r1Store, done); \
	Q1(S4, S2, FMUL_S4, FADD_S4, 8, A_ROW<<3, NV1_R8, d1r8, d1r8Loop, d1r8Store, d1r4); \
	Q1(S4, S2, FMUL_S4, FADD_S4, 4, A_ROW<<2, NV1_R4, d1r4, d1r4Loop, d1r4Store, d1r2); \
	Q1(S4, S2, FMUL_S4, FADD_S4, 2, A_ROW<<1, NV1_R2, d1r2, d1r2Loop, d1r2Store, d1r1); \
	Q1(S4, S2, FMUL_S4, FADD_S4, 1, A_ROW, NV1_R1, d1r1, d1r1Loop, d1r1Store, done)

// ONE_GROUPS(T, fmov, mul, add): the blocks of a one-column strip, rows in
// groups of 8, 4, 2, 1; each block ends at done, which the TEXT defines.
// It defines its labels itself (s1r8 … s1r1 and their loops'), so it can be
// expanded only once per TEXT.
#define ONE_GROUPS(T, fmov, mul, add) \
	ONE(T, fmov, mul, add, 8, A_ROW<<3, NV1_R8, s1r8, s1r8Loop, s1r8Store, s1r4); \
	ONE(T, fmov, mul, add, 4, A_ROW<<2, NV1_R4, s1r4, s1r4Loop, s1r4Store, s1r2); \
	ONE(T, fmov, mul, add, 2, A_ROW<<1, NV1_R2, s1r2, s1r2Loop, s1r2Store, s1r1); \
	ONE(T, fmov, mul, add, 1, A_ROW, NV1_R1, s1r1, s1r1Loop, s1r1Store, done)

// ---- row ops and loads ----
//
// Row ops (signature as in the row tables): T is the lanes of a vector,
// S4 (float32), D2 (float64) or S2 (a float32 half vector in memory);
// mul and add are FMUL_S4, FADD_S4 or FMUL_D2, FADD_D2; fmov (in T's
// place for one element) is FMOVS or FMOVD.

// ZERO1 … ZERO4: a row's accumulators = 0.
#define ZERO1(T, mul, add, a, acc, v0, f0) VZERO(v0)
#define ZERO2(T, mul, add, a, acc, v0, v1) VZERO(v0); VZERO(v1)
#define ZERO3(T, mul, add, a, acc, v0, v1, v2) VZERO(v0); VZERO(v1); VZERO(v2)
#define ZERO4(T, mul, add, a, acc, v0, v1, v2, v3) VZERO(v0); VZERO(v1); VZERO(v2); VZERO(v3)

// FMA1 … FMA4: one row at step l: Va = the row's A element, broadcast
// (A_I moves down a row), then v0… += V0… × Va.
#define FMA1(T, mul, add, a, acc, v0, f0) \
	VLD1R.P (A_I)(A_ROW), [a.T]; \
	VFMLA   V0.T, a.T, v0.T
#define FMA2(T, mul, add, a, acc, v0, v1) FMA1(T, mul, add, a, acc, v0, F0); VFMLA V1.T, a.T, v1.T
#define FMA3(T, mul, add, a, acc, v0, v1, v2) FMA2(T, mul, add, a, acc, v0, v1); VFMLA V2.T, a.T, v2.T
#define FMA4(T, mul, add, a, acc, v0, v1, v2, v3) FMA3(T, mul, add, a, acc, v0, v1, v2); VFMLA V3.T, a.T, v3.T

// BETA1 … BETA4: one row of C = beta×C + alpha×row (Vacc…, named v0… for
// the stores), both products rounded, then added. Every vector of the row
// is loaded before any is stored (the last may overlap the one before
// it). C_PTR and C_TAIL move down a row.
#define BETA1(T, mul, add, a, acc, v0, f0) \
	VLD1    (C_TAIL), [V0.T]; \
	mul(acc, acc, 6); \
	mul(0, 0, 7); \
	add(acc, acc, 0); \
	VST1.P  [v0.T], (C_TAIL)(LDC)

#define BETA2(T, mul, add, a, acc, v0, v1) \
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

#define BETA3(T, mul, add, a, acc, v0, v1, v2) \
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

#define BETA4(T, mul, add, a, acc, v0, v1, v2, v3) \
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

// STORE1 … STORE4: one row of C = alpha×row; C_PTR and C_TAIL move down a
// row.
#define STORE1(T, mul, add, a, acc, v0, f0) \
	mul(acc, acc, 6); \
	VST1.P  [v0.T], (C_TAIL)(LDC)

#define STORE2(T, mul, add, a, acc, v0, v1) \
	mul(acc, acc, 6); \
	mul((acc)+1, (acc)+1, 6); \
	VST1.P  [v0.T], (C_PTR)(LDC); \
	VST1.P  [v1.T], (C_TAIL)(LDC)

#define STORE3(T, mul, add, a, acc, v0, v1, v2) \
	mul(acc, acc, 6); \
	mul((acc)+1, (acc)+1, 6); \
	mul((acc)+2, (acc)+2, 6); \
	VST1.P  [v0.T, v1.T], (C_PTR)(LDC); \
	VST1.P  [v2.T], (C_TAIL)(LDC)

#define STORE4(T, mul, add, a, acc, v0, v1, v2, v3) \
	mul(acc, acc, 6); \
	mul((acc)+1, (acc)+1, 6); \
	mul((acc)+2, (acc)+2, 6); \
	mul((acc)+3, (acc)+3, 6); \
	VST1.P  [v0.T, v1.T, v2.T], (C_PTR)(LDC); \
	VST1.P  [v3.T], (C_TAIL)(LDC)

// BETA_ONE: one element of C = beta×C + alpha×Vacc lane 0 (named f0 for
// the store), products rounded, then added; C_TAIL moves down a row.
// STORE_ONE: = alpha×Vacc lane 0.
#define BETA_ONE(fmov, mul, add, a, acc, v0, f0) \
	fmov    (C_TAIL), F0; \
	mul(acc, acc, 6); \
	mul(0, 0, 7); \
	add(acc, acc, 0); \
	fmov    f0, (C_TAIL); \
	ADD     LDC, C_TAIL

#define STORE_ONE(fmov, mul, add, a, acc, v0, f0) \
	mul(acc, acc, 6); \
	fmov    f0, (C_TAIL); \
	ADD     LDC, C_TAIL

// LOAD1(T) … LOAD4(T): B row l into V0…V(nv-1) (the last from B_TAIL);
// LOAD_ONE(fmov): its one element into F0. B_PTR and B_TAIL move down a row.
#define LOAD1(T) VLD1.P (B_TAIL)(LDB), [V0.T]
#define LOAD2(T) VLD1.P (B_PTR)(LDB), [V0.T]; VLD1.P (B_TAIL)(LDB), [V1.T]
#define LOAD3(T) VLD1.P (B_PTR)(LDB), [V0.T, V1.T]; VLD1.P (B_TAIL)(LDB), [V2.T]
#define LOAD4(T) VLD1.P (B_PTR)(LDB), [V0.T, V1.T, V2.T]; VLD1.P (B_TAIL)(LDB), [V3.T]
#define LOAD_ONE(fmov) fmov (B_TAIL), F0; ADD LDB, B_TAIL

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
	// q1r8, q2r8, q3r8 (and the q4r4 fallen into) are VECTOR_GROUPS' labels.
	CMP     $4, N
	BEQ     q1r8
	CMP     $8, N
	BLE     q2r8
	CMP     $12, N
	BLE     q3r8

	VECTOR_GROUPS(S4, FMUL_S4, FADD_S4)

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
	BEQ     d1r8 // d1r8 (and d2r8, fallen into) are HALF_GROUPS' labels

	// Two half vectors, then one; rows in groups of 8, 4, 2, 1.
	HALF_GROUPS

// n = 1.
one:
	MOVD    ZR, TAIL
	MOVD    C_PTR, C_TAIL
	ONE_GROUPS(S4, FMOVS, FMUL_S4, FADD_S4)

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
	// q1r8, q2r8, q3r8 (and the q4r4 fallen into) are VECTOR_GROUPS' labels.
	CMP     $2, N
	BEQ     q1r8
	CMP     $4, N
	BLE     q2r8
	CMP     $6, N
	BLE     q3r8

	VECTOR_GROUPS(D2, FMUL_D2, FADD_D2)

done:
	RET

// n = 1: one element per row.
narrow:
	MOVD    ZR, TAIL
	MOVD    C_PTR, C_TAIL
	ONE_GROUPS(D2, FMOVD, FMUL_D2, FADD_D2)
