//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"
#include "zmm_amd64.h"
#include "loop_amd64.h"
#include "relu_amd64.h"

// ReLU-family kernels for AVX-512 (F, VL, BW, DQ). Main loops take 64 floats
// (four zmm) per trip, then 16 at a time; the last 1..15 use an opmask:
// zero-masked loads and masked stores neither read nor write the masked-off
// lanes (and do not fault beside an unmapped page).

#define ZERO Z0
#define DST DI
#define X_PTR SI
#define DY_PTR DX
#define N CX
#define TAIL_TMP AX

// func ReLUAVX512(dst, x []float32)
//
//	for i, v := range x {
//		switch {
//		case v > 0:  dst[i] = v
//		case v != v: dst[i] = v + 0
//		default:     dst[i] = 0
//		}
//	}
//
// Requires AVX512F.
TEXT ·ReLUAVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DST
	MOVQ x_base+24(FP), X_PTR
	MOVQ x_len+32(FP), N
	VZERO(ZERO, X0)
	MAP_LOOPS(reluLoop64, reluLoop16, reluTail, reluDone, RELU)
	VRET(reluDone)

// GRAD_K sets v = dy where x > 0, else +0, under the opmask k: the ordered
// compare (a NaN x gives false) writes the lanes to keep into K2, and a
// zero-masked load of dy then reads dy's bits there and +0 elsewhere. x is
// in v on entry; dy is a memory operand. GRAD does it for all 16 lanes
// (K3), GRAD_TAIL for the tail's (K1).
#define GRAD_K(v, dy, k) \
	VCMPPS    $0x1e, ZERO, v, k, K2 \
	VMOVUPS.Z dy, K2, v

#define GRAD(v, dy) GRAD_K(v, dy, K3)
#define GRAD_TAIL(v) GRAD_K(v, (DY_PTR), K1)

// func ReLUGradAVX512(dst, dy, x []float32)
//
//	for i, v := range x {
//		if v > 0 { dst[i] = dy[i] } else { dst[i] = 0 }
//	}
//
// Requires AVX512F.
TEXT ·ReLUGradAVX512(SB), NOSPLIT, $0-72
	MOVQ   dst_base+0(FP), DST
	MOVQ   dy_base+24(FP), DY_PTR
	MOVQ   x_base+48(FP), X_PTR
	MOVQ   x_len+56(FP), N
	VZERO(ZERO, X0)
	KXNORW K3, K3, K3 // all 16 lanes
	ZIP_LOOPS(gradLoop64, gradLoop16, gradTail, gradDone, DY_PTR, GRAD, GRAD_TAIL)
	VRET(gradDone)
