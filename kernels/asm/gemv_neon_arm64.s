//go:build !purego

#include "textflag.h"

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
// Go's assembler has no vector FADD/FADDP, so they are WORDs built by the
// macros below from register numbers (0–31, the Vn of the comments);
// `go tool objdump` decodes them back.

// FADD_S4(d, n, m): Vd.4S = Vn.4S + Vm.4S.   FADD_D2: the same on .2D.
#define FADD_S4(d, n, m) WORD $(0x4E20D400 | (m)<<16 | (n)<<5 | (d))
#define FADD_D2(d, n, m) WORD $(0x4E60D400 | (m)<<16 | (n)<<5 | (d))

// FADDP_S4(d, n, m): Vd.4S = [n0+n1, n2+n3, m0+m1, m2+m3] (pairwise).
// FADDP_D2(d, n, m): Vd.2D = [n0+n1, m0+m1].
#define FADDP_S4(d, n, m) WORD $(0x6E20D400 | (m)<<16 | (n)<<5 | (d))
#define FADDP_D2(d, n, m) WORD $(0x6E60D400 | (m)<<16 | (n)<<5 | (d))

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

// ---- axpy form ----
//
// V0–V3    y (up to 16 floats / 8 doubles)
// V4–V15,  the rows' elements (row 0 V4–V7, row 1 V8–V11, row 2 V12–V15,
// V20–V23  row 3 V20–V23)
// V16–V19  x[p]…x[p+3], broadcast; lane 0 (F16–F19) for the scalar tail

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
	VLD1R.P 4(X_PTR), [V16.S4]
	VLD1R.P 4(X_PTR), [V17.S4]
	VLD1R.P 4(X_PTR), [V18.S4]
	VLD1R.P 4(X_PTR), [V19.S4]
	MOVD    M_ROW, M0
	ADD     LDM, M0, M1
	ADD     LDM, M1, M2
	ADD     LDM, M2, M3
	ADD     LDM, M3, M_ROW
	MOVD    Y_PTR, YP
	MOVD    WIDTH, LEFT
	SUB     $4, ROWS

axpy4Cols16:
	CMP    $16, LEFT
	BLT    axpy4Cols4
	VLD1   (YP), [V0.S4, V1.S4, V2.S4, V3.S4]
	VLD1.P 64(M0), [V4.S4, V5.S4, V6.S4, V7.S4]
	VLD1.P 64(M1), [V8.S4, V9.S4, V10.S4, V11.S4]
	VLD1.P 64(M2), [V12.S4, V13.S4, V14.S4, V15.S4]
	VLD1.P 64(M3), [V20.S4, V21.S4, V22.S4, V23.S4]
	VFMLA  V4.S4, V16.S4, V0.S4
	VFMLA  V5.S4, V16.S4, V1.S4
	VFMLA  V6.S4, V16.S4, V2.S4
	VFMLA  V7.S4, V16.S4, V3.S4
	VFMLA  V8.S4, V17.S4, V0.S4
	VFMLA  V9.S4, V17.S4, V1.S4
	VFMLA  V10.S4, V17.S4, V2.S4
	VFMLA  V11.S4, V17.S4, V3.S4
	VFMLA  V12.S4, V18.S4, V0.S4
	VFMLA  V13.S4, V18.S4, V1.S4
	VFMLA  V14.S4, V18.S4, V2.S4
	VFMLA  V15.S4, V18.S4, V3.S4
	VFMLA  V20.S4, V19.S4, V0.S4
	VFMLA  V21.S4, V19.S4, V1.S4
	VFMLA  V22.S4, V19.S4, V2.S4
	VFMLA  V23.S4, V19.S4, V3.S4
	VST1.P [V0.S4, V1.S4, V2.S4, V3.S4], 64(YP)
	SUB    $16, LEFT
	B      axpy4Cols16

axpy4Cols4:
	CMP    $4, LEFT
	BLT    axpy4Tail
	VLD1   (YP), [V0.S4]
	VLD1.P 16(M0), [V4.S4]
	VLD1.P 16(M1), [V8.S4]
	VLD1.P 16(M2), [V12.S4]
	VLD1.P 16(M3), [V20.S4]
	VFMLA  V4.S4, V16.S4, V0.S4
	VFMLA  V8.S4, V17.S4, V0.S4
	VFMLA  V12.S4, V18.S4, V0.S4
	VFMLA  V20.S4, V19.S4, V0.S4
	VST1.P [V0.S4], 16(YP)
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
	VLD1   (YP), [V0.S4, V1.S4, V2.S4, V3.S4]
	VLD1.P 64(M0), [V4.S4, V5.S4, V6.S4, V7.S4]
	VFMLA  V4.S4, V16.S4, V0.S4
	VFMLA  V5.S4, V16.S4, V1.S4
	VFMLA  V6.S4, V16.S4, V2.S4
	VFMLA  V7.S4, V16.S4, V3.S4
	VST1.P [V0.S4, V1.S4, V2.S4, V3.S4], 64(YP)
	SUB    $16, LEFT
	B      axpy1Cols16

axpy1Cols4:
	CMP    $4, LEFT
	BLT    axpy1Tail
	VLD1   (YP), [V0.S4]
	VLD1.P 16(M0), [V4.S4]
	VFMLA  V4.S4, V16.S4, V0.S4
	VST1.P [V0.S4], 16(YP)
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
	VLD1R.P 8(X_PTR), [V16.D2]
	VLD1R.P 8(X_PTR), [V17.D2]
	VLD1R.P 8(X_PTR), [V18.D2]
	VLD1R.P 8(X_PTR), [V19.D2]
	MOVD    M_ROW, M0
	ADD     LDM, M0, M1
	ADD     LDM, M1, M2
	ADD     LDM, M2, M3
	ADD     LDM, M3, M_ROW
	MOVD    Y_PTR, YP
	MOVD    WIDTH, LEFT
	SUB     $4, ROWS

axpy4Cols8:
	CMP    $8, LEFT
	BLT    axpy4Cols2
	VLD1   (YP), [V0.D2, V1.D2, V2.D2, V3.D2]
	VLD1.P 64(M0), [V4.D2, V5.D2, V6.D2, V7.D2]
	VLD1.P 64(M1), [V8.D2, V9.D2, V10.D2, V11.D2]
	VLD1.P 64(M2), [V12.D2, V13.D2, V14.D2, V15.D2]
	VLD1.P 64(M3), [V20.D2, V21.D2, V22.D2, V23.D2]
	VFMLA  V4.D2, V16.D2, V0.D2
	VFMLA  V5.D2, V16.D2, V1.D2
	VFMLA  V6.D2, V16.D2, V2.D2
	VFMLA  V7.D2, V16.D2, V3.D2
	VFMLA  V8.D2, V17.D2, V0.D2
	VFMLA  V9.D2, V17.D2, V1.D2
	VFMLA  V10.D2, V17.D2, V2.D2
	VFMLA  V11.D2, V17.D2, V3.D2
	VFMLA  V12.D2, V18.D2, V0.D2
	VFMLA  V13.D2, V18.D2, V1.D2
	VFMLA  V14.D2, V18.D2, V2.D2
	VFMLA  V15.D2, V18.D2, V3.D2
	VFMLA  V20.D2, V19.D2, V0.D2
	VFMLA  V21.D2, V19.D2, V1.D2
	VFMLA  V22.D2, V19.D2, V2.D2
	VFMLA  V23.D2, V19.D2, V3.D2
	VST1.P [V0.D2, V1.D2, V2.D2, V3.D2], 64(YP)
	SUB    $8, LEFT
	B      axpy4Cols8

axpy4Cols2:
	CMP    $2, LEFT
	BLT    axpy4Tail
	VLD1   (YP), [V0.D2]
	VLD1.P 16(M0), [V4.D2]
	VLD1.P 16(M1), [V8.D2]
	VLD1.P 16(M2), [V12.D2]
	VLD1.P 16(M3), [V20.D2]
	VFMLA  V4.D2, V16.D2, V0.D2
	VFMLA  V8.D2, V17.D2, V0.D2
	VFMLA  V12.D2, V18.D2, V0.D2
	VFMLA  V20.D2, V19.D2, V0.D2
	VST1.P [V0.D2], 16(YP)
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
	VLD1   (YP), [V0.D2, V1.D2, V2.D2, V3.D2]
	VLD1.P 64(M0), [V4.D2, V5.D2, V6.D2, V7.D2]
	VFMLA  V4.D2, V16.D2, V0.D2
	VFMLA  V5.D2, V16.D2, V1.D2
	VFMLA  V6.D2, V16.D2, V2.D2
	VFMLA  V7.D2, V16.D2, V3.D2
	VST1.P [V0.D2, V1.D2, V2.D2, V3.D2], 64(YP)
	SUB    $8, LEFT
	B      axpy1Cols8

axpy1Cols2:
	CMP    $2, LEFT
	BLT    axpy1Tail
	VLD1   (YP), [V0.D2]
	VLD1.P 16(M0), [V4.D2]
	VFMLA  V4.D2, V16.D2, V0.D2
	VST1.P [V0.D2], 16(YP)
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
	MOVD M_ROW, M0
	ADD  LDM, M0, M1
	ADD  LDM, M1, M2
	ADD  LDM, M2, M3
	ADD  LDM, M3, M_ROW
	VEOR V0.B16, V0.B16, V0.B16
	VEOR V1.B16, V1.B16, V1.B16
	VEOR V2.B16, V2.B16, V2.B16
	VEOR V3.B16, V3.B16, V3.B16
	VEOR V4.B16, V4.B16, V4.B16
	VEOR V5.B16, V5.B16, V5.B16
	VEOR V6.B16, V6.B16, V6.B16
	VEOR V7.B16, V7.B16, V7.B16
	VEOR V24.B16, V24.B16, V24.B16
	VEOR V25.B16, V25.B16, V25.B16
	VEOR V26.B16, V26.B16, V26.B16
	VEOR V27.B16, V27.B16, V27.B16
	MOVD X_PTR, XP
	MOVD WIDTH, LEFT

dot4Depth8:
	CMP    $8, LEFT
	BLT    dot4Depth4
	VLD1.P 32(XP), [V16.S4, V17.S4]
	VLD1.P 32(M0), [V8.S4, V9.S4]
	VLD1.P 32(M1), [V10.S4, V11.S4]
	VLD1.P 32(M2), [V12.S4, V13.S4]
	VLD1.P 32(M3), [V14.S4, V15.S4]
	VFMLA  V8.S4, V16.S4, V0.S4
	VFMLA  V9.S4, V17.S4, V1.S4
	VFMLA  V10.S4, V16.S4, V2.S4
	VFMLA  V11.S4, V17.S4, V3.S4
	VFMLA  V12.S4, V16.S4, V4.S4
	VFMLA  V13.S4, V17.S4, V5.S4
	VFMLA  V14.S4, V16.S4, V6.S4
	VFMLA  V15.S4, V17.S4, V7.S4
	SUB    $8, LEFT
	B      dot4Depth8

dot4Depth4:
	CMP    $4, LEFT
	BLT    dot4Tail
	VLD1.P 16(XP), [V16.S4]
	VLD1.P 16(M0), [V8.S4]
	VLD1.P 16(M1), [V10.S4]
	VLD1.P 16(M2), [V12.S4]
	VLD1.P 16(M3), [V14.S4]
	VFMLA  V8.S4, V16.S4, V0.S4
	VFMLA  V10.S4, V16.S4, V2.S4
	VFMLA  V12.S4, V16.S4, V4.S4
	VFMLA  V14.S4, V16.S4, V6.S4
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
	VLD1.P 32(XP), [V16.S4, V17.S4]
	VLD1.P 32(M0), [V8.S4, V9.S4]
	VFMLA  V8.S4, V16.S4, V0.S4
	VFMLA  V9.S4, V17.S4, V1.S4
	SUB    $8, LEFT
	B      dot1Depth8

dot1Depth4:
	CMP    $4, LEFT
	BLT    dot1Tail
	VLD1.P 16(XP), [V16.S4]
	VLD1.P 16(M0), [V8.S4]
	VFMLA  V8.S4, V16.S4, V0.S4
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
	FADDP_S4(0, 0, 0)          // FADDP V0.4S, V0.4S, V0.4S: [l01, l23, …]
	FADDP_S4(0, 0, 0)          // FADDP V0.4S, V0.4S, V0.4S: [l01 + l23, …]
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
	MOVD M_ROW, M0
	ADD  LDM, M0, M1
	ADD  LDM, M1, M2
	ADD  LDM, M2, M3
	ADD  LDM, M3, M_ROW
	VEOR V0.B16, V0.B16, V0.B16
	VEOR V1.B16, V1.B16, V1.B16
	VEOR V2.B16, V2.B16, V2.B16
	VEOR V3.B16, V3.B16, V3.B16
	VEOR V4.B16, V4.B16, V4.B16
	VEOR V5.B16, V5.B16, V5.B16
	VEOR V6.B16, V6.B16, V6.B16
	VEOR V7.B16, V7.B16, V7.B16
	VEOR V24.B16, V24.B16, V24.B16
	VEOR V25.B16, V25.B16, V25.B16
	VEOR V26.B16, V26.B16, V26.B16
	VEOR V27.B16, V27.B16, V27.B16
	MOVD X_PTR, XP
	MOVD WIDTH, LEFT

dot4Depth4:
	CMP    $4, LEFT
	BLT    dot4Depth2
	VLD1.P 32(XP), [V16.D2, V17.D2]
	VLD1.P 32(M0), [V8.D2, V9.D2]
	VLD1.P 32(M1), [V10.D2, V11.D2]
	VLD1.P 32(M2), [V12.D2, V13.D2]
	VLD1.P 32(M3), [V14.D2, V15.D2]
	VFMLA  V8.D2, V16.D2, V0.D2
	VFMLA  V9.D2, V17.D2, V1.D2
	VFMLA  V10.D2, V16.D2, V2.D2
	VFMLA  V11.D2, V17.D2, V3.D2
	VFMLA  V12.D2, V16.D2, V4.D2
	VFMLA  V13.D2, V17.D2, V5.D2
	VFMLA  V14.D2, V16.D2, V6.D2
	VFMLA  V15.D2, V17.D2, V7.D2
	SUB    $4, LEFT
	B      dot4Depth4

dot4Depth2:
	CMP    $2, LEFT
	BLT    dot4Tail
	VLD1.P 16(XP), [V16.D2]
	VLD1.P 16(M0), [V8.D2]
	VLD1.P 16(M1), [V10.D2]
	VLD1.P 16(M2), [V12.D2]
	VLD1.P 16(M3), [V14.D2]
	VFMLA  V8.D2, V16.D2, V0.D2
	VFMLA  V10.D2, V16.D2, V2.D2
	VFMLA  V12.D2, V16.D2, V4.D2
	VFMLA  V14.D2, V16.D2, V6.D2
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
	VLD1.P 32(XP), [V16.D2, V17.D2]
	VLD1.P 32(M0), [V8.D2, V9.D2]
	VFMLA  V8.D2, V16.D2, V0.D2
	VFMLA  V9.D2, V17.D2, V1.D2
	SUB    $4, LEFT
	B      dot1Depth4

dot1Depth2:
	CMP    $2, LEFT
	BLT    dot1Tail
	VLD1.P 16(XP), [V16.D2]
	VLD1.P 16(M0), [V8.D2]
	VFMLA  V8.D2, V16.D2, V0.D2
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
