// NEON (arm64 ASIMD) building blocks for the exp-based kernels: exp32
// (activation_generic.go) on one vector of four floats, and SPLAT. The
// WORD encodings of the vector instructions Go's assembler lacks are in
// neon_arm64.h, included here.

#include "neon_arm64.h"

// SPLAT(d, bits): every lane of Vd = the float32 with these bits (through
// R9, which the kernels including this file leave for it).
#define SPLAT(d, bits) \
	MOVW $(bits), R9; \
	DUP_S4(d, 9)

// ---- exp32 ----
//
// The constants of exp32, one per register in every lane, set by
// EXP_CONSTS and left intact by EXP_S4. K_ONE's bits, 0x3f800000, are
// also 127<<23, the exponent bias added to 2^n's exponent field.
#define K_ONE 31
#define K_EXP_MAX 30
#define K_EXP_MIN 29
#define K_LOG2E 28
#define K_LN2_HI 27
#define K_LN2_LO 26
#define K_EP4 25
#define K_EP3 24
#define K_EP2 23
#define K_EP1 22
#define K_EP0 21

// EXP_CONSTS sets V21–V31 (clobbers R9).
#define EXP_CONSTS \
	SPLAT(K_ONE, 0x3f800000);     /* 1 */ \
	SPLAT(K_EXP_MAX, 0x42b1999a); /* expMax = 88.8 */ \
	SPLAT(K_EXP_MIN, 0xc2d00000); /* expMin = −104 */ \
	SPLAT(K_LOG2E, 0x3fb8aa3b);   /* log2e = 1.442695 */ \
	SPLAT(K_LN2_HI, 0x3f317200);  /* ln2Hi = 0.693145751953125 */ \
	SPLAT(K_LN2_LO, 0x35bfbe8e);  /* ln2Lo = 1.4286068e-06 */ \
	SPLAT(K_EP4, 0x3ab51224);     /* expPoly[4] = 0.00138146104 */ \
	SPLAT(K_EP3, 0x3c091cea);     /* expPoly[3] = 0.00836871006 */ \
	SPLAT(K_EP2, 0x3d2aac79);     /* expPoly[2] = 0.041668389 */ \
	SPLAT(K_EP1, 0x3e2aaa49);     /* expPoly[1] = 0.166665211 */ \
	SPLAT(K_EP0, 0x3efffffe)      /* expPoly[0] = 0.49999994 */

// EXP_S4(x, n, i, q, t): Vx = exp32(Vx), lane by lane, with exp32's steps
// and roundings (fused where exp32 calls fma32); Vn, Vi, Vq, Vt are
// scratch. The clamp's FMAX/FMIN propagate a NaN x, and the rest keeps it
// NaN. n = round-to-even(x·log2e) ∈ [−150, 128] comes out of FCVTNS as an
// int32 and goes back to float32 with SCVTF; 2^n is built in the integer
// lanes as two factors 2^n1·2^n2, n1 = n>>1, n2 = n − n1, each
// (k+127)<<23 = k<<23 + bits(1.0).
#define EXP_S4(x, n, i, q, t) \
	FMAX_S4(x, x, K_EXP_MIN);  /* x = max(x, expMin) */ \
	FMIN_S4(x, x, K_EXP_MAX);  /* x = min(x, expMax) */ \
	FMUL_S4(n, x, K_LOG2E);    /* n = x·log2e */ \
	FCVTNS_S4(i, n);           /* i = int32(RoundToEven(n)) */ \
	SCVTF_S4(n, i);            /* n = float32(i) */ \
	FMLS_S4(x, n, K_LN2_HI);   /* r = fma(−n, ln2Hi, x) */ \
	FMLS_S4(x, n, K_LN2_LO);   /* r = fma(−n, ln2Lo, r) */ \
	MOV_B16(q, K_EP3);         \
	FMLA_S4(q, K_EP4, x);      /* q = fma(p4, r, p3) */ \
	MOV_B16(t, K_EP2);         \
	FMLA_S4(t, q, x);          /* q = fma(q, r, p2) */ \
	MOV_B16(q, K_EP1);         \
	FMLA_S4(q, t, x);          /* q = fma(q, r, p1) */ \
	MOV_B16(t, K_EP0);         \
	FMLA_S4(t, q, x);          /* q = fma(q, r, p0) */ \
	FMUL_S4(n, x, x);          /* r·r */ \
	FMLA_S4(x, t, n);          /* p = fma(q, r·r, r) */ \
	FADD_S4(x, x, K_ONE);      /* p = p + 1 */ \
	SSHR_S4(q, i, 1);          /* n1 = n >> 1 */ \
	SUB_S4(i, i, q);           /* n2 = n − n1 */ \
	SHL_S4(q, q, 23);          \
	ADD_S4(q, q, K_ONE);       /* s1 = bits (n1+127)<<23 */ \
	SHL_S4(i, i, 23);          \
	ADD_S4(i, i, K_ONE);       /* s2 = bits (n2+127)<<23 */ \
	FMUL_S4(x, x, q);          /* p·s1 */ \
	FMUL_S4(x, x, i)           /* p·s1·s2 */
