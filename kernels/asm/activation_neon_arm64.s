//go:build !purego

#include "textflag.h"
#include "exp_arm64.h"

// Activation-family kernels for NEON (arm64 ASIMD): exp, sigmoid, tanh,
// their gradients, leaky ReLU, the softmax sums e^(x−shift) and the BCE
// loss sum. len(x) is a multiple of 4, so there is no scalar tail (the Go
// caller finishes the last 0..3).
//
// Each follows its generic Go function step by step with the same
// constants: exp32, sigmoid32 and tanh32 (activation_generic.go) with
// FMLA/FMLS wherever they call fma32; the gradients and leaky ReLU with
// separate FMUL/FADD/FSUB in the same order, bit for bit. exp_arm64.h
// has the WORD encodings (Go's assembler lacks the vector float
// instructions; every vector instruction here is a WORD built from
// register numbers, the Vn of the comments) and EXP_S4, exp32 on one
// vector, whose constants live in V21–V31 (EXP_CONSTS).
//
// Loops take 16 floats per trip where the registers allow (the gradients,
// leaky ReLU, exp), 8 (sigmoid, the exp sums) or 4 (tanh, BCE), then 4 at
// a time. R9 is the scratch register of SPLAT.

#define DST R0
#define X_PTR R1
#define DY_PTR R2
#define Y_PTR R2
#define N R3

// ---- exp ----

// func ExpNEON(dst, x []float32)
//
//	for i, v := range x { dst[i] = exp32(v) }
//
// Four vectors per trip: x in V0–V3, EXP_S4's scratch in V4–V19.
// len(x) is a multiple of 4. Requires ASIMD.
TEXT ·ExpNEON(SB), NOSPLIT, $0-48
	MOVD dst_base+0(FP), DST
	MOVD x_base+24(FP), X_PTR
	MOVD x_len+32(FP), N
	EXP_CONSTS

expLoop16:
	CMP    $16, N
	BLT    expLoop4
	VLD1.P 64(X_PTR), [V0.S4, V1.S4, V2.S4, V3.S4]
	EXP_S4(0, 4, 5, 6, 7)
	EXP_S4(1, 8, 9, 10, 11)
	EXP_S4(2, 12, 13, 14, 15)
	EXP_S4(3, 16, 17, 18, 19)
	VST1.P [V0.S4, V1.S4, V2.S4, V3.S4], 64(DST)
	SUB    $16, N
	B      expLoop16

expLoop4:
	CMP    $4, N
	BLT    expDone
	VLD1.P 16(X_PTR), [V0.S4]
	EXP_S4(0, 4, 5, 6, 7)
	VST1.P [V0.S4], 16(DST)
	SUB    $4, N
	B      expLoop4

expDone:
	RET

// ---- sigmoid ----

// SIGMOID_S4(x, e, n, i, q, t): Vx = sigmoid32(Vx); the rest is scratch.
// e = exp32(−|x|); the mask x < 0 (false for NaN) replaces x and picks
// the numerator e, else 1; then num/(1+e).
#define SIGMOID_S4(x, e, n, i, q, t) \
	FABS_S4(e, x);         \
	FNEG_S4(e, e);         /* e = −|x| */ \
	FCMLT0_S4(x, x);       /* x = mask x < 0 */ \
	EXP_S4(e, n, i, q, t); /* e = exp32(−|x|) */ \
	FADD_S4(q, K_ONE, e);  /* 1 + e */ \
	BSL_B16(x, e, K_ONE);  /* num = x < 0 ? e : 1 */ \
	FDIV_S4(x, x, q)       /* num / (1+e) */

// func SigmoidNEON(dst, x []float32)
//
//	for i, v := range x { dst[i] = sigmoid32(v) }
//
// Two vectors per trip: x in V0, V1, scratch in V2–V11.
// len(x) is a multiple of 4. Requires ASIMD.
TEXT ·SigmoidNEON(SB), NOSPLIT, $0-48
	MOVD dst_base+0(FP), DST
	MOVD x_base+24(FP), X_PTR
	MOVD x_len+32(FP), N
	EXP_CONSTS

sigmoidLoop8:
	CMP    $8, N
	BLT    sigmoidLoop4
	VLD1.P 32(X_PTR), [V0.S4, V1.S4]
	SIGMOID_S4(0, 2, 3, 4, 5, 6)
	SIGMOID_S4(1, 7, 8, 9, 10, 11)
	VST1.P [V0.S4, V1.S4], 32(DST)
	SUB    $8, N
	B      sigmoidLoop8

sigmoidLoop4:
	CMP    $4, N
	BLT    sigmoidDone
	VLD1.P 16(X_PTR), [V0.S4]
	SIGMOID_S4(0, 2, 3, 4, 5, 6)
	VST1.P [V0.S4], 16(DST)
	SUB    $4, N
	B      sigmoidLoop4

sigmoidDone:
	RET

// ---- tanh ----

#define K_TP0 16
#define K_TP1 17
#define K_TP2 18
#define K_TP3 19
#define K_TP4 20
#define K_SMALL 15
#define K_TWO 14
#define K_SIGN 13

// func TanhNEON(dst, x []float32)
//
//	for i, v := range x { dst[i] = tanh32(v) }
//
// Both of tanh32's branches for every lane, then a select: the small one
// a·(1 + u·q(u)), u = a², where |x| < tanhSmall (false for NaN), else
// 1 − 2/(e^{2a}+1); x's sign bit is then ORed in. One vector per trip
// (the constants fill V13–V31). len(x) is a multiple of 4. Requires ASIMD.
TEXT ·TanhNEON(SB), NOSPLIT, $0-48
	MOVD  dst_base+0(FP), DST
	MOVD  x_base+24(FP), X_PTR
	MOVD  x_len+32(FP), N
	EXP_CONSTS
	SPLAT(K_TP0, 0xbeaaaa99)   // tanhPoly[0] = -0.333332807
	SPLAT(K_TP1, 0x3e088393)   // tanhPoly[1] = 0.133314416
	SPLAT(K_TP2, 0xbd5c1e2c)   // tanhPoly[2] = -0.0537397116
	SPLAT(K_TP3, 0x3ca91349)   // tanhPoly[3] = 0.0206390787
	SPLAT(K_TP4, 0xbbbaf0d4)   // tanhPoly[4] = -0.00570497848
	SPLAT(K_SMALL, 0x3f200000) // tanhSmall = 0.625
	SPLAT(K_TWO, 0x40000000)   // 2
	SPLAT(K_SIGN, 0x80000000)  // the sign bit

tanhLoop4:
	CMP       $4, N
	BLT       tanhDone
	VLD1.P    16(X_PTR), [V0.S4]
	FABS_S4(1, 0)              // a = |x|
	FMUL_S4(4, 1, 1)           // u = a·a
	MOV_B16(5, K_TP3)
	FMLA_S4(5, K_TP4, 4)       // q = fma(tanhPoly[4], u, tanhPoly[3])
	MOV_B16(6, K_TP2)
	FMLA_S4(6, 5, 4)           // q = fma(q, u, tanhPoly[2])
	MOV_B16(5, K_TP1)
	FMLA_S4(5, 6, 4)           // q = fma(q, u, tanhPoly[1])
	MOV_B16(6, K_TP0)
	FMLA_S4(6, 5, 4)           // q = fma(q, u, tanhPoly[0])
	MOV_B16(5, K_ONE)
	FMLA_S4(5, 6, 4)           // fma(q, u, 1)
	FMUL_S4(2, 1, 5)           // small branch: a·fma(q, u, 1)
	FADD_S4(3, 1, 1)           // a + a
	EXP_S4(3, 4, 5, 6, 7)      // e = exp32(a + a)
	FADD_S4(3, 3, K_ONE)       // e + 1
	FDIV_S4(3, K_TWO, 3)       // 2/(e+1)
	FSUB_S4(3, K_ONE, 3)       // large branch: 1 − 2/(e+1)
	FCMGT_S4(1, K_SMALL, 1)    // mask a < tanhSmall
	BSL_B16(1, 2, 3)           // t = a < tanhSmall ? small : large
	AND_B16(0, 0, K_SIGN)      // x's sign bit
	ORR_B16(1, 1, 0)           // t | sign
	VST1.P    [V1.S4], 16(DST)
	SUB       $4, N
	B         tanhLoop4

tanhDone:
	RET

// ---- gradients ----

// SIGMOID_GRAD_S4(d, dy, y): Vd = Vdy·(Vy·(1−Vy)), each step rounded.
#define SIGMOID_GRAD_S4(d, dy, y) \
	FSUB_S4(d, K_ONE, y); /* 1 − y */ \
	FMUL_S4(d, y, d);     /* y·(1−y) */ \
	FMUL_S4(d, dy, d)     /* dy·(y·(1−y)) */

// func SigmoidGradNEON(dst, dy, y []float32)
//
//	for i := range y { dst[i] = dy[i] * (y[i] * (1 - y[i])) }
//
// Separate FSUB and FMULs in that order, never fused: bit-identical to the
// generic kernel. dy in V0–V3, y in V4–V7, results in V8–V11.
// len(y) is a multiple of 4. Requires ASIMD.
TEXT ·SigmoidGradNEON(SB), NOSPLIT, $0-72
	MOVD dst_base+0(FP), DST
	MOVD dy_base+24(FP), DY_PTR
	MOVD y_base+48(FP), X_PTR
	MOVD y_len+56(FP), N
	SPLAT(K_ONE, 0x3f800000) // 1

sigmoidGradLoop16:
	CMP    $16, N
	BLT    sigmoidGradLoop4
	VLD1.P 64(DY_PTR), [V0.S4, V1.S4, V2.S4, V3.S4]
	VLD1.P 64(X_PTR), [V4.S4, V5.S4, V6.S4, V7.S4]
	SIGMOID_GRAD_S4(8, 0, 4)
	SIGMOID_GRAD_S4(9, 1, 5)
	SIGMOID_GRAD_S4(10, 2, 6)
	SIGMOID_GRAD_S4(11, 3, 7)
	VST1.P [V8.S4, V9.S4, V10.S4, V11.S4], 64(DST)
	SUB    $16, N
	B      sigmoidGradLoop16

sigmoidGradLoop4:
	CMP    $4, N
	BLT    sigmoidGradDone
	VLD1.P 16(DY_PTR), [V0.S4]
	VLD1.P 16(X_PTR), [V4.S4]
	SIGMOID_GRAD_S4(8, 0, 4)
	VST1.P [V8.S4], 16(DST)
	SUB    $4, N
	B      sigmoidGradLoop4

sigmoidGradDone:
	RET

// TANH_GRAD_S4(d, dy, y, t): Vd = Vdy·((1−Vy)·(1+Vy)), each step rounded;
// Vt is scratch.
#define TANH_GRAD_S4(d, dy, y, t) \
	FSUB_S4(d, K_ONE, y); /* 1 − y */ \
	FADD_S4(t, K_ONE, y); /* 1 + y */ \
	FMUL_S4(d, d, t);     /* (1−y)·(1+y) */ \
	FMUL_S4(d, dy, d)     /* dy·((1−y)·(1+y)) */

// func TanhGradNEON(dst, dy, y []float32)
//
//	for i := range y { dst[i] = dy[i] * ((1 - y[i]) * (1 + y[i])) }
//
// Separate FSUB, FADD and FMULs in that order, never fused: bit-identical
// to the generic kernel. dy in V0–V3, y in V4–V7, results in V8–V11,
// scratch V12–V15. len(y) is a multiple of 4. Requires ASIMD.
TEXT ·TanhGradNEON(SB), NOSPLIT, $0-72
	MOVD dst_base+0(FP), DST
	MOVD dy_base+24(FP), DY_PTR
	MOVD y_base+48(FP), X_PTR
	MOVD y_len+56(FP), N
	SPLAT(K_ONE, 0x3f800000) // 1

tanhGradLoop16:
	CMP    $16, N
	BLT    tanhGradLoop4
	VLD1.P 64(DY_PTR), [V0.S4, V1.S4, V2.S4, V3.S4]
	VLD1.P 64(X_PTR), [V4.S4, V5.S4, V6.S4, V7.S4]
	TANH_GRAD_S4(8, 0, 4, 12)
	TANH_GRAD_S4(9, 1, 5, 13)
	TANH_GRAD_S4(10, 2, 6, 14)
	TANH_GRAD_S4(11, 3, 7, 15)
	VST1.P [V8.S4, V9.S4, V10.S4, V11.S4], 64(DST)
	SUB    $16, N
	B      tanhGradLoop16

tanhGradLoop4:
	CMP    $4, N
	BLT    tanhGradDone
	VLD1.P 16(DY_PTR), [V0.S4]
	VLD1.P 16(X_PTR), [V4.S4]
	TANH_GRAD_S4(8, 0, 4, 12)
	VST1.P [V8.S4], 16(DST)
	SUB    $4, N
	B      tanhGradLoop4

tanhGradDone:
	RET

// ---- leaky ReLU ----

#define K_SLOPE 16

// LEAKY_S4(d, v, t): Vd = Vv > 0 ? Vv : Vv·slope (FCMGT is false for NaN,
// which so takes the product); Vt is scratch.
#define LEAKY_S4(d, v, t) \
	FCMGT0_S4(d, v);        /* mask v > 0 */ \
	FMUL_S4(t, v, K_SLOPE); /* v·slope */ \
	BSL_B16(d, v, t)

// func LeakyReLUNEON(dst, x []float32, slope float32)
//
//	for i, v := range x {
//		if !(v > 0) { v *= slope }
//		dst[i] = v
//	}
//
// x in V0–V3, results in V4–V7, products in V8–V11. len(x) is a multiple
// of 4. Requires ASIMD.
TEXT ·LeakyReLUNEON(SB), NOSPLIT, $0-52
	MOVD  dst_base+0(FP), DST
	MOVD  x_base+24(FP), X_PTR
	MOVD  x_len+32(FP), N
	MOVWU slope+48(FP), R9
	DUP_S4(K_SLOPE, 9)

leakyLoop16:
	CMP    $16, N
	BLT    leakyLoop4
	VLD1.P 64(X_PTR), [V0.S4, V1.S4, V2.S4, V3.S4]
	LEAKY_S4(4, 0, 8)
	LEAKY_S4(5, 1, 9)
	LEAKY_S4(6, 2, 10)
	LEAKY_S4(7, 3, 11)
	VST1.P [V4.S4, V5.S4, V6.S4, V7.S4], 64(DST)
	SUB    $16, N
	B      leakyLoop16

leakyLoop4:
	CMP    $4, N
	BLT    leakyDone
	VLD1.P 16(X_PTR), [V0.S4]
	LEAKY_S4(4, 0, 8)
	VST1.P [V4.S4], 16(DST)
	SUB    $4, N
	B      leakyLoop4

leakyDone:
	RET

// LEAKY_GRAD_S4(d, dy, x, t): Vd = Vx > 0 ? Vdy : Vdy·slope; Vt is
// scratch.
#define LEAKY_GRAD_S4(d, dy, x, t) \
	FCMGT0_S4(d, x);         /* mask x > 0 */ \
	FMUL_S4(t, dy, K_SLOPE); /* dy·slope */ \
	BSL_B16(d, dy, t)

// func LeakyReLUGradNEON(dst, dy, x []float32, slope float32)
//
//	for i := range x {
//		g := dy[i]
//		if !(x[i] > 0) { g *= slope }
//		dst[i] = g
//	}
//
// x in V0–V3, dy in V4–V7, results in V8–V11, products in V12–V15.
// len(x) is a multiple of 4. Requires ASIMD.
TEXT ·LeakyReLUGradNEON(SB), NOSPLIT, $0-76
	MOVD  dst_base+0(FP), DST
	MOVD  dy_base+24(FP), DY_PTR
	MOVD  x_base+48(FP), X_PTR
	MOVD  x_len+56(FP), N
	MOVWU slope+72(FP), R9
	DUP_S4(K_SLOPE, 9)

leakyGradLoop16:
	CMP    $16, N
	BLT    leakyGradLoop4
	VLD1.P 64(X_PTR), [V0.S4, V1.S4, V2.S4, V3.S4]
	VLD1.P 64(DY_PTR), [V4.S4, V5.S4, V6.S4, V7.S4]
	LEAKY_GRAD_S4(8, 4, 0, 12)
	LEAKY_GRAD_S4(9, 5, 1, 13)
	LEAKY_GRAD_S4(10, 6, 2, 14)
	LEAKY_GRAD_S4(11, 7, 3, 15)
	VST1.P [V8.S4, V9.S4, V10.S4, V11.S4], 64(DST)
	SUB    $16, N
	B      leakyGradLoop16

leakyGradLoop4:
	CMP    $4, N
	BLT    leakyGradDone
	VLD1.P 16(X_PTR), [V0.S4]
	VLD1.P 16(DY_PTR), [V4.S4]
	LEAKY_GRAD_S4(8, 4, 0, 12)
	VST1.P [V8.S4], 16(DST)
	SUB    $4, N
	B      leakyGradLoop4

leakyGradDone:
	RET

// ---- softmax sums ----

#define K_SHIFT 20
#define K_ACC0 19
#define K_ACC1 18

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
	DUP_S4(K_SHIFT, 9)
	SPLAT(K_ACC0, 0)
	SPLAT(K_ACC1, 0)

expSumLoop8:
	CMP    $8, N
	BLT    expSumLoop4
	VLD1.P 32(X_PTR), [V0.S4, V1.S4]
	FSUB_S4(0, 0, K_SHIFT)           // v − shift
	FSUB_S4(1, 1, K_SHIFT)
	EXP_S4(0, 2, 3, 4, 5)
	EXP_S4(1, 6, 7, 8, 9)
	VST1.P [V0.S4, V1.S4], 32(DST)
	FADD_S4(K_ACC0, K_ACC0, 0)
	FADD_S4(K_ACC1, K_ACC1, 1)
	SUB    $8, N
	B      expSumLoop8

expSumLoop4:
	CMP    $4, N
	BLT    expSumDone
	VLD1.P 16(X_PTR), [V0.S4]
	FSUB_S4(0, 0, K_SHIFT)
	EXP_S4(0, 2, 3, 4, 5)
	VST1.P [V0.S4], 16(DST)
	FADD_S4(K_ACC0, K_ACC0, 0)
	SUB    $4, N
	B      expSumLoop4

expSumDone:
	FADD_S4(0, K_ACC0, K_ACC1)
	FADDP_S4(0, 0, 0)
	FADDP_S4(0, 0, 0)
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
	DUP_S4(K_SHIFT, 9)
	SPLAT(K_ACC0, 0)
	SPLAT(K_ACC1, 0)

expSumNSLoop8:
	CMP    $8, N
	BLT    expSumNSLoop4
	VLD1.P 32(X_PTR), [V0.S4, V1.S4]
	FSUB_S4(0, 0, K_SHIFT)           // v − shift
	FSUB_S4(1, 1, K_SHIFT)
	EXP_S4(0, 2, 3, 4, 5)
	EXP_S4(1, 6, 7, 8, 9)
	FADD_S4(K_ACC0, K_ACC0, 0)
	FADD_S4(K_ACC1, K_ACC1, 1)
	SUB    $8, N
	B      expSumNSLoop8

expSumNSLoop4:
	CMP    $4, N
	BLT    expSumNSDone
	VLD1.P 16(X_PTR), [V0.S4]
	FSUB_S4(0, 0, K_SHIFT)
	EXP_S4(0, 2, 3, 4, 5)
	FADD_S4(K_ACC0, K_ACC0, 0)
	SUB    $4, N
	B      expSumNSLoop4

expSumNSDone:
	FADD_S4(0, K_ACC0, K_ACC1)
	FADDP_S4(0, 0, 0)
	FADDP_S4(0, 0, 0)
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

bceLoop4:
	CMP    $4, N
	BLT    bceDone
	VLD1.P 16(X_PTR), [V0.S4]
	VLD1.P 16(Y_PTR), [V1.S4]
	FMUL_S4(2, 0, 1)           // z·y
	FMAX_S4(3, 0, K_ZERO)      // max(z, 0), NaN kept
	FSUB_S4(1, 3, 2)           // max(z, 0) − z·y
	FABS_S4(0, 0)
	FNEG_S4(0, 0)              // −|z|
	EXP_S4(0, 2, 3, 4, 5)      // e = exp32(−|z|)
	MOV_B16(2, K_LP7)
	FMLA_S4(2, K_LP8, 0)       // q = fma(log1pPoly[8], e, log1pPoly[7])
	MOV_B16(3, K_LP6)
	FMLA_S4(3, 2, 0)           // q = fma(q, e, log1pPoly[6])
	MOV_B16(2, K_LP5)
	FMLA_S4(2, 3, 0)           // … [5]
	MOV_B16(3, K_LP4)
	FMLA_S4(3, 2, 0)           // … [4]
	MOV_B16(2, K_LP3)
	FMLA_S4(2, 3, 0)           // … [3]
	MOV_B16(3, K_LP2)
	FMLA_S4(3, 2, 0)           // … [2]
	MOV_B16(2, K_LP1)
	FMLA_S4(2, 3, 0)           // … [1]
	MOV_B16(3, K_LP0)
	FMLA_S4(3, 2, 0)           // q = fma(q, e, log1pPoly[0])
	MOV_B16(2, K_ONE)
	FMLA_S4(2, 3, 0)           // fma(q, e, 1)
	FMUL_S4(2, 0, 2)           // log1p32(e) = e·fma(q, e, 1)
	FADD_S4(1, 1, 2)           // the term
	FCVTL_D2(2, 1)             // terms 0, 1 in float64
	FADD_D2(K_DACC0, K_DACC0, 2)
	FCVTL2_D2(2, 1)            // terms 2, 3
	FADD_D2(K_DACC1, K_DACC1, 2)
	SUB    $4, N
	B      bceLoop4

bceDone:
	FADD_D2(0, K_DACC0, K_DACC1)
	FADDP_D(0, 0)
	FMOVD  F0, ret+48(FP)
	RET
