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
