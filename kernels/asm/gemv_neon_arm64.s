//go:build !purego

#include "textflag.h"
#include "neon_arm64.h"

// Matrix-vector kernels for NEON (arm64 ASIMD). See gemv_arm64.go for what
// each computes. The axpy form streams four matrix rows at a time across the
// columns (16 float32 or 8 float64 per trip), keeping y in memory (it stays
// in L1), with x[p]…x[p+3] broadcast into V16–V19; the dot form takes four
// rows at a time against one load of x, two vectors deep, with eight vector
// accumulators V0–V7 (row r in V(2r), V(2r+1)).
//
// NEON has no masked loads, so the last elements of a row that do not fill
// a vector (< 4 float32, < 2 float64) are done one at a time with scalar
// FMADDS/FMADDD, which read exactly those elements and never past the row's
// end. In the axpy form a scalar FMADD rounds like a lane of FMLA, so each
// y[j] gets the same FMAs in the same order wherever it sits. In the dot
// form the scalar terms go into a scalar sum per row (F24–F27), added to
// the reduced vector sum at the end.
//
// Go's assembler has no vector FADD/FADDP, so they are WORDs built by
// neon_arm64.h's macros from register numbers (0–31, the Vn of the
// comments); `go tool objdump` decodes them back. The macros below take
// the arrangement T (S4 for float32, D2 for float64): the vector code of
// the two types is the same but for it.

#define X_PTR R0  // x (axpy: the group's x[p], moving down the rows)
#define M_ROW R1  // the group's first matrix row
#define LDM R2    // the matrix's leading dimension, in bytes
#define Y_PTR R3  // y (dot: the group's y[i], moving down the outputs)
#define ROWS R4   // rows (axpy: of the sum's depth; dot: outputs) left
#define WIDTH R5  // row length in elements (axpy: n; dot: k)
#define M0 R6     // the group's first row, moving along it
#define M1 R7     // second row
#define M2 R8     // third row
#define M3 R9     // fourth row
#define YP R10    // axpy: position in y along the columns
#define XP R11    // dot: position in x along the depth
#define LEFT R12  // elements of the row left

// FOUR_ROWS: M0…M3 = the group's four rows, from M_ROW; M_ROW moves past
// them.
#define FOUR_ROWS \
	MOVD M_ROW, M0; \
	ADD  LDM, M0, M1; \
	ADD  LDM, M1, M2; \
	ADD  LDM, M2, M3; \
	ADD  LDM, M3, M_ROW

// ---- axpy form ----
//
// V0–V3    y (up to 16 floats / 8 doubles)
// V4–V15,  the rows' elements (row 0 V4–V7, row 1 V8–V11, row 2 V12–V15,
// V20–V23  row 3 V20–V23)
// V16–V19  x[p]…x[p+3], broadcast; lane 0 (F16–F19) for the scalar tail

// AXPY_X4(size, T): V16…V19 = x[p]…x[p+3] (size bytes each), broadcast;
// X_PTR moves past them.
#define AXPY_X4(size, T) \
	VLD1R.P size(X_PTR), [V16.T]; \
	VLD1R.P size(X_PTR), [V17.T]; \
	VLD1R.P size(X_PTR), [V18.T]; \
	VLD1R.P size(X_PTR), [V19.T]

// AXPY_ROW(T, x, r0, r1, r2, r3): y's V0…V3 += one row's r0…r3 × Vx.
#define AXPY_ROW(T, x, r0, r1, r2, r3) \
	VFMLA r0.T, x.T, V0.T; \
	VFMLA r1.T, x.T, V1.T; \
	VFMLA r2.T, x.T, V2.T; \
	VFMLA r3.T, x.T, V3.T

// AXPY4_V4(T): four vectors of y (64 bytes) += the four rows' next four
// vectors × x[p]…x[p+3], row by row; YP and M0…M3 move on.
#define AXPY4_V4(T) \
	VLD1   (YP), [V0.T, V1.T, V2.T, V3.T]; \
	VLD1.P 64(M0), [V4.T, V5.T, V6.T, V7.T]; \
	VLD1.P 64(M1), [V8.T, V9.T, V10.T, V11.T]; \
	VLD1.P 64(M2), [V12.T, V13.T, V14.T, V15.T]; \
	VLD1.P 64(M3), [V20.T, V21.T, V22.T, V23.T]; \
	AXPY_ROW(T, V16, V4, V5, V6, V7); \
	AXPY_ROW(T, V17, V8, V9, V10, V11); \
	AXPY_ROW(T, V18, V12, V13, V14, V15); \
	AXPY_ROW(T, V19, V20, V21, V22, V23); \
	VST1.P [V0.T, V1.T, V2.T, V3.T], 64(YP)

// AXPY4_V1(T): the same on one vector (16 bytes).
#define AXPY4_V1(T) \
	VLD1   (YP), [V0.T]; \
	VLD1.P 16(M0), [V4.T]; \
	VLD1.P 16(M1), [V8.T]; \
	VLD1.P 16(M2), [V12.T]; \
	VLD1.P 16(M3), [V20.T]; \
	VFMLA  V4.T, V16.T, V0.T; \
	VFMLA  V8.T, V17.T, V0.T; \
	VFMLA  V12.T, V18.T, V0.T; \
	VFMLA  V20.T, V19.T, V0.T; \
	VST1.P [V0.T], 16(YP)

// AXPY1_V4(T), AXPY1_V1(T): four vectors / one vector of y += one row (M0)
// × x[p] (V16); YP and M0 move on.
#define AXPY1_V4(T) \
	VLD1   (YP), [V0.T, V1.T, V2.T, V3.T]; \
	VLD1.P 64(M0), [V4.T, V5.T, V6.T, V7.T]; \
	AXPY_ROW(T, V16, V4, V5, V6, V7); \
	VST1.P [V0.T, V1.T, V2.T, V3.T], 64(YP)

#define AXPY1_V1(T) \
	VLD1   (YP), [V0.T]; \
	VLD1.P 16(M0), [V4.T]; \
	VFMLA  V4.T, V16.T, V0.T; \
	VST1.P [V0.T], 16(YP)

// func GemvAxpyF32NEON(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
//	for p := 0; p < k; p++ {
//		for j := 0; j < n; j++ { y[j] += x[p] * m[p*ldm+j] } // one FMA
//	}
//
// Requires ASIMD.
TEXT ·GemvAxpyF32NEON(SB), NOSPLIT, $0-48
	MOVD k+0(FP), ROWS
	MOVD n+8(FP), WIDTH
	MOVD x+16(FP), X_PTR
	MOVD m+24(FP), M_ROW
	MOVD ldm+32(FP), LDM
	LSL  $2, LDM
	MOVD y+40(FP), Y_PTR

axpy4Rows:
	CMP     $4, ROWS
	BLT     axpy1Row
	AXPY_X4(4, S4)
	FOUR_ROWS
	MOVD    Y_PTR, YP
	MOVD    WIDTH, LEFT
	SUB     $4, ROWS

axpy4Cols16:
	CMP    $16, LEFT
	BLT    axpy4Cols4
	AXPY4_V4(S4)
	SUB    $16, LEFT
	B      axpy4Cols16

axpy4Cols4:
	CMP    $4, LEFT
	BLT    axpy4Tail
	AXPY4_V1(S4)
	SUB    $4, LEFT
	B      axpy4Cols4

axpy4Tail:
	// The last 0..3 columns, one at a time.
	CBZ     LEFT, axpy4Rows
	FMOVS   (YP), F0
	FMOVS.P 4(M0), F4
	FMOVS.P 4(M1), F8
	FMOVS.P 4(M2), F12
	FMOVS.P 4(M3), F20
	FMADDS  F16, F0, F4, F0  // F0 += F4 * F16
	FMADDS  F17, F0, F8, F0
	FMADDS  F18, F0, F12, F0
	FMADDS  F19, F0, F20, F0
	FMOVS.P F0, 4(YP)
	SUB     $1, LEFT
	B       axpy4Tail

axpy1Row:
	// The last 0..3 rows, one at a time.
	CBZ     ROWS, axpyDone
	VLD1R.P 4(X_PTR), [V16.S4]
	MOVD    M_ROW, M0
	ADD     LDM, M_ROW
	MOVD    Y_PTR, YP
	MOVD    WIDTH, LEFT
	SUB     $1, ROWS

axpy1Cols16:
	CMP    $16, LEFT
	BLT    axpy1Cols4
	AXPY1_V4(S4)
	SUB    $16, LEFT
	B      axpy1Cols16

axpy1Cols4:
	CMP    $4, LEFT
	BLT    axpy1Tail
	AXPY1_V1(S4)
	SUB    $4, LEFT
	B      axpy1Cols4

axpy1Tail:
	CBZ     LEFT, axpy1Row
	FMOVS   (YP), F0
	FMOVS.P 4(M0), F4
	FMADDS  F16, F0, F4, F0  // F0 += F4 * F16
	FMOVS.P F0, 4(YP)
	SUB     $1, LEFT
	B       axpy1Tail

axpyDone:
	RET

// func GemvAxpyF64NEON(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
//	for p := 0; p < k; p++ {
//		for j := 0; j < n; j++ { y[j] += x[p] * m[p*ldm+j] } // one FMA
//	}
//
// Requires ASIMD.
TEXT ·GemvAxpyF64NEON(SB), NOSPLIT, $0-48
	MOVD k+0(FP), ROWS
	MOVD n+8(FP), WIDTH
	MOVD x+16(FP), X_PTR
	MOVD m+24(FP), M_ROW
	MOVD ldm+32(FP), LDM
	LSL  $3, LDM
	MOVD y+40(FP), Y_PTR

axpy4Rows:
	CMP     $4, ROWS
	BLT     axpy1Row
	AXPY_X4(8, D2)
	FOUR_ROWS
	MOVD    Y_PTR, YP
	MOVD    WIDTH, LEFT
	SUB     $4, ROWS

axpy4Cols8:
	CMP    $8, LEFT
	BLT    axpy4Cols2
	AXPY4_V4(D2)
	SUB    $8, LEFT
	B      axpy4Cols8

axpy4Cols2:
	CMP    $2, LEFT
	BLT    axpy4Tail
	AXPY4_V1(D2)
	SUB    $2, LEFT
	B      axpy4Cols2

axpy4Tail:
	// The last column, if n is odd.
	CBZ    LEFT, axpy4Rows
	FMOVD  (YP), F0
	FMOVD  (M0), F4
	FMOVD  (M1), F8
	FMOVD  (M2), F12
	FMOVD  (M3), F20
	FMADDD F16, F0, F4, F0  // F0 += F4 * F16
	FMADDD F17, F0, F8, F0
	FMADDD F18, F0, F12, F0
	FMADDD F19, F0, F20, F0
	FMOVD  F0, (YP)
	B      axpy4Rows

axpy1Row:
	// The last 0..3 rows, one at a time.
	CBZ     ROWS, axpyDone
	VLD1R.P 8(X_PTR), [V16.D2]
	MOVD    M_ROW, M0
	ADD     LDM, M_ROW
	MOVD    Y_PTR, YP
	MOVD    WIDTH, LEFT
	SUB     $1, ROWS

axpy1Cols8:
	CMP    $8, LEFT
	BLT    axpy1Cols2
	AXPY1_V4(D2)
	SUB    $8, LEFT
	B      axpy1Cols8

axpy1Cols2:
	CMP    $2, LEFT
	BLT    axpy1Tail
	AXPY1_V1(D2)
	SUB    $2, LEFT
	B      axpy1Cols2

axpy1Tail:
	CBZ    LEFT, axpy1Row
	FMOVD  (YP), F0
	FMOVD  (M0), F4
	FMADDD F16, F0, F4, F0  // F0 += F4 * F16
	FMOVD  F0, (YP)
	B      axpy1Row

axpyDone:
	RET

// ---- dot form ----
//
// V0–V7    row r's partial sums in V(2r) (even vectors of the depth) and
//          V(2r+1) (odd ones)
// V8–V15   row r's elements in V(8+2r), V(9+2r)
// V16–V17  x
// F24–F27  row r's sum of the scalar tail (< one vector)
//
// Reduction, the same for a row in a group of four or alone: its two
// vectors added lane-wise, the lanes summed pairwise ((l0+l1)+(l2+l3) for
// float32, l0+l1 for float64), then the tail's sum added, then y[i].

// DOT_ZERO4: the four rows' partial sums V0–V7 and tail sums F24–F27 = 0.
#define DOT_ZERO4 \
	VEOR V0.B16, V0.B16, V0.B16; \
	VEOR V1.B16, V1.B16, V1.B16; \
	VEOR V2.B16, V2.B16, V2.B16; \
	VEOR V3.B16, V3.B16, V3.B16; \
	VEOR V4.B16, V4.B16, V4.B16; \
	VEOR V5.B16, V5.B16, V5.B16; \
	VEOR V6.B16, V6.B16, V6.B16; \
	VEOR V7.B16, V7.B16, V7.B16; \
	VEOR V24.B16, V24.B16, V24.B16; \
	VEOR V25.B16, V25.B16, V25.B16; \
	VEOR V26.B16, V26.B16, V26.B16; \
	VEOR V27.B16, V27.B16, V27.B16

// DOT4_V2(T): row r's sums V(2r), V(2r+1) += its next two vectors × x's
// (32 bytes); XP and M0…M3 move on.
#define DOT4_V2(T) \
	VLD1.P 32(XP), [V16.T, V17.T]; \
	VLD1.P 32(M0), [V8.T, V9.T]; \
	VLD1.P 32(M1), [V10.T, V11.T]; \
	VLD1.P 32(M2), [V12.T, V13.T]; \
	VLD1.P 32(M3), [V14.T, V15.T]; \
	VFMLA  V8.T, V16.T, V0.T; \
	VFMLA  V9.T, V17.T, V1.T; \
	VFMLA  V10.T, V16.T, V2.T; \
	VFMLA  V11.T, V17.T, V3.T; \
	VFMLA  V12.T, V16.T, V4.T; \
	VFMLA  V13.T, V17.T, V5.T; \
	VFMLA  V14.T, V16.T, V6.T; \
	VFMLA  V15.T, V17.T, V7.T

// DOT4_V1(T): the same on one vector (16 bytes), into the even sums.
#define DOT4_V1(T) \
	VLD1.P 16(XP), [V16.T]; \
	VLD1.P 16(M0), [V8.T]; \
	VLD1.P 16(M1), [V10.T]; \
	VLD1.P 16(M2), [V12.T]; \
	VLD1.P 16(M3), [V14.T]; \
	VFMLA  V8.T, V16.T, V0.T; \
	VFMLA  V10.T, V16.T, V2.T; \
	VFMLA  V12.T, V16.T, V4.T; \
	VFMLA  V14.T, V16.T, V6.T

// DOT1_V2(T), DOT1_V1(T): the same for one row (M0, sums V0, V1).
#define DOT1_V2(T) \
	VLD1.P 32(XP), [V16.T, V17.T]; \
	VLD1.P 32(M0), [V8.T, V9.T]; \
	VFMLA  V8.T, V16.T, V0.T; \
	VFMLA  V9.T, V17.T, V1.T

#define DOT1_V1(T) \
	VLD1.P 16(XP), [V16.T]; \
	VLD1.P 16(M0), [V8.T]; \
	VFMLA  V8.T, V16.T, V0.T

// func GemvDotF32NEON(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
//	for i := 0; i < n; i++ {
//		var s float32
//		for p := 0; p < k; p++ { s += m[i*ldm+p] * x[p] } // in 8 partial sums and a tail sum
//		y[i] += s
//	}
//
// Requires ASIMD.
TEXT ·GemvDotF32NEON(SB), NOSPLIT, $0-48
	MOVD k+0(FP), WIDTH
	MOVD n+8(FP), ROWS
	MOVD x+16(FP), X_PTR
	MOVD m+24(FP), M_ROW
	MOVD ldm+32(FP), LDM
	LSL  $2, LDM
	MOVD y+40(FP), Y_PTR

dot4Rows:
	CMP  $4, ROWS
	BLT  dot1Row
	FOUR_ROWS
	DOT_ZERO4
	MOVD X_PTR, XP
	MOVD WIDTH, LEFT

dot4Depth8:
	CMP    $8, LEFT
	BLT    dot4Depth4
	DOT4_V2(S4)
	SUB    $8, LEFT
	B      dot4Depth8

dot4Depth4:
	CMP    $4, LEFT
	BLT    dot4Tail
	DOT4_V1(S4)
	SUB    $4, LEFT

dot4Tail:
	// The last 0..3 elements of the depth, one at a time.
	CBZ     LEFT, dot4Reduce
	FMOVS.P 4(XP), F16
	FMOVS.P 4(M0), F8
	FMOVS.P 4(M1), F10
	FMOVS.P 4(M2), F12
	FMOVS.P 4(M3), F14
	FMADDS  F16, F24, F8, F24  // F24 += F8 * F16
	FMADDS  F16, F25, F10, F25
	FMADDS  F16, F26, F12, F26
	FMADDS  F16, F27, F14, F27
	SUB     $1, LEFT
	B       dot4Tail

dot4Reduce:
	FADD_S4(0, 0, 1)           // FADD V0.4S, V0.4S, V1.4S: row 0
	FADD_S4(2, 2, 3)           // FADD V2.4S, V2.4S, V3.4S: row 1
	FADD_S4(4, 4, 5)           // FADD V4.4S, V4.4S, V5.4S: row 2
	FADD_S4(6, 6, 7)           // FADD V6.4S, V6.4S, V7.4S: row 3
	FADDP_S4(0, 0, 2)          // FADDP V0.4S, V0.4S, V2.4S: [r0 01, r0 23, r1 01, r1 23]
	FADDP_S4(4, 4, 6)          // FADDP V4.4S, V4.4S, V6.4S: [r2 01, r2 23, r3 01, r3 23]
	FADDP_S4(0, 0, 4)          // FADDP V0.4S, V0.4S, V4.4S: [r0, r1, r2, r3]
	VMOV    V25.S[0], V24.S[1]
	VMOV    V26.S[0], V24.S[2]
	VMOV    V27.S[0], V24.S[3]
	FADD_S4(0, 0, 24)          // FADD V0.4S, V0.4S, V24.4S: + the tails
	VLD1    (Y_PTR), [V1.S4]
	FADD_S4(0, 1, 0)           // FADD V0.4S, V1.4S, V0.4S: y + sums
	VST1.P  [V0.S4], 16(Y_PTR)
	SUB     $4, ROWS
	B       dot4Rows

dot1Row:
	// The last 0..3 outputs, one at a time.
	CBZ  ROWS, dotDone
	MOVD M_ROW, M0
	ADD  LDM, M_ROW
	VEOR V0.B16, V0.B16, V0.B16
	VEOR V1.B16, V1.B16, V1.B16
	VEOR V24.B16, V24.B16, V24.B16
	MOVD X_PTR, XP
	MOVD WIDTH, LEFT
	SUB  $1, ROWS

dot1Depth8:
	CMP    $8, LEFT
	BLT    dot1Depth4
	DOT1_V2(S4)
	SUB    $8, LEFT
	B      dot1Depth8

dot1Depth4:
	CMP    $4, LEFT
	BLT    dot1Tail
	DOT1_V1(S4)
	SUB    $4, LEFT

dot1Tail:
	CBZ     LEFT, dot1Reduce
	FMOVS.P 4(XP), F16
	FMOVS.P 4(M0), F8
	FMADDS  F16, F24, F8, F24  // F24 += F8 * F16
	SUB     $1, LEFT
	B       dot1Tail

dot1Reduce:
	FADD_S4(0, 0, 1)           // FADD V0.4S, V0.4S, V1.4S
	SUM_LANES_S4(0)            // lane 0: l01 + l23
	FADDS   F24, F0            // + the tail
	FMOVS   (Y_PTR), F1
	FADDS   F0, F1             // y + sum
	FMOVS.P F1, 4(Y_PTR)
	B       dot1Row

dotDone:
	RET

// func GemvDotF64NEON(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
//	for i := 0; i < n; i++ {
//		var s float64
//		for p := 0; p < k; p++ { s += m[i*ldm+p] * x[p] } // in 4 partial sums and a tail sum
//		y[i] += s
//	}
//
// Requires ASIMD.
TEXT ·GemvDotF64NEON(SB), NOSPLIT, $0-48
	MOVD k+0(FP), WIDTH
	MOVD n+8(FP), ROWS
	MOVD x+16(FP), X_PTR
	MOVD m+24(FP), M_ROW
	MOVD ldm+32(FP), LDM
	LSL  $3, LDM
	MOVD y+40(FP), Y_PTR

dot4Rows:
	CMP  $4, ROWS
	BLT  dot1Row
	FOUR_ROWS
	DOT_ZERO4
	MOVD X_PTR, XP
	MOVD WIDTH, LEFT

dot4Depth4:
	CMP    $4, LEFT
	BLT    dot4Depth2
	DOT4_V2(D2)
	SUB    $4, LEFT
	B      dot4Depth4

dot4Depth2:
	CMP    $2, LEFT
	BLT    dot4Tail
	DOT4_V1(D2)
	SUB    $2, LEFT

dot4Tail:
	// The last element of the depth, if k is odd.
	CBZ    LEFT, dot4Reduce
	FMOVD  (XP), F16
	FMOVD  (M0), F8
	FMOVD  (M1), F10
	FMOVD  (M2), F12
	FMOVD  (M3), F14
	FMADDD F16, F24, F8, F24  // F24 += F8 * F16
	FMADDD F16, F25, F10, F25
	FMADDD F16, F26, F12, F26
	FMADDD F16, F27, F14, F27

dot4Reduce:
	FADD_D2(0, 0, 1)           // FADD V0.2D, V0.2D, V1.2D: row 0
	FADD_D2(2, 2, 3)           // FADD V2.2D, V2.2D, V3.2D: row 1
	FADD_D2(4, 4, 5)           // FADD V4.2D, V4.2D, V5.2D: row 2
	FADD_D2(6, 6, 7)           // FADD V6.2D, V6.2D, V7.2D: row 3
	FADDP_D2(0, 0, 2)          // FADDP V0.2D, V0.2D, V2.2D: [r0, r1]
	FADDP_D2(1, 4, 6)          // FADDP V1.2D, V4.2D, V6.2D: [r2, r3]
	VMOV    V25.D[0], V24.D[1]
	VMOV    V27.D[0], V26.D[1]
	FADD_D2(0, 0, 24)          // FADD V0.2D, V0.2D, V24.2D: + the tails
	FADD_D2(1, 1, 26)          // FADD V1.2D, V1.2D, V26.2D
	VLD1    (Y_PTR), [V8.D2, V9.D2]
	FADD_D2(0, 8, 0)           // FADD V0.2D, V8.2D, V0.2D: y + sums
	FADD_D2(1, 9, 1)           // FADD V1.2D, V9.2D, V1.2D
	VST1.P  [V0.D2, V1.D2], 32(Y_PTR)
	SUB     $4, ROWS
	B       dot4Rows

dot1Row:
	// The last 0..3 outputs, one at a time.
	CBZ  ROWS, dotDone
	MOVD M_ROW, M0
	ADD  LDM, M_ROW
	VEOR V0.B16, V0.B16, V0.B16
	VEOR V1.B16, V1.B16, V1.B16
	VEOR V24.B16, V24.B16, V24.B16
	MOVD X_PTR, XP
	MOVD WIDTH, LEFT
	SUB  $1, ROWS

dot1Depth4:
	CMP    $4, LEFT
	BLT    dot1Depth2
	DOT1_V2(D2)
	SUB    $4, LEFT
	B      dot1Depth4

dot1Depth2:
	CMP    $2, LEFT
	BLT    dot1Tail
	DOT1_V1(D2)
	SUB    $2, LEFT

dot1Tail:
	CBZ    LEFT, dot1Reduce
	FMOVD  (XP), F16
	FMOVD  (M0), F8
	FMADDD F16, F24, F8, F24  // F24 += F8 * F16

dot1Reduce:
	FADD_D2(0, 0, 1)           // FADD V0.2D, V0.2D, V1.2D
	FADDP_D2(0, 0, 0)          // FADDP V0.2D, V0.2D, V0.2D: [l0 + l1, …]
	FADDD   F24, F0            // + the tail
	FMOVD   (Y_PTR), F1
	FADDD   F0, F1             // y + sum
	FMOVD.P F1, 8(Y_PTR)
	B       dot1Row

dotDone:
	RET
