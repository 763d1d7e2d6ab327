//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"
#include "ymm_amd64.h"
#include "loop_amd64.h"

// Vector-family kernels for AVX2 + FMA3. Main loops take 32 floats (four
// ymm) per trip, then 8 at a time; the last 1..7 use VMASKMOVPS, which
// neither reads nor writes the masked-off lanes.

#define ALPHA Y0
#define X_PTR SI
#define Y_PTR DI
#define N CX
#define MASK Y5

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

	N_LOOP(axpyLoop32, axpyLoop8, 4)
	OP4MS(VMULPS, X_PTR, ALPHA, Y1, Y2, Y3, Y4)
	OP4M(VADDPS, Y_PTR, Y1, Y2, Y3, Y4)
	STORE4(Y1, Y2, Y3, Y4, Y_PTR)
	N_NEXT2(axpyLoop32, 4, X_PTR, Y_PTR)

	N_LOOP(axpyLoop8, axpyTail, 1)
	VMULPS  (X_PTR), ALPHA, Y1
	VADDPS  (Y_PTR), Y1, Y1
	VMOVUPS Y1, (Y_PTR)
	N_NEXT2(axpyLoop8, 1, X_PTR, Y_PTR)

	N_TAIL(axpyTail, axpyDone)
	AVX2_TAIL_MASK(N, DX, MASK)
	VMASKMOVPS (X_PTR), MASK, Y1
	VMULPS     Y1, ALPHA, Y1
	VMASKMOVPS (Y_PTR), MASK, Y2
	VADDPS     Y2, Y1, Y1
	VMASKMOVPS Y1, MASK, (Y_PTR)

axpyDone:
	VZEROUPPER
	RET

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
	MOVQ   x_base+0(FP), X_PTR
	MOVQ   x_len+8(FP), N
	MOVQ   y_base+24(FP), Y_PTR
	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	VXORPS Y2, Y2, Y2
	VXORPS Y3, Y3, Y3

	N_LOOP(dotLoop32, dotLoop8, 4)
	LOAD4(X_PTR, Y4, Y6, Y7, Y8)
	VFMADD231PS (Y_PTR), Y4, Y0
	VFMADD231PS 32(Y_PTR), Y6, Y1
	VFMADD231PS 64(Y_PTR), Y7, Y2
	VFMADD231PS 96(Y_PTR), Y8, Y3
	N_NEXT2(dotLoop32, 4, X_PTR, Y_PTR)

	N_LOOP(dotLoop8, dotTail, 1)
	VMOVUPS     (X_PTR), Y4
	VFMADD231PS (Y_PTR), Y4, Y0
	N_NEXT2(dotLoop8, 1, X_PTR, Y_PTR)

	N_TAIL(dotTail, dotReduce)
	AVX2_TAIL_MASK(N, DX, MASK)
	VMASKMOVPS  (X_PTR), MASK, Y4
	VMASKMOVPS  (Y_PTR), MASK, Y6
	VFMADD231PS Y6, Y4, Y1

dotReduce:
	SUM4(VADDPS, Y0, Y1, Y2, Y3)
	HSUM_YMM(Y0, X0, X1)
	VMOVSS       X0, ret+48(FP)
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

	N_LOOP(scaleLoop32, scaleLoop8, 4)
	OP4MS(VMULPS, X_PTR, ALPHA, Y1, Y2, Y3, Y4)
	STORE4(Y1, Y2, Y3, Y4, X_PTR)
	N_NEXT1(scaleLoop32, 4, X_PTR)

	N_LOOP(scaleLoop8, scaleTail, 1)
	VMULPS  (X_PTR), ALPHA, Y1
	VMOVUPS Y1, (X_PTR)
	N_NEXT1(scaleLoop8, 1, X_PTR)

	N_TAIL(scaleTail, scaleDone)
	AVX2_TAIL_MASK(N, DX, MASK)
	VMASKMOVPS (X_PTR), MASK, Y1
	VMULPS     Y1, ALPHA, Y1
	VMASKMOVPS Y1, MASK, (X_PTR)

scaleDone:
	VZEROUPPER
	RET
