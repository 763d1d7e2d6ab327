// Shared by rowops_avx2_amd64.s and rowops_avx512_amd64.s: the kernels'
// steps and loops that read the same at both widths, on V0–V15 and their
// halves H0–H15 (ymm_amd64.h or zmm_amd64.h, which also give EXTRACT_HI).
// The including file defines DST, X_PTR, Y_PTR, T_PTR and N, includes
// loop_amd64.h and exp_amd64.h, and defines what each level does its own
// way (named where used).

// SQ squares the differences of the vectors at off(X_PTR) and off(Y_PTR)
// into v, rounding the difference and then the square.
#define SQ(off, v) \
	VMOVUPS off(X_PTR), v \
	VSUBPS  off(Y_PTR), v, v \
	VMULPS  v, v, v

// SQ_ACC adds the float32 squares in v (h is its lower half) to the float64
// sums lo (the lower half's lanes) and hi (the upper half's), using t; v is
// clobbered.
#define SQ_ACC(v, h, t, lo, hi) \
	VCVTPS2PD  h, t \
	VADDPD     t, lo, lo \
	EXTRACT_HI $1, v, h \
	VCVTPS2PD  h, t \
	VADDPD     t, hi, hi

// BCE_ACC adds the float32 terms in m (h is its lower half) to the float64
// partial sums acc0 (the lower half's lanes) and acc1 (the upper half's),
// using t; m is clobbered.
#define BCE_ACC(h, m, t, acc0, acc1) \
	VCVTPS2PD  h, t \
	EXTRACT_HI $1, m, h \
	VCVTPS2PD  h, m \
	VADDPD     t, acc0, acc0 \
	VADDPD     m, acc1, acc1

// RowMax: MAX_LOOPS keeps four running maxima V0–V3, vector by vector,
// with each level's bodies MAX4, MAX1 and MAX_TAIL, which update them with
// the level's MAXZ (AVX2) or MAXZ512 (AVX-512) directly and also collect
// the NaN compares in NANS. MAXV (MAXZ512 on AVX-512) is used only in
// MAX_REDUCE.
#define MAX_LOOPS(loop4, loop1, tail, done) \
	VEC_LOOPS(loop4, loop1, tail, done, MAX4, MAX1, MAX_TAIL, NEXT_X)

// MAX_REDUCE leaves the maximum of V0–V3's lanes in the low lane of X0:
// the four pairwise, then halves (MAX_ZMM_HALF: zmm into ymm, on AVX-512),
// then pairs, then the two pair maxima.
#define MAX_REDUCE \
	MAXV(V1, V0, V8) \
	MAXV(V3, V2, V9) \
	MAXV(V2, V0, V8) \
	MAX_ZMM_HALF \
	VEXTRACTF128 $1, Y0, X1 \
	MAXZ(X1, X0, X8) \
	VMOVHLPS     X0, X0, X1 \
	MAXZ(X1, X0, X8) \
	VMOVSHDUP    X0, X1 \
	MAXZ(X1, X0, X8)

// The loops of the element-wise row kernels (loop_amd64.h's VEC_LOOPS,
// MAP_LOOPS and ZIP_LOOPS).

// C and SCALE are the constant broadcast in V0; SUB_C sets v -= C.
#define C V0
#define SCALE V0
#define SUB_C(v) VSUBPS C, v, v

// SCALED_DIFF_LOOPS: dst[i] = (dst[i] − t[i])·scale, rounded apart.
#define SCALED_DIFF_LOOPS(loop4, loop1, tail, done) \
	VEC_LOOPS(loop4, loop1, tail, done, SD4, SD1, SD_TAIL, NEXT_DT)

// NEXT_DT moves DST and T_PTR on by k vectors, N down, and repeats loop.
#define NEXT_DT(loop, k) N_NEXT2(loop, k, DST, T_PTR)

// SD4, SD1 and SD_TAIL are its bodies: four vectors, one, the masked tail.
#define SD4 \
	LOAD4(DST, V1, V2, V3, V4) \
	OP4M(VSUBPS, T_PTR, V1, V2, V3, V4) \
	OP4(VMULPS, SCALE, V1, V2, V3, V4) \
	STORE4(V1, V2, V3, V4, DST)

#define SD1 \
	VMOVUPS (DST), V1 \
	VSUBPS  (T_PTR), V1, V1 \
	VMULPS  SCALE, V1, V1 \
	VMOVUPS V1, (DST)

#define SD_TAIL \
	MLOAD((DST), V1) \
	MLOAD((T_PTR), V2) \
	VSUBPS V2, V1, V1 \
	VMULPS SCALE, V1, V1 \
	MSTORE(V1, (DST))

// ADD_Y sets v += m; ADD_Y_TAIL adds y's last elements.
#define ADD_Y(v, m) VADDPS m, v, v

#define ADD_Y_TAIL(v) \
	MLOAD((Y_PTR), V2) \
	VADDPS V2, v, v

// SQ_LOOPS: the float64 sums V0–V3 += (x[i] − y[i])², each vector's lower
// and upper half into V0 and V1 (vectors 0 and 2 of a trip, the single
// vectors) or V2 and V3 (vectors 1 and 3, the tail).
#define SQ_LOOPS(loop4, loop1, tail, done) \
	VEC_LOOPS(loop4, loop1, tail, done, SQ4, SQ1, SQ_TAIL, NEXT_XY)

// SQ4, SQ1 and SQ_TAIL are its bodies.
#define SQ4 \
	SQ(0, V4) \
	SQ(VB, V5) \
	SQ((2*VB), V6) \
	SQ((3*VB), V7) \
	SQ_ACC(V4, H4, V8, V0, V1) \
	SQ_ACC(V5, H5, V9, V2, V3) \
	SQ_ACC(V6, H6, V10, V0, V1) \
	SQ_ACC(V7, H7, V11, V2, V3)

#define SQ1 \
	SQ(0, V4) \
	SQ_ACC(V4, H4, V8, V0, V1)

#define SQ_TAIL \
	MLOAD((X_PTR), V4) \
	MLOAD((Y_PTR), V5) \
	VSUBPS V5, V4, V4 \
	VMULPS V4, V4, V4 \
	SQ_ACC(V4, H4, V8, V2, V3)

// The softmax sums (ExpShiftSum, ExpShiftSumNoStore): exp32(x − shift),
// SHIFT broadcast, three vectors a trip in EXP_PHASES3's layout (x − shift
// in V0, V4, V8; the exps in V2, V6, V10) into the partial sums V12, V13,
// V14, then one vector a trip (V0 into V2) into V12, then the masked tail
// (each level's ESS_SUM_TAIL adds only its lanes).

// ESS_ZERO zeroes the partial sums.
#define ESS_ZERO \
	VZERO(V12, X12) \
	VZERO(V13, X13) \
	VZERO(V14, X14)

// SHIFTED3 loads three vectors of x − shift into V0, V4, V8.
#define SHIFTED3 \
	VMOVUPS (X_PTR), V0 \
	VMOVUPS VB(X_PTR), V4 \
	VMOVUPS (2*VB)(X_PTR), V8 \
	VSUBPS  SHIFT, V0, V0 \
	VSUBPS  SHIFT, V4, V4 \
	VSUBPS  SHIFT, V8, V8

// ESS_SUM3 adds the three exps to the partial sums; ESS_STORE_SUM3 first
// stores them at DST.
#define ESS_SUM3 \
	VADDPS V2, V12, V12 \
	VADDPS V6, V13, V13 \
	VADDPS V10, V14, V14

#define ESS_STORE_SUM3 \
	VMOVUPS V2, (DST) \
	VMOVUPS V6, VB(DST) \
	VMOVUPS V10, (2*VB)(DST) \
	ESS_SUM3

// ESS1 sets V2 = exp32(V0 − shift).
#define ESS1 \
	VSUBPS SHIFT, V0, V0 \
	EXP_FULL(V0, V1, V2, V3)

// ESS_ONE_LOOPS is the loop over one vector and the masked tail, storing
// the exps at DST; ESN_ONE_LOOPS only sums them.
#define ESS_ONE_LOOPS(loop1, tail, done) \
	N_LOOP(loop1, tail, 1) \
	VMOVUPS (X_PTR), V0 \
	ESS1 \
	VMOVUPS V2, (DST) \
	VADDPS  V2, V12, V12 \
	NEXT_XD(loop1, 1) \
	N_TAIL(tail, done) \
	TAIL_MASK \
	MLOAD((X_PTR), V0) \
	ESS1 \
	MSTORE(V2, (DST)) \
	ESS_SUM_TAIL

#define ESN_ONE_LOOPS(loop1, tail, done) \
	N_LOOP(loop1, tail, 1) \
	VMOVUPS (X_PTR), V0 \
	ESS1 \
	VADDPS V2, V12, V12 \
	NEXT_X(loop1, 1) \
	N_TAIL(tail, done) \
	TAIL_MASK \
	MLOAD((X_PTR), V0) \
	ESS1 \
	ESS_SUM_TAIL

// ESS_REDUCE adds the partial sums and leaves their total in the low lane
// of X12.
#define ESS_REDUCE \
	VADDPS V13, V12, V12 \
	VADDPS V14, V12, V12 \
	HSUM(V12, H12, X12, H13, X13)

// BCELogitsSum's steps (bceTerm, see rowops_avx2_amd64.s), in phases on
// registers z, m (the term), n, t and u; y is a register or a memory
// operand. Each level defines BCE_ZERO (+0), BCE_ARG, BCE_L1–BCE_L3 and
// BCE_KEEP_TAIL.

// BCE_M sets m = max(z, 0) − z·y (VMAXPS returns its second source, +0,
// for z = ±0).
#define BCE_M(z, y, m, u) \
	VMAXPS BCE_ZERO, z, m \
	VMULPS y, z, u \
	VSUBPS u, m, m

// BCE sets m to the terms bceTerm(z, y) of one vector, its phases in
// order; z, n, t and u are clobbered.
#define BCE(z, y, m, n, t, u) \
	BCE_M(z, y, m, u) \
	BCE_ARG(z, u) \
	EXP_P(z, n, EXP_F(n, u), t, u) \
	EXP_SCALE_NEG(n, t) \
	BCE_L1(t, u) \
	BCE_L2(t, u) \
	BCE_L3(t, u, m)

// BCE2_VECS lists, for EXP_PS, BCE2's two vectors: z, n, t and u of
// vector j in V(5j), V(5j+2), V(5j+3), V(5j+4).
#define BCE2_VECS(op) op(V0, V2, V3, V4); op(V5, V7, V8, V9)

// BCE2 adds the terms of the two vectors at X_PTR and Y_PTR, their phases
// interleaved (vector j in V(5j)…V(5j+4) as z, m, n, t, u), to the float64
// sums V10, V11 (the first vector) and V12, V13 (the second).
#define BCE2 \
	VMOVUPS (X_PTR), V0 \
	VMOVUPS VB(X_PTR), V5 \
	BCE_M(V0, (Y_PTR), V1, V4) \
	BCE_M(V5, VB(Y_PTR), V6, V9) \
	BCE_ARG(V0, V4) \
	BCE_ARG(V5, V9) \
	EXP_PS(BCE2_VECS) \
	BCE2_VECS(EXP_SCALE_NEG_V) \
	BCE_L1(V3, V4) \
	BCE_L1(V8, V9) \
	BCE_L2(V3, V4) \
	BCE_L2(V8, V9) \
	BCE_L3(V3, V4, V1) \
	BCE_L3(V8, V9, V6) \
	BCE_ACC(H1, V1, V2, V10, V11) \
	BCE_ACC(H6, V6, V7, V12, V13)

// BCE_LOOPS is BCELogitsSum's loops: two vectors a trip (BCE2), one, then
// the masked tail (the masked-off lanes' terms, log 2, dropped).
#define BCE_LOOPS(loop2, loop1, tail, done) \
	N_LOOP(loop2, loop1, 2) \
	BCE2 \
	NEXT_XY(loop2, 2) \
	N_LOOP(loop1, tail, 1) \
	VMOVUPS (X_PTR), V0 \
	BCE(V0, (Y_PTR), V1, V2, V3, V4) \
	BCE_ACC(H1, V1, V2, V10, V11) \
	NEXT_XY(loop1, 1) \
	N_TAIL(tail, done) \
	TAIL_MASK \
	MLOAD((X_PTR), V0) \
	MLOAD((Y_PTR), V5) \
	BCE(V0, V5, V1, V2, V3, V4) \
	BCE_KEEP_TAIL \
	BCE_ACC(H1, V1, V2, V10, V11)
