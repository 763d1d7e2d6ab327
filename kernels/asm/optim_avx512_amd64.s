//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"
#include "zmm_amd64.h"
#include "loop_amd64.h"
#include "optim_amd64.h"

// Optimizer steps for AVX-512 (F): the AVX2 kernels of optim_avx2_amd64.s
// step for step, with zmm registers and four vectors (64 floats) per
// main-loop trip for both kernels, then 16 at a time; the last 1..15 use an
// opmask: zero-masked loads and masked stores neither read nor write the
// masked-off lanes (and do not fault beside an unmapped page). Every
// operation is its own instruction in the order of the generic Go loop
// (never an FMA); VSQRTPS and VDIVPS are correctly rounded.

#define W_PTR DI
#define G_PTR SI
#define M_PTR DX
#define V_PTR BX
#define VEL_PTR DX
#define N CX
#define TAIL_TMP AX

// Flags, tested once per loop trip: weightDecay's and momentum's bits
// shifted left by one (dropping the sign, so -0 counts as 0) are nonzero
// iff the scalar is, and NESTEROV is the bool.
#define WD_ON R9
#define MOM_ON R10
#define NESTEROV R11

#define B1 Z16
#define B2 Z17
#define OMB1 Z18
#define OMB2 Z19
#define STEP Z20
#define BC2 Z21
#define EPS Z22
#define WD Z23

// PREFETCH_AHEAD asks for the cache line PF_DIST+off bytes ahead in each of
// the four streams, as in optim_avx2_amd64.s.
#define PF_DIST 2048
#define PREFETCH_AHEAD(off) \
	PREFETCHT0 PF_DIST+off(W_PTR) \
	PREFETCHT0 PF_DIST+off(G_PTR) \
	PREFETCHT0 PF_DIST+off(M_PTR) \
	PREFETCHT0 PF_DIST+off(V_PTR)

// FLUSH sets x to +0 where |x| < 2⁻¹²⁶ (a subnormal or zero; NaN is
// kept), using t and K2: the optimizers store their moments
// subnormal-free (see AdamStep in kernels/optim.go). Predicate 0x15 is
// NLT_UQ (not less than, or unordered): K2 marks the lanes to keep.
#define FLUSH(x, t) \
	VPANDD    ABS_MASK, x, t \
	VCMPPS    $0x15, MIN_NORMAL, t, K2 \
	VMOVAPS.Z x, K2, x

#define ABS_MASK Z26
#define MIN_NORMAL Z27

// FLUSH_CONSTANTS sets ABS_MASK (clears a float's sign) and MIN_NORMAL
// (2⁻¹²⁶, the smallest normal float32), using AX.
#define FLUSH_CONSTANTS \
	MOVL         $0x7fffffff, AX \
	VPBROADCASTD AX, ABS_MASK \
	MOVL         $0x00800000, AX \
	VPBROADCASTD AX, MIN_NORMAL

// func AdamStepAVX512(w, g, m, v []float32, beta1, beta2, oneMinusBeta1, oneMinusBeta2, stepSize, bc2Sqrt, eps, weightDecay float32)
//
//	for i := range w {
//		gi := g[i]
//		if weightDecay != 0 {
//			gi += float32(weightDecay * w[i])
//		}
//		mi := flushSubnormal(float32(beta1*m[i]) + float32(oneMinusBeta1*gi))
//		vi := flushSubnormal(float32(beta2*v[i]) + float32(oneMinusBeta2*float32(gi*gi)))
//		denom := float32(float32(math.Sqrt(float64(vi)))/bc2Sqrt) + eps
//		w[i] -= float32(stepSize * float32(mi/denom))
//		m[i], v[i] = mi, vi
//	}
//
// Vector k of a trip uses Z(4k)..Z(4k+3); the scalars live in Z16..Z23,
// the flush constants in Z26 and Z27.
// Requires AVX512F.
TEXT ·AdamStepAVX512(SB), NOSPLIT, $0-128
	MOVQ         w_base+0(FP), W_PTR
	MOVQ         w_len+8(FP), N
	MOVQ         g_base+24(FP), G_PTR
	MOVQ         m_base+48(FP), M_PTR
	MOVQ         v_base+72(FP), V_PTR
	VBROADCASTSS beta1+96(FP), B1
	VBROADCASTSS beta2+100(FP), B2
	VBROADCASTSS oneMinusBeta1+104(FP), OMB1
	VBROADCASTSS oneMinusBeta2+108(FP), OMB2
	VBROADCASTSS stepSize+112(FP), STEP
	VBROADCASTSS bc2Sqrt+116(FP), BC2
	VBROADCASTSS eps+120(FP), EPS
	VBROADCASTSS weightDecay+124(FP), WD
	MOVL         weightDecay+124(FP), WD_ON
	SHLL         $1, WD_ON
	FLUSH_CONSTANTS

	N_LOOP(adamLoop64, adamLoop16, 4)
	LOAD4(G_PTR, Z0, Z4, Z8, Z12)
	TESTL   WD_ON, WD_ON
	JZ      adamBody64
	DECAY((W_PTR), Z0, Z3)
	DECAY(64(W_PTR), Z4, Z7)
	DECAY(128(W_PTR), Z8, Z11)
	DECAY(192(W_PTR), Z12, Z15)

adamBody64:
	PREFETCH_AHEAD(0)
	PREFETCH_AHEAD(64)
	PREFETCH_AHEAD(128)
	PREFETCH_AHEAD(192)
	ADAM((W_PTR), (M_PTR), (V_PTR), Z0, Z1, Z2, Z3)
	ADAM(64(W_PTR), 64(M_PTR), 64(V_PTR), Z4, Z5, Z6, Z7)
	ADAM(128(W_PTR), 128(M_PTR), 128(V_PTR), Z8, Z9, Z10, Z11)
	ADAM(192(W_PTR), 192(M_PTR), 192(V_PTR), Z12, Z13, Z14, Z15)
	STORE4(Z0, Z4, Z8, Z12, W_PTR)
	STORE4(Z1, Z5, Z9, Z13, M_PTR)
	STORE4(Z2, Z6, Z10, Z14, V_PTR)
	N_NEXT4(adamLoop64, 4, W_PTR, G_PTR, M_PTR, V_PTR)

	ADAM_LOOP1(adamLoop16, adamBody16, adamTail)
	ADAM_TAIL(adamTail, adamDone, adamBodyTail)
	VRET(adamDone)

#define LR Z24
#define MOM Z25

// func SGDStepAVX512(w, g, vel []float32, lr, momentum, weightDecay float32, nesterov bool)
//
//	for i := range w {
//		gi := g[i]
//		if weightDecay != 0 {
//			gi += float32(weightDecay * w[i])
//		}
//		upd := gi
//		if momentum != 0 {
//			vi := flushSubnormal(float32(momentum*vel[i]) + gi)
//			vel[i] = vi
//			upd = vi
//			if nesterov {
//				upd = gi + float32(momentum*vi)
//			}
//		}
//		w[i] -= float32(lr * upd)
//	}
//
// Four vectors per trip, each in three registers: the gradient (then the
// update), the velocity, and a temporary (then the new w); the scalars
// live in Z23..Z25, the flush constants in Z26 and Z27. vel is neither
// read nor written if momentum == 0.
// Requires AVX512F.
TEXT ·SGDStepAVX512(SB), NOSPLIT, $0-85
	MOVQ         w_base+0(FP), W_PTR
	MOVQ         w_len+8(FP), N
	MOVQ         g_base+24(FP), G_PTR
	MOVQ         vel_base+48(FP), VEL_PTR
	VBROADCASTSS lr+72(FP), LR
	VBROADCASTSS momentum+76(FP), MOM
	VBROADCASTSS weightDecay+80(FP), WD
	MOVL         momentum+76(FP), MOM_ON
	SHLL         $1, MOM_ON
	MOVL         weightDecay+80(FP), WD_ON
	SHLL         $1, WD_ON
	MOVBLZX      nesterov+84(FP), NESTEROV
	FLUSH_CONSTANTS

	SGD_LOOP4(sgdLoop64, sgdLoop16, sgdMomentum64, sgdHeavyBall64, sgdUpdate64)
	SGD_LOOP1(sgdLoop16, sgdTail, sgdMomentum16, sgdHeavyBall16, sgdUpdate16)
	SGD_TAIL(sgdTail, sgdDone, sgdMomentumTail, sgdHeavyBallTail, sgdUpdateTail)
	VRET(sgdDone)
