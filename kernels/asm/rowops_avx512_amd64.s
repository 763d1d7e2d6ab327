//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"
#include "zmm_amd64.h"
#include "loop_amd64.h"
#include "rowops_amd64.h"
#include "exp_amd64.h"
#include "exp_avx512_amd64.h"

// Row primitives for AVX-512 (F). Main loops take 64 floats (four zmm) per
// trip, then 16 at a time; the last 1..15 use an opmask: zero-masked (or
// merge-masked) loads and masked stores neither read nor write the
// masked-off lanes (and do not fault beside an unmapped page). Only
// AVX512F instructions are used: bitwise operations on zmm are VPANDD and
// friends (VANDPS zmm is AVX512DQ); ymm and xmm work is VEX-encoded.

#define DST DI
#define X_PTR SI
#define Y_PTR DX
#define T_PTR DX
#define N CX

// MAXZ512 sets acc = max(acc, x) with Go's signed-zero rule: see MAXZ in
// rowops_avx2_amd64.s; the EVEX VMAXPS has the same NaN and equal-operand
// rule. x must be a register.
#define MAXZ512(x, acc, t) \
	VMAXPS x, acc, t \
	VMAXPS acc, x, acc \
	VPANDD t, acc, acc

// MAXZ is MAXZ512 for the VEX-encoded ymm and xmm steps of the reduction.
#define MAXZ(x, acc, t) \
	VMAXPS x, acc, t \
	VMAXPS acc, x, acc \
	VANDPS t, acc, acc

#define FIRST Z16
#define NANS K3

// func RowMaxAVX512(x []float32) float32
//
//	m := x[0]
//	for _, v := range x {
//		if v != v { return NaN }
//		m = max(m, v)
//	}
//	return m
//
// RowMaxAVX2 with 16 lanes: four running maxima start at x[0], the tail is
// merge-loaded over a copy of x[0], and the opmask NANS collects the
// unordered compares of every element. len(x) >= 1. Requires AVX512F.
TEXT ·RowMaxAVX512(SB), NOSPLIT, $0-28
	MOVQ         x_base+0(FP), X_PTR
	MOVQ         x_len+8(FP), N
	VBROADCASTSS (X_PTR), FIRST
	VMOVAPS      FIRST, Z0
	VMOVAPS      FIRST, Z1
	VMOVAPS      FIRST, Z2
	VMOVAPS      FIRST, Z3
	KXORW        NANS, NANS, NANS

	N_LOOP(maxLoop64, maxLoop16, 4)
	LOAD4(X_PTR, Z4, Z5, Z6, Z7)
	VCMPPS  $3, Z5, Z4, K2 // unordered: Z4 or Z5 holds a NaN
	KORW    K2, NANS, NANS
	VCMPPS  $3, Z7, Z6, K2
	KORW    K2, NANS, NANS
	MAXZ512(Z4, Z0, Z8)
	MAXZ512(Z5, Z1, Z9)
	MAXZ512(Z6, Z2, Z10)
	MAXZ512(Z7, Z3, Z11)
	N_NEXT1(maxLoop64, 4, X_PTR)

	N_LOOP(maxLoop16, maxTail, 1)
	VMOVUPS (X_PTR), Z4
	VCMPPS  $3, Z4, Z4, K2
	KORW    K2, NANS, NANS
	MAXZ512(Z4, Z0, Z8)
	N_NEXT1(maxLoop16, 1, X_PTR)

	N_TAIL(maxTail, maxReduce)
	AVX512_TAIL_MASK(N, AX, K1)
	VMOVAPS FIRST, Z4
	VMOVUPS (X_PTR), K1, Z4 // merge-masked: lanes past the end keep x[0]
	VCMPPS  $3, Z4, Z4, K2
	KORW    K2, NANS, NANS
	MAXZ512(Z4, Z0, Z8)

maxReduce:
	MAXZ512(Z1, Z0, Z8)
	MAXZ512(Z3, Z2, Z9)
	MAXZ512(Z2, Z0, Z8)
	VEXTRACTF64X4 $1, Z0, Y1
	MAXZ(Y1, Y0, Y8)
	VEXTRACTF128  $1, Y0, X1
	MAXZ(X1, X0, X8)
	VMOVHLPS      X0, X0, X1
	MAXZ(X1, X0, X8)
	VMOVSHDUP     X0, X1
	MAXZ(X1, X0, X8)
	KORTESTW      NANS, NANS
	JNZ           maxNaN
	VMOVSS        X0, ret+24(FP)
	VZEROUPPER
	RET

maxNaN:
	MOVL $0x7fc00000, ret+24(FP) // the default quiet NaN
	VZEROUPPER
	RET

#define C Z0

// func SubConstAVX512(dst, x []float32, c float32)
//
//	for i, v := range x { dst[i] = v - c }
//
// Requires AVX512F.
TEXT ·SubConstAVX512(SB), NOSPLIT, $0-52
	MOVQ         dst_base+0(FP), DST
	MOVQ         x_base+24(FP), X_PTR
	MOVQ         x_len+32(FP), N
	VBROADCASTSS c+48(FP), C

	N_LOOP(subLoop64, subLoop16, 4)
	LOAD4(X_PTR, Z1, Z2, Z3, Z4)
	OP4(VSUBPS, C, Z1, Z2, Z3, Z4)
	STORE4(Z1, Z2, Z3, Z4, DST)
	N_NEXT2(subLoop64, 4, X_PTR, DST)

	N_LOOP(subLoop16, subTail, 1)
	VMOVUPS (X_PTR), Z1
	VSUBPS  C, Z1, Z1
	VMOVUPS Z1, (DST)
	N_NEXT2(subLoop16, 1, X_PTR, DST)

	N_TAIL(subTail, subDone)
	AVX512_TAIL_MASK(N, AX, K1)
	VMOVUPS.Z (X_PTR), K1, Z1
	VSUBPS    C, Z1, Z1
	VMOVUPS   Z1, K1, (DST)

subDone:
	VZEROUPPER
	RET

#define SCALE Z0

// func ScaledDiffAVX512(dst, t []float32, scale float32)
//
//	for i := range dst { dst[i] = (dst[i] - t[i]) * scale }
//
// Subtraction and product are separate roundings. Requires AVX512F.
TEXT ·ScaledDiffAVX512(SB), NOSPLIT, $0-52
	MOVQ         dst_base+0(FP), DST
	MOVQ         dst_len+8(FP), N
	MOVQ         t_base+24(FP), T_PTR
	VBROADCASTSS scale+48(FP), SCALE

	N_LOOP(scaledDiffLoop64, scaledDiffLoop16, 4)
	LOAD4(DST, Z1, Z2, Z3, Z4)
	OP4M(VSUBPS, T_PTR, Z1, Z2, Z3, Z4)
	OP4(VMULPS, SCALE, Z1, Z2, Z3, Z4)
	STORE4(Z1, Z2, Z3, Z4, DST)
	N_NEXT2(scaledDiffLoop64, 4, DST, T_PTR)

	N_LOOP(scaledDiffLoop16, scaledDiffTail, 1)
	VMOVUPS (DST), Z1
	VSUBPS  (T_PTR), Z1, Z1
	VMULPS  SCALE, Z1, Z1
	VMOVUPS Z1, (DST)
	N_NEXT2(scaledDiffLoop16, 1, DST, T_PTR)

	N_TAIL(scaledDiffTail, scaledDiffDone)
	AVX512_TAIL_MASK(N, AX, K1)
	VMOVUPS.Z (DST), K1, Z1
	VMOVUPS.Z (T_PTR), K1, Z2
	VSUBPS    Z2, Z1, Z1
	VMULPS    SCALE, Z1, Z1
	VMOVUPS   Z1, K1, (DST)

scaledDiffDone:
	VZEROUPPER
	RET

// func AddAVX512(dst, x, y []float32)
//
//	for i := range dst { dst[i] = x[i] + y[i] }
//
// Every store comes after the loads of its own elements, so dst may be x
// or y. Requires AVX512F.
TEXT ·AddAVX512(SB), NOSPLIT, $0-72
	MOVQ dst_base+0(FP), DST
	MOVQ dst_len+8(FP), N
	MOVQ x_base+24(FP), X_PTR
	MOVQ y_base+48(FP), Y_PTR

	N_LOOP(addLoop64, addLoop16, 4)
	LOAD4(X_PTR, Z1, Z2, Z3, Z4)
	OP4M(VADDPS, Y_PTR, Z1, Z2, Z3, Z4)
	STORE4(Z1, Z2, Z3, Z4, DST)
	N_NEXT3(addLoop64, 4, X_PTR, Y_PTR, DST)

	N_LOOP(addLoop16, addTail, 1)
	VMOVUPS (X_PTR), Z1
	VADDPS  (Y_PTR), Z1, Z1
	VMOVUPS Z1, (DST)
	N_NEXT3(addLoop16, 1, X_PTR, Y_PTR, DST)

	N_TAIL(addTail, addDone)
	AVX512_TAIL_MASK(N, AX, K1)
	VMOVUPS.Z (X_PTR), K1, Z1
	VMOVUPS.Z (Y_PTR), K1, Z2
	VADDPS    Z2, Z1, Z1
	VMOVUPS   Z1, K1, (DST)

addDone:
	VZEROUPPER
	RET

// func SqDiffSumAVX512(x, y []float32) float64
//
//	var s float64
//	for i := range x {
//		d := x[i] - y[i]
//		s += float64(d * d)
//	}
//	return s
//
// SqDiffSumAVX2 with 16 lanes: four 8-lane float64 partial sums (Z0..Z3).
// Zero-masked tail lanes add +0. Requires AVX512F.
TEXT ·SqDiffSumAVX512(SB), NOSPLIT, $0-56
	MOVQ   x_base+0(FP), X_PTR
	MOVQ   x_len+8(FP), N
	MOVQ   y_base+24(FP), Y_PTR
	VXORPS X0, X0, X0 // zeroes all of Z0
	VXORPS X1, X1, X1 // zeroes all of Z1
	VXORPS X2, X2, X2 // zeroes all of Z2
	VXORPS X3, X3, X3 // zeroes all of Z3

	N_LOOP(sqLoop64, sqLoop16, 4)
	SQ(0, Z4)
	SQ(64, Z5)
	SQ(128, Z6)
	SQ(192, Z7)
	SQ_ACC(Z4, Y4, Z8, Z0, Z1)
	SQ_ACC(Z5, Y5, Z9, Z2, Z3)
	SQ_ACC(Z6, Y6, Z10, Z0, Z1)
	SQ_ACC(Z7, Y7, Z11, Z2, Z3)
	N_NEXT2(sqLoop64, 4, X_PTR, Y_PTR)

	N_LOOP(sqLoop16, sqTail, 1)
	SQ(0, Z4)
	SQ_ACC(Z4, Y4, Z8, Z0, Z1)
	N_NEXT2(sqLoop16, 1, X_PTR, Y_PTR)

	N_TAIL(sqTail, sqReduce)
	AVX512_TAIL_MASK(N, AX, K1)
	VMOVUPS.Z (X_PTR), K1, Z4
	VMOVUPS.Z (Y_PTR), K1, Z5
	VSUBPS    Z5, Z4, Z4
	VMULPS    Z4, Z4, Z4
	SQ_ACC(Z4, Y4, Z8, Z2, Z3)

sqReduce:
	SUM4(VADDPD, Z0, Z1, Z2, Z3)
	HSUM_ZMM_PD(Z0, Y0, X0, Y1, X1)
	VMOVSD        X0, ret+48(FP)
	VZEROUPPER
	RET

// The softmax sums: three vectors per trip (x, n, t, u each; partial sums
// in Z12, Z13, Z14).
#define SHIFT Z19

// ESS3 sets Z2, Z6, Z10 to exp32 of x − shift for the three vectors at
// X_PTR.
#define ESS3 \
	VMOVUPS (X_PTR), Z0 \
	VMOVUPS 64(X_PTR), Z4 \
	VMOVUPS 128(X_PTR), Z8 \
	VSUBPS  SHIFT, Z0, Z0 \
	VSUBPS  SHIFT, Z4, Z4 \
	VSUBPS  SHIFT, Z8, Z8 \
	EXP_CLAMP(Z0) \
	EXP_CLAMP(Z4) \
	EXP_CLAMP(Z8) \
	EXP_N(Z0, Z1, Z1) \
	EXP_N(Z4, Z5, Z5) \
	EXP_N(Z8, Z9, Z9) \
	EXP_R(Z0, Z1) \
	EXP_R(Z4, Z5) \
	EXP_R(Z8, Z9) \
	EXP_Q1(Z0, Z2) \
	EXP_Q1(Z4, Z6) \
	EXP_Q1(Z8, Z10) \
	EXP_Q2(Z0, Z2) \
	EXP_Q2(Z4, Z6) \
	EXP_Q2(Z8, Z10) \
	EXP_PP(Z0, Z2, Z3) \
	EXP_PP(Z4, Z6, Z7) \
	EXP_PP(Z8, Z10, Z11) \
	EXP_SCALE(Z1, Z2) \
	EXP_SCALE(Z5, Z6) \
	EXP_SCALE(Z9, Z10)

// ESS_INIT loads the constants and zeroes the partial sums (a VEX write
// zeroes all 512 bits).
#define ESS_INIT \
	CONSTS \
	VBROADCASTSS C_EXP_MIN, ZMIN \
	VBROADCASTSS C_EXP_MAX, ZMAX \
	VXORPS       X12, X12, X12 \
	VXORPS       X13, X13, X13 \
	VXORPS       X14, X14, X14

// ESS_REDUCE adds the partial sums Z12, Z13, Z14 and leaves their total in
// the low lane of X12.
#define ESS_REDUCE \
	VADDPS        Z13, Z12, Z12 \
	VADDPS        Z14, Z12, Z12 \
	HSUM_ZMM(Z12, Y12, X12, Y13, X13)

// func ExpShiftSumAVX512(dst, x []float32, shift float32) float32
//
//	var s float32
//	for i, v := range x { dst[i] = exp32(v - shift); s += dst[i] }
//	return s
//
// The sum is kept in three 16-lane partial sums, added together at the
// end. Requires AVX512F.
TEXT ·ExpShiftSumAVX512(SB), NOSPLIT, $0-60
	MOVQ         dst_base+0(FP), DST
	MOVQ         x_base+24(FP), X_PTR
	MOVQ         x_len+32(FP), N
	VBROADCASTSS shift+48(FP), SHIFT
	ESS_INIT

	N_LOOP(essLoop48, essLoop16, 3)
	ESS3
	VMOVUPS Z2, (DST)
	VMOVUPS Z6, 64(DST)
	VMOVUPS Z10, 128(DST)
	VADDPS  Z2, Z12, Z12
	VADDPS  Z6, Z13, Z13
	VADDPS  Z10, Z14, Z14
	N_NEXT2(essLoop48, 3, X_PTR, DST)

	N_LOOP(essLoop16, essTail, 1)
	VMOVUPS (X_PTR), Z0
	VSUBPS  SHIFT, Z0, Z0
	EXP_FULL(Z0, Z1, Z2, Z3)
	VMOVUPS Z2, (DST)
	VADDPS  Z2, Z12, Z12
	N_NEXT2(essLoop16, 1, X_PTR, DST)

	N_TAIL(essTail, essDone)
	AVX512_TAIL_MASK(N, AX, K1)
	VMOVUPS.Z (X_PTR), K1, Z0
	VSUBPS    SHIFT, Z0, Z0
	EXP_FULL(Z0, Z1, Z2, Z3)
	VMOVUPS   Z2, K1, (DST)
	VADDPS    Z2, Z12, K1, Z12 // only the lanes in K1: the others hold e^−shift

essDone:
	ESS_REDUCE
	VMOVSS X12, ret+56(FP)
	VZEROUPPER
	RET

// func ExpShiftSumNoStoreAVX512(x []float32, shift float32) float32
//
//	var s float32
//	for _, v := range x { s += exp32(v - shift) }
//	return s
//
// ExpShiftSumAVX512 without the stores. Requires AVX512F.
TEXT ·ExpShiftSumNoStoreAVX512(SB), NOSPLIT, $0-36
	MOVQ         x_base+0(FP), X_PTR
	MOVQ         x_len+8(FP), N
	VBROADCASTSS shift+24(FP), SHIFT
	ESS_INIT

	N_LOOP(esnLoop48, esnLoop16, 3)
	ESS3
	VADDPS Z2, Z12, Z12
	VADDPS Z6, Z13, Z13
	VADDPS Z10, Z14, Z14
	N_NEXT1(esnLoop48, 3, X_PTR)

	N_LOOP(esnLoop16, esnTail, 1)
	VMOVUPS (X_PTR), Z0
	VSUBPS  SHIFT, Z0, Z0
	EXP_FULL(Z0, Z1, Z2, Z3)
	VADDPS  Z2, Z12, Z12
	N_NEXT1(esnLoop16, 1, X_PTR)

	N_TAIL(esnTail, esnDone)
	AVX512_TAIL_MASK(N, AX, K1)
	VMOVUPS.Z (X_PTR), K1, Z0
	VSUBPS    SHIFT, Z0, Z0
	EXP_FULL(Z0, Z1, Z2, Z3)
	VADDPS    Z2, Z12, K1, Z12 // only the lanes in K1: the others hold e^−shift

esnDone:
	ESS_REDUCE
	VMOVSS X12, ret+32(FP)
	VZEROUPPER
	RET

// bceTerm as in BCELogitsSumAVX2. In phases, on registers z, m (the
// term), n, t and u; y is a zmm register or a memory operand.
#define BCE_ZERO Z19

// BCE_M sets m = max(z, 0) − z·y (VMAXPS returns its second source, +0,
// for z = ±0).
#define BCE_M(z, y, m, u) \
	VMAXPS BCE_ZERO, z, m \
	VMULPS y, z, u \
	VSUBPS u, m, m

// BCE_ARG sets z = max(−|z|, expMin).
#define BCE_ARG(z) \
	VPORD  SIGN, z, z \
	VMAXPS z, ZMIN, z

// BCE_L1, BCE_L2 and BCE_L3 set m += log1p32(e) = e·fma(q(e), e, 1), from
// t = e, q by Horner's rule from log1pPoly[8] down, in u.
#define BCE_L1(t, u) \
	VBROADCASTSS     C_LOG1P_P8, u \
	VFMADD213PS.BCST C_LOG1P_P7, t, u \
	VFMADD213PS.BCST C_LOG1P_P6, t, u \
	VFMADD213PS.BCST C_LOG1P_P5, t, u

#define BCE_L2(t, u) \
	VFMADD213PS.BCST C_LOG1P_P4, t, u \
	VFMADD213PS.BCST C_LOG1P_P3, t, u \
	VFMADD213PS.BCST C_LOG1P_P2, t, u

#define BCE_L3(t, u, m) \
	VFMADD213PS.BCST C_LOG1P_P1, t, u \
	VFMADD213PS.BCST C_LOG1P_P0, t, u \
	VFMADD213PS      K_ONE, t, u \
	VMULPS           u, t, t \
	VADDPS           t, m, m

#define BCE(z, y, m, n, t, u) \
	BCE_M(z, y, m, u) \
	BCE_ARG(z) \
	EXP_P(z, n, n, t, u) \
	EXP_SCALE(n, t) \
	BCE_L1(t, u) \
	BCE_L2(t, u) \
	BCE_L3(t, u, m)

// func BCELogitsSumAVX512(z, y []float32) float64
//
//	var s float64
//	for i := range z { s += float64(bceTerm(z[i], y[i])) }
//	return s
//
// Two vectors per trip, their phases interleaved; the terms are added in
// four 8-lane float64 partial sums, added together at the end.
// len(y) >= len(z). Requires AVX512F.
TEXT ·BCELogitsSumAVX512(SB), NOSPLIT, $0-56
	MOVQ         z_base+0(FP), X_PTR
	MOVQ         z_len+8(FP), N
	MOVQ         y_base+24(FP), Y_PTR
	CONSTS
	VBROADCASTSS C_EXP_MIN, ZMIN
	VBROADCASTSS C_SIGN_MASK, SIGN
	VPXORD       BCE_ZERO, BCE_ZERO, BCE_ZERO
	VXORPD       X10, X10, X10
	VXORPD       X11, X11, X11
	VXORPD       X12, X12, X12
	VXORPD       X13, X13, X13

	N_LOOP(bceLoop32, bceLoop16, 2)
	VMOVUPS (X_PTR), Z0
	VMOVUPS 64(X_PTR), Z5
	BCE_M(Z0, (Y_PTR), Z1, Z4)
	BCE_M(Z5, 64(Y_PTR), Z6, Z9)
	BCE_ARG(Z0)
	BCE_ARG(Z5)
	EXP_N(Z0, Z2, Z2)
	EXP_N(Z5, Z7, Z7)
	EXP_R(Z0, Z2)
	EXP_R(Z5, Z7)
	EXP_Q1(Z0, Z3)
	EXP_Q1(Z5, Z8)
	EXP_Q2(Z0, Z3)
	EXP_Q2(Z5, Z8)
	EXP_PP(Z0, Z3, Z4)
	EXP_PP(Z5, Z8, Z9)
	EXP_SCALE(Z2, Z3)
	EXP_SCALE(Z7, Z8)
	BCE_L1(Z3, Z4)
	BCE_L1(Z8, Z9)
	BCE_L2(Z3, Z4)
	BCE_L2(Z8, Z9)
	BCE_L3(Z3, Z4, Z1)
	BCE_L3(Z8, Z9, Z6)
	BCE_ACC(Y1, Z1, Z2, Z10, Z11)
	BCE_ACC(Y6, Z6, Z7, Z12, Z13)
	N_NEXT2(bceLoop32, 2, X_PTR, Y_PTR)

	N_LOOP(bceLoop16, bceTail, 1)
	VMOVUPS (X_PTR), Z0
	BCE(Z0, (Y_PTR), Z1, Z2, Z3, Z4)
	BCE_ACC(Y1, Z1, Z2, Z10, Z11)
	N_NEXT2(bceLoop16, 1, X_PTR, Y_PTR)

	N_TAIL(bceTail, bceDone)
	AVX512_TAIL_MASK(N, AX, K1)
	VMOVUPS.Z (X_PTR), K1, Z0
	VMOVUPS.Z (Y_PTR), K1, Z5
	BCE(Z0, Z5, Z1, Z2, Z3, Z4)
	VMOVAPS.Z Z1, K1, Z1 // the masked-off lanes hold log 2
	BCE_ACC(Y1, Z1, Z2, Z10, Z11)

bceDone:
	SUM4(VADDPD, Z10, Z11, Z12, Z13)
	HSUM_ZMM_PD(Z10, Y10, X10, Y11, X11)
	VMOVSD        X10, ret+48(FP)
	VZEROUPPER
	RET
