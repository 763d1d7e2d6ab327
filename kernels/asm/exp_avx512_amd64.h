// Shared by activation_avx512_amd64.s and rowops_avx512_amd64.s (after
// exp_amd64.h): exp32 for AVX-512 (F), its constants in Z22–Z31 (CONSTS
// loads them), the clamp bounds in ZMIN/ZMAX, and the clamp and the
// scaling (VSCALEFPS).

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

// The clamp bounds; SIGN (the sign mask) shares ZMAX's register, for
// kernels that clamp only from below.
#define ZMIN Z21
#define ZMAX Z20
#define SIGN Z20

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

// CONSTS_CLAMP also broadcasts both clamp bounds, for exp32 of any x;
// CONSTS_NEG the lower bound and the sign mask, for exp32(−|x|).
#define CONSTS_CLAMP \
	CONSTS \
	VBROADCASTSS C_EXP_MIN, ZMIN \
	VBROADCASTSS C_EXP_MAX, ZMAX

#define CONSTS_NEG \
	CONSTS \
	VBROADCASTSS C_EXP_MIN, ZMIN \
	VBROADCASTSS C_SIGN_MASK, SIGN

// EXP_CLAMP sets x = min(max(x, expMin), expMax); x is the source VMAXPS
// and VMINPS return when either is NaN, so a NaN x stays NaN.
#define EXP_CLAMP(x) \
	VMAXPS x, ZMIN, x \
	VMINPS x, ZMAX, x

// EXP_SCALE sets t = p·2^n from t = p and n = RoundToEven(x·log2e) (a
// float: EXP_N's f, here n itself).
#define EXP_SCALE(n, t) \
	VSCALEFPS n, t, t

// For code shared with AVX2: EXP_F(n, u) is where EXP_N puts f, here n
// itself, and the AVX2 scalings are all EXP_SCALE (exact for every n).
#define EXP_F(n, u) n
#define EXP_SCALE_NORMAL(n, t) EXP_SCALE(n, t)
#define EXP_SCALE_NEG(n, t) EXP_SCALE(n, t)

// EXP_FULL sets t = exp32(x) for any x, one vector. Clobbers x, n, u.
#define EXP_FULL(x, n, t, u) \
	EXP_CLAMP(x) \
	EXP_P(x, n, n, t, u) \
	EXP_SCALE(n, t)
