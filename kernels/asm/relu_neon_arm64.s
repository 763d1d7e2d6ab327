//go:build !purego

#include "textflag.h"
#include "neon_arm64.h"

// ReLU-family kernels for NEON (arm64 ASIMD). Main loops take 16 floats
// (four 128-bit registers) per trip, then 4 at a time; len(x) is a multiple
// of 4, so there is no scalar tail (the Go caller finishes the last 0..3).
//
// Go's assembler has no vector FMAX or FCMGT, so they are WORDs built by
// neon_arm64.h's macros from register numbers (0–31, matching the
// #defines below: V0 = ZERO, x in V1..V4, dy in V5..V8); the AND is one
// too, since the per-vector ops work from numbers.

#define DST R0
#define X_PTR R1
#define DY_PTR R2
#define N R3

#define ZERO V0

// RELU_V(i): x's vector i (V1+i) = max(it, +0) (ZERO, V0).
#define RELU_V(i) FMAX_S4(1+(i), 1+(i), 0)

// RELU_GRAD(each, bytes, x, dy): x = the next vectors of X_PTR (V1…), dy
// those of DY_PTR (V5…); each vector of x becomes the mask x > 0 ANDed
// with dy's, stored to DST.
#define RELU_GRAD(each, bytes, x, dy) \
	VLD1.P bytes(X_PTR), x \
	VLD1.P bytes(DY_PTR), dy \
	each(GT0_V) \
	each(AND_DY_V) \
	VST1.P x, bytes(DST)
#define GT0_V(i) FCMGT0_S4(1+(i), 1+(i))
#define AND_DY_V(i) AND_B16(1+(i), 1+(i), 5+(i))

// func ReLUNEON(dst, x []float32)
//
//	for i, v := range x {
//		switch {
//		case v > 0:  dst[i] = v
//		case v != v: dst[i] = v + 0
//		default:     dst[i] = 0
//		}
//	}
//
// FMAX(x, +0) is exactly that: a NaN operand gives that NaN, quieted with
// its payload kept (as v + 0 does), and FMAX(-0, +0) = +0. (FMAXNM would
// drop the NaN; don't use it.) len(x) is a multiple of 4. Requires ASIMD.
TEXT ·ReLUNEON(SB), NOSPLIT, $0-48
	MOVD dst_base+0(FP), DST
	MOVD x_base+24(FP), X_PTR
	MOVD x_len+32(FP), N
	VEOR ZERO.B16, ZERO.B16, ZERO.B16

	N_LOOP(reluLoop16, reluLoop4, 16, MAP(EACH4, 64, RELU_V, V1_V4, V1_V4))
	N_LOOP(reluLoop4, reluDone, 4, MAP(EACH1, 16, RELU_V, [V1.S4], [V1.S4]))

reluDone:
	RET

// func ReLUGradNEON(dst, dy, x []float32)
//
//	for i, v := range x {
//		if v > 0 { dst[i] = dy[i] } else { dst[i] = 0 }
//	}
//
// FCMGT against #0.0 gives all-ones lanes where x > 0 (ordered, so a NaN x
// gives zero), and the AND selects dy's bits there and +0 elsewhere.
// len(x) is a multiple of 4. Requires ASIMD.
TEXT ·ReLUGradNEON(SB), NOSPLIT, $0-72
	MOVD dst_base+0(FP), DST
	MOVD dy_base+24(FP), DY_PTR
	MOVD x_base+48(FP), X_PTR
	MOVD x_len+56(FP), N

	N_LOOP(gradLoop16, gradLoop4, 16, RELU_GRAD(EACH4, 64, V1_V4, V5_V8))
	N_LOOP(gradLoop4, gradDone, 4, RELU_GRAD(EACH1, 16, [V1.S4], [V5.S4]))

gradDone:
	RET
