//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"
#include "ymm_amd64.h"
#include "loop_amd64.h"
#include "gemv_amd64.h"

// Matrix-vector kernels for AVX2 and FMA3. See gemv_amd64.go for what each
// computes. The axpy form keeps a block of y, up to 12 vectors, in
// registers while every row of the matrix adds to it (the Stream kernels,
// for matrices beyond L2, take eight rows at a time, each read front to
// back, instead: AXPY8_FORM in gemv_amd64.h); the dot form takes four
// rows at a time against one load of x, two vectors deep, with eight
// accumulators. Column (axpy) and depth (dot) tails use VMASKMOVPS/PD,
// which neither read nor write the masked-off lanes (and do not fault
// beside an unmapped page). float64 tails take a float32 mask of twice the
// lanes: VMASKMOVPD reads the top bit of each 64-bit lane.

// The axpy form: y in up to 12 vectors (Y0–Y11), x[p] broadcast into Y15,
// the block's last vector loaded and stored with VMASKMOVPS and the mask
// Y14 (VMASKMOVPS for float64 too, with a float32 mask of twice the
// lanes), its row's elements loaded into Y13 first. The masks are made
// with AVX2_TAIL_MASK, which clobbers R8 (ROWS): AXPY_FORM sets ROWS
// after.
#define AXPY_VMAX 12
#define BV Y15
#define AX_MK Y14
#define AX_T Y13
#define LAST_MASK_F32(lanes) AVX2_TAIL_MASK(lanes, TMP, AX_MK)
#define LAST_MASK_F64(lanes) SHLQ $1, lanes; AVX2_TAIL_MASK(lanes, TMP, AX_MK)
#define LAST_LD(MOV, v, off) VMASKMOVPS off(Y_PTR), AX_MK, v
#define LAST_FMA(FMA, v, off) VMASKMOVPS off(M0), AX_MK, AX_T; FMA AX_T, BV, v
#define LAST_ST(MOV, v, off) VMASKMOVPS v, AX_MK, off(Y_PTR)

// Twelve vectors at the most: the shared dispatch and blocks as they are.
#define AXPY_DISPATCH AXPY_DISPATCH_12
#define AXPY_BLOCKS(BCAST, FMA, MOV, ES, MFMA, LFMA) AXPY_BLOCKS_12(BCAST, FMA, MOV, ES, MFMA, LFMA)

// The dot form's depth tail: its mask and temporaries (ROWS is R8, which
// AVX2_TAIL_MASK clobbers: each dot kernel loads it after making its
// mask), and no zmm folds:
#define DT_MK Y10 // dot: the depth tail's mask
#define DT0 Y11
#define DT1 Y12
#define DT2 Y13
#define DT3 Y14
#define DOT4_ZMM(ADD)
#define DOT1_ZMM(ADD)

// func GemvAxpyF32AVX2(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
//	for p := 0; p < k; p++ {
//		for j := 0; j < n; j++ { y[j] += x[p] * m[p*ldm+j] } // one FMA
//	}
//
// Requires AVX2 and FMA3.
TEXT ·GemvAxpyF32AVX2(SB), NOSPLIT, $0-48
// AXPY_ARGS(shift) loads the axpy form's registers from the arguments,
// LDM = ldm << shift bytes. The axpy kernels in this file have the same
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
	AXPY_FORM(3, 5, LAST_MASK_F32, AXPY_BLOCKS(VBROADCASTSS, VFMADD231PS, VMOVUPS, 4, M_FMA, LAST_FMA))
	VRET(axpyDone)

// func GemvAxpyF64AVX2(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
//	for p := 0; p < k; p++ {
//		for j := 0; j < n; j++ { y[j] += x[p] * m[p*ldm+j] } // one FMA
//	}
//
// Requires AVX2 and FMA3.
TEXT ·GemvAxpyF64AVX2(SB), NOSPLIT, $0-48
	AXPY_ARGS(3)
	AXPY_FORM(2, 5, LAST_MASK_F64, AXPY_BLOCKS(VBROADCASTSD, VFMADD231PD, VMOVUPD, 8, M_FMA, LAST_FMA))
	VRET(axpyDone)

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
	AVX2_TAIL_MASK(CX, AX, DT_MK)
	MOVQ n+8(FP), ROWS
	MOVQ x+16(FP), X_PTR
	MOVQ m+24(FP), M0
	MOVQ ldm+32(FP), LDM
	SHLQ $2, LDM
	MOVQ y+40(FP), Y_PTR

	DOT_FORM(4, VMOVUPS, VFMADD231PS, VXORPS, VADDPS, VMASKMOVPS, DOT4_SUM_F32, DOT1_SUM_F32)
	VRET(dotDone)

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
	AVX2_TAIL_MASK(CX, AX, DT_MK)
	MOVQ n+8(FP), ROWS
	MOVQ x+16(FP), X_PTR
	MOVQ m+24(FP), M0
	MOVQ ldm+32(FP), LDM
	SHLQ $3, LDM
	MOVQ y+40(FP), Y_PTR

	DOT_FORM(8, VMOVUPD, VFMADD231PD, VXORPD, VADDPD, VMASKMOVPD, DOT4_SUM_F64, DOT1_SUM_F64)
	VRET(dotDone)

// The eight-row axpy form's column tail (AXPY8_FORM, gemv_amd64.h): its
// mask in Y12 (A8_MK, made by A8_MASK_F32 or A8_MASK_F64: float64 too as
// a float32 mask of twice the lanes), the row's elements loaded into Y13
// first.
#define A8_MK Y12
#define A8_T Y13
#define A8_MASK_F32 MOVQ A8_N, CX; ANDQ $7, CX; AVX2_TAIL_MASK(CX, AX, A8_MK)
#define A8_MASK_F64 MOVQ A8_N, CX; ANDQ $3, CX; SHLQ $1, CX; AVX2_TAIL_MASK(CX, AX, A8_MK)
#define A8_TAIL_LOAD(MOV) VMASKMOVPS (A8_YP), A8_MK, V4
#define A8_TAIL_FMA(FMA, row, xv) VMASKMOVPS 0 row, A8_MK, A8_T; FMA A8_T, xv, V4
#define A8_TAIL_STORE(MOV) VMASKMOVPS V4, A8_MK, (A8_YP)

// func GemvAxpyStreamF32AVX2(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
// The float32 axpy form eight rows at a time (AXPY8_FORM):
//
//	for p := 0; p < k; p++ {
//		for j := 0; j < n; j++ { y[j] += x[p] * m[p*ldm+j] } // one FMA
//	}
//
// Requires AVX2 and FMA3.
TEXT ·GemvAxpyStreamF32AVX2(SB), NOSPLIT, $0-48
	AXPY_ARGS(2)
	A8_MASK_F32
	AXPY8_FORM(2, 8, VBROADCASTSS, VFMADD231PS, VMOVUPS)
	VRET(axpy8Done)

// func GemvAxpyStreamF64AVX2(k, n int, x, m unsafe.Pointer, ldm int, y unsafe.Pointer)
//
// The float64 axpy form eight rows at a time (AXPY8_FORM):
//
//	for p := 0; p < k; p++ {
//		for j := 0; j < n; j++ { y[j] += x[p] * m[p*ldm+j] } // one FMA
//	}
//
// Requires AVX2 and FMA3.
TEXT ·GemvAxpyStreamF64AVX2(SB), NOSPLIT, $0-48
	AXPY_ARGS(3)
	A8_MASK_F64
	AXPY8_FORM(3, 4, VBROADCASTSD, VFMADD231PD, VMOVUPD)
	VRET(axpy8Done)
