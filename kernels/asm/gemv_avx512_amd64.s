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
// what each computes. The axpy form streams four matrix rows at a time
// across the columns, keeping y in memory (it stays in L1); the dot form
// takes four rows at a time against one load of x, two vectors deep, with
// eight accumulators. Column (axpy) and depth (dot) tails use an opmask:
// zero-masked loads and masked stores neither read nor write the
// masked-off lanes (and do not fault beside an unmapped page).

// The tails' mask (K1 for both forms) and temporaries.
#define AX_MK K1
#define AT0 Z8
#define AT1 Z9
#define AT2 Z10
#define AT3 Z11
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

	AXPY_FORM(4, VBROADCASTSS, VMOVUPS, VFMADD231PS, VMOVUPS.Z, VMOVUPS, AXPY1_V4)
	VRET(axpyDone)

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

	// The single row goes one vector a trip: this kernel has no four-vector
	// loop for it (SKIP_V4).
	AXPY_FORM(8, VBROADCASTSD, VMOVUPD, VFMADD231PD, VMOVUPD.Z, VMOVUPD, SKIP_V4)
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
