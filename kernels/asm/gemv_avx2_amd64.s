//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"

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
	VBROADCASTSS (X_PTR), Y0
	VBROADCASTSS 4(X_PTR), Y1
	VBROADCASTSS 8(X_PTR), Y2
	VBROADCASTSS 12(X_PTR), Y3
	LEAQ (M0)(LDM*1), M1
	LEAQ (M0)(LDM*2), M2
	LEAQ (M1)(LDM*2), M3
	XORQ OFF, OFF
	MOVQ WIDTH, LEFT

axpy4Cols32:
	CMPQ LEFT, $32
	JB   axpy4Cols8
	VMOVUPS (Y_PTR)(OFF*1), Y4
	VMOVUPS 32(Y_PTR)(OFF*1), Y5
	VMOVUPS 64(Y_PTR)(OFF*1), Y6
	VMOVUPS 96(Y_PTR)(OFF*1), Y7
	VFMADD231PS (M0)(OFF*1), Y0, Y4
	VFMADD231PS 32(M0)(OFF*1), Y0, Y5
	VFMADD231PS 64(M0)(OFF*1), Y0, Y6
	VFMADD231PS 96(M0)(OFF*1), Y0, Y7
	VFMADD231PS (M1)(OFF*1), Y1, Y4
	VFMADD231PS 32(M1)(OFF*1), Y1, Y5
	VFMADD231PS 64(M1)(OFF*1), Y1, Y6
	VFMADD231PS 96(M1)(OFF*1), Y1, Y7
	VFMADD231PS (M2)(OFF*1), Y2, Y4
	VFMADD231PS 32(M2)(OFF*1), Y2, Y5
	VFMADD231PS 64(M2)(OFF*1), Y2, Y6
	VFMADD231PS 96(M2)(OFF*1), Y2, Y7
	VFMADD231PS (M3)(OFF*1), Y3, Y4
	VFMADD231PS 32(M3)(OFF*1), Y3, Y5
	VFMADD231PS 64(M3)(OFF*1), Y3, Y6
	VFMADD231PS 96(M3)(OFF*1), Y3, Y7
	VMOVUPS Y4, (Y_PTR)(OFF*1)
	VMOVUPS Y5, 32(Y_PTR)(OFF*1)
	VMOVUPS Y6, 64(Y_PTR)(OFF*1)
	VMOVUPS Y7, 96(Y_PTR)(OFF*1)
	ADDQ $128, OFF
	SUBQ $32, LEFT
	JMP  axpy4Cols32

axpy4Cols8:
	CMPQ LEFT, $8
	JB   axpy4Tail
	VMOVUPS (Y_PTR)(OFF*1), Y4
	VFMADD231PS (M0)(OFF*1), Y0, Y4
	VFMADD231PS (M1)(OFF*1), Y1, Y4
	VFMADD231PS (M2)(OFF*1), Y2, Y4
	VFMADD231PS (M3)(OFF*1), Y3, Y4
	VMOVUPS Y4, (Y_PTR)(OFF*1)
	ADDQ $32, OFF
	SUBQ $8, LEFT
	JMP  axpy4Cols8

axpy4Tail:
	TESTQ LEFT, LEFT
	JZ    axpy4Next
	VMASKMOVPS (Y_PTR)(OFF*1), MASK, Y4
	VMASKMOVPS (M0)(OFF*1), MASK, Y9
	VMASKMOVPS (M1)(OFF*1), MASK, Y10
	VMASKMOVPS (M2)(OFF*1), MASK, Y11
	VMASKMOVPS (M3)(OFF*1), MASK, Y12
	VFMADD231PS Y9, Y0, Y4
	VFMADD231PS Y10, Y1, Y4
	VFMADD231PS Y11, Y2, Y4
	VFMADD231PS Y12, Y3, Y4
	VMASKMOVPS Y4, MASK, (Y_PTR)(OFF*1)

axpy4Next:
	LEAQ (M3)(LDM*1), M0
	ADDQ $16, X_PTR
	SUBQ $4, ROWS
	JMP  axpy4Rows

axpy1Row:
	TESTQ ROWS, ROWS
	JZ    axpyDone
	VBROADCASTSS (X_PTR), Y0
	XORQ OFF, OFF
	MOVQ WIDTH, LEFT

axpy1Cols32:
	CMPQ LEFT, $32
	JB   axpy1Cols8
	VMOVUPS (Y_PTR)(OFF*1), Y4
	VMOVUPS 32(Y_PTR)(OFF*1), Y5
	VMOVUPS 64(Y_PTR)(OFF*1), Y6
	VMOVUPS 96(Y_PTR)(OFF*1), Y7
	VFMADD231PS (M0)(OFF*1), Y0, Y4
	VFMADD231PS 32(M0)(OFF*1), Y0, Y5
	VFMADD231PS 64(M0)(OFF*1), Y0, Y6
	VFMADD231PS 96(M0)(OFF*1), Y0, Y7
	VMOVUPS Y4, (Y_PTR)(OFF*1)
	VMOVUPS Y5, 32(Y_PTR)(OFF*1)
	VMOVUPS Y6, 64(Y_PTR)(OFF*1)
	VMOVUPS Y7, 96(Y_PTR)(OFF*1)
	ADDQ $128, OFF
	SUBQ $32, LEFT
	JMP  axpy1Cols32

axpy1Cols8:
	CMPQ LEFT, $8
	JB   axpy1Tail
	VMOVUPS (Y_PTR)(OFF*1), Y4
	VFMADD231PS (M0)(OFF*1), Y0, Y4
	VMOVUPS Y4, (Y_PTR)(OFF*1)
	ADDQ $32, OFF
	SUBQ $8, LEFT
	JMP  axpy1Cols8

axpy1Tail:
	TESTQ LEFT, LEFT
	JZ    axpy1Next
	VMASKMOVPS (Y_PTR)(OFF*1), MASK, Y4
	VMASKMOVPS (M0)(OFF*1), MASK, Y9
	VFMADD231PS Y9, Y0, Y4
	VMASKMOVPS Y4, MASK, (Y_PTR)(OFF*1)

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
	VBROADCASTSD (X_PTR), Y0
	VBROADCASTSD 8(X_PTR), Y1
	VBROADCASTSD 16(X_PTR), Y2
	VBROADCASTSD 24(X_PTR), Y3
	LEAQ (M0)(LDM*1), M1
	LEAQ (M0)(LDM*2), M2
	LEAQ (M1)(LDM*2), M3
	XORQ OFF, OFF
	MOVQ WIDTH, LEFT

axpy4Cols16:
	CMPQ LEFT, $16
	JB   axpy4Cols4
	VMOVUPD (Y_PTR)(OFF*1), Y4
	VMOVUPD 32(Y_PTR)(OFF*1), Y5
	VMOVUPD 64(Y_PTR)(OFF*1), Y6
	VMOVUPD 96(Y_PTR)(OFF*1), Y7
	VFMADD231PD (M0)(OFF*1), Y0, Y4
	VFMADD231PD 32(M0)(OFF*1), Y0, Y5
	VFMADD231PD 64(M0)(OFF*1), Y0, Y6
	VFMADD231PD 96(M0)(OFF*1), Y0, Y7
	VFMADD231PD (M1)(OFF*1), Y1, Y4
	VFMADD231PD 32(M1)(OFF*1), Y1, Y5
	VFMADD231PD 64(M1)(OFF*1), Y1, Y6
	VFMADD231PD 96(M1)(OFF*1), Y1, Y7
	VFMADD231PD (M2)(OFF*1), Y2, Y4
	VFMADD231PD 32(M2)(OFF*1), Y2, Y5
	VFMADD231PD 64(M2)(OFF*1), Y2, Y6
	VFMADD231PD 96(M2)(OFF*1), Y2, Y7
	VFMADD231PD (M3)(OFF*1), Y3, Y4
	VFMADD231PD 32(M3)(OFF*1), Y3, Y5
	VFMADD231PD 64(M3)(OFF*1), Y3, Y6
	VFMADD231PD 96(M3)(OFF*1), Y3, Y7
	VMOVUPD Y4, (Y_PTR)(OFF*1)
	VMOVUPD Y5, 32(Y_PTR)(OFF*1)
	VMOVUPD Y6, 64(Y_PTR)(OFF*1)
	VMOVUPD Y7, 96(Y_PTR)(OFF*1)
	ADDQ $128, OFF
	SUBQ $16, LEFT
	JMP  axpy4Cols16

axpy4Cols4:
	CMPQ LEFT, $4
	JB   axpy4Tail
	VMOVUPD (Y_PTR)(OFF*1), Y4
	VFMADD231PD (M0)(OFF*1), Y0, Y4
	VFMADD231PD (M1)(OFF*1), Y1, Y4
	VFMADD231PD (M2)(OFF*1), Y2, Y4
	VFMADD231PD (M3)(OFF*1), Y3, Y4
	VMOVUPD Y4, (Y_PTR)(OFF*1)
	ADDQ $32, OFF
	SUBQ $4, LEFT
	JMP  axpy4Cols4

axpy4Tail:
	TESTQ LEFT, LEFT
	JZ    axpy4Next
	VMASKMOVPD (Y_PTR)(OFF*1), MASK, Y4
	VMASKMOVPD (M0)(OFF*1), MASK, Y9
	VMASKMOVPD (M1)(OFF*1), MASK, Y10
	VMASKMOVPD (M2)(OFF*1), MASK, Y11
	VMASKMOVPD (M3)(OFF*1), MASK, Y12
	VFMADD231PD Y9, Y0, Y4
	VFMADD231PD Y10, Y1, Y4
	VFMADD231PD Y11, Y2, Y4
	VFMADD231PD Y12, Y3, Y4
	VMASKMOVPD Y4, MASK, (Y_PTR)(OFF*1)

axpy4Next:
	LEAQ (M3)(LDM*1), M0
	ADDQ $32, X_PTR
	SUBQ $4, ROWS
	JMP  axpy4Rows

axpy1Row:
	TESTQ ROWS, ROWS
	JZ    axpyDone
	VBROADCASTSD (X_PTR), Y0
	XORQ OFF, OFF
	MOVQ WIDTH, LEFT

axpy1Cols16:
	CMPQ LEFT, $16
	JB   axpy1Cols4
	VMOVUPD (Y_PTR)(OFF*1), Y4
	VMOVUPD 32(Y_PTR)(OFF*1), Y5
	VMOVUPD 64(Y_PTR)(OFF*1), Y6
	VMOVUPD 96(Y_PTR)(OFF*1), Y7
	VFMADD231PD (M0)(OFF*1), Y0, Y4
	VFMADD231PD 32(M0)(OFF*1), Y0, Y5
	VFMADD231PD 64(M0)(OFF*1), Y0, Y6
	VFMADD231PD 96(M0)(OFF*1), Y0, Y7
	VMOVUPD Y4, (Y_PTR)(OFF*1)
	VMOVUPD Y5, 32(Y_PTR)(OFF*1)
	VMOVUPD Y6, 64(Y_PTR)(OFF*1)
	VMOVUPD Y7, 96(Y_PTR)(OFF*1)
	ADDQ $128, OFF
	SUBQ $16, LEFT
	JMP  axpy1Cols16

axpy1Cols4:
	CMPQ LEFT, $4
	JB   axpy1Tail
	VMOVUPD (Y_PTR)(OFF*1), Y4
	VFMADD231PD (M0)(OFF*1), Y0, Y4
	VMOVUPD Y4, (Y_PTR)(OFF*1)
	ADDQ $32, OFF
	SUBQ $4, LEFT
	JMP  axpy1Cols4

axpy1Tail:
	TESTQ LEFT, LEFT
	JZ    axpy1Next
	VMASKMOVPD (Y_PTR)(OFF*1), MASK, Y4
	VMASKMOVPD (M0)(OFF*1), MASK, Y9
	VFMADD231PD Y9, Y0, Y4
	VMASKMOVPD Y4, MASK, (Y_PTR)(OFF*1)

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
	LEAQ (M0)(LDM*1), M1
	LEAQ (M0)(LDM*2), M2
	LEAQ (M1)(LDM*2), M3
	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	VXORPS Y2, Y2, Y2
	VXORPS Y3, Y3, Y3
	VXORPS Y4, Y4, Y4
	VXORPS Y5, Y5, Y5
	VXORPS Y6, Y6, Y6
	VXORPS Y7, Y7, Y7
	XORQ OFF, OFF
	MOVQ WIDTH, LEFT

dot4Depth16:
	CMPQ LEFT, $16
	JB   dot4Depth8
	VMOVUPS (X_PTR)(OFF*1), Y8
	VMOVUPS 32(X_PTR)(OFF*1), Y9
	VFMADD231PS (M0)(OFF*1), Y8, Y0
	VFMADD231PS 32(M0)(OFF*1), Y9, Y1
	VFMADD231PS (M1)(OFF*1), Y8, Y2
	VFMADD231PS 32(M1)(OFF*1), Y9, Y3
	VFMADD231PS (M2)(OFF*1), Y8, Y4
	VFMADD231PS 32(M2)(OFF*1), Y9, Y5
	VFMADD231PS (M3)(OFF*1), Y8, Y6
	VFMADD231PS 32(M3)(OFF*1), Y9, Y7
	ADDQ $64, OFF
	SUBQ $16, LEFT
	JMP  dot4Depth16

dot4Depth8:
	CMPQ LEFT, $8
	JB   dot4Tail
	VMOVUPS (X_PTR)(OFF*1), Y8
	VFMADD231PS (M0)(OFF*1), Y8, Y0
	VFMADD231PS (M1)(OFF*1), Y8, Y2
	VFMADD231PS (M2)(OFF*1), Y8, Y4
	VFMADD231PS (M3)(OFF*1), Y8, Y6
	ADDQ $32, OFF
	SUBQ $8, LEFT

dot4Tail:
	TESTQ LEFT, LEFT
	JZ    dot4Reduce
	VMASKMOVPS (X_PTR)(OFF*1), DMASK, Y8
	VMASKMOVPS (M0)(OFF*1), DMASK, Y11
	VMASKMOVPS (M1)(OFF*1), DMASK, Y12
	VMASKMOVPS (M2)(OFF*1), DMASK, Y13
	VMASKMOVPS (M3)(OFF*1), DMASK, Y14
	VFMADD231PS Y11, Y8, Y1
	VFMADD231PS Y12, Y8, Y3
	VFMADD231PS Y13, Y8, Y5
	VFMADD231PS Y14, Y8, Y7

dot4Reduce:
	// Row r's sum: its two vectors added, the halves folded, then the
	// rows' pieces paired by horizontal adds into one vector of sums.
	VADDPS Y1, Y0, Y0
	VADDPS Y3, Y2, Y2
	VADDPS Y5, Y4, Y4
	VADDPS Y7, Y6, Y6
	VEXTRACTF128 $1, Y0, X1
	VEXTRACTF128 $1, Y2, X3
	VEXTRACTF128 $1, Y4, X5
	VEXTRACTF128 $1, Y6, X7
	VADDPS X1, X0, X0
	VADDPS X3, X2, X2
	VADDPS X5, X4, X4
	VADDPS X7, X6, X6
	VHADDPS X2, X0, X0 // [r0 01, r0 23, r1 01, r1 23]
	VHADDPS X6, X4, X4 // [r2 01, r2 23, r3 01, r3 23]
	VHADDPS X4, X0, X0 // [r0, r1, r2, r3]
	VADDPS  (Y_PTR), X0, X0
	VMOVUPS X0, (Y_PTR)
	ADDQ $16, Y_PTR
	LEAQ (M3)(LDM*1), M0
	SUBQ $4, ROWS
	JMP  dot4Rows

dot1Row:
	TESTQ ROWS, ROWS
	JZ    dotDone
	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	XORQ OFF, OFF
	MOVQ WIDTH, LEFT

dot1Depth16:
	CMPQ LEFT, $16
	JB   dot1Depth8
	VMOVUPS (M0)(OFF*1), Y8
	VMOVUPS 32(M0)(OFF*1), Y9
	VFMADD231PS (X_PTR)(OFF*1), Y8, Y0
	VFMADD231PS 32(X_PTR)(OFF*1), Y9, Y1
	ADDQ $64, OFF
	SUBQ $16, LEFT
	JMP  dot1Depth16

dot1Depth8:
	CMPQ LEFT, $8
	JB   dot1Tail
	VMOVUPS (M0)(OFF*1), Y8
	VFMADD231PS (X_PTR)(OFF*1), Y8, Y0
	ADDQ $32, OFF
	SUBQ $8, LEFT

dot1Tail:
	TESTQ LEFT, LEFT
	JZ    dot1Reduce
	VMASKMOVPS (X_PTR)(OFF*1), DMASK, Y8
	VMASKMOVPS (M0)(OFF*1), DMASK, Y11
	VFMADD231PS Y11, Y8, Y1

dot1Reduce:
	VADDPS Y1, Y0, Y0
	VEXTRACTF128 $1, Y0, X1
	VADDPS X1, X0, X0
	VHADDPS X0, X0, X0
	VHADDPS X0, X0, X0
	VADDSS  (Y_PTR), X0, X0
	VMOVSS  X0, (Y_PTR)
	ADDQ $4, Y_PTR
	ADDQ LDM, M0
	DECQ ROWS
	JMP  dot1Row

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
	LEAQ (M0)(LDM*1), M1
	LEAQ (M0)(LDM*2), M2
	LEAQ (M1)(LDM*2), M3
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	VXORPD Y2, Y2, Y2
	VXORPD Y3, Y3, Y3
	VXORPD Y4, Y4, Y4
	VXORPD Y5, Y5, Y5
	VXORPD Y6, Y6, Y6
	VXORPD Y7, Y7, Y7
	XORQ OFF, OFF
	MOVQ WIDTH, LEFT

dot4Depth8:
	CMPQ LEFT, $8
	JB   dot4Depth4
	VMOVUPD (X_PTR)(OFF*1), Y8
	VMOVUPD 32(X_PTR)(OFF*1), Y9
	VFMADD231PD (M0)(OFF*1), Y8, Y0
	VFMADD231PD 32(M0)(OFF*1), Y9, Y1
	VFMADD231PD (M1)(OFF*1), Y8, Y2
	VFMADD231PD 32(M1)(OFF*1), Y9, Y3
	VFMADD231PD (M2)(OFF*1), Y8, Y4
	VFMADD231PD 32(M2)(OFF*1), Y9, Y5
	VFMADD231PD (M3)(OFF*1), Y8, Y6
	VFMADD231PD 32(M3)(OFF*1), Y9, Y7
	ADDQ $64, OFF
	SUBQ $8, LEFT
	JMP  dot4Depth8

dot4Depth4:
	CMPQ LEFT, $4
	JB   dot4Tail
	VMOVUPD (X_PTR)(OFF*1), Y8
	VFMADD231PD (M0)(OFF*1), Y8, Y0
	VFMADD231PD (M1)(OFF*1), Y8, Y2
	VFMADD231PD (M2)(OFF*1), Y8, Y4
	VFMADD231PD (M3)(OFF*1), Y8, Y6
	ADDQ $32, OFF
	SUBQ $4, LEFT

dot4Tail:
	TESTQ LEFT, LEFT
	JZ    dot4Reduce
	VMASKMOVPD (X_PTR)(OFF*1), DMASK, Y8
	VMASKMOVPD (M0)(OFF*1), DMASK, Y11
	VMASKMOVPD (M1)(OFF*1), DMASK, Y12
	VMASKMOVPD (M2)(OFF*1), DMASK, Y13
	VMASKMOVPD (M3)(OFF*1), DMASK, Y14
	VFMADD231PD Y11, Y8, Y1
	VFMADD231PD Y12, Y8, Y3
	VFMADD231PD Y13, Y8, Y5
	VFMADD231PD Y14, Y8, Y7

dot4Reduce:
	// Row r's sum: its two vectors added, the halves folded, then the
	// rows' pieces paired by horizontal adds into one vector of sums.
	VADDPD Y1, Y0, Y0
	VADDPD Y3, Y2, Y2
	VADDPD Y5, Y4, Y4
	VADDPD Y7, Y6, Y6
	VEXTRACTF128 $1, Y0, X1
	VEXTRACTF128 $1, Y2, X3
	VEXTRACTF128 $1, Y4, X5
	VEXTRACTF128 $1, Y6, X7
	VADDPD X1, X0, X0
	VADDPD X3, X2, X2
	VADDPD X5, X4, X4
	VADDPD X7, X6, X6
	VHADDPD     X2, X0, X0 // [r0, r1]
	VHADDPD     X6, X4, X4 // [r2, r3]
	VINSERTF128 $1, X4, Y0, Y0
	VADDPD      (Y_PTR), Y0, Y0
	VMOVUPD     Y0, (Y_PTR)
	ADDQ $32, Y_PTR
	LEAQ (M3)(LDM*1), M0
	SUBQ $4, ROWS
	JMP  dot4Rows

dot1Row:
	TESTQ ROWS, ROWS
	JZ    dotDone
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1
	XORQ OFF, OFF
	MOVQ WIDTH, LEFT

dot1Depth8:
	CMPQ LEFT, $8
	JB   dot1Depth4
	VMOVUPD (M0)(OFF*1), Y8
	VMOVUPD 32(M0)(OFF*1), Y9
	VFMADD231PD (X_PTR)(OFF*1), Y8, Y0
	VFMADD231PD 32(X_PTR)(OFF*1), Y9, Y1
	ADDQ $64, OFF
	SUBQ $8, LEFT
	JMP  dot1Depth8

dot1Depth4:
	CMPQ LEFT, $4
	JB   dot1Tail
	VMOVUPD (M0)(OFF*1), Y8
	VFMADD231PD (X_PTR)(OFF*1), Y8, Y0
	ADDQ $32, OFF
	SUBQ $4, LEFT

dot1Tail:
	TESTQ LEFT, LEFT
	JZ    dot1Reduce
	VMASKMOVPD (X_PTR)(OFF*1), DMASK, Y8
	VMASKMOVPD (M0)(OFF*1), DMASK, Y11
	VFMADD231PD Y11, Y8, Y1

dot1Reduce:
	VADDPD Y1, Y0, Y0
	VEXTRACTF128 $1, Y0, X1
	VADDPD X1, X0, X0
	VHADDPD X0, X0, X0
	VADDSD  (Y_PTR), X0, X0
	VMOVSD  X0, (Y_PTR)
	ADDQ $8, Y_PTR
	ADDQ LDM, M0
	DECQ ROWS
	JMP  dot1Row

dotDone:
	VZEROUPPER
	RET
