//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"
#include "ymm_amd64.h"
#include "loop_amd64.h"
#include "activation_amd64.h"
#include "exp_amd64.h"
#include "exp_avx2_amd64.h"

// Activation-family kernels for AVX2 + FMA3: the steps of
// activation_generic.go in 8-lane vectors, bit-identical to them (see
// exp_amd64.h). Main loops take two to four ymm per trip and interleave
// their steps in phases, then come 8 at a time; the last 1..7 use
// VMASKMOVPS, which neither reads nor writes the masked-off lanes. The
// exp-based row sums (ExpShiftSum, BCELogitsSum) share exp_avx2_amd64.h
// and live in rowops_avx2_amd64.s.

#define DST DI
#define X_PTR SI
#define Y_PTR DX
#define N CX
#define MASK Y15
#define TAIL_TMP AX

// The constants (see exp_amd64.h): one 32-byte row each, the value in all
// eight lanes. ACT_ROW sets the row at off to the 64-bit pattern bits (two
// lanes) four times.
#define ACT_ROW(off, bits) \
	DATA ·actConsts+(off)(SB)/8, bits \
	DATA ·actConsts+(off+8)(SB)/8, bits \
	DATA ·actConsts+(off+16)(SB)/8, bits \
	DATA ·actConsts+(off+24)(SB)/8, bits

ACT_ROW(0, $0xc2d00000c2d00000) // C_EXP_MIN
ACT_ROW(32, $0x42b1999a42b1999a) // C_EXP_MAX
ACT_ROW(64, $0x3fb8aa3b3fb8aa3b) // C_LOG2E
ACT_ROW(96, $0x3f3172003f317200) // C_LN2_HI
ACT_ROW(128, $0x35bfbe8e35bfbe8e) // C_LN2_LO
ACT_ROW(160, $0x3efffffe3efffffe) // C_EXP_P0
ACT_ROW(192, $0x3e2aaa493e2aaa49) // C_EXP_P1
ACT_ROW(224, $0x3d2aac793d2aac79) // C_EXP_P2
ACT_ROW(256, $0x3c091cea3c091cea) // C_EXP_P3
ACT_ROW(288, $0x3ab512243ab51224) // C_EXP_P4
ACT_ROW(320, $0x3f8000003f800000) // C_ONE
ACT_ROW(352, $0x4000000040000000) // C_TWO
ACT_ROW(384, $0x0000007f0000007f) // C_EXP_BIAS
ACT_ROW(416, $0x7fffffff7fffffff) // C_ABS_MASK
ACT_ROW(448, $0x8000000080000000) // C_SIGN_MASK
ACT_ROW(480, $0x3f2000003f200000) // C_TANH_SMALL
ACT_ROW(512, $0xbeaaaa99beaaaa99) // C_TANH_P0
ACT_ROW(544, $0x3e0883933e088393) // C_TANH_P1
ACT_ROW(576, $0xbd5c1e2cbd5c1e2c) // C_TANH_P2
ACT_ROW(608, $0x3ca913493ca91349) // C_TANH_P3
ACT_ROW(640, $0xbbbaf0d4bbbaf0d4) // C_TANH_P4
ACT_ROW(672, $0xbeffffe9beffffe9) // C_LOG1P_P0
ACT_ROW(704, $0x3eaaa6f83eaaa6f8) // C_LOG1P_P1
ACT_ROW(736, $0xbe7f9370be7f9370) // C_LOG1P_P2
ACT_ROW(768, $0x3e49ae4c3e49ae4c) // C_LOG1P_P3
ACT_ROW(800, $0xbe1d3d36be1d3d36) // C_LOG1P_P4
ACT_ROW(832, $0x3ddabcbe3ddabcbe) // C_LOG1P_P5
ACT_ROW(864, $0xbd6c314cbd6c314c) // C_LOG1P_P6
ACT_ROW(896, $0x3ca583d13ca583d1) // C_LOG1P_P7
ACT_ROW(928, $0xbb597a40bb597a40) // C_LOG1P_P8
ACT_ROW(960, $0x0000000000000000) // C_ZERO
ACT_ROW(992, $0x42ac000042ac0000) // C_EXP_FAST
ACT_ROW(1024, $0x000000bf000000bf) // C_EXP_BIAS_K
ACT_ROW(1056, $0x1f8000001f800000) // C_EXP_2_MK
ACT_ROW(1088, $0x4b4000004b400000) // C_ROUND_MAGIC
GLOBL ·actConsts(SB), RODATA|NOPTR, $1120

// func ExpAVX2(dst, x []float32)
//
//	for i, v := range x { dst[i] = exp32(v) }
//
// Four vectors per trip: if all their lanes are in [−86, 86] (the usual
// case), without the clamp and with EXP_SCALE_NORMAL, their phases
// interleaved; else each with EXP_FULL. Requires AVX2 and FMA3.
TEXT ·ExpAVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DST
	MOVQ x_base+24(FP), X_PTR
	MOVQ x_len+32(FP), N

	N_LOOP(expLoop32, expLoop8, 4)
	LOAD4(X_PTR, Y0, Y4, Y8, Y12)
	FAST_CHECK4(Y0, Y4, Y8, Y12, Y1, Y5, Y9, Y13)
	JNZ     expSlow32
	EXP_PHASES4

expStore32:
	STORE4(Y2, Y6, Y10, Y14, DST)
	N_NEXT2(expLoop32, 4, X_PTR, DST)

expSlow32:
	EXP_FULL(Y0, Y1, Y2, Y3)
	EXP_FULL(Y4, Y5, Y6, Y7)
	EXP_FULL(Y8, Y9, Y10, Y11)
	EXP_FULL(Y12, Y13, Y14, Y15)
	JMP expStore32

	ONE_LOOPS(expLoop8, expTail, expDone, EXP_V0, V2)
	VRET(expDone)

// sigmoid32(x) = num/(1+e) with e = exp32(−|x|), num = e for x < 0, else
// 1. The blend takes e where x's sign bit is set: for x = −0, e = 1 = num
// anyway, and a NaN x gives NaN either way. −|x| ≤ 0, so only the lower
// clamp can act, and EXP_SCALE_NEG is exact. In phases, on registers x
// (kept), a, n, r (the result) and u:

// SIG_ARG sets a = max(−|x|, expMin).
#define SIG_ARG(x, a, u) \
	VORPS   C_SIGN_MASK, x, a \
	VMOVUPS C_EXP_MIN, u \
	VMAXPS  a, u, a

// SIG_DIV sets r = num/(1+e) from r = e.
#define SIG_DIV(x, n, r, u) \
	VADDPS    C_ONE, r, u \
	VMOVUPS   C_ONE, n \
	VBLENDVPS x, r, n, n \
	VDIVPS    u, n, r

// func SigmoidAVX2(dst, x []float32)
//
//	for i, v := range x { dst[i] = sigmoid32(v) }
//
// Three vectors per trip, their phases interleaved: if all their lanes are
// in [−86, 86] (the usual case), without the clamp and with
// EXP_SCALE_NORMAL; else as SIGMOID. Requires AVX2 and FMA3.
TEXT ·SigmoidAVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DST
	MOVQ x_base+24(FP), X_PTR
	MOVQ x_len+32(FP), N

	N_LOOP(sigmoidLoop24, sigmoidLoop8, 3)
	VMOVUPS (X_PTR), Y0
	VMOVUPS 32(X_PTR), Y5
	VMOVUPS 64(X_PTR), Y10
	FAST_CHECK3(Y0, Y5, Y10, Y1, Y6, Y11)
	JNZ     sigmoidSlow24
	VORPS   C_SIGN_MASK, Y0, Y1
	VORPS   C_SIGN_MASK, Y5, Y6
	VORPS   C_SIGN_MASK, Y10, Y11
	EXP_PS(ACT3_VECS)
	ACT3_VECS(EXP_SCALE_NORMAL_V)

sigmoidDiv24:
	SIG_DIV(Y0, Y2, Y3, Y4)
	SIG_DIV(Y5, Y7, Y8, Y9)
	SIG_DIV(Y10, Y12, Y13, Y14)
	VMOVUPS Y3, (DST)
	VMOVUPS Y8, 32(DST)
	VMOVUPS Y13, 64(DST)
	N_NEXT2(sigmoidLoop24, 3, X_PTR, DST)

sigmoidSlow24:
	SIG_ARG(Y0, Y1, Y4)
	SIG_ARG(Y5, Y6, Y9)
	SIG_ARG(Y10, Y11, Y14)
	EXP_PS(ACT3_VECS)
	ACT3_VECS(EXP_SCALE_NEG_V)
	JMP sigmoidDiv24

	ONE_LOOPS(sigmoidLoop8, sigmoidTail, sigmoidDone, SIGMOID_V0, V3)
	VRET(sigmoidDone)

// tanh32(x): x·(1 + u·q(u)), u = x², for |x| < tanhSmall, else
// 1 − 2/(e+1) with e = exp32(2|x|); then x's sign ORed in. Both branches
// are computed in every lane and blended on !(|x| ≥ tanhSmall) (NGE_UQ:
// true for NaN, whose polynomial branch is NaN). 2|x| ≥ 0, so only the
// upper clamp could act, and it clamps at 86 instead of expMax: from
// 2|x| ≥ 86 on, e ≥ 2^124 and 1 − 2/(e+1) rounds to 1 either way; below it
// EXP_SCALE_NORMAL is exact (the garbage it makes of NaN lanes is blended
// away). In phases, on registers x, a, n (s: the polynomial branch), r
// (the result) and u:

// TANH_ARG sets a = min(2|x|, 86).
#define TANH_ARG(x, a, u) \
	VANDPS  C_ABS_MASK, x, a \
	VADDPS  a, a, a \
	VMOVUPS C_EXP_FAST, u \
	VMINPS  a, u, a

// TANH_BIG sets r = 1 − 2/(e+1) from r = e, using n.
#define TANH_BIG(n, r) \
	VADDPS  C_ONE, r, r \
	VMOVUPS C_TWO, n \
	VDIVPS  r, n, n \
	VMOVUPS C_ONE, r \
	VSUBPS  n, r, r

// TANH_SMALL1 and TANH_SMALL2 set s = a·fma(q(u), u, 1), a = |x|, u = a·a.
#define TANH_SMALL1(x, a, s, u) \
	VANDPS      C_ABS_MASK, x, a \
	VMULPS      a, a, u \
	VMOVUPS     C_TANH_P4, s \
	VFMADD213PS C_TANH_P3, u, s \
	VFMADD213PS C_TANH_P2, u, s

#define TANH_SMALL2(a, s, u) \
	VFMADD213PS C_TANH_P1, u, s \
	VFMADD213PS C_TANH_P0, u, s \
	VFMADD213PS C_ONE, u, s \
	VMULPS      a, s, s

// TANH_SELECT sets r = (a < tanhSmall or NaN ? s : r) | x's sign.
// Clobbers x, a.
#define TANH_SELECT(x, a, s, r) \
	VCMPPS    $0x19, C_TANH_SMALL, a, a \
	VBLENDVPS a, s, r, r \
	VANDPS    C_SIGN_MASK, x, x \
	VORPS     x, r, r

// func TanhAVX2(dst, x []float32)
//
//	for i, v := range x { dst[i] = tanh32(v) }
//
// Three vectors per trip, their phases interleaved. Requires AVX2 and FMA3.
TEXT ·TanhAVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DST
	MOVQ x_base+24(FP), X_PTR
	MOVQ x_len+32(FP), N
	TANH_LOOPS(tanhLoop24, tanhLoop8, tanhTail, tanhDone)
	VRET(tanhDone)

// The gradients and leaky ReLU: four vectors per trip, a constant (1 or
// slope) in CONST and +0 in ZEROR.
#define CONST Y12
#define ZEROR Y13

// func SigmoidGradAVX2(dst, dy, y []float32)
//
//	for i := range y { dst[i] = dy[i] * (y[i] * (1 - y[i])) }
//
// len(dst), len(dy) >= len(y). Requires AVX2.
TEXT ·SigmoidGradAVX2(SB), NOSPLIT, $0-72
	MOVQ         dst_base+0(FP), DST
	MOVQ         dy_base+24(FP), X_PTR
	MOVQ         y_base+48(FP), Y_PTR
	MOVQ         y_len+56(FP), N
	VBROADCASTSS C_ONE, CONST

	YGRAD_LOOPS(sgradLoop32, sgradLoop8, sgradTail, sgradDone, SGRAD)
	VRET(sgradDone)

// func TanhGradAVX2(dst, dy, y []float32)
//
//	for i := range y { dst[i] = dy[i] * ((1 - y[i]) * (1 + y[i])) }
//
// len(dst), len(dy) >= len(y). Requires AVX2.
TEXT ·TanhGradAVX2(SB), NOSPLIT, $0-72
	MOVQ         dst_base+0(FP), DST
	MOVQ         dy_base+24(FP), X_PTR
	MOVQ         y_base+48(FP), Y_PTR
	MOVQ         y_len+56(FP), N
	VBROADCASTSS C_ONE, CONST

	YGRAD_LOOPS(tgradLoop32, tgradLoop8, tgradTail, tgradDone, TGRAD)
	VRET(tgradDone)

// LEAKY sets v = v if v > 0 (ordered: false for NaN), else v·slope. The
// compare leaves all-ones lanes in m where v > 0, and VBLENDVPS takes v
// there and the product elsewhere. Clobbers p, m.
#define LEAKY(v, p, m) \
	VMULPS    CONST, v, p \
	VCMPPS    $0x1e, ZEROR, v, m \
	VBLENDVPS m, v, p, v

// LEAKY_V0: LEAKY on V0 (V1, V2 clobbered), ONE_LOOPS' body for one vector.
#define LEAKY_V0 LEAKY(V0, V1, V2)

// func LeakyReLUAVX2(dst, x []float32, slope float32)
//
//	for i, v := range x {
//		if !(v > 0) { v *= slope }
//		dst[i] = v
//	}
//
// Requires AVX2.
TEXT ·LeakyReLUAVX2(SB), NOSPLIT, $0-52
	MOVQ         dst_base+0(FP), DST
	MOVQ         x_base+24(FP), X_PTR
	MOVQ         x_len+32(FP), N
	VBROADCASTSS slope+48(FP), CONST
	VXORPS       ZEROR, ZEROR, ZEROR

	N_LOOP(leakyLoop32, leakyLoop8, 4)
	LOAD4(X_PTR, Y0, Y3, Y6, Y9)
	LEAKY(Y0, Y1, Y2)
	LEAKY(Y3, Y4, Y5)
	LEAKY(Y6, Y7, Y8)
	LEAKY(Y9, Y10, Y11)
	STORE4(Y0, Y3, Y6, Y9, DST)
	N_NEXT2(leakyLoop32, 4, X_PTR, DST)

	ONE_LOOPS(leakyLoop8, leakyTail, leakyDone, LEAKY_V0, V0)
	VRET(leakyDone)

// LGRAD sets g = g if x > 0 (ordered: false for NaN), else g·slope. x is
// overwritten with the compare's mask.
#define LGRAD(g, x, p) \
	VMULPS    CONST, g, p \
	VCMPPS    $0x1e, ZEROR, x, x \
	VBLENDVPS x, g, p, g

// LGRAD4 is LGRAD on four vectors, for LGRAD_LOOPS; LGRAD_V0 on V0, V1.
#define LGRAD4 \
	LOAD4(Y_PTR, Y0, Y3, Y6, Y9) \
	LOAD4(X_PTR, Y1, Y4, Y7, Y10) \
	LGRAD(Y0, Y1, Y2) \
	LGRAD(Y3, Y4, Y5) \
	LGRAD(Y6, Y7, Y8) \
	LGRAD(Y9, Y10, Y11) \
	STORE4(Y0, Y3, Y6, Y9, DST)

#define LGRAD_V0 LGRAD(V0, V1, V2)

// func LeakyReLUGradAVX2(dst, dy, x []float32, slope float32)
//
//	for i := range x {
//		g := dy[i]
//		if !(x[i] > 0) { g *= slope }
//		dst[i] = g
//	}
//
// len(dst), len(dy) >= len(x). Requires AVX2.
TEXT ·LeakyReLUGradAVX2(SB), NOSPLIT, $0-76
	MOVQ         dst_base+0(FP), DST
	MOVQ         dy_base+24(FP), Y_PTR
	MOVQ         x_base+48(FP), X_PTR
	MOVQ         x_len+56(FP), N
	VBROADCASTSS slope+72(FP), CONST
	VXORPS       ZEROR, ZEROR, ZEROR

	LGRAD_LOOPS(lgradLoop32, lgradLoop8, lgradTail, lgradDone)
	VRET(lgradDone)
