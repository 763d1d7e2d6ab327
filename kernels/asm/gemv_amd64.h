// Shared by gemv_avx2_amd64.s and gemv_avx512_amd64.s: the loops of the
// axpy and dot forms, for either vector width and either element type.
//
// The including file includes ymm_amd64.h or zmm_amd64.h (VB, V0–V15)
// first; the general registers are defined below. In the axpy form V0–V3
// hold x[p..p+3] broadcast and V4–V7 vectors of y; in the dot form V0–V7
// are the four rows' partial sums (row r's two in V(2r) and V(2r+1)) and
// V8–V9 vectors of x. The macros take as arguments the element type's
// instructions (MOV: VMOVUPS or VMOVUPD; FMA: VFMADD231PS or …PD; …), the
// masked tail's load MLD and store MST with the mask MK (AVX2: VMASKMOVPS
// or …PD for both, with a ymm mask; AVX-512: VMOVUPS.Z and VMOVUPS, or
// …PD, with K1), and the labels they define (loop) and leave to (exit).
// n is a count of elements: a loop runs while at least n are LEFT.

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

// --- the axpy form: y[OFF…] += Σ x[p+r] · row r[OFF…] ---

// AXPY4_START broadcasts x[p..p+3] (ES-byte elements) into V0–V3 and
// starts the group of four rows at M0.
#define AXPY4_START(BCAST, ES) \
	BCAST (X_PTR), V0 \
	BCAST ES(X_PTR), V1 \
	BCAST (2*ES)(X_PTR), V2 \
	BCAST (3*ES)(X_PTR), V3 \
	ROWS4 \
	ROW_START

// Y_LOAD4 and Y_STORE4 load and store y's four vectors at OFF in V4–V7;
// ROW_FMA4 adds a row's four vectors at OFF times b to them.
#define Y_LOAD4(MOV) \
	MOV (Y_PTR)(OFF*1), V4 \
	MOV VB(Y_PTR)(OFF*1), V5 \
	MOV (2*VB)(Y_PTR)(OFF*1), V6 \
	MOV (3*VB)(Y_PTR)(OFF*1), V7

#define Y_STORE4(MOV) \
	MOV V4, (Y_PTR)(OFF*1) \
	MOV V5, VB(Y_PTR)(OFF*1) \
	MOV V6, (2*VB)(Y_PTR)(OFF*1) \
	MOV V7, (3*VB)(Y_PTR)(OFF*1)

#define ROW_FMA4(FMA, row, b) \
	FMA (row)(OFF*1), b, V4 \
	FMA VB(row)(OFF*1), b, V5 \
	FMA (2*VB)(row)(OFF*1), b, V6 \
	FMA (3*VB)(row)(OFF*1), b, V7

// AXPY4_V4 is the four rows' loop over four vectors of y a trip.
#define AXPY4_V4(loop, exit, n, MOV, FMA) \
	COLS_WHILE(loop, exit, n) \
	Y_LOAD4(MOV) \
	ROW_FMA4(FMA, M0, V0) \
	ROW_FMA4(FMA, M1, V1) \
	ROW_FMA4(FMA, M2, V2) \
	ROW_FMA4(FMA, M3, V3) \
	Y_STORE4(MOV) \
	COLS_NEXT(loop, 4*VB, n)

// AXPY4_V1 is the four rows' loop over one vector of y a trip.
#define AXPY4_V1(loop, exit, n, MOV, FMA) \
	COLS_WHILE(loop, exit, n) \
	MOV (Y_PTR)(OFF*1), V4 \
	FMA (M0)(OFF*1), V0, V4 \
	FMA (M1)(OFF*1), V1, V4 \
	FMA (M2)(OFF*1), V2, V4 \
	FMA (M3)(OFF*1), V3, V4 \
	MOV V4, (Y_PTR)(OFF*1) \
	COLS_NEXT(loop, VB, n)

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

// AXPY4_TAIL is the four rows' masked last columns, the rows' elements
// loaded into t0–t3.
#define AXPY4_TAIL(tail, exit, MLD, MST, MK, FMA, t0, t1, t2, t3) \
	TAIL4_LOAD(tail, exit, MLD, MK, Y_PTR, V4, t0, t1, t2, t3) \
	FMA t0, V0, V4 \
	FMA t1, V1, V4 \
	FMA t2, V2, V4 \
	FMA t3, V3, V4 \
	MST V4, MK, (Y_PTR)(OFF*1)

// AXPY1_V4 is the single row's loop over four vectors of y a trip.
#define AXPY1_V4(loop, exit, n, MOV, FMA) \
	COLS_WHILE(loop, exit, n) \
	Y_LOAD4(MOV) \
	ROW_FMA4(FMA, M0, V0) \
	Y_STORE4(MOV) \
	COLS_NEXT(loop, 4*VB, n)

// AXPY1_V1 is the single row's loop over one vector of y a trip.
#define AXPY1_V1(loop, exit, n, MOV, FMA) \
	COLS_WHILE(loop, exit, n) \
	MOV (Y_PTR)(OFF*1), V4 \
	FMA (M0)(OFF*1), V0, V4 \
	MOV V4, (Y_PTR)(OFF*1) \
	COLS_NEXT(loop, VB, n)

// AXPY1_TAIL is the single row's masked last columns, loaded into t0.
#define AXPY1_TAIL(tail, exit, MLD, MST, MK, FMA, t0) \
	TAIL1_LOAD(tail, exit, MLD, MK, Y_PTR, V4, t0) \
	FMA t0, V0, V4 \
	MST V4, MK, (Y_PTR)(OFF*1)

// --- the dot form: row r's sums += row r[OFF…] · x[OFF…] ---

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

// SKIP_V4 stands for a single-row loop over four vectors a kernel goes
// without.
#define SKIP_V4(loop, exit, n, MOV, FMA)

// AXPY_FORM: four rows at a time, then one (ROW1_V4: AXPY1_V4 or SKIP_V4),
// each across all columns: y += Σ x[p]·row p.
#define AXPY_FORM(ES, BCAST, MOV, FMA, MLD, MST, ROW1_V4) \
axpy4Rows: \
	CMPQ ROWS, $4 \
	JB   axpy1Row \
	AXPY4_START(BCAST, ES) \
	AXPY4_V4(axpy4ColsV4, axpy4ColsV1, (4*VB/ES), MOV, FMA) \
	AXPY4_V1(axpy4ColsV1, axpy4Tail, (VB/ES), MOV, FMA) \
	AXPY4_TAIL(axpy4Tail, axpy4Next, MLD, MST, AX_MK, FMA, AT0, AT1, AT2, AT3) \
axpy4Next: \
	LEAQ (M3)(LDM*1), M0 \
	ADDQ $(4*ES), X_PTR \
	SUBQ $4, ROWS \
	JMP  axpy4Rows \
axpy1Row: \
	TESTQ ROWS, ROWS \
	JZ    axpyDone \
	BCAST (X_PTR), V0 \
	ROW_START \
	ROW1_V4(axpy1ColsV4, axpy1ColsV1, (4*VB/ES), MOV, FMA) \
	AXPY1_V1(axpy1ColsV1, axpy1Tail, (VB/ES), MOV, FMA) \
	AXPY1_TAIL(axpy1Tail, axpy1Next, MLD, MST, AX_MK, FMA, AT0) \
axpy1Next: \
	ADDQ LDM, M0 \
	ADDQ $ES, X_PTR \
	DECQ ROWS \
	JMP  axpy1Row

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
