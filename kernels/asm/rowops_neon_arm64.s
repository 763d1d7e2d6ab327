//go:build !purego

#include "textflag.h"
#include "exp_arm64.h"

// Row primitives, the MSE reduction and the exp-based row sums for NEON
// (arm64 ASIMD). Main loops
// take 16 floats (four 128-bit registers) per trip, then 4 at a time;
// lengths are multiples of 4, so there is no scalar tail (the Go caller
// finishes the last 0..3).
//
// Go's assembler has no vector float arithmetic other than FMLA/FMLS, so
// the instructions below are WORDs built by macros from register numbers
// (0–31, the Vn of the comments); `go tool objdump` decodes them back.

// exp_arm64.h has exp32 on one vector for the exp-based sums at the end
// (ExpShiftSum, ExpShiftSumNoStore, BCELogitsSum) and includes
// neon_arm64.h, the WORD encodings used here (FADD_S4, FSUB_S4, FMUL_S4,
// FMAX_S4 and FMAXV_S4 — NaN-propagating: FMAXNM, which drops NaN, must
// not be used for rowMax —, FADD_D2, FCVTL_D2/FCVTL2_D2, FADDP_D).

#define DST R0
#define X_PTR R1
#define Y_PTR R2
#define N R3

// The per-vector ops (op(i), vector i of a trip) of the loops below.
#define MAX_V(i) FMAX_S4(i, i, 4+(i))         /* V(i) = max(V(i), x's V4+i) */
#define SUB_C_V(i) FSUB_S4(1+(i), 1+(i), 0)   /* V1+i −= c (V0) */
#define SUB_T_V(i) FSUB_S4(1+(i), 1+(i), 5+(i)) /* V1+i −= t's V5+i */
#define MUL_C_V(i) FMUL_S4(1+(i), 1+(i), 0)   /* V1+i ×= scale (V0) */
#define ADD_V(i) FADD_S4(i, i, 4+(i))         /* V(i) += y's V4+i */

// SCALED_DIFF(each, bytes, d, t): d = (d − t)·scale on the next vectors,
// d in place at DST (V1…), t from Y_PTR (V5…): all differences, then all
// products.
#define SCALED_DIFF(each, bytes, d, t) \
	VLD1   (DST), d \
	VLD1.P bytes(Y_PTR), t \
	each(SUB_T_V) \
	each(MUL_C_V) \
	VST1.P d, bytes(DST)

// SQ_DIFF(each, bytes, x, y): the next vectors of x (V0…) and y (V4…);
// d = x − y, d·d, widened to float64 (vector i's halves in V8+2i, V9+2i)
// and added to the accumulators V16+2i, V17+2i, stage by stage.
#define SQ_DIFF(each, bytes, x, y) \
	VLD1.P bytes(X_PTR), x \
	VLD1.P bytes(Y_PTR), y \
	each(SQ_SUB_V) \
	each(SQ_MUL_V) \
	each(SQ_WIDEN_V) \
	each(SQ_ACC_V)
#define SQ_SUB_V(i) FSUB_S4(i, i, 4+(i))
#define SQ_MUL_V(i) FMUL_S4(i, i, i)
#define SQ_WIDEN_V(i) FCVTL_D2(8+2*(i), i); FCVTL2_D2(9+2*(i), i)
#define SQ_ACC_V(i) FADD_D2(16+2*(i), 16+2*(i), 8+2*(i)); FADD_D2(17+2*(i), 17+2*(i), 9+2*(i))

// func RowMaxNEON(x []float32) float32
//
//	m := x[0]
//	for _, v := range x { m = max(m, v) }
//	return m
//
// Four 4-lane running maxima V0–V3 (all starting as x[0:4]), combined at
// the end, then FMAXV across the lanes. FMAX returns NaN if either operand
// is NaN, so a NaN anywhere survives every step. Maximum has no rounding,
// so the order does not matter except for which NaN comes out. len(x) is a
// non-zero multiple of 4. Requires ASIMD.
TEXT ·RowMaxNEON(SB), NOSPLIT, $0-28
	MOVD x_base+0(FP), X_PTR
	MOVD x_len+8(FP), N
	VLD1 (X_PTR), [V0.S4]
	VMOV V0.B16, V1.B16
	VMOV V0.B16, V2.B16
	VMOV V0.B16, V3.B16

	N_LOOP(maxLoop16, maxLoop4, 16, FOLD(EACH4, 64, MAX_V, V4_V7))
	N_LOOP(maxLoop4, maxReduce, 4, FOLD(EACH1, 16, MAX_V, [V4.S4]))

maxReduce:
	TREE4(FMAX_S4, 0, 1, 2, 3)
	FMAXV_S4(0, 0)
	FMOVS F0, ret+24(FP)
	RET

// func SubConstNEON(dst, x []float32, c float32)
//
//	for i, v := range x { dst[i] = v - c }
//
// len(x) is a multiple of 4; dst may be x. Requires ASIMD.
TEXT ·SubConstNEON(SB), NOSPLIT, $0-52
	MOVD  dst_base+0(FP), DST
	MOVD  x_base+24(FP), X_PTR
	MOVD  x_len+32(FP), N
	FMOVS c+48(FP), F0
	VDUP  V0.S[0], V0.S4

	N_LOOP(subLoop16, subLoop4, 16, MAP(EACH4, 64, SUB_C_V, V1_V4, V1_V4))
	N_LOOP(subLoop4, subDone, 4, MAP(EACH1, 16, SUB_C_V, [V1.S4], [V1.S4]))

subDone:
	RET

// func ScaledDiffNEON(dst, t []float32, scale float32)
//
//	for i := range dst { dst[i] = (dst[i] - t[i]) * scale }
//
// FSUB then FMUL, each rounded, as the generic kernel. len(dst) is a
// multiple of 4. Requires ASIMD.
TEXT ·ScaledDiffNEON(SB), NOSPLIT, $0-52
	MOVD  dst_base+0(FP), DST
	MOVD  dst_len+8(FP), N
	MOVD  t_base+24(FP), Y_PTR
	FMOVS scale+48(FP), F0
	VDUP  V0.S[0], V0.S4

	N_LOOP(scaledDiffLoop16, scaledDiffLoop4, 16, SCALED_DIFF(EACH4, 64, V1_V4, V5_V8))
	N_LOOP(scaledDiffLoop4, scaledDiffDone, 4, SCALED_DIFF(EACH1, 16, [V1.S4], [V5.S4]))

scaledDiffDone:
	RET

// func AddNEON(dst, x, y []float32)
//
//	for i := range x { dst[i] = x[i] + y[i] }
//
// len(x) is a multiple of 4; dst may be x or y (each element is loaded
// before it is stored). Requires ASIMD.
TEXT ·AddNEON(SB), NOSPLIT, $0-72
	MOVD dst_base+0(FP), DST
	MOVD x_base+24(FP), X_PTR
	MOVD x_len+32(FP), N
	MOVD y_base+48(FP), Y_PTR

	N_LOOP(addLoop16, addLoop4, 16, ZIP(EACH4, 64, X_PTR, V0_V3, Y_PTR, V4_V7, ADD_V, V0_V3))
	N_LOOP(addLoop4, addDone, 4, ZIP(EACH1, 16, X_PTR, [V0.S4], Y_PTR, [V4.S4], ADD_V, [V0.S4]))

addDone:
	RET

// func SqDiffSumNEON(x, y []float32) float64
//
//	var s float64
//	for i := range x { d := x[i] - y[i]; s += float64(d * d) }
//	return s
//
// d (FSUB) and d·d (FMUL) are rounded in float32 as written; FCVTL and
// FCVTL2 widen the squares exactly to float64, which are summed in eight
// 2-lane accumulators V16–V23 (FADD .2D), added together at the end. The
// order of the float64 additions differs from the sequential loop. len(x)
// is a multiple of 4. Requires ASIMD.
TEXT ·SqDiffSumNEON(SB), NOSPLIT, $0-56
	MOVD x_base+0(FP), X_PTR
	MOVD x_len+8(FP), N
	MOVD y_base+24(FP), Y_PTR
	VZERO(V16); VZERO(V17); VZERO(V18); VZERO(V19); VZERO(V20); VZERO(V21); VZERO(V22); VZERO(V23)

	N_LOOP(sqLoop16, sqLoop4, 16, SQ_DIFF(EACH4, 64, V0_V3, V4_V7))
	N_LOOP(sqLoop4, sqReduce, 4, SQ_DIFF(EACH1, 16, [V0.S4], [V4.S4]))

sqReduce:
	TREE8(FADD_D2, 16, 17, 18, 19, 20, 21, 22, 23)
	FADDP_D(0, 16)
	FMOVD F0, ret+48(FP)
	RET

// ---- softmax sums ----

#define K_SHIFT 20
#define K_ACC0 19
#define K_ACC1 18

// EXP_SHIFT(each, bytes, x): x = exp32(x − shift) of the next vectors of
// X_PTR (V0…), all shifts first; scratch V2–V9. EXP_SUM: then stored to
// DST and added to the sums (vector i to V19−i, K_ACC0 or K_ACC1);
// EXP_SUM_NO_STORE: added only.
#define EXP_SHIFT(each, bytes, x) \
	VLD1.P bytes(X_PTR), x \
	each(SHIFT_V) \
	each(EXP_V)
#define SHIFT_V(i) FSUB_S4(i, i, K_SHIFT)
#define EXP_V(i) EXP_S4(i, 2+4*(i), 3+4*(i), 4+4*(i), 5+4*(i))
#define ACC_V(i) FADD_S4(K_ACC0-(i), K_ACC0-(i), i)

// EXP_SUM_START: the shift (in R9) broadcast, the sums zeroed;
// EXP_SUM_TOTAL: lane 0 of V0 = the sum of their lanes.
#define EXP_SUM_START \
	DUP_S4(K_SHIFT, 9) \
	SPLAT(K_ACC0, 0) \
	SPLAT(K_ACC1, 0)

#define EXP_SUM_TOTAL \
	FADD_S4(0, K_ACC0, K_ACC1) \
	SUM_LANES_S4(0)

#define EXP_SUM(each, bytes, x) \
	EXP_SHIFT(each, bytes, x) \
	VST1.P x, bytes(DST) \
	each(ACC_V)

#define EXP_SUM_NO_STORE(each, bytes, x) \
	EXP_SHIFT(each, bytes, x) \
	each(ACC_V)

// func ExpShiftSumNEON(dst, x []float32, shift float32) float32
//
//	var s float32
//	for i, v := range x {
//		e := exp32(v - shift)
//		dst[i] = e
//		s += e
//	}
//	return s
//
// The sum is kept in 8 lanes (two accumulators, V19 and V18), added
// together at the end: a different order than the loop's, which the
// contract allows. x in V0, V1, scratch in V2–V9. len(x) is a multiple
// of 4. Requires ASIMD.
TEXT ·ExpShiftSumNEON(SB), NOSPLIT, $0-60
	MOVD  dst_base+0(FP), DST
	MOVD  x_base+24(FP), X_PTR
	MOVD  x_len+32(FP), N
	EXP_CONSTS
	MOVWU shift+48(FP), R9
	EXP_SUM_START

	N_LOOP(expSumLoop8, expSumLoop4, 8, EXP_SUM(EACH2, 32, V0_V1))
	N_LOOP(expSumLoop4, expSumDone, 4, EXP_SUM(EACH1, 16, [V0.S4]))

expSumDone:
	EXP_SUM_TOTAL
	FMOVS  F0, ret+56(FP)
	RET

// func ExpShiftSumNoStoreNEON(x []float32, shift float32) float32
//
//	var s float32
//	for _, v := range x { s += exp32(v - shift) }
//	return s
//
// ExpShiftSumNEON without the stores. len(x) is a multiple of 4.
// Requires ASIMD.
TEXT ·ExpShiftSumNoStoreNEON(SB), NOSPLIT, $0-36
	MOVD  x_base+0(FP), X_PTR
	MOVD  x_len+8(FP), N
	EXP_CONSTS
	MOVWU shift+24(FP), R9
	EXP_SUM_START

	N_LOOP(expSumNSLoop8, expSumNSLoop4, 8, EXP_SUM_NO_STORE(EACH2, 32, V0_V1))
	N_LOOP(expSumNSLoop4, expSumNSDone, 4, EXP_SUM_NO_STORE(EACH1, 16, [V0.S4]))

expSumNSDone:
	EXP_SUM_TOTAL
	FMOVS  F0, ret+32(FP)
	RET

// ---- BCE loss ----

#define K_LP0 12
#define K_LP1 13
#define K_LP2 14
#define K_LP3 15
#define K_LP4 16
#define K_LP5 17
#define K_LP6 18
#define K_LP7 19
#define K_LP8 20
#define K_ZERO 11
#define K_DACC0 10
#define K_DACC1 9

// BCE_V(i): the four terms of z in V0 and y in V1, for the one vector of a
// trip (i = 0), widened and added to the float64 sums; scratch V2–V5.
#define BCE_V(i) \
	FMUL_S4(2, 0, 1);           /* z·y */ \
	FMAX_S4(3, 0, K_ZERO);      /* max(z, 0), NaN kept */ \
	FSUB_S4(1, 3, 2);           /* max(z, 0) − z·y */ \
	FABS_S4(0, 0);              \
	FNEG_S4(0, 0);              /* −|z| */ \
	EXP_S4(0, 2, 3, 4, 5);      /* e = exp32(−|z|) */ \
	MOV_B16(2, K_LP7);          \
	FMLA_S4(2, K_LP8, 0);       /* q = fma(log1pPoly[8], e, log1pPoly[7]) */ \
	MOV_B16(3, K_LP6);          \
	FMLA_S4(3, 2, 0);           /* q = fma(q, e, log1pPoly[6]) */ \
	MOV_B16(2, K_LP5);          \
	FMLA_S4(2, 3, 0);           /* … [5] */ \
	MOV_B16(3, K_LP4);          \
	FMLA_S4(3, 2, 0);           /* … [4] */ \
	MOV_B16(2, K_LP3);          \
	FMLA_S4(2, 3, 0);           /* … [3] */ \
	MOV_B16(3, K_LP2);          \
	FMLA_S4(3, 2, 0);           /* … [2] */ \
	MOV_B16(2, K_LP1);          \
	FMLA_S4(2, 3, 0);           /* … [1] */ \
	MOV_B16(3, K_LP0);          \
	FMLA_S4(3, 2, 0);           /* q = fma(q, e, log1pPoly[0]) */ \
	MOV_B16(2, K_ONE);          \
	FMLA_S4(2, 3, 0);           /* fma(q, e, 1) */ \
	FMUL_S4(2, 0, 2);           /* log1p32(e) = e·fma(q, e, 1) */ \
	FADD_S4(1, 1, 2);           /* the term */ \
	FCVTL_D2(2, 1);             /* terms 0, 1 in float64 */ \
	FADD_D2(K_DACC0, K_DACC0, 2); \
	FCVTL2_D2(2, 1);            /* terms 2, 3 */ \
	FADD_D2(K_DACC1, K_DACC1, 2)

// func BCELogitsSumNEON(z, y []float32) float64
//
//	var s float64
//	for i := range z { s += float64(bceTerm(z[i], y[i])) }
//	return s
//
// bceTerm(z, y) = (max(z, 0) − z·y) + log1p32(exp32(−|z|)), every step
// rounded in float32 as written (the products and sums separately; fused
// only in log1p32's fma32s). Each term is widened to float64 (FCVTL,
// FCVTL2) and summed in four float64 lanes (V10, V9), added together at
// the end: a different order than the loop's. One vector per trip: z in
// V0, y in V1, scratch in V2–V5. len(z) is a multiple of 4. Requires ASIMD.
TEXT ·BCELogitsSumNEON(SB), NOSPLIT, $0-56
	MOVD z_base+0(FP), X_PTR
	MOVD z_len+8(FP), N
	MOVD y_base+24(FP), Y_PTR
	EXP_CONSTS
	SPLAT(K_LP0, 0xbeffffe9) // log1pPoly[0] = -0.499999315
	SPLAT(K_LP1, 0x3eaaa6f8) // log1pPoly[1] = 0.33330512
	SPLAT(K_LP2, 0xbe7f9370) // log1pPoly[2] = -0.249585867
	SPLAT(K_LP3, 0x3e49ae4c) // log1pPoly[3] = 0.196953952
	SPLAT(K_LP4, 0xbe1d3d36) // log1pPoly[4] = -0.153553814
	SPLAT(K_LP5, 0x3ddabcbe) // log1pPoly[5] = 0.10680531
	SPLAT(K_LP6, 0xbd6c314c) // log1pPoly[6] = -0.0576642007
	SPLAT(K_LP7, 0x3ca583d1) // log1pPoly[7] = 0.0202044565
	SPLAT(K_LP8, 0xbb597a40) // log1pPoly[8] = -0.00331844389
	SPLAT(K_ZERO, 0)
	SPLAT(K_DACC0, 0)
	SPLAT(K_DACC1, 0)

	N_LOOP(bceLoop4, bceDone, 4, FOLD2(EACH1, 16, X_PTR, [V0.S4], Y_PTR, [V1.S4], BCE_V))

bceDone:
	FADD_D2(0, K_DACC0, K_DACC1)
	FADDP_D(0, 0)
	FMOVD  F0, ret+48(FP)
	RET
