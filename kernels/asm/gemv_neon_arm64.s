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

// AXPY_FORM(T, size, k4, k1, tail4, tail1): the axpy form after the
// arguments, for elements of size bytes in arrangement T: groups of four
// rows (x[p]…x[p+3] broadcast, then the columns k4 at a time (four
// vectors), k1 at a time (one), then tail4, the last columns that do not
// fill a vector), then the last 0..3 rows one at a time the same way
// (tail1); ends at axpyDone, which the TEXT defines. It defines its labels
// itself (axpy4Rows, axpy4Tail, axpy1Row, axpy1Tail, the COUNT_LOOPs'), so
// it can be expanded only once per TEXT; the tail macros branch back to
// those labels.
#define AXPY_FORM(T, size, k4, k1, tail4, tail1) \
axpy4Rows: \
	CMP     $4, ROWS \
	BLT     axpy1Row \
	AXPY_X4(size, T) \
	FOUR_ROWS \
	MOVD    Y_PTR, YP \
	MOVD    WIDTH, LEFT \
	SUB     $4, ROWS \
	COUNT_LOOP(LEFT, axpy4ColsV4, axpy4ColsV1, k4, AXPY4_V4(T)) \
	COUNT_LOOP(LEFT, axpy4ColsV1, axpy4Tail, k1, AXPY4_V1(T)) \
axpy4Tail: \
	tail4 \
axpy1Row: \
	CBZ     ROWS, axpyDone \
	VLD1R.P size(X_PTR), [V16.T] \
	MOVD    M_ROW, M0 \
	ADD     LDM, M_ROW \
	MOVD    Y_PTR, YP \
	MOVD    WIDTH, LEFT \
	SUB     $1, ROWS \
	COUNT_LOOP(LEFT, axpy1ColsV4, axpy1ColsV1, k4, AXPY1_V4(T)) \
	COUNT_LOOP(LEFT, axpy1ColsV1, axpy1Tail, k1, AXPY1_V1(T)) \
axpy1Tail: \
	tail1

// The axpy tails, F0 += row element × x[p] into y[j], scalar (a scalar
// FMADD rounds like a lane of FMLA). float32: the last 0..3 columns one at
// a time, of the four rows (AXPY4_TAIL_F32) or of the one
// (AXPY1_TAIL_F32); float64: the last column, if n is odd. They branch to
// labels AXPY_FORM defines (axpy4Rows, axpy4Tail, axpy1Row, axpy1Tail), so
// they work only as its tail4 and tail1.
#define AXPY4_TAIL_F32 \
	CBZ     LEFT, axpy4Rows \
	FMOVS   (YP), F0 \
	FMOVS.P 4(M0), F4 \
	FMOVS.P 4(M1), F8 \
	FMOVS.P 4(M2), F12 \
	FMOVS.P 4(M3), F20 \
	FMADDS  F16, F0, F4, F0 \
	FMADDS  F17, F0, F8, F0 \
	FMADDS  F18, F0, F12, F0 \
	FMADDS  F19, F0, F20, F0 \
	FMOVS.P F0, 4(YP) \
	SUB     $1, LEFT \
	B       axpy4Tail

#define AXPY1_TAIL_F32 \
	CBZ     LEFT, axpy1Row \
	FMOVS   (YP), F0 \
	FMOVS.P 4(M0), F4 \
	FMADDS  F16, F0, F4, F0 \
	FMOVS.P F0, 4(YP) \
	SUB     $1, LEFT \
	B       axpy1Tail

#define AXPY4_TAIL_F64 \
	CBZ    LEFT, axpy4Rows \
	FMOVD  (YP), F0 \
	FMOVD  (M0), F4 \
	FMOVD  (M1), F8 \
	FMOVD  (M2), F12 \
	FMOVD  (M3), F20 \
	FMADDD F16, F0, F4, F0 \
	FMADDD F17, F0, F8, F0 \
	FMADDD F18, F0, F12, F0 \
	FMADDD F19, F0, F20, F0 \
	FMOVD  F0, (YP) \
	B      axpy4Rows

#define AXPY1_TAIL_F64 \
	CBZ    LEFT, axpy1Row \
	FMOVD  (YP), F0 \
	FMOVD  (M0), F4 \
	FMADDD F16, F0, F4, F0 \
	FMOVD  F0, (YP) \
	B      axpy1Row

// func GemvAxpyF32NEON(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
//	for p := 0; p < k; p++ {
//		for j := 0; j < n; j++ { y[j] += x[p] * m[p*ldm+j] } // one FMA
//	}
//
// Columns 16, then 4 at a time. Requires ASIMD.
TEXT ·GemvAxpyF32NEON(SB), NOSPLIT, $0-48
	MOVD k+0(FP), ROWS
	MOVD n+8(FP), WIDTH
	MOVD x+16(FP), X_PTR
	MOVD m+24(FP), M_ROW
	MOVD ldm+32(FP), LDM
	LSL  $2, LDM
	MOVD y+40(FP), Y_PTR
	AXPY_FORM(S4, 4, 16, 4, AXPY4_TAIL_F32, AXPY1_TAIL_F32)

axpyDone:
	RET

// func GemvAxpyF64NEON(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
//	for p := 0; p < k; p++ {
//		for j := 0; j < n; j++ { y[j] += x[p] * m[p*ldm+j] } // one FMA
//	}
//
// Columns 8, then 2 at a time. Requires ASIMD.
TEXT ·GemvAxpyF64NEON(SB), NOSPLIT, $0-48
	MOVD k+0(FP), ROWS
	MOVD n+8(FP), WIDTH
	MOVD x+16(FP), X_PTR
	MOVD m+24(FP), M_ROW
	MOVD ldm+32(FP), LDM
	LSL  $3, LDM
	MOVD y+40(FP), Y_PTR
	AXPY_FORM(D2, 8, 8, 2, AXPY4_TAIL_F64, AXPY1_TAIL_F64)

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
	VZERO(V0); VZERO(V1); VZERO(V2); VZERO(V3); VZERO(V4); VZERO(V5); VZERO(V6); VZERO(V7); \
	VZERO(V24); VZERO(V25); VZERO(V26); VZERO(V27)

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

// DOT_FORM(T, kV2, kV1, tail4, reduce4, tail1, reduce1): the dot form
// after the arguments, arrangement T: groups of four outputs (the depth
// kV2 at a time (two vectors), then kV1 (one, at most once), then tail4,
// the elements that do not fill a vector; then reduce4 adds the sums into
// y[i]…y[i+3]), then the last 0..3 outputs one at a time the same way
// (tail1, reduce1); ends at dotDone, which the TEXT defines. It defines
// its labels itself (dot4Rows, dot4Tail, dot4Reduce, dot1Row, dot1Tail,
// dot1Reduce, the loops'), so it can be expanded only once per TEXT; the
// tail macros branch back to those labels.
#define DOT_FORM(T, kV2, kV1, tail4, reduce4, tail1, reduce1) \
dot4Rows: \
	CMP  $4, ROWS \
	BLT  dot1Row \
	FOUR_ROWS \
	DOT_ZERO4 \
	MOVD X_PTR, XP \
	MOVD WIDTH, LEFT \
	COUNT_LOOP(LEFT, dot4DepthV2, dot4DepthV1, kV2, DOT4_V2(T)) \
dot4DepthV1: \
	AT_LEAST(LEFT, kV1, dot4Tail, DOT4_V1(T)) \
dot4Tail: \
	tail4 \
dot4Reduce: \
	reduce4 \
	SUB  $4, ROWS \
	B    dot4Rows \
dot1Row: \
	CBZ  ROWS, dotDone \
	MOVD M_ROW, M0 \
	ADD  LDM, M_ROW \
	VZERO(V0); VZERO(V1); VZERO(V24) \
	MOVD X_PTR, XP \
	MOVD WIDTH, LEFT \
	SUB  $1, ROWS \
	COUNT_LOOP(LEFT, dot1DepthV2, dot1DepthV1, kV2, DOT1_V2(T)) \
dot1DepthV1: \
	AT_LEAST(LEFT, kV1, dot1Tail, DOT1_V1(T)) \
dot1Tail: \
	tail1 \
dot1Reduce: \
	reduce1 \
	B    dot1Row

// The dot tails, row r's scalar sum F24+r += its element × x's (F16), and
// the reductions. float32: the last 0..3 elements of the depth one at a
// time; float64: the last one, if k is odd. The tails branch to labels
// DOT_FORM defines (dot4Tail, dot4Reduce, dot1Tail, dot1Reduce), so they
// work only as its tail4 and tail1.
#define DOT4_TAIL_F32 \
	CBZ     LEFT, dot4Reduce \
	FMOVS.P 4(XP), F16 \
	FMOVS.P 4(M0), F8 \
	FMOVS.P 4(M1), F10 \
	FMOVS.P 4(M2), F12 \
	FMOVS.P 4(M3), F14 \
	FMADDS  F16, F24, F8, F24 \
	FMADDS  F16, F25, F10, F25 \
	FMADDS  F16, F26, F12, F26 \
	FMADDS  F16, F27, F14, F27 \
	SUB     $1, LEFT \
	B       dot4Tail

#define DOT1_TAIL_F32 \
	CBZ     LEFT, dot1Reduce \
	FMOVS.P 4(XP), F16 \
	FMOVS.P 4(M0), F8 \
	FMADDS  F16, F24, F8, F24 \
	SUB     $1, LEFT \
	B       dot1Tail

#define DOT4_TAIL_F64 \
	CBZ    LEFT, dot4Reduce \
	FMOVD  (XP), F16 \
	FMOVD  (M0), F8 \
	FMOVD  (M1), F10 \
	FMOVD  (M2), F12 \
	FMOVD  (M3), F14 \
	FMADDD F16, F24, F8, F24 \
	FMADDD F16, F25, F10, F25 \
	FMADDD F16, F26, F12, F26 \
	FMADDD F16, F27, F14, F27

#define DOT1_TAIL_F64 \
	CBZ    LEFT, dot1Reduce \
	FMOVD  (XP), F16 \
	FMOVD  (M0), F8 \
	FMADDD F16, F24, F8, F24

// DOT4_REDUCE_F32: rows 0–3's two vectors added, the lanes summed
// pairwise into V0 = [r0, r1, r2, r3], plus the tails F24–F27, plus
// y[i]…y[i+3], stored; Y_PTR moves on.
#define DOT4_REDUCE_F32 \
	FADD_S4(0, 0, 1) \
	FADD_S4(2, 2, 3) \
	FADD_S4(4, 4, 5) \
	FADD_S4(6, 6, 7) \
	FADDP_S4(0, 0, 2)         /* [r0 01, r0 23, r1 01, r1 23] */ \
	FADDP_S4(4, 4, 6)         /* [r2 01, r2 23, r3 01, r3 23] */ \
	FADDP_S4(0, 0, 4)         /* [r0, r1, r2, r3] */ \
	VMOV    V25.S[0], V24.S[1] \
	VMOV    V26.S[0], V24.S[2] \
	VMOV    V27.S[0], V24.S[3] \
	FADD_S4(0, 0, 24)         /* + the tails */ \
	VLD1    (Y_PTR), [V1.S4] \
	FADD_S4(0, 1, 0)          /* y + sums */ \
	VST1.P  [V0.S4], 16(Y_PTR)

// DOT1_REDUCE_F32: V0 + V1, lane 0 = l01 + l23, + the tail, + y[i].
#define DOT1_REDUCE_F32 \
	FADD_S4(0, 0, 1) \
	SUM_LANES_S4(0) \
	FADDS   F24, F0 \
	FMOVS   (Y_PTR), F1 \
	FADDS   F0, F1 \
	FMOVS.P F1, 4(Y_PTR)

// DOT4_REDUCE_F64: the same in float64, [r0, r1] in V0 and [r2, r3] in V1.
#define DOT4_REDUCE_F64 \
	FADD_D2(0, 0, 1) \
	FADD_D2(2, 2, 3) \
	FADD_D2(4, 4, 5) \
	FADD_D2(6, 6, 7) \
	FADDP_D2(0, 0, 2)         /* [r0, r1] */ \
	FADDP_D2(1, 4, 6)         /* [r2, r3] */ \
	VMOV    V25.D[0], V24.D[1] \
	VMOV    V27.D[0], V26.D[1] \
	FADD_D2(0, 0, 24)         /* + the tails */ \
	FADD_D2(1, 1, 26) \
	VLD1    (Y_PTR), [V8.D2, V9.D2] \
	FADD_D2(0, 8, 0)          /* y + sums */ \
	FADD_D2(1, 9, 1) \
	VST1.P  [V0.D2, V1.D2], 32(Y_PTR)

// DOT1_REDUCE_F64: V0 + V1, l0 + l1, + the tail, + y[i].
#define DOT1_REDUCE_F64 \
	FADD_D2(0, 0, 1) \
	FADDP_D2(0, 0, 0) \
	FADDD   F24, F0 \
	FMOVD   (Y_PTR), F1 \
	FADDD   F0, F1 \
	FMOVD.P F1, 8(Y_PTR)

// func GemvDotF32NEON(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
//	for i := 0; i < n; i++ {
//		var s float32
//		for p := 0; p < k; p++ { s += m[i*ldm+p] * x[p] } // in 8 partial sums and a tail sum
//		y[i] += s
//	}
//
// The depth 8, then 4 at a time. Requires ASIMD.
TEXT ·GemvDotF32NEON(SB), NOSPLIT, $0-48
	MOVD k+0(FP), WIDTH
	MOVD n+8(FP), ROWS
	MOVD x+16(FP), X_PTR
	MOVD m+24(FP), M_ROW
	MOVD ldm+32(FP), LDM
	LSL  $2, LDM
	MOVD y+40(FP), Y_PTR
	DOT_FORM(S4, 8, 4, DOT4_TAIL_F32, DOT4_REDUCE_F32, DOT1_TAIL_F32, DOT1_REDUCE_F32)

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
// The depth 4, then 2 at a time. Requires ASIMD.
TEXT ·GemvDotF64NEON(SB), NOSPLIT, $0-48
	MOVD k+0(FP), WIDTH
	MOVD n+8(FP), ROWS
	MOVD x+16(FP), X_PTR
	MOVD m+24(FP), M_ROW
	MOVD ldm+32(FP), LDM
	LSL  $3, LDM
	MOVD y+40(FP), Y_PTR
	DOT_FORM(D2, 4, 2, DOT4_TAIL_F64, DOT4_REDUCE_F64, DOT1_TAIL_F64, DOT1_REDUCE_F64)

dotDone:
	RET
