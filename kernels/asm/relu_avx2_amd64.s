//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"
#include "ymm_amd64.h"
#include "loop_amd64.h"

// ReLU-family kernels for AVX2. Main loops take 32 floats (four ymm) per
// trip, then 8 at a time; the last 1..7 use VMASKMOVPS, which neither reads
// nor writes the masked-off lanes.

#define ZERO Y0
#define DST DI
#define X_PTR SI
#define DY_PTR DX
#define N CX
#define MASK Y5

// RELU sets v = max(0, v), NaN kept, -0 made +0. VMAXPS returns its second
// source (Go's first operand, here v) when either is NaN or both are zero,
// so NaN passes through and -0 stays -0; adding +0 then turns -0 into +0 and
// changes nothing else (it quiets a signalling NaN, as the generic code does).
#define RELU(v) \
	VMAXPS v, ZERO, v \
	VADDPS ZERO, v, v

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
	MOVQ   dst_base+0(FP), DST
	MOVQ   x_base+24(FP), X_PTR
	MOVQ   x_len+32(FP), N
	VXORPS ZERO, ZERO, ZERO

	N_LOOP(reluLoop32, reluLoop8, 4)
	LOAD4(X_PTR, Y1, Y2, Y3, Y4)
	RELU(Y1)
	RELU(Y2)
	RELU(Y3)
	RELU(Y4)
	STORE4(Y1, Y2, Y3, Y4, DST)
	N_NEXT2(reluLoop32, 4, X_PTR, DST)

	N_LOOP(reluLoop8, reluTail, 1)
	VMOVUPS (X_PTR), Y1
	RELU(Y1)
	VMOVUPS Y1, (DST)
	N_NEXT2(reluLoop8, 1, X_PTR, DST)

	N_TAIL(reluTail, reluDone)
	AVX2_TAIL_MASK(N, AX, MASK)
	VMASKMOVPS (X_PTR), MASK, Y1
	RELU(Y1)
	VMASKMOVPS Y1, MASK, (DST)

reluDone:
	VZEROUPPER
	RET

// GRAD sets v = dy where x > 0, else +0: the compare (x > 0, ordered, so a
// NaN x gives false) yields all-ones lanes, and the AND selects dy's bits.
// x is in v on entry; dy is the memory operand.
#define GRAD(v, dy) \
	VCMPPS $0x1e, ZERO, v, v \
	VANDPS dy, v, v

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
	VXORPS ZERO, ZERO, ZERO

	N_LOOP(gradLoop32, gradLoop8, 4)
	LOAD4(X_PTR, Y1, Y2, Y3, Y4)
	GRAD(Y1, (DY_PTR))
	GRAD(Y2, 32(DY_PTR))
	GRAD(Y3, 64(DY_PTR))
	GRAD(Y4, 96(DY_PTR))
	STORE4(Y1, Y2, Y3, Y4, DST)
	N_NEXT3(gradLoop32, 4, X_PTR, DY_PTR, DST)

	N_LOOP(gradLoop8, gradTail, 1)
	VMOVUPS (X_PTR), Y1
	GRAD(Y1, (DY_PTR))
	VMOVUPS Y1, (DST)
	N_NEXT3(gradLoop8, 1, X_PTR, DY_PTR, DST)

	N_TAIL(gradTail, gradDone)
	AVX2_TAIL_MASK(N, AX, MASK)
	VMASKMOVPS (X_PTR), MASK, Y1
	VMASKMOVPS (DY_PTR), MASK, Y2
	GRAD(Y1, Y2)
	VMASKMOVPS Y1, MASK, (DST)

gradDone:
	VZEROUPPER
	RET
