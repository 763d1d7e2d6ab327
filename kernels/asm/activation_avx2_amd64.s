//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"
#include "exp_amd64.h"

// Activation-family kernels for AVX2 + FMA3: the steps of
// activation_generic.go, softmax_generic.go and loss_generic.go in 8-lane
// vectors, bit-identical to them (see exp_amd64.h). Main loops take two to
// four ymm per trip and interleave their steps in phases, then come 8 at a
// time; the last 1..7 use VMASKMOVPS, which neither reads nor writes the
// masked-off lanes.

// exp_amd64.h's constants: memory operands.
#define K_LOG2E C_LOG2E
#define K_ROUND_MAGIC C_ROUND_MAGIC
#define K_LN2_HI C_LN2_HI
#define K_LN2_LO C_LN2_LO
#define K_EXP_P0 C_EXP_P0
#define K_EXP_P1 C_EXP_P1
#define K_EXP_P2 C_EXP_P2
#define K_EXP_P3 C_EXP_P3
#define K_EXP_P4 C_EXP_P4
#define K_ONE C_ONE

#define DST DI
#define X_PTR SI
#define Y_PTR DX
#define N CX
#define MASK Y15

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

// EXP_CLAMP sets x = min(max(x, expMin), expMax), using tmp. x is the
// second source of VMAXPS and VMINPS, the one they return when either
// source is NaN, so a NaN x stays NaN, as in exp32.
#define EXP_CLAMP(x, tmp) \
	VMOVUPS C_EXP_MIN, tmp \
	VMAXPS  x, tmp, x \
	VMOVUPS C_EXP_MAX, tmp \
	VMINPS  x, tmp, x

// The scalings: t = p·2^n from t = p and n = EXP_N's sum (1.5·2^23 + n,
// n in its low bits), each exact for the n it is used for. All clobber n.

// EXP_SCALE_TWO is exp32's own p·2^(n>>1)·2^(n−(n>>1)), for any n in
// [−150, 128] (the whole clamped range) and NaN. Clobbers u.
#define EXP_SCALE_TWO(n, t, u) \
	VPSUBD C_ROUND_MAGIC, n, n \
	VPSRAD $1, n, u \
	VPSUBD u, n, n \
	VPADDD C_EXP_BIAS, u, u \
	VPSLLD $23, u, u \
	VMULPS u, t, t \
	VPADDD C_EXP_BIAS, n, n \
	VPSLLD $23, n, n \
	VMULPS n, t, t

// EXP_SCALE_NORMAL adds n<<23 (from n's low nine bits) to p's bits: exact
// where p·2^n is a normal float32, n in [−125, 127]. Not for NaN lanes,
// whose bits it may turn into a number.
#define EXP_SCALE_NORMAL(n, t) \
	VPSLLD $23, n, n \
	VPADDD n, t, t

// EXP_SCALE_NEG is (p·2^(n+64))·2^−64, for n in [−150, 0] (x ≤ 0) and NaN:
// the first product is normal and exact, the second rounds once.
// (n + 191)<<23 needs only n's low nine bits, n + 191 being in [41, 191].
#define EXP_SCALE_NEG(n, t) \
	VPADDD C_EXP_BIAS_K, n, n \
	VPSLLD $23, n, n \
	VMULPS n, t, t \
	VMULPS C_EXP_2_MK, t, t

// EXP_FULL sets t = exp32(x) for any x, one vector, step by step.
// Clobbers x, n, u.
#define EXP_FULL(x, n, t, u) \
	EXP_CLAMP(x, u) \
	EXP_P(x, n, u, t, u) \
	EXP_SCALE_TWO(n, t, u)

// FAST_CHECK4 sets the flags for JNZ to branch if any lane of x0..x3 has
// |x| > 86 or is NaN (comparing |x|'s bits as int32s, NaNs being largest),
// using t0..t3. If none does, exp32's clamp does nothing, n is in
// [−124, 124] and EXP_SCALE_NORMAL is exact.
#define FAST_CHECK4(x0, x1, x2, x3, t0, t1, t2, t3) \
	VANDPS   C_ABS_MASK, x0, t0 \
	VANDPS   C_ABS_MASK, x1, t1 \
	VANDPS   C_ABS_MASK, x2, t2 \
	VANDPS   C_ABS_MASK, x3, t3 \
	VPMAXSD  t1, t0, t0 \
	VPMAXSD  t3, t2, t2 \
	VPMAXSD  t2, t0, t0 \
	VPCMPGTD C_EXP_FAST, t0, t0 \
	VPTEST   t0, t0

// FAST_CHECK3 is FAST_CHECK4 for three vectors.
#define FAST_CHECK3(x0, x1, x2, t0, t1, t2) \
	VANDPS   C_ABS_MASK, x0, t0 \
	VANDPS   C_ABS_MASK, x1, t1 \
	VANDPS   C_ABS_MASK, x2, t2 \
	VPMAXSD  t1, t0, t0 \
	VPMAXSD  t2, t0, t0 \
	VPCMPGTD C_EXP_FAST, t0, t0 \
	VPTEST   t0, t0

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

expLoop32:
	CMPQ    N, $32
	JB      expLoop8
	VMOVUPS (X_PTR), Y0
	VMOVUPS 32(X_PTR), Y4
	VMOVUPS 64(X_PTR), Y8
	VMOVUPS 96(X_PTR), Y12
	FAST_CHECK4(Y0, Y4, Y8, Y12, Y1, Y5, Y9, Y13)
	JNZ     expSlow32
	EXP_N(Y0, Y1, Y3)
	EXP_N(Y4, Y5, Y7)
	EXP_N(Y8, Y9, Y11)
	EXP_N(Y12, Y13, Y15)
	EXP_R(Y0, Y3)
	EXP_R(Y4, Y7)
	EXP_R(Y8, Y11)
	EXP_R(Y12, Y15)
	EXP_Q1(Y0, Y2)
	EXP_Q1(Y4, Y6)
	EXP_Q1(Y8, Y10)
	EXP_Q1(Y12, Y14)
	EXP_Q2(Y0, Y2)
	EXP_Q2(Y4, Y6)
	EXP_Q2(Y8, Y10)
	EXP_Q2(Y12, Y14)
	EXP_PP(Y0, Y2, Y3)
	EXP_PP(Y4, Y6, Y7)
	EXP_PP(Y8, Y10, Y11)
	EXP_PP(Y12, Y14, Y15)
	EXP_SCALE_NORMAL(Y1, Y2)
	EXP_SCALE_NORMAL(Y5, Y6)
	EXP_SCALE_NORMAL(Y9, Y10)
	EXP_SCALE_NORMAL(Y13, Y14)

expStore32:
	VMOVUPS Y2, (DST)
	VMOVUPS Y6, 32(DST)
	VMOVUPS Y10, 64(DST)
	VMOVUPS Y14, 96(DST)
	ADDQ    $128, X_PTR
	ADDQ    $128, DST
	SUBQ    $32, N
	JMP     expLoop32

expSlow32:
	EXP_FULL(Y0, Y1, Y2, Y3)
	EXP_FULL(Y4, Y5, Y6, Y7)
	EXP_FULL(Y8, Y9, Y10, Y11)
	EXP_FULL(Y12, Y13, Y14, Y15)
	JMP expStore32

expLoop8:
	CMPQ    N, $8
	JB      expTail
	VMOVUPS (X_PTR), Y0
	EXP_FULL(Y0, Y1, Y2, Y3)
	VMOVUPS Y2, (DST)
	ADDQ    $32, X_PTR
	ADDQ    $32, DST
	SUBQ    $8, N
	JMP     expLoop8

expTail:
	TESTQ      N, N
	JZ         expDone
	AVX2_TAIL_MASK(N, AX, MASK)
	VMASKMOVPS (X_PTR), MASK, Y0
	EXP_FULL(Y0, Y1, Y2, Y3)
	VMASKMOVPS Y2, MASK, (DST)

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

#define SIGMOID(x, a, n, r, u) \
	SIG_ARG(x, a, u) \
	EXP_P(a, n, u, r, u) \
	EXP_SCALE_NEG(n, r) \
	SIG_DIV(x, n, r, u)

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

sigmoidLoop24:
	CMPQ    N, $24
	JB      sigmoidLoop8
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
	ADDQ    $96, X_PTR
	ADDQ    $96, DST
	SUBQ    $24, N
	JMP     sigmoidLoop24

sigmoidSlow24:
	SIG_ARG(Y0, Y1, Y4)
	SIG_ARG(Y5, Y6, Y9)
	SIG_ARG(Y10, Y11, Y14)
	SIG_P3
	EXP_SCALE_NEG(Y2, Y3)
	EXP_SCALE_NEG(Y7, Y8)
	EXP_SCALE_NEG(Y12, Y13)
	JMP sigmoidDiv24

sigmoidLoop8:
	CMPQ    N, $8
	JB      sigmoidTail
	VMOVUPS (X_PTR), Y0
	SIGMOID(Y0, Y1, Y2, Y3, Y4)
	VMOVUPS Y3, (DST)
	ADDQ    $32, X_PTR
	ADDQ    $32, DST
	SUBQ    $8, N
	JMP     sigmoidLoop8

sigmoidTail:
	TESTQ      N, N
	JZ         sigmoidDone
	AVX2_TAIL_MASK(N, AX, MASK)
	VMASKMOVPS (X_PTR), MASK, Y0
	SIGMOID(Y0, Y1, Y2, Y3, Y4)
	VMASKMOVPS Y3, MASK, (DST)

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

#define TANH(x, a, n, r, u) \
	TANH_ARG(x, a, u) \
	EXP_P(a, n, u, r, u) \
	EXP_SCALE_NORMAL(n, r) \
	TANH_BIG(n, r) \
	TANH_SMALL1(x, a, n, u) \
	TANH_SMALL2(a, n, u) \
	TANH_SELECT(x, a, n, r)

// func TanhAVX2(dst, x []float32)
//
//	for i, v := range x { dst[i] = tanh32(v) }
//
// Three vectors per trip, their phases interleaved. Requires AVX2 and FMA3.
TEXT ·TanhAVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DST
	MOVQ x_base+24(FP), X_PTR
	MOVQ x_len+32(FP), N

tanhLoop24:
	CMPQ    N, $24
	JB      tanhLoop8
	VMOVUPS (X_PTR), Y0
	VMOVUPS 32(X_PTR), Y5
	VMOVUPS 64(X_PTR), Y10
	TANH_ARG(Y0, Y1, Y4)
	TANH_ARG(Y5, Y6, Y9)
	TANH_ARG(Y10, Y11, Y14)
	EXP_N(Y1, Y2, Y4)
	EXP_N(Y6, Y7, Y9)
	EXP_N(Y11, Y12, Y14)
	EXP_R(Y1, Y4)
	EXP_R(Y6, Y9)
	EXP_R(Y11, Y14)
	EXP_Q1(Y1, Y3)
	EXP_Q1(Y6, Y8)
	EXP_Q1(Y11, Y13)
	EXP_Q2(Y1, Y3)
	EXP_Q2(Y6, Y8)
	EXP_Q2(Y11, Y13)
	EXP_PP(Y1, Y3, Y4)
	EXP_PP(Y6, Y8, Y9)
	EXP_PP(Y11, Y13, Y14)
	EXP_SCALE_NORMAL(Y2, Y3)
	EXP_SCALE_NORMAL(Y7, Y8)
	EXP_SCALE_NORMAL(Y12, Y13)
	TANH_BIG(Y2, Y3)
	TANH_BIG(Y7, Y8)
	TANH_BIG(Y12, Y13)
	TANH_SMALL1(Y0, Y1, Y2, Y4)
	TANH_SMALL1(Y5, Y6, Y7, Y9)
	TANH_SMALL1(Y10, Y11, Y12, Y14)
	TANH_SMALL2(Y1, Y2, Y4)
	TANH_SMALL2(Y6, Y7, Y9)
	TANH_SMALL2(Y11, Y12, Y14)
	TANH_SELECT(Y0, Y1, Y2, Y3)
	TANH_SELECT(Y5, Y6, Y7, Y8)
	TANH_SELECT(Y10, Y11, Y12, Y13)
	VMOVUPS Y3, (DST)
	VMOVUPS Y8, 32(DST)
	VMOVUPS Y13, 64(DST)
	ADDQ    $96, X_PTR
	ADDQ    $96, DST
	SUBQ    $24, N
	JMP     tanhLoop24

tanhLoop8:
	CMPQ    N, $8
	JB      tanhTail
	VMOVUPS (X_PTR), Y0
	TANH(Y0, Y1, Y2, Y3, Y4)
	VMOVUPS Y3, (DST)
	ADDQ    $32, X_PTR
	ADDQ    $32, DST
	SUBQ    $8, N
	JMP     tanhLoop8

tanhTail:
	TESTQ      N, N
	JZ         tanhDone
	AVX2_TAIL_MASK(N, AX, MASK)
	VMASKMOVPS (X_PTR), MASK, Y0
	TANH(Y0, Y1, Y2, Y3, Y4)
	VMASKMOVPS Y3, MASK, (DST)

tanhDone:
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
	VEXTRACTF128 $1, Y12, X13 \
	VADDPS       X13, X12, X12 \
	VMOVHLPS     X12, X12, X13 \
	VADDPS       X13, X12, X12 \
	VMOVSHDUP    X12, X13 \
	VADDSS       X13, X12, X12

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

essLoop24:
	CMPQ N, $24
	JB   essLoop8
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
	ADDQ    $96, X_PTR
	ADDQ    $96, DST
	SUBQ    $24, N
	JMP     essLoop24

essSlow24:
	ESS_SLOW3
	JMP essStore24

essLoop8:
	CMPQ    N, $8
	JB      essTail
	VMOVUPS (X_PTR), Y0
	VSUBPS  SHIFT, Y0, Y0
	EXP_FULL(Y0, Y1, Y2, Y3)
	VMOVUPS Y2, (DST)
	VADDPS  Y2, Y12, Y12
	ADDQ    $32, X_PTR
	ADDQ    $32, DST
	SUBQ    $8, N
	JMP     essLoop8

essTail:
	TESTQ      N, N
	JZ         essDone
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

esnLoop24:
	CMPQ N, $24
	JB   esnLoop8
	ESS_LOAD3
	JNZ  esnSlow24
	ESS_FAST3

esnSum24:
	VADDPS Y2, Y12, Y12
	VADDPS Y6, Y13, Y13
	VADDPS Y10, Y14, Y14
	ADDQ   $96, X_PTR
	SUBQ   $24, N
	JMP    esnLoop24

esnSlow24:
	ESS_SLOW3
	JMP esnSum24

esnLoop8:
	CMPQ    N, $8
	JB      esnTail
	VMOVUPS (X_PTR), Y0
	VSUBPS  SHIFT, Y0, Y0
	EXP_FULL(Y0, Y1, Y2, Y3)
	VADDPS  Y2, Y12, Y12
	ADDQ    $32, X_PTR
	SUBQ    $8, N
	JMP     esnLoop8

esnTail:
	TESTQ      N, N
	JZ         esnDone
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

// BCE_ACC adds the eight float32 terms in m (mX, mY: its xmm and ymm names)
// to the float64 partial sums acc0 (low four) and acc1 (high four), using
// the ymm register t.
#define BCE_ACC(mX, mY, t, acc0, acc1) \
	VCVTPS2PD    mX, t \
	VEXTRACTF128 $1, mY, mX \
	VCVTPS2PD    mX, mY \
	VADDPD       t, acc0, acc0 \
	VADDPD       mY, acc1, acc1

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

bceLoop16:
	CMPQ    N, $16
	JB      bceLoop8
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
	ADDQ    $64, X_PTR
	ADDQ    $64, Y_PTR
	SUBQ    $16, N
	JMP     bceLoop16

bceLoop8:
	CMPQ    N, $8
	JB      bceTail
	VMOVUPS (X_PTR), Y0
	BCE(Y0, (Y_PTR), Y1, Y2, Y3, Y4)
	BCE_ACC(X1, Y1, Y2, Y10, Y11)
	ADDQ    $32, X_PTR
	ADDQ    $32, Y_PTR
	SUBQ    $8, N
	JMP     bceLoop8

bceTail:
	TESTQ      N, N
	JZ         bceDone
	AVX2_TAIL_MASK(N, AX, MASK)
	VMASKMOVPS (X_PTR), MASK, Y0
	VMASKMOVPS (Y_PTR), MASK, Y5
	BCE(Y0, Y5, Y1, Y2, Y3, Y4)
	VANDPS     MASK, Y1, Y1 // the masked-off lanes hold log 2
	BCE_ACC(X1, Y1, Y2, Y10, Y11)

bceDone:
	VADDPD       Y11, Y10, Y10
	VADDPD       Y13, Y12, Y12
	VADDPD       Y12, Y10, Y10
	VEXTRACTF128 $1, Y10, X11
	VADDPD       X11, X10, X10
	VUNPCKHPD    X10, X10, X11
	VADDSD       X11, X10, X10
	VMOVSD       X10, ret+48(FP)
	VZEROUPPER
	RET

// The gradients and leaky ReLU: four vectors per trip, a constant (1 or
// slope) in CONST and +0 in ZEROR.
#define CONST Y12
#define ZEROR Y13

// SGRAD sets t = dy·(y·(1−y)), rounded step by step. dy is a ymm register
// or a memory operand.
#define SGRAD(y, dy, t) \
	VSUBPS y, CONST, t \
	VMULPS y, t, t \
	VMULPS dy, t, t

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

sgradLoop32:
	CMPQ    N, $32
	JB      sgradLoop8
	VMOVUPS (Y_PTR), Y0
	VMOVUPS 32(Y_PTR), Y2
	VMOVUPS 64(Y_PTR), Y4
	VMOVUPS 96(Y_PTR), Y6
	SGRAD(Y0, (X_PTR), Y1)
	SGRAD(Y2, 32(X_PTR), Y3)
	SGRAD(Y4, 64(X_PTR), Y5)
	SGRAD(Y6, 96(X_PTR), Y7)
	VMOVUPS Y1, (DST)
	VMOVUPS Y3, 32(DST)
	VMOVUPS Y5, 64(DST)
	VMOVUPS Y7, 96(DST)
	ADDQ    $128, X_PTR
	ADDQ    $128, Y_PTR
	ADDQ    $128, DST
	SUBQ    $32, N
	JMP     sgradLoop32

sgradLoop8:
	CMPQ    N, $8
	JB      sgradTail
	VMOVUPS (Y_PTR), Y0
	SGRAD(Y0, (X_PTR), Y1)
	VMOVUPS Y1, (DST)
	ADDQ    $32, X_PTR
	ADDQ    $32, Y_PTR
	ADDQ    $32, DST
	SUBQ    $8, N
	JMP     sgradLoop8

sgradTail:
	TESTQ      N, N
	JZ         sgradDone
	AVX2_TAIL_MASK(N, AX, MASK)
	VMASKMOVPS (Y_PTR), MASK, Y0
	VMASKMOVPS (X_PTR), MASK, Y2
	SGRAD(Y0, Y2, Y1)
	VMASKMOVPS Y1, MASK, (DST)

sgradDone:
	VZEROUPPER
	RET

// TGRAD sets t = dy·((1−y)·(1+y)), rounded step by step. dy is a ymm
// register or a memory operand. Clobbers y.
#define TGRAD(y, dy, t) \
	VSUBPS y, CONST, t \
	VADDPS CONST, y, y \
	VMULPS y, t, t \
	VMULPS dy, t, t

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

tgradLoop32:
	CMPQ    N, $32
	JB      tgradLoop8
	VMOVUPS (Y_PTR), Y0
	VMOVUPS 32(Y_PTR), Y2
	VMOVUPS 64(Y_PTR), Y4
	VMOVUPS 96(Y_PTR), Y6
	TGRAD(Y0, (X_PTR), Y1)
	TGRAD(Y2, 32(X_PTR), Y3)
	TGRAD(Y4, 64(X_PTR), Y5)
	TGRAD(Y6, 96(X_PTR), Y7)
	VMOVUPS Y1, (DST)
	VMOVUPS Y3, 32(DST)
	VMOVUPS Y5, 64(DST)
	VMOVUPS Y7, 96(DST)
	ADDQ    $128, X_PTR
	ADDQ    $128, Y_PTR
	ADDQ    $128, DST
	SUBQ    $32, N
	JMP     tgradLoop32

tgradLoop8:
	CMPQ    N, $8
	JB      tgradTail
	VMOVUPS (Y_PTR), Y0
	TGRAD(Y0, (X_PTR), Y1)
	VMOVUPS Y1, (DST)
	ADDQ    $32, X_PTR
	ADDQ    $32, Y_PTR
	ADDQ    $32, DST
	SUBQ    $8, N
	JMP     tgradLoop8

tgradTail:
	TESTQ      N, N
	JZ         tgradDone
	AVX2_TAIL_MASK(N, AX, MASK)
	VMASKMOVPS (Y_PTR), MASK, Y0
	VMASKMOVPS (X_PTR), MASK, Y2
	TGRAD(Y0, Y2, Y1)
	VMASKMOVPS Y1, MASK, (DST)

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

leakyLoop32:
	CMPQ    N, $32
	JB      leakyLoop8
	VMOVUPS (X_PTR), Y0
	VMOVUPS 32(X_PTR), Y3
	VMOVUPS 64(X_PTR), Y6
	VMOVUPS 96(X_PTR), Y9
	LEAKY(Y0, Y1, Y2)
	LEAKY(Y3, Y4, Y5)
	LEAKY(Y6, Y7, Y8)
	LEAKY(Y9, Y10, Y11)
	VMOVUPS Y0, (DST)
	VMOVUPS Y3, 32(DST)
	VMOVUPS Y6, 64(DST)
	VMOVUPS Y9, 96(DST)
	ADDQ    $128, X_PTR
	ADDQ    $128, DST
	SUBQ    $32, N
	JMP     leakyLoop32

leakyLoop8:
	CMPQ    N, $8
	JB      leakyTail
	VMOVUPS (X_PTR), Y0
	LEAKY(Y0, Y1, Y2)
	VMOVUPS Y0, (DST)
	ADDQ    $32, X_PTR
	ADDQ    $32, DST
	SUBQ    $8, N
	JMP     leakyLoop8

leakyTail:
	TESTQ      N, N
	JZ         leakyDone
	AVX2_TAIL_MASK(N, AX, MASK)
	VMASKMOVPS (X_PTR), MASK, Y0
	LEAKY(Y0, Y1, Y2)
	VMASKMOVPS Y0, MASK, (DST)

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

lgradLoop32:
	CMPQ    N, $32
	JB      lgradLoop8
	VMOVUPS (Y_PTR), Y0
	VMOVUPS 32(Y_PTR), Y3
	VMOVUPS 64(Y_PTR), Y6
	VMOVUPS 96(Y_PTR), Y9
	VMOVUPS (X_PTR), Y1
	VMOVUPS 32(X_PTR), Y4
	VMOVUPS 64(X_PTR), Y7
	VMOVUPS 96(X_PTR), Y10
	LGRAD(Y0, Y1, Y2)
	LGRAD(Y3, Y4, Y5)
	LGRAD(Y6, Y7, Y8)
	LGRAD(Y9, Y10, Y11)
	VMOVUPS Y0, (DST)
	VMOVUPS Y3, 32(DST)
	VMOVUPS Y6, 64(DST)
	VMOVUPS Y9, 96(DST)
	ADDQ    $128, X_PTR
	ADDQ    $128, Y_PTR
	ADDQ    $128, DST
	SUBQ    $32, N
	JMP     lgradLoop32

lgradLoop8:
	CMPQ    N, $8
	JB      lgradTail
	VMOVUPS (Y_PTR), Y0
	VMOVUPS (X_PTR), Y1
	LGRAD(Y0, Y1, Y2)
	VMOVUPS Y0, (DST)
	ADDQ    $32, X_PTR
	ADDQ    $32, Y_PTR
	ADDQ    $32, DST
	SUBQ    $8, N
	JMP     lgradLoop8

lgradTail:
	TESTQ      N, N
	JZ         lgradDone
	AVX2_TAIL_MASK(N, AX, MASK)
	VMASKMOVPS (Y_PTR), MASK, Y0
	VMASKMOVPS (X_PTR), MASK, Y1
	LGRAD(Y0, Y1, Y2)
	VMASKMOVPS Y0, MASK, (DST)

lgradDone:
	VZEROUPPER
	RET
