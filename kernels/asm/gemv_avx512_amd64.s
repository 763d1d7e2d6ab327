//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"

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
	CMPQ         ROWS, $4
	JB           axpy1Row
	VBROADCASTSS (X_PTR), Z0
	VBROADCASTSS 4(X_PTR), Z1
	VBROADCASTSS 8(X_PTR), Z2
	VBROADCASTSS 12(X_PTR), Z3
	LEAQ         (M0)(LDM*1), M1
	LEAQ         (M0)(LDM*2), M2
	LEAQ         (M1)(LDM*2), M3
	XORQ         OFF, OFF
	MOVQ         WIDTH, LEFT

axpy4Cols64:
	CMPQ        LEFT, $64
	JB          axpy4Cols16
	VMOVUPS     (Y_PTR)(OFF*1), Z4
	VMOVUPS     64(Y_PTR)(OFF*1), Z5
	VMOVUPS     128(Y_PTR)(OFF*1), Z6
	VMOVUPS     192(Y_PTR)(OFF*1), Z7
	VFMADD231PS (M0)(OFF*1), Z0, Z4
	VFMADD231PS 64(M0)(OFF*1), Z0, Z5
	VFMADD231PS 128(M0)(OFF*1), Z0, Z6
	VFMADD231PS 192(M0)(OFF*1), Z0, Z7
	VFMADD231PS (M1)(OFF*1), Z1, Z4
	VFMADD231PS 64(M1)(OFF*1), Z1, Z5
	VFMADD231PS 128(M1)(OFF*1), Z1, Z6
	VFMADD231PS 192(M1)(OFF*1), Z1, Z7
	VFMADD231PS (M2)(OFF*1), Z2, Z4
	VFMADD231PS 64(M2)(OFF*1), Z2, Z5
	VFMADD231PS 128(M2)(OFF*1), Z2, Z6
	VFMADD231PS 192(M2)(OFF*1), Z2, Z7
	VFMADD231PS (M3)(OFF*1), Z3, Z4
	VFMADD231PS 64(M3)(OFF*1), Z3, Z5
	VFMADD231PS 128(M3)(OFF*1), Z3, Z6
	VFMADD231PS 192(M3)(OFF*1), Z3, Z7
	VMOVUPS     Z4, (Y_PTR)(OFF*1)
	VMOVUPS     Z5, 64(Y_PTR)(OFF*1)
	VMOVUPS     Z6, 128(Y_PTR)(OFF*1)
	VMOVUPS     Z7, 192(Y_PTR)(OFF*1)
	ADDQ        $256, OFF
	SUBQ        $64, LEFT
	JMP         axpy4Cols64

axpy4Cols16:
	CMPQ        LEFT, $16
	JB          axpy4Tail
	VMOVUPS     (Y_PTR)(OFF*1), Z4
	VFMADD231PS (M0)(OFF*1), Z0, Z4
	VFMADD231PS (M1)(OFF*1), Z1, Z4
	VFMADD231PS (M2)(OFF*1), Z2, Z4
	VFMADD231PS (M3)(OFF*1), Z3, Z4
	VMOVUPS     Z4, (Y_PTR)(OFF*1)
	ADDQ        $64, OFF
	SUBQ        $16, LEFT
	JMP         axpy4Cols16

axpy4Tail:
	TESTQ       LEFT, LEFT
	JZ          axpy4Next
	VMOVUPS.Z   (Y_PTR)(OFF*1), K1, Z4
	VMOVUPS.Z   (M0)(OFF*1), K1, Z8
	VMOVUPS.Z   (M1)(OFF*1), K1, Z9
	VMOVUPS.Z   (M2)(OFF*1), K1, Z10
	VMOVUPS.Z   (M3)(OFF*1), K1, Z11
	VFMADD231PS Z8, Z0, Z4
	VFMADD231PS Z9, Z1, Z4
	VFMADD231PS Z10, Z2, Z4
	VFMADD231PS Z11, Z3, Z4
	VMOVUPS     Z4, K1, (Y_PTR)(OFF*1)

axpy4Next:
	LEAQ (M3)(LDM*1), M0
	ADDQ $16, X_PTR
	SUBQ $4, ROWS
	JMP  axpy4Rows

axpy1Row:
	TESTQ        ROWS, ROWS
	JZ           axpyDone
	VBROADCASTSS (X_PTR), Z0
	XORQ         OFF, OFF
	MOVQ         WIDTH, LEFT

axpy1Cols64:
	CMPQ        LEFT, $64
	JB          axpy1Cols16
	VMOVUPS     (Y_PTR)(OFF*1), Z4
	VMOVUPS     64(Y_PTR)(OFF*1), Z5
	VMOVUPS     128(Y_PTR)(OFF*1), Z6
	VMOVUPS     192(Y_PTR)(OFF*1), Z7
	VFMADD231PS (M0)(OFF*1), Z0, Z4
	VFMADD231PS 64(M0)(OFF*1), Z0, Z5
	VFMADD231PS 128(M0)(OFF*1), Z0, Z6
	VFMADD231PS 192(M0)(OFF*1), Z0, Z7
	VMOVUPS     Z4, (Y_PTR)(OFF*1)
	VMOVUPS     Z5, 64(Y_PTR)(OFF*1)
	VMOVUPS     Z6, 128(Y_PTR)(OFF*1)
	VMOVUPS     Z7, 192(Y_PTR)(OFF*1)
	ADDQ        $256, OFF
	SUBQ        $64, LEFT
	JMP         axpy1Cols64

axpy1Cols16:
	CMPQ        LEFT, $16
	JB          axpy1Tail
	VMOVUPS     (Y_PTR)(OFF*1), Z4
	VFMADD231PS (M0)(OFF*1), Z0, Z4
	VMOVUPS     Z4, (Y_PTR)(OFF*1)
	ADDQ        $64, OFF
	SUBQ        $16, LEFT
	JMP         axpy1Cols16

axpy1Tail:
	TESTQ       LEFT, LEFT
	JZ          axpy1Next
	VMOVUPS.Z   (Y_PTR)(OFF*1), K1, Z4
	VMOVUPS.Z   (M0)(OFF*1), K1, Z8
	VFMADD231PS Z8, Z0, Z4
	VMOVUPS     Z4, K1, (Y_PTR)(OFF*1)

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
	CMPQ         ROWS, $4
	JB           axpy1Row
	VBROADCASTSD (X_PTR), Z0
	VBROADCASTSD 8(X_PTR), Z1
	VBROADCASTSD 16(X_PTR), Z2
	VBROADCASTSD 24(X_PTR), Z3
	LEAQ         (M0)(LDM*1), M1
	LEAQ         (M0)(LDM*2), M2
	LEAQ         (M1)(LDM*2), M3
	XORQ         OFF, OFF
	MOVQ         WIDTH, LEFT

axpy4Cols32:
	CMPQ        LEFT, $32
	JB          axpy4Cols8
	VMOVUPD     (Y_PTR)(OFF*1), Z4
	VMOVUPD     64(Y_PTR)(OFF*1), Z5
	VMOVUPD     128(Y_PTR)(OFF*1), Z6
	VMOVUPD     192(Y_PTR)(OFF*1), Z7
	VFMADD231PD (M0)(OFF*1), Z0, Z4
	VFMADD231PD 64(M0)(OFF*1), Z0, Z5
	VFMADD231PD 128(M0)(OFF*1), Z0, Z6
	VFMADD231PD 192(M0)(OFF*1), Z0, Z7
	VFMADD231PD (M1)(OFF*1), Z1, Z4
	VFMADD231PD 64(M1)(OFF*1), Z1, Z5
	VFMADD231PD 128(M1)(OFF*1), Z1, Z6
	VFMADD231PD 192(M1)(OFF*1), Z1, Z7
	VFMADD231PD (M2)(OFF*1), Z2, Z4
	VFMADD231PD 64(M2)(OFF*1), Z2, Z5
	VFMADD231PD 128(M2)(OFF*1), Z2, Z6
	VFMADD231PD 192(M2)(OFF*1), Z2, Z7
	VFMADD231PD (M3)(OFF*1), Z3, Z4
	VFMADD231PD 64(M3)(OFF*1), Z3, Z5
	VFMADD231PD 128(M3)(OFF*1), Z3, Z6
	VFMADD231PD 192(M3)(OFF*1), Z3, Z7
	VMOVUPD     Z4, (Y_PTR)(OFF*1)
	VMOVUPD     Z5, 64(Y_PTR)(OFF*1)
	VMOVUPD     Z6, 128(Y_PTR)(OFF*1)
	VMOVUPD     Z7, 192(Y_PTR)(OFF*1)
	ADDQ        $256, OFF
	SUBQ        $32, LEFT
	JMP         axpy4Cols32

axpy4Cols8:
	CMPQ        LEFT, $8
	JB          axpy4Tail
	VMOVUPD     (Y_PTR)(OFF*1), Z4
	VFMADD231PD (M0)(OFF*1), Z0, Z4
	VFMADD231PD (M1)(OFF*1), Z1, Z4
	VFMADD231PD (M2)(OFF*1), Z2, Z4
	VFMADD231PD (M3)(OFF*1), Z3, Z4
	VMOVUPD     Z4, (Y_PTR)(OFF*1)
	ADDQ        $64, OFF
	SUBQ        $8, LEFT
	JMP         axpy4Cols8

axpy4Tail:
	TESTQ       LEFT, LEFT
	JZ          axpy4Next
	VMOVUPD.Z   (Y_PTR)(OFF*1), K1, Z4
	VMOVUPD.Z   (M0)(OFF*1), K1, Z8
	VMOVUPD.Z   (M1)(OFF*1), K1, Z9
	VMOVUPD.Z   (M2)(OFF*1), K1, Z10
	VMOVUPD.Z   (M3)(OFF*1), K1, Z11
	VFMADD231PD Z8, Z0, Z4
	VFMADD231PD Z9, Z1, Z4
	VFMADD231PD Z10, Z2, Z4
	VFMADD231PD Z11, Z3, Z4
	VMOVUPD     Z4, K1, (Y_PTR)(OFF*1)

axpy4Next:
	LEAQ (M3)(LDM*1), M0
	ADDQ $32, X_PTR
	SUBQ $4, ROWS
	JMP  axpy4Rows

axpy1Row:
	TESTQ        ROWS, ROWS
	JZ           axpyDone
	VBROADCASTSD (X_PTR), Z0
	XORQ         OFF, OFF
	MOVQ         WIDTH, LEFT

axpy1Cols8:
	CMPQ        LEFT, $8
	JB          axpy1Tail
	VMOVUPD     (Y_PTR)(OFF*1), Z4
	VFMADD231PD (M0)(OFF*1), Z0, Z4
	VMOVUPD     Z4, (Y_PTR)(OFF*1)
	ADDQ        $64, OFF
	SUBQ        $8, LEFT
	JMP         axpy1Cols8

axpy1Tail:
	TESTQ       LEFT, LEFT
	JZ          axpy1Next
	VMOVUPD.Z   (Y_PTR)(OFF*1), K1, Z4
	VMOVUPD.Z   (M0)(OFF*1), K1, Z8
	VFMADD231PD Z8, Z0, Z4
	VMOVUPD     Z4, K1, (Y_PTR)(OFF*1)

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
	CMPQ   ROWS, $4
	JB     dot1Row
	LEAQ   (M0)(LDM*1), M1
	LEAQ   (M0)(LDM*2), M2
	LEAQ   (M1)(LDM*2), M3
	VXORPS Z0, Z0, Z0
	VXORPS Z1, Z1, Z1
	VXORPS Z2, Z2, Z2
	VXORPS Z3, Z3, Z3
	VXORPS Z4, Z4, Z4
	VXORPS Z5, Z5, Z5
	VXORPS Z6, Z6, Z6
	VXORPS Z7, Z7, Z7
	XORQ   OFF, OFF
	MOVQ   WIDTH, LEFT

dot4Depth32:
	CMPQ        LEFT, $32
	JB          dot4Depth16
	VMOVUPS     (X_PTR)(OFF*1), Z8
	VMOVUPS     64(X_PTR)(OFF*1), Z9
	VFMADD231PS (M0)(OFF*1), Z8, Z0
	VFMADD231PS 64(M0)(OFF*1), Z9, Z1
	VFMADD231PS (M1)(OFF*1), Z8, Z2
	VFMADD231PS 64(M1)(OFF*1), Z9, Z3
	VFMADD231PS (M2)(OFF*1), Z8, Z4
	VFMADD231PS 64(M2)(OFF*1), Z9, Z5
	VFMADD231PS (M3)(OFF*1), Z8, Z6
	VFMADD231PS 64(M3)(OFF*1), Z9, Z7
	ADDQ        $128, OFF
	SUBQ        $32, LEFT
	JMP         dot4Depth32

dot4Depth16:
	CMPQ        LEFT, $16
	JB          dot4Tail
	VMOVUPS     (X_PTR)(OFF*1), Z8
	VFMADD231PS (M0)(OFF*1), Z8, Z0
	VFMADD231PS (M1)(OFF*1), Z8, Z2
	VFMADD231PS (M2)(OFF*1), Z8, Z4
	VFMADD231PS (M3)(OFF*1), Z8, Z6
	ADDQ        $64, OFF
	SUBQ        $16, LEFT

dot4Tail:
	TESTQ       LEFT, LEFT
	JZ          dot4Reduce
	VMOVUPS.Z   (X_PTR)(OFF*1), K1, Z8
	VMOVUPS.Z   (M0)(OFF*1), K1, Z9
	VMOVUPS.Z   (M1)(OFF*1), K1, Z10
	VMOVUPS.Z   (M2)(OFF*1), K1, Z11
	VMOVUPS.Z   (M3)(OFF*1), K1, Z12
	VFMADD231PS Z9, Z8, Z1
	VFMADD231PS Z10, Z8, Z3
	VFMADD231PS Z11, Z8, Z5
	VFMADD231PS Z12, Z8, Z7

dot4Reduce:
	// Row r's sum: its two vectors added, halves folded 16 → 8 → 4, then
	// the four rows' quarters paired by VHADDPS into one vector of sums.
	VADDPS        Z1, Z0, Z0
	VADDPS        Z3, Z2, Z2
	VADDPS        Z5, Z4, Z4
	VADDPS        Z7, Z6, Z6
	VEXTRACTF64X4 $1, Z0, Y1
	VEXTRACTF64X4 $1, Z2, Y3
	VEXTRACTF64X4 $1, Z4, Y5
	VEXTRACTF64X4 $1, Z6, Y7
	VADDPS        Y1, Y0, Y0
	VADDPS        Y3, Y2, Y2
	VADDPS        Y5, Y4, Y4
	VADDPS        Y7, Y6, Y6
	VEXTRACTF128  $1, Y0, X1
	VEXTRACTF128  $1, Y2, X3
	VEXTRACTF128  $1, Y4, X5
	VEXTRACTF128  $1, Y6, X7
	VADDPS        X1, X0, X0
	VADDPS        X3, X2, X2
	VADDPS        X5, X4, X4
	VADDPS        X7, X6, X6
	VHADDPS       X2, X0, X0   // [r0 01, r0 23, r1 01, r1 23]
	VHADDPS       X6, X4, X4   // [r2 01, r2 23, r3 01, r3 23]
	VHADDPS       X4, X0, X0   // [r0, r1, r2, r3]
	VADDPS        (Y_PTR), X0, X0
	VMOVUPS       X0, (Y_PTR)
	ADDQ          $16, Y_PTR
	LEAQ          (M3)(LDM*1), M0
	SUBQ          $4, ROWS
	JMP           dot4Rows

dot1Row:
	TESTQ  ROWS, ROWS
	JZ     dotDone
	VXORPS Z0, Z0, Z0
	VXORPS Z1, Z1, Z1
	XORQ   OFF, OFF
	MOVQ   WIDTH, LEFT

dot1Depth32:
	CMPQ        LEFT, $32
	JB          dot1Depth16
	VMOVUPS     (M0)(OFF*1), Z8
	VMOVUPS     64(M0)(OFF*1), Z9
	VFMADD231PS (X_PTR)(OFF*1), Z8, Z0
	VFMADD231PS 64(X_PTR)(OFF*1), Z9, Z1
	ADDQ        $128, OFF
	SUBQ        $32, LEFT
	JMP         dot1Depth32

dot1Depth16:
	CMPQ        LEFT, $16
	JB          dot1Tail
	VMOVUPS     (M0)(OFF*1), Z8
	VFMADD231PS (X_PTR)(OFF*1), Z8, Z0
	ADDQ        $64, OFF
	SUBQ        $16, LEFT

dot1Tail:
	TESTQ       LEFT, LEFT
	JZ          dot1Reduce
	VMOVUPS.Z   (X_PTR)(OFF*1), K1, Z8
	VMOVUPS.Z   (M0)(OFF*1), K1, Z9
	VFMADD231PS Z9, Z8, Z1

dot1Reduce:
	// The same folding as four rows: 16 → 8 → 4, then pairs, then the two
	// pair sums.
	VADDPS        Z1, Z0, Z0
	VEXTRACTF64X4 $1, Z0, Y1
	VADDPS        Y1, Y0, Y0
	VEXTRACTF128  $1, Y0, X1
	VADDPS        X1, X0, X0
	VHADDPS       X0, X0, X0
	VHADDPS       X0, X0, X0
	VADDSS        (Y_PTR), X0, X0
	VMOVSS        X0, (Y_PTR)
	ADDQ          $4, Y_PTR
	ADDQ          LDM, M0
	DECQ          ROWS
	JMP           dot1Row

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
	CMPQ   ROWS, $4
	JB     dot1Row
	LEAQ   (M0)(LDM*1), M1
	LEAQ   (M0)(LDM*2), M2
	LEAQ   (M1)(LDM*2), M3
	VXORPD Z0, Z0, Z0
	VXORPD Z1, Z1, Z1
	VXORPD Z2, Z2, Z2
	VXORPD Z3, Z3, Z3
	VXORPD Z4, Z4, Z4
	VXORPD Z5, Z5, Z5
	VXORPD Z6, Z6, Z6
	VXORPD Z7, Z7, Z7
	XORQ   OFF, OFF
	MOVQ   WIDTH, LEFT

dot4Depth16:
	CMPQ        LEFT, $16
	JB          dot4Depth8
	VMOVUPD     (X_PTR)(OFF*1), Z8
	VMOVUPD     64(X_PTR)(OFF*1), Z9
	VFMADD231PD (M0)(OFF*1), Z8, Z0
	VFMADD231PD 64(M0)(OFF*1), Z9, Z1
	VFMADD231PD (M1)(OFF*1), Z8, Z2
	VFMADD231PD 64(M1)(OFF*1), Z9, Z3
	VFMADD231PD (M2)(OFF*1), Z8, Z4
	VFMADD231PD 64(M2)(OFF*1), Z9, Z5
	VFMADD231PD (M3)(OFF*1), Z8, Z6
	VFMADD231PD 64(M3)(OFF*1), Z9, Z7
	ADDQ        $128, OFF
	SUBQ        $16, LEFT
	JMP         dot4Depth16

dot4Depth8:
	CMPQ        LEFT, $8
	JB          dot4Tail
	VMOVUPD     (X_PTR)(OFF*1), Z8
	VFMADD231PD (M0)(OFF*1), Z8, Z0
	VFMADD231PD (M1)(OFF*1), Z8, Z2
	VFMADD231PD (M2)(OFF*1), Z8, Z4
	VFMADD231PD (M3)(OFF*1), Z8, Z6
	ADDQ        $64, OFF
	SUBQ        $8, LEFT

dot4Tail:
	TESTQ       LEFT, LEFT
	JZ          dot4Reduce
	VMOVUPD.Z   (X_PTR)(OFF*1), K1, Z8
	VMOVUPD.Z   (M0)(OFF*1), K1, Z9
	VMOVUPD.Z   (M1)(OFF*1), K1, Z10
	VMOVUPD.Z   (M2)(OFF*1), K1, Z11
	VMOVUPD.Z   (M3)(OFF*1), K1, Z12
	VFMADD231PD Z9, Z8, Z1
	VFMADD231PD Z10, Z8, Z3
	VFMADD231PD Z11, Z8, Z5
	VFMADD231PD Z12, Z8, Z7

dot4Reduce:
	// Row r's sum: its two vectors added, halves folded 8 → 4 → 2, then
	// the rows' pairs summed by VHADDPD into [r0, r1] and [r2, r3].
	VADDPD        Z1, Z0, Z0
	VADDPD        Z3, Z2, Z2
	VADDPD        Z5, Z4, Z4
	VADDPD        Z7, Z6, Z6
	VEXTRACTF64X4 $1, Z0, Y1
	VEXTRACTF64X4 $1, Z2, Y3
	VEXTRACTF64X4 $1, Z4, Y5
	VEXTRACTF64X4 $1, Z6, Y7
	VADDPD        Y1, Y0, Y0
	VADDPD        Y3, Y2, Y2
	VADDPD        Y5, Y4, Y4
	VADDPD        Y7, Y6, Y6
	VEXTRACTF128  $1, Y0, X1
	VEXTRACTF128  $1, Y2, X3
	VEXTRACTF128  $1, Y4, X5
	VEXTRACTF128  $1, Y6, X7
	VADDPD        X1, X0, X0
	VADDPD        X3, X2, X2
	VADDPD        X5, X4, X4
	VADDPD        X7, X6, X6
	VHADDPD       X2, X0, X0         // [r0, r1]
	VHADDPD       X6, X4, X4         // [r2, r3]
	VINSERTF128   $1, X4, Y0, Y0
	VADDPD        (Y_PTR), Y0, Y0
	VMOVUPD       Y0, (Y_PTR)
	ADDQ          $32, Y_PTR
	LEAQ          (M3)(LDM*1), M0
	SUBQ          $4, ROWS
	JMP           dot4Rows

dot1Row:
	TESTQ  ROWS, ROWS
	JZ     dotDone
	VXORPD Z0, Z0, Z0
	VXORPD Z1, Z1, Z1
	XORQ   OFF, OFF
	MOVQ   WIDTH, LEFT

dot1Depth16:
	CMPQ        LEFT, $16
	JB          dot1Depth8
	VMOVUPD     (M0)(OFF*1), Z8
	VMOVUPD     64(M0)(OFF*1), Z9
	VFMADD231PD (X_PTR)(OFF*1), Z8, Z0
	VFMADD231PD 64(X_PTR)(OFF*1), Z9, Z1
	ADDQ        $128, OFF
	SUBQ        $16, LEFT
	JMP         dot1Depth16

dot1Depth8:
	CMPQ        LEFT, $8
	JB          dot1Tail
	VMOVUPD     (M0)(OFF*1), Z8
	VFMADD231PD (X_PTR)(OFF*1), Z8, Z0
	ADDQ        $64, OFF
	SUBQ        $8, LEFT

dot1Tail:
	TESTQ       LEFT, LEFT
	JZ          dot1Reduce
	VMOVUPD.Z   (X_PTR)(OFF*1), K1, Z8
	VMOVUPD.Z   (M0)(OFF*1), K1, Z9
	VFMADD231PD Z9, Z8, Z1

dot1Reduce:
	VADDPD        Z1, Z0, Z0
	VEXTRACTF64X4 $1, Z0, Y1
	VADDPD        Y1, Y0, Y0
	VEXTRACTF128  $1, Y0, X1
	VADDPD        X1, X0, X0
	VHADDPD       X0, X0, X0
	VADDSD        (Y_PTR), X0, X0
	VMOVSD        X0, (Y_PTR)
	ADDQ          $8, Y_PTR
	ADDQ          LDM, M0
	DECQ          ROWS
	JMP           dot1Row

dotDone:
	VZEROUPPER
	RET
