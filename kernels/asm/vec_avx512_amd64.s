//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"
#include "zmm_amd64.h"
#include "loop_amd64.h"

// Vector-family kernels for AVX-512 (F, VL, BW, DQ). Main loops take 64
// floats (four zmm) per trip, then 16 at a time; the last 1..15 use an opmask:
// zero-masked loads and masked stores neither read nor write the masked-off
// lanes (and do not fault beside an unmapped page).

#define ALPHA Z0
#define X_PTR SI
#define Y_PTR DI
#define N CX

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

	N_LOOP(axpyLoop64, axpyLoop16, 4)
	OP4MS(VMULPS, X_PTR, ALPHA, Z1, Z2, Z3, Z4)
	OP4M(VADDPS, Y_PTR, Z1, Z2, Z3, Z4)
	STORE4(Z1, Z2, Z3, Z4, Y_PTR)
	N_NEXT2(axpyLoop64, 4, X_PTR, Y_PTR)

	N_LOOP(axpyLoop16, axpyTail, 1)
	VMULPS  (X_PTR), ALPHA, Z1
	VADDPS  (Y_PTR), Z1, Z1
	VMOVUPS Z1, (Y_PTR)
	N_NEXT2(axpyLoop16, 1, X_PTR, Y_PTR)

	N_TAIL(axpyTail, axpyDone)
	AVX512_TAIL_MASK(N, AX, K1)
	VMOVUPS.Z (X_PTR), K1, Z1
	VMULPS    Z1, ALPHA, Z1
	VMOVUPS.Z (Y_PTR), K1, Z2
	VADDPS    Z2, Z1, Z1
	VMOVUPS   Z1, K1, (Y_PTR)

axpyDone:
	VZEROUPPER
	RET

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
	MOVQ   x_base+0(FP), X_PTR
	MOVQ   x_len+8(FP), N
	MOVQ   y_base+24(FP), Y_PTR
	VXORPS X0, X0, X0 // zeroes all of Z0
	VXORPS X1, X1, X1 // zeroes all of Z1
	VXORPS X2, X2, X2 // zeroes all of Z2
	VXORPS X3, X3, X3 // zeroes all of Z3

	N_LOOP(dotLoop64, dotLoop16, 4)
	LOAD4(X_PTR, Z4, Z5, Z6, Z7)
	VFMADD231PS (Y_PTR), Z4, Z0
	VFMADD231PS 64(Y_PTR), Z5, Z1
	VFMADD231PS 128(Y_PTR), Z6, Z2
	VFMADD231PS 192(Y_PTR), Z7, Z3
	N_NEXT2(dotLoop64, 4, X_PTR, Y_PTR)

	N_LOOP(dotLoop16, dotTail, 1)
	VMOVUPS     (X_PTR), Z4
	VFMADD231PS (Y_PTR), Z4, Z0
	N_NEXT2(dotLoop16, 1, X_PTR, Y_PTR)

	N_TAIL(dotTail, dotReduce)
	AVX512_TAIL_MASK(N, AX, K1)
	VMOVUPS.Z   (X_PTR), K1, Z4
	VMOVUPS.Z   (Y_PTR), K1, Z5
	VFMADD231PS Z5, Z4, Z1

dotReduce:
	SUM4(VADDPS, Z0, Z1, Z2, Z3)
	HSUM_ZMM(Z0, Y0, X0, Y1, X1)
	VMOVSS        X0, ret+48(FP)
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

	N_LOOP(scaleLoop64, scaleLoop16, 4)
	OP4MS(VMULPS, X_PTR, ALPHA, Z1, Z2, Z3, Z4)
	STORE4(Z1, Z2, Z3, Z4, X_PTR)
	N_NEXT1(scaleLoop64, 4, X_PTR)

	N_LOOP(scaleLoop16, scaleTail, 1)
	VMULPS  (X_PTR), ALPHA, Z1
	VMOVUPS Z1, (X_PTR)
	N_NEXT1(scaleLoop16, 1, X_PTR)

	N_TAIL(scaleTail, scaleDone)
	AVX512_TAIL_MASK(N, AX, K1)
	VMOVUPS.Z (X_PTR), K1, Z1
	VMULPS    Z1, ALPHA, Z1
	VMOVUPS   Z1, K1, (X_PTR)

scaleDone:
	VZEROUPPER
	RET
