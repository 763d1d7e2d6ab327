//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"
#include "zmm_amd64.h"
#include "loop_amd64.h"
#include "gemv_amd64.h"

// Matrix-vector kernels for AVX-512: the axpy kernels need AVX512F, the
// dot kernels AVX512F and AVX512DQ (DOT_FORM zeroes its sums with
// VXORPS/VXORPD on zmm); the dispatcher (kernels/cpu_amd64.go) requires
// AVX512DQ, with F, VL and BW, for its avx512 level. See gemv_amd64.go for
// what each computes. The axpy form keeps a block of y, up to 16 vectors,
// in registers while every row of the matrix adds to it (the Prefetch
// kernels also prefetch two rows ahead; the Stream kernels, for matrices
// of half the L3 or more, take eight rows at a time, each read front to
// back, instead: AXPY8_FORM in gemv_amd64.h); the dot form takes four rows at a
// time against one load of x, two vectors deep, with eight accumulators,
// and the DotStream kernels one row at a time, eight vectors deep
// (DOT8_FORM). Column (axpy) and depth (dot) tails use an opmask:
// zero-masked loads and masked stores neither read nor write the
// masked-off lanes (and do not fault beside an unmapped page).

// The axpy form: y in up to 16 vectors (Z0–Z15), x[p] broadcast into Z16,
// the block's last vector masked by K1 (merge-masked FMA: a masked-off
// lane of M is not read and cannot fault).
#define AXPY_VMAX 16
#define BV Z16
#define LAST_MASK(lanes) AVX512_TAIL_MASK(lanes, TMP, K1)
#define LAST_LD(MOV, v, off) MOV.Z off(Y_PTR), K1, v
#define LAST_FMA(FMA, v, off) FMA off(M0), BV, K1, v
#define LAST_FMA_AHEAD(FMA, v, off) PREFETCHT0 off(M0)(LDM*2); LAST_FMA(FMA, v, off)
#define LAST_ST(MOV, v, off) MOV v, K1, off(Y_PTR)

// AXPY_DISPATCH and AXPY_BLOCKS: the shared twelve, then 13 to 16 vectors.
#define AXPY_DISPATCH \
	AXPY_DISPATCH_12 \
	CMPQ VECS, $13 \
	JB   axpyV13 \
	JE   axpyV14 \
	CMPQ VECS, $15 \
	JB   axpyV15 \
	JMP  axpyV16

#define AXPY_BLOCKS(BCAST, FMA, MOV, ES, MFMA, LFMA) \
	AXPY_BLOCKS_12(BCAST, FMA, MOV, ES, MFMA, LFMA) \
	AXPY_REGS(axpyV13, axpyLoop13, EACH_12, V12, 12*VB, BCAST, FMA, MOV, ES, MFMA, LFMA) \
	AXPY_REGS(axpyV14, axpyLoop14, EACH_13, V13, 13*VB, BCAST, FMA, MOV, ES, MFMA, LFMA) \
	AXPY_REGS(axpyV15, axpyLoop15, EACH_14, V14, 14*VB, BCAST, FMA, MOV, ES, MFMA, LFMA) \
	AXPY_REGS(axpyV16, axpyLoop16, EACH_15, V15, 15*VB, BCAST, FMA, MOV, ES, MFMA, LFMA)

// The dot form's depth tail: its mask (K1) and temporaries.
#define DT_MK K1
#define DT0 Z9
#define DT1 Z10
#define DT2 Z11
#define DT3 Z12

// DOT4_ZMM adds each row's two zmm sums and leaves the halves of row r's
// in Y(2r) and Y(2r+1), for gemv_amd64.h's DOT4_FOLD; DOT1_ZMM does the
// same for the single row's.
#define DOT4_ZMM(ADD) \
	ADD           Z1, Z0, Z0 \
	ADD           Z3, Z2, Z2 \
	ADD           Z5, Z4, Z4 \
	ADD           Z7, Z6, Z6 \
	VEXTRACTF64X4 $1, Z0, Y1 \
	VEXTRACTF64X4 $1, Z2, Y3 \
	VEXTRACTF64X4 $1, Z4, Y5 \
	VEXTRACTF64X4 $1, Z6, Y7

#define DOT1_ZMM(ADD) \
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
// AXPY_ARGS(shift) loads the axpy form's registers from the arguments,
// LDM = ldm << shift bytes. Every kernel in this file has the same
// signature, so the same frame: defined here, in the first TEXT, it is
// checked by vet against this one's and expanded by the other axpy
// kernels too.
#define AXPY_ARGS(shift) \
	MOVQ k+0(FP), K_ROWS; \
	MOVQ n+8(FP), WIDTH; \
	MOVQ x+16(FP), X_BASE; \
	MOVQ m+24(FP), M_BASE; \
	MOVQ ldm+32(FP), LDM; \
	SHLQ $shift, LDM; \
	MOVQ y+40(FP), Y_PTR

	AXPY_ARGS(2)
	AXPY_FORM(4, 6, LAST_MASK, AXPY_BLOCKS(VBROADCASTSS, VFMADD231PS, VMOVUPS, 4, M_FMA, LAST_FMA))
	VRET(axpyDone)

// func GemvAxpyF64AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
//	for p := 0; p < k; p++ {
//		for j := 0; j < n; j++ { y[j] += x[p] * m[p*ldm+j] } // one FMA
//	}
//
// Requires AVX512F.
TEXT ·GemvAxpyF64AVX512(SB), NOSPLIT, $0-48
	AXPY_ARGS(3)
	AXPY_FORM(3, 6, LAST_MASK, AXPY_BLOCKS(VBROADCASTSD, VFMADD231PD, VMOVUPD, 8, M_FMA, LAST_FMA))
	VRET(axpyDone)

// func GemvAxpyPrefetchF32AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
// GemvAxpyF32AVX512, prefetching each vector's line two rows ahead
// (M_FMA_AHEAD). Requires AVX512F.
TEXT ·GemvAxpyPrefetchF32AVX512(SB), NOSPLIT, $0-48
	AXPY_ARGS(2)
	AXPY_FORM(4, 6, LAST_MASK, AXPY_BLOCKS(VBROADCASTSS, VFMADD231PS, VMOVUPS, 4, M_FMA_AHEAD, LAST_FMA_AHEAD))
	VRET(axpyDone)

// func GemvAxpyPrefetchF64AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
// GemvAxpyF64AVX512, prefetching each vector's line two rows ahead
// (M_FMA_AHEAD). Requires AVX512F.
TEXT ·GemvAxpyPrefetchF64AVX512(SB), NOSPLIT, $0-48
	AXPY_ARGS(3)
	AXPY_FORM(3, 6, LAST_MASK, AXPY_BLOCKS(VBROADCASTSD, VFMADD231PD, VMOVUPD, 8, M_FMA_AHEAD, LAST_FMA_AHEAD))
	VRET(axpyDone)

// --- the one-row dot form (DOT8_FORM) ---
//
// Each row's dot product with x alone, eight vectors deep: the row's
// elements are read front to back, one row after another, so the whole
// matrix (rows ldm apart) is one stream, which the hardware prefetchers
// follow; DOT_FORM's four rows at a time are four streams, and read an
// L2-resident matrix at ~135 GB/s where this reads it at 165–240 (AMD Zen
// 5). Each row pays its own reduction, so on a matrix in L1, where four
// rows' streams cost nothing, DOT_FORM is faster (1×16×256: 1.4×). Row i's terms go, in order, into eight sums Z0–Z7 (vector v of each
// step of eight into Zv), then whatever whole vectors are left: four into
// Z0–Z3, two into Z4–Z5, one into Z6, and the masked tail into Z7. The
// sums are added pairwise ((Z0+Z1)+(Z2+Z3))+((Z4+Z5)+(Z6+Z7)) and the
// vector reduced 16 → 8 → 4 → 1 lanes (float64 8 → 4 → 2 → 1) in a fixed
// order, so the bits depend on k, never on the data's alignment. AVX2 has
// no such form: written there (eight ymm sums), it was slower than
// DOT_FORM from L2 (1×256×784 with B transposed 0.97×, 784×1×256 0.92×),
// though faster from L3 (1×1024×1024 1.08×).

// DOT8_ROW loads the row's vector at off (from OFF on) into r and adds it
// times x's into acc; DOT8_STEP8, …4, …2 and …1 take 8, 4, 2 and 1
// vectors into their sums.
#define DOT8_ROW(MOV, FMA, off, r, acc) \
	MOV off(M0)(OFF*1), r \
	FMA off(X_PTR)(OFF*1), r, acc

#define DOT8_STEP8(MOV, FMA) \
	DOT8_ROW(MOV, FMA, 0, Z8, Z0) \
	DOT8_ROW(MOV, FMA, VB, Z9, Z1) \
	DOT8_ROW(MOV, FMA, 2*VB, Z10, Z2) \
	DOT8_ROW(MOV, FMA, 3*VB, Z11, Z3) \
	DOT8_ROW(MOV, FMA, 4*VB, Z12, Z4) \
	DOT8_ROW(MOV, FMA, 5*VB, Z13, Z5) \
	DOT8_ROW(MOV, FMA, 6*VB, Z14, Z6) \
	DOT8_ROW(MOV, FMA, 7*VB, Z15, Z7)

#define DOT8_STEP4(MOV, FMA) \
	DOT8_ROW(MOV, FMA, 0, Z8, Z0) \
	DOT8_ROW(MOV, FMA, VB, Z9, Z1) \
	DOT8_ROW(MOV, FMA, 2*VB, Z10, Z2) \
	DOT8_ROW(MOV, FMA, 3*VB, Z11, Z3)

#define DOT8_STEP2(MOV, FMA) \
	DOT8_ROW(MOV, FMA, 0, Z8, Z4) \
	DOT8_ROW(MOV, FMA, VB, Z9, Z5)

#define DOT8_STEP1(MOV, FMA) \
	DOT8_ROW(MOV, FMA, 0, Z8, Z6)

// DOT8_FORM(ES, MOV, FMA, XOR, ADD, MLD, SUM1): every row as above, its
// sum finished by DOT1_FOLD and SUM1 (DOT1_SUM_F32 or …F64) like
// DOT_FORM's single rows. Leaves to dotDone.
#define DOT8_FORM(ES, MOV, FMA, XOR, ADD, MLD, SUM1) \
dot8Row: \
	TESTQ ROWS, ROWS \
	JZ    dotDone \
	XOR   Z0, Z0, Z0 \
	XOR   Z1, Z1, Z1 \
	XOR   Z2, Z2, Z2 \
	XOR   Z3, Z3, Z3 \
	XOR   Z4, Z4, Z4 \
	XOR   Z5, Z5, Z5 \
	XOR   Z6, Z6, Z6 \
	XOR   Z7, Z7, Z7 \
	ROW_START \
	COLS_WHILE(dot8Depth8, dot8Depth4, (8*VB/ES)) \
	DOT8_STEP8(MOV, FMA) \
	COLS_NEXT(dot8Depth8, 8*VB, (8*VB/ES)) \
	COLS_WHILE(dot8Depth4, dot8Depth2, (4*VB/ES)) \
	DOT8_STEP4(MOV, FMA) \
	COLS_STEP(4*VB, (4*VB/ES)) \
	COLS_WHILE(dot8Depth2, dot8Depth1, (2*VB/ES)) \
	DOT8_STEP2(MOV, FMA) \
	COLS_STEP(2*VB, (2*VB/ES)) \
	COLS_WHILE(dot8Depth1, dot8Tail, (VB/ES)) \
	DOT8_STEP1(MOV, FMA) \
	COLS_STEP(VB, (VB/ES)) \
dot8Tail: \
	TESTQ LEFT, LEFT \
	JZ    dot8Reduce \
	MLD   (X_PTR)(OFF*1), DT_MK, Z8 \
	MLD   (M0)(OFF*1), DT_MK, Z9 \
	FMA   Z9, Z8, Z7 \
dot8Reduce: \
	ADD Z1, Z0, Z0 \
	ADD Z3, Z2, Z2 \
	ADD Z5, Z4, Z4 \
	ADD Z7, Z6, Z6 \
	ADD Z2, Z0, Z0 \
	ADD Z6, Z4, Z4 \
	ADD Z4, Z0, Z0 \
	VEXTRACTF64X4 $1, Z0, Y1 \
	DOT1_FOLD(ADD) \
	SUM1 \
	ADDQ $ES, Y_PTR \
	ADDQ LDM, M0 \
	DECQ ROWS \
	JMP  dot8Row

// func GemvDotF32AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
//	for i := 0; i < n; i++ {
//		var s float32
//		for p := 0; p < k; p++ { s += m[i*ldm+p] * x[p] } // in 32 partial sums
//		y[i] += s
//	}
//
// Each row's sum is kept in two vectors of 16 lanes, added lane-wise, then
// reduced 16 → 8 → 4 → 1 in a fixed order. Requires AVX512F and AVX512DQ
// (VXORPS/VXORPD on zmm).
TEXT ·GemvDotF32AVX512(SB), NOSPLIT, $0-48
// DOT_ARGS(shift, lanes) loads the dot forms' registers from the
// arguments (LDM = ldm << shift bytes) and makes K1, the depth tail's
// mask, of k & lanes lanes (lanes: a vector's lanes − 1): like
// AXPY_ARGS, defined in this first dot TEXT and expanded by the other dot
// kernels.
#define DOT_ARGS(shift, lanes) \
	MOVQ k+0(FP), WIDTH; \
	MOVQ n+8(FP), ROWS; \
	MOVQ x+16(FP), X_PTR; \
	MOVQ m+24(FP), M0; \
	MOVQ ldm+32(FP), LDM; \
	SHLQ $shift, LDM; \
	MOVQ y+40(FP), Y_PTR; \
	MOVQ WIDTH, CX; \
	ANDQ $lanes, CX; \
	AVX512_TAIL_MASK(CX, AX, K1)

	DOT_ARGS(2, 15)

	DOT_FORM(4, VMOVUPS, VFMADD231PS, VXORPS, VADDPS, VMOVUPS.Z, DOT4_SUM_F32, DOT1_SUM_F32)
	VRET(dotDone)

// func GemvDotF64AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
//	for i := 0; i < n; i++ {
//		var s float64
//		for p := 0; p < k; p++ { s += m[i*ldm+p] * x[p] } // in 16 partial sums
//		y[i] += s
//	}
//
// Each row's sum is kept in two vectors of 8 lanes, added lane-wise, then
// reduced 8 → 4 → 2 → 1 in a fixed order. Requires AVX512F and AVX512DQ
// (VXORPS/VXORPD on zmm).
TEXT ·GemvDotF64AVX512(SB), NOSPLIT, $0-48
	DOT_ARGS(3, 7)

	DOT_FORM(8, VMOVUPD, VFMADD231PD, VXORPD, VADDPD, VMOVUPD.Z, DOT4_SUM_F64, DOT1_SUM_F64)
	VRET(dotDone)

// func GemvDotStreamF32AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
//	for i := 0; i < n; i++ {
//		var s float32
//		for p := 0; p < k; p++ { s += m[i*ldm+p] * x[p] } // in 128 partial sums
//		y[i] += s
//	}
//
// One row at a time, its sum in eight vectors of 16 lanes (DOT8_FORM).
// Requires AVX512F and AVX512DQ (VXORPS/VXORPD on zmm).
TEXT ·GemvDotStreamF32AVX512(SB), NOSPLIT, $0-48
	DOT_ARGS(2, 15)

	DOT8_FORM(4, VMOVUPS, VFMADD231PS, VXORPS, VADDPS, VMOVUPS.Z, DOT1_SUM_F32)
	VRET(dotDone)

// func GemvDotStreamF64AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
//	for i := 0; i < n; i++ {
//		var s float64
//		for p := 0; p < k; p++ { s += m[i*ldm+p] * x[p] } // in 64 partial sums
//		y[i] += s
//	}
//
// One row at a time, its sum in eight vectors of 8 lanes (DOT8_FORM).
// Requires AVX512F and AVX512DQ (VXORPS/VXORPD on zmm).
TEXT ·GemvDotStreamF64AVX512(SB), NOSPLIT, $0-48
	DOT_ARGS(3, 7)

	DOT8_FORM(8, VMOVUPD, VFMADD231PD, VXORPD, VADDPD, VMOVUPD.Z, DOT1_SUM_F64)
	VRET(dotDone)

// The eight-row axpy form's column tail (AXPY8_FORM, gemv_amd64.h): its
// mask in K1 (A8_MASK_F32, A8_MASK_F64: of n mod lanes lanes);
// zero-masked loads and merge-masked FMAs read no masked-off lane.
#define A8_MASK_F32 MOVQ A8_N, CX; ANDQ $15, CX; AVX512_TAIL_MASK(CX, AX, K1)
#define A8_MASK_F64 MOVQ A8_N, CX; ANDQ $7, CX; AVX512_TAIL_MASK(CX, AX, K1)
#define A8_TAIL_LOAD(MOV) MOV.Z (A8_YP), K1, V4
#define A8_TAIL_FMA(FMA, row, xv) FMA 0 row, xv, K1, V4
#define A8_TAIL_STORE(MOV) MOV V4, K1, (A8_YP)

// func GemvAxpyStreamF32AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
// The float32 axpy form eight rows at a time (AXPY8_FORM):
//
//	for p := 0; p < k; p++ {
//		for j := 0; j < n; j++ { y[j] += x[p] * m[p*ldm+j] } // one FMA
//	}
//
// Requires AVX512F.
TEXT ·GemvAxpyStreamF32AVX512(SB), NOSPLIT, $0-48
	AXPY_ARGS(2)
	A8_MASK_F32
	AXPY8_FORM(2, 16, VBROADCASTSS, VFMADD231PS, VMOVUPS)
	VRET(axpy8Done)

// func GemvAxpyStreamF64AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
// The float64 axpy form eight rows at a time (AXPY8_FORM):
//
//	for p := 0; p < k; p++ {
//		for j := 0; j < n; j++ { y[j] += x[p] * m[p*ldm+j] } // one FMA
//	}
//
// Requires AVX512F.
TEXT ·GemvAxpyStreamF64AVX512(SB), NOSPLIT, $0-48
	AXPY_ARGS(3)
	A8_MASK_F64
	AXPY8_FORM(3, 8, VBROADCASTSD, VFMADD231PD, VMOVUPD)
	VRET(axpy8Done)
