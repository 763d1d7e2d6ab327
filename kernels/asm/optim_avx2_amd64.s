//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"
#include "ymm_amd64.h"
#include "loop_amd64.h"
#include "optim_amd64.h"

// Optimizer steps for AVX2. Every operation is its own instruction, in the
// order of the generic Go loop (a product, then a sum: never an FMA), so
// each is rounded as the Go code rounds it. VSQRTPS and VDIVPS are
// correctly rounded, as Go's float32(math.Sqrt(float64(v))) and float32
// division are. Main loops take 16 (Adam, which has registers for two
// vectors beside its eight scalars, and prefetches 2 KiB ahead) or 32
// (SGD) floats per trip, then 8 at a time; the last 1..7 use VMASKMOVPS,
// which neither reads nor writes the masked-off lanes.

#define W_PTR DI
#define G_PTR SI
#define M_PTR DX
#define V_PTR BX
#define VEL_PTR DX
#define N CX
#define TAIL_TMP AX
#define MASK Y7 // AdamStep's tail mask (SGDStep's: Y12)
// Flags, tested once per loop trip: weightDecay's and momentum's bits
// shifted left by one (dropping the sign, so -0 counts as 0) are nonzero
// iff the scalar is, and NESTEROV is the bool.
#define WD_ON R9
#define MOM_ON R10
#define NESTEROV R11

#define B1 Y8
#define B2 Y9
#define OMB1 Y10
#define OMB2 Y11
#define STEP Y12
#define BC2 Y13
#define EPS Y14
#define WD Y15

// PREFETCH_AHEAD asks for the cache line PF_DIST+off bytes ahead in each of
// the four streams. At large n the divider-bound loop otherwise falls
// behind the memory system (the hardware prefetcher alone kept it ~10 %
// below copy bandwidth in a quick, noisy measurement on Zen 3); prefetches
// past the end of a slice are harmless (they never fault).
#define PF_DIST 2048
#define PREFETCH_AHEAD(off) \
	PREFETCHT0 PF_DIST+off(W_PTR) \
	PREFETCHT0 PF_DIST+off(G_PTR) \
	PREFETCHT0 PF_DIST+off(M_PTR) \
	PREFETCHT0 PF_DIST+off(V_PTR)

// FLUSH sets x to +0 where |x| < 2⁻¹²⁶ (a subnormal or zero; NaN is
// kept), using t: the optimizers store their moments subnormal-free (see
// AdamStep in kernels/optim.go). The constants come from memory: every
// register is taken.
#define FLUSH(x, t) \
	VANDPS optAbsMask<>(SB), x, t \
	VCMPPS $0x15, optMinNormal<>(SB), t, t \
	VANDPS t, x, x

// optAbsMask clears a float's sign; optMinNormal is 2⁻¹²⁶, the smallest
// normal float32 (predicate 0x15 is NLT_UQ: not less than, or unordered).
DATA optAbsMask<>+0(SB)/8, $0x7fffffff7fffffff
DATA optAbsMask<>+8(SB)/8, $0x7fffffff7fffffff
DATA optAbsMask<>+16(SB)/8, $0x7fffffff7fffffff
DATA optAbsMask<>+24(SB)/8, $0x7fffffff7fffffff
GLOBL optAbsMask<>(SB), RODATA|NOPTR, $32
DATA optMinNormal<>+0(SB)/8, $0x0080000000800000
DATA optMinNormal<>+8(SB)/8, $0x0080000000800000
DATA optMinNormal<>+16(SB)/8, $0x0080000000800000
DATA optMinNormal<>+24(SB)/8, $0x0080000000800000
GLOBL optMinNormal<>(SB), RODATA|NOPTR, $32

// func AdamStepAVX2(w, g, m, v []float32, beta1, beta2, oneMinusBeta1, oneMinusBeta2, stepSize, bc2Sqrt, eps, weightDecay float32)
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
// Requires AVX2.
TEXT ·AdamStepAVX2(SB), NOSPLIT, $0-128
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

	N_LOOP(adamLoop16, adamLoop8, 2)
	VMOVUPS (G_PTR), Y0
	VMOVUPS 32(G_PTR), Y4
	TESTL   WD_ON, WD_ON
	JZ      adamBody16
	DECAY((W_PTR), Y0, Y3)
	DECAY(32(W_PTR), Y4, Y7)

adamBody16:
	PREFETCH_AHEAD(0)
	ADAM((W_PTR), (M_PTR), (V_PTR), Y0, Y1, Y2, Y3)
	ADAM(32(W_PTR), 32(M_PTR), 32(V_PTR), Y4, Y5, Y6, Y7)
	VMOVUPS Y0, (W_PTR)
	VMOVUPS Y4, 32(W_PTR)
	VMOVUPS Y1, (M_PTR)
	VMOVUPS Y5, 32(M_PTR)
	VMOVUPS Y2, (V_PTR)
	VMOVUPS Y6, 32(V_PTR)
	N_NEXT4(adamLoop16, 2, W_PTR, G_PTR, M_PTR, V_PTR)

	ADAM_LOOP1(adamLoop8, adamBody8, adamTail)
	ADAM_TAIL(adamTail, adamDone, adamBodyTail)
	VRET(adamDone)

#undef MASK
#define MASK Y12
#define LR Y13
#define MOM Y14

// func SGDStepAVX2(w, g, vel []float32, lr, momentum, weightDecay float32, nesterov bool)
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
// update), the velocity, and a temporary (then the new w). vel is neither
// read nor written if momentum == 0. Requires AVX2.
TEXT ·SGDStepAVX2(SB), NOSPLIT, $0-85
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

	SGD_LOOP4(sgdLoop32, sgdLoop8, sgdMomentum32, sgdHeavyBall32, sgdUpdate32)
	SGD_LOOP1(sgdLoop8, sgdTail, sgdMomentum8, sgdHeavyBall8, sgdUpdate8)
	SGD_TAIL(sgdTail, sgdDone, sgdMomentumTail, sgdHeavyBallTail, sgdUpdateTail)
	VRET(sgdDone)
