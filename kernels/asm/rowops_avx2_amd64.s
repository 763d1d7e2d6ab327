//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"
#include "ymm_amd64.h"
#include "loop_amd64.h"
#include "rowops_amd64.h"
#include "exp_amd64.h"
#include "exp_avx2_amd64.h"

// Row primitives for AVX2. Main loops take 32 floats (four ymm) per trip,
// then 8 at a time; the last 1..7 use VMASKMOVPS, which neither reads nor
// writes the masked-off lanes. The exp-based sums at the end (ExpShiftSum,
// ExpShiftSumNoStore, BCELogitsSum) follow activation_generic.go's exp32
// and rowops_generic.go's bceTerm with exp_avx2_amd64.h's macros, as the
// activations do.

#define DST DI
#define X_PTR SI
#define Y_PTR DX
#define T_PTR DX
#define N CX
#define MASK Y14
#define TAIL_TMP AX

// MAXZ sets acc = max(acc, x) as Go's max does for non-NaN operands: of two
// equal zeros the result is +0 unless both are -0. VMAXPS returns its second
// source (Go's first operand) when the operands are equal or either is
// NaN, so the two operand orders give the same bits except for a pair of
// differently signed zeros, where the AND of the two results is +0. NaN
// lanes are tracked separately: their result here is meaningless. x must
// be a register.
#define MAXZ(x, acc, t) \
	VMAXPS x, acc, t \
	VMAXPS acc, x, acc \
	VANDPS t, acc, acc

// MAXV: MAX_REDUCE's max on V registers (here MAXZ). MAX_ZMM_HALF: its
// zmm-to-ymm step, nothing at this width. FIRST: x[0] broadcast (the
// maxima's start, the tail's masked-off lanes). NANS: the OR of the
// unordered compares, a lane set where an element was NaN.
#define MAXV(x, acc, t) MAXZ(x, acc, t)
#define MAX_ZMM_HALF
#define FIRST Y13
#define NANS Y12

// MAX4, MAX1 and MAX_TAIL are RowMax's bodies for MAX_LOOPS: NANS ORs in
// the unordered compares (a lane is set where an element is NaN).
#define MAX4 \
	LOAD4(X_PTR, Y4, Y5, Y6, Y7) \
	VCMPPS $3, Y5, Y4, Y8 /* unordered: Y4 or Y5 holds a NaN */ \
	VCMPPS $3, Y7, Y6, Y9 \
	VORPS  Y8, NANS, NANS \
	VORPS  Y9, NANS, NANS \
	MAXZ(Y4, Y0, Y8) \
	MAXZ(Y5, Y1, Y9) \
	MAXZ(Y6, Y2, Y10) \
	MAXZ(Y7, Y3, Y11)

#define MAX1 \
	VMOVUPS (X_PTR), Y4 \
	VCMPPS  $3, Y4, Y4, Y8 \
	VORPS   Y8, NANS, NANS \
	MAXZ(Y4, Y0, Y8)

#define MAX_TAIL \
	MLOAD((X_PTR), Y4) \
	VBLENDVPS MASK, Y4, FIRST, Y4 /* lanes past the end: x[0] */ \
	VCMPPS    $3, Y4, Y4, Y8 \
	VORPS     Y8, NANS, NANS \
	MAXZ(Y4, Y0, Y8)

// func RowMaxAVX2(x []float32) float32
//
//	m := x[0]
//	for _, v := range x {
//		if v != v { return NaN }
//		m = max(m, v)
//	}
//	return m
//
// Four running maxima start at x[0]; masked-off tail lanes are set to x[0]
// too, so they never win. NANS collects the unordered-compare masks of
// every element: if any lane is set, the result is NaN (the maxima drop a
// NaN as soon as the next element arrives). len(x) >= 1. Requires AVX2.
TEXT ·RowMaxAVX2(SB), NOSPLIT, $0-28
	MOVQ         x_base+0(FP), X_PTR
	MOVQ         x_len+8(FP), N
	VBROADCASTSS (X_PTR), FIRST
	VMOVAPS      FIRST, Y0
	VMOVAPS      FIRST, Y1
	VMOVAPS      FIRST, Y2
	VMOVAPS      FIRST, Y3
	VXORPS       NANS, NANS, NANS

	MAX_LOOPS(maxLoop32, maxLoop8, maxTail, maxReduce)

maxReduce:
	MAX_REDUCE
	VMOVMSKPS NANS, AX
	TESTL     AX, AX
	JNZ       maxNaN
	VMOVSS    X0, ret+24(FP)
	VZEROUPPER
	RET

maxNaN:
	MOVL $0x7fc00000, ret+24(FP) // the default quiet NaN
	VZEROUPPER
	RET

// func SubConstAVX2(dst, x []float32, c float32)
//
//	for i, v := range x { dst[i] = v - c }
//
// Requires AVX2.
TEXT ·SubConstAVX2(SB), NOSPLIT, $0-52
	MOVQ         dst_base+0(FP), DST
	MOVQ         x_base+24(FP), X_PTR
	MOVQ         x_len+32(FP), N
	VBROADCASTSS c+48(FP), C
	MAP_LOOPS(subLoop32, subLoop8, subTail, subDone, SUB_C)
	VRET(subDone)

// func ScaledDiffAVX2(dst, t []float32, scale float32)
//
//	for i := range dst { dst[i] = (dst[i] - t[i]) * scale }
//
// Subtraction and product are separate roundings. Requires AVX2.
TEXT ·ScaledDiffAVX2(SB), NOSPLIT, $0-52
	MOVQ         dst_base+0(FP), DST
	MOVQ         dst_len+8(FP), N
	MOVQ         t_base+24(FP), T_PTR
	VBROADCASTSS scale+48(FP), SCALE
	SCALED_DIFF_LOOPS(scaledDiffLoop32, scaledDiffLoop8, scaledDiffTail, scaledDiffDone)
	VRET(scaledDiffDone)

// func AddAVX2(dst, x, y []float32)
//
//	for i := range dst { dst[i] = x[i] + y[i] }
//
// Every store comes after the loads of its own elements, so dst may be x
// or y. Requires AVX2.
TEXT ·AddAVX2(SB), NOSPLIT, $0-72
	MOVQ dst_base+0(FP), DST
	MOVQ dst_len+8(FP), N
	MOVQ x_base+24(FP), X_PTR
	MOVQ y_base+48(FP), Y_PTR
	ZIP_LOOPS(addLoop32, addLoop8, addTail, addDone, Y_PTR, ADD_Y, ADD_Y_TAIL)
	VRET(addDone)

// func SqDiffSumAVX2(x, y []float32) float64
//
//	var s float64
//	for i := range x {
//		d := x[i] - y[i]
//		s += float64(d * d)
//	}
//	return s
//
// The terms are the generic kernel's bits; the sum runs in four 4-lane
// float64 partial sums (Y0..Y3), added together at the end. Masked-off
// tail lanes load as zero and add +0. Requires AVX2.
TEXT ·SqDiffSumAVX2(SB), NOSPLIT, $0-56
	MOVQ   x_base+0(FP), X_PTR
	MOVQ   x_len+8(FP), N
	MOVQ   y_base+24(FP), Y_PTR
	VZERO(V0, X0)
	VZERO(V1, X1)
	VZERO(V2, X2)
	VZERO(V3, X3)
	SQ_LOOPS(sqLoop32, sqLoop8, sqTail, sqReduce)

sqReduce:
	SUM4(VADDPD, V0, V1, V2, V3)
	HSUM_PD(V0, H0, X0, H1, X1)
	VMOVSD X0, ret+48(FP)
	VZEROUPPER
	RET

// The softmax sums (see rowops_amd64.h), checked and computed as in
// ExpAVX2; the tail's mask is Y4.
#define SHIFT Y15
#undef MASK
#define MASK Y4

// ESS_LOOP3 is the main loop: the exps of three vectors a trip by
// EXP_PHASES3 if all their lanes are in [−86, 86], else by EXP_FULL each
// (at slow); then SAVE3 (at save) and NEXT.
#define ESS_LOOP3(loop, exit, slow, save, SAVE3, NEXT) \
	N_LOOP(loop, exit, 3) \
	SHIFTED3 \
	FAST_CHECK3(V0, V4, V8, V1, V5, V9) \
	JNZ slow \
	EXP_PHASES3 \
save: \
	SAVE3 \
	NEXT(loop, 3) \
slow: \
	EXP_FULL(V0, V1, V2, V3) \
	EXP_FULL(V4, V5, V6, V7) \
	EXP_FULL(V8, V9, V10, V11) \
	JMP save

// ESS_SUM_TAIL adds the tail's exps in V2 to V12: the masked-off lanes
// hold e^−shift.
#define ESS_SUM_TAIL \
	VANDPS MASK, V2, V2 \
	VADDPS V2, V12, V12

// func ExpShiftSumAVX2(dst, x []float32, shift float32) float32
//
//	var s float32
//	for i, v := range x { dst[i] = exp32(v - shift); s += dst[i] }
//	return s
//
// The sum is kept in three 8-lane partial sums, added together at the end.
// Requires AVX2 and FMA3.
TEXT ·ExpShiftSumAVX2(SB), NOSPLIT, $0-60
	MOVQ         dst_base+0(FP), DST
	MOVQ         x_base+24(FP), X_PTR
	MOVQ         x_len+32(FP), N
	VBROADCASTSS shift+48(FP), SHIFT
	ESS_ZERO
	ESS_LOOP3(essLoop24, essLoop8, essSlow24, essStore24, ESS_STORE_SUM3, NEXT_XD)
	ESS_ONE_LOOPS(essLoop8, essTail, essDone)

essDone:
	ESS_REDUCE
	VMOVSS X12, ret+56(FP)
	VZEROUPPER
	RET

// func ExpShiftSumNoStoreAVX2(x []float32, shift float32) float32
//
//	var s float32
//	for _, v := range x { s += exp32(v - shift) }
//	return s
//
// ExpShiftSumAVX2 without the stores. Requires AVX2 and FMA3.
TEXT ·ExpShiftSumNoStoreAVX2(SB), NOSPLIT, $0-36
	MOVQ         x_base+0(FP), X_PTR
	MOVQ         x_len+8(FP), N
	VBROADCASTSS shift+24(FP), SHIFT
	ESS_ZERO
	ESS_LOOP3(esnLoop24, esnLoop8, esnSlow24, esnSum24, ESS_SUM3, NEXT_X)
	ESN_ONE_LOOPS(esnLoop8, esnTail, esnDone)

esnDone:
	ESS_REDUCE
	VMOVSS X12, ret+32(FP)
	VZEROUPPER
	RET

// bceTerm(z, y) = (max(z, 0) − z·y) + log1p32(exp32(−|z|)), each operation
// rounded to float32 as in the spec, the FMAs where it calls fma32.
// VMAXPS returns its second source, +0, for z = ±0 (and for a NaN z, whose
// z·y makes the term NaN anyway). −|z| ≤ 0, so only the lower clamp can
// act, and EXP_SCALE_NEG is exact. In phases, on registers z, m (the
// term), n, t and u; y is a ymm register or a memory operand.

#define BCE_ZERO C_ZERO

// BCE_ARG sets z = max(−|z|, expMin).
#define BCE_ARG(z, u) \
	VORPS   C_SIGN_MASK, z, z \
	VMOVUPS C_EXP_MIN, u \
	VMAXPS  z, u, z

// BCE_L1, BCE_L2 and BCE_L3 set m += log1p32(e) = e·fma(q(e), e, 1), from
// t = e, q by Horner's rule from log1pPoly[8] down, in u.
#define BCE_L1(t, u) \
	VMOVUPS     C_LOG1P_P8, u \
	VFMADD213PS C_LOG1P_P7, t, u \
	VFMADD213PS C_LOG1P_P6, t, u \
	VFMADD213PS C_LOG1P_P5, t, u

#define BCE_L2(t, u) \
	VFMADD213PS C_LOG1P_P4, t, u \
	VFMADD213PS C_LOG1P_P3, t, u \
	VFMADD213PS C_LOG1P_P2, t, u

#define BCE_L3(t, u, m) \
	VFMADD213PS C_LOG1P_P1, t, u \
	VFMADD213PS C_LOG1P_P0, t, u \
	VFMADD213PS C_ONE, t, u \
	VMULPS      u, t, t \
	VADDPS      t, m, m

// BCE_KEEP_TAIL zeroes the masked-off lanes of the tail's terms in V1,
// under its mask Y15.
#undef MASK
#define MASK Y15
#define BCE_KEEP_TAIL VANDPS MASK, V1, V1

// func BCELogitsSumAVX2(z, y []float32) float64
//
//	var s float64
//	for i := range z { s += float64(bceTerm(z[i], y[i])) }
//	return s
//
// Two vectors per trip, their phases interleaved; the terms are added in
// four 4-lane float64 partial sums, added together at the end.
// len(y) >= len(z). Requires AVX2 and FMA3.
TEXT ·BCELogitsSumAVX2(SB), NOSPLIT, $0-56
	MOVQ   z_base+0(FP), X_PTR
	MOVQ   z_len+8(FP), N
	MOVQ   y_base+24(FP), Y_PTR
	VXORPD Y10, Y10, Y10
	VXORPD Y11, Y11, Y11
	VXORPD Y12, Y12, Y12
	VXORPD Y13, Y13, Y13
	BCE_LOOPS(bceLoop16, bceLoop8, bceTail, bceDone)

bceDone:
	SUM4(VADDPD, V10, V11, V12, V13)
	HSUM_PD(V10, H10, X10, H11, X11)
	VMOVSD X10, ret+48(FP)
	VZEROUPPER
	RET
