//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"
#include "exp_amd64.h"

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

#define K_LOG2E Z31
#define K_ROUND_MAGIC Z30
#define K_LN2_HI Z29
#define K_LN2_LO Z28
#define K_EXP_P0 Z27
#define K_EXP_P1 Z26
#define K_EXP_P2 Z25
#define K_EXP_P3 Z24
#define K_EXP_P4 Z23
#define K_ONE Z22

// Kernel-specific constants.
#define ZMIN Z21
#define ZMAX Z20
#define SIGN Z20

#define DST DI
#define X_PTR SI
#define Y_PTR DX
#define N CX

// CONSTS broadcasts exp_amd64.h's constants into their registers.
#define CONSTS \
	VBROADCASTSS C_LOG2E, K_LOG2E \
	VBROADCASTSS C_ROUND_MAGIC, K_ROUND_MAGIC \
	VBROADCASTSS C_LN2_HI, K_LN2_HI \
	VBROADCASTSS C_LN2_LO, K_LN2_LO \
	VBROADCASTSS C_EXP_P0, K_EXP_P0 \
	VBROADCASTSS C_EXP_P1, K_EXP_P1 \
	VBROADCASTSS C_EXP_P2, K_EXP_P2 \
	VBROADCASTSS C_EXP_P3, K_EXP_P3 \
	VBROADCASTSS C_EXP_P4, K_EXP_P4 \
	VBROADCASTSS C_ONE, K_ONE

// EXP_CLAMP sets x = min(max(x, expMin), expMax); x is the source VMAXPS
// and VMINPS return when either is NaN, so a NaN x stays NaN.
#define EXP_CLAMP(x) \
	VMAXPS x, ZMIN, x \
	VMINPS x, ZMAX, x

// EXP_SCALE sets t = p·2^n from t = p and n = RoundToEven(x·log2e) (a
// float: EXP_N's f, here n itself).
#define EXP_SCALE(n, t) \
	VSCALEFPS n, t, t

// EXP_FULL sets t = exp32(x) for any x, one vector. Clobbers x, n, u.
#define EXP_FULL(x, n, t, u) \
	EXP_CLAMP(x) \
	EXP_P(x, n, n, t, u) \
	EXP_SCALE(n, t)

// func ExpAVX512(dst, x []float32)
//
//	for i, v := range x { dst[i] = exp32(v) }
//
// Four vectors per trip, their phases interleaved. Requires AVX512F.
TEXT ·ExpAVX512(SB), NOSPLIT, $0-48
	MOVQ         dst_base+0(FP), DST
	MOVQ         x_base+24(FP), X_PTR
	MOVQ         x_len+32(FP), N
	CONSTS
	VBROADCASTSS C_EXP_MIN, ZMIN
	VBROADCASTSS C_EXP_MAX, ZMAX

expLoop64:
	CMPQ    N, $64
	JB      expLoop16
	VMOVUPS (X_PTR), Z0
	VMOVUPS 64(X_PTR), Z4
	VMOVUPS 128(X_PTR), Z8
	VMOVUPS 192(X_PTR), Z12
	EXP_CLAMP(Z0)
	EXP_CLAMP(Z4)
	EXP_CLAMP(Z8)
	EXP_CLAMP(Z12)
	EXP_N(Z0, Z1, Z1)
	EXP_N(Z4, Z5, Z5)
	EXP_N(Z8, Z9, Z9)
	EXP_N(Z12, Z13, Z13)
	EXP_R(Z0, Z1)
	EXP_R(Z4, Z5)
	EXP_R(Z8, Z9)
	EXP_R(Z12, Z13)
	EXP_Q1(Z0, Z2)
	EXP_Q1(Z4, Z6)
	EXP_Q1(Z8, Z10)
	EXP_Q1(Z12, Z14)
	EXP_Q2(Z0, Z2)
	EXP_Q2(Z4, Z6)
	EXP_Q2(Z8, Z10)
	EXP_Q2(Z12, Z14)
	EXP_PP(Z0, Z2, Z3)
	EXP_PP(Z4, Z6, Z7)
	EXP_PP(Z8, Z10, Z11)
	EXP_PP(Z12, Z14, Z15)
	EXP_SCALE(Z1, Z2)
	EXP_SCALE(Z5, Z6)
	EXP_SCALE(Z9, Z10)
	EXP_SCALE(Z13, Z14)
	VMOVUPS Z2, (DST)
	VMOVUPS Z6, 64(DST)
	VMOVUPS Z10, 128(DST)
	VMOVUPS Z14, 192(DST)
	ADDQ    $256, X_PTR
	ADDQ    $256, DST
	SUBQ    $64, N
	JMP     expLoop64

expLoop16:
	CMPQ    N, $16
	JB      expTail
	VMOVUPS (X_PTR), Z0
	EXP_FULL(Z0, Z1, Z2, Z3)
	VMOVUPS Z2, (DST)
	ADDQ    $64, X_PTR
	ADDQ    $64, DST
	SUBQ    $16, N
	JMP     expLoop16

expTail:
	TESTQ     N, N
	JZ        expDone
	AVX512_TAIL_MASK(N, AX, K1)
	VMOVUPS.Z (X_PTR), K1, Z0
	EXP_FULL(Z0, Z1, Z2, Z3)
	VMOVUPS   Z2, K1, (DST)

expDone:
	VZEROUPPER
	RET

// sigmoid32 as in activation_avx2_amd64.s: num/(1+e), e = exp32(−|x|),
// num = e where x's sign bit is set (VPTESTMD), else 1. In phases, on
// registers x (kept), a, n, r (the result) and u.

// SIG_ARG sets a = max(−|x|, expMin).
#define SIG_ARG(x, a) \
	VPORD  SIGN, x, a \
	VMAXPS a, ZMIN, a

// SIG_DIV sets r = num/(1+e) from r = e.
#define SIG_DIV(x, n, r, u) \
	VADDPS    K_ONE, r, u \
	VPTESTMD  SIGN, x, K2 \
	VBLENDMPS r, K_ONE, K2, n \
	VDIVPS    u, n, r

#define SIGMOID(x, a, n, r, u) \
	SIG_ARG(x, a) \
	EXP_P(a, n, n, r, u) \
	EXP_SCALE(n, r) \
	SIG_DIV(x, n, r, u)

// func SigmoidAVX512(dst, x []float32)
//
//	for i, v := range x { dst[i] = sigmoid32(v) }
//
// Four vectors per trip, their phases interleaved. Requires AVX512F.
TEXT ·SigmoidAVX512(SB), NOSPLIT, $0-48
	MOVQ         dst_base+0(FP), DST
	MOVQ         x_base+24(FP), X_PTR
	MOVQ         x_len+32(FP), N
	CONSTS
	VBROADCASTSS C_EXP_MIN, ZMIN
	VBROADCASTSS C_SIGN_MASK, SIGN

sigmoidLoop64:
	CMPQ    N, $64
	JB      sigmoidLoop16
	VMOVUPS (X_PTR), Z0
	VMOVUPS 64(X_PTR), Z5
	VMOVUPS 128(X_PTR), Z10
	VMOVUPS 192(X_PTR), Z15
	SIG_ARG(Z0, Z1)
	SIG_ARG(Z5, Z6)
	SIG_ARG(Z10, Z11)
	SIG_ARG(Z15, Z16)
	EXP_N(Z1, Z2, Z2)
	EXP_N(Z6, Z7, Z7)
	EXP_N(Z11, Z12, Z12)
	EXP_N(Z16, Z17, Z17)
	EXP_R(Z1, Z2)
	EXP_R(Z6, Z7)
	EXP_R(Z11, Z12)
	EXP_R(Z16, Z17)
	EXP_Q1(Z1, Z3)
	EXP_Q1(Z6, Z8)
	EXP_Q1(Z11, Z13)
	EXP_Q1(Z16, Z18)
	EXP_Q2(Z1, Z3)
	EXP_Q2(Z6, Z8)
	EXP_Q2(Z11, Z13)
	EXP_Q2(Z16, Z18)
	EXP_PP(Z1, Z3, Z4)
	EXP_PP(Z6, Z8, Z9)
	EXP_PP(Z11, Z13, Z14)
	EXP_PP(Z16, Z18, Z19)
	EXP_SCALE(Z2, Z3)
	EXP_SCALE(Z7, Z8)
	EXP_SCALE(Z12, Z13)
	EXP_SCALE(Z17, Z18)
	SIG_DIV(Z0, Z2, Z3, Z4)
	SIG_DIV(Z5, Z7, Z8, Z9)
	SIG_DIV(Z10, Z12, Z13, Z14)
	SIG_DIV(Z15, Z17, Z18, Z19)
	VMOVUPS Z3, (DST)
	VMOVUPS Z8, 64(DST)
	VMOVUPS Z13, 128(DST)
	VMOVUPS Z18, 192(DST)
	ADDQ    $256, X_PTR
	ADDQ    $256, DST
	SUBQ    $64, N
	JMP     sigmoidLoop64

sigmoidLoop16:
	CMPQ    N, $16
	JB      sigmoidTail
	VMOVUPS (X_PTR), Z0
	SIGMOID(Z0, Z1, Z2, Z3, Z4)
	VMOVUPS Z3, (DST)
	ADDQ    $64, X_PTR
	ADDQ    $64, DST
	SUBQ    $16, N
	JMP     sigmoidLoop16

sigmoidTail:
	TESTQ     N, N
	JZ        sigmoidDone
	AVX512_TAIL_MASK(N, AX, K1)
	VMOVUPS.Z (X_PTR), K1, Z0
	SIGMOID(Z0, Z1, Z2, Z3, Z4)
	VMOVUPS   Z3, K1, (DST)

sigmoidDone:
	VZEROUPPER
	RET

// tanh32 as in activation_avx2_amd64.s, except that 2|x| is clamped at
// expMax as in exp32 (VSCALEFPS is exact for every n). In phases, on
// registers x, a, n (s: the polynomial branch), r (the result) and u.
#define TANH_SIGN Z17
#define TANH_TWO Z18
#define TANH_SMALL Z19

// TANH_ARG sets a = min(2|x|, expMax).
#define TANH_ARG(x, a) \
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

#define TANH(x, a, n, r, u) \
	TANH_ARG(x, a) \
	EXP_P(a, n, n, r, u) \
	EXP_SCALE(n, r) \
	TANH_BIG(n, r) \
	TANH_SMALL1(x, a, n, u) \
	TANH_SMALL2(a, n, u) \
	TANH_SELECT(x, a, n, r)

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

tanhLoop48:
	CMPQ    N, $48
	JB      tanhLoop16
	VMOVUPS (X_PTR), Z0
	VMOVUPS 64(X_PTR), Z5
	VMOVUPS 128(X_PTR), Z10
	TANH_ARG(Z0, Z1)
	TANH_ARG(Z5, Z6)
	TANH_ARG(Z10, Z11)
	EXP_N(Z1, Z2, Z2)
	EXP_N(Z6, Z7, Z7)
	EXP_N(Z11, Z12, Z12)
	EXP_R(Z1, Z2)
	EXP_R(Z6, Z7)
	EXP_R(Z11, Z12)
	EXP_Q1(Z1, Z3)
	EXP_Q1(Z6, Z8)
	EXP_Q1(Z11, Z13)
	EXP_Q2(Z1, Z3)
	EXP_Q2(Z6, Z8)
	EXP_Q2(Z11, Z13)
	EXP_PP(Z1, Z3, Z4)
	EXP_PP(Z6, Z8, Z9)
	EXP_PP(Z11, Z13, Z14)
	EXP_SCALE(Z2, Z3)
	EXP_SCALE(Z7, Z8)
	EXP_SCALE(Z12, Z13)
	TANH_BIG(Z2, Z3)
	TANH_BIG(Z7, Z8)
	TANH_BIG(Z12, Z13)
	TANH_SMALL1(Z0, Z1, Z2, Z4)
	TANH_SMALL1(Z5, Z6, Z7, Z9)
	TANH_SMALL1(Z10, Z11, Z12, Z14)
	TANH_SMALL2(Z1, Z2, Z4)
	TANH_SMALL2(Z6, Z7, Z9)
	TANH_SMALL2(Z11, Z12, Z14)
	TANH_SELECT(Z0, Z1, Z2, Z3)
	TANH_SELECT(Z5, Z6, Z7, Z8)
	TANH_SELECT(Z10, Z11, Z12, Z13)
	VMOVUPS Z3, (DST)
	VMOVUPS Z8, 64(DST)
	VMOVUPS Z13, 128(DST)
	ADDQ    $192, X_PTR
	ADDQ    $192, DST
	SUBQ    $48, N
	JMP     tanhLoop48

tanhLoop16:
	CMPQ    N, $16
	JB      tanhTail
	VMOVUPS (X_PTR), Z0
	TANH(Z0, Z1, Z2, Z3, Z4)
	VMOVUPS Z3, (DST)
	ADDQ    $64, X_PTR
	ADDQ    $64, DST
	SUBQ    $16, N
	JMP     tanhLoop16

tanhTail:
	TESTQ     N, N
	JZ        tanhDone
	AVX512_TAIL_MASK(N, AX, K1)
	VMOVUPS.Z (X_PTR), K1, Z0
	TANH(Z0, Z1, Z2, Z3, Z4)
	VMOVUPS   Z3, K1, (DST)

tanhDone:
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
	VEXTRACTF64X4 $1, Z12, Y13 \
	VADDPS        Y13, Y12, Y12 \
	VEXTRACTF128  $1, Y12, X13 \
	VADDPS        X13, X12, X12 \
	VMOVHLPS      X12, X12, X13 \
	VADDPS        X13, X12, X12 \
	VMOVSHDUP     X12, X13 \
	VADDSS        X13, X12, X12

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

essLoop48:
	CMPQ    N, $48
	JB      essLoop16
	ESS3
	VMOVUPS Z2, (DST)
	VMOVUPS Z6, 64(DST)
	VMOVUPS Z10, 128(DST)
	VADDPS  Z2, Z12, Z12
	VADDPS  Z6, Z13, Z13
	VADDPS  Z10, Z14, Z14
	ADDQ    $192, X_PTR
	ADDQ    $192, DST
	SUBQ    $48, N
	JMP     essLoop48

essLoop16:
	CMPQ    N, $16
	JB      essTail
	VMOVUPS (X_PTR), Z0
	VSUBPS  SHIFT, Z0, Z0
	EXP_FULL(Z0, Z1, Z2, Z3)
	VMOVUPS Z2, (DST)
	VADDPS  Z2, Z12, Z12
	ADDQ    $64, X_PTR
	ADDQ    $64, DST
	SUBQ    $16, N
	JMP     essLoop16

essTail:
	TESTQ     N, N
	JZ        essDone
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

esnLoop48:
	CMPQ   N, $48
	JB     esnLoop16
	ESS3
	VADDPS Z2, Z12, Z12
	VADDPS Z6, Z13, Z13
	VADDPS Z10, Z14, Z14
	ADDQ   $192, X_PTR
	SUBQ   $48, N
	JMP    esnLoop48

esnLoop16:
	CMPQ    N, $16
	JB      esnTail
	VMOVUPS (X_PTR), Z0
	VSUBPS  SHIFT, Z0, Z0
	EXP_FULL(Z0, Z1, Z2, Z3)
	VADDPS  Z2, Z12, Z12
	ADDQ    $64, X_PTR
	SUBQ    $16, N
	JMP     esnLoop16

esnTail:
	TESTQ     N, N
	JZ        esnDone
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

// bceTerm as in activation_avx2_amd64.s. In phases, on registers z, m (the
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

// BCE_ACC adds the sixteen float32 terms in m (mY, mZ: its ymm and zmm
// names) to the float64 partial sums acc0 (low eight) and acc1 (high
// eight), using the zmm register t.
#define BCE_ACC(mY, mZ, t, acc0, acc1) \
	VCVTPS2PD     mY, t \
	VEXTRACTF64X4 $1, mZ, mY \
	VCVTPS2PD     mY, mZ \
	VADDPD        t, acc0, acc0 \
	VADDPD        mZ, acc1, acc1

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

bceLoop32:
	CMPQ    N, $32
	JB      bceLoop16
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
	ADDQ    $128, X_PTR
	ADDQ    $128, Y_PTR
	SUBQ    $32, N
	JMP     bceLoop32

bceLoop16:
	CMPQ    N, $16
	JB      bceTail
	VMOVUPS (X_PTR), Z0
	BCE(Z0, (Y_PTR), Z1, Z2, Z3, Z4)
	BCE_ACC(Y1, Z1, Z2, Z10, Z11)
	ADDQ    $64, X_PTR
	ADDQ    $64, Y_PTR
	SUBQ    $16, N
	JMP     bceLoop16

bceTail:
	TESTQ     N, N
	JZ        bceDone
	AVX512_TAIL_MASK(N, AX, K1)
	VMOVUPS.Z (X_PTR), K1, Z0
	VMOVUPS.Z (Y_PTR), K1, Z5
	BCE(Z0, Z5, Z1, Z2, Z3, Z4)
	VMOVAPS.Z Z1, K1, Z1 // the masked-off lanes hold log 2
	BCE_ACC(Y1, Z1, Z2, Z10, Z11)

bceDone:
	VADDPD        Z11, Z10, Z10
	VADDPD        Z13, Z12, Z12
	VADDPD        Z12, Z10, Z10
	VEXTRACTF64X4 $1, Z10, Y11
	VADDPD        Y11, Y10, Y10
	VEXTRACTF128  $1, Y10, X11
	VADDPD        X11, X10, X10
	VUNPCKHPD     X10, X10, X11
	VADDSD        X11, X10, X10
	VMOVSD        X10, ret+48(FP)
	VZEROUPPER
	RET

// The gradients and leaky ReLU: four vectors per trip, a constant (1 or
// slope) in CONST and +0 in ZEROR.
#define CONST Z16
#define ZEROR Z17

// SGRAD sets t = dy·(y·(1−y)), rounded step by step. dy is a zmm register
// or a memory operand.
#define SGRAD(y, dy, t) \
	VSUBPS y, CONST, t \
	VMULPS y, t, t \
	VMULPS dy, t, t

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

sgradLoop64:
	CMPQ    N, $64
	JB      sgradLoop16
	VMOVUPS (Y_PTR), Z0
	VMOVUPS 64(Y_PTR), Z2
	VMOVUPS 128(Y_PTR), Z4
	VMOVUPS 192(Y_PTR), Z6
	SGRAD(Z0, (X_PTR), Z1)
	SGRAD(Z2, 64(X_PTR), Z3)
	SGRAD(Z4, 128(X_PTR), Z5)
	SGRAD(Z6, 192(X_PTR), Z7)
	VMOVUPS Z1, (DST)
	VMOVUPS Z3, 64(DST)
	VMOVUPS Z5, 128(DST)
	VMOVUPS Z7, 192(DST)
	ADDQ    $256, X_PTR
	ADDQ    $256, Y_PTR
	ADDQ    $256, DST
	SUBQ    $64, N
	JMP     sgradLoop64

sgradLoop16:
	CMPQ    N, $16
	JB      sgradTail
	VMOVUPS (Y_PTR), Z0
	SGRAD(Z0, (X_PTR), Z1)
	VMOVUPS Z1, (DST)
	ADDQ    $64, X_PTR
	ADDQ    $64, Y_PTR
	ADDQ    $64, DST
	SUBQ    $16, N
	JMP     sgradLoop16

sgradTail:
	TESTQ     N, N
	JZ        sgradDone
	AVX512_TAIL_MASK(N, AX, K1)
	VMOVUPS.Z (Y_PTR), K1, Z0
	VMOVUPS.Z (X_PTR), K1, Z2
	SGRAD(Z0, Z2, Z1)
	VMOVUPS   Z1, K1, (DST)

sgradDone:
	VZEROUPPER
	RET

// TGRAD sets t = dy·((1−y)·(1+y)), rounded step by step. dy is a zmm
// register or a memory operand. Clobbers y.
#define TGRAD(y, dy, t) \
	VSUBPS y, CONST, t \
	VADDPS CONST, y, y \
	VMULPS y, t, t \
	VMULPS dy, t, t

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

tgradLoop64:
	CMPQ    N, $64
	JB      tgradLoop16
	VMOVUPS (Y_PTR), Z0
	VMOVUPS 64(Y_PTR), Z2
	VMOVUPS 128(Y_PTR), Z4
	VMOVUPS 192(Y_PTR), Z6
	TGRAD(Z0, (X_PTR), Z1)
	TGRAD(Z2, 64(X_PTR), Z3)
	TGRAD(Z4, 128(X_PTR), Z5)
	TGRAD(Z6, 192(X_PTR), Z7)
	VMOVUPS Z1, (DST)
	VMOVUPS Z3, 64(DST)
	VMOVUPS Z5, 128(DST)
	VMOVUPS Z7, 192(DST)
	ADDQ    $256, X_PTR
	ADDQ    $256, Y_PTR
	ADDQ    $256, DST
	SUBQ    $64, N
	JMP     tgradLoop64

tgradLoop16:
	CMPQ    N, $16
	JB      tgradTail
	VMOVUPS (Y_PTR), Z0
	TGRAD(Z0, (X_PTR), Z1)
	VMOVUPS Z1, (DST)
	ADDQ    $64, X_PTR
	ADDQ    $64, Y_PTR
	ADDQ    $64, DST
	SUBQ    $16, N
	JMP     tgradLoop16

tgradTail:
	TESTQ     N, N
	JZ        tgradDone
	AVX512_TAIL_MASK(N, AX, K1)
	VMOVUPS.Z (Y_PTR), K1, Z0
	VMOVUPS.Z (X_PTR), K1, Z2
	TGRAD(Z0, Z2, Z1)
	VMOVUPS   Z1, K1, (DST)

tgradDone:
	VZEROUPPER
	RET

// LEAKY sets v = v·slope where !(v > 0) (NGT_UQ: true for NaN), a
// merge-masked multiply that leaves the other lanes as they are.
#define LEAKY(v) \
	VCMPPS $0x1a, ZEROR, v, K2 \
	VMULPS CONST, v, K2, v

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

leakyLoop64:
	CMPQ    N, $64
	JB      leakyLoop16
	VMOVUPS (X_PTR), Z0
	VMOVUPS 64(X_PTR), Z1
	VMOVUPS 128(X_PTR), Z2
	VMOVUPS 192(X_PTR), Z3
	LEAKY(Z0)
	LEAKY(Z1)
	LEAKY(Z2)
	LEAKY(Z3)
	VMOVUPS Z0, (DST)
	VMOVUPS Z1, 64(DST)
	VMOVUPS Z2, 128(DST)
	VMOVUPS Z3, 192(DST)
	ADDQ    $256, X_PTR
	ADDQ    $256, DST
	SUBQ    $64, N
	JMP     leakyLoop64

leakyLoop16:
	CMPQ    N, $16
	JB      leakyTail
	VMOVUPS (X_PTR), Z0
	LEAKY(Z0)
	VMOVUPS Z0, (DST)
	ADDQ    $64, X_PTR
	ADDQ    $64, DST
	SUBQ    $16, N
	JMP     leakyLoop16

leakyTail:
	TESTQ     N, N
	JZ        leakyDone
	AVX512_TAIL_MASK(N, AX, K1)
	VMOVUPS.Z (X_PTR), K1, Z0
	LEAKY(Z0)
	VMOVUPS   Z0, K1, (DST)

leakyDone:
	VZEROUPPER
	RET

// LGRAD sets g = g·slope where !(x > 0) (NGT_UQ: true for NaN), leaving
// the other lanes as they are.
#define LGRAD(g, x) \
	VCMPPS $0x1a, ZEROR, x, K2 \
	VMULPS CONST, g, K2, g

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

lgradLoop64:
	CMPQ    N, $64
	JB      lgradLoop16
	VMOVUPS (Y_PTR), Z0
	VMOVUPS 64(Y_PTR), Z2
	VMOVUPS 128(Y_PTR), Z4
	VMOVUPS 192(Y_PTR), Z6
	VMOVUPS (X_PTR), Z1
	VMOVUPS 64(X_PTR), Z3
	VMOVUPS 128(X_PTR), Z5
	VMOVUPS 192(X_PTR), Z7
	LGRAD(Z0, Z1)
	LGRAD(Z2, Z3)
	LGRAD(Z4, Z5)
	LGRAD(Z6, Z7)
	VMOVUPS Z0, (DST)
	VMOVUPS Z2, 64(DST)
	VMOVUPS Z4, 128(DST)
	VMOVUPS Z6, 192(DST)
	ADDQ    $256, X_PTR
	ADDQ    $256, Y_PTR
	ADDQ    $256, DST
	SUBQ    $64, N
	JMP     lgradLoop64

lgradLoop16:
	CMPQ    N, $16
	JB      lgradTail
	VMOVUPS (Y_PTR), Z0
	VMOVUPS (X_PTR), Z1
	LGRAD(Z0, Z1)
	VMOVUPS Z0, (DST)
	ADDQ    $64, X_PTR
	ADDQ    $64, Y_PTR
	ADDQ    $64, DST
	SUBQ    $16, N
	JMP     lgradLoop16

lgradTail:
	TESTQ     N, N
	JZ        lgradDone
	AVX512_TAIL_MASK(N, AX, K1)
	VMOVUPS.Z (Y_PTR), K1, Z0
	VMOVUPS.Z (X_PTR), K1, Z1
	LGRAD(Z0, Z1)
	VMOVUPS   Z0, K1, (DST)

lgradDone:
	VZEROUPPER
	RET
