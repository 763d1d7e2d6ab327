//go:build !purego

#include "textflag.h"

// func CopyRowsAVX(dst, src unsafe.Pointer, rows, stride, width int)
//
//	for r := 0; r < rows; r++ {
//		copy(dst[r*width:(r+1)*width], src[r*stride:r*stride+width])
//	}
//
// 32 bytes per load/store pair, then 16 and 8 for the rest of a row.
// Requires AVX.
TEXT ·CopyRowsAVX(SB), NOSPLIT, $0-40
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ rows+16(FP), CX
	MOVQ stride+24(FP), R8
	MOVQ width+32(FP), R9

copyRow:
	XORQ AX, AX
	MOVQ R9, R10

copy32:
	CMPQ    R10, $32
	JB      copy16
	VMOVUPS (SI)(AX*1), Y0
	VMOVUPS Y0, (DI)(AX*1)
	ADDQ    $32, AX
	SUBQ    $32, R10
	JMP     copy32

copy16:
	CMPQ    R10, $16
	JB      copy8
	VMOVUPS (SI)(AX*1), X0
	VMOVUPS X0, (DI)(AX*1)
	ADDQ    $16, AX
	SUBQ    $16, R10

copy8:
	CMPQ R10, $8
	JB   copyNext
	MOVQ (SI)(AX*1), R11
	MOVQ R11, (DI)(AX*1)

copyNext:
	ADDQ R8, SI
	ADDQ R9, DI
	DECQ CX
	JNZ  copyRow
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

// LOAD_A6 loads the six rows' vectors at column offset L into X0…X5.
#define LOAD_A6(mov) \
	mov (ROW0)(L*1), X0 \
	mov (ROW1)(L*1), X1 \
	mov (ROW2)(L*1), X2 \
	mov (ROW3)(L*1), X3 \
	mov (ROW4)(L*1), X4 \
	mov (ROW5)(L*1), X5

// COPY1 copies one element from src to dst through X0.
#define COPY1(mov, src, dst) \
	mov src, X0 \
	mov X0, dst

// COPY_A6 copies the six rows' elements at column offset L (esz bytes
// each) to the next six of dst.
#define COPY_A6(mov, esz) \
	COPY1(mov, (ROW0)(L*1), (DST)) \
	COPY1(mov, (ROW1)(L*1), esz(DST)) \
	COPY1(mov, (ROW2)(L*1), 2*esz(DST)) \
	COPY1(mov, (ROW3)(L*1), 3*esz(DST)) \
	COPY1(mov, (ROW4)(L*1), 4*esz(DST)) \
	COPY1(mov, (ROW5)(L*1), 5*esz(DST))

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
	LOAD_A6(VMOVUPS)
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
	COPY_A6(VMOVSS, 4)
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
	LOAD_A6(VMOVUPD)
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
	COPY_A6(VMOVSD, 8)

packF64Done:
	RET

#define PT_SRC SI
#define PT_SRC4 BX
#define PT_LDB R8
#define PT_LDB3 R9
#define PT_NRB R10
#define PT_NRB3 R11
#define PT_K R12
#define PT_JG R13
#define PT_L CX
#define PT_OUT DX
#define PT_OUT4 AX

// LOAD4 and STORE4 move r0…r3 from or to four rows, stride bytes apart
// (stride3 = 3·stride), from p on.
#define LOAD4(mov, p, stride, stride3, r0, r1, r2, r3) \
	mov (p), r0 \
	mov (p)(stride*1), r1 \
	mov (p)(stride*2), r2 \
	mov (p)(stride3*1), r3

#define STORE4(mov, p, stride, stride3, r0, r1, r2, r3) \
	mov r0, (p) \
	mov r1, (p)(stride*1) \
	mov r2, (p)(stride*2) \
	mov r3, (p)(stride3*1)

// COPY_COLUMN4 copies the element at l of four source rows from p on
// (esz bytes each) to dst's row l, from off(PT_OUT) on.
#define COPY_COLUMN4(mov, esz, p, off) \
	COPY1(mov, (p), off(PT_OUT)) \
	COPY1(mov, (p)(PT_LDB*1), off+esz(PT_OUT)) \
	COPY1(mov, (p)(PT_LDB*2), off+2*esz(PT_OUT)) \
	COPY1(mov, (p)(PT_LDB3*1), off+3*esz(PT_OUT))

// NEXT_ROWS moves PT_JG on by rows and goes back to group while it is
// below nr (PT_NRB, esz bytes an element: shift = log2 esz). Clobbers AX,
// which is PT_OUT4 (dead there: it is set afresh before each use).
#define NEXT_ROWS(rows, shift, group) \
	ADDQ $rows, PT_JG \
	MOVQ PT_NRB, AX \
	SHRQ $shift, AX \
	CMPQ PT_JG, AX \
	JB   group

// func PackTransF32AVX(dst, b unsafe.Pointer, ldb, k, nr int)
//
//	for l := 0; l < k; l++ {
//		for j := 0; j < nr; j++ { dst[l*nr+j] = b[j*ldb/4+l] }
//	}
//
// For each group of 8 source rows (j), 8 columns (l) at a time: load
// eight ymm rows, transpose (unpack, shuffle, 128-bit permute), store
// eight 8-float rows of dst, nr floats apart. Requires AVX.
TEXT ·PackTransF32AVX(SB), NOSPLIT, $0-40
	MOVQ ldb+16(FP), PT_LDB
	LEAQ (PT_LDB)(PT_LDB*2), PT_LDB3
	MOVQ k+24(FP), PT_K
	MOVQ nr+32(FP), PT_NRB
	SHLQ $2, PT_NRB
	LEAQ (PT_NRB)(PT_NRB*2), PT_NRB3
	XORQ PT_JG, PT_JG

ptF32Group:
	// Source rows jg…jg+7 start at b + jg*ldb; dst column jg*4 bytes in.
	MOVQ  b+8(FP), PT_SRC
	MOVQ  PT_JG, AX
	IMULQ PT_LDB, AX
	ADDQ  AX, PT_SRC
	LEAQ  (PT_SRC)(PT_LDB*4), PT_SRC4
	MOVQ  dst+0(FP), PT_OUT
	LEAQ  (PT_OUT)(PT_JG*4), PT_OUT
	MOVQ  PT_K, PT_L

ptF32Loop8:
	CMPQ PT_L, $8
	JB   ptF32Tail
	LOAD4(VMOVUPS, PT_SRC, PT_LDB, PT_LDB3, Y0, Y1, Y2, Y3)
	LOAD4(VMOVUPS, PT_SRC4, PT_LDB, PT_LDB3, Y4, Y5, Y6, Y7)
	VUNPCKLPS Y1, Y0, Y8          // r0 r1 interleaved, columns 0,1 | 4,5
	VUNPCKHPS Y1, Y0, Y9          // columns 2,3 | 6,7
	VUNPCKLPS Y3, Y2, Y10
	VUNPCKHPS Y3, Y2, Y11
	VUNPCKLPS Y5, Y4, Y12
	VUNPCKHPS Y5, Y4, Y13
	VUNPCKLPS Y7, Y6, Y14
	VUNPCKHPS Y7, Y6, Y15
	VSHUFPS   $0x44, Y10, Y8, Y0  // rows 0–3 of columns 0 | 4
	VSHUFPS   $0xEE, Y10, Y8, Y1  // columns 1 | 5
	VSHUFPS   $0x44, Y11, Y9, Y2  // columns 2 | 6
	VSHUFPS   $0xEE, Y11, Y9, Y3  // columns 3 | 7
	VSHUFPS   $0x44, Y14, Y12, Y4 // rows 4–7 likewise
	VSHUFPS   $0xEE, Y14, Y12, Y5
	VSHUFPS   $0x44, Y15, Y13, Y6
	VSHUFPS   $0xEE, Y15, Y13, Y7
	VPERM2F128 $0x20, Y4, Y0, Y8  // column 0, rows 0–7
	VPERM2F128 $0x20, Y5, Y1, Y9  // column 1
	VPERM2F128 $0x20, Y6, Y2, Y10 // column 2
	VPERM2F128 $0x20, Y7, Y3, Y11 // column 3
	VPERM2F128 $0x31, Y4, Y0, Y12 // column 4
	VPERM2F128 $0x31, Y5, Y1, Y13 // column 5
	VPERM2F128 $0x31, Y6, Y2, Y14 // column 6
	VPERM2F128 $0x31, Y7, Y3, Y15 // column 7
	LEAQ    (PT_OUT)(PT_NRB*4), PT_OUT4
	STORE4(VMOVUPS, PT_OUT, PT_NRB, PT_NRB3, Y8, Y9, Y10, Y11)
	STORE4(VMOVUPS, PT_OUT4, PT_NRB, PT_NRB3, Y12, Y13, Y14, Y15)
	LEAQ    (PT_OUT4)(PT_NRB*4), PT_OUT
	ADDQ    $32, PT_SRC
	ADDQ    $32, PT_SRC4
	SUBQ    $8, PT_L
	JMP     ptF32Loop8

ptF32Tail:
	TESTQ  PT_L, PT_L
	JZ     ptF32Next
	COPY_COLUMN4(VMOVSS, 4, PT_SRC, 0)
	COPY_COLUMN4(VMOVSS, 4, PT_SRC4, 16)
	ADDQ   PT_NRB, PT_OUT
	ADDQ   $4, PT_SRC
	ADDQ   $4, PT_SRC4
	DECQ   PT_L
	JMP    ptF32Tail

ptF32Next:
	NEXT_ROWS(8, 2, ptF32Group)
	VZEROUPPER
	RET

// func PackTransF64AVX(dst, b unsafe.Pointer, ldb, k, nr int)
//
//	for l := 0; l < k; l++ {
//		for j := 0; j < nr; j++ { dst[l*nr+j] = b[j*ldb/8+l] }
//	}
//
// Four source rows and four columns at a time through a 4×4 transpose
// (unpack, 128-bit permute). Requires AVX.
TEXT ·PackTransF64AVX(SB), NOSPLIT, $0-40
	MOVQ ldb+16(FP), PT_LDB
	LEAQ (PT_LDB)(PT_LDB*2), PT_LDB3
	MOVQ k+24(FP), PT_K
	MOVQ nr+32(FP), PT_NRB
	SHLQ $3, PT_NRB
	LEAQ (PT_NRB)(PT_NRB*2), PT_NRB3
	XORQ PT_JG, PT_JG

ptF64Group:
	MOVQ  b+8(FP), PT_SRC
	MOVQ  PT_JG, AX
	IMULQ PT_LDB, AX
	ADDQ  AX, PT_SRC
	MOVQ  dst+0(FP), PT_OUT
	LEAQ  (PT_OUT)(PT_JG*8), PT_OUT
	MOVQ  PT_K, PT_L

ptF64Loop4:
	CMPQ PT_L, $4
	JB   ptF64Tail
	LOAD4(VMOVUPD, PT_SRC, PT_LDB, PT_LDB3, Y0, Y1, Y2, Y3)
	VUNPCKLPD  Y1, Y0, Y4         // r0 r1, columns 0 | 2
	VUNPCKHPD  Y1, Y0, Y5         // columns 1 | 3
	VUNPCKLPD  Y3, Y2, Y6
	VUNPCKHPD  Y3, Y2, Y7
	VPERM2F128 $0x20, Y6, Y4, Y8  // column 0, rows 0–3
	VPERM2F128 $0x20, Y7, Y5, Y9  // column 1
	VPERM2F128 $0x31, Y6, Y4, Y10 // column 2
	VPERM2F128 $0x31, Y7, Y5, Y11 // column 3
	STORE4(VMOVUPD, PT_OUT, PT_NRB, PT_NRB3, Y8, Y9, Y10, Y11)
	LEAQ       (PT_OUT)(PT_NRB*4), PT_OUT
	ADDQ       $32, PT_SRC
	SUBQ       $4, PT_L
	JMP        ptF64Loop4

ptF64Tail:
	TESTQ  PT_L, PT_L
	JZ     ptF64Next
	COPY_COLUMN4(VMOVSD, 8, PT_SRC, 0)
	ADDQ   PT_NRB, PT_OUT
	ADDQ   $8, PT_SRC
	DECQ   PT_L
	JMP    ptF64Tail

ptF64Next:
	NEXT_ROWS(4, 3, ptF64Group)
	VZEROUPPER
	RET
