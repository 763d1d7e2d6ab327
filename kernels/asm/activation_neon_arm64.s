//go:build !purego

#include "textflag.h"
#include "exp_arm64.h"

// Activation-family kernels for NEON (arm64 ASIMD): exp, sigmoid, tanh,
// their gradients and leaky ReLU (the exp-based row sums, also built on
// exp_arm64.h, are in rowops_neon_arm64.s). len(x) is a multiple of 4, so
// there is no scalar tail (the Go caller finishes the last 0..3).
//
// Each follows its generic Go function step by step with the same
// constants: exp32, sigmoid32 and tanh32 (activation_generic.go) with
// FMLA/FMLS wherever they call fma32; the gradients and leaky ReLU with
// separate FMUL/FADD/FSUB in the same order, bit for bit. neon_arm64.h
// (included by exp_arm64.h) has the WORD encodings: Go's assembler lacks
// the vector float instructions, so the vector arithmetic here is WORDs
// built from register numbers, the Vn of the comments; only the trips'
// loads and stores (VLD1/VST1 in MAP and ZIP) are native. exp_arm64.h has
// EXP_S4, exp32 on one vector, whose constants live in V21–V31
// (EXP_CONSTS).
//
// Loops take 16 floats per trip where the registers allow (the gradients,
// leaky ReLU, exp), 8 (sigmoid) or 4 (tanh), then 4 at a time: N_LOOP
// with the MAP and ZIP trips of neon_arm64.h, each kernel's per-vector op
// naming its registers (…_V(i), vector i of a trip). R9 is the scratch
// register of SPLAT.

#define DST R0
#define X_PTR R1
#define DY_PTR R2
#define N R3

// ---- exp ----

// EXP_V(i): Vi = exp32(Vi), scratch V(4+4i)…V(7+4i).
#define EXP_V(i) EXP_S4(i, 4+4*(i), 5+4*(i), 6+4*(i), 7+4*(i))

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

	N_LOOP(expLoop16, expLoop4, 16, MAP(EACH4, 64, EXP_V, V0_V3, V0_V3))
	N_LOOP(expLoop4, expDone, 4, MAP(EACH1, 16, EXP_V, [V0.S4], [V0.S4]))

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

// SIGMOID_V(i): Vi = sigmoid32(Vi), scratch V(2+5i)…V(6+5i).
#define SIGMOID_V(i) SIGMOID_S4(i, 2+5*(i), 3+5*(i), 4+5*(i), 5+5*(i), 6+5*(i))

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

	N_LOOP(sigmoidLoop8, sigmoidLoop4, 8, MAP(EACH2, 32, SIGMOID_V, V0_V1, V0_V1))
	N_LOOP(sigmoidLoop4, sigmoidDone, 4, MAP(EACH1, 16, SIGMOID_V, [V0.S4], [V0.S4]))

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

// TANH_CONSTS: EXP_CONSTS and tanh32's own constants, V13–V31.
#define TANH_CONSTS \
	EXP_CONSTS \
	SPLAT(K_TP0, 0xbeaaaa99)   /* tanhPoly[0] = -0.333332807 */ \
	SPLAT(K_TP1, 0x3e088393)   /* tanhPoly[1] = 0.133314416 */ \
	SPLAT(K_TP2, 0xbd5c1e2c)   /* tanhPoly[2] = -0.0537397116 */ \
	SPLAT(K_TP3, 0x3ca91349)   /* tanhPoly[3] = 0.0206390787 */ \
	SPLAT(K_TP4, 0xbbbaf0d4)   /* tanhPoly[4] = -0.00570497848 */ \
	SPLAT(K_SMALL, 0x3f200000) /* tanhSmall = 0.625 */ \
	SPLAT(K_TWO, 0x40000000)   /* 2 */ \
	SPLAT(K_SIGN, 0x80000000)  /* the sign bit */

// TANH_V(i): V1 = tanh32(V0), for the one vector of a trip (i = 0);
// scratch V2–V7.
#define TANH_V(i) \
	FABS_S4(1, 0);             /* a = |x| */ \
	FMUL_S4(4, 1, 1);          /* u = a·a */ \
	MOV_B16(5, K_TP3);         \
	FMLA_S4(5, K_TP4, 4);      /* q = fma(tanhPoly[4], u, tanhPoly[3]) */ \
	MOV_B16(6, K_TP2);         \
	FMLA_S4(6, 5, 4);          /* q = fma(q, u, tanhPoly[2]) */ \
	MOV_B16(5, K_TP1);         \
	FMLA_S4(5, 6, 4);          /* q = fma(q, u, tanhPoly[1]) */ \
	MOV_B16(6, K_TP0);         \
	FMLA_S4(6, 5, 4);          /* q = fma(q, u, tanhPoly[0]) */ \
	MOV_B16(5, K_ONE);         \
	FMLA_S4(5, 6, 4);          /* fma(q, u, 1) */ \
	FMUL_S4(2, 1, 5);          /* small branch: a·fma(q, u, 1) */ \
	FADD_S4(3, 1, 1);          /* a + a */ \
	EXP_S4(3, 4, 5, 6, 7);     /* e = exp32(a + a) */ \
	FADD_S4(3, 3, K_ONE);      /* e + 1 */ \
	FDIV_S4(3, K_TWO, 3);      /* 2/(e+1) */ \
	FSUB_S4(3, K_ONE, 3);      /* large branch: 1 − 2/(e+1) */ \
	FCMGT_S4(1, K_SMALL, 1);   /* mask a < tanhSmall */ \
	BSL_B16(1, 2, 3);          /* t = a < tanhSmall ? small : large */ \
	AND_B16(0, 0, K_SIGN);     /* x's sign bit */ \
	ORR_B16(1, 1, 0)           /* t | sign */

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
	TANH_CONSTS

	N_LOOP(tanhLoop4, tanhDone, 4, MAP(EACH1, 16, TANH_V, [V0.S4], [V1.S4]))

tanhDone:
	RET

// ---- gradients ----

// SIGMOID_GRAD_S4(d, dy, y): Vd = Vdy·(Vy·(1−Vy)), each step rounded.
#define SIGMOID_GRAD_S4(d, dy, y) \
	FSUB_S4(d, K_ONE, y); /* 1 − y */ \
	FMUL_S4(d, y, d);     /* y·(1−y) */ \
	FMUL_S4(d, dy, d)     /* dy·(y·(1−y)) */

// SIGMOID_GRAD_V(i): dy in V0–V3, y in V4–V7, results in V8–V11.
#define SIGMOID_GRAD_V(i) SIGMOID_GRAD_S4(8+(i), i, 4+(i))

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

	N_LOOP(sigmoidGradLoop16, sigmoidGradLoop4, 16, ZIP(EACH4, 64, DY_PTR, V0_V3, X_PTR, V4_V7, SIGMOID_GRAD_V, V8_V11))
	N_LOOP(sigmoidGradLoop4, sigmoidGradDone, 4, ZIP(EACH1, 16, DY_PTR, [V0.S4], X_PTR, [V4.S4], SIGMOID_GRAD_V, [V8.S4]))

sigmoidGradDone:
	RET

// TANH_GRAD_S4(d, dy, y, t): Vd = Vdy·((1−Vy)·(1+Vy)), each step rounded;
// Vt is scratch.
#define TANH_GRAD_S4(d, dy, y, t) \
	FSUB_S4(d, K_ONE, y); /* 1 − y */ \
	FADD_S4(t, K_ONE, y); /* 1 + y */ \
	FMUL_S4(d, d, t);     /* (1−y)·(1+y) */ \
	FMUL_S4(d, dy, d)     /* dy·((1−y)·(1+y)) */

// TANH_GRAD_V(i): dy in V0–V3, y in V4–V7, results in V8–V11, scratch
// V12–V15.
#define TANH_GRAD_V(i) TANH_GRAD_S4(8+(i), i, 4+(i), 12+(i))

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

	N_LOOP(tanhGradLoop16, tanhGradLoop4, 16, ZIP(EACH4, 64, DY_PTR, V0_V3, X_PTR, V4_V7, TANH_GRAD_V, V8_V11))
	N_LOOP(tanhGradLoop4, tanhGradDone, 4, ZIP(EACH1, 16, DY_PTR, [V0.S4], X_PTR, [V4.S4], TANH_GRAD_V, [V8.S4]))

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

// LEAKY_V(i): x in V0–V3, results in V4–V7, products in V8–V11.
#define LEAKY_V(i) LEAKY_S4(4+(i), i, 8+(i))

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

	N_LOOP(leakyLoop16, leakyLoop4, 16, MAP(EACH4, 64, LEAKY_V, V0_V3, V4_V7))
	N_LOOP(leakyLoop4, leakyDone, 4, MAP(EACH1, 16, LEAKY_V, [V0.S4], [V4.S4]))

leakyDone:
	RET

// LEAKY_GRAD_S4(d, dy, x, t): Vd = Vx > 0 ? Vdy : Vdy·slope; Vt is
// scratch.
#define LEAKY_GRAD_S4(d, dy, x, t) \
	FCMGT0_S4(d, x);         /* mask x > 0 */ \
	FMUL_S4(t, dy, K_SLOPE); /* dy·slope */ \
	BSL_B16(d, dy, t)

// LEAKY_GRAD_V(i): x in V0–V3, dy in V4–V7, results in V8–V11, products
// in V12–V15.
#define LEAKY_GRAD_V(i) LEAKY_GRAD_S4(8+(i), 4+(i), i, 12+(i))

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

	N_LOOP(leakyGradLoop16, leakyGradLoop4, 16, ZIP(EACH4, 64, X_PTR, V0_V3, DY_PTR, V4_V7, LEAKY_GRAD_V, V8_V11))
	N_LOOP(leakyGradLoop4, leakyGradDone, 4, ZIP(EACH1, 16, X_PTR, [V0.S4], DY_PTR, [V4.S4], LEAKY_GRAD_V, [V8.S4]))

leakyGradDone:
	RET
