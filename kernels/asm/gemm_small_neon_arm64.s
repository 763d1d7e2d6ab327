//go:build !purego

#include "textflag.h"

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
// left, then falls to the next smaller group.
//
// V0–V3    B row l (vector nv-1 the overlapping last one); in the
//          epilogue, a row of C
// V4, V5   the A element of the current row, broadcast (alternating)
// V6       alpha, broadcast
// V7       beta, broadcast
// V8–V31   accumulators
//
// Go's assembler has no vector FMUL/FADD, so they are WORDs built by the
// macros below from register numbers (0–31, the Vn of the comments);
// `go tool objdump` decodes them back.

// FMUL_S4(d, n, m): Vd.4S = Vn.4S * Vm.4S.   FMUL_D2: the same on .2D.
#define FMUL_S4(d, n, m) WORD $(0x6E20DC00 | (m)<<16 | (n)<<5 | (d))
#define FMUL_D2(d, n, m) WORD $(0x6E60DC00 | (m)<<16 | (n)<<5 | (d))

// FADD_S4(d, n, m): Vd.4S = Vn.4S + Vm.4S.   FADD_D2: the same on .2D.
#define FADD_S4(d, n, m) WORD $(0x4E20D400 | (m)<<16 | (n)<<5 | (d))
#define FADD_D2(d, n, m) WORD $(0x4E60D400 | (m)<<16 | (n)<<5 | (d))

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

// ---- float32 ----

// F32_FMA1(a, v0) … F32_FMA4(a, v0, …, v3): one row at step l: Va = the
// row's A element, broadcast (A_I moves down a row), then v0… += V0… × Va.
#define F32_FMA1(a, v0) \
	VLD1R.P (A_I)(A_ROW), [a.S4]; \
	VFMLA   V0.S4, a.S4, v0.S4

#define F32_FMA2(a, v0, v1) \
	VLD1R.P (A_I)(A_ROW), [a.S4]; \
	VFMLA   V0.S4, a.S4, v0.S4; \
	VFMLA   V1.S4, a.S4, v1.S4

#define F32_FMA3(a, v0, v1, v2) \
	VLD1R.P (A_I)(A_ROW), [a.S4]; \
	VFMLA   V0.S4, a.S4, v0.S4; \
	VFMLA   V1.S4, a.S4, v1.S4; \
	VFMLA   V2.S4, a.S4, v2.S4

#define F32_FMA4(a, v0, v1, v2, v3) \
	VLD1R.P (A_I)(A_ROW), [a.S4]; \
	VFMLA   V0.S4, a.S4, v0.S4; \
	VFMLA   V1.S4, a.S4, v1.S4; \
	VFMLA   V2.S4, a.S4, v2.S4; \
	VFMLA   V3.S4, a.S4, v3.S4

// F32_BETA1(acc, v0) … F32_BETA4(acc, v0, …, v3): one row of C = beta×C +
// alpha×row (Vacc…, named v0… for the stores), both products rounded,
// then added. Every vector of the row is loaded before any is stored
// (the last may overlap the one before it). C_PTR and C_TAIL move down
// a row.
#define F32_BETA1(acc, v0) \
	VLD1    (C_TAIL), [V0.S4]; \
	FMUL_S4(acc, acc, 6); \
	FMUL_S4(0, 0, 7); \
	FADD_S4(acc, acc, 0); \
	VST1.P  [v0.S4], (C_TAIL)(LDC)

#define F32_BETA2(acc, v0, v1) \
	VLD1    (C_PTR), [V0.S4]; \
	VLD1    (C_TAIL), [V1.S4]; \
	FMUL_S4(acc, acc, 6); \
	FMUL_S4((acc)+1, (acc)+1, 6); \
	FMUL_S4(0, 0, 7); \
	FMUL_S4(1, 1, 7); \
	FADD_S4(acc, acc, 0); \
	FADD_S4((acc)+1, (acc)+1, 1); \
	VST1.P  [v0.S4], (C_PTR)(LDC); \
	VST1.P  [v1.S4], (C_TAIL)(LDC)

#define F32_BETA3(acc, v0, v1, v2) \
	VLD1    (C_PTR), [V0.S4, V1.S4]; \
	VLD1    (C_TAIL), [V2.S4]; \
	FMUL_S4(acc, acc, 6); \
	FMUL_S4((acc)+1, (acc)+1, 6); \
	FMUL_S4((acc)+2, (acc)+2, 6); \
	FMUL_S4(0, 0, 7); \
	FMUL_S4(1, 1, 7); \
	FMUL_S4(2, 2, 7); \
	FADD_S4(acc, acc, 0); \
	FADD_S4((acc)+1, (acc)+1, 1); \
	FADD_S4((acc)+2, (acc)+2, 2); \
	VST1.P  [v0.S4, v1.S4], (C_PTR)(LDC); \
	VST1.P  [v2.S4], (C_TAIL)(LDC)

#define F32_BETA4(acc, v0, v1, v2, v3) \
	VLD1    (C_PTR), [V0.S4, V1.S4, V2.S4]; \
	VLD1    (C_TAIL), [V3.S4]; \
	FMUL_S4(acc, acc, 6); \
	FMUL_S4((acc)+1, (acc)+1, 6); \
	FMUL_S4((acc)+2, (acc)+2, 6); \
	FMUL_S4((acc)+3, (acc)+3, 6); \
	FMUL_S4(0, 0, 7); \
	FMUL_S4(1, 1, 7); \
	FMUL_S4(2, 2, 7); \
	FMUL_S4(3, 3, 7); \
	FADD_S4(acc, acc, 0); \
	FADD_S4((acc)+1, (acc)+1, 1); \
	FADD_S4((acc)+2, (acc)+2, 2); \
	FADD_S4((acc)+3, (acc)+3, 3); \
	VST1.P  [v0.S4, v1.S4, v2.S4], (C_PTR)(LDC); \
	VST1.P  [v3.S4], (C_TAIL)(LDC)

// F32_STORE1(acc, v0) … F32_STORE4: one row of C = alpha×row; C_PTR and
// C_TAIL move down a row.
#define F32_STORE1(acc, v0) \
	FMUL_S4(acc, acc, 6); \
	VST1.P  [v0.S4], (C_TAIL)(LDC)

#define F32_STORE2(acc, v0, v1) \
	FMUL_S4(acc, acc, 6); \
	FMUL_S4((acc)+1, (acc)+1, 6); \
	VST1.P  [v0.S4], (C_PTR)(LDC); \
	VST1.P  [v1.S4], (C_TAIL)(LDC)

#define F32_STORE3(acc, v0, v1, v2) \
	FMUL_S4(acc, acc, 6); \
	FMUL_S4((acc)+1, (acc)+1, 6); \
	FMUL_S4((acc)+2, (acc)+2, 6); \
	VST1.P  [v0.S4, v1.S4], (C_PTR)(LDC); \
	VST1.P  [v2.S4], (C_TAIL)(LDC)

#define F32_STORE4(acc, v0, v1, v2, v3) \
	FMUL_S4(acc, acc, 6); \
	FMUL_S4((acc)+1, (acc)+1, 6); \
	FMUL_S4((acc)+2, (acc)+2, 6); \
	FMUL_S4((acc)+3, (acc)+3, 6); \
	VST1.P  [v0.S4, v1.S4, v2.S4], (C_PTR)(LDC); \
	VST1.P  [v3.S4], (C_TAIL)(LDC)

// F32_BETAH1, F32_BETAH2, F32_STOREH1, F32_STOREH2: the same on half vectors
// (two floats, .S2): only the low 64 bits are loaded and stored. A .S2
// load zeroes the upper lanes, which the .4S arithmetic then carries along
// unstored.
#define F32_BETAH1(acc, v0) \
	VLD1    (C_TAIL), [V0.S2]; \
	FMUL_S4(acc, acc, 6); \
	FMUL_S4(0, 0, 7); \
	FADD_S4(acc, acc, 0); \
	VST1.P  [v0.S2], (C_TAIL)(LDC)

#define F32_BETAH2(acc, v0, v1) \
	VLD1    (C_PTR), [V0.S2]; \
	VLD1    (C_TAIL), [V1.S2]; \
	FMUL_S4(acc, acc, 6); \
	FMUL_S4((acc)+1, (acc)+1, 6); \
	FMUL_S4(0, 0, 7); \
	FMUL_S4(1, 1, 7); \
	FADD_S4(acc, acc, 0); \
	FADD_S4((acc)+1, (acc)+1, 1); \
	VST1.P  [v0.S2], (C_PTR)(LDC); \
	VST1.P  [v1.S2], (C_TAIL)(LDC)

#define F32_STOREH1(acc, v0) \
	FMUL_S4(acc, acc, 6); \
	VST1.P  [v0.S2], (C_TAIL)(LDC)

#define F32_STOREH2(acc, v0, v1) \
	FMUL_S4(acc, acc, 6); \
	FMUL_S4((acc)+1, (acc)+1, 6); \
	VST1.P  [v0.S2], (C_PTR)(LDC); \
	VST1.P  [v1.S2], (C_TAIL)(LDC)

// F32_BETA_ONE(acc, f): one element of C = beta×C + alpha×Vacc lane 0
// (named f for the store), products rounded, then added; C_TAIL moves
// down a row.
#define F32_BETA_ONE(acc, f) \
	FMOVS   (C_TAIL), F0; \
	FMUL_S4(acc, acc, 6); \
	FMUL_S4(0, 0, 7); \
	FADD_S4(acc, acc, 0); \
	FMOVS   f, (C_TAIL); \
	ADD     LDC, C_TAIL

// F32_STORE_ONE(acc, f): one element of C = alpha×Vacc lane 0 (named f);
// C_TAIL moves down a row.
#define F32_STORE_ONE(acc, f) \
	FMUL_S4(acc, acc, 6); \
	FMOVS   f, (C_TAIL); \
	ADD     LDC, C_TAIL

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

// 4 vectors, 4 rows.
q4r4:
	CMP     $4, ROWS
	BLT     q4r2
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	VEOR    V12.B16, V12.B16, V12.B16; VEOR V13.B16, V13.B16, V13.B16
	VEOR    V14.B16, V14.B16, V14.B16; VEOR V15.B16, V15.B16, V15.B16
	VEOR    V16.B16, V16.B16, V16.B16; VEOR V17.B16, V17.B16, V17.B16
	VEOR    V18.B16, V18.B16, V18.B16; VEOR V19.B16, V19.B16, V19.B16
	VEOR    V20.B16, V20.B16, V20.B16; VEOR V21.B16, V21.B16, V21.B16
	VEOR    V22.B16, V22.B16, V22.B16; VEOR V23.B16, V23.B16, V23.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q4r4Loop:
	VLD1.P  (B_PTR)(LDB), [V0.S4, V1.S4, V2.S4]
	VLD1.P  (B_TAIL)(LDB), [V3.S4]
	MOVD    A_L, A_I
	F32_FMA4(V4, V8, V9, V10, V11)
	F32_FMA4(V5, V12, V13, V14, V15)
	F32_FMA4(V4, V16, V17, V18, V19)
	F32_FMA4(V5, V20, V21, V22, V23)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q4r4Loop
	ADD     A_ROW<<2, A_GROUP
	SUB     $4, ROWS
	CBNZ    BETA_ZERO, q4r4Store
	F32_BETA4(8, V8, V9, V10, V11)
	F32_BETA4(12, V12, V13, V14, V15)
	F32_BETA4(16, V16, V17, V18, V19)
	F32_BETA4(20, V20, V21, V22, V23)
	B       q4r4

q4r4Store:
	F32_STORE4(8, V8, V9, V10, V11)
	F32_STORE4(12, V12, V13, V14, V15)
	F32_STORE4(16, V16, V17, V18, V19)
	F32_STORE4(20, V20, V21, V22, V23)
	B       q4r4

// 4 vectors, 2 rows.
q4r2:
	CMP     $2, ROWS
	BLT     q4r1
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	VEOR    V12.B16, V12.B16, V12.B16; VEOR V13.B16, V13.B16, V13.B16
	VEOR    V14.B16, V14.B16, V14.B16; VEOR V15.B16, V15.B16, V15.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q4r2Loop:
	VLD1.P  (B_PTR)(LDB), [V0.S4, V1.S4, V2.S4]
	VLD1.P  (B_TAIL)(LDB), [V3.S4]
	MOVD    A_L, A_I
	F32_FMA4(V4, V8, V9, V10, V11)
	F32_FMA4(V5, V12, V13, V14, V15)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q4r2Loop
	ADD     A_ROW<<1, A_GROUP
	SUB     $2, ROWS
	CBNZ    BETA_ZERO, q4r2Store
	F32_BETA4(8, V8, V9, V10, V11)
	F32_BETA4(12, V12, V13, V14, V15)
	B       q4r2

q4r2Store:
	F32_STORE4(8, V8, V9, V10, V11)
	F32_STORE4(12, V12, V13, V14, V15)
	B       q4r2

// 4 vectors, 1 row.
q4r1:
	CMP     $1, ROWS
	BLT     done
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q4r1Loop:
	VLD1.P  (B_PTR)(LDB), [V0.S4, V1.S4, V2.S4]
	VLD1.P  (B_TAIL)(LDB), [V3.S4]
	MOVD    A_L, A_I
	F32_FMA4(V4, V8, V9, V10, V11)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q4r1Loop
	ADD     A_ROW, A_GROUP
	SUB     $1, ROWS
	CBNZ    BETA_ZERO, q4r1Store
	F32_BETA4(8, V8, V9, V10, V11)
	B       q4r1

q4r1Store:
	F32_STORE4(8, V8, V9, V10, V11)
	B       q4r1

// 3 vectors, 8 rows.
q3r8:
	CMP     $8, ROWS
	BLT     q3r4
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	VEOR    V12.B16, V12.B16, V12.B16; VEOR V13.B16, V13.B16, V13.B16
	VEOR    V14.B16, V14.B16, V14.B16; VEOR V15.B16, V15.B16, V15.B16
	VEOR    V16.B16, V16.B16, V16.B16; VEOR V17.B16, V17.B16, V17.B16
	VEOR    V18.B16, V18.B16, V18.B16; VEOR V19.B16, V19.B16, V19.B16
	VEOR    V20.B16, V20.B16, V20.B16; VEOR V21.B16, V21.B16, V21.B16
	VEOR    V22.B16, V22.B16, V22.B16; VEOR V23.B16, V23.B16, V23.B16
	VEOR    V24.B16, V24.B16, V24.B16; VEOR V25.B16, V25.B16, V25.B16
	VEOR    V26.B16, V26.B16, V26.B16; VEOR V27.B16, V27.B16, V27.B16
	VEOR    V28.B16, V28.B16, V28.B16; VEOR V29.B16, V29.B16, V29.B16
	VEOR    V30.B16, V30.B16, V30.B16; VEOR V31.B16, V31.B16, V31.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q3r8Loop:
	VLD1.P  (B_PTR)(LDB), [V0.S4, V1.S4]
	VLD1.P  (B_TAIL)(LDB), [V2.S4]
	MOVD    A_L, A_I
	F32_FMA3(V4, V8, V9, V10)
	F32_FMA3(V5, V11, V12, V13)
	F32_FMA3(V4, V14, V15, V16)
	F32_FMA3(V5, V17, V18, V19)
	F32_FMA3(V4, V20, V21, V22)
	F32_FMA3(V5, V23, V24, V25)
	F32_FMA3(V4, V26, V27, V28)
	F32_FMA3(V5, V29, V30, V31)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q3r8Loop
	ADD     A_ROW<<3, A_GROUP
	SUB     $8, ROWS
	CBNZ    BETA_ZERO, q3r8Store
	F32_BETA3(8, V8, V9, V10)
	F32_BETA3(11, V11, V12, V13)
	F32_BETA3(14, V14, V15, V16)
	F32_BETA3(17, V17, V18, V19)
	F32_BETA3(20, V20, V21, V22)
	F32_BETA3(23, V23, V24, V25)
	F32_BETA3(26, V26, V27, V28)
	F32_BETA3(29, V29, V30, V31)
	B       q3r8

q3r8Store:
	F32_STORE3(8, V8, V9, V10)
	F32_STORE3(11, V11, V12, V13)
	F32_STORE3(14, V14, V15, V16)
	F32_STORE3(17, V17, V18, V19)
	F32_STORE3(20, V20, V21, V22)
	F32_STORE3(23, V23, V24, V25)
	F32_STORE3(26, V26, V27, V28)
	F32_STORE3(29, V29, V30, V31)
	B       q3r8

// 3 vectors, 4 rows.
q3r4:
	CMP     $4, ROWS
	BLT     q3r2
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	VEOR    V12.B16, V12.B16, V12.B16; VEOR V13.B16, V13.B16, V13.B16
	VEOR    V14.B16, V14.B16, V14.B16; VEOR V15.B16, V15.B16, V15.B16
	VEOR    V16.B16, V16.B16, V16.B16; VEOR V17.B16, V17.B16, V17.B16
	VEOR    V18.B16, V18.B16, V18.B16; VEOR V19.B16, V19.B16, V19.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q3r4Loop:
	VLD1.P  (B_PTR)(LDB), [V0.S4, V1.S4]
	VLD1.P  (B_TAIL)(LDB), [V2.S4]
	MOVD    A_L, A_I
	F32_FMA3(V4, V8, V9, V10)
	F32_FMA3(V5, V11, V12, V13)
	F32_FMA3(V4, V14, V15, V16)
	F32_FMA3(V5, V17, V18, V19)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q3r4Loop
	ADD     A_ROW<<2, A_GROUP
	SUB     $4, ROWS
	CBNZ    BETA_ZERO, q3r4Store
	F32_BETA3(8, V8, V9, V10)
	F32_BETA3(11, V11, V12, V13)
	F32_BETA3(14, V14, V15, V16)
	F32_BETA3(17, V17, V18, V19)
	B       q3r4

q3r4Store:
	F32_STORE3(8, V8, V9, V10)
	F32_STORE3(11, V11, V12, V13)
	F32_STORE3(14, V14, V15, V16)
	F32_STORE3(17, V17, V18, V19)
	B       q3r4

// 3 vectors, 2 rows.
q3r2:
	CMP     $2, ROWS
	BLT     q3r1
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	VEOR    V12.B16, V12.B16, V12.B16; VEOR V13.B16, V13.B16, V13.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q3r2Loop:
	VLD1.P  (B_PTR)(LDB), [V0.S4, V1.S4]
	VLD1.P  (B_TAIL)(LDB), [V2.S4]
	MOVD    A_L, A_I
	F32_FMA3(V4, V8, V9, V10)
	F32_FMA3(V5, V11, V12, V13)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q3r2Loop
	ADD     A_ROW<<1, A_GROUP
	SUB     $2, ROWS
	CBNZ    BETA_ZERO, q3r2Store
	F32_BETA3(8, V8, V9, V10)
	F32_BETA3(11, V11, V12, V13)
	B       q3r2

q3r2Store:
	F32_STORE3(8, V8, V9, V10)
	F32_STORE3(11, V11, V12, V13)
	B       q3r2

// 3 vectors, 1 row.
q3r1:
	CMP     $1, ROWS
	BLT     done
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q3r1Loop:
	VLD1.P  (B_PTR)(LDB), [V0.S4, V1.S4]
	VLD1.P  (B_TAIL)(LDB), [V2.S4]
	MOVD    A_L, A_I
	F32_FMA3(V4, V8, V9, V10)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q3r1Loop
	ADD     A_ROW, A_GROUP
	SUB     $1, ROWS
	CBNZ    BETA_ZERO, q3r1Store
	F32_BETA3(8, V8, V9, V10)
	B       q3r1

q3r1Store:
	F32_STORE3(8, V8, V9, V10)
	B       q3r1

// 2 vectors, 8 rows.
q2r8:
	CMP     $8, ROWS
	BLT     q2r4
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	VEOR    V12.B16, V12.B16, V12.B16; VEOR V13.B16, V13.B16, V13.B16
	VEOR    V14.B16, V14.B16, V14.B16; VEOR V15.B16, V15.B16, V15.B16
	VEOR    V16.B16, V16.B16, V16.B16; VEOR V17.B16, V17.B16, V17.B16
	VEOR    V18.B16, V18.B16, V18.B16; VEOR V19.B16, V19.B16, V19.B16
	VEOR    V20.B16, V20.B16, V20.B16; VEOR V21.B16, V21.B16, V21.B16
	VEOR    V22.B16, V22.B16, V22.B16; VEOR V23.B16, V23.B16, V23.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q2r8Loop:
	VLD1.P  (B_PTR)(LDB), [V0.S4]
	VLD1.P  (B_TAIL)(LDB), [V1.S4]
	MOVD    A_L, A_I
	F32_FMA2(V4, V8, V9)
	F32_FMA2(V5, V10, V11)
	F32_FMA2(V4, V12, V13)
	F32_FMA2(V5, V14, V15)
	F32_FMA2(V4, V16, V17)
	F32_FMA2(V5, V18, V19)
	F32_FMA2(V4, V20, V21)
	F32_FMA2(V5, V22, V23)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q2r8Loop
	ADD     A_ROW<<3, A_GROUP
	SUB     $8, ROWS
	CBNZ    BETA_ZERO, q2r8Store
	F32_BETA2(8, V8, V9)
	F32_BETA2(10, V10, V11)
	F32_BETA2(12, V12, V13)
	F32_BETA2(14, V14, V15)
	F32_BETA2(16, V16, V17)
	F32_BETA2(18, V18, V19)
	F32_BETA2(20, V20, V21)
	F32_BETA2(22, V22, V23)
	B       q2r8

q2r8Store:
	F32_STORE2(8, V8, V9)
	F32_STORE2(10, V10, V11)
	F32_STORE2(12, V12, V13)
	F32_STORE2(14, V14, V15)
	F32_STORE2(16, V16, V17)
	F32_STORE2(18, V18, V19)
	F32_STORE2(20, V20, V21)
	F32_STORE2(22, V22, V23)
	B       q2r8

// 2 vectors, 4 rows.
q2r4:
	CMP     $4, ROWS
	BLT     q2r2
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	VEOR    V12.B16, V12.B16, V12.B16; VEOR V13.B16, V13.B16, V13.B16
	VEOR    V14.B16, V14.B16, V14.B16; VEOR V15.B16, V15.B16, V15.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q2r4Loop:
	VLD1.P  (B_PTR)(LDB), [V0.S4]
	VLD1.P  (B_TAIL)(LDB), [V1.S4]
	MOVD    A_L, A_I
	F32_FMA2(V4, V8, V9)
	F32_FMA2(V5, V10, V11)
	F32_FMA2(V4, V12, V13)
	F32_FMA2(V5, V14, V15)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q2r4Loop
	ADD     A_ROW<<2, A_GROUP
	SUB     $4, ROWS
	CBNZ    BETA_ZERO, q2r4Store
	F32_BETA2(8, V8, V9)
	F32_BETA2(10, V10, V11)
	F32_BETA2(12, V12, V13)
	F32_BETA2(14, V14, V15)
	B       q2r4

q2r4Store:
	F32_STORE2(8, V8, V9)
	F32_STORE2(10, V10, V11)
	F32_STORE2(12, V12, V13)
	F32_STORE2(14, V14, V15)
	B       q2r4

// 2 vectors, 2 rows.
q2r2:
	CMP     $2, ROWS
	BLT     q2r1
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q2r2Loop:
	VLD1.P  (B_PTR)(LDB), [V0.S4]
	VLD1.P  (B_TAIL)(LDB), [V1.S4]
	MOVD    A_L, A_I
	F32_FMA2(V4, V8, V9)
	F32_FMA2(V5, V10, V11)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q2r2Loop
	ADD     A_ROW<<1, A_GROUP
	SUB     $2, ROWS
	CBNZ    BETA_ZERO, q2r2Store
	F32_BETA2(8, V8, V9)
	F32_BETA2(10, V10, V11)
	B       q2r2

q2r2Store:
	F32_STORE2(8, V8, V9)
	F32_STORE2(10, V10, V11)
	B       q2r2

// 2 vectors, 1 row.
q2r1:
	CMP     $1, ROWS
	BLT     done
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q2r1Loop:
	VLD1.P  (B_PTR)(LDB), [V0.S4]
	VLD1.P  (B_TAIL)(LDB), [V1.S4]
	MOVD    A_L, A_I
	F32_FMA2(V4, V8, V9)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q2r1Loop
	ADD     A_ROW, A_GROUP
	SUB     $1, ROWS
	CBNZ    BETA_ZERO, q2r1Store
	F32_BETA2(8, V8, V9)
	B       q2r1

q2r1Store:
	F32_STORE2(8, V8, V9)
	B       q2r1

// 1 vector, 8 rows.
q1r8:
	CMP     $8, ROWS
	BLT     q1r4
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	VEOR    V12.B16, V12.B16, V12.B16; VEOR V13.B16, V13.B16, V13.B16
	VEOR    V14.B16, V14.B16, V14.B16; VEOR V15.B16, V15.B16, V15.B16
	MOVD    A_GROUP, A_L
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q1r8Loop:
	VLD1.P  (B_TAIL)(LDB), [V0.S4]
	MOVD    A_L, A_I
	F32_FMA1(V4, V8)
	F32_FMA1(V5, V9)
	F32_FMA1(V4, V10)
	F32_FMA1(V5, V11)
	F32_FMA1(V4, V12)
	F32_FMA1(V5, V13)
	F32_FMA1(V4, V14)
	F32_FMA1(V5, V15)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q1r8Loop
	ADD     A_ROW<<3, A_GROUP
	SUB     $8, ROWS
	CBNZ    BETA_ZERO, q1r8Store
	F32_BETA1(8, V8)
	F32_BETA1(9, V9)
	F32_BETA1(10, V10)
	F32_BETA1(11, V11)
	F32_BETA1(12, V12)
	F32_BETA1(13, V13)
	F32_BETA1(14, V14)
	F32_BETA1(15, V15)
	B       q1r8

q1r8Store:
	F32_STORE1(8, V8)
	F32_STORE1(9, V9)
	F32_STORE1(10, V10)
	F32_STORE1(11, V11)
	F32_STORE1(12, V12)
	F32_STORE1(13, V13)
	F32_STORE1(14, V14)
	F32_STORE1(15, V15)
	B       q1r8

// 1 vector, 4 rows.
q1r4:
	CMP     $4, ROWS
	BLT     q1r2
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	MOVD    A_GROUP, A_L
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q1r4Loop:
	VLD1.P  (B_TAIL)(LDB), [V0.S4]
	MOVD    A_L, A_I
	F32_FMA1(V4, V8)
	F32_FMA1(V5, V9)
	F32_FMA1(V4, V10)
	F32_FMA1(V5, V11)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q1r4Loop
	ADD     A_ROW<<2, A_GROUP
	SUB     $4, ROWS
	CBNZ    BETA_ZERO, q1r4Store
	F32_BETA1(8, V8)
	F32_BETA1(9, V9)
	F32_BETA1(10, V10)
	F32_BETA1(11, V11)
	B       q1r4

q1r4Store:
	F32_STORE1(8, V8)
	F32_STORE1(9, V9)
	F32_STORE1(10, V10)
	F32_STORE1(11, V11)
	B       q1r4

// 1 vector, 2 rows.
q1r2:
	CMP     $2, ROWS
	BLT     q1r1
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	MOVD    A_GROUP, A_L
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q1r2Loop:
	VLD1.P  (B_TAIL)(LDB), [V0.S4]
	MOVD    A_L, A_I
	F32_FMA1(V4, V8)
	F32_FMA1(V5, V9)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q1r2Loop
	ADD     A_ROW<<1, A_GROUP
	SUB     $2, ROWS
	CBNZ    BETA_ZERO, q1r2Store
	F32_BETA1(8, V8)
	F32_BETA1(9, V9)
	B       q1r2

q1r2Store:
	F32_STORE1(8, V8)
	F32_STORE1(9, V9)
	B       q1r2

// 1 vector, 1 row.
q1r1:
	CMP     $1, ROWS
	BLT     done
	VEOR    V8.B16, V8.B16, V8.B16
	MOVD    A_GROUP, A_L
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q1r1Loop:
	VLD1.P  (B_TAIL)(LDB), [V0.S4]
	MOVD    A_L, A_I
	F32_FMA1(V4, V8)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q1r1Loop
	ADD     A_ROW, A_GROUP
	SUB     $1, ROWS
	CBNZ    BETA_ZERO, q1r1Store
	F32_BETA1(8, V8)
	B       q1r1

q1r1Store:
	F32_STORE1(8, V8)
	B       q1r1

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

// 2 half vectors, 8 rows.
d2r8:
	CMP     $8, ROWS
	BLT     d2r4
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	VEOR    V12.B16, V12.B16, V12.B16; VEOR V13.B16, V13.B16, V13.B16
	VEOR    V14.B16, V14.B16, V14.B16; VEOR V15.B16, V15.B16, V15.B16
	VEOR    V16.B16, V16.B16, V16.B16; VEOR V17.B16, V17.B16, V17.B16
	VEOR    V18.B16, V18.B16, V18.B16; VEOR V19.B16, V19.B16, V19.B16
	VEOR    V20.B16, V20.B16, V20.B16; VEOR V21.B16, V21.B16, V21.B16
	VEOR    V22.B16, V22.B16, V22.B16; VEOR V23.B16, V23.B16, V23.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

d2r8Loop:
	VLD1.P  (B_PTR)(LDB), [V0.S2]
	VLD1.P  (B_TAIL)(LDB), [V1.S2]
	MOVD    A_L, A_I
	F32_FMA2(V4, V8, V9)
	F32_FMA2(V5, V10, V11)
	F32_FMA2(V4, V12, V13)
	F32_FMA2(V5, V14, V15)
	F32_FMA2(V4, V16, V17)
	F32_FMA2(V5, V18, V19)
	F32_FMA2(V4, V20, V21)
	F32_FMA2(V5, V22, V23)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     d2r8Loop
	ADD     A_ROW<<3, A_GROUP
	SUB     $8, ROWS
	CBNZ    BETA_ZERO, d2r8Store
	F32_BETAH2(8, V8, V9)
	F32_BETAH2(10, V10, V11)
	F32_BETAH2(12, V12, V13)
	F32_BETAH2(14, V14, V15)
	F32_BETAH2(16, V16, V17)
	F32_BETAH2(18, V18, V19)
	F32_BETAH2(20, V20, V21)
	F32_BETAH2(22, V22, V23)
	B       d2r8

d2r8Store:
	F32_STOREH2(8, V8, V9)
	F32_STOREH2(10, V10, V11)
	F32_STOREH2(12, V12, V13)
	F32_STOREH2(14, V14, V15)
	F32_STOREH2(16, V16, V17)
	F32_STOREH2(18, V18, V19)
	F32_STOREH2(20, V20, V21)
	F32_STOREH2(22, V22, V23)
	B       d2r8

// 2 half vectors, 4 rows.
d2r4:
	CMP     $4, ROWS
	BLT     d2r2
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	VEOR    V12.B16, V12.B16, V12.B16; VEOR V13.B16, V13.B16, V13.B16
	VEOR    V14.B16, V14.B16, V14.B16; VEOR V15.B16, V15.B16, V15.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

d2r4Loop:
	VLD1.P  (B_PTR)(LDB), [V0.S2]
	VLD1.P  (B_TAIL)(LDB), [V1.S2]
	MOVD    A_L, A_I
	F32_FMA2(V4, V8, V9)
	F32_FMA2(V5, V10, V11)
	F32_FMA2(V4, V12, V13)
	F32_FMA2(V5, V14, V15)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     d2r4Loop
	ADD     A_ROW<<2, A_GROUP
	SUB     $4, ROWS
	CBNZ    BETA_ZERO, d2r4Store
	F32_BETAH2(8, V8, V9)
	F32_BETAH2(10, V10, V11)
	F32_BETAH2(12, V12, V13)
	F32_BETAH2(14, V14, V15)
	B       d2r4

d2r4Store:
	F32_STOREH2(8, V8, V9)
	F32_STOREH2(10, V10, V11)
	F32_STOREH2(12, V12, V13)
	F32_STOREH2(14, V14, V15)
	B       d2r4

// 2 half vectors, 2 rows.
d2r2:
	CMP     $2, ROWS
	BLT     d2r1
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

d2r2Loop:
	VLD1.P  (B_PTR)(LDB), [V0.S2]
	VLD1.P  (B_TAIL)(LDB), [V1.S2]
	MOVD    A_L, A_I
	F32_FMA2(V4, V8, V9)
	F32_FMA2(V5, V10, V11)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     d2r2Loop
	ADD     A_ROW<<1, A_GROUP
	SUB     $2, ROWS
	CBNZ    BETA_ZERO, d2r2Store
	F32_BETAH2(8, V8, V9)
	F32_BETAH2(10, V10, V11)
	B       d2r2

d2r2Store:
	F32_STOREH2(8, V8, V9)
	F32_STOREH2(10, V10, V11)
	B       d2r2

// 2 half vectors, 1 row.
d2r1:
	CMP     $1, ROWS
	BLT     done
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

d2r1Loop:
	VLD1.P  (B_PTR)(LDB), [V0.S2]
	VLD1.P  (B_TAIL)(LDB), [V1.S2]
	MOVD    A_L, A_I
	F32_FMA2(V4, V8, V9)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     d2r1Loop
	ADD     A_ROW, A_GROUP
	SUB     $1, ROWS
	CBNZ    BETA_ZERO, d2r1Store
	F32_BETAH2(8, V8, V9)
	B       d2r1

d2r1Store:
	F32_STOREH2(8, V8, V9)
	B       d2r1

// 1 half vector, 8 rows.
d1r8:
	CMP     $8, ROWS
	BLT     d1r4
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	VEOR    V12.B16, V12.B16, V12.B16; VEOR V13.B16, V13.B16, V13.B16
	VEOR    V14.B16, V14.B16, V14.B16; VEOR V15.B16, V15.B16, V15.B16
	MOVD    A_GROUP, A_L
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

d1r8Loop:
	VLD1.P  (B_TAIL)(LDB), [V0.S2]
	MOVD    A_L, A_I
	F32_FMA1(V4, V8)
	F32_FMA1(V5, V9)
	F32_FMA1(V4, V10)
	F32_FMA1(V5, V11)
	F32_FMA1(V4, V12)
	F32_FMA1(V5, V13)
	F32_FMA1(V4, V14)
	F32_FMA1(V5, V15)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     d1r8Loop
	ADD     A_ROW<<3, A_GROUP
	SUB     $8, ROWS
	CBNZ    BETA_ZERO, d1r8Store
	F32_BETAH1(8, V8)
	F32_BETAH1(9, V9)
	F32_BETAH1(10, V10)
	F32_BETAH1(11, V11)
	F32_BETAH1(12, V12)
	F32_BETAH1(13, V13)
	F32_BETAH1(14, V14)
	F32_BETAH1(15, V15)
	B       d1r8

d1r8Store:
	F32_STOREH1(8, V8)
	F32_STOREH1(9, V9)
	F32_STOREH1(10, V10)
	F32_STOREH1(11, V11)
	F32_STOREH1(12, V12)
	F32_STOREH1(13, V13)
	F32_STOREH1(14, V14)
	F32_STOREH1(15, V15)
	B       d1r8

// 1 half vector, 4 rows.
d1r4:
	CMP     $4, ROWS
	BLT     d1r2
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	MOVD    A_GROUP, A_L
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

d1r4Loop:
	VLD1.P  (B_TAIL)(LDB), [V0.S2]
	MOVD    A_L, A_I
	F32_FMA1(V4, V8)
	F32_FMA1(V5, V9)
	F32_FMA1(V4, V10)
	F32_FMA1(V5, V11)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     d1r4Loop
	ADD     A_ROW<<2, A_GROUP
	SUB     $4, ROWS
	CBNZ    BETA_ZERO, d1r4Store
	F32_BETAH1(8, V8)
	F32_BETAH1(9, V9)
	F32_BETAH1(10, V10)
	F32_BETAH1(11, V11)
	B       d1r4

d1r4Store:
	F32_STOREH1(8, V8)
	F32_STOREH1(9, V9)
	F32_STOREH1(10, V10)
	F32_STOREH1(11, V11)
	B       d1r4

// 1 half vector, 2 rows.
d1r2:
	CMP     $2, ROWS
	BLT     d1r1
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	MOVD    A_GROUP, A_L
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

d1r2Loop:
	VLD1.P  (B_TAIL)(LDB), [V0.S2]
	MOVD    A_L, A_I
	F32_FMA1(V4, V8)
	F32_FMA1(V5, V9)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     d1r2Loop
	ADD     A_ROW<<1, A_GROUP
	SUB     $2, ROWS
	CBNZ    BETA_ZERO, d1r2Store
	F32_BETAH1(8, V8)
	F32_BETAH1(9, V9)
	B       d1r2

d1r2Store:
	F32_STOREH1(8, V8)
	F32_STOREH1(9, V9)
	B       d1r2

// 1 half vector, 1 row.
d1r1:
	CMP     $1, ROWS
	BLT     done
	VEOR    V8.B16, V8.B16, V8.B16
	MOVD    A_GROUP, A_L
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

d1r1Loop:
	VLD1.P  (B_TAIL)(LDB), [V0.S2]
	MOVD    A_L, A_I
	F32_FMA1(V4, V8)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     d1r1Loop
	ADD     A_ROW, A_GROUP
	SUB     $1, ROWS
	CBNZ    BETA_ZERO, d1r1Store
	F32_BETAH1(8, V8)
	B       d1r1

d1r1Store:
	F32_STOREH1(8, V8)
	B       d1r1

// n = 1.
one:
	MOVD    ZR, TAIL
	MOVD    C_PTR, C_TAIL

// 1 element, 8 rows.
s1r8:
	CMP     $8, ROWS
	BLT     s1r4
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	VEOR    V12.B16, V12.B16, V12.B16; VEOR V13.B16, V13.B16, V13.B16
	VEOR    V14.B16, V14.B16, V14.B16; VEOR V15.B16, V15.B16, V15.B16
	MOVD    A_GROUP, A_L
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

s1r8Loop:
	FMOVS   (B_TAIL), F0
	ADD     LDB, B_TAIL
	MOVD    A_L, A_I
	F32_FMA1(V4, V8)
	F32_FMA1(V5, V9)
	F32_FMA1(V4, V10)
	F32_FMA1(V5, V11)
	F32_FMA1(V4, V12)
	F32_FMA1(V5, V13)
	F32_FMA1(V4, V14)
	F32_FMA1(V5, V15)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     s1r8Loop
	ADD     A_ROW<<3, A_GROUP
	SUB     $8, ROWS
	CBNZ    BETA_ZERO, s1r8Store
	F32_BETA_ONE(8, F8)
	F32_BETA_ONE(9, F9)
	F32_BETA_ONE(10, F10)
	F32_BETA_ONE(11, F11)
	F32_BETA_ONE(12, F12)
	F32_BETA_ONE(13, F13)
	F32_BETA_ONE(14, F14)
	F32_BETA_ONE(15, F15)
	B       s1r8

s1r8Store:
	F32_STORE_ONE(8, F8)
	F32_STORE_ONE(9, F9)
	F32_STORE_ONE(10, F10)
	F32_STORE_ONE(11, F11)
	F32_STORE_ONE(12, F12)
	F32_STORE_ONE(13, F13)
	F32_STORE_ONE(14, F14)
	F32_STORE_ONE(15, F15)
	B       s1r8

// 1 element, 4 rows.
s1r4:
	CMP     $4, ROWS
	BLT     s1r2
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	MOVD    A_GROUP, A_L
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

s1r4Loop:
	FMOVS   (B_TAIL), F0
	ADD     LDB, B_TAIL
	MOVD    A_L, A_I
	F32_FMA1(V4, V8)
	F32_FMA1(V5, V9)
	F32_FMA1(V4, V10)
	F32_FMA1(V5, V11)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     s1r4Loop
	ADD     A_ROW<<2, A_GROUP
	SUB     $4, ROWS
	CBNZ    BETA_ZERO, s1r4Store
	F32_BETA_ONE(8, F8)
	F32_BETA_ONE(9, F9)
	F32_BETA_ONE(10, F10)
	F32_BETA_ONE(11, F11)
	B       s1r4

s1r4Store:
	F32_STORE_ONE(8, F8)
	F32_STORE_ONE(9, F9)
	F32_STORE_ONE(10, F10)
	F32_STORE_ONE(11, F11)
	B       s1r4

// 1 element, 2 rows.
s1r2:
	CMP     $2, ROWS
	BLT     s1r1
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	MOVD    A_GROUP, A_L
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

s1r2Loop:
	FMOVS   (B_TAIL), F0
	ADD     LDB, B_TAIL
	MOVD    A_L, A_I
	F32_FMA1(V4, V8)
	F32_FMA1(V5, V9)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     s1r2Loop
	ADD     A_ROW<<1, A_GROUP
	SUB     $2, ROWS
	CBNZ    BETA_ZERO, s1r2Store
	F32_BETA_ONE(8, F8)
	F32_BETA_ONE(9, F9)
	B       s1r2

s1r2Store:
	F32_STORE_ONE(8, F8)
	F32_STORE_ONE(9, F9)
	B       s1r2

// 1 element, 1 row.
s1r1:
	CMP     $1, ROWS
	BLT     done
	VEOR    V8.B16, V8.B16, V8.B16
	MOVD    A_GROUP, A_L
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

s1r1Loop:
	FMOVS   (B_TAIL), F0
	ADD     LDB, B_TAIL
	MOVD    A_L, A_I
	F32_FMA1(V4, V8)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     s1r1Loop
	ADD     A_ROW, A_GROUP
	SUB     $1, ROWS
	CBNZ    BETA_ZERO, s1r1Store
	F32_BETA_ONE(8, F8)
	B       s1r1

s1r1Store:
	F32_STORE_ONE(8, F8)
	B       s1r1

// ---- float64 ----

// F64_FMA1(a, v0) … F64_FMA4(a, v0, …, v3): one row at step l: Va = the
// row's A element, broadcast (A_I moves down a row), then v0… += V0… × Va.
#define F64_FMA1(a, v0) \
	VLD1R.P (A_I)(A_ROW), [a.D2]; \
	VFMLA   V0.D2, a.D2, v0.D2

#define F64_FMA2(a, v0, v1) \
	VLD1R.P (A_I)(A_ROW), [a.D2]; \
	VFMLA   V0.D2, a.D2, v0.D2; \
	VFMLA   V1.D2, a.D2, v1.D2

#define F64_FMA3(a, v0, v1, v2) \
	VLD1R.P (A_I)(A_ROW), [a.D2]; \
	VFMLA   V0.D2, a.D2, v0.D2; \
	VFMLA   V1.D2, a.D2, v1.D2; \
	VFMLA   V2.D2, a.D2, v2.D2

#define F64_FMA4(a, v0, v1, v2, v3) \
	VLD1R.P (A_I)(A_ROW), [a.D2]; \
	VFMLA   V0.D2, a.D2, v0.D2; \
	VFMLA   V1.D2, a.D2, v1.D2; \
	VFMLA   V2.D2, a.D2, v2.D2; \
	VFMLA   V3.D2, a.D2, v3.D2

// F64_BETA1(acc, v0) … F64_BETA4(acc, v0, …, v3): one row of C = beta×C +
// alpha×row (Vacc…, named v0… for the stores), both products rounded,
// then added. Every vector of the row is loaded before any is stored
// (the last may overlap the one before it). C_PTR and C_TAIL move down
// a row.
#define F64_BETA1(acc, v0) \
	VLD1    (C_TAIL), [V0.D2]; \
	FMUL_D2(acc, acc, 6); \
	FMUL_D2(0, 0, 7); \
	FADD_D2(acc, acc, 0); \
	VST1.P  [v0.D2], (C_TAIL)(LDC)

#define F64_BETA2(acc, v0, v1) \
	VLD1    (C_PTR), [V0.D2]; \
	VLD1    (C_TAIL), [V1.D2]; \
	FMUL_D2(acc, acc, 6); \
	FMUL_D2((acc)+1, (acc)+1, 6); \
	FMUL_D2(0, 0, 7); \
	FMUL_D2(1, 1, 7); \
	FADD_D2(acc, acc, 0); \
	FADD_D2((acc)+1, (acc)+1, 1); \
	VST1.P  [v0.D2], (C_PTR)(LDC); \
	VST1.P  [v1.D2], (C_TAIL)(LDC)

#define F64_BETA3(acc, v0, v1, v2) \
	VLD1    (C_PTR), [V0.D2, V1.D2]; \
	VLD1    (C_TAIL), [V2.D2]; \
	FMUL_D2(acc, acc, 6); \
	FMUL_D2((acc)+1, (acc)+1, 6); \
	FMUL_D2((acc)+2, (acc)+2, 6); \
	FMUL_D2(0, 0, 7); \
	FMUL_D2(1, 1, 7); \
	FMUL_D2(2, 2, 7); \
	FADD_D2(acc, acc, 0); \
	FADD_D2((acc)+1, (acc)+1, 1); \
	FADD_D2((acc)+2, (acc)+2, 2); \
	VST1.P  [v0.D2, v1.D2], (C_PTR)(LDC); \
	VST1.P  [v2.D2], (C_TAIL)(LDC)

#define F64_BETA4(acc, v0, v1, v2, v3) \
	VLD1    (C_PTR), [V0.D2, V1.D2, V2.D2]; \
	VLD1    (C_TAIL), [V3.D2]; \
	FMUL_D2(acc, acc, 6); \
	FMUL_D2((acc)+1, (acc)+1, 6); \
	FMUL_D2((acc)+2, (acc)+2, 6); \
	FMUL_D2((acc)+3, (acc)+3, 6); \
	FMUL_D2(0, 0, 7); \
	FMUL_D2(1, 1, 7); \
	FMUL_D2(2, 2, 7); \
	FMUL_D2(3, 3, 7); \
	FADD_D2(acc, acc, 0); \
	FADD_D2((acc)+1, (acc)+1, 1); \
	FADD_D2((acc)+2, (acc)+2, 2); \
	FADD_D2((acc)+3, (acc)+3, 3); \
	VST1.P  [v0.D2, v1.D2, v2.D2], (C_PTR)(LDC); \
	VST1.P  [v3.D2], (C_TAIL)(LDC)

// F64_STORE1(acc, v0) … F64_STORE4: one row of C = alpha×row; C_PTR and
// C_TAIL move down a row.
#define F64_STORE1(acc, v0) \
	FMUL_D2(acc, acc, 6); \
	VST1.P  [v0.D2], (C_TAIL)(LDC)

#define F64_STORE2(acc, v0, v1) \
	FMUL_D2(acc, acc, 6); \
	FMUL_D2((acc)+1, (acc)+1, 6); \
	VST1.P  [v0.D2], (C_PTR)(LDC); \
	VST1.P  [v1.D2], (C_TAIL)(LDC)

#define F64_STORE3(acc, v0, v1, v2) \
	FMUL_D2(acc, acc, 6); \
	FMUL_D2((acc)+1, (acc)+1, 6); \
	FMUL_D2((acc)+2, (acc)+2, 6); \
	VST1.P  [v0.D2, v1.D2], (C_PTR)(LDC); \
	VST1.P  [v2.D2], (C_TAIL)(LDC)

#define F64_STORE4(acc, v0, v1, v2, v3) \
	FMUL_D2(acc, acc, 6); \
	FMUL_D2((acc)+1, (acc)+1, 6); \
	FMUL_D2((acc)+2, (acc)+2, 6); \
	FMUL_D2((acc)+3, (acc)+3, 6); \
	VST1.P  [v0.D2, v1.D2, v2.D2], (C_PTR)(LDC); \
	VST1.P  [v3.D2], (C_TAIL)(LDC)

// F64_BETA_ONE(acc, f): one element of C = beta×C + alpha×Vacc lane 0
// (named f for the store), products rounded, then added; C_TAIL moves
// down a row.
#define F64_BETA_ONE(acc, f) \
	FMOVD   (C_TAIL), F0; \
	FMUL_D2(acc, acc, 6); \
	FMUL_D2(0, 0, 7); \
	FADD_D2(acc, acc, 0); \
	FMOVD   f, (C_TAIL); \
	ADD     LDC, C_TAIL

// F64_STORE_ONE(acc, f): one element of C = alpha×Vacc lane 0 (named f);
// C_TAIL moves down a row.
#define F64_STORE_ONE(acc, f) \
	FMUL_D2(acc, acc, 6); \
	FMOVD   f, (C_TAIL); \
	ADD     LDC, C_TAIL

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

// 4 vectors, 4 rows.
q4r4:
	CMP     $4, ROWS
	BLT     q4r2
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	VEOR    V12.B16, V12.B16, V12.B16; VEOR V13.B16, V13.B16, V13.B16
	VEOR    V14.B16, V14.B16, V14.B16; VEOR V15.B16, V15.B16, V15.B16
	VEOR    V16.B16, V16.B16, V16.B16; VEOR V17.B16, V17.B16, V17.B16
	VEOR    V18.B16, V18.B16, V18.B16; VEOR V19.B16, V19.B16, V19.B16
	VEOR    V20.B16, V20.B16, V20.B16; VEOR V21.B16, V21.B16, V21.B16
	VEOR    V22.B16, V22.B16, V22.B16; VEOR V23.B16, V23.B16, V23.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q4r4Loop:
	VLD1.P  (B_PTR)(LDB), [V0.D2, V1.D2, V2.D2]
	VLD1.P  (B_TAIL)(LDB), [V3.D2]
	MOVD    A_L, A_I
	F64_FMA4(V4, V8, V9, V10, V11)
	F64_FMA4(V5, V12, V13, V14, V15)
	F64_FMA4(V4, V16, V17, V18, V19)
	F64_FMA4(V5, V20, V21, V22, V23)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q4r4Loop
	ADD     A_ROW<<2, A_GROUP
	SUB     $4, ROWS
	CBNZ    BETA_ZERO, q4r4Store
	F64_BETA4(8, V8, V9, V10, V11)
	F64_BETA4(12, V12, V13, V14, V15)
	F64_BETA4(16, V16, V17, V18, V19)
	F64_BETA4(20, V20, V21, V22, V23)
	B       q4r4

q4r4Store:
	F64_STORE4(8, V8, V9, V10, V11)
	F64_STORE4(12, V12, V13, V14, V15)
	F64_STORE4(16, V16, V17, V18, V19)
	F64_STORE4(20, V20, V21, V22, V23)
	B       q4r4

// 4 vectors, 2 rows.
q4r2:
	CMP     $2, ROWS
	BLT     q4r1
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	VEOR    V12.B16, V12.B16, V12.B16; VEOR V13.B16, V13.B16, V13.B16
	VEOR    V14.B16, V14.B16, V14.B16; VEOR V15.B16, V15.B16, V15.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q4r2Loop:
	VLD1.P  (B_PTR)(LDB), [V0.D2, V1.D2, V2.D2]
	VLD1.P  (B_TAIL)(LDB), [V3.D2]
	MOVD    A_L, A_I
	F64_FMA4(V4, V8, V9, V10, V11)
	F64_FMA4(V5, V12, V13, V14, V15)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q4r2Loop
	ADD     A_ROW<<1, A_GROUP
	SUB     $2, ROWS
	CBNZ    BETA_ZERO, q4r2Store
	F64_BETA4(8, V8, V9, V10, V11)
	F64_BETA4(12, V12, V13, V14, V15)
	B       q4r2

q4r2Store:
	F64_STORE4(8, V8, V9, V10, V11)
	F64_STORE4(12, V12, V13, V14, V15)
	B       q4r2

// 4 vectors, 1 row.
q4r1:
	CMP     $1, ROWS
	BLT     done
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q4r1Loop:
	VLD1.P  (B_PTR)(LDB), [V0.D2, V1.D2, V2.D2]
	VLD1.P  (B_TAIL)(LDB), [V3.D2]
	MOVD    A_L, A_I
	F64_FMA4(V4, V8, V9, V10, V11)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q4r1Loop
	ADD     A_ROW, A_GROUP
	SUB     $1, ROWS
	CBNZ    BETA_ZERO, q4r1Store
	F64_BETA4(8, V8, V9, V10, V11)
	B       q4r1

q4r1Store:
	F64_STORE4(8, V8, V9, V10, V11)
	B       q4r1

// 3 vectors, 8 rows.
q3r8:
	CMP     $8, ROWS
	BLT     q3r4
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	VEOR    V12.B16, V12.B16, V12.B16; VEOR V13.B16, V13.B16, V13.B16
	VEOR    V14.B16, V14.B16, V14.B16; VEOR V15.B16, V15.B16, V15.B16
	VEOR    V16.B16, V16.B16, V16.B16; VEOR V17.B16, V17.B16, V17.B16
	VEOR    V18.B16, V18.B16, V18.B16; VEOR V19.B16, V19.B16, V19.B16
	VEOR    V20.B16, V20.B16, V20.B16; VEOR V21.B16, V21.B16, V21.B16
	VEOR    V22.B16, V22.B16, V22.B16; VEOR V23.B16, V23.B16, V23.B16
	VEOR    V24.B16, V24.B16, V24.B16; VEOR V25.B16, V25.B16, V25.B16
	VEOR    V26.B16, V26.B16, V26.B16; VEOR V27.B16, V27.B16, V27.B16
	VEOR    V28.B16, V28.B16, V28.B16; VEOR V29.B16, V29.B16, V29.B16
	VEOR    V30.B16, V30.B16, V30.B16; VEOR V31.B16, V31.B16, V31.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q3r8Loop:
	VLD1.P  (B_PTR)(LDB), [V0.D2, V1.D2]
	VLD1.P  (B_TAIL)(LDB), [V2.D2]
	MOVD    A_L, A_I
	F64_FMA3(V4, V8, V9, V10)
	F64_FMA3(V5, V11, V12, V13)
	F64_FMA3(V4, V14, V15, V16)
	F64_FMA3(V5, V17, V18, V19)
	F64_FMA3(V4, V20, V21, V22)
	F64_FMA3(V5, V23, V24, V25)
	F64_FMA3(V4, V26, V27, V28)
	F64_FMA3(V5, V29, V30, V31)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q3r8Loop
	ADD     A_ROW<<3, A_GROUP
	SUB     $8, ROWS
	CBNZ    BETA_ZERO, q3r8Store
	F64_BETA3(8, V8, V9, V10)
	F64_BETA3(11, V11, V12, V13)
	F64_BETA3(14, V14, V15, V16)
	F64_BETA3(17, V17, V18, V19)
	F64_BETA3(20, V20, V21, V22)
	F64_BETA3(23, V23, V24, V25)
	F64_BETA3(26, V26, V27, V28)
	F64_BETA3(29, V29, V30, V31)
	B       q3r8

q3r8Store:
	F64_STORE3(8, V8, V9, V10)
	F64_STORE3(11, V11, V12, V13)
	F64_STORE3(14, V14, V15, V16)
	F64_STORE3(17, V17, V18, V19)
	F64_STORE3(20, V20, V21, V22)
	F64_STORE3(23, V23, V24, V25)
	F64_STORE3(26, V26, V27, V28)
	F64_STORE3(29, V29, V30, V31)
	B       q3r8

// 3 vectors, 4 rows.
q3r4:
	CMP     $4, ROWS
	BLT     q3r2
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	VEOR    V12.B16, V12.B16, V12.B16; VEOR V13.B16, V13.B16, V13.B16
	VEOR    V14.B16, V14.B16, V14.B16; VEOR V15.B16, V15.B16, V15.B16
	VEOR    V16.B16, V16.B16, V16.B16; VEOR V17.B16, V17.B16, V17.B16
	VEOR    V18.B16, V18.B16, V18.B16; VEOR V19.B16, V19.B16, V19.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q3r4Loop:
	VLD1.P  (B_PTR)(LDB), [V0.D2, V1.D2]
	VLD1.P  (B_TAIL)(LDB), [V2.D2]
	MOVD    A_L, A_I
	F64_FMA3(V4, V8, V9, V10)
	F64_FMA3(V5, V11, V12, V13)
	F64_FMA3(V4, V14, V15, V16)
	F64_FMA3(V5, V17, V18, V19)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q3r4Loop
	ADD     A_ROW<<2, A_GROUP
	SUB     $4, ROWS
	CBNZ    BETA_ZERO, q3r4Store
	F64_BETA3(8, V8, V9, V10)
	F64_BETA3(11, V11, V12, V13)
	F64_BETA3(14, V14, V15, V16)
	F64_BETA3(17, V17, V18, V19)
	B       q3r4

q3r4Store:
	F64_STORE3(8, V8, V9, V10)
	F64_STORE3(11, V11, V12, V13)
	F64_STORE3(14, V14, V15, V16)
	F64_STORE3(17, V17, V18, V19)
	B       q3r4

// 3 vectors, 2 rows.
q3r2:
	CMP     $2, ROWS
	BLT     q3r1
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	VEOR    V12.B16, V12.B16, V12.B16; VEOR V13.B16, V13.B16, V13.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q3r2Loop:
	VLD1.P  (B_PTR)(LDB), [V0.D2, V1.D2]
	VLD1.P  (B_TAIL)(LDB), [V2.D2]
	MOVD    A_L, A_I
	F64_FMA3(V4, V8, V9, V10)
	F64_FMA3(V5, V11, V12, V13)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q3r2Loop
	ADD     A_ROW<<1, A_GROUP
	SUB     $2, ROWS
	CBNZ    BETA_ZERO, q3r2Store
	F64_BETA3(8, V8, V9, V10)
	F64_BETA3(11, V11, V12, V13)
	B       q3r2

q3r2Store:
	F64_STORE3(8, V8, V9, V10)
	F64_STORE3(11, V11, V12, V13)
	B       q3r2

// 3 vectors, 1 row.
q3r1:
	CMP     $1, ROWS
	BLT     done
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q3r1Loop:
	VLD1.P  (B_PTR)(LDB), [V0.D2, V1.D2]
	VLD1.P  (B_TAIL)(LDB), [V2.D2]
	MOVD    A_L, A_I
	F64_FMA3(V4, V8, V9, V10)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q3r1Loop
	ADD     A_ROW, A_GROUP
	SUB     $1, ROWS
	CBNZ    BETA_ZERO, q3r1Store
	F64_BETA3(8, V8, V9, V10)
	B       q3r1

q3r1Store:
	F64_STORE3(8, V8, V9, V10)
	B       q3r1

// 2 vectors, 8 rows.
q2r8:
	CMP     $8, ROWS
	BLT     q2r4
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	VEOR    V12.B16, V12.B16, V12.B16; VEOR V13.B16, V13.B16, V13.B16
	VEOR    V14.B16, V14.B16, V14.B16; VEOR V15.B16, V15.B16, V15.B16
	VEOR    V16.B16, V16.B16, V16.B16; VEOR V17.B16, V17.B16, V17.B16
	VEOR    V18.B16, V18.B16, V18.B16; VEOR V19.B16, V19.B16, V19.B16
	VEOR    V20.B16, V20.B16, V20.B16; VEOR V21.B16, V21.B16, V21.B16
	VEOR    V22.B16, V22.B16, V22.B16; VEOR V23.B16, V23.B16, V23.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q2r8Loop:
	VLD1.P  (B_PTR)(LDB), [V0.D2]
	VLD1.P  (B_TAIL)(LDB), [V1.D2]
	MOVD    A_L, A_I
	F64_FMA2(V4, V8, V9)
	F64_FMA2(V5, V10, V11)
	F64_FMA2(V4, V12, V13)
	F64_FMA2(V5, V14, V15)
	F64_FMA2(V4, V16, V17)
	F64_FMA2(V5, V18, V19)
	F64_FMA2(V4, V20, V21)
	F64_FMA2(V5, V22, V23)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q2r8Loop
	ADD     A_ROW<<3, A_GROUP
	SUB     $8, ROWS
	CBNZ    BETA_ZERO, q2r8Store
	F64_BETA2(8, V8, V9)
	F64_BETA2(10, V10, V11)
	F64_BETA2(12, V12, V13)
	F64_BETA2(14, V14, V15)
	F64_BETA2(16, V16, V17)
	F64_BETA2(18, V18, V19)
	F64_BETA2(20, V20, V21)
	F64_BETA2(22, V22, V23)
	B       q2r8

q2r8Store:
	F64_STORE2(8, V8, V9)
	F64_STORE2(10, V10, V11)
	F64_STORE2(12, V12, V13)
	F64_STORE2(14, V14, V15)
	F64_STORE2(16, V16, V17)
	F64_STORE2(18, V18, V19)
	F64_STORE2(20, V20, V21)
	F64_STORE2(22, V22, V23)
	B       q2r8

// 2 vectors, 4 rows.
q2r4:
	CMP     $4, ROWS
	BLT     q2r2
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	VEOR    V12.B16, V12.B16, V12.B16; VEOR V13.B16, V13.B16, V13.B16
	VEOR    V14.B16, V14.B16, V14.B16; VEOR V15.B16, V15.B16, V15.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q2r4Loop:
	VLD1.P  (B_PTR)(LDB), [V0.D2]
	VLD1.P  (B_TAIL)(LDB), [V1.D2]
	MOVD    A_L, A_I
	F64_FMA2(V4, V8, V9)
	F64_FMA2(V5, V10, V11)
	F64_FMA2(V4, V12, V13)
	F64_FMA2(V5, V14, V15)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q2r4Loop
	ADD     A_ROW<<2, A_GROUP
	SUB     $4, ROWS
	CBNZ    BETA_ZERO, q2r4Store
	F64_BETA2(8, V8, V9)
	F64_BETA2(10, V10, V11)
	F64_BETA2(12, V12, V13)
	F64_BETA2(14, V14, V15)
	B       q2r4

q2r4Store:
	F64_STORE2(8, V8, V9)
	F64_STORE2(10, V10, V11)
	F64_STORE2(12, V12, V13)
	F64_STORE2(14, V14, V15)
	B       q2r4

// 2 vectors, 2 rows.
q2r2:
	CMP     $2, ROWS
	BLT     q2r1
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q2r2Loop:
	VLD1.P  (B_PTR)(LDB), [V0.D2]
	VLD1.P  (B_TAIL)(LDB), [V1.D2]
	MOVD    A_L, A_I
	F64_FMA2(V4, V8, V9)
	F64_FMA2(V5, V10, V11)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q2r2Loop
	ADD     A_ROW<<1, A_GROUP
	SUB     $2, ROWS
	CBNZ    BETA_ZERO, q2r2Store
	F64_BETA2(8, V8, V9)
	F64_BETA2(10, V10, V11)
	B       q2r2

q2r2Store:
	F64_STORE2(8, V8, V9)
	F64_STORE2(10, V10, V11)
	B       q2r2

// 2 vectors, 1 row.
q2r1:
	CMP     $1, ROWS
	BLT     done
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	MOVD    A_GROUP, A_L
	MOVD    B_BASE, B_PTR
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q2r1Loop:
	VLD1.P  (B_PTR)(LDB), [V0.D2]
	VLD1.P  (B_TAIL)(LDB), [V1.D2]
	MOVD    A_L, A_I
	F64_FMA2(V4, V8, V9)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q2r1Loop
	ADD     A_ROW, A_GROUP
	SUB     $1, ROWS
	CBNZ    BETA_ZERO, q2r1Store
	F64_BETA2(8, V8, V9)
	B       q2r1

q2r1Store:
	F64_STORE2(8, V8, V9)
	B       q2r1

// 1 vector, 8 rows.
q1r8:
	CMP     $8, ROWS
	BLT     q1r4
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	VEOR    V12.B16, V12.B16, V12.B16; VEOR V13.B16, V13.B16, V13.B16
	VEOR    V14.B16, V14.B16, V14.B16; VEOR V15.B16, V15.B16, V15.B16
	MOVD    A_GROUP, A_L
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q1r8Loop:
	VLD1.P  (B_TAIL)(LDB), [V0.D2]
	MOVD    A_L, A_I
	F64_FMA1(V4, V8)
	F64_FMA1(V5, V9)
	F64_FMA1(V4, V10)
	F64_FMA1(V5, V11)
	F64_FMA1(V4, V12)
	F64_FMA1(V5, V13)
	F64_FMA1(V4, V14)
	F64_FMA1(V5, V15)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q1r8Loop
	ADD     A_ROW<<3, A_GROUP
	SUB     $8, ROWS
	CBNZ    BETA_ZERO, q1r8Store
	F64_BETA1(8, V8)
	F64_BETA1(9, V9)
	F64_BETA1(10, V10)
	F64_BETA1(11, V11)
	F64_BETA1(12, V12)
	F64_BETA1(13, V13)
	F64_BETA1(14, V14)
	F64_BETA1(15, V15)
	B       q1r8

q1r8Store:
	F64_STORE1(8, V8)
	F64_STORE1(9, V9)
	F64_STORE1(10, V10)
	F64_STORE1(11, V11)
	F64_STORE1(12, V12)
	F64_STORE1(13, V13)
	F64_STORE1(14, V14)
	F64_STORE1(15, V15)
	B       q1r8

// 1 vector, 4 rows.
q1r4:
	CMP     $4, ROWS
	BLT     q1r2
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	MOVD    A_GROUP, A_L
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q1r4Loop:
	VLD1.P  (B_TAIL)(LDB), [V0.D2]
	MOVD    A_L, A_I
	F64_FMA1(V4, V8)
	F64_FMA1(V5, V9)
	F64_FMA1(V4, V10)
	F64_FMA1(V5, V11)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q1r4Loop
	ADD     A_ROW<<2, A_GROUP
	SUB     $4, ROWS
	CBNZ    BETA_ZERO, q1r4Store
	F64_BETA1(8, V8)
	F64_BETA1(9, V9)
	F64_BETA1(10, V10)
	F64_BETA1(11, V11)
	B       q1r4

q1r4Store:
	F64_STORE1(8, V8)
	F64_STORE1(9, V9)
	F64_STORE1(10, V10)
	F64_STORE1(11, V11)
	B       q1r4

// 1 vector, 2 rows.
q1r2:
	CMP     $2, ROWS
	BLT     q1r1
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	MOVD    A_GROUP, A_L
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q1r2Loop:
	VLD1.P  (B_TAIL)(LDB), [V0.D2]
	MOVD    A_L, A_I
	F64_FMA1(V4, V8)
	F64_FMA1(V5, V9)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q1r2Loop
	ADD     A_ROW<<1, A_GROUP
	SUB     $2, ROWS
	CBNZ    BETA_ZERO, q1r2Store
	F64_BETA1(8, V8)
	F64_BETA1(9, V9)
	B       q1r2

q1r2Store:
	F64_STORE1(8, V8)
	F64_STORE1(9, V9)
	B       q1r2

// 1 vector, 1 row.
q1r1:
	CMP     $1, ROWS
	BLT     done
	VEOR    V8.B16, V8.B16, V8.B16
	MOVD    A_GROUP, A_L
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

q1r1Loop:
	VLD1.P  (B_TAIL)(LDB), [V0.D2]
	MOVD    A_L, A_I
	F64_FMA1(V4, V8)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     q1r1Loop
	ADD     A_ROW, A_GROUP
	SUB     $1, ROWS
	CBNZ    BETA_ZERO, q1r1Store
	F64_BETA1(8, V8)
	B       q1r1

q1r1Store:
	F64_STORE1(8, V8)
	B       q1r1

done:
	RET

// n = 1: one element per row.
narrow:
	MOVD    ZR, TAIL
	MOVD    C_PTR, C_TAIL

// 1 element, 8 rows.
s1r8:
	CMP     $8, ROWS
	BLT     s1r4
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	VEOR    V12.B16, V12.B16, V12.B16; VEOR V13.B16, V13.B16, V13.B16
	VEOR    V14.B16, V14.B16, V14.B16; VEOR V15.B16, V15.B16, V15.B16
	MOVD    A_GROUP, A_L
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

s1r8Loop:
	FMOVD   (B_TAIL), F0
	ADD     LDB, B_TAIL
	MOVD    A_L, A_I
	F64_FMA1(V4, V8)
	F64_FMA1(V5, V9)
	F64_FMA1(V4, V10)
	F64_FMA1(V5, V11)
	F64_FMA1(V4, V12)
	F64_FMA1(V5, V13)
	F64_FMA1(V4, V14)
	F64_FMA1(V5, V15)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     s1r8Loop
	ADD     A_ROW<<3, A_GROUP
	SUB     $8, ROWS
	CBNZ    BETA_ZERO, s1r8Store
	F64_BETA_ONE(8, F8)
	F64_BETA_ONE(9, F9)
	F64_BETA_ONE(10, F10)
	F64_BETA_ONE(11, F11)
	F64_BETA_ONE(12, F12)
	F64_BETA_ONE(13, F13)
	F64_BETA_ONE(14, F14)
	F64_BETA_ONE(15, F15)
	B       s1r8

s1r8Store:
	F64_STORE_ONE(8, F8)
	F64_STORE_ONE(9, F9)
	F64_STORE_ONE(10, F10)
	F64_STORE_ONE(11, F11)
	F64_STORE_ONE(12, F12)
	F64_STORE_ONE(13, F13)
	F64_STORE_ONE(14, F14)
	F64_STORE_ONE(15, F15)
	B       s1r8

// 1 element, 4 rows.
s1r4:
	CMP     $4, ROWS
	BLT     s1r2
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	VEOR    V10.B16, V10.B16, V10.B16; VEOR V11.B16, V11.B16, V11.B16
	MOVD    A_GROUP, A_L
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

s1r4Loop:
	FMOVD   (B_TAIL), F0
	ADD     LDB, B_TAIL
	MOVD    A_L, A_I
	F64_FMA1(V4, V8)
	F64_FMA1(V5, V9)
	F64_FMA1(V4, V10)
	F64_FMA1(V5, V11)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     s1r4Loop
	ADD     A_ROW<<2, A_GROUP
	SUB     $4, ROWS
	CBNZ    BETA_ZERO, s1r4Store
	F64_BETA_ONE(8, F8)
	F64_BETA_ONE(9, F9)
	F64_BETA_ONE(10, F10)
	F64_BETA_ONE(11, F11)
	B       s1r4

s1r4Store:
	F64_STORE_ONE(8, F8)
	F64_STORE_ONE(9, F9)
	F64_STORE_ONE(10, F10)
	F64_STORE_ONE(11, F11)
	B       s1r4

// 1 element, 2 rows.
s1r2:
	CMP     $2, ROWS
	BLT     s1r1
	VEOR    V8.B16, V8.B16, V8.B16; VEOR V9.B16, V9.B16, V9.B16
	MOVD    A_GROUP, A_L
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

s1r2Loop:
	FMOVD   (B_TAIL), F0
	ADD     LDB, B_TAIL
	MOVD    A_L, A_I
	F64_FMA1(V4, V8)
	F64_FMA1(V5, V9)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     s1r2Loop
	ADD     A_ROW<<1, A_GROUP
	SUB     $2, ROWS
	CBNZ    BETA_ZERO, s1r2Store
	F64_BETA_ONE(8, F8)
	F64_BETA_ONE(9, F9)
	B       s1r2

s1r2Store:
	F64_STORE_ONE(8, F8)
	F64_STORE_ONE(9, F9)
	B       s1r2

// 1 element, 1 row.
s1r1:
	CMP     $1, ROWS
	BLT     done
	VEOR    V8.B16, V8.B16, V8.B16
	MOVD    A_GROUP, A_L
	ADD     TAIL, B_BASE, B_TAIL
	MOVD    K, K_LEFT

s1r1Loop:
	FMOVD   (B_TAIL), F0
	ADD     LDB, B_TAIL
	MOVD    A_L, A_I
	F64_FMA1(V4, V8)
	ADD     A_STEP, A_L
	SUBS    $1, K_LEFT
	BNE     s1r1Loop
	ADD     A_ROW, A_GROUP
	SUB     $1, ROWS
	CBNZ    BETA_ZERO, s1r1Store
	F64_BETA_ONE(8, F8)
	B       s1r1

s1r1Store:
	F64_STORE_ONE(8, F8)
	B       s1r1
