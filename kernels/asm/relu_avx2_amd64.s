//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"
#include "ymm_amd64.h"
#include "loop_amd64.h"
#include "relu_amd64.h"

// ReLU-family kernels for AVX2. Main loops take 32 floats (four ymm) per
// trip, then 8 at a time; the last 1..7 use VMASKMOVPS, which neither reads
// nor writes the masked-off lanes.

#define ZERO Y0
#define DST DI
#define X_PTR SI
#define DY_PTR DX
#define N CX
#define MASK Y5
#define TAIL_TMP AX

// func ReLUAVX2(dst, x []float32)
//
//	for i, v := range x {
//		switch {
//		case v > 0:  dst[i] = v
//		case v != v: dst[i] = v + 0
//		default:     dst[i] = 0
//		}
//	}
//
// Requires AVX2.
TEXT ·ReLUAVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DST
	MOVQ x_base+24(FP), X_PTR
	MOVQ x_len+32(FP), N
	VZERO(ZERO, X0)
	MAP_LOOPS(reluLoop32, reluLoop8, reluTail, reluDone, RELU)
	VRET(reluDone)

// GRAD sets v = dy where x > 0, else +0: the compare (x > 0, ordered, so a
// NaN x gives false) yields all-ones lanes, and the AND selects dy's bits.
// x is in v on entry; dy is a register or a memory operand. GRAD_TAIL does
// it for the tail's last elements of dy.
#define GRAD(v, dy) \
	VCMPPS $0x1e, ZERO, v, v \
	VANDPS dy, v, v

#define GRAD_TAIL(v) \
	MLOAD((DY_PTR), Y2) \
	GRAD(v, Y2)

// func ReLUGradAVX2(dst, dy, x []float32)
//
//	for i, v := range x {
//		if v > 0 { dst[i] = dy[i] } else { dst[i] = 0 }
//	}
//
// Requires AVX2.
TEXT ·ReLUGradAVX2(SB), NOSPLIT, $0-72
	MOVQ   dst_base+0(FP), DST
	MOVQ   dy_base+24(FP), DY_PTR
	MOVQ   x_base+48(FP), X_PTR
	MOVQ   x_len+56(FP), N
	VZERO(ZERO, X0)
	ZIP_LOOPS(gradLoop32, gradLoop8, gradTail, gradDone, DY_PTR, GRAD, GRAD_TAIL)
	VRET(gradDone)
