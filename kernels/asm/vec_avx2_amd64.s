//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"
#include "ymm_amd64.h"
#include "loop_amd64.h"
#include "vec_amd64.h"

// Vector-family kernels for AVX2 + FMA3 (the loops: vec_amd64.h). Main
// loops take 32 floats (four ymm) per trip, then 8 at a time; the last
// 1..7 use VMASKMOVPS, which neither reads nor writes the masked-off lanes.

#define ALPHA Y0
#define X_PTR SI
#define Y_PTR DI
#define N CX
#define MASK Y5
#define TAIL_TMP DX
// Dot's four vectors of x (Y5 is the tail mask).
#define D0 Y4
#define D1 Y6
#define D2 Y7
#define D3 Y8

// func AxpyAVX2(alpha float32, x, y []float32)
//
//	for i := range x { y[i] += float32(alpha * x[i]) }
//
// Multiply and add are separate instructions, matching the generic kernel
// bit for bit. Requires AVX2.
TEXT ·AxpyAVX2(SB), NOSPLIT, $0-56
	MOVQ         x_base+8(FP), X_PTR
	MOVQ         x_len+16(FP), N
	MOVQ         y_base+32(FP), Y_PTR
	VBROADCASTSS alpha+0(FP), ALPHA
	AXPY_LOOPS(axpyLoop32, axpyLoop8, axpyTail, axpyDone)
	VRET(axpyDone)

// func DotAVX2(x, y []float32) float32
//
//	var s float32
//	for i := range x { s += x[i] * y[i] }
//	return s
//
// Four 8-lane partial sums with FMA, added together at the end, so the
// rounding differs from the sequential loop (within the documented bound).
// Requires AVX2 and FMA3.
TEXT ·DotAVX2(SB), NOSPLIT, $0-52
	MOVQ x_base+0(FP), X_PTR
	MOVQ x_len+8(FP), N
	MOVQ y_base+24(FP), Y_PTR
	VZERO(V0, X0)
	VZERO(V1, X1)
	VZERO(V2, X2)
	VZERO(V3, X3)
	DOT_LOOPS(dotLoop32, dotLoop8, dotTail, dotReduce)

dotReduce:
	SUM4(VADDPS, V0, V1, V2, V3)
	HSUM(V0, H0, X0, H1, X1)
	VMOVSS X0, ret+48(FP)
	VZEROUPPER
	RET

// func ScaleAVX2(alpha float32, x []float32)
//
//	for i := range x { x[i] *= alpha }
//
// Requires AVX2.
TEXT ·ScaleAVX2(SB), NOSPLIT, $0-32
	MOVQ         x_base+8(FP), X_PTR
	MOVQ         x_len+16(FP), N
	VBROADCASTSS alpha+0(FP), ALPHA
	SCALE_LOOPS(scaleLoop32, scaleLoop8, scaleTail, scaleDone)
	VRET(scaleDone)
