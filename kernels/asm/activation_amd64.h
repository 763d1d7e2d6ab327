// Shared by activation_avx2_amd64.s and activation_avx512_amd64.s: what reads
// the same at both widths, on V0–V15 (ymm_amd64.h or zmm_amd64.h): the
// gradients of sigmoid and tanh from their outputs, sigmoid and tanh from
// each level's phases, and the loops. The including file defines DST,
// X_PTR (x; the sigmoid and tanh gradients' dy, but LeakyReLUGrad's x),
// Y_PTR (the sigmoid and tanh gradients' y, but LeakyReLUGrad's dy), N and
// CONST (1 broadcast for the gradients, the slope for leaky ReLU) and
// includes loop_amd64.h and exp_amd64.h.

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

// YGRAD_LOOPS is the loops of dst = G(y, dy) (G is SGRAD or TGRAD): four
// vectors a trip (y in V0, V2, V4, V6; the results in V1, V3, V5, V7), one
// (y in V0), then the masked tail (y in V0, dy in V2).
#define YGRAD_LOOPS(loop4, loop1, tail, done, G) \
	N_LOOP(loop4, loop1, 4) \
	LOAD4(Y_PTR, V0, V2, V4, V6) \
	G(V0, (X_PTR), V1) \
	G(V2, VB(X_PTR), V3) \
	G(V4, (2*VB)(X_PTR), V5) \
	G(V6, (3*VB)(X_PTR), V7) \
	STORE4(V1, V3, V5, V7, DST) \
	NEXT_XYD(loop4, 4) \
	N_LOOP(loop1, tail, 1) \
	VMOVUPS (Y_PTR), V0 \
	G(V0, (X_PTR), V1) \
	VMOVUPS V1, (DST) \
	NEXT_XYD(loop1, 1) \
	N_TAIL(tail, done) \
	TAIL_MASK \
	MLOAD((Y_PTR), V0) \
	MLOAD((X_PTR), V2) \
	G(V0, V2, V1) \
	MSTORE(V1, (DST))

// ONE_LOOPS is the loop over one vector a trip and the masked tail of
// dst = F(x), after a kernel's main loop: x in V0, F's result in r (F: a
// macro without arguments).
#define ONE_LOOPS(loop1, tail, done, F, r) \
	N_LOOP(loop1, tail, 1) \
	VMOVUPS (X_PTR), V0 \
	F \
	VMOVUPS r, (DST) \
	NEXT_XD(loop1, 1) \
	N_TAIL(tail, done) \
	TAIL_MASK \
	MLOAD((X_PTR), V0) \
	F \
	MSTORE(r, (DST))

// The one-vector forms for ONE_LOOPS: dst = exp32(x), sigmoid32(x),
// tanh32(x), x in V0 (the level's EXP_FULL; SIGMOID and TANH below).
#define EXP_V0 EXP_FULL(V0, V1, V2, V3)
#define SIGMOID_V0 SIGMOID(V0, V1, V2, V3, V4)
#define TANH_V0 TANH(V0, V1, V2, V3, V4)

// SIGMOID sets r = sigmoid32(x) and TANH r = tanh32(x) for one vector, on
// registers x, a, n, r and u, from each level's phases (SIG_ARG, SIG_DIV;
// TANH_ARG … TANH_SELECT) around exp32's.
#define SIGMOID(x, a, n, r, u) \
	SIG_ARG(x, a, u) \
	EXP_P(a, n, EXP_F(n, u), r, u) \
	EXP_SCALE_NEG(n, r) \
	SIG_DIV(x, n, r, u)

#define TANH(x, a, n, r, u) \
	TANH_ARG(x, a, u) \
	EXP_P(a, n, EXP_F(n, u), r, u) \
	EXP_SCALE_NORMAL(n, r) \
	TANH_BIG(n, r) \
	TANH_SMALL1(x, a, n, u) \
	TANH_SMALL2(a, n, u) \
	TANH_SELECT(x, a, n, r)

// ACT3_VECS lists, for EXP_PS, three vectors laid out as in TANH3: the
// argument a, n, r and u of vector j in V(5j+1)…V(5j+4).
#define ACT3_VECS(op) op(V1, V2, V3, V4); op(V6, V7, V8, V9); op(V11, V12, V13, V14)

// TANH3 stores tanh32 of the three vectors at X_PTR at DST, their phases
// interleaved: vector j in V(5j)…V(5j+4) as TANH's x, a, n, r, u.
#define TANH3 \
	VMOVUPS (X_PTR), V0 \
	VMOVUPS VB(X_PTR), V5 \
	VMOVUPS (2*VB)(X_PTR), V10 \
	TANH_ARG(V0, V1, V4) \
	TANH_ARG(V5, V6, V9) \
	TANH_ARG(V10, V11, V14) \
	EXP_PS(ACT3_VECS) \
	ACT3_VECS(EXP_SCALE_NORMAL_V) \
	TANH_BIG(V2, V3) \
	TANH_BIG(V7, V8) \
	TANH_BIG(V12, V13) \
	TANH_SMALL1(V0, V1, V2, V4) \
	TANH_SMALL1(V5, V6, V7, V9) \
	TANH_SMALL1(V10, V11, V12, V14) \
	TANH_SMALL2(V1, V2, V4) \
	TANH_SMALL2(V6, V7, V9) \
	TANH_SMALL2(V11, V12, V14) \
	TANH_SELECT(V0, V1, V2, V3) \
	TANH_SELECT(V5, V6, V7, V8) \
	TANH_SELECT(V10, V11, V12, V13) \
	VMOVUPS V3, (DST) \
	VMOVUPS V8, VB(DST) \
	VMOVUPS V13, (2*VB)(DST)

// TANH_LOOPS is Tanh's loops: three vectors a trip (TANH3), then one, then
// the masked tail.
#define TANH_LOOPS(loop3, loop1, tail, done) \
	N_LOOP(loop3, loop1, 3) \
	TANH3 \
	NEXT_XD(loop3, 3) \
	ONE_LOOPS(loop1, tail, done, TANH_V0, V3)

// LGRAD_LOOPS is LeakyReLUGrad's loops (VEC_LOOPS): each level's LGRAD4 for
// four vectors a trip; one vector (dy's in V0, x's in V1, the result in
// V0 by the level's LGRAD_V0); the masked tail.
#define LGRAD_LOOPS(loop4, loop1, tail, done) \
	VEC_LOOPS(loop4, loop1, tail, done, LGRAD4, LGRAD1, LGRAD_TAIL, NEXT_XYD)

// LGRAD1 and LGRAD_TAIL are its one-vector and tail bodies.
#define LGRAD1 \
	VMOVUPS (Y_PTR), V0 \
	VMOVUPS (X_PTR), V1 \
	LGRAD_V0 \
	VMOVUPS V0, (DST)

#define LGRAD_TAIL \
	MLOAD((Y_PTR), V0) \
	MLOAD((X_PTR), V1) \
	LGRAD_V0 \
	MSTORE(V0, (DST))
