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

#define FIRST Y13
#define NANS Y12

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

	N_LOOP(maxLoop32, maxLoop8, 4)
	LOAD4(X_PTR, Y4, Y5, Y6, Y7)
	VCMPPS  $3, Y5, Y4, Y8 // unordered: Y4 or Y5 holds a NaN
	VCMPPS  $3, Y7, Y6, Y9
	VORPS   Y8, NANS, NANS
	VORPS   Y9, NANS, NANS
	MAXZ(Y4, Y0, Y8)
	MAXZ(Y5, Y1, Y9)
	MAXZ(Y6, Y2, Y10)
	MAXZ(Y7, Y3, Y11)
	N_NEXT1(maxLoop32, 4, X_PTR)

	N_LOOP(maxLoop8, maxTail, 1)
	VMOVUPS (X_PTR), Y4
	VCMPPS  $3, Y4, Y4, Y8
	VORPS   Y8, NANS, NANS
	MAXZ(Y4, Y0, Y8)
	N_NEXT1(maxLoop8, 1, X_PTR)

	N_TAIL(maxTail, maxReduce)
	AVX2_TAIL_MASK(N, AX, MASK)
	VMASKMOVPS (X_PTR), MASK, Y4
	VBLENDVPS  MASK, Y4, FIRST, Y4 // lanes past the end: x[0]
	VCMPPS     $3, Y4, Y4, Y8
	VORPS      Y8, NANS, NANS
	MAXZ(Y4, Y0, Y8)

maxReduce:
	MAXZ(Y1, Y0, Y8)
	MAXZ(Y3, Y2, Y9)
	MAXZ(Y2, Y0, Y8)
	VEXTRACTF128 $1, Y0, X1
	MAXZ(X1, X0, X8)
	VMOVHLPS     X0, X0, X1
	MAXZ(X1, X0, X8)
	VMOVSHDUP    X0, X1
	MAXZ(X1, X0, X8)
	VMOVMSKPS    NANS, AX
	TESTL        AX, AX
	JNZ          maxNaN
	VMOVSS       X0, ret+24(FP)
	VZEROUPPER
	RET

maxNaN:
	MOVL $0x7fc00000, ret+24(FP) // the default quiet NaN
	VZEROUPPER
	RET

#define C Y0

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

	N_LOOP(subLoop32, subLoop8, 4)
	LOAD4(X_PTR, Y1, Y2, Y3, Y4)
	OP4(VSUBPS, C, Y1, Y2, Y3, Y4)
	STORE4(Y1, Y2, Y3, Y4, DST)
	N_NEXT2(subLoop32, 4, X_PTR, DST)

	N_LOOP(subLoop8, subTail, 1)
	VMOVUPS (X_PTR), Y1
	VSUBPS  C, Y1, Y1
	VMOVUPS Y1, (DST)
	N_NEXT2(subLoop8, 1, X_PTR, DST)

	N_TAIL(subTail, subDone)
	AVX2_TAIL_MASK(N, AX, MASK)
	VMASKMOVPS (X_PTR), MASK, Y1
	VSUBPS     C, Y1, Y1
	VMASKMOVPS Y1, MASK, (DST)

subDone:
	VZEROUPPER
	RET

#define SCALE Y0

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

	N_LOOP(scaledDiffLoop32, scaledDiffLoop8, 4)
	LOAD4(DST, Y1, Y2, Y3, Y4)
	OP4M(VSUBPS, T_PTR, Y1, Y2, Y3, Y4)
	OP4(VMULPS, SCALE, Y1, Y2, Y3, Y4)
	STORE4(Y1, Y2, Y3, Y4, DST)
	N_NEXT2(scaledDiffLoop32, 4, DST, T_PTR)

	N_LOOP(scaledDiffLoop8, scaledDiffTail, 1)
	VMOVUPS (DST), Y1
	VSUBPS  (T_PTR), Y1, Y1
	VMULPS  SCALE, Y1, Y1
	VMOVUPS Y1, (DST)
	N_NEXT2(scaledDiffLoop8, 1, DST, T_PTR)

	N_TAIL(scaledDiffTail, scaledDiffDone)
	AVX2_TAIL_MASK(N, AX, MASK)
	VMASKMOVPS (DST), MASK, Y1
	VMASKMOVPS (T_PTR), MASK, Y2
	VSUBPS     Y2, Y1, Y1
	VMULPS     SCALE, Y1, Y1
	VMASKMOVPS Y1, MASK, (DST)

scaledDiffDone:
	VZEROUPPER
	RET

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

	N_LOOP(addLoop32, addLoop8, 4)
	LOAD4(X_PTR, Y1, Y2, Y3, Y4)
	OP4M(VADDPS, Y_PTR, Y1, Y2, Y3, Y4)
	STORE4(Y1, Y2, Y3, Y4, DST)
	N_NEXT3(addLoop32, 4, X_PTR, Y_PTR, DST)

	N_LOOP(addLoop8, addTail, 1)
	VMOVUPS (X_PTR), Y1
	VADDPS  (Y_PTR), Y1, Y1
	VMOVUPS Y1, (DST)
	N_NEXT3(addLoop8, 1, X_PTR, Y_PTR, DST)

	N_TAIL(addTail, addDone)
	AVX2_TAIL_MASK(N, AX, MASK)
	VMASKMOVPS (X_PTR), MASK, Y1
	VMASKMOVPS (Y_PTR), MASK, Y2
	VADDPS     Y2, Y1, Y1
	VMASKMOVPS Y1, MASK, (DST)

addDone:
	VZEROUPPER
	RET

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
	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	VXORPS Y2, Y2, Y2
	VXORPS Y3, Y3, Y3

	N_LOOP(sqLoop32, sqLoop8, 4)
	SQ(0, Y4)
	SQ(32, Y5)
	SQ(64, Y6)
	SQ(96, Y7)
	SQ_ACC(Y4, X4, Y8, Y0, Y1)
	SQ_ACC(Y5, X5, Y9, Y2, Y3)
	SQ_ACC(Y6, X6, Y10, Y0, Y1)
	SQ_ACC(Y7, X7, Y11, Y2, Y3)
	N_NEXT2(sqLoop32, 4, X_PTR, Y_PTR)

	N_LOOP(sqLoop8, sqTail, 1)
	SQ(0, Y4)
	SQ_ACC(Y4, X4, Y8, Y0, Y1)
	N_NEXT2(sqLoop8, 1, X_PTR, Y_PTR)

	N_TAIL(sqTail, sqReduce)
	AVX2_TAIL_MASK(N, AX, MASK)
	VMASKMOVPS (X_PTR), MASK, Y4
	VMASKMOVPS (Y_PTR), MASK, Y5
	VSUBPS     Y5, Y4, Y4
	VMULPS     Y4, Y4, Y4
	SQ_ACC(Y4, X4, Y8, Y2, Y3)

sqReduce:
	SUM4(VADDPD, Y0, Y1, Y2, Y3)
	HSUM_YMM_PD(Y0, X0, X1)
	VMOVSD       X0, ret+48(FP)
	VZEROUPPER
	RET

// The softmax sums: three vectors per trip (x, n, t, u each, partial sums
// in Y12, Y13, Y14), checked and computed as in ExpAVX2.
#define SHIFT Y15
#define ESS_MASK Y4

// ESS_LOAD3 loads three vectors of x − shift into Y0, Y4, Y8 and sets the
// flags for JNZ to branch if any lane needs EXP_FULL.
#define ESS_LOAD3 \
	VMOVUPS (X_PTR), Y0 \
	VMOVUPS 32(X_PTR), Y4 \
	VMOVUPS 64(X_PTR), Y8 \
	VSUBPS  SHIFT, Y0, Y0 \
	VSUBPS  SHIFT, Y4, Y4 \
	VSUBPS  SHIFT, Y8, Y8 \
	FAST_CHECK3(Y0, Y4, Y8, Y1, Y5, Y9)

// ESS_FAST3 sets Y2, Y6, Y10 to exp32 of Y0, Y4, Y8 (all in [−86, 86]).
#define ESS_FAST3 \
	EXP_N(Y0, Y1, Y3) \
	EXP_N(Y4, Y5, Y7) \
	EXP_N(Y8, Y9, Y11) \
	EXP_R(Y0, Y3) \
	EXP_R(Y4, Y7) \
	EXP_R(Y8, Y11) \
	EXP_Q1(Y0, Y2) \
	EXP_Q1(Y4, Y6) \
	EXP_Q1(Y8, Y10) \
	EXP_Q2(Y0, Y2) \
	EXP_Q2(Y4, Y6) \
	EXP_Q2(Y8, Y10) \
	EXP_PP(Y0, Y2, Y3) \
	EXP_PP(Y4, Y6, Y7) \
	EXP_PP(Y8, Y10, Y11) \
	EXP_SCALE_NORMAL(Y1, Y2) \
	EXP_SCALE_NORMAL(Y5, Y6) \
	EXP_SCALE_NORMAL(Y9, Y10)

// ESS_SLOW3 is ESS_FAST3 for any lanes.
#define ESS_SLOW3 \
	EXP_FULL(Y0, Y1, Y2, Y3) \
	EXP_FULL(Y4, Y5, Y6, Y7) \
	EXP_FULL(Y8, Y9, Y10, Y11)

// ESS_REDUCE adds the partial sums Y12, Y13, Y14 and leaves their total in
// the low lane of X12.
#define ESS_REDUCE \
	VADDPS       Y13, Y12, Y12 \
	VADDPS       Y14, Y12, Y12 \
	HSUM_YMM(Y12, X12, X13)

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
	VXORPS       Y12, Y12, Y12
	VXORPS       Y13, Y13, Y13
	VXORPS       Y14, Y14, Y14

	N_LOOP(essLoop24, essLoop8, 3)
	ESS_LOAD3
	JNZ  essSlow24
	ESS_FAST3

essStore24:
	VMOVUPS Y2, (DST)
	VMOVUPS Y6, 32(DST)
	VMOVUPS Y10, 64(DST)
	VADDPS  Y2, Y12, Y12
	VADDPS  Y6, Y13, Y13
	VADDPS  Y10, Y14, Y14
	N_NEXT2(essLoop24, 3, X_PTR, DST)

essSlow24:
	ESS_SLOW3
	JMP essStore24

	N_LOOP(essLoop8, essTail, 1)
	VMOVUPS (X_PTR), Y0
	VSUBPS  SHIFT, Y0, Y0
	EXP_FULL(Y0, Y1, Y2, Y3)
	VMOVUPS Y2, (DST)
	VADDPS  Y2, Y12, Y12
	N_NEXT2(essLoop8, 1, X_PTR, DST)

	N_TAIL(essTail, essDone)
	AVX2_TAIL_MASK(N, AX, ESS_MASK)
	VMASKMOVPS (X_PTR), ESS_MASK, Y0
	VSUBPS     SHIFT, Y0, Y0
	EXP_FULL(Y0, Y1, Y2, Y3)
	VMASKMOVPS Y2, ESS_MASK, (DST)
	VANDPS     ESS_MASK, Y2, Y2 // the masked-off lanes hold e^−shift
	VADDPS     Y2, Y12, Y12

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
	VXORPS       Y12, Y12, Y12
	VXORPS       Y13, Y13, Y13
	VXORPS       Y14, Y14, Y14

	N_LOOP(esnLoop24, esnLoop8, 3)
	ESS_LOAD3
	JNZ  esnSlow24
	ESS_FAST3

esnSum24:
	VADDPS Y2, Y12, Y12
	VADDPS Y6, Y13, Y13
	VADDPS Y10, Y14, Y14
	N_NEXT1(esnLoop24, 3, X_PTR)

esnSlow24:
	ESS_SLOW3
	JMP esnSum24

	N_LOOP(esnLoop8, esnTail, 1)
	VMOVUPS (X_PTR), Y0
	VSUBPS  SHIFT, Y0, Y0
	EXP_FULL(Y0, Y1, Y2, Y3)
	VADDPS  Y2, Y12, Y12
	N_NEXT1(esnLoop8, 1, X_PTR)

	N_TAIL(esnTail, esnDone)
	AVX2_TAIL_MASK(N, AX, ESS_MASK)
	VMASKMOVPS (X_PTR), ESS_MASK, Y0
	VSUBPS     SHIFT, Y0, Y0
	EXP_FULL(Y0, Y1, Y2, Y3)
	VANDPS     ESS_MASK, Y2, Y2 // the masked-off lanes hold e^−shift
	VADDPS     Y2, Y12, Y12

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

// BCE_M sets m = max(z, 0) − z·y.
#define BCE_M(z, y, m, u) \
	VMAXPS C_ZERO, z, m \
	VMULPS y, z, u \
	VSUBPS u, m, m

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

#define BCE(z, y, m, n, t, u) \
	BCE_M(z, y, m, u) \
	BCE_ARG(z, u) \
	EXP_P(z, n, u, t, u) \
	EXP_SCALE_NEG(n, t) \
	BCE_L1(t, u) \
	BCE_L2(t, u) \
	BCE_L3(t, u, m)

// BCE_MASK is the tail mask of BCELogitsSumAVX2.
#define BCE_MASK Y15

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

	N_LOOP(bceLoop16, bceLoop8, 2)
	VMOVUPS (X_PTR), Y0
	VMOVUPS 32(X_PTR), Y5
	BCE_M(Y0, (Y_PTR), Y1, Y4)
	BCE_M(Y5, 32(Y_PTR), Y6, Y9)
	BCE_ARG(Y0, Y4)
	BCE_ARG(Y5, Y9)
	EXP_N(Y0, Y2, Y4)
	EXP_N(Y5, Y7, Y9)
	EXP_R(Y0, Y4)
	EXP_R(Y5, Y9)
	EXP_Q1(Y0, Y3)
	EXP_Q1(Y5, Y8)
	EXP_Q2(Y0, Y3)
	EXP_Q2(Y5, Y8)
	EXP_PP(Y0, Y3, Y4)
	EXP_PP(Y5, Y8, Y9)
	EXP_SCALE_NEG(Y2, Y3)
	EXP_SCALE_NEG(Y7, Y8)
	BCE_L1(Y3, Y4)
	BCE_L1(Y8, Y9)
	BCE_L2(Y3, Y4)
	BCE_L2(Y8, Y9)
	BCE_L3(Y3, Y4, Y1)
	BCE_L3(Y8, Y9, Y6)
	BCE_ACC(X1, Y1, Y2, Y10, Y11)
	BCE_ACC(X6, Y6, Y7, Y12, Y13)
	N_NEXT2(bceLoop16, 2, X_PTR, Y_PTR)

	N_LOOP(bceLoop8, bceTail, 1)
	VMOVUPS (X_PTR), Y0
	BCE(Y0, (Y_PTR), Y1, Y2, Y3, Y4)
	BCE_ACC(X1, Y1, Y2, Y10, Y11)
	N_NEXT2(bceLoop8, 1, X_PTR, Y_PTR)

	N_TAIL(bceTail, bceDone)
	AVX2_TAIL_MASK(N, AX, BCE_MASK)
	VMASKMOVPS (X_PTR), BCE_MASK, Y0
	VMASKMOVPS (Y_PTR), BCE_MASK, Y5
	BCE(Y0, Y5, Y1, Y2, Y3, Y4)
	VANDPS     BCE_MASK, Y1, Y1 // the masked-off lanes hold log 2
	BCE_ACC(X1, Y1, Y2, Y10, Y11)

bceDone:
	SUM4(VADDPD, Y10, Y11, Y12, Y13)
	HSUM_YMM_PD(Y10, X10, X11)
	VMOVSD       X10, ret+48(FP)
	VZEROUPPER
	RET
