//go:build !purego

#include "textflag.h"

// func CopySliversAVX(dst, src unsafe.Pointer, rows, stride, width, slivers, sliverStride int)
//
//	for r := 0; r < rows; r++ {
//		for s := 0; s < slivers; s++ {
//			copy(dst[s*sliverStride+r*width:][:width], src[r*stride+s*width:][:width])
//		}
//	}
//
// (offsets in bytes; width a multiple of 64). Each source row is read
// front to back, once, 64 bytes per step, while the same line two rows
// below is prefetched. Requires AVX.
#define CS_SRC SI      // source row r
#define CS_DST DI      // row r of the first sliver
#define CS_ROWS CX     // rows left
#define CS_STRIDE R8
#define CS_WIDTH R9
#define CS_SLIVERS R13
#define CS_SKIP R12    // sliverStride − width: from the end of a piece to the next sliver's row r
#define CS_AHEAD R11   // 2·stride: from a source line to the one prefetched
#define CS_FROM AX     // source cursor
#define CS_TO BX       // destination cursor
#define CS_LEFT DX     // slivers left in this row
#define CS_BYTES R10   // bytes left in this piece
TEXT ·CopySliversAVX(SB), NOSPLIT, $0-56
	MOVQ dst+0(FP), CS_DST
	MOVQ src+8(FP), CS_SRC
	MOVQ rows+16(FP), CS_ROWS
	MOVQ stride+24(FP), CS_STRIDE
	MOVQ width+32(FP), CS_WIDTH
	MOVQ slivers+40(FP), CS_SLIVERS
	MOVQ sliverStride+48(FP), CS_SKIP
	SUBQ CS_WIDTH, CS_SKIP
	LEAQ (CS_STRIDE)(CS_STRIDE*1), CS_AHEAD

copyRow:
	MOVQ CS_SRC, CS_FROM
	MOVQ CS_DST, CS_TO
	MOVQ CS_SLIVERS, CS_LEFT

copyPiece:
	MOVQ CS_WIDTH, CS_BYTES

copy64:
	PREFETCHT0 (CS_FROM)(CS_AHEAD*1)
	VMOVUPS    (CS_FROM), Y0
	VMOVUPS    32(CS_FROM), Y1
	VMOVUPS    Y0, (CS_TO)
	VMOVUPS    Y1, 32(CS_TO)
	ADDQ       $64, CS_FROM
	ADDQ       $64, CS_TO
	SUBQ       $64, CS_BYTES
	JNZ        copy64
	ADDQ       CS_SKIP, CS_TO
	DECQ       CS_LEFT
	JNZ        copyPiece
	ADDQ       CS_STRIDE, CS_SRC
	ADDQ       CS_WIDTH, CS_DST
	DECQ       CS_ROWS
	JNZ        copyRow
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
#define NEXT R12 // the next sliver's first row: ROW5 + LDA
#define PF R13

// SIX_ROWS points ROW1…ROW5 at the rows after ROW0, LDA bytes apart, and
// NEXT at the row after ROW5.
#define SIX_ROWS \
	LEAQ (ROW0)(LDA*1), ROW1; \
	LEAQ (ROW1)(LDA*1), ROW2; \
	LEAQ (ROW2)(LDA*1), ROW3; \
	LEAQ (ROW3)(LDA*1), ROW4; \
	LEAQ (ROW4)(LDA*1), ROW5; \
	LEAQ (ROW5)(LDA*1), NEXT

// LOAD_A6 loads the six rows' vectors at column offset L into X0…X5.
#define LOAD_A6(mov) \
	mov (ROW0)(L*1), X0 \
	mov (ROW1)(L*1), X1 \
	mov (ROW2)(L*1), X2 \
	mov (ROW3)(L*1), X3 \
	mov (ROW4)(L*1), X4 \
	mov (ROW5)(L*1), X5

// PREFETCH_NEXT6 asks for the line at column offset L of each of the six
// rows after ROW5: those of the sliver packA packs next, so that they come
// from memory while this one is packed (a full 1024×1024 float32 A from
// memory went from 18 to 27–31 GB/s on an AMD Zen 5). Past the matrix's
// last row it asks for lines nothing reads; a prefetch never faults.
#define PREFETCH_NEXT6 \
	MOVQ       NEXT, PF \
	PREFETCHT0 (PF)(L*1) \
	ADDQ       LDA, PF \
	PREFETCHT0 (PF)(L*1) \
	ADDQ       LDA, PF \
	PREFETCHT0 (PF)(L*1) \
	ADDQ       LDA, PF \
	PREFETCHT0 (PF)(L*1) \
	ADDQ       LDA, PF \
	PREFETCHT0 (PF)(L*1) \
	ADDQ       LDA, PF \
	PREFETCHT0 (PF)(L*1)

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

// PACK4_F32 interleaves four columns of the six rows (a, b, … f) into 24
// floats of dst: unpacks give a0 b0 a1 b1, a2 b2 a3 b3, c0 d0 c1 d1,
// c2 d2 c3 d3, e0 f0 e1 f1 and e2 f2 e3 f3; VMOVLHPS/VMOVHLPS join them
// into a0 b0 c0 d0 … a3 b3 c3 d3, each stored with its e, f pair.
#define PACK4_F32 \
	LOAD_A6(VMOVUPS) \
	VUNPCKLPS X1, X0, X6 \
	VUNPCKHPS X1, X0, X7 \
	VUNPCKLPS X3, X2, X8 \
	VUNPCKHPS X3, X2, X9 \
	VUNPCKLPS X5, X4, X10 \
	VUNPCKHPS X5, X4, X11 \
	VMOVLHPS  X8, X6, X0 \
	VMOVHLPS  X6, X8, X1 \
	VMOVLHPS  X9, X7, X2 \
	VMOVHLPS  X7, X9, X3 \
	VMOVUPS   X0, (DST) \
	VMOVQ     X10, 16(DST) \
	VMOVUPS   X1, 24(DST) \
	VMOVHPS   X10, 40(DST) \
	VMOVUPS   X2, 48(DST) \
	VMOVQ     X11, 64(DST) \
	VMOVUPS   X3, 72(DST) \
	VMOVHPS   X11, 88(DST) \
	ADDQ      $16, L \
	ADDQ      $96, DST \
	SUBQ      $4, KLEFT

// func PackA6F32AVX(dst, a unsafe.Pointer, lda, k int)
//
//	for l := 0; l < k; l++ {
//		for i := 0; i < 6; i++ { dst[l*6+i] = a[i*lda/4+l] }
//	}
//
// Sixteen columns (a line of each row) per PREFETCH_NEXT6, four per
// PACK4_F32, then one at a time. Requires AVX.
TEXT ·PackA6F32AVX(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DST
	MOVQ a+8(FP), ROW0
	MOVQ lda+16(FP), LDA
	MOVQ k+24(FP), KLEFT
	SIX_ROWS
	XORQ L, L

packF32Loop16:
	CMPQ KLEFT, $16
	JB   packF32Loop4
	PREFETCH_NEXT6
	PACK4_F32
	PACK4_F32
	PACK4_F32
	PACK4_F32
	JMP  packF32Loop16

packF32Loop4:
	CMPQ KLEFT, $4
	JB   packF32Tail
	PACK4_F32
	JMP  packF32Loop4

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

// PACK2_F64 interleaves two columns of the six rows (a, b, … f) into 12
// doubles of dst: unpacks give a0 b0, a1 b1, c0 d0, c1 d1, e0 f0, e1 f1.
#define PACK2_F64 \
	LOAD_A6(VMOVUPD) \
	VUNPCKLPD X1, X0, X6 \
	VUNPCKHPD X1, X0, X7 \
	VUNPCKLPD X3, X2, X8 \
	VUNPCKHPD X3, X2, X9 \
	VUNPCKLPD X5, X4, X10 \
	VUNPCKHPD X5, X4, X11 \
	VMOVUPD   X6, (DST) \
	VMOVUPD   X8, 16(DST) \
	VMOVUPD   X10, 32(DST) \
	VMOVUPD   X7, 48(DST) \
	VMOVUPD   X9, 64(DST) \
	VMOVUPD   X11, 80(DST) \
	ADDQ      $16, L \
	ADDQ      $96, DST \
	SUBQ      $2, KLEFT

// func PackA6F64AVX(dst, a unsafe.Pointer, lda, k int)
//
//	for l := 0; l < k; l++ {
//		for i := 0; i < 6; i++ { dst[l*6+i] = a[i*lda/8+l] }
//	}
//
// Eight columns (a line of each row) per PREFETCH_NEXT6, two per
// PACK2_F64, then the last one. Requires AVX.
TEXT ·PackA6F64AVX(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DST
	MOVQ a+8(FP), ROW0
	MOVQ lda+16(FP), LDA
	MOVQ k+24(FP), KLEFT
	SIX_ROWS
	XORQ L, L

packF64Loop8:
	CMPQ KLEFT, $8
	JB   packF64Loop2
	PREFETCH_NEXT6
	PACK2_F64
	PACK2_F64
	PACK2_F64
	PACK2_F64
	JMP  packF64Loop8

packF64Loop2:
	CMPQ KLEFT, $2
	JB   packF64Tail
	PACK2_F64
	JMP  packF64Loop2

packF64Tail:
	TESTQ  KLEFT, KLEFT
	JZ     packF64Done
	COPY_A6(VMOVSD, 8)

packF64Done:
	RET

// func PackA6TransF32AVX(dst, a unsafe.Pointer, lda, k int)
//
//	for l := 0; l < k; l++ {
//		copy(dst[l*6:l*6+6], a[l*lda/4:l*lda/4+6])
//	}
//
// Each run is 16 + 8 bytes; four runs per step, then one at a time.
// Requires AVX.
#define AT_DST DI
#define AT_SRC SI    // run l
#define AT_LDA R8
#define AT_LDA3 R9
#define AT_LEFT CX   // runs left
TEXT ·PackA6TransF32AVX(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), AT_DST
	MOVQ a+8(FP), AT_SRC
	MOVQ lda+16(FP), AT_LDA
	MOVQ k+24(FP), AT_LEFT
	LEAQ (AT_LDA)(AT_LDA*2), AT_LDA3

transF32Loop4:
	CMPQ    AT_LEFT, $4
	JB      transF32Tail
	VMOVUPS (AT_SRC), X0
	VMOVSD  16(AT_SRC), X1
	VMOVUPS (AT_SRC)(AT_LDA*1), X2
	VMOVSD  16(AT_SRC)(AT_LDA*1), X3
	VMOVUPS (AT_SRC)(AT_LDA*2), X4
	VMOVSD  16(AT_SRC)(AT_LDA*2), X5
	VMOVUPS (AT_SRC)(AT_LDA3*1), X6
	VMOVSD  16(AT_SRC)(AT_LDA3*1), X7
	VMOVUPS X0, (AT_DST)
	VMOVSD  X1, 16(AT_DST)
	VMOVUPS X2, 24(AT_DST)
	VMOVSD  X3, 40(AT_DST)
	VMOVUPS X4, 48(AT_DST)
	VMOVSD  X5, 64(AT_DST)
	VMOVUPS X6, 72(AT_DST)
	VMOVSD  X7, 88(AT_DST)
	LEAQ    (AT_SRC)(AT_LDA*4), AT_SRC
	ADDQ    $96, AT_DST
	SUBQ    $4, AT_LEFT
	JMP     transF32Loop4

transF32Tail:
	TESTQ   AT_LEFT, AT_LEFT
	JZ      transF32Done
	VMOVUPS (AT_SRC), X0
	VMOVSD  16(AT_SRC), X1
	VMOVUPS X0, (AT_DST)
	VMOVSD  X1, 16(AT_DST)
	ADDQ    AT_LDA, AT_SRC
	ADDQ    $24, AT_DST
	DECQ    AT_LEFT
	JMP     transF32Tail

transF32Done:
	RET

// func PackA6TransF64AVX(dst, a unsafe.Pointer, lda, k int)
//
//	for l := 0; l < k; l++ {
//		copy(dst[l*6:l*6+6], a[l*lda/8:l*lda/8+6])
//	}
//
// Each run is 32 + 16 bytes; four runs per step, then one at a time.
// Requires AVX.
TEXT ·PackA6TransF64AVX(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), AT_DST
	MOVQ a+8(FP), AT_SRC
	MOVQ lda+16(FP), AT_LDA
	MOVQ k+24(FP), AT_LEFT
	LEAQ (AT_LDA)(AT_LDA*2), AT_LDA3

transF64Loop4:
	CMPQ    AT_LEFT, $4
	JB      transF64Tail
	VMOVUPD (AT_SRC), Y0
	VMOVUPD 32(AT_SRC), X1
	VMOVUPD (AT_SRC)(AT_LDA*1), Y2
	VMOVUPD 32(AT_SRC)(AT_LDA*1), X3
	VMOVUPD (AT_SRC)(AT_LDA*2), Y4
	VMOVUPD 32(AT_SRC)(AT_LDA*2), X5
	VMOVUPD (AT_SRC)(AT_LDA3*1), Y6
	VMOVUPD 32(AT_SRC)(AT_LDA3*1), X7
	VMOVUPD Y0, (AT_DST)
	VMOVUPD X1, 32(AT_DST)
	VMOVUPD Y2, 48(AT_DST)
	VMOVUPD X3, 80(AT_DST)
	VMOVUPD Y4, 96(AT_DST)
	VMOVUPD X5, 128(AT_DST)
	VMOVUPD Y6, 144(AT_DST)
	VMOVUPD X7, 176(AT_DST)
	LEAQ    (AT_SRC)(AT_LDA*4), AT_SRC
	ADDQ    $192, AT_DST
	SUBQ    $4, AT_LEFT
	JMP     transF64Loop4

transF64Tail:
	TESTQ   AT_LEFT, AT_LEFT
	JZ      transF64Done
	VMOVUPD (AT_SRC), Y0
	VMOVUPD 32(AT_SRC), X1
	VMOVUPD Y0, (AT_DST)
	VMOVUPD X1, 32(AT_DST)
	ADDQ    AT_LDA, AT_SRC
	ADDQ    $48, AT_DST
	DECQ    AT_LEFT
	JMP     transF64Tail

transF64Done:
	VZEROUPPER
	RET

#define PT_SRC SI   // source row j, at column l
#define PT_SRC4 BX  // source row j+4, at column l
#define PT_LDB R8
#define PT_LDB3 R9
#define PT_NRB R10  // dst row length in bytes (nr elements)
#define PT_NRB3 R11
#define PT_K R12    // columns l left
#define PT_JG R13   // source rows left in this pass across the rows
#define PT_COL CX   // source row 0 at column l
#define PT_DROW DI  // dst row l
#define PT_OUT DX   // dst row l, at the group's first column
#define PT_OUT4 AX  // dst rows further down, for the stores

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

// HALVES4 loads 16 bytes at off of source rows j…j+3 (PT_SRC) into the
// low lanes of r0…r3 (x0…x3 are their low halves) and of rows j+4…j+7
// (PT_SRC4) into their high lanes.
#define HALVES4(off, x0, r0, x1, r1, x2, r2, x3, r3) \
	VMOVUPS off(PT_SRC), x0; VINSERTF128 $1, off(PT_SRC4), r0, r0; \
	VMOVUPS off(PT_SRC)(PT_LDB*1), x1; VINSERTF128 $1, off(PT_SRC4)(PT_LDB*1), r1, r1; \
	VMOVUPS off(PT_SRC)(PT_LDB*2), x2; VINSERTF128 $1, off(PT_SRC4)(PT_LDB*2), r2, r2; \
	VMOVUPS off(PT_SRC)(PT_LDB3*1), x3; VINSERTF128 $1, off(PT_SRC4)(PT_LDB3*1), r3, r3

// COLUMNS4 transposes four HALVES4 registers (rows 0–3 | 4–7 of four
// columns each) into the four columns' eight rows and stores them at
// four dst rows from out on: 8 in-lane shuffles, where a transpose of
// whole rows also needs 128-bit permutes (on Intel's cores all of these
// share one port).
#define COLUMNS4(r0, r1, r2, r3, out) \
	VUNPCKLPS r1, r0, Y8;          /* r0 r1 interleaved, columns 0,1 */ \
	VUNPCKHPS r1, r0, Y9;          /* columns 2,3 */ \
	VUNPCKLPS r3, r2, Y10; \
	VUNPCKHPS r3, r2, Y11; \
	VSHUFPS   $0x44, Y10, Y8, Y12; /* column 0, rows 0–3 | 4–7 */ \
	VSHUFPS   $0xEE, Y10, Y8, Y13; /* column 1 */ \
	VSHUFPS   $0x44, Y11, Y9, Y14; /* column 2 */ \
	VSHUFPS   $0xEE, Y11, Y9, Y15; /* column 3 */ \
	STORE4(VMOVUPS, out, PT_NRB, PT_NRB3, Y12, Y13, Y14, Y15)

// F32_8X8 transposes source rows j…j+7, columns at off…off+31 bytes,
// into dst rows from out on (eight of them, columns j…j+7). Clobbers
// PT_OUT4 (after its last use of out, which may be PT_OUT4).
#define F32_8X8(off, out) \
	HALVES4(off, X0, Y0, X1, Y1, X2, Y2, X3, Y3); \
	HALVES4(off+16, X4, Y4, X5, Y5, X6, Y6, X7, Y7); \
	COLUMNS4(Y0, Y1, Y2, Y3, out); \
	LEAQ (out)(PT_NRB*4), PT_OUT4; \
	COLUMNS4(Y4, Y5, Y6, Y7, PT_OUT4)

// F64_4X4 transposes source rows j…j+3 (PT_SRC, PT_SRC4 = row j+2 here),
// columns at off…off+31 bytes, into four dst rows from out on: rows j,
// j+1 in the low lanes and j+2, j+3 in the high ones, then one unpack per
// column.
#define F64_4X4(off, out) \
	VMOVUPD     off(PT_SRC), X0; \
	VINSERTF128 $1, off(PT_SRC4), Y0, Y0;            /* r0 c0,1 | r2 c0,1 */ \
	VMOVUPD     off(PT_SRC)(PT_LDB*1), X1; \
	VINSERTF128 $1, off(PT_SRC4)(PT_LDB*1), Y1, Y1;  /* r1 c0,1 | r3 c0,1 */ \
	VMOVUPD     off+16(PT_SRC), X2; \
	VINSERTF128 $1, off+16(PT_SRC4), Y2, Y2;         /* r0 c2,3 | r2 c2,3 */ \
	VMOVUPD     off+16(PT_SRC)(PT_LDB*1), X3; \
	VINSERTF128 $1, off+16(PT_SRC4)(PT_LDB*1), Y3, Y3; \
	VUNPCKLPD   Y1, Y0, Y8;                          /* column 0, rows 0–3 */ \
	VUNPCKHPD   Y1, Y0, Y9;                          /* column 1 */ \
	VUNPCKLPD   Y3, Y2, Y10;                         /* column 2 */ \
	VUNPCKHPD   Y3, Y2, Y11;                         /* column 3 */ \
	STORE4(VMOVUPD, out, PT_NRB, PT_NRB3, Y8, Y9, Y10, Y11)

// ACROSS_ROWS starts a pass across all the source rows at column l:
// PT_SRC at row 0, PT_SRC4 rows4 rows down, PT_OUT at dst row l's start.
// Each use is followed by PT_JG = rows, written out so that vet checks
// the argument's offset.
#define ACROSS_ROWS(rows4) \
	MOVQ PT_COL, PT_SRC; \
	LEAQ (PT_SRC)(PT_LDB*rows4), PT_SRC4; \
	MOVQ PT_DROW, PT_OUT

// NEXT_GROUP moves the pass on by group source rows (and their dst
// columns, esz bytes each) and goes back to label while rows are left.
#define NEXT_GROUP(group, esz, label) \
	ADDQ $(group*esz), PT_OUT; \
	LEAQ (PT_SRC)(PT_LDB*group), PT_SRC; \
	LEAQ (PT_SRC4)(PT_LDB*group), PT_SRC4; \
	SUBQ $group, PT_JG; \
	JNZ  label

// NEXT_COLUMNS moves on by cols columns of esz bytes: the source
// column and the dst row.
#define NEXT_COLUMNS(cols, esz) \
	ADDQ $(cols*esz), PT_COL; \
	IMUL3Q $cols, PT_NRB, PT_OUT4; \
	ADDQ PT_OUT4, PT_DROW; \
	SUBQ $cols, PT_K

// PREFETCH_AHEAD asks for the line two ahead (128 bytes on) in the four
// source rows from p on (F64: only the first two are the group's; the
// others are the next group's). A sliver reads a line of each of its
// (up to 64) rows before the next line of any: more streams than the
// hardware prefetchers follow.
#define PREFETCH_AHEAD(p) \
	PREFETCHT0 128(p); \
	PREFETCHT0 128(p)(PT_LDB*1); \
	PREFETCHT0 128(p)(PT_LDB*2); \
	PREFETCHT0 128(p)(PT_LDB3*1)

// The bodies COLUMN_PASS runs on each group of source rows: 16, 8 or 1
// float32 columns of 8 rows, 8, 4 or 1 float64 columns of 4 rows.
#define F32_COLUMNS16 \
	PREFETCH_AHEAD(PT_SRC); \
	PREFETCH_AHEAD(PT_SRC4); \
	F32_8X8(0, PT_OUT); \
	LEAQ (PT_OUT)(PT_NRB*8), PT_OUT4; \
	F32_8X8(32, PT_OUT4)
#define F32_COLUMNS8 F32_8X8(0, PT_OUT)
#define F32_COLUMN1 \
	COPY_COLUMN4(VMOVSS, 4, PT_SRC, 0) \
	COPY_COLUMN4(VMOVSS, 4, PT_SRC4, 16)
#define F64_COLUMNS8 \
	PREFETCH_AHEAD(PT_SRC); \
	PREFETCH_AHEAD(PT_SRC4); \
	F64_4X4(0, PT_OUT); \
	LEAQ (PT_OUT)(PT_NRB*4), PT_OUT4; \
	F64_4X4(32, PT_OUT4)
#define F64_COLUMNS4 F64_4X4(0, PT_OUT)
#define F64_COLUMN1 \
	COPY1(VMOVSD, (PT_SRC), (PT_OUT)) \
	COPY1(VMOVSD, (PT_SRC)(PT_LDB*1), 8(PT_OUT)) \
	COPY1(VMOVSD, (PT_SRC4), 16(PT_OUT)) \
	COPY1(VMOVSD, (PT_SRC4)(PT_LDB*1), 24(PT_OUT))

// func PackTransF32AVX(dst, b unsafe.Pointer, ldb, k, rows, nr int)
//
//	for l := 0; l < k; l++ {
//		for j := 0; j < rows; j++ { dst[l*nr+j] = b[j*ldb/4+l] }
//	}
//
// Sixteen columns l at a time (a cache line of each source row), then
// eight, then one: for them, each group of eight source rows j in turn,
// through 8×8 in-register transposes (F32_8X8) into dst rows l…. Crossing
// all the rows before moving along l writes dst rows whole, one after
// another, and uses each source line whole, so that its power-of-two row
// strides (which map the rows onto a few L1 sets) cost no second read;
// the last k%8 columns go one element at a time. Requires AVX.
TEXT ·PackTransF32AVX(SB), NOSPLIT, $0-48
// PT_ARGS(shift) loads the arguments, PT_NRB = nr << shift bytes.
#define PT_ARGS(shift) \
	MOVQ dst+0(FP), PT_DROW; \
	MOVQ b+8(FP), PT_COL; \
	MOVQ ldb+16(FP), PT_LDB; \
	LEAQ (PT_LDB)(PT_LDB*2), PT_LDB3; \
	MOVQ k+24(FP), PT_K; \
	MOVQ nr+40(FP), PT_NRB; \
	SHLQ $shift, PT_NRB; \
	LEAQ (PT_NRB)(PT_NRB*2), PT_NRB3

// COLUMN_PASS(cols, group, esz, rows4, label, body) packs cols columns
// of every source row, group rows at a time by body (a macro), and moves
// on to the next columns; rows4 is the row PT_SRC4 points at in a group.
// Both kernels expand it; it is defined here so that vet checks its
// read of rows.
#define COLUMN_PASS(cols, group, esz, rows4, label, body) \
	ACROSS_ROWS(rows4); \
	MOVQ rows+32(FP), PT_JG; \
label: \
	body; \
	NEXT_GROUP(group, esz, label); \
	NEXT_COLUMNS(cols, esz)

	PT_ARGS(2)

ptF32Columns16:
	CMPQ PT_K, $16
	JB   ptF32Columns8
	COLUMN_PASS(16, 8, 4, 4, ptF32Group16, F32_COLUMNS16)
	JMP  ptF32Columns16

ptF32Columns8:
	CMPQ PT_K, $8
	JB   ptF32Tail
	COLUMN_PASS(8, 8, 4, 4, ptF32Group8, F32_COLUMNS8)

ptF32Tail:
	TESTQ PT_K, PT_K
	JZ    ptF32Done
	COLUMN_PASS(1, 8, 4, 4, ptF32TailGroup, F32_COLUMN1)
	JMP   ptF32Tail

ptF32Done:
	VZEROUPPER
	RET

// func PackTransF64AVX(dst, b unsafe.Pointer, ldb, k, rows, nr int)
//
//	for l := 0; l < k; l++ {
//		for j := 0; j < rows; j++ { dst[l*nr+j] = b[j*ldb/8+l] }
//	}
//
// PackTransF32AVX's order with 4×4 transposes (F64_4X4): eight columns l
// (a cache line) at a time, then four, then one, each across the groups
// of four source rows. Requires AVX.
TEXT ·PackTransF64AVX(SB), NOSPLIT, $0-48
	PT_ARGS(3)

ptF64Columns8:
	CMPQ PT_K, $8
	JB   ptF64Columns4
	COLUMN_PASS(8, 4, 8, 2, ptF64Group8, F64_COLUMNS8)
	JMP  ptF64Columns8

ptF64Columns4:
	CMPQ PT_K, $4
	JB   ptF64Tail
	COLUMN_PASS(4, 4, 8, 2, ptF64Group4, F64_COLUMNS4)

ptF64Tail:
	TESTQ PT_K, PT_K
	JZ    ptF64Done
	COLUMN_PASS(1, 4, 8, 2, ptF64TailGroup, F64_COLUMN1)
	JMP   ptF64Tail

ptF64Done:
	VZEROUPPER
	RET
