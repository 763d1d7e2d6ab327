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
#define TAIL_TMP AX

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

// MAXV: MAX_REDUCE's max on V registers (zmm: MAXZ512). MAX_ZMM_HALF: its
// zmm-to-ymm step, Y0 = max of Z0's halves (Y1, Y8 clobbered). FIRST: x[0]
// broadcast (the maxima's start, the tail's masked-off lanes). NANS: an
// opmask, the OR of the unordered compares, a lane set where an element
// was NaN.
#define MAXV(x, acc, t) MAXZ512(x, acc, t)
#define MAX_ZMM_HALF \
	VEXTRACTF64X4 $1, Z0, Y1 \
	MAXZ(Y1, Y0, Y8)
#define FIRST Z16
#define NANS K3

// MAX4, MAX1 and MAX_TAIL are RowMax's bodies for MAX_LOOPS: NANS ORs in
// the unordered compares (a lane is set where an element is NaN).
#define MAX4 \
	LOAD4(X_PTR, Z4, Z5, Z6, Z7) \
	VCMPPS $3, Z5, Z4, K2 /* unordered: Z4 or Z5 holds a NaN */ \
	KORW   K2, NANS, NANS \
	VCMPPS $3, Z7, Z6, K2 \
	KORW   K2, NANS, NANS \
	MAXZ512(Z4, Z0, Z8) \
	MAXZ512(Z5, Z1, Z9) \
	MAXZ512(Z6, Z2, Z10) \
	MAXZ512(Z7, Z3, Z11)

#define MAX1 \
	VMOVUPS (X_PTR), Z4 \
	VCMPPS  $3, Z4, Z4, K2 \
	KORW    K2, NANS, NANS \
	MAXZ512(Z4, Z0, Z8)

#define MAX_TAIL \
	VMOVAPS FIRST, Z4 \
	VMOVUPS (X_PTR), K1, Z4 /* merge-masked: lanes past the end keep x[0] */ \
	VCMPPS  $3, Z4, Z4, K2 \
	KORW    K2, NANS, NANS \
	MAXZ512(Z4, Z0, Z8)

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

	MAX_LOOPS(maxLoop64, maxLoop16, maxTail, maxReduce)

maxReduce:
	MAX_REDUCE
	KORTESTW NANS, NANS
	JNZ      maxNaN
	VMOVSS   X0, ret+24(FP)
	VZEROUPPER
	RET

maxNaN:
	MOVL $0x7fc00000, ret+24(FP) // the default quiet NaN
	VZEROUPPER
	RET

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
	MAP_LOOPS(subLoop64, subLoop16, subTail, subDone, SUB_C)
	VRET(subDone)

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
	SCALED_DIFF_LOOPS(scaledDiffLoop64, scaledDiffLoop16, scaledDiffTail, scaledDiffDone)
	VRET(scaledDiffDone)

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
	ZIP_LOOPS(addLoop64, addLoop16, addTail, addDone, Y_PTR, ADD_Y, ADD_Y_TAIL)
	VRET(addDone)

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
	VZERO(V0, X0)
	VZERO(V1, X1)
	VZERO(V2, X2)
	VZERO(V3, X3)
	SQ_LOOPS(sqLoop64, sqLoop16, sqTail, sqReduce)

sqReduce:
	SUM4(VADDPD, V0, V1, V2, V3)
	HSUM_PD(V0, H0, X0, H1, X1)
	VMOVSD X0, ret+48(FP)
	VZEROUPPER
	RET

// The softmax sums (see rowops_amd64.h).
#define SHIFT Z19

// ESS_LOOP3 is the main loop: the exps of three vectors a trip by
// EXP_PHASES3 after the clamp, then SAVE3 and NEXT.
#define ESS_LOOP3(loop, exit, SAVE3, NEXT) \
	N_LOOP(loop, exit, 3) \
	SHIFTED3 \
	EXP_CLAMP(V0) \
	EXP_CLAMP(V4) \
	EXP_CLAMP(V8) \
	EXP_PHASES3 \
	SAVE3 \
	NEXT(loop, 3)

// ESS_SUM_TAIL adds the tail's exps in V2 to V12, only the lanes in K1:
// the others hold e^−shift.
#define ESS_SUM_TAIL VADDPS Z2, Z12, K1, Z12

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
	CONSTS_CLAMP
	ESS_ZERO
	ESS_LOOP3(essLoop48, essLoop16, ESS_STORE_SUM3, NEXT_XD)
	ESS_ONE_LOOPS(essLoop16, essTail, essDone)

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
	CONSTS_CLAMP
	ESS_ZERO
	ESS_LOOP3(esnLoop48, esnLoop16, ESS_SUM3, NEXT_X)
	ESN_ONE_LOOPS(esnLoop16, esnTail, esnDone)

esnDone:
	ESS_REDUCE
	VMOVSS X12, ret+32(FP)
	VZEROUPPER
	RET

// bceTerm as in BCELogitsSumAVX2. In phases, on registers z, m (the
// term), n, t and u; y is a zmm register or a memory operand.
#define BCE_ZERO Z19

// BCE_ARG sets z = max(−|z|, expMin) (u is not needed).
#define BCE_ARG(z, u) \
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

// BCE_KEEP_TAIL zeroes the masked-off lanes of the tail's terms in V1.
#define BCE_KEEP_TAIL VMOVAPS.Z Z1, K1, Z1

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
	CONSTS_NEG
	VPXORD       BCE_ZERO, BCE_ZERO, BCE_ZERO
	VXORPD       X10, X10, X10
	VXORPD       X11, X11, X11
	VXORPD       X12, X12, X12
	VXORPD       X13, X13, X13
	BCE_LOOPS(bceLoop32, bceLoop16, bceTail, bceDone)

bceDone:
	SUM4(VADDPD, V10, V11, V12, V13)
	HSUM_PD(V10, H10, X10, H11, X11)
	VMOVSD X10, ret+48(FP)
	VZEROUPPER
	RET
