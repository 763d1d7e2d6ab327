//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"
#include "zmm_amd64.h"
#include "loop_amd64.h"
#include "activation_amd64.h"
#include "exp_amd64.h"
#include "exp_avx512_amd64.h"

// Activation-family kernels for AVX-512 (AVX512F instructions only): the
// AVX2 kernels of activation_avx2_amd64.s in 16-lane vectors, the same
// steps in the same phases, bit-identical to the generic code. Main loops
// take two to four zmm per trip with their phases interleaved, then 16 at a
// time; the last 1..15 use an opmask: zero-masked loads and masked stores
// neither read nor write the masked-off lanes.
//
// What differs from the AVX2 code:
//   - exp_amd64.h's constants live in registers (Z22–Z31, broadcast from
//     ·actConsts by CONSTS), kernel-specific ones in Z16–Z21 or, for the
//     polynomials of tanh and log1p, as broadcast memory operands (.BCST).
//   - p·2^n is one VSCALEFPS (p times 2^floor(n), rounded once): exactly
//     exp32's p·2^(n>>1)·2^(n−(n>>1)) for every n, whose first product is
//     exact, and NaN stays NaN. No fast-path check, no clamp at 86.
//   - Blends use opmasks; the float logic ops VANDPS/VORPS (AVX512DQ on
//     zmm) are VPANDD/VPANDND/VPORD.

#define DST DI
#define X_PTR SI
#define Y_PTR DX
#define N CX
#define TAIL_TMP AX

// func ExpAVX512(dst, x []float32)
//
//	for i, v := range x { dst[i] = exp32(v) }
//
// Four vectors per trip, their phases interleaved. Requires AVX512F.
TEXT ·ExpAVX512(SB), NOSPLIT, $0-48
	MOVQ         dst_base+0(FP), DST
	MOVQ         x_base+24(FP), X_PTR
	MOVQ         x_len+32(FP), N
	CONSTS_CLAMP

	N_LOOP(expLoop64, expLoop16, 4)
	LOAD4(X_PTR, Z0, Z4, Z8, Z12)
	EXP_CLAMP(Z0)
	EXP_CLAMP(Z4)
	EXP_CLAMP(Z8)
	EXP_CLAMP(Z12)
	EXP_PHASES4
	STORE4(Z2, Z6, Z10, Z14, DST)
	N_NEXT2(expLoop64, 4, X_PTR, DST)

	ONE_LOOPS(expLoop16, expTail, expDone, EXP_V0, V2)
	VRET(expDone)

// sigmoid32 as in activation_avx2_amd64.s: num/(1+e), e = exp32(−|x|),
// num = e where x's sign bit is set (VPTESTMD), else 1. In phases, on
// registers x (kept), a, n, r (the result) and u.

// SIG_ARG sets a = max(−|x|, expMin) (u is not needed).
#define SIG_ARG(x, a, u) \
	VPORD  SIGN, x, a \
	VMAXPS a, ZMIN, a

// SIG_DIV sets r = num/(1+e) from r = e.
#define SIG_DIV(x, n, r, u) \
	VADDPS    K_ONE, r, u \
	VPTESTMD  SIGN, x, K2 \
	VBLENDMPS r, K_ONE, K2, n \
	VDIVPS    u, n, r

// SIG4_VECS lists, for EXP_PS, the four vectors of a Sigmoid trip: the
// argument a, n, r and u of vector j in Z(5j+1)…Z(5j+4).
#define SIG4_VECS(op) ACT3_VECS(op); op(Z16, Z17, Z18, Z19)

// func SigmoidAVX512(dst, x []float32)
//
//	for i, v := range x { dst[i] = sigmoid32(v) }
//
// Four vectors per trip, their phases interleaved. Requires AVX512F.
TEXT ·SigmoidAVX512(SB), NOSPLIT, $0-48
	MOVQ         dst_base+0(FP), DST
	MOVQ         x_base+24(FP), X_PTR
	MOVQ         x_len+32(FP), N
	CONSTS_NEG

	N_LOOP(sigmoidLoop64, sigmoidLoop16, 4)
	LOAD4(X_PTR, Z0, Z5, Z10, Z15)
	SIG_ARG(Z0, Z1, Z4)
	SIG_ARG(Z5, Z6, Z9)
	SIG_ARG(Z10, Z11, Z14)
	SIG_ARG(Z15, Z16, Z19)
	EXP_PS(SIG4_VECS)
	SIG4_VECS(EXP_SCALE_NORMAL_V)
	SIG_DIV(Z0, Z2, Z3, Z4)
	SIG_DIV(Z5, Z7, Z8, Z9)
	SIG_DIV(Z10, Z12, Z13, Z14)
	SIG_DIV(Z15, Z17, Z18, Z19)
	STORE4(Z3, Z8, Z13, Z18, DST)
	N_NEXT2(sigmoidLoop64, 4, X_PTR, DST)

	ONE_LOOPS(sigmoidLoop16, sigmoidTail, sigmoidDone, SIGMOID_V0, V3)
	VRET(sigmoidDone)

// tanh32 as in activation_avx2_amd64.s, except that 2|x| is clamped at
// expMax as in exp32 (VSCALEFPS is exact for every n). In phases, on
// registers x, a, n (s: the polynomial branch), r (the result) and u.
#define TANH_SIGN Z17
#define TANH_TWO Z18
#define TANH_SMALL Z19

// TANH_ARG sets a = min(2|x|, expMax) (u is not needed).
#define TANH_ARG(x, a, u) \
	VPANDND x, TANH_SIGN, a \
	VADDPS  a, a, a \
	VMINPS  a, ZMAX, a

// TANH_BIG sets r = 1 − 2/(e+1) from r = e, using n.
#define TANH_BIG(n, r) \
	VADDPS K_ONE, r, r \
	VDIVPS r, TANH_TWO, n \
	VSUBPS n, K_ONE, r

// TANH_SMALL1 and TANH_SMALL2 set s = a·fma(q(u), u, 1), a = |x|, u = a·a.
#define TANH_SMALL1(x, a, s, u) \
	VPANDND          x, TANH_SIGN, a \
	VMULPS           a, a, u \
	VBROADCASTSS     C_TANH_P4, s \
	VFMADD213PS.BCST C_TANH_P3, u, s \
	VFMADD213PS.BCST C_TANH_P2, u, s

#define TANH_SMALL2(a, s, u) \
	VFMADD213PS.BCST C_TANH_P1, u, s \
	VFMADD213PS.BCST C_TANH_P0, u, s \
	VFMADD213PS      K_ONE, u, s \
	VMULPS           a, s, s

// TANH_SELECT sets r = (!(a ≥ tanhSmall) ? s : r) | x's sign.
#define TANH_SELECT(x, a, s, r) \
	VCMPPS  $0x19, TANH_SMALL, a, K2 \
	VMOVAPS s, K2, r \
	VPANDD  TANH_SIGN, x, x \
	VPORD   x, r, r

// func TanhAVX512(dst, x []float32)
//
//	for i, v := range x { dst[i] = tanh32(v) }
//
// Three vectors per trip, their phases interleaved. Requires AVX512F.
TEXT ·TanhAVX512(SB), NOSPLIT, $0-48
	MOVQ         dst_base+0(FP), DST
	MOVQ         x_base+24(FP), X_PTR
	MOVQ         x_len+32(FP), N
	CONSTS
	VBROADCASTSS C_EXP_MAX, ZMAX
	VBROADCASTSS C_SIGN_MASK, TANH_SIGN
	VBROADCASTSS C_TWO, TANH_TWO
	VBROADCASTSS C_TANH_SMALL, TANH_SMALL
	TANH_LOOPS(tanhLoop48, tanhLoop16, tanhTail, tanhDone)
	VRET(tanhDone)

// The gradients and leaky ReLU: four vectors per trip, a constant (1 or
// slope) in CONST and +0 in ZEROR.
#define CONST Z16
#define ZEROR Z17

// func SigmoidGradAVX512(dst, dy, y []float32)
//
//	for i := range y { dst[i] = dy[i] * (y[i] * (1 - y[i])) }
//
// len(dst), len(dy) >= len(y). Requires AVX512F.
TEXT ·SigmoidGradAVX512(SB), NOSPLIT, $0-72
	MOVQ         dst_base+0(FP), DST
	MOVQ         dy_base+24(FP), X_PTR
	MOVQ         y_base+48(FP), Y_PTR
	MOVQ         y_len+56(FP), N
	VBROADCASTSS C_ONE, CONST

	YGRAD_LOOPS(sgradLoop64, sgradLoop16, sgradTail, sgradDone, SGRAD)
	VRET(sgradDone)

// func TanhGradAVX512(dst, dy, y []float32)
//
//	for i := range y { dst[i] = dy[i] * ((1 - y[i]) * (1 + y[i])) }
//
// len(dst), len(dy) >= len(y). Requires AVX512F.
TEXT ·TanhGradAVX512(SB), NOSPLIT, $0-72
	MOVQ         dst_base+0(FP), DST
	MOVQ         dy_base+24(FP), X_PTR
	MOVQ         y_base+48(FP), Y_PTR
	MOVQ         y_len+56(FP), N
	VBROADCASTSS C_ONE, CONST

	YGRAD_LOOPS(tgradLoop64, tgradLoop16, tgradTail, tgradDone, TGRAD)
	VRET(tgradDone)

// LEAKY sets v = v·slope where !(v > 0) (NGT_UQ: true for NaN), a
// merge-masked multiply that leaves the other lanes as they are.
#define LEAKY(v) \
	VCMPPS $0x1a, ZEROR, v, K2 \
	VMULPS CONST, v, K2, v

// LEAKY_V0: LEAKY on V0 (K2 clobbered), ONE_LOOPS' body for one vector.
#define LEAKY_V0 LEAKY(V0)

// func LeakyReLUAVX512(dst, x []float32, slope float32)
//
//	for i, v := range x {
//		if !(v > 0) { v *= slope }
//		dst[i] = v
//	}
//
// Requires AVX512F.
TEXT ·LeakyReLUAVX512(SB), NOSPLIT, $0-52
	MOVQ         dst_base+0(FP), DST
	MOVQ         x_base+24(FP), X_PTR
	MOVQ         x_len+32(FP), N
	VBROADCASTSS slope+48(FP), CONST
	VPXORD       ZEROR, ZEROR, ZEROR

	N_LOOP(leakyLoop64, leakyLoop16, 4)
	LOAD4(X_PTR, Z0, Z1, Z2, Z3)
	LEAKY(Z0)
	LEAKY(Z1)
	LEAKY(Z2)
	LEAKY(Z3)
	STORE4(Z0, Z1, Z2, Z3, DST)
	N_NEXT2(leakyLoop64, 4, X_PTR, DST)

	ONE_LOOPS(leakyLoop16, leakyTail, leakyDone, LEAKY_V0, V0)
	VRET(leakyDone)

// LGRAD sets g = g·slope where !(x > 0) (NGT_UQ: true for NaN), leaving
// the other lanes as they are.
#define LGRAD(g, x) \
	VCMPPS $0x1a, ZEROR, x, K2 \
	VMULPS CONST, g, K2, g

// LGRAD4 is LGRAD on four vectors, for LGRAD_LOOPS; LGRAD_V0 on V0, V1.
#define LGRAD4 \
	LOAD4(Y_PTR, Z0, Z2, Z4, Z6) \
	LOAD4(X_PTR, Z1, Z3, Z5, Z7) \
	LGRAD(Z0, Z1) \
	LGRAD(Z2, Z3) \
	LGRAD(Z4, Z5) \
	LGRAD(Z6, Z7) \
	STORE4(Z0, Z2, Z4, Z6, DST)

#define LGRAD_V0 LGRAD(V0, V1)

// func LeakyReLUGradAVX512(dst, dy, x []float32, slope float32)
//
//	for i := range x {
//		g := dy[i]
//		if !(x[i] > 0) { g *= slope }
//		dst[i] = g
//	}
//
// len(dst), len(dy) >= len(x). Requires AVX512F.
TEXT ·LeakyReLUGradAVX512(SB), NOSPLIT, $0-76
	MOVQ         dst_base+0(FP), DST
	MOVQ         dy_base+24(FP), Y_PTR
	MOVQ         x_base+48(FP), X_PTR
	MOVQ         x_len+56(FP), N
	VBROADCASTSS slope+72(FP), CONST
	VPXORD       ZEROR, ZEROR, ZEROR

	LGRAD_LOOPS(lgradLoop64, lgradLoop16, lgradTail, lgradDone)
	VRET(lgradDone)
