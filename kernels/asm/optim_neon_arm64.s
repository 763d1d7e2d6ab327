//go:build !purego

#include "textflag.h"
#include "neon_arm64.h"

// Optimizer steps for NEON (arm64 ASIMD). Main loops take 16 weights (four
// 128-bit registers per array) per trip, then 4 at a time; len(w) is a
// multiple of 4, so there is no scalar tail (the Go caller finishes the
// last 0..3).
//
// Every operation is its own instruction and its own rounding, in the
// generic kernel's order: FMUL then FADD, never FMLA (a fused product
// would change the bits); FSQRT and FDIV are correctly rounded, as Go's
// float32(math.Sqrt(float64(v))) and float32 division are. The weight-decay
// and Nesterov choices are tested once, before the loop, and branched on
// in it.
//
// Go's assembler has no vector float arithmetic other than FMLA/FMLS, so
// the instructions below are WORDs built by neon_arm64.h's macros from
// register numbers (0–31, the Vn of the comments); `go tool objdump`
// decodes them back.

// MIN_NORMAL (V28) holds 2⁻¹²⁶, the smallest normal float32, in each lane;
// SET_MIN_NORMAL puts it there. Clobbers R8.
#define MIN_NORMAL 28
#define SET_MIN_NORMAL \
	MOVW $0x00800000, R8; \
	VDUP R8, V28.S4

// FLUSH(x, t): Vx = +0 in the lanes where |Vx| < 2⁻¹²⁶ (a subnormal or
// zero; NaN is kept), using Vt: the optimizers store their moments
// subnormal-free (see AdamStep in kernels/optim.go).
#define FLUSH(x, t) \
	FABS_S4(t, x); \
	FCMGT_S4(t, MIN_NORMAL, t); \
	BIC_B16(x, x, t)

#define W_PTR R0
#define G_PTR R1
#define M_PTR R2
#define V_PTR R3
#define VEL_PTR R7
#define N R4
#define DECAY R5
#define NESTEROV R6

// ---- Adam ----
//
// V0 beta1          V4 stepSize     V8–V11   w      V20–V23  v
// V1 beta2          V5 bc2Sqrt      V12–V15  g      V24–V27  temporaries
// V2 oneMinusBeta1  V6 eps          V16–V19  m
// V3 oneMinusBeta2  V7 weightDecay                  V28      MIN_NORMAL
//
// The step is split into stages, each applied to the four vectors of a
// trip in turn, so four independent chains are in flight. Arguments are
// register numbers of one vector's w, g, m, v and temporary t.

// ADAM_DECAY: g += weightDecay·w.
#define ADAM_DECAY(w, g, t) \
	FMUL_S4(t, 7, w); \
	FADD_S4(g, g, t)

// ADAM_M: m = flush(beta1·m + oneMinusBeta1·g).
#define ADAM_M(g, m, t) \
	FMUL_S4(m, 0, m); \
	FMUL_S4(t, 2, g); \
	FADD_S4(m, m, t); \
	FLUSH(m, t)

// ADAM_V: v = flush(beta2·v + oneMinusBeta2·(g·g)).
#define ADAM_V(g, v, t) \
	FMUL_S4(v, 1, v); \
	FMUL_S4(t, g, g); \
	FMUL_S4(t, 3, t); \
	FADD_S4(v, v, t); \
	FLUSH(v, t)

// ADAM_DENOM: t = sqrt(v)/bc2Sqrt + eps.
#define ADAM_DENOM(v, t) \
	FSQRT_S4(t, v); \
	FDIV_S4(t, t, 5); \
	FADD_S4(t, t, 6)

// ADAM_W: w −= stepSize·(m/t).
#define ADAM_W(w, m, t) \
	FDIV_S4(t, m, t); \
	FMUL_S4(t, 4, t); \
	FSUB_S4(w, w, t)

// The stages on vector i of a trip, and a trip: w, g, m, v = the next
// vectors of each array, the stages in turn (the decay skipped to the
// label mv when DECAY is 0), and w, m, v stored back; the pointers move
// on.
#define ADAM_DECAY_V(i) ADAM_DECAY(8+(i), 12+(i), 24+(i))
#define ADAM_M_V(i) ADAM_M(12+(i), 16+(i), 24+(i))
#define ADAM_V_V(i) ADAM_V(12+(i), 20+(i), 24+(i))
#define ADAM_DENOM_V(i) ADAM_DENOM(20+(i), 24+(i))
#define ADAM_W_V(i) ADAM_W(8+(i), 16+(i), 24+(i))

#define ADAM_TRIP(each, bytes, w, g, m, v, mv) \
	VLD1   (W_PTR), w \
	VLD1.P bytes(G_PTR), g \
	VLD1   (M_PTR), m \
	VLD1   (V_PTR), v \
	CBZ    DECAY, mv \
	each(ADAM_DECAY_V) \
mv: \
	each(ADAM_M_V) \
	each(ADAM_V_V) \
	each(ADAM_DENOM_V) \
	each(ADAM_W_V) \
	VST1.P w, bytes(W_PTR) \
	VST1.P m, bytes(M_PTR) \
	VST1.P v, bytes(V_PTR)

// func AdamStepNEON(w, g, m, v []float32, beta1, beta2, oneMinusBeta1, oneMinusBeta2, stepSize, bc2Sqrt, eps, weightDecay float32)
//
//	for i := range w {
//		gi := g[i]
//		if weightDecay != 0 { gi += float32(weightDecay * w[i]) }
//		mi := flushSubnormal(float32(beta1*m[i]) + float32(oneMinusBeta1*gi))
//		vi := flushSubnormal(float32(beta2*v[i]) + float32(oneMinusBeta2*float32(gi*gi)))
//		denom := float32(sqrt(vi)/bc2Sqrt) + eps
//		w[i] -= float32(stepSize * float32(mi/denom))
//		m[i], v[i] = mi, vi
//	}
//
// weightDecay != 0 is FCMP + CSET NE (±0 skip the decay; NaN, unordered,
// applies it, as Go's != does). len(w) is a multiple of 4. Requires ASIMD.
TEXT ·AdamStepNEON(SB), NOSPLIT, $0-128
	MOVD  w_base+0(FP), W_PTR
	MOVD  w_len+8(FP), N
	MOVD  g_base+24(FP), G_PTR
	MOVD  m_base+48(FP), M_PTR
	MOVD  v_base+72(FP), V_PTR
	FMOVS beta1+96(FP), F0
	FMOVS beta2+100(FP), F1
	FMOVS oneMinusBeta1+104(FP), F2
	FMOVS oneMinusBeta2+108(FP), F3
	FMOVS stepSize+112(FP), F4
	FMOVS bc2Sqrt+116(FP), F5
	FMOVS eps+120(FP), F6
	FMOVS weightDecay+124(FP), F7
	FCMPS $(0.0), F7
	CSET  NE, DECAY
	VDUP  V0.S[0], V0.S4
	VDUP  V1.S[0], V1.S4
	VDUP  V2.S[0], V2.S4
	VDUP  V3.S[0], V3.S4
	VDUP  V4.S[0], V4.S4
	VDUP  V5.S[0], V5.S4
	VDUP  V6.S[0], V6.S4
	VDUP  V7.S[0], V7.S4
	SET_MIN_NORMAL

	N_LOOP(adamLoop16, adamLoop4, 16, ADAM_TRIP(EACH4, 64, V8_V11, V12_V15, V16_V19, V20_V23, adamMV16))
	N_LOOP(adamLoop4, adamDone, 4, ADAM_TRIP(EACH1, 16, [V8.S4], [V12.S4], [V16.S4], [V20.S4], adamMV4))

adamDone:
	RET

// ---- SGD ----
//
// V0 lr            V8–V11   w      V20–V23  temporaries
// V1 weightDecay   V12–V15  g
// V2 momentum      V16–V19  velocity

// SGD_DECAY: g += weightDecay·w.
#define SGD_DECAY(w, g, t) \
	FMUL_S4(t, 1, w); \
	FADD_S4(g, g, t)

// SGD_VEL: vel = flush(momentum·vel + g), using t.
#define SGD_VEL(g, vel, t) \
	FMUL_S4(vel, 2, vel); \
	FADD_S4(vel, vel, g); \
	FLUSH(vel, t)

// SGD_NESTEROV: g = g + momentum·vel (the update, in g's register).
#define SGD_NESTEROV(g, vel, t) \
	FMUL_S4(t, 2, vel); \
	FADD_S4(g, g, t)

// SGD_W: w −= lr·upd.
#define SGD_W(w, upd, t) \
	FMUL_S4(t, 0, upd); \
	FSUB_S4(w, w, t)

// The stages on vector i of a trip (the update from g or from vel).
#define SGD_DECAY_V(i) SGD_DECAY(8+(i), 12+(i), 20+(i))
#define SGD_VEL_V(i) SGD_VEL(12+(i), 16+(i), 20+(i))
#define SGD_NESTEROV_V(i) SGD_NESTEROV(12+(i), 16+(i), 20+(i))
#define SGD_W_G_V(i) SGD_W(8+(i), 12+(i), 20+(i))
#define SGD_W_VEL_V(i) SGD_W(8+(i), 16+(i), 20+(i))

// SGD_TRIP(each, bytes, w, g, wl): w, g = the next vectors of each array,
// the decay (skipped to the label wl when DECAY is 0), w −= lr·g, w stored
// back; the pointers move on.
#define SGD_TRIP(each, bytes, w, g, wl) \
	VLD1   (W_PTR), w \
	VLD1.P bytes(G_PTR), g \
	CBZ    DECAY, wl \
	each(SGD_DECAY_V) \
wl: \
	each(SGD_W_G_V) \
	VST1.P w, bytes(W_PTR)

// MOM_TRIP(each, bytes, w, g, vel, vl, pl, sl): the same with momentum:
// vel updated and stored back, then w −= lr·upd, upd = g + momentum·vel
// with NESTEROV, else vel (from the label pl); labels vl after the decay,
// sl at w's store.
#define MOM_TRIP(each, bytes, w, g, vel, vl, pl, sl) \
	VLD1   (W_PTR), w \
	VLD1.P bytes(G_PTR), g \
	VLD1   (VEL_PTR), vel \
	CBZ    DECAY, vl \
	each(SGD_DECAY_V) \
vl: \
	each(SGD_VEL_V) \
	VST1.P vel, bytes(VEL_PTR) \
	CBZ    NESTEROV, pl \
	each(SGD_NESTEROV_V) \
	each(SGD_W_G_V) \
	B      sl \
pl: \
	each(SGD_W_VEL_V) \
sl: \
	VST1.P w, bytes(W_PTR)

// func SGDStepNEON(w, g, vel []float32, lr, momentum, weightDecay float32, nesterov bool)
//
//	for i := range w {
//		gi := g[i]
//		if weightDecay != 0 { gi += float32(weightDecay * w[i]) }
//		upd := gi
//		if momentum != 0 {
//			vi := flushSubnormal(float32(momentum*vel[i]) + gi)
//			vel[i] = vi
//			upd = vi
//			if nesterov { upd = gi + float32(momentum*vi) }
//		}
//		w[i] -= float32(lr * upd)
//	}
//
// momentum != 0 and weightDecay != 0 are tested once, with FCMP (±0 count
// as zero; NaN, unordered, as non-zero, as Go's != does): without momentum
// the sgd loops run and vel is not touched (it may be nil), with it the
// mom loops. len(w) is a multiple of 4. Requires ASIMD.
TEXT ·SGDStepNEON(SB), NOSPLIT, $0-85
	MOVD  w_base+0(FP), W_PTR
	MOVD  w_len+8(FP), N
	MOVD  g_base+24(FP), G_PTR
	FMOVS lr+72(FP), F0
	FMOVS momentum+76(FP), F2
	FMOVS weightDecay+80(FP), F1
	FCMPS $(0.0), F1
	CSET  NE, DECAY
	VDUP  V0.S[0], V0.S4
	VDUP  V1.S[0], V1.S4
	FCMPS $(0.0), F2
	BNE   sgdMomentum
	// Fall through: plain SGD.

	N_LOOP(sgdLoop16, sgdLoop4, 16, SGD_TRIP(EACH4, 64, V8_V11, V12_V15, sgdW16))
	N_LOOP(sgdLoop4, sgdDone, 4, SGD_TRIP(EACH1, 16, [V8.S4], [V12.S4], sgdW4))

sgdDone:
	RET

// SGD with momentum (from SGDStepNEON, with w, g, lr, weightDecay and
// DECAY already loaded).
sgdMomentum:
	MOVD  vel_base+48(FP), VEL_PTR
	MOVBU nesterov+84(FP), NESTEROV
	VDUP  V2.S[0], V2.S4
	SET_MIN_NORMAL

	N_LOOP(momLoop16, momLoop4, 16, MOM_TRIP(EACH4, 64, V8_V11, V12_V15, V16_V19, momVel16, momPlain16, momStore16))
	N_LOOP(momLoop4, momDone, 4, MOM_TRIP(EACH1, 16, [V8.S4], [V12.S4], [V16.S4], momVel4, momPlain4, momStore4))

momDone:
	RET
