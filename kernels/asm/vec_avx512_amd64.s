//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"
#include "zmm_amd64.h"
#include "loop_amd64.h"
#include "vec_amd64.h"

// Vector-family kernels for AVX-512 (F, VL, BW, DQ; the loops:
// vec_amd64.h). Main loops take 64 floats (four zmm) per trip, then 16 at a
// time; the last 1..15 use an opmask: zero-masked loads and masked stores
// neither read nor write the masked-off lanes (and do not fault beside an
// unmapped page).

#define ALPHA Z0
#define X_PTR SI
#define Y_PTR DI
#define N CX
#define TAIL_TMP AX
// Dot's four vectors of x.
#define D0 Z4
#define D1 Z5
#define D2 Z6
#define D3 Z7

// func AxpyAVX512(alpha float32, x, y []float32)
//
//	for i := range x { y[i] += float32(alpha * x[i]) }
//
// Multiply and add are separate instructions, matching the generic kernel
// bit for bit. Requires AVX512F.
TEXT ·AxpyAVX512(SB), NOSPLIT, $0-56
	MOVQ         x_base+8(FP), X_PTR
	MOVQ         x_len+16(FP), N
	MOVQ         y_base+32(FP), Y_PTR
	VBROADCASTSS alpha+0(FP), ALPHA
	AXPY_LOOPS(axpyLoop64, axpyLoop16, axpyTail, axpyDone)
	VRET(axpyDone)

// func DotAVX512(x, y []float32) float32
//
//	var s float32
//	for i := range x { s += x[i] * y[i] }
//	return s
//
// Four 16-lane partial sums with FMA, added together at the end, so the
// rounding differs from the sequential loop (within the documented bound).
// Requires AVX512F.
TEXT ·DotAVX512(SB), NOSPLIT, $0-52
	MOVQ x_base+0(FP), X_PTR
	MOVQ x_len+8(FP), N
	MOVQ y_base+24(FP), Y_PTR
	VZERO(V0, X0)
	VZERO(V1, X1)
	VZERO(V2, X2)
	VZERO(V3, X3)
	DOT_LOOPS(dotLoop64, dotLoop16, dotTail, dotReduce)

dotReduce:
	SUM4(VADDPS, V0, V1, V2, V3)
	HSUM(V0, H0, X0, H1, X1)
	VMOVSS X0, ret+48(FP)
	VZEROUPPER
	RET

// func ScaleAVX512(alpha float32, x []float32)
//
//	for i := range x { x[i] *= alpha }
//
// Requires AVX512F.
TEXT ·ScaleAVX512(SB), NOSPLIT, $0-32
	MOVQ         x_base+8(FP), X_PTR
	MOVQ         x_len+16(FP), N
	VBROADCASTSS alpha+0(FP), ALPHA
	SCALE_LOOPS(scaleLoop64, scaleLoop16, scaleTail, scaleDone)
	VRET(scaleDone)
