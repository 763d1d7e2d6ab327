// Shared by activation_avx2_amd64.s and rowops_avx2_amd64.s (after
// exp_amd64.h): exp32 for AVX2 + FMA3, the constants as memory operands
// (32-byte rows of ·actConsts) and the steps beyond exp_amd64.h's phases:
// the clamp, the scalings and the fast-path checks.

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

// EXP_F(n, u) is where code shared with AVX-512 has EXP_N put f: in u, as
// the scalings need n's integer bits apart from f.
#define EXP_F(n, u) u

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
