// Shared by the element-wise float32 kernels of both amd64 levels (vec,
// relu, rowops, activation, optim; gemv uses VRET): the pieces of their
// loops over N elements, for either vector width, and the loops
// themselves. The including file defines N (the elements left) and
// includes ymm_amd64.h or zmm_amd64.h (VB, a vector's bytes; V0–V15; the
// masked tail's TAIL_MASK, MLOAD and MSTORE); k counts vectors, so a trip
// of k vectors takes k·VB/4 elements. The loops take as arguments the
// labels they define and jump to, so that each TEXT has its own.

// N_LOOP starts a loop that runs while N holds at least k vectors' worth.
#define N_LOOP(loop, exit, k) \
loop: \
	CMPQ N, $(k*VB/4) \
	JB   exit

// N_NEXT1 … N_NEXT4 advance one to four pointers by k
// vectors and N by as many elements, and repeat the loop.
#define N_NEXT1(loop, k, p) \
	ADDQ $(k*VB), p \
	SUBQ $(k*VB/4), N \
	JMP  loop

#define N_NEXT2(loop, k, p, q) \
	ADDQ $(k*VB), p \
	N_NEXT1(loop, k, q)

#define N_NEXT3(loop, k, p, q, r) \
	ADDQ $(k*VB), p \
	N_NEXT2(loop, k, q, r)

#define N_NEXT4(loop, k, p, q, r, s) \
	ADDQ $(k*VB), p \
	N_NEXT3(loop, k, q, r, s)

// N_TAIL starts the masked tail, leaving to exit if no element is left.
#define N_TAIL(tail, exit) \
tail: \
	TESTQ N, N \
	JZ    exit

// LOAD4 and STORE4 move the four vectors at p to and from a, b, c, d.
#define LOAD4(p, a, b, c, d) \
	VMOVUPS (p), a \
	VMOVUPS VB(p), b \
	VMOVUPS (2*VB)(p), c \
	VMOVUPS (3*VB)(p), d

#define STORE4(a, b, c, d, p) \
	VMOVUPS a, (p) \
	VMOVUPS b, VB(p) \
	VMOVUPS c, (2*VB)(p) \
	VMOVUPS d, (3*VB)(p)

// OP4 sets each of a, b, c, d to itself op s (Go operand order: op s, a, a).
#define OP4(op, s, a, b, c, d) \
	op s, a, a \
	op s, b, b \
	op s, c, c \
	op s, d, d

// OP4M sets each of a, b, c, d to itself op the matching vector at p.
#define OP4M(op, p, a, b, c, d) \
	op (p), a, a \
	op VB(p), b, b \
	op (2*VB)(p), c, c \
	op (3*VB)(p), d, d

// OP4MS sets a, b, c, d to s op the four vectors at p.
#define OP4MS(op, p, s, a, b, c, d) \
	op (p), s, a \
	op VB(p), s, b \
	op (2*VB)(p), s, c \
	op (3*VB)(p), s, d

// SUM4 sets a = (a + b) + (c + d), with the vector add ADD.
#define SUM4(ADD, a, b, c, d) \
	ADD b, a, a \
	ADD d, c, c \
	ADD c, a, a

// HSUM_YMM sets the low lane of x to the sum of the eight float32 lanes of
// y (x is y's xmm name), folding halves, then pairs, then the pair sums,
// using the xmm register t. HSUM_ZMM first folds the sixteen lanes of z
// into y (z's ymm name), using t's ymm name ty.
#define HSUM_YMM(y, x, t) \
	VEXTRACTF128 $1, y, t \
	VADDPS       t, x, x \
	VMOVHLPS     x, x, t \
	VADDPS       t, x, x \
	VMOVSHDUP    x, t \
	VADDSS       t, x, x

#define HSUM_ZMM(z, y, x, ty, t) \
	VEXTRACTF64X4 $1, z, ty \
	VADDPS        ty, y, y \
	HSUM_YMM(y, x, t)

// HSUM_YMM_PD and HSUM_ZMM_PD are HSUM_YMM and HSUM_ZMM for float64 lanes
// (four and eight).
#define HSUM_YMM_PD(y, x, t) \
	VEXTRACTF128 $1, y, t \
	VADDPD       t, x, x \
	VUNPCKHPD    x, x, t \
	VADDSD       t, x, x

#define HSUM_ZMM_PD(z, y, x, ty, t) \
	VEXTRACTF64X4 $1, z, ty \
	VADDPD        ty, y, y \
	HSUM_YMM_PD(y, x, t)

// The pointer steps for VEC_LOOPS' NEXT: NEXT_X advances X_PTR; NEXT_XD,
// X_PTR and DST; NEXT_XY, X_PTR and Y_PTR; NEXT_XYD, all three.
#define NEXT_X(loop, k) N_NEXT1(loop, k, X_PTR)
#define NEXT_XD(loop, k) N_NEXT2(loop, k, X_PTR, DST)
#define NEXT_XY(loop, k) N_NEXT2(loop, k, X_PTR, Y_PTR)
#define NEXT_XYD(loop, k) N_NEXT3(loop, k, X_PTR, Y_PTR, DST)

// VEC_LOOPS is a kernel's three loops over N elements: BODY4 on four
// vectors a trip, BODY1 on one, then TAIL on the last 1..lanes−1 under the
// tail mask, going on at done. NEXT(loop, k) steps the kernel's pointers
// past k vectors and repeats loop.
#define VEC_LOOPS(loop4, loop1, tail, done, BODY4, BODY1, TAIL, NEXT) \
	N_LOOP(loop4, loop1, 4) \
	BODY4 \
	NEXT(loop4, 4) \
	N_LOOP(loop1, tail, 1) \
	BODY1 \
	NEXT(loop1, 1) \
	N_TAIL(tail, done) \
	TAIL_MASK \
	TAIL

// MAP_LOOPS is VEC_LOOPS for dst[i] = F(x[i]), F(v) working in place on a
// vector register: x's vectors in V1–V4 (one: V1).
#define MAP_LOOPS(loop4, loop1, tail, done, F) \
	N_LOOP(loop4, loop1, 4) \
	LOAD4(X_PTR, V1, V2, V3, V4) \
	F(V1) \
	F(V2) \
	F(V3) \
	F(V4) \
	STORE4(V1, V2, V3, V4, DST) \
	NEXT_XD(loop4, 4) \
	N_LOOP(loop1, tail, 1) \
	VMOVUPS (X_PTR), V1 \
	F(V1) \
	VMOVUPS V1, (DST) \
	NEXT_XD(loop1, 1) \
	N_TAIL(tail, done) \
	TAIL_MASK \
	MLOAD((X_PTR), V1) \
	F(V1) \
	MSTORE(V1, (DST))

// ZIP_LOOPS is VEC_LOOPS for dst[i] = F(x[i], b[i]), b's elements at the
// pointer b: F(v, m) sets v = F(v, m) for a vector register v and b's
// vector m in memory, FT(v) the same in the masked tail (it loads b's
// last elements itself).
#define ZIP_LOOPS(loop4, loop1, tail, done, b, F, FT) \
	N_LOOP(loop4, loop1, 4) \
	LOAD4(X_PTR, V1, V2, V3, V4) \
	F(V1, (b)) \
	F(V2, VB(b)) \
	F(V3, (2*VB)(b)) \
	F(V4, (3*VB)(b)) \
	STORE4(V1, V2, V3, V4, DST) \
	N_NEXT3(loop4, 4, X_PTR, b, DST) \
	N_LOOP(loop1, tail, 1) \
	VMOVUPS (X_PTR), V1 \
	F(V1, (b)) \
	VMOVUPS V1, (DST) \
	N_NEXT3(loop1, 1, X_PTR, b, DST) \
	N_TAIL(tail, done) \
	TAIL_MASK \
	MLOAD((X_PTR), V1) \
	FT(V1) \
	MSTORE(V1, (DST))

// VRET is a kernel's exit at the label done: VZEROUPPER (the caller's SSE
// code pays no transition penalty), then RET.
#define VRET(done) \
done: \
	VZEROUPPER \
	RET
