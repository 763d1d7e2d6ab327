//go:build !purego

#include "textflag.h"
#include "neon_arm64.h"

// ReLU-family kernels for NEON (arm64 ASIMD). Main loops take 16 floats
// (four 128-bit registers) per trip, then 4 at a time; len(x) is a multiple
// of 4, so there is no scalar tail (the Go caller finishes the last 0..3).
//
// Go's assembler has no vector FMAX or FCMGT, so they are WORDs built by
// neon_arm64.h's macros from register numbers (0–31, matching the
// #defines below: V0 = ZERO, x in V1..V4, dy in V5..V8).

#define DST R0
#define X_PTR R1
#define DY_PTR R2
#define N R3

#define ZERO V0

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

reluLoop16:
	CMP    $16, N
	BLT    reluLoop4
	VLD1.P 64(X_PTR), [V1.S4, V2.S4, V3.S4, V4.S4]
	FMAX_S4(1, 1, 0)
	FMAX_S4(2, 2, 0)
	FMAX_S4(3, 3, 0)
	FMAX_S4(4, 4, 0)
	VST1.P [V1.S4, V2.S4, V3.S4, V4.S4], 64(DST)
	SUB    $16, N
	B      reluLoop16

reluLoop4:
	CMP    $4, N
	BLT    reluDone
	VLD1.P 16(X_PTR), [V1.S4]
	FMAX_S4(1, 1, 0)
	VST1.P [V1.S4], 16(DST)
	SUB    $4, N
	B      reluLoop4

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

gradLoop16:
	CMP    $16, N
	BLT    gradLoop4
	VLD1.P 64(X_PTR), [V1.S4, V2.S4, V3.S4, V4.S4]
	VLD1.P 64(DY_PTR), [V5.S4, V6.S4, V7.S4, V8.S4]
	FCMGT0_S4(1, 1)
	FCMGT0_S4(2, 2)
	FCMGT0_S4(3, 3)
	FCMGT0_S4(4, 4)
	VAND   V5.B16, V1.B16, V1.B16
	VAND   V6.B16, V2.B16, V2.B16
	VAND   V7.B16, V3.B16, V3.B16
	VAND   V8.B16, V4.B16, V4.B16
	VST1.P [V1.S4, V2.S4, V3.S4, V4.S4], 64(DST)
	SUB    $16, N
	B      gradLoop16

gradLoop4:
	CMP    $4, N
	BLT    gradDone
	VLD1.P 16(X_PTR), [V1.S4]
	VLD1.P 16(DY_PTR), [V5.S4]
	FCMGT0_S4(1, 1)
	VAND   V5.B16, V1.B16, V1.B16
	VST1.P [V1.S4], 16(DST)
	SUB    $4, N
	B      gradLoop4

gradDone:
	RET
