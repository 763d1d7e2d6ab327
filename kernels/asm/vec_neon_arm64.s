//go:build !purego

#include "textflag.h"
#include "neon_arm64.h"

// Vector-family kernels for NEON (arm64 ASIMD). Main loops take 16 floats
// (four 128-bit registers) per trip, then 4 at a time; len(x) is a multiple
// of 4, so there is no scalar tail (the Go caller finishes the last 0..3).
//
// Go's assembler has no vector float arithmetic other than FMLA/FMLS, so
// FMUL, FADD and FADDP are WORDs built by neon_arm64.h's macros from
// register numbers (0–31, the Vn of the comments, matching the #defines
// below: V0 = ALPHA or the first accumulator, and so on); the FMLA is one
// too, since the per-vector ops work from numbers.

#define X_PTR R0
#define Y_PTR R1
#define N R2
#define DST R3

#define ALPHA V0

// MUL_ALPHA_V(i): V1+i ×= alpha (V0), rounded.
#define MUL_ALPHA_V(i) FMUL_S4(1+(i), 1+(i), 0)

// AXPY(each, bytes, x, y): y += alpha·x on the next vectors, x from X_PTR
// (V1…), y in place at Y_PTR (V5…): all products, then all sums.
#define AXPY(each, bytes, x, y) \
	VLD1.P bytes(X_PTR), x \
	VLD1   (Y_PTR), y \
	each(MUL_ALPHA_V) \
	each(AXPY_ADD_V) \
	VST1.P x, bytes(Y_PTR)
#define AXPY_ADD_V(i) FADD_S4(1+(i), 1+(i), 5+(i))

// DOT_V(i): the partial sums V(i) += x's V4+i × y's V8+i, fused.
#define DOT_V(i) FMLA_S4(i, 4+(i), 8+(i))

// func AxpyNEON(alpha float32, x, y []float32)
//
//	for i := range x { y[i] += float32(alpha * x[i]) }
//
// Multiply and add are separate instructions (FMUL then FADD, not FMLA),
// matching the generic kernel bit for bit. len(x) is a multiple of 4.
// Requires ASIMD.
TEXT ·AxpyNEON(SB), NOSPLIT, $0-56
	FMOVS alpha+0(FP), F0
	VDUP  ALPHA.S[0], ALPHA.S4
	MOVD  x_base+8(FP), X_PTR
	MOVD  x_len+16(FP), N
	MOVD  y_base+32(FP), Y_PTR

	N_LOOP(axpyLoop16, axpyLoop4, 16, AXPY(EACH4, 64, V1_V4, V5_V8))
	N_LOOP(axpyLoop4, axpyDone, 4, AXPY(EACH1, 16, [V1.S4], [V5.S4]))

axpyDone:
	RET

// func DotNEON(x, y []float32) float32
//
//	var s float32
//	for i := range x { s += x[i] * y[i] }
//	return s
//
// Four 4-lane partial sums with FMLA (fused), added together at the end, so
// the rounding differs from the sequential loop (within the documented
// bound). len(x) is a multiple of 4. Requires ASIMD.
TEXT ·DotNEON(SB), NOSPLIT, $0-52
	MOVD x_base+0(FP), X_PTR
	MOVD x_len+8(FP), N
	MOVD y_base+24(FP), Y_PTR
	VZERO(V0); VZERO(V1); VZERO(V2); VZERO(V3)

	N_LOOP(dotLoop16, dotLoop4, 16, FOLD2(EACH4, 64, X_PTR, V4_V7, Y_PTR, V8_V11, DOT_V))
	N_LOOP(dotLoop4, dotReduce, 4, FOLD2(EACH1, 16, X_PTR, [V4.S4], Y_PTR, [V8.S4], DOT_V))

dotReduce:
	TREE4(FADD_S4, 0, 1, 2, 3)
	SUM_LANES_S4(0)
	FMOVS F0, ret+48(FP)
	RET

// func ScaleNEON(alpha float32, x []float32)
//
//	for i := range x { x[i] *= alpha }
//
// len(x) is a multiple of 4. Requires ASIMD.
TEXT ·ScaleNEON(SB), NOSPLIT, $0-32
	FMOVS alpha+0(FP), F0
	VDUP  ALPHA.S[0], ALPHA.S4
	MOVD  x_base+8(FP), X_PTR
	MOVD  x_len+16(FP), N
	MOVD  X_PTR, DST

	N_LOOP(scaleLoop16, scaleLoop4, 16, MAP(EACH4, 64, MUL_ALPHA_V, V1_V4, V1_V4))
	N_LOOP(scaleLoop4, scaleDone, 4, MAP(EACH1, 16, MUL_ALPHA_V, [V1.S4], [V1.S4]))

scaleDone:
	RET
