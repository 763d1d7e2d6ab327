// Shared by the activation and rowops assembly of both amd64 levels: the
// constants of the exp-based kernels and the steps of exp32
// (activation_generic.go) as vector macros common to AVX2 and AVX-512
// (exp_avx2_amd64.h and exp_avx512_amd64.h add each level's own).

// The constants, one 32-byte row (the value in all eight lanes) each, in
// ·actConsts (defined in activation_avx2_amd64.s). AVX2 code uses a row as
// a memory operand; AVX-512 code broadcasts its first lane (VBROADCASTSS)
// into a register.
#define C_EXP_MIN    ·actConsts+0(SB) // -104 (expMin)
#define C_EXP_MAX    ·actConsts+32(SB) // 88.8 (expMax)
#define C_LOG2E      ·actConsts+64(SB) // log2e
#define C_LN2_HI     ·actConsts+96(SB) // ln2Hi
#define C_LN2_LO     ·actConsts+128(SB) // ln2Lo
#define C_EXP_P0     ·actConsts+160(SB) // expPoly[0]
#define C_EXP_P1     ·actConsts+192(SB) // expPoly[1]
#define C_EXP_P2     ·actConsts+224(SB) // expPoly[2]
#define C_EXP_P3     ·actConsts+256(SB) // expPoly[3]
#define C_EXP_P4     ·actConsts+288(SB) // expPoly[4]
#define C_ONE        ·actConsts+320(SB) // 1
#define C_TWO        ·actConsts+352(SB) // 2
#define C_EXP_BIAS   ·actConsts+384(SB) // int32 127, the float32 exponent bias
#define C_ABS_MASK   ·actConsts+416(SB) // all bits but the sign
#define C_SIGN_MASK  ·actConsts+448(SB) // the sign bit
#define C_TANH_SMALL ·actConsts+480(SB) // 0.625 (tanhSmall)
#define C_TANH_P0    ·actConsts+512(SB) // tanhPoly[0]
#define C_TANH_P1    ·actConsts+544(SB) // tanhPoly[1]
#define C_TANH_P2    ·actConsts+576(SB) // tanhPoly[2]
#define C_TANH_P3    ·actConsts+608(SB) // tanhPoly[3]
#define C_TANH_P4    ·actConsts+640(SB) // tanhPoly[4]
#define C_LOG1P_P0   ·actConsts+672(SB) // log1pPoly[0]
#define C_LOG1P_P1   ·actConsts+704(SB) // log1pPoly[1]
#define C_LOG1P_P2   ·actConsts+736(SB) // log1pPoly[2]
#define C_LOG1P_P3   ·actConsts+768(SB) // log1pPoly[3]
#define C_LOG1P_P4   ·actConsts+800(SB) // log1pPoly[4]
#define C_LOG1P_P5   ·actConsts+832(SB) // log1pPoly[5]
#define C_LOG1P_P6   ·actConsts+864(SB) // log1pPoly[6]
#define C_LOG1P_P7   ·actConsts+896(SB) // log1pPoly[7]
#define C_LOG1P_P8   ·actConsts+928(SB) // log1pPoly[8]
#define C_ZERO       ·actConsts+960(SB) // +0
#define C_EXP_FAST   ·actConsts+992(SB) // 86: for |x| <= 86, n is in [-124, 124] and 2^n*p is a normal float32
#define C_EXP_BIAS_K ·actConsts+1024(SB) // int32 127+64
#define C_EXP_2_MK   ·actConsts+1056(SB) // 2^-64
#define C_ROUND_MAGIC ·actConsts+1088(SB) // 1.5·2^23: adding it rounds |v| < 2^22 to an integer, in the low mantissa bits

// exp32 clamps x to [expMin, expMax], takes n = RoundToEven(x·log2e) (the
// product rounded first), r = fma(−n, ln2Lo, fma(−n, ln2Hi, x)),
// q = Horner(expPoly, r) in four FMAs, p = fma(q, r·r, r) + 1, and returns
// p·2^(n>>1)·2^(n−(n>>1)): p (in [0.7, 1.42]) times 2^n rounded once, as
// the first product is exact. The vector code takes the same steps, with
// two changes that leave every result bit-identical:
//
//   - n is rounded by adding and subtracting 1.5·2^23, which rounds
//     |x·log2e| < 2^22 to an integer, ties to even, exactly; the sum's low
//     mantissa bits hold n as an integer. (RoundToEven(−0) is −0 where this
//     gives +0: that flips only the sign of r = ±0, and p = 1 either way.)
//   - p·2^n, p times 2^n rounded once, is formed in whatever way is exact
//     for the n at hand (see EXP_SCALE_* in exp_avx2_amd64.h;
//     AVX-512 has the instruction VSCALEFPS for it).
//
// The macros below are exp32's steps up to p, in phases, so that a loop
// can interleave the phases of several independent vectors (an out-of-order
// core then finds enough independent work to hide the FMA latency). They
// take ymm or zmm registers alike; the constants are the names K_LOG2E,
// K_ROUND_MAGIC, K_LN2_HI, K_LN2_LO, K_EXP_P0 … K_EXP_P4 and K_ONE, which
// the including file defines as memory operands (AVX2) or registers
// (AVX-512). x is the clamped argument on entry and r afterwards.

// EXP_N sets n = x·log2e + 1.5·2^23 (n in the low bits, for the scaling)
// and f = RoundToEven(x·log2e) as a float. f may be n itself.
#define EXP_N(x, n, f) \
	VMULPS K_LOG2E, x, n \
	VADDPS K_ROUND_MAGIC, n, n \
	VSUBPS K_ROUND_MAGIC, n, f

// EXP_R sets x = r = fma(−f, ln2Lo, fma(−f, ln2Hi, x)).
#define EXP_R(x, f) \
	VFNMADD231PS K_LN2_HI, f, x \
	VFNMADD231PS K_LN2_LO, f, x

// EXP_Q1 and EXP_Q2 set t = q(r), Horner's rule from expPoly[4] down.
#define EXP_Q1(x, t) \
	VMOVUPS     K_EXP_P4, t \
	VFMADD213PS K_EXP_P3, x, t \
	VFMADD213PS K_EXP_P2, x, t

#define EXP_Q2(x, t) \
	VFMADD213PS K_EXP_P1, x, t \
	VFMADD213PS K_EXP_P0, x, t

// EXP_PP sets t = p = fma(q, r·r, r) + 1, using u.
#define EXP_PP(x, t, u) \
	VMULPS      x, x, u \
	VFMADD213PS x, u, t \
	VADDPS      K_ONE, t, t

// EXP_P is all the phases for one vector: t = p, with n and f as in EXP_N;
// u is clobbered (it may be f when f is no longer needed).
#define EXP_P(x, n, f, t, u) \
	EXP_N(x, n, f) \
	EXP_R(x, f) \
	EXP_Q1(x, t) \
	EXP_Q2(x, t) \
	EXP_PP(x, t, u)

// EXP_PS(LIST) is EXP_P for several vectors, their phases interleaved:
// LIST(op) applies op to each vector's x, n, t, u (f goes where EXP_F
// puts it), and each phase runs for every vector before the next; each
// ends with p in t. The caller scales, with LIST(EXP_SCALE_NORMAL_V) or
// LIST(EXP_SCALE_NEG_V).
#define EXP_PS(LIST) \
	LIST(EXP_N_V) \
	LIST(EXP_R_V) \
	LIST(EXP_Q1_V) \
	LIST(EXP_Q2_V) \
	LIST(EXP_PP_V)

#define EXP_N_V(x, n, t, u) EXP_N(x, n, EXP_F(n, u))
#define EXP_R_V(x, n, t, u) EXP_R(x, EXP_F(n, u))
#define EXP_Q1_V(x, n, t, u) EXP_Q1(x, t)
#define EXP_Q2_V(x, n, t, u) EXP_Q2(x, t)
#define EXP_PP_V(x, n, t, u) EXP_PP(x, t, u)
#define EXP_SCALE_NORMAL_V(x, n, t, u) EXP_SCALE_NORMAL(n, t)
#define EXP_SCALE_NEG_V(x, n, t, u) EXP_SCALE_NEG(n, t)

// EXP3_VECS and EXP4_VECS list three or four vectors, vector j's x in
// V(4j), n in V(4j+1), t in V(4j+2), u in V(4j+3). EXP_PHASES3 and
// EXP_PHASES4 set their t = p·2^n with EXP_SCALE_NORMAL: on AVX2 the
// arguments must be in [−86, 86] (see FAST_CHECK4); AVX-512 needs them
// clamped.
#define EXP3_VECS(op) op(V0, V1, V2, V3); op(V4, V5, V6, V7); op(V8, V9, V10, V11)
#define EXP4_VECS(op) EXP3_VECS(op); op(V12, V13, V14, V15)
#define EXP_PHASES3 EXP_PS(EXP3_VECS); EXP3_VECS(EXP_SCALE_NORMAL_V)
#define EXP_PHASES4 EXP_PS(EXP4_VECS); EXP4_VECS(EXP_SCALE_NORMAL_V)
