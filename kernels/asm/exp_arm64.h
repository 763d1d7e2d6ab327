// NEON (arm64 ASIMD) building blocks for the exp-based kernels: WORD
// encodings of the vector instructions Go's assembler lacks, and exp32
// (activation_generic.go) on one vector of four floats.
//
// Go's assembler has no vector float arithmetic except FMLA/FMLS, and only
// accepts the integer and bitwise vector instructions with named registers
// (V0…V31), which macros taking register numbers cannot build. So every
// vector instruction below is a WORD made from register numbers 0–31 (the
// Vn of the comments); `go tool objdump` decodes them back. Arrangement
// .4S (four float32 or int32 lanes) unless the name says otherwise.

// ---- float arithmetic, Vd = Vn op Vm, each rounded once ----
#define FADD_S4(d, n, m) WORD $(0x4E20D400 | (m)<<16 | (n)<<5 | (d))
#define FSUB_S4(d, n, m) WORD $(0x4EA0D400 | (m)<<16 | (n)<<5 | (d))
#define FMUL_S4(d, n, m) WORD $(0x6E20DC00 | (m)<<16 | (n)<<5 | (d))
#define FDIV_S4(d, n, m) WORD $(0x6E20FC00 | (m)<<16 | (n)<<5 | (d))

// FMAX/FMIN return NaN if either operand is NaN (FMAXNM/FMINNM would
// return the number instead).
#define FMAX_S4(d, n, m) WORD $(0x4E20F400 | (m)<<16 | (n)<<5 | (d))
#define FMIN_S4(d, n, m) WORD $(0x4EA0F400 | (m)<<16 | (n)<<5 | (d))

// FMLA_S4: Vd += Vn·Vm, FMLS_S4: Vd −= Vn·Vm, both fused (one rounding).
#define FMLA_S4(d, n, m) WORD $(0x4E20CC00 | (m)<<16 | (n)<<5 | (d))
#define FMLS_S4(d, n, m) WORD $(0x4EA0CC00 | (m)<<16 | (n)<<5 | (d))

// FABS_S4, FNEG_S4: Vd = |Vn|, −Vn (sign bit only; NaNs pass unchanged).
#define FABS_S4(d, n) WORD $(0x4EA0F800 | (n)<<5 | (d))
#define FNEG_S4(d, n) WORD $(0x6EA0F800 | (n)<<5 | (d))

// FCVTNS_S4: Vd = int32(Vn) rounded to nearest, ties to even.
// SCVTF_S4: Vd = float32(int32 Vn).
#define FCVTNS_S4(d, n) WORD $(0x4E21A800 | (n)<<5 | (d))
#define SCVTF_S4(d, n) WORD $(0x4E21D800 | (n)<<5 | (d))

// Comparisons: all-ones lanes where true, zero where false (and wherever
// an operand is NaN). FCMGT_S4: Vn > Vm; FCMGT0_S4: Vn > 0;
// FCMLT0_S4: Vn < 0.
#define FCMGT_S4(d, n, m) WORD $(0x6EA0E400 | (m)<<16 | (n)<<5 | (d))
#define FCMGT0_S4(d, n) WORD $(0x4EA0C800 | (n)<<5 | (d))
#define FCMLT0_S4(d, n) WORD $(0x4EA0E800 | (n)<<5 | (d))

// ---- integer and bitwise ----
// ADD_S4, SUB_S4: int32 lanes. SSHR_S4: arithmetic shift right by sh
// (1…32); SHL_S4: shift left by sh (0…31).
#define ADD_S4(d, n, m) WORD $(0x4EA08400 | (m)<<16 | (n)<<5 | (d))
#define SUB_S4(d, n, m) WORD $(0x6EA08400 | (m)<<16 | (n)<<5 | (d))
#define SSHR_S4(d, n, sh) WORD $(0x4F000400 | (64-(sh))<<16 | (n)<<5 | (d))
#define SHL_S4(d, n, sh) WORD $(0x4F005400 | (32+(sh))<<16 | (n)<<5 | (d))

// AND_B16, ORR_B16: bitwise. MOV_B16: Vd = Vn (ORR Vd, Vn, Vn).
// BSL_B16: Vd = Vd ? Vn : Vm bit by bit (Vd is the mask going in).
#define AND_B16(d, n, m) WORD $(0x4E201C00 | (m)<<16 | (n)<<5 | (d))
#define ORR_B16(d, n, m) WORD $(0x4EA01C00 | (m)<<16 | (n)<<5 | (d))
#define MOV_B16(d, n) ORR_B16(d, n, n)
#define BSL_B16(d, n, m) WORD $(0x6E601C00 | (m)<<16 | (n)<<5 | (d))

// DUP_S4(d, r): every lane of Vd = the low 32 bits of Rr.
#define DUP_S4(d, r) WORD $(0x4E040C00 | (r)<<5 | (d))

// ---- float64 ----
// FCVTL_D2: Vd.2D = float64 of Vn's lanes 0, 1; FCVTL2_D2: of lanes 2, 3.
// FADD_D2: Vd.2D = Vn.2D + Vm.2D. FADDP_D: Dd = Vn.D[0] + Vn.D[1].
#define FCVTL_D2(d, n) WORD $(0x0E617800 | (n)<<5 | (d))
#define FCVTL2_D2(d, n) WORD $(0x4E617800 | (n)<<5 | (d))
#define FADD_D2(d, n, m) WORD $(0x4E60D400 | (m)<<16 | (n)<<5 | (d))
#define FADDP_D(d, n) WORD $(0x7E70D800 | (n)<<5 | (d))

// FADDP_S4: pairwise add, Vd = {n0+n1, n2+n3, m0+m1, m2+m3}.
#define FADDP_S4(d, n, m) WORD $(0x6E20D400 | (m)<<16 | (n)<<5 | (d))

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
