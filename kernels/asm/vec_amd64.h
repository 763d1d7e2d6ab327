// Shared by vec_avx2_amd64.s and vec_avx512_amd64.s: the loops of the
// vector-family kernels, for either vector width (loop_amd64.h's
// VEC_LOOPS). The including file defines X_PTR, Y_PTR, N, ALPHA (alpha
// broadcast) and D0–D3 (Dot's four vectors of x).

// AXPY_LOOPS: y[i] += alpha·x[i], the product and the sum rounded apart.
#define AXPY_LOOPS(loop4, loop1, tail, done) \
	VEC_LOOPS(loop4, loop1, tail, done, AXPY4, AXPY1, AXPY_TAIL, NEXT_XY)

// AXPY4, AXPY1 and AXPY_TAIL are its bodies: four vectors, one, the masked
// tail.
#define AXPY4 \
	OP4MS(VMULPS, X_PTR, ALPHA, V1, V2, V3, V4) \
	OP4M(VADDPS, Y_PTR, V1, V2, V3, V4) \
	STORE4(V1, V2, V3, V4, Y_PTR)

#define AXPY1 \
	VMULPS  (X_PTR), ALPHA, V1 \
	VADDPS  (Y_PTR), V1, V1 \
	VMOVUPS V1, (Y_PTR)

#define AXPY_TAIL \
	MLOAD((X_PTR), V1) \
	VMULPS V1, ALPHA, V1 \
	MLOAD((Y_PTR), V2) \
	VADDPS V2, V1, V1 \
	MSTORE(V1, (Y_PTR))

// DOT_LOOPS: V0–V3 += x[i]·y[i] by FMA, vector j of a four-vector trip
// into Vj, one vector into V0, the masked tail into V1.
#define DOT_LOOPS(loop4, loop1, tail, done) \
	VEC_LOOPS(loop4, loop1, tail, done, DOT4, DOT1, DOT_TAIL, NEXT_XY)

// DOT4, DOT1 and DOT_TAIL are its bodies.
#define DOT4 \
	LOAD4(X_PTR, D0, D1, D2, D3) \
	VFMADD231PS (Y_PTR), D0, V0 \
	VFMADD231PS VB(Y_PTR), D1, V1 \
	VFMADD231PS (2*VB)(Y_PTR), D2, V2 \
	VFMADD231PS (3*VB)(Y_PTR), D3, V3

#define DOT1 \
	VMOVUPS     (X_PTR), D0 \
	VFMADD231PS (Y_PTR), D0, V0

#define DOT_TAIL \
	MLOAD((X_PTR), D0) \
	MLOAD((Y_PTR), D1) \
	VFMADD231PS D1, D0, V1

// SCALE_LOOPS: x[i] *= alpha.
#define SCALE_LOOPS(loop4, loop1, tail, done) \
	VEC_LOOPS(loop4, loop1, tail, done, SCALE4, SCALE1, SCALE_TAIL, NEXT_X)

// SCALE4, SCALE1 and SCALE_TAIL are its bodies.
#define SCALE4 \
	OP4MS(VMULPS, X_PTR, ALPHA, V1, V2, V3, V4) \
	STORE4(V1, V2, V3, V4, X_PTR)

#define SCALE1 \
	VMULPS  (X_PTR), ALPHA, V1 \
	VMOVUPS V1, (X_PTR)

#define SCALE_TAIL \
	MLOAD((X_PTR), V1) \
	VMULPS V1, ALPHA, V1 \
	MSTORE(V1, (X_PTR))
