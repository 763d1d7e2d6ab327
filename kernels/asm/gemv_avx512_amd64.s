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
// in registers while every row of the matrix adds to it; the dot form
// takes four rows at a time against one load of x, two vectors deep, with
// eight accumulators. Column (axpy) and depth (dot) tails use an opmask:
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
	MOVQ k+0(FP), K_ROWS
	MOVQ n+8(FP), WIDTH
	MOVQ x+16(FP), X_BASE
	MOVQ m+24(FP), M_BASE
	MOVQ ldm+32(FP), LDM
	SHLQ $2, LDM
	MOVQ y+40(FP), Y_PTR
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
	MOVQ k+0(FP), K_ROWS
	MOVQ n+8(FP), WIDTH
	MOVQ x+16(FP), X_BASE
	MOVQ m+24(FP), M_BASE
	MOVQ ldm+32(FP), LDM
	SHLQ $3, LDM
	MOVQ y+40(FP), Y_PTR
	AXPY_FORM(3, 6, LAST_MASK, AXPY_BLOCKS(VBROADCASTSD, VFMADD231PD, VMOVUPD, 8, M_FMA, LAST_FMA))
	VRET(axpyDone)

// func GemvAxpyPrefetchF32AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
// GemvAxpyF32AVX512, prefetching each vector's line two rows ahead
// (M_FMA_AHEAD). Requires AVX512F.
TEXT ·GemvAxpyPrefetchF32AVX512(SB), NOSPLIT, $0-48
	MOVQ k+0(FP), K_ROWS
	MOVQ n+8(FP), WIDTH
	MOVQ x+16(FP), X_BASE
	MOVQ m+24(FP), M_BASE
	MOVQ ldm+32(FP), LDM
	SHLQ $2, LDM
	MOVQ y+40(FP), Y_PTR
	AXPY_FORM(4, 6, LAST_MASK, AXPY_BLOCKS(VBROADCASTSS, VFMADD231PS, VMOVUPS, 4, M_FMA_AHEAD, LAST_FMA_AHEAD))
	VRET(axpyDone)

// func GemvAxpyPrefetchF64AVX512(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
// GemvAxpyF64AVX512, prefetching each vector's line two rows ahead
// (M_FMA_AHEAD). Requires AVX512F.
TEXT ·GemvAxpyPrefetchF64AVX512(SB), NOSPLIT, $0-48
	MOVQ k+0(FP), K_ROWS
	MOVQ n+8(FP), WIDTH
	MOVQ x+16(FP), X_BASE
	MOVQ m+24(FP), M_BASE
	MOVQ ldm+32(FP), LDM
	SHLQ $3, LDM
	MOVQ y+40(FP), Y_PTR
	AXPY_FORM(3, 6, LAST_MASK, AXPY_BLOCKS(VBROADCASTSD, VFMADD231PD, VMOVUPD, 8, M_FMA_AHEAD, LAST_FMA_AHEAD))
	VRET(axpyDone)

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

	DOT_FORM(8, VMOVUPD, VFMADD231PD, VXORPD, VADDPD, VMOVUPD.Z, DOT4_SUM_F64, DOT1_SUM_F64)
	VRET(dotDone)
