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

// The constants (see exp_amd64.h): one 32-byte row each.
DATA ·actConsts+0(SB)/8, $0xc2d00000c2d00000
DATA ·actConsts+8(SB)/8, $0xc2d00000c2d00000
DATA ·actConsts+16(SB)/8, $0xc2d00000c2d00000
DATA ·actConsts+24(SB)/8, $0xc2d00000c2d00000
DATA ·actConsts+32(SB)/8, $0x42b1999a42b1999a
DATA ·actConsts+40(SB)/8, $0x42b1999a42b1999a
DATA ·actConsts+48(SB)/8, $0x42b1999a42b1999a
DATA ·actConsts+56(SB)/8, $0x42b1999a42b1999a
DATA ·actConsts+64(SB)/8, $0x3fb8aa3b3fb8aa3b
DATA ·actConsts+72(SB)/8, $0x3fb8aa3b3fb8aa3b
DATA ·actConsts+80(SB)/8, $0x3fb8aa3b3fb8aa3b
DATA ·actConsts+88(SB)/8, $0x3fb8aa3b3fb8aa3b
DATA ·actConsts+96(SB)/8, $0x3f3172003f317200
DATA ·actConsts+104(SB)/8, $0x3f3172003f317200
DATA ·actConsts+112(SB)/8, $0x3f3172003f317200
DATA ·actConsts+120(SB)/8, $0x3f3172003f317200
DATA ·actConsts+128(SB)/8, $0x35bfbe8e35bfbe8e
DATA ·actConsts+136(SB)/8, $0x35bfbe8e35bfbe8e
DATA ·actConsts+144(SB)/8, $0x35bfbe8e35bfbe8e
DATA ·actConsts+152(SB)/8, $0x35bfbe8e35bfbe8e
DATA ·actConsts+160(SB)/8, $0x3efffffe3efffffe
DATA ·actConsts+168(SB)/8, $0x3efffffe3efffffe
DATA ·actConsts+176(SB)/8, $0x3efffffe3efffffe
DATA ·actConsts+184(SB)/8, $0x3efffffe3efffffe
DATA ·actConsts+192(SB)/8, $0x3e2aaa493e2aaa49
DATA ·actConsts+200(SB)/8, $0x3e2aaa493e2aaa49
DATA ·actConsts+208(SB)/8, $0x3e2aaa493e2aaa49
DATA ·actConsts+216(SB)/8, $0x3e2aaa493e2aaa49
DATA ·actConsts+224(SB)/8, $0x3d2aac793d2aac79
DATA ·actConsts+232(SB)/8, $0x3d2aac793d2aac79
DATA ·actConsts+240(SB)/8, $0x3d2aac793d2aac79
DATA ·actConsts+248(SB)/8, $0x3d2aac793d2aac79
DATA ·actConsts+256(SB)/8, $0x3c091cea3c091cea
DATA ·actConsts+264(SB)/8, $0x3c091cea3c091cea
DATA ·actConsts+272(SB)/8, $0x3c091cea3c091cea
DATA ·actConsts+280(SB)/8, $0x3c091cea3c091cea
DATA ·actConsts+288(SB)/8, $0x3ab512243ab51224
DATA ·actConsts+296(SB)/8, $0x3ab512243ab51224
DATA ·actConsts+304(SB)/8, $0x3ab512243ab51224
DATA ·actConsts+312(SB)/8, $0x3ab512243ab51224
DATA ·actConsts+320(SB)/8, $0x3f8000003f800000
DATA ·actConsts+328(SB)/8, $0x3f8000003f800000
DATA ·actConsts+336(SB)/8, $0x3f8000003f800000
DATA ·actConsts+344(SB)/8, $0x3f8000003f800000
DATA ·actConsts+352(SB)/8, $0x4000000040000000
DATA ·actConsts+360(SB)/8, $0x4000000040000000
DATA ·actConsts+368(SB)/8, $0x4000000040000000
DATA ·actConsts+376(SB)/8, $0x4000000040000000
DATA ·actConsts+384(SB)/8, $0x0000007f0000007f
DATA ·actConsts+392(SB)/8, $0x0000007f0000007f
DATA ·actConsts+400(SB)/8, $0x0000007f0000007f
DATA ·actConsts+408(SB)/8, $0x0000007f0000007f
DATA ·actConsts+416(SB)/8, $0x7fffffff7fffffff
DATA ·actConsts+424(SB)/8, $0x7fffffff7fffffff
DATA ·actConsts+432(SB)/8, $0x7fffffff7fffffff
DATA ·actConsts+440(SB)/8, $0x7fffffff7fffffff
DATA ·actConsts+448(SB)/8, $0x8000000080000000
DATA ·actConsts+456(SB)/8, $0x8000000080000000
DATA ·actConsts+464(SB)/8, $0x8000000080000000
DATA ·actConsts+472(SB)/8, $0x8000000080000000
DATA ·actConsts+480(SB)/8, $0x3f2000003f200000
DATA ·actConsts+488(SB)/8, $0x3f2000003f200000
DATA ·actConsts+496(SB)/8, $0x3f2000003f200000
DATA ·actConsts+504(SB)/8, $0x3f2000003f200000
DATA ·actConsts+512(SB)/8, $0xbeaaaa99beaaaa99
DATA ·actConsts+520(SB)/8, $0xbeaaaa99beaaaa99
DATA ·actConsts+528(SB)/8, $0xbeaaaa99beaaaa99
DATA ·actConsts+536(SB)/8, $0xbeaaaa99beaaaa99
DATA ·actConsts+544(SB)/8, $0x3e0883933e088393
DATA ·actConsts+552(SB)/8, $0x3e0883933e088393
DATA ·actConsts+560(SB)/8, $0x3e0883933e088393
DATA ·actConsts+568(SB)/8, $0x3e0883933e088393
DATA ·actConsts+576(SB)/8, $0xbd5c1e2cbd5c1e2c
DATA ·actConsts+584(SB)/8, $0xbd5c1e2cbd5c1e2c
DATA ·actConsts+592(SB)/8, $0xbd5c1e2cbd5c1e2c
DATA ·actConsts+600(SB)/8, $0xbd5c1e2cbd5c1e2c
DATA ·actConsts+608(SB)/8, $0x3ca913493ca91349
DATA ·actConsts+616(SB)/8, $0x3ca913493ca91349
DATA ·actConsts+624(SB)/8, $0x3ca913493ca91349
DATA ·actConsts+632(SB)/8, $0x3ca913493ca91349
DATA ·actConsts+640(SB)/8, $0xbbbaf0d4bbbaf0d4
DATA ·actConsts+648(SB)/8, $0xbbbaf0d4bbbaf0d4
DATA ·actConsts+656(SB)/8, $0xbbbaf0d4bbbaf0d4
DATA ·actConsts+664(SB)/8, $0xbbbaf0d4bbbaf0d4
DATA ·actConsts+672(SB)/8, $0xbeffffe9beffffe9
DATA ·actConsts+680(SB)/8, $0xbeffffe9beffffe9
DATA ·actConsts+688(SB)/8, $0xbeffffe9beffffe9
DATA ·actConsts+696(SB)/8, $0xbeffffe9beffffe9
DATA ·actConsts+704(SB)/8, $0x3eaaa6f83eaaa6f8
DATA ·actConsts+712(SB)/8, $0x3eaaa6f83eaaa6f8
DATA ·actConsts+720(SB)/8, $0x3eaaa6f83eaaa6f8
DATA ·actConsts+728(SB)/8, $0x3eaaa6f83eaaa6f8
DATA ·actConsts+736(SB)/8, $0xbe7f9370be7f9370
DATA ·actConsts+744(SB)/8, $0xbe7f9370be7f9370
DATA ·actConsts+752(SB)/8, $0xbe7f9370be7f9370
DATA ·actConsts+760(SB)/8, $0xbe7f9370be7f9370
DATA ·actConsts+768(SB)/8, $0x3e49ae4c3e49ae4c
DATA ·actConsts+776(SB)/8, $0x3e49ae4c3e49ae4c
DATA ·actConsts+784(SB)/8, $0x3e49ae4c3e49ae4c
DATA ·actConsts+792(SB)/8, $0x3e49ae4c3e49ae4c
DATA ·actConsts+800(SB)/8, $0xbe1d3d36be1d3d36
DATA ·actConsts+808(SB)/8, $0xbe1d3d36be1d3d36
DATA ·actConsts+816(SB)/8, $0xbe1d3d36be1d3d36
DATA ·actConsts+824(SB)/8, $0xbe1d3d36be1d3d36
DATA ·actConsts+832(SB)/8, $0x3ddabcbe3ddabcbe
DATA ·actConsts+840(SB)/8, $0x3ddabcbe3ddabcbe
DATA ·actConsts+848(SB)/8, $0x3ddabcbe3ddabcbe
DATA ·actConsts+856(SB)/8, $0x3ddabcbe3ddabcbe
DATA ·actConsts+864(SB)/8, $0xbd6c314cbd6c314c
DATA ·actConsts+872(SB)/8, $0xbd6c314cbd6c314c
DATA ·actConsts+880(SB)/8, $0xbd6c314cbd6c314c
DATA ·actConsts+888(SB)/8, $0xbd6c314cbd6c314c
DATA ·actConsts+896(SB)/8, $0x3ca583d13ca583d1
DATA ·actConsts+904(SB)/8, $0x3ca583d13ca583d1
DATA ·actConsts+912(SB)/8, $0x3ca583d13ca583d1
DATA ·actConsts+920(SB)/8, $0x3ca583d13ca583d1
DATA ·actConsts+928(SB)/8, $0xbb597a40bb597a40
DATA ·actConsts+936(SB)/8, $0xbb597a40bb597a40
DATA ·actConsts+944(SB)/8, $0xbb597a40bb597a40
DATA ·actConsts+952(SB)/8, $0xbb597a40bb597a40
DATA ·actConsts+960(SB)/8, $0x0000000000000000
DATA ·actConsts+968(SB)/8, $0x0000000000000000
DATA ·actConsts+976(SB)/8, $0x0000000000000000
DATA ·actConsts+984(SB)/8, $0x0000000000000000
DATA ·actConsts+992(SB)/8, $0x42ac000042ac0000
DATA ·actConsts+1000(SB)/8, $0x42ac000042ac0000
DATA ·actConsts+1008(SB)/8, $0x42ac000042ac0000
DATA ·actConsts+1016(SB)/8, $0x42ac000042ac0000
DATA ·actConsts+1024(SB)/8, $0x000000bf000000bf
DATA ·actConsts+1032(SB)/8, $0x000000bf000000bf
DATA ·actConsts+1040(SB)/8, $0x000000bf000000bf
DATA ·actConsts+1048(SB)/8, $0x000000bf000000bf
DATA ·actConsts+1056(SB)/8, $0x1f8000001f800000
DATA ·actConsts+1064(SB)/8, $0x1f8000001f800000
DATA ·actConsts+1072(SB)/8, $0x1f8000001f800000
DATA ·actConsts+1080(SB)/8, $0x1f8000001f800000
DATA ·actConsts+1088(SB)/8, $0x4b4000004b400000
DATA ·actConsts+1096(SB)/8, $0x4b4000004b400000
DATA ·actConsts+1104(SB)/8, $0x4b4000004b400000
DATA ·actConsts+1112(SB)/8, $0x4b4000004b400000
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

expDone:
	VZEROUPPER
	RET

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

// SIG_P3 sets Y3, Y8, Y13 to p (and Y2, Y7, Y12 to EXP_N's sums) for the
// arguments in Y1, Y6, Y11, their phases interleaved.
#define SIG_P3 \
	EXP_N(Y1, Y2, Y4) \
	EXP_N(Y6, Y7, Y9) \
	EXP_N(Y11, Y12, Y14) \
	EXP_R(Y1, Y4) \
	EXP_R(Y6, Y9) \
	EXP_R(Y11, Y14) \
	EXP_Q1(Y1, Y3) \
	EXP_Q1(Y6, Y8) \
	EXP_Q1(Y11, Y13) \
	EXP_Q2(Y1, Y3) \
	EXP_Q2(Y6, Y8) \
	EXP_Q2(Y11, Y13) \
	EXP_PP(Y1, Y3, Y4) \
	EXP_PP(Y6, Y8, Y9) \
	EXP_PP(Y11, Y13, Y14)

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
	SIG_P3
	EXP_SCALE_NORMAL(Y2, Y3)
	EXP_SCALE_NORMAL(Y7, Y8)
	EXP_SCALE_NORMAL(Y12, Y13)

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
	SIG_P3
	EXP_SCALE_NEG(Y2, Y3)
	EXP_SCALE_NEG(Y7, Y8)
	EXP_SCALE_NEG(Y12, Y13)
	JMP sigmoidDiv24

	ONE_LOOPS(sigmoidLoop8, sigmoidTail, sigmoidDone, SIGMOID_V0, V3)

sigmoidDone:
	VZEROUPPER
	RET

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

tanhDone:
	VZEROUPPER
	RET

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

sgradDone:
	VZEROUPPER
	RET

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

tgradDone:
	VZEROUPPER
	RET

// LEAKY sets v = v if v > 0 (ordered: false for NaN), else v·slope. The
// compare leaves all-ones lanes in m where v > 0, and VBLENDVPS takes v
// there and the product elsewhere. Clobbers p, m.
#define LEAKY(v, p, m) \
	VMULPS    CONST, v, p \
	VCMPPS    $0x1e, ZEROR, v, m \
	VBLENDVPS m, v, p, v

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

leakyDone:
	VZEROUPPER
	RET

// LGRAD sets g = g if x > 0 (ordered: false for NaN), else g·slope. x is
// overwritten with the compare's mask.
#define LGRAD(g, x, p) \
	VMULPS    CONST, g, p \
	VCMPPS    $0x1e, ZEROR, x, x \
	VBLENDVPS x, g, p, g

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

	N_LOOP(lgradLoop32, lgradLoop8, 4)
	LOAD4(Y_PTR, Y0, Y3, Y6, Y9)
	LOAD4(X_PTR, Y1, Y4, Y7, Y10)
	LGRAD(Y0, Y1, Y2)
	LGRAD(Y3, Y4, Y5)
	LGRAD(Y6, Y7, Y8)
	LGRAD(Y9, Y10, Y11)
	STORE4(Y0, Y3, Y6, Y9, DST)
	N_NEXT3(lgradLoop32, 4, X_PTR, Y_PTR, DST)

	N_LOOP(lgradLoop8, lgradTail, 1)
	VMOVUPS (Y_PTR), Y0
	VMOVUPS (X_PTR), Y1
	LGRAD(Y0, Y1, Y2)
	VMOVUPS Y0, (DST)
	N_NEXT3(lgradLoop8, 1, X_PTR, Y_PTR, DST)

	N_TAIL(lgradTail, lgradDone)
	AVX2_TAIL_MASK(N, AX, MASK)
	VMASKMOVPS (Y_PTR), MASK, Y0
	VMASKMOVPS (X_PTR), MASK, Y1
	LGRAD(Y0, Y1, Y2)
	VMASKMOVPS Y0, MASK, (DST)

lgradDone:
	VZEROUPPER
	RET
