//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"
#include "ymm_amd64.h"
#include "gemv_amd64.h"

// Matrix-vector kernels for AVX2 and FMA3. See gemv_amd64.go for what each
// computes. The axpy form streams four matrix rows at a time across the
// columns, keeping y in memory (it stays in L1); the dot form takes four
// rows at a time against one load of x, two vectors deep, with eight
// accumulators. Column (axpy) and depth (dot) tails use VMASKMOVPS/PD,
// which neither read nor write the masked-off lanes (and do not fault
// beside an unmapped page). float64 tails take a float32 mask of twice the
// lanes: VMASKMOVPD reads the top bit of each 64-bit lane.

#define ROWS R8   // rows (axpy: of the sum's depth; dot: outputs) left; AVX2_TAIL_MASK clobbers it, so it is loaded after
#define X_PTR DX  // x
#define M0 SI     // the group's first matrix row
#define M1 R10    // second row
#define M2 R11    // third row
#define M3 R12    // fourth row
#define LDM R9    // the matrix's leading dimension, in bytes
#define Y_PTR DI  // y
#define OFF AX    // byte offset along a row
#define LEFT BX   // elements of the row left
#define WIDTH R13 // row length in elements (axpy: n; dot: k)
#define MASK Y8   // axpy: the column tail's mask
#define DMASK Y10 // dot: the depth tail's mask

// func GemvAxpyF32AVX2(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
//	for p := 0; p < k; p++ {
//		for j := 0; j < n; j++ { y[j] += x[p] * m[p*ldm+j] } // one FMA
//	}
//
// Requires AVX2 and FMA3.
TEXT ·GemvAxpyF32AVX2(SB), NOSPLIT, $0-48
	MOVQ n+8(FP), WIDTH
	MOVQ WIDTH, CX
	ANDQ $7, CX
	AVX2_TAIL_MASK(CX, AX, MASK)
	MOVQ k+0(FP), ROWS
	MOVQ x+16(FP), X_PTR
	MOVQ m+24(FP), M0
	MOVQ ldm+32(FP), LDM
	SHLQ $2, LDM
	MOVQ y+40(FP), Y_PTR

axpy4Rows:
	CMPQ ROWS, $4
	JB   axpy1Row
	AXPY4_START(VBROADCASTSS, 4)
	AXPY4_V4(axpy4Cols32, axpy4Cols8, 32, VMOVUPS, VFMADD231PS)
	AXPY4_V1(axpy4Cols8, axpy4Tail, 8, VMOVUPS, VFMADD231PS)
	AXPY4_TAIL(axpy4Tail, axpy4Next, VMASKMOVPS, VMASKMOVPS, MASK, VFMADD231PS, Y9, Y10, Y11, Y12)

axpy4Next:
	LEAQ (M3)(LDM*1), M0
	ADDQ $16, X_PTR
	SUBQ $4, ROWS
	JMP  axpy4Rows

axpy1Row:
	TESTQ ROWS, ROWS
	JZ    axpyDone
	VBROADCASTSS (X_PTR), V0
	ROW_START
	AXPY1_V4(axpy1Cols32, axpy1Cols8, 32, VMOVUPS, VFMADD231PS)
	AXPY1_V1(axpy1Cols8, axpy1Tail, 8, VMOVUPS, VFMADD231PS)
	AXPY1_TAIL(axpy1Tail, axpy1Next, VMASKMOVPS, VMASKMOVPS, MASK, VFMADD231PS, Y9)

axpy1Next:
	ADDQ LDM, M0
	ADDQ $4, X_PTR
	DECQ ROWS
	JMP  axpy1Row

axpyDone:
	VZEROUPPER
	RET

// func GemvAxpyF64AVX2(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
//	for p := 0; p < k; p++ {
//		for j := 0; j < n; j++ { y[j] += x[p] * m[p*ldm+j] } // one FMA
//	}
//
// Requires AVX2 and FMA3.
TEXT ·GemvAxpyF64AVX2(SB), NOSPLIT, $0-48
	MOVQ n+8(FP), WIDTH
	MOVQ WIDTH, CX
	ANDQ $3, CX
	SHLQ $1, CX
	AVX2_TAIL_MASK(CX, AX, MASK)
	MOVQ k+0(FP), ROWS
	MOVQ x+16(FP), X_PTR
	MOVQ m+24(FP), M0
	MOVQ ldm+32(FP), LDM
	SHLQ $3, LDM
	MOVQ y+40(FP), Y_PTR

axpy4Rows:
	CMPQ ROWS, $4
	JB   axpy1Row
	AXPY4_START(VBROADCASTSD, 8)
	AXPY4_V4(axpy4Cols16, axpy4Cols4, 16, VMOVUPD, VFMADD231PD)
	AXPY4_V1(axpy4Cols4, axpy4Tail, 4, VMOVUPD, VFMADD231PD)
	AXPY4_TAIL(axpy4Tail, axpy4Next, VMASKMOVPD, VMASKMOVPD, MASK, VFMADD231PD, Y9, Y10, Y11, Y12)

axpy4Next:
	LEAQ (M3)(LDM*1), M0
	ADDQ $32, X_PTR
	SUBQ $4, ROWS
	JMP  axpy4Rows

axpy1Row:
	TESTQ ROWS, ROWS
	JZ    axpyDone
	VBROADCASTSD (X_PTR), V0
	ROW_START
	AXPY1_V4(axpy1Cols16, axpy1Cols4, 16, VMOVUPD, VFMADD231PD)
	AXPY1_V1(axpy1Cols4, axpy1Tail, 4, VMOVUPD, VFMADD231PD)
	AXPY1_TAIL(axpy1Tail, axpy1Next, VMASKMOVPD, VMASKMOVPD, MASK, VFMADD231PD, Y9)

axpy1Next:
	ADDQ LDM, M0
	ADDQ $8, X_PTR
	DECQ ROWS
	JMP  axpy1Row

axpyDone:
	VZEROUPPER
	RET

// func GemvDotF32AVX2(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
//	for i := 0; i < n; i++ {
//		var s float32
//		for p := 0; p < k; p++ { s += m[i*ldm+p] * x[p] } // in 16 partial sums
//		y[i] += s
//	}
//
// Each row's sum is kept in two vectors of 8 lanes, added lane-wise, then
// reduced 8 → 4 → 1 in a fixed order. Requires AVX2 and FMA3.
TEXT ·GemvDotF32AVX2(SB), NOSPLIT, $0-48
	MOVQ k+0(FP), WIDTH
	MOVQ WIDTH, CX
	ANDQ $7, CX
	AVX2_TAIL_MASK(CX, AX, DMASK)
	MOVQ n+8(FP), ROWS
	MOVQ x+16(FP), X_PTR
	MOVQ m+24(FP), M0
	MOVQ ldm+32(FP), LDM
	SHLQ $2, LDM
	MOVQ y+40(FP), Y_PTR

dot4Rows:
	CMPQ ROWS, $4
	JB   dot1Row
	DOT4_START(VXORPS)
	DOT4_V2(dot4Depth16, dot4Depth8, 16, VMOVUPS, VFMADD231PS)
	DOT4_V1(dot4Depth8, dot4Tail, 8, VMOVUPS, VFMADD231PS)
	DOT4_TAIL(dot4Tail, dot4Reduce, VMASKMOVPS, DMASK, VFMADD231PS, Y11, Y12, Y13, Y14)

dot4Reduce:
	DOT4_SUM_F32
	ADDQ $16, Y_PTR
	LEAQ (M3)(LDM*1), M0
	SUBQ $4, ROWS
	JMP  dot4Rows

dot1Row:
	TESTQ ROWS, ROWS
	JZ    dotDone
	DOT1_START(VXORPS)
	DOT1_V2(dot1Depth16, dot1Depth8, 16, VMOVUPS, VFMADD231PS)
	DOT1_V1(dot1Depth8, dot1Tail, 8, VMOVUPS, VFMADD231PS)
	DOT1_TAIL(dot1Tail, dot1Reduce, VMASKMOVPS, DMASK, VFMADD231PS, Y11)

dot1Reduce:
	DOT1_FOLD(VADDPS)
	VHADDPS X0, X0, X0
	VHADDPS X0, X0, X0
	VADDSS  (Y_PTR), X0, X0
	VMOVSS  X0, (Y_PTR)
	ADDQ    $4, Y_PTR
	ADDQ    LDM, M0
	DECQ    ROWS
	JMP     dot1Row

dotDone:
	VZEROUPPER
	RET

// func GemvDotF64AVX2(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
//	for i := 0; i < n; i++ {
//		var s float64
//		for p := 0; p < k; p++ { s += m[i*ldm+p] * x[p] } // in 8 partial sums
//		y[i] += s
//	}
//
// Each row's sum is kept in two vectors of 4 lanes, added lane-wise, then
// reduced 4 → 2 → 1 in a fixed order. Requires AVX2 and FMA3.
TEXT ·GemvDotF64AVX2(SB), NOSPLIT, $0-48
	MOVQ k+0(FP), WIDTH
	MOVQ WIDTH, CX
	ANDQ $3, CX
	SHLQ $1, CX
	AVX2_TAIL_MASK(CX, AX, DMASK)
	MOVQ n+8(FP), ROWS
	MOVQ x+16(FP), X_PTR
	MOVQ m+24(FP), M0
	MOVQ ldm+32(FP), LDM
	SHLQ $3, LDM
	MOVQ y+40(FP), Y_PTR

dot4Rows:
	CMPQ ROWS, $4
	JB   dot1Row
	DOT4_START(VXORPD)
	DOT4_V2(dot4Depth8, dot4Depth4, 8, VMOVUPD, VFMADD231PD)
	DOT4_V1(dot4Depth4, dot4Tail, 4, VMOVUPD, VFMADD231PD)
	DOT4_TAIL(dot4Tail, dot4Reduce, VMASKMOVPD, DMASK, VFMADD231PD, Y11, Y12, Y13, Y14)

dot4Reduce:
	DOT4_SUM_F64
	ADDQ $32, Y_PTR
	LEAQ (M3)(LDM*1), M0
	SUBQ $4, ROWS
	JMP  dot4Rows

dot1Row:
	TESTQ ROWS, ROWS
	JZ    dotDone
	DOT1_START(VXORPD)
	DOT1_V2(dot1Depth8, dot1Depth4, 8, VMOVUPD, VFMADD231PD)
	DOT1_V1(dot1Depth4, dot1Tail, 4, VMOVUPD, VFMADD231PD)
	DOT1_TAIL(dot1Tail, dot1Reduce, VMASKMOVPD, DMASK, VFMADD231PD, Y11)

dot1Reduce:
	DOT1_FOLD(VADDPD)
	VHADDPD X0, X0, X0
	VADDSD  (Y_PTR), X0, X0
	VMOVSD  X0, (Y_PTR)
	ADDQ    $8, Y_PTR
	ADDQ    LDM, M0
	DECQ    ROWS
	JMP     dot1Row

dotDone:
	VZEROUPPER
	RET
