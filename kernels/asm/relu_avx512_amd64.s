//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"
#include "zmm_amd64.h"
#include "loop_amd64.h"

// ReLU-family kernels for AVX-512 (F, VL, BW, DQ). Main loops take 64 floats
// (four zmm) per trip, then 16 at a time; the last 1..15 use an opmask:
// zero-masked loads and masked stores neither read nor write the masked-off
// lanes (and do not fault beside an unmapped page).

#define ZERO Z0
#define DST DI
#define X_PTR SI
#define DY_PTR DX
#define N CX

// RELU sets v = max(0, v), NaN kept, -0 made +0: see relu_avx2_amd64.s; the
// EVEX VMAXPS has the same NaN and signed-zero rule.
#define RELU(v) \
	VMAXPS v, ZERO, v \
	VADDPS ZERO, v, v

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
	MOVQ   dst_base+0(FP), DST
	MOVQ   x_base+24(FP), X_PTR
	MOVQ   x_len+32(FP), N
	VXORPS X0, X0, X0 // ZERO: a VEX write zeroes all 512 bits (AVX512DQ's zmm VXORPS not needed)

	N_LOOP(reluLoop64, reluLoop16, 4)
	LOAD4(X_PTR, Z1, Z2, Z3, Z4)
	RELU(Z1)
	RELU(Z2)
	RELU(Z3)
	RELU(Z4)
	STORE4(Z1, Z2, Z3, Z4, DST)
	N_NEXT2(reluLoop64, 4, X_PTR, DST)

	N_LOOP(reluLoop16, reluTail, 1)
	VMOVUPS (X_PTR), Z1
	RELU(Z1)
	VMOVUPS Z1, (DST)
	N_NEXT2(reluLoop16, 1, X_PTR, DST)

	N_TAIL(reluTail, reluDone)
	AVX512_TAIL_MASK(N, AX, K1)
	VMOVUPS.Z (X_PTR), K1, Z1
	RELU(Z1)
	VMOVUPS   Z1, K1, (DST)

reluDone:
	VZEROUPPER
	RET

// GRAD sets v = dy where x > 0, else +0, under the opmask k: the ordered
// compare (a NaN x gives false) writes the lanes to keep into K2, and a
// zero-masked load of dy then reads dy's bits there and +0 elsewhere. x is
// in v on entry; dy is a memory operand.
#define GRAD(v, dy, k) \
	VCMPPS    $0x1e, ZERO, v, k, K2 \
	VMOVUPS.Z dy, K2, v

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
	VXORPS X0, X0, X0 // ZERO: a VEX write zeroes all 512 bits (AVX512DQ's zmm VXORPS not needed)
	KXNORW K3, K3, K3 // all 16 lanes

	N_LOOP(gradLoop64, gradLoop16, 4)
	LOAD4(X_PTR, Z1, Z2, Z3, Z4)
	GRAD(Z1, (DY_PTR), K3)
	GRAD(Z2, 64(DY_PTR), K3)
	GRAD(Z3, 128(DY_PTR), K3)
	GRAD(Z4, 192(DY_PTR), K3)
	STORE4(Z1, Z2, Z3, Z4, DST)
	N_NEXT3(gradLoop64, 4, X_PTR, DY_PTR, DST)

	N_LOOP(gradLoop16, gradTail, 1)
	VMOVUPS (X_PTR), Z1
	GRAD(Z1, (DY_PTR), K3)
	VMOVUPS Z1, (DST)
	N_NEXT3(gradLoop16, 1, X_PTR, DY_PTR, DST)

	N_TAIL(gradTail, gradDone)
	AVX512_TAIL_MASK(N, AX, K1)
	VMOVUPS.Z (X_PTR), K1, Z1
	GRAD(Z1, (DY_PTR), K1)
	VMOVUPS   Z1, K1, (DST)

gradDone:
	VZEROUPPER
	RET
