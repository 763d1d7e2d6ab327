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
// below: V0 = ALPHA or the first accumulator, and so on).

#define X_PTR R0
#define Y_PTR R1
#define N R2
#define DST R3

#define ALPHA V0

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

axpyLoop16:
	CMP    $16, N
	BLT    axpyLoop4
	VLD1.P 64(X_PTR), [V1.S4, V2.S4, V3.S4, V4.S4]
	VLD1   (Y_PTR), [V5.S4, V6.S4, V7.S4, V8.S4]
	FMUL_S4(1, 1, 0)
	FMUL_S4(2, 2, 0)
	FMUL_S4(3, 3, 0)
	FMUL_S4(4, 4, 0)
	FADD_S4(1, 1, 5)
	FADD_S4(2, 2, 6)
	FADD_S4(3, 3, 7)
	FADD_S4(4, 4, 8)
	VST1.P [V1.S4, V2.S4, V3.S4, V4.S4], 64(Y_PTR)
	SUB    $16, N
	B      axpyLoop16

axpyLoop4:
	CMP    $4, N
	BLT    axpyDone
	VLD1.P 16(X_PTR), [V1.S4]
	VLD1   (Y_PTR), [V5.S4]
	FMUL_S4(1, 1, 0)
	FADD_S4(1, 1, 5)
	VST1.P [V1.S4], 16(Y_PTR)
	SUB    $4, N
	B      axpyLoop4

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
	VEOR V0.B16, V0.B16, V0.B16
	VEOR V1.B16, V1.B16, V1.B16
	VEOR V2.B16, V2.B16, V2.B16
	VEOR V3.B16, V3.B16, V3.B16

dotLoop16:
	CMP    $16, N
	BLT    dotLoop4
	VLD1.P 64(X_PTR), [V4.S4, V5.S4, V6.S4, V7.S4]
	VLD1.P 64(Y_PTR), [V8.S4, V9.S4, V10.S4, V11.S4]
	VFMLA  V8.S4, V4.S4, V0.S4
	VFMLA  V9.S4, V5.S4, V1.S4
	VFMLA  V10.S4, V6.S4, V2.S4
	VFMLA  V11.S4, V7.S4, V3.S4
	SUB    $16, N
	B      dotLoop16

dotLoop4:
	CMP    $4, N
	BLT    dotReduce
	VLD1.P 16(X_PTR), [V4.S4]
	VLD1.P 16(Y_PTR), [V8.S4]
	VFMLA  V8.S4, V4.S4, V0.S4
	SUB    $4, N
	B      dotLoop4

dotReduce:
	FADD_S4(0, 0, 1)
	FADD_S4(2, 2, 3)
	FADD_S4(0, 0, 2)
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

scaleLoop16:
	CMP    $16, N
	BLT    scaleLoop4
	VLD1.P 64(X_PTR), [V1.S4, V2.S4, V3.S4, V4.S4]
	FMUL_S4(1, 1, 0)
	FMUL_S4(2, 2, 0)
	FMUL_S4(3, 3, 0)
	FMUL_S4(4, 4, 0)
	VST1.P [V1.S4, V2.S4, V3.S4, V4.S4], 64(DST)
	SUB    $16, N
	B      scaleLoop16

scaleLoop4:
	CMP    $4, N
	BLT    scaleDone
	VLD1.P 16(X_PTR), [V1.S4]
	FMUL_S4(1, 1, 0)
	VST1.P [V1.S4], 16(DST)
	SUB    $4, N
	B      scaleLoop4

scaleDone:
	RET
