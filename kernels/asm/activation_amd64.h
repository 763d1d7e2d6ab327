// Shared by activation_avx2_amd64.s and activation_avx512_amd64.s: the
// gradients of sigmoid and tanh from their outputs, which read the same at
// both widths. The including file defines DST, X_PTR (here dy), Y_PTR
// (here y), N and CONST (1 broadcast) and includes loop_amd64.h and
// ymm_amd64.h or zmm_amd64.h.

// SGRAD sets t = dy·(y·(1−y)), rounded step by step. dy is a register or a
// memory operand.
#define SGRAD(y, dy, t) \
	VSUBPS y, CONST, t \
	VMULPS y, t, t \
	VMULPS dy, t, t

// TGRAD sets t = dy·((1−y)·(1+y)), rounded step by step. dy is a register
// or a memory operand. Clobbers y.
#define TGRAD(y, dy, t) \
	VSUBPS y, CONST, t \
	VADDPS CONST, y, y \
	VMULPS y, t, t \
	VMULPS dy, t, t

// YGRAD_LOOP4 and YGRAD_LOOP1 are the loops of dst = G(y, dy) (G is SGRAD
// or TGRAD) over four vectors (y in V0, V2, V4, V6; the results in V1, V3,
// V5, V7) and one vector a trip; YGRAD_TAIL is the masked tail (y in V0,
// dy in V2), with the masked load MLD and store MST and the mask MK.
#define YGRAD_LOOP4(loop, exit, G) \
	N_LOOP(loop, exit, 4) \
	LOAD4(Y_PTR, V0, V2, V4, V6) \
	G(V0, (X_PTR), V1) \
	G(V2, VB(X_PTR), V3) \
	G(V4, (2*VB)(X_PTR), V5) \
	G(V6, (3*VB)(X_PTR), V7) \
	STORE4(V1, V3, V5, V7, DST) \
	N_NEXT3(loop, 4, X_PTR, Y_PTR, DST)

#define YGRAD_LOOP1(loop, exit, G) \
	N_LOOP(loop, exit, 1) \
	VMOVUPS (Y_PTR), V0 \
	G(V0, (X_PTR), V1) \
	VMOVUPS V1, (DST) \
	N_NEXT3(loop, 1, X_PTR, Y_PTR, DST)

#define YGRAD_TAIL(G, MLD, MST, MK) \
	MLD (Y_PTR), MK, V0 \
	MLD (X_PTR), MK, V2 \
	G(V0, V2, V1) \
	MST V1, MK, (DST)
