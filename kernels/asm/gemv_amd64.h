// Shared by gemv_avx2_amd64.s and gemv_avx512_amd64.s: the loops of the
// axpy and dot forms, for either vector width and either element type.
//
// The including file includes ymm_amd64.h or zmm_amd64.h (VB, V0–V15)
// first; the general registers are defined below. In the axpy form V0
// and up hold a block of y (see its section); in the dot form V0–V7 are
// the four rows' partial sums (row r's two in V(2r) and V(2r+1)) and
// V8–V9 vectors of x. The dot form's macros take as arguments the element
// type's instructions (MOV: VMOVUPS or VMOVUPD; FMA: VFMADD231PS or …PD;
// …), the masked tail's load MLD with the mask MK (AVX2: VMASKMOVPS or
// …PD, with a ymm mask; AVX-512: VMOVUPS.Z or VMOVUPD.Z, with K1), and the
// labels they define (loop) and leave to (exit). n is a count of
// elements: a loop runs while at least n are LEFT.

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

// COLS_WHILE starts the loop over a row's elements that runs while
// LEFT ≥ n; COLS_STEP advances OFF by bytes and LEFT by n, and COLS_NEXT
// then repeats the loop.
#define COLS_WHILE(loop, exit, n) \
loop: \
	CMPQ LEFT, $n \
	JB   exit

#define COLS_STEP(bytes, n) \
	ADDQ $bytes, OFF \
	SUBQ $n, LEFT

#define COLS_NEXT(loop, bytes, n) \
	COLS_STEP(bytes, n) \
	JMP loop

// ROWS4 points M1–M3 at the three rows after M0.
#define ROWS4 \
	LEAQ (M0)(LDM*1), M1 \
	LEAQ (M0)(LDM*2), M2 \
	LEAQ (M1)(LDM*2), M3

// ROW_START starts a row (or group of rows) at its first element.
#define ROW_START \
	XORQ OFF, OFF \
	MOVQ WIDTH, LEFT

// --- the axpy form: y += Σ_p x[p] · row p, with y held in registers ---
//
// The columns go in blocks of up to AXPY_VMAX vectors. A block's vectors
// of y are loaded into V0…, then every row of M adds x[p] times its
// block (one broadcast, one FMA per vector from memory), then they are
// stored: no load or store of y between rows, and as many independent
// FMA chains as the block has vectors. The block's last vector is masked
// (LAST_LD, LAST_FMA, LAST_ST, with a mask of its lanes, 1 up to all);
// the level defines those, AXPY_VMAX, BV (the broadcast register) and
// AXPY_DISPATCH (the jump to axpyV<v> for VECS = v−1). Every y[j] still
// takes its terms in order p, so the bits are those of the scalar loop,
// whatever the blocks. K_ROWS, X_BASE and M_BASE are the registers the
// dot form calls M1–M3.

#define K_ROWS R10 // k, the rows every block walks
#define VECS AX    // the block's vectors before its last
#define TMP BX
#define X_BASE R11 // x[0]
#define M_BASE R12 // the block's first column in row 0

// EACH_v(OP, I) applies OP(I, register, byte offset) to the first v
// vectors of a block.
#define EACH_0(OP, I)
#define EACH_1(OP, I) OP(I, V0, 0)
#define EACH_2(OP, I) EACH_1(OP, I); OP(I, V1, VB)
#define EACH_3(OP, I) EACH_2(OP, I); OP(I, V2, 2*VB)
#define EACH_4(OP, I) EACH_3(OP, I); OP(I, V3, 3*VB)
#define EACH_5(OP, I) EACH_4(OP, I); OP(I, V4, 4*VB)
#define EACH_6(OP, I) EACH_5(OP, I); OP(I, V5, 5*VB)
#define EACH_7(OP, I) EACH_6(OP, I); OP(I, V6, 6*VB)
#define EACH_8(OP, I) EACH_7(OP, I); OP(I, V7, 7*VB)
#define EACH_9(OP, I) EACH_8(OP, I); OP(I, V8, 8*VB)
#define EACH_10(OP, I) EACH_9(OP, I); OP(I, V9, 9*VB)
#define EACH_11(OP, I) EACH_10(OP, I); OP(I, V10, 10*VB)
#define EACH_12(OP, I) EACH_11(OP, I); OP(I, V11, 11*VB)
#define EACH_13(OP, I) EACH_12(OP, I); OP(I, V12, 12*VB)
#define EACH_14(OP, I) EACH_13(OP, I); OP(I, V13, 13*VB)
#define EACH_15(OP, I) EACH_14(OP, I); OP(I, V14, 14*VB)

// The whole vectors' load and store of y, and FMA of row M0; M_FMA_AHEAD
// also prefetches the same vector two rows down (the AVX-512 prefetching
// kernels, for matrices that stream from L3: a hardware
// prefetcher follows one row, but not the jumps from block to block or
// panel to panel). Past the last row it asks for lines nothing reads; a
// prefetch never faults. At AVX2 (a prefetch per 32-byte vector, two per
// line) it gained 11 % on a 1×1024×1024 product and lost 9 % on
// 1×2048×2048 (AMD Zen 5), so that level reads such matrices eight rows
// at a time, each front to back, instead (AXPY8_FORM, below), as AVX-512
// does from half the L3.
#define Y_LD(I, v, off) I off(Y_PTR), v
#define Y_ST(I, v, off) I v, off(Y_PTR)
#define M_FMA(I, v, off) I off(M0), BV, v
#define M_FMA_AHEAD(I, v, off) PREFETCHT0 off(M0)(LDM*2); I off(M0), BV, v

// AXPY_REGS is the block of FIRST whole vectors (EACH_…) and a masked
// last one (v, at byte offset off), from label vN, its row loop at loop;
// it leaves to axpyNext. BCAST, FMA and MOV are the element type's
// broadcast, FMA and move (VMOVUPS or VMOVUPD: an opmask's lanes are the
// move's elements), ES its bytes; MFMA and LFMA the whole and last
// vectors' FMA (M_FMA and the level's LAST_FMA, or their _AHEAD
// variants).
#define AXPY_REGS(vN, loop, FIRST, v, off, BCAST, FMA, MOV, ES, MFMA, LFMA) \
vN: \
	FIRST(Y_LD, MOV) \
	LAST_LD(MOV, v, off) \
loop: \
	BCAST (X_PTR), BV \
	FIRST(MFMA, FMA) \
	LFMA(FMA, v, off) \
	ADDQ $ES, X_PTR \
	ADDQ LDM, M0 \
	DECQ ROWS \
	JNZ  loop \
	FIRST(Y_ST, MOV) \
	LAST_ST(MOV, v, off) \
	JMP  axpyNext

// AXPY_DISPATCH_12 jumps to the block of VECS+1 vectors, for VECS < 12;
// the level's AXPY_DISPATCH extends it to its AXPY_VMAX.
#define AXPY_DISPATCH_12 \
	CMPQ VECS, $1 \
	JB   axpyV1 \
	JE   axpyV2 \
	CMPQ VECS, $3 \
	JB   axpyV3 \
	JE   axpyV4 \
	CMPQ VECS, $5 \
	JB   axpyV5 \
	JE   axpyV6 \
	CMPQ VECS, $7 \
	JB   axpyV7 \
	JE   axpyV8 \
	CMPQ VECS, $9 \
	JB   axpyV9 \
	JE   axpyV10 \
	CMPQ VECS, $11 \
	JB   axpyV11 \
	JE   axpyV12

// AXPY_BLOCKS_12 are the blocks of 1 to 12 vectors for one element type
// (AXPY_REGS's arguments); the level's AXPY_BLOCKS extends them to its
// AXPY_VMAX.
#define AXPY_BLOCKS_12(BCAST, FMA, MOV, ES, MFMA, LFMA) \
	AXPY_REGS(axpyV1, axpyLoop1, EACH_0, V0, 0, BCAST, FMA, MOV, ES, MFMA, LFMA) \
	AXPY_REGS(axpyV2, axpyLoop2, EACH_1, V1, VB, BCAST, FMA, MOV, ES, MFMA, LFMA) \
	AXPY_REGS(axpyV3, axpyLoop3, EACH_2, V2, 2*VB, BCAST, FMA, MOV, ES, MFMA, LFMA) \
	AXPY_REGS(axpyV4, axpyLoop4, EACH_3, V3, 3*VB, BCAST, FMA, MOV, ES, MFMA, LFMA) \
	AXPY_REGS(axpyV5, axpyLoop5, EACH_4, V4, 4*VB, BCAST, FMA, MOV, ES, MFMA, LFMA) \
	AXPY_REGS(axpyV6, axpyLoop6, EACH_5, V5, 5*VB, BCAST, FMA, MOV, ES, MFMA, LFMA) \
	AXPY_REGS(axpyV7, axpyLoop7, EACH_6, V6, 6*VB, BCAST, FMA, MOV, ES, MFMA, LFMA) \
	AXPY_REGS(axpyV8, axpyLoop8, EACH_7, V7, 7*VB, BCAST, FMA, MOV, ES, MFMA, LFMA) \
	AXPY_REGS(axpyV9, axpyLoop9, EACH_8, V8, 8*VB, BCAST, FMA, MOV, ES, MFMA, LFMA) \
	AXPY_REGS(axpyV10, axpyLoop10, EACH_9, V9, 9*VB, BCAST, FMA, MOV, ES, MFMA, LFMA) \
	AXPY_REGS(axpyV11, axpyLoop11, EACH_10, V10, 10*VB, BCAST, FMA, MOV, ES, MFMA, LFMA) \
	AXPY_REGS(axpyV12, axpyLoop12, EACH_11, V11, 11*VB, BCAST, FMA, MOV, ES, MFMA, LFMA)

// AXPY_FORM runs the blocks, after the TEXT has loaded K_ROWS, WIDTH (n),
// X_BASE, M_BASE, LDM (bytes) and Y_PTR: a vector holds 1<<LOG2L elements
// and 1<<LOG2VB bytes, MASK(CX) makes the masks of a last vector of CX
// lanes, AXPY_VARIANTS are the level's AXPY_REGS blocks. It leaves to
// axpyDone, and defines the label axpyNext the blocks jump back to.
#define AXPY_FORM(LOG2L, LOG2VB, MASK, AXPY_VARIANTS) \
	TESTQ K_ROWS, K_ROWS \
	JZ    axpyDone \
	TESTQ WIDTH, WIDTH \
	JZ    axpyDone \
axpyBlock: \
	MOVQ WIDTH, CX \
	CMPQ CX, $(AXPY_VMAX<<LOG2L) \
	JBE  axpyFits \
	MOVQ $(AXPY_VMAX<<LOG2L), CX \
axpyFits: \
	SUBQ CX, WIDTH \
	LEAQ -1(CX), VECS \
	SHRQ $LOG2L, VECS \
	MOVQ VECS, TMP \
	SHLQ $LOG2L, TMP \
	SUBQ TMP, CX /* the last vector's lanes, in CX for LAST_MASK */ \
	MASK(CX) \
	MOVQ K_ROWS, ROWS \
	MOVQ X_BASE, X_PTR \
	MOVQ M_BASE, M0 \
	AXPY_DISPATCH \
	AXPY_VARIANTS \
axpyNext: \
	LEAQ 1(VECS), TMP \
	SHLQ $LOG2VB, TMP \
	ADDQ TMP, Y_PTR \
	ADDQ TMP, M_BASE \
	TESTQ WIDTH, WIDTH \
	JNZ  axpyBlock

// --- the dot form: row r's sums += row r[OFF…] · x[OFF…] ---

// TAIL4_LOAD starts the four rows' masked tail at the label tail, leaving
// to exit if no element is left: it loads the vector's last elements at p
// into v and the rows' into t0–t3.
#define TAIL4_LOAD(tail, exit, MLD, MK, p, v, t0, t1, t2, t3) \
tail: \
	TESTQ LEFT, LEFT \
	JZ    exit \
	MLD (p)(OFF*1), MK, v \
	MLD (M0)(OFF*1), MK, t0 \
	MLD (M1)(OFF*1), MK, t1 \
	MLD (M2)(OFF*1), MK, t2 \
	MLD (M3)(OFF*1), MK, t3

// TAIL1_LOAD is TAIL4_LOAD for the single row (into t0).
#define TAIL1_LOAD(tail, exit, MLD, MK, p, v, t0) \
tail: \
	TESTQ LEFT, LEFT \
	JZ    exit \
	MLD (p)(OFF*1), MK, v \
	MLD (M0)(OFF*1), MK, t0

// DOT4_START zeroes the four rows' sums V0–V7 and starts the group of four
// rows at M0.
#define DOT4_START(XOR) \
	ROWS4 \
	XOR V0, V0, V0 \
	XOR V1, V1, V1 \
	XOR V2, V2, V2 \
	XOR V3, V3, V3 \
	XOR V4, V4, V4 \
	XOR V5, V5, V5 \
	XOR V6, V6, V6 \
	XOR V7, V7, V7 \
	ROW_START

// DOT4_V2 is the four rows' loop over two vectors of x (V8, V9) a trip.
#define DOT4_V2(loop, exit, n, MOV, FMA) \
	COLS_WHILE(loop, exit, n) \
	MOV (X_PTR)(OFF*1), V8 \
	MOV VB(X_PTR)(OFF*1), V9 \
	FMA (M0)(OFF*1), V8, V0 \
	FMA VB(M0)(OFF*1), V9, V1 \
	FMA (M1)(OFF*1), V8, V2 \
	FMA VB(M1)(OFF*1), V9, V3 \
	FMA (M2)(OFF*1), V8, V4 \
	FMA VB(M2)(OFF*1), V9, V5 \
	FMA (M3)(OFF*1), V8, V6 \
	FMA VB(M3)(OFF*1), V9, V7 \
	COLS_NEXT(loop, 2*VB, n)

// DOT4_V1 is the four rows' one vector of x after DOT4_V2 (at most one is
// left).
#define DOT4_V1(loop, exit, n, MOV, FMA) \
	COLS_WHILE(loop, exit, n) \
	MOV (X_PTR)(OFF*1), V8 \
	FMA (M0)(OFF*1), V8, V0 \
	FMA (M1)(OFF*1), V8, V2 \
	FMA (M2)(OFF*1), V8, V4 \
	FMA (M3)(OFF*1), V8, V6 \
	COLS_STEP(VB, n)

// DOT4_TAIL is the four rows' masked last elements, x's in V8 and the
// rows' in t0–t3, added into each row's second sum.
#define DOT4_TAIL(tail, exit, MLD, MK, FMA, t0, t1, t2, t3) \
	TAIL4_LOAD(tail, exit, MLD, MK, X_PTR, V8, t0, t1, t2, t3) \
	FMA t0, V8, V1 \
	FMA t1, V8, V3 \
	FMA t2, V8, V5 \
	FMA t3, V8, V7

// DOT1_START zeroes the single row's sums V0, V1 and starts the row at M0.
#define DOT1_START(XOR) \
	XOR V0, V0, V0 \
	XOR V1, V1, V1 \
	ROW_START

// DOT1_V2 is the single row's loop over two vectors (V8, V9) a trip.
#define DOT1_V2(loop, exit, n, MOV, FMA) \
	COLS_WHILE(loop, exit, n) \
	MOV (M0)(OFF*1), V8 \
	MOV VB(M0)(OFF*1), V9 \
	FMA (X_PTR)(OFF*1), V8, V0 \
	FMA VB(X_PTR)(OFF*1), V9, V1 \
	COLS_NEXT(loop, 2*VB, n)

// DOT1_V1 is the single row's one vector after DOT1_V2.
#define DOT1_V1(loop, exit, n, MOV, FMA) \
	COLS_WHILE(loop, exit, n) \
	MOV (M0)(OFF*1), V8 \
	FMA (X_PTR)(OFF*1), V8, V0 \
	COLS_STEP(VB, n)

// DOT1_TAIL is the single row's masked last elements (x's in V8, the
// row's in t0), added into its second sum.
#define DOT1_TAIL(tail, exit, MLD, MK, FMA, t0) \
	TAIL1_LOAD(tail, exit, MLD, MK, X_PTR, V8, t0) \
	FMA t0, V8, V1

// The reductions, from ymm registers (AVX-512 first folds its zmm sums
// into Y0–Y7 by halves). DOT4_FOLD adds each row's two vectors and folds
// the halves, leaving row r's four-lane pieces in X(2r); DOT4_SUM_F32 and
// DOT4_SUM_F64 then pair the rows' pieces by horizontal adds into one vector
// of sums and add it to y.
#define DOT4_FOLD(ADD) \
	ADD Y1, Y0, Y0 \
	ADD Y3, Y2, Y2 \
	ADD Y5, Y4, Y4 \
	ADD Y7, Y6, Y6 \
	VEXTRACTF128 $1, Y0, X1 \
	VEXTRACTF128 $1, Y2, X3 \
	VEXTRACTF128 $1, Y4, X5 \
	VEXTRACTF128 $1, Y6, X7 \
	ADD X1, X0, X0 \
	ADD X3, X2, X2 \
	ADD X5, X4, X4 \
	ADD X7, X6, X6

#define DOT4_SUM_F32 \
	DOT4_FOLD(VADDPS) \
	VHADDPS X2, X0, X0 /* [r0 01, r0 23, r1 01, r1 23] */ \
	VHADDPS X6, X4, X4 /* [r2 01, r2 23, r3 01, r3 23] */ \
	VHADDPS X4, X0, X0 /* [r0, r1, r2, r3] */ \
	VADDPS  (Y_PTR), X0, X0 \
	VMOVUPS X0, (Y_PTR)

#define DOT4_SUM_F64 \
	DOT4_FOLD(VADDPD) \
	VHADDPD     X2, X0, X0 /* [r0, r1] */ \
	VHADDPD     X6, X4, X4 /* [r2, r3] */ \
	VINSERTF128 $1, X4, Y0, Y0 \
	VADDPD      (Y_PTR), Y0, Y0 \
	VMOVUPD     Y0, (Y_PTR)

// DOT1_FOLD adds the single row's two vectors and folds the halves into X0.
#define DOT1_FOLD(ADD) \
	ADD Y1, Y0, Y0 \
	VEXTRACTF128 $1, Y0, X1 \
	ADD X1, X0, X0

// DOT1_SUM_F32 and DOT1_SUM_F64 finish the single row: pair sums, then
// their sum, added to y[i].
#define DOT1_SUM_F32 \
	VHADDPS X0, X0, X0 \
	VHADDPS X0, X0, X0 \
	VADDSS  (Y_PTR), X0, X0 \
	VMOVSS  X0, (Y_PTR)

#define DOT1_SUM_F64 \
	VHADDPD X0, X0, X0 \
	VADDSD  (Y_PTR), X0, X0 \
	VMOVSD  X0, (Y_PTR)

// --- the whole forms, after a kernel has loaded its arguments and made
// its tail mask ---
//
// They define their labels themselves (a form is used once per TEXT) and
// leave to axpyDone or dotDone, which the TEXT defines (VRET). ES
// is the element's bytes; BCAST, MOV, FMA, XOR and ADD the element type's
// broadcast, move, FMA, zeroing and add; MLD and MST the masked tail's load
// and store. The level defines AX_MK and AT0–AT3 (the axpy column tail's
// mask and temporaries), DT_MK and DT0–DT3 (the dot depth tail's), and
// DOT4_ZMM and DOT1_ZMM (its sums' first folds, if any).

// DOT_FORM: four rows at a time, then one, each against all of x, its sum
// finished by SUM4 (DOT4_SUM_F32 or …F64) or SUM1 (DOT1_SUM_F32 or …F64).
#define DOT_FORM(ES, MOV, FMA, XOR, ADD, MLD, SUM4, SUM1) \
dot4Rows: \
	CMPQ ROWS, $4 \
	JB   dot1Row \
	DOT4_START(XOR) \
	DOT4_V2(dot4DepthV2, dot4DepthV1, (2*VB/ES), MOV, FMA) \
	DOT4_V1(dot4DepthV1, dot4Tail, (VB/ES), MOV, FMA) \
	DOT4_TAIL(dot4Tail, dot4Reduce, MLD, DT_MK, FMA, DT0, DT1, DT2, DT3) \
dot4Reduce: \
	DOT4_ZMM(ADD) \
	SUM4 \
	ADDQ $(4*ES), Y_PTR \
	LEAQ (M3)(LDM*1), M0 \
	SUBQ $4, ROWS \
	JMP  dot4Rows \
dot1Row: \
	TESTQ ROWS, ROWS \
	JZ    dotDone \
	DOT1_START(XOR) \
	DOT1_V2(dot1DepthV2, dot1DepthV1, (2*VB/ES), MOV, FMA) \
	DOT1_V1(dot1DepthV1, dot1Tail, (VB/ES), MOV, FMA) \
	DOT1_TAIL(dot1Tail, dot1Reduce, MLD, DT_MK, FMA, DT0) \
dot1Reduce: \
	DOT1_ZMM(ADD) \
	DOT1_FOLD(ADD) \
	SUM1 \
	ADDQ $ES, Y_PTR \
	ADDQ LDM, M0 \
	DECQ ROWS \
	JMP  dot1Row

// --- the axpy form eight rows at a time (AXPY8_FORM), for matrices
// beyond L2 ---
//
// The blocked axpy form above reads a block of vectors from each row in
// turn, then the next block: each load instruction jumps a row down and
// back up, a pattern the hardware prefetchers follow badly once the
// matrix streams from L3 or memory. Here eight rows go together, each
// read front to back (within a call: gemvAxpy cuts rows wider than 16 KiB
// into column blocks): a chunk of y (eight vectors, loaded and stored
// around it) takes its eight rows' FMAs in order, row by row, then the
// rows' pointers move on along the rows, so each load instruction reads
// one row sequentially. Every y[j] still takes its terms in order p, so
// the bits are the other axpy kernels'. Vector registers: V4–V11 the
// chunk of y, V0–V3 the broadcasts of x (in turn). The level defines the
// column tail's A8_TAIL_LOAD(MOV), A8_TAIL_FMA(FMA, row, xv) and
// A8_TAIL_STORE(MOV) on V4, with a mask its TEXT makes before
// AXPY8_FORM.

#define A8_K K_ROWS   // rows left
#define A8_N WIDTH    // n, the row length
#define A8_X X_BASE   // x at the group's first row
#define A8_ROW M_BASE // the group's first row, at its start
#define A8_YP AX      // y at the chunk
#define A8_M0 CX      // row 0 of the group at the chunk
#define A8_M4 R8      // row 4 at the chunk (R8: AVX2_TAIL_MASK's, free after it)
#define A8_LDM3 R14   // 3·LDM (R14: an assembly function may overwrite it; Go's wrapper restores it)

// A8_LOAD and A8_STORE move the chunk of y, eight vectors at A8_YP.
#define A8_LOAD(MOV) \
	MOV (A8_YP), V4; MOV VB(A8_YP), V5; MOV 2*VB(A8_YP), V6; MOV 3*VB(A8_YP), V7; \
	MOV 4*VB(A8_YP), V8; MOV 5*VB(A8_YP), V9; MOV 6*VB(A8_YP), V10; MOV 7*VB(A8_YP), V11
#define A8_STORE(MOV) \
	MOV V4, (A8_YP); MOV V5, VB(A8_YP); MOV V6, 2*VB(A8_YP); MOV V7, 3*VB(A8_YP); \
	MOV V8, 4*VB(A8_YP); MOV V9, 5*VB(A8_YP); MOV V10, 6*VB(A8_YP); MOV V11, 7*VB(A8_YP)

// A8_ROW8, A8_ROW1 and A8_ROWT add one row (at the address row, x's
// element at xoff(A8_X) broadcast into xv) to the chunk's eight vectors,
// to its one vector (V4), or to its masked last vector.
#define A8_ROW8(BCAST, FMA, xoff, row, xv) \
	BCAST xoff(A8_X), xv; \
	FMA 0 row, xv, V4; FMA VB row, xv, V5; FMA 2*VB row, xv, V6; FMA 3*VB row, xv, V7; \
	FMA 4*VB row, xv, V8; FMA 5*VB row, xv, V9; FMA 6*VB row, xv, V10; FMA 7*VB row, xv, V11
#define A8_ROW1(BCAST, FMA, xoff, row, xv) \
	BCAST xoff(A8_X), xv; FMA 0 row, xv, V4
#define A8_ROWT(BCAST, FMA, xoff, row, xv) \
	BCAST xoff(A8_X), xv; A8_TAIL_FMA(FMA, row, xv)

// A8_ROWS8 applies ROW to the group's eight rows in order (ES: the
// element's bytes); A8_ROWS1 to its single row.
#define A8_ROWS8(ROW, BCAST, FMA, ES) \
	ROW(BCAST, FMA, 0, (A8_M0), V0); ROW(BCAST, FMA, ES, (A8_M0)(LDM*1), V1); \
	ROW(BCAST, FMA, 2*ES, (A8_M0)(LDM*2), V2); ROW(BCAST, FMA, 3*ES, (A8_M0)(A8_LDM3*1), V3); \
	ROW(BCAST, FMA, 4*ES, (A8_M4), V0); ROW(BCAST, FMA, 5*ES, (A8_M4)(LDM*1), V1); \
	ROW(BCAST, FMA, 6*ES, (A8_M4)(LDM*2), V2); ROW(BCAST, FMA, 7*ES, (A8_M4)(A8_LDM3*1), V3)
#define A8_ROWS1(ROW, BCAST, FMA, ES) ROW(BCAST, FMA, 0, (A8_M0), V0)

// A8_GROUP adds a group of rows (ROWS: A8_ROWS8 or A8_ROWS1) to the whole
// of y: chunks of eight vectors, then single vectors, then the masked
// tail. lanes is a vector's elements; the labels are the group's own.
#define A8_GROUP(ROWS, ES, lanes, BCAST, FMA, MOV, chunk8, chunk1, tail, done) \
	MOVQ Y_PTR, A8_YP \
	MOVQ A8_ROW, A8_M0 \
	LEAQ (A8_ROW)(LDM*4), A8_M4 \
	MOVQ A8_N, LEFT \
chunk8: \
	CMPQ LEFT, $(8*lanes) \
	JB   chunk1 \
	A8_LOAD(MOV) \
	ROWS(A8_ROW8, BCAST, FMA, ES) \
	A8_STORE(MOV) \
	ADDQ $(8*VB), A8_YP \
	ADDQ $(8*VB), A8_M0 \
	ADDQ $(8*VB), A8_M4 \
	SUBQ $(8*lanes), LEFT \
	JMP  chunk8 \
chunk1: \
	CMPQ LEFT, $lanes \
	JB   tail \
	MOV  (A8_YP), V4 \
	ROWS(A8_ROW1, BCAST, FMA, ES) \
	MOV  V4, (A8_YP) \
	ADDQ $VB, A8_YP \
	ADDQ $VB, A8_M0 \
	ADDQ $VB, A8_M4 \
	SUBQ $lanes, LEFT \
	JMP  chunk1 \
tail: \
	TESTQ LEFT, LEFT \
	JZ    done \
	A8_TAIL_LOAD(MOV) \
	ROWS(A8_ROWT, BCAST, FMA, ES) \
	A8_TAIL_STORE(MOV) \
done:

// AXPY8_FORM runs the groups of eight rows, then the last k mod 8 rows
// one at a time, after the TEXT has loaded the axpy form's registers
// (K_ROWS, WIDTH, X_BASE, M_BASE, LDM in bytes, Y_PTR: the level's
// AXPY_ARGS) and the tail's mask (the level's A8_MASK_F32 or
// A8_MASK_F64); elements of 1<<LOG2ES bytes, lanes to a vector. It
// leaves to axpy8Done.
#define AXPY8_FORM(LOG2ES, lanes, BCAST, FMA, MOV) \
	TESTQ A8_K, A8_K \
	JZ    axpy8Done \
	TESTQ A8_N, A8_N \
	JZ    axpy8Done \
	LEAQ  (LDM)(LDM*2), A8_LDM3 \
axpy8Rows8: \
	CMPQ A8_K, $8 \
	JB   axpy8Rows1 \
	A8_GROUP(A8_ROWS8, (1<<LOG2ES), lanes, BCAST, FMA, MOV, g8Chunk8, g8Chunk1, g8Tail, g8Done) \
	ADDQ $(8<<LOG2ES), A8_X \
	LEAQ (A8_ROW)(LDM*8), A8_ROW \
	SUBQ $8, A8_K \
	JMP  axpy8Rows8 \
axpy8Rows1: \
	TESTQ A8_K, A8_K \
	JZ    axpy8Done \
	A8_GROUP(A8_ROWS1, (1<<LOG2ES), lanes, BCAST, FMA, MOV, g1Chunk8, g1Chunk1, g1Tail, g1Done) \
	ADDQ $(1<<LOG2ES), A8_X \
	ADDQ LDM, A8_ROW \
	DECQ A8_K \
	JMP  axpy8Rows1
