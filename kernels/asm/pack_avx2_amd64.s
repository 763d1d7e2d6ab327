//go:build !purego

#include "textflag.h"

// func CopyRowsAVX2(dst, src unsafe.Pointer, rows, stride, width int)
//
//	for r := 0; r < rows; r++ {
//		copy(dst[r*width:(r+1)*width], src[r*stride:r*stride+width])
//	}
//
// 32 bytes per load/store pair. Requires AVX.
TEXT ·CopyRowsAVX2(SB), NOSPLIT, $0-40
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ rows+16(FP), CX
	MOVQ stride+24(FP), R8
	MOVQ width+32(FP), R9

copyRow:
	XORQ AX, AX

copyCol:
	VMOVUPS (SI)(AX*1), Y0
	VMOVUPS Y0, (DI)(AX*1)
	ADDQ    $32, AX
	CMPQ    AX, R9
	JB      copyCol
	ADDQ    R8, SI
	ADDQ    R9, DI
	DECQ    CX
	JNZ     copyRow
	VZEROUPPER
	RET

#define DST DI
#define LDA R8
#define L CX
#define KLEFT DX
#define ROW0 SI
#define ROW1 AX
#define ROW2 BX
#define ROW3 R9
#define ROW4 R10
#define ROW5 R11

// SIX_ROWS points ROW1…ROW5 at the rows after ROW0, LDA bytes apart.
#define SIX_ROWS \
	LEAQ (ROW0)(LDA*1), ROW1; \
	LEAQ (ROW1)(LDA*1), ROW2; \
	LEAQ (ROW2)(LDA*1), ROW3; \
	LEAQ (ROW3)(LDA*1), ROW4; \
	LEAQ (ROW4)(LDA*1), ROW5

// func PackA6F32AVX(dst, a unsafe.Pointer, lda, k int)
//
//	for l := 0; l < k; l++ {
//		for i := 0; i < 6; i++ { dst[l*6+i] = a[i*lda/4+l] }
//	}
//
// Requires AVX.
TEXT ·PackA6F32AVX(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DST
	MOVQ a+8(FP), ROW0
	MOVQ lda+16(FP), LDA
	MOVQ k+24(FP), KLEFT
	SIX_ROWS
	XORQ L, L

packF32Loop4:
	CMPQ KLEFT, $4
	JB   packF32Tail
	VMOVUPS (ROW0)(L*1), X0
	VMOVUPS (ROW1)(L*1), X1
	VMOVUPS (ROW2)(L*1), X2
	VMOVUPS (ROW3)(L*1), X3
	VMOVUPS (ROW4)(L*1), X4
	VMOVUPS (ROW5)(L*1), X5
	VUNPCKLPS X1, X0, X6    // a0 b0 a1 b1
	VUNPCKHPS X1, X0, X7    // a2 b2 a3 b3
	VUNPCKLPS X3, X2, X8    // c0 d0 c1 d1
	VUNPCKHPS X3, X2, X9    // c2 d2 c3 d3
	VUNPCKLPS X5, X4, X10   // e0 f0 e1 f1
	VUNPCKHPS X5, X4, X11   // e2 f2 e3 f3
	VMOVLHPS  X8, X6, X0    // a0 b0 c0 d0
	VMOVHLPS  X6, X8, X1    // a1 b1 c1 d1
	VMOVLHPS  X9, X7, X2    // a2 b2 c2 d2
	VMOVHLPS  X7, X9, X3    // a3 b3 c3 d3
	VMOVUPS   X0, (DST)
	VMOVQ     X10, 16(DST)
	VMOVUPS   X1, 24(DST)
	VMOVHPS   X10, 40(DST)
	VMOVUPS   X2, 48(DST)
	VMOVQ     X11, 64(DST)
	VMOVUPS   X3, 72(DST)
	VMOVHPS   X11, 88(DST)
	ADDQ      $16, L
	ADDQ      $96, DST
	SUBQ      $4, KLEFT
	JMP       packF32Loop4

packF32Tail:
	TESTQ  KLEFT, KLEFT
	JZ     packF32Done
	VMOVSS (ROW0)(L*1), X0
	VMOVSS X0, (DST)
	VMOVSS (ROW1)(L*1), X0
	VMOVSS X0, 4(DST)
	VMOVSS (ROW2)(L*1), X0
	VMOVSS X0, 8(DST)
	VMOVSS (ROW3)(L*1), X0
	VMOVSS X0, 12(DST)
	VMOVSS (ROW4)(L*1), X0
	VMOVSS X0, 16(DST)
	VMOVSS (ROW5)(L*1), X0
	VMOVSS X0, 20(DST)
	ADDQ   $4, L
	ADDQ   $24, DST
	DECQ   KLEFT
	JMP    packF32Tail

packF32Done:
	RET

// func PackA6F64AVX(dst, a unsafe.Pointer, lda, k int)
//
//	for l := 0; l < k; l++ {
//		for i := 0; i < 6; i++ { dst[l*6+i] = a[i*lda/8+l] }
//	}
//
// Requires AVX.
TEXT ·PackA6F64AVX(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DST
	MOVQ a+8(FP), ROW0
	MOVQ lda+16(FP), LDA
	MOVQ k+24(FP), KLEFT
	SIX_ROWS
	XORQ L, L

packF64Loop2:
	CMPQ KLEFT, $2
	JB   packF64Tail
	VMOVUPD (ROW0)(L*1), X0
	VMOVUPD (ROW1)(L*1), X1
	VMOVUPD (ROW2)(L*1), X2
	VMOVUPD (ROW3)(L*1), X3
	VMOVUPD (ROW4)(L*1), X4
	VMOVUPD (ROW5)(L*1), X5
	VUNPCKLPD X1, X0, X6    // a0 b0
	VUNPCKHPD X1, X0, X7    // a1 b1
	VUNPCKLPD X3, X2, X8    // c0 d0
	VUNPCKHPD X3, X2, X9    // c1 d1
	VUNPCKLPD X5, X4, X10   // e0 f0
	VUNPCKHPD X5, X4, X11   // e1 f1
	VMOVUPD   X6, (DST)
	VMOVUPD   X8, 16(DST)
	VMOVUPD   X10, 32(DST)
	VMOVUPD   X7, 48(DST)
	VMOVUPD   X9, 64(DST)
	VMOVUPD   X11, 80(DST)
	ADDQ      $16, L
	ADDQ      $96, DST
	SUBQ      $2, KLEFT
	JMP       packF64Loop2

packF64Tail:
	TESTQ  KLEFT, KLEFT
	JZ     packF64Done
	VMOVSD (ROW0)(L*1), X0
	VMOVSD X0, (DST)
	VMOVSD (ROW1)(L*1), X0
	VMOVSD X0, 8(DST)
	VMOVSD (ROW2)(L*1), X0
	VMOVSD X0, 16(DST)
	VMOVSD (ROW3)(L*1), X0
	VMOVSD X0, 24(DST)
	VMOVSD (ROW4)(L*1), X0
	VMOVSD X0, 32(DST)
	VMOVSD (ROW5)(L*1), X0
	VMOVSD X0, 40(DST)

packF64Done:
	RET
