//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"
#include "zmm_amd64.h"
#include "gemv_amd64.h"

// Matrix-vector kernels for AVX-512 (AVX512F only). See gemv_amd64.go for
// what each computes. The axpy form streams four matrix rows at a time
// across the columns, keeping y in memory (it stays in L1); the dot form
// takes four rows at a time against one load of x, two vectors deep, with
// eight accumulators. Column (axpy) and depth (dot) tails use an opmask:
// zero-masked loads and masked stores neither read nor write the
// masked-off lanes (and do not fault beside an unmapped page).

// Registers shared by both forms.
#define ROWS R8   // rows (axpy: of the sum's depth; dot: outputs) left
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

// DOT4_FOLD_ZMM adds each row's two zmm sums and leaves the halves of row
// r's in Y(2r) and Y(2r+1), for gemv_amd64.h's DOT4_FOLD; DOT1_FOLD_ZMM
// does the same for the single row's.
#define DOT4_FOLD_ZMM(ADD) \
	ADD           Z1, Z0, Z0 \
	ADD           Z3, Z2, Z2 \
	ADD           Z5, Z4, Z4 \
	ADD           Z7, Z6, Z6 \
	VEXTRACTF64X4 $1, Z0, Y1 \
	VEXTRACTF64X4 $1, Z2, Y3 \
	VEXTRACTF64X4 $1, Z4, Y5 \
	VEXTRACTF64X4 $1, Z6, Y7

#define DOT1_FOLD_ZMM(ADD) \
	ADD           Z1, Z0, Z0 \
	VEXTRACTF64X4 $1, Z0, Y1

// func GemvAxpyF32AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
//	for p := 0; p < k; p++ {
//		for j := 0; j < n; j++ { y[j] += x[p] * m[p*ldm+j] } // one FMA
//	}
//
// Requires AVX512F.
TEXT ·GemvAxpyF32AVX512(SB), NOSPLIT, $0-48
	MOVQ k+0(FP), ROWS
	MOVQ n+8(FP), WIDTH
	MOVQ x+16(FP), X_PTR
	MOVQ m+24(FP), M0
	MOVQ ldm+32(FP), LDM
	SHLQ $2, LDM
	MOVQ y+40(FP), Y_PTR
	MOVQ WIDTH, CX
	ANDQ $15, CX
	AVX512_TAIL_MASK(CX, AX, K1)

axpy4Rows:
	CMPQ ROWS, $4
	JB   axpy1Row
	AXPY4_START(VBROADCASTSS, 4)
	AXPY4_V4(axpy4Cols64, axpy4Cols16, 64, VMOVUPS, VFMADD231PS)
	AXPY4_V1(axpy4Cols16, axpy4Tail, 16, VMOVUPS, VFMADD231PS)
	AXPY4_TAIL(axpy4Tail, axpy4Next, VMOVUPS.Z, VMOVUPS, K1, VFMADD231PS, Z8, Z9, Z10, Z11)

axpy4Next:
	LEAQ (M3)(LDM*1), M0
	ADDQ $16, X_PTR
	SUBQ $4, ROWS
	JMP  axpy4Rows

axpy1Row:
	TESTQ        ROWS, ROWS
	JZ           axpyDone
	VBROADCASTSS (X_PTR), V0
	ROW_START
	AXPY1_V4(axpy1Cols64, axpy1Cols16, 64, VMOVUPS, VFMADD231PS)
	AXPY1_V1(axpy1Cols16, axpy1Tail, 16, VMOVUPS, VFMADD231PS)
	AXPY1_TAIL(axpy1Tail, axpy1Next, VMOVUPS.Z, VMOVUPS, K1, VFMADD231PS, Z8)

axpy1Next:
	ADDQ LDM, M0
	ADDQ $4, X_PTR
	DECQ ROWS
	JMP  axpy1Row

axpyDone:
	VZEROUPPER
	RET

// func GemvAxpyF64AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
//	for p := 0; p < k; p++ {
//		for j := 0; j < n; j++ { y[j] += x[p] * m[p*ldm+j] } // one FMA
//	}
//
// Requires AVX512F.
TEXT ·GemvAxpyF64AVX512(SB), NOSPLIT, $0-48
	MOVQ k+0(FP), ROWS
	MOVQ n+8(FP), WIDTH
	MOVQ x+16(FP), X_PTR
	MOVQ m+24(FP), M0
	MOVQ ldm+32(FP), LDM
	SHLQ $3, LDM
	MOVQ y+40(FP), Y_PTR
	MOVQ WIDTH, CX
	ANDQ $7, CX
	AVX512_TAIL_MASK(CX, AX, K1)

axpy4Rows:
	CMPQ ROWS, $4
	JB   axpy1Row
	AXPY4_START(VBROADCASTSD, 8)
	AXPY4_V4(axpy4Cols32, axpy4Cols8, 32, VMOVUPD, VFMADD231PD)
	AXPY4_V1(axpy4Cols8, axpy4Tail, 8, VMOVUPD, VFMADD231PD)
	AXPY4_TAIL(axpy4Tail, axpy4Next, VMOVUPD.Z, VMOVUPD, K1, VFMADD231PD, Z8, Z9, Z10, Z11)

axpy4Next:
	LEAQ (M3)(LDM*1), M0
	ADDQ $32, X_PTR
	SUBQ $4, ROWS
	JMP  axpy4Rows

// The single row goes one vector a trip: this kernel has no four-vector
// loop for it.
axpy1Row:
	TESTQ        ROWS, ROWS
	JZ           axpyDone
	VBROADCASTSD (X_PTR), V0
	ROW_START
	AXPY1_V1(axpy1Cols8, axpy1Tail, 8, VMOVUPD, VFMADD231PD)
	AXPY1_TAIL(axpy1Tail, axpy1Next, VMOVUPD.Z, VMOVUPD, K1, VFMADD231PD, Z8)

axpy1Next:
	ADDQ LDM, M0
	ADDQ $8, X_PTR
	DECQ ROWS
	JMP  axpy1Row

axpyDone:
	VZEROUPPER
	RET

// func GemvDotF32AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
//	for i := 0; i < n; i++ {
//		var s float32
//		for p := 0; p < k; p++ { s += m[i*ldm+p] * x[p] } // in eight partial sums
//		y[i] += s
//	}
//
// Each row's sum is kept in two vectors of 16 lanes, added lane-wise, then
// reduced 16 → 8 → 4 → 1 in a fixed order. Requires AVX512F.
TEXT ·GemvDotF32AVX512(SB), NOSPLIT, $0-48
	MOVQ k+0(FP), WIDTH
	MOVQ n+8(FP), ROWS
	MOVQ x+16(FP), X_PTR
	MOVQ m+24(FP), M0
	MOVQ ldm+32(FP), LDM
	SHLQ $2, LDM
	MOVQ y+40(FP), Y_PTR
	MOVQ WIDTH, CX
	ANDQ $15, CX
	AVX512_TAIL_MASK(CX, AX, K1)

dot4Rows:
	CMPQ ROWS, $4
	JB   dot1Row
	DOT4_START(VXORPS)
	DOT4_V2(dot4Depth32, dot4Depth16, 32, VMOVUPS, VFMADD231PS)
	DOT4_V1(dot4Depth16, dot4Tail, 16, VMOVUPS, VFMADD231PS)
	DOT4_TAIL(dot4Tail, dot4Reduce, VMOVUPS.Z, K1, VFMADD231PS, Z9, Z10, Z11, Z12)

dot4Reduce:
	DOT4_FOLD_ZMM(VADDPS)
	DOT4_SUM_F32
	ADDQ $16, Y_PTR
	LEAQ (M3)(LDM*1), M0
	SUBQ $4, ROWS
	JMP  dot4Rows

dot1Row:
	TESTQ ROWS, ROWS
	JZ    dotDone
	DOT1_START(VXORPS)
	DOT1_V2(dot1Depth32, dot1Depth16, 32, VMOVUPS, VFMADD231PS)
	DOT1_V1(dot1Depth16, dot1Tail, 16, VMOVUPS, VFMADD231PS)
	DOT1_TAIL(dot1Tail, dot1Reduce, VMOVUPS.Z, K1, VFMADD231PS, Z9)

dot1Reduce:
	// The same folding as four rows: 16 → 8 → 4, then pairs, then the two
	// pair sums.
	DOT1_FOLD_ZMM(VADDPS)
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

// func GemvDotF64AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
//	for i := 0; i < n; i++ {
//		var s float64
//		for p := 0; p < k; p++ { s += m[i*ldm+p] * x[p] } // in eight partial sums
//		y[i] += s
//	}
//
// Each row's sum is kept in two vectors of 8 lanes, added lane-wise, then
// reduced 8 → 4 → 2 → 1 in a fixed order. Requires AVX512F.
TEXT ·GemvDotF64AVX512(SB), NOSPLIT, $0-48
	MOVQ k+0(FP), WIDTH
	MOVQ n+8(FP), ROWS
	MOVQ x+16(FP), X_PTR
	MOVQ m+24(FP), M0
	MOVQ ldm+32(FP), LDM
	SHLQ $3, LDM
	MOVQ y+40(FP), Y_PTR
	MOVQ WIDTH, CX
	ANDQ $7, CX
	AVX512_TAIL_MASK(CX, AX, K1)

dot4Rows:
	CMPQ ROWS, $4
	JB   dot1Row
	DOT4_START(VXORPD)
	DOT4_V2(dot4Depth16, dot4Depth8, 16, VMOVUPD, VFMADD231PD)
	DOT4_V1(dot4Depth8, dot4Tail, 8, VMOVUPD, VFMADD231PD)
	DOT4_TAIL(dot4Tail, dot4Reduce, VMOVUPD.Z, K1, VFMADD231PD, Z9, Z10, Z11, Z12)

dot4Reduce:
	DOT4_FOLD_ZMM(VADDPD)
	DOT4_SUM_F64
	ADDQ $32, Y_PTR
	LEAQ (M3)(LDM*1), M0
	SUBQ $4, ROWS
	JMP  dot4Rows

dot1Row:
	TESTQ ROWS, ROWS
	JZ    dotDone
	DOT1_START(VXORPD)
	DOT1_V2(dot1Depth16, dot1Depth8, 16, VMOVUPD, VFMADD231PD)
	DOT1_V1(dot1Depth8, dot1Tail, 8, VMOVUPD, VFMADD231PD)
	DOT1_TAIL(dot1Tail, dot1Reduce, VMOVUPD.Z, K1, VFMADD231PD, Z9)

dot1Reduce:
	DOT1_FOLD_ZMM(VADDPD)
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
