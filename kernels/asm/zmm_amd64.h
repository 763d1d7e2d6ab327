// Included by the AVX-512 kernels: zmm registers under the names that the
// width-generic macros (loop_amd64.h, vec_amd64.h, rowops_amd64.h,
// gemv_amd64.h, optim_amd64.h, activation_amd64.h, relu_amd64.h) use: VB,
// a vector's bytes; V0–V15, the vector registers, and H0–H15, their lower
// halves; EXTRACT_HI, the instruction that extracts a vector's upper half;
// and the masked tail's steps.

#define VB 64
#define EXTRACT_HI VEXTRACTF64X4

#define V0 Z0
#define V1 Z1
#define V2 Z2
#define V3 Z3
#define V4 Z4
#define V5 Z5
#define V6 Z6
#define V7 Z7
#define V8 Z8
#define V9 Z9
#define V10 Z10
#define V11 Z11
#define V12 Z12
#define V13 Z13
#define V14 Z14
#define V15 Z15

#define H0 Y0
#define H1 Y1
#define H2 Y2
#define H3 Y3
#define H4 Y4
#define H5 Y5
#define H6 Y6
#define H7 Y7
#define H8 Y8
#define H9 Y9
#define H10 Y10
#define H11 Y11
#define H12 Y12
#define H13 Y13
#define H14 Y14
#define H15 Y15

// TAIL_MASK makes the opmask K1 of the last N (1..15) elements, using
// TAIL_TMP (the including file defines it); MLOAD and MSTORE load and store
// those elements (a zero-masked load and a masked store neither read nor
// write the masked-off lanes, and do not fault beside an unmapped page).
#define TAIL_MASK AVX512_TAIL_MASK(N, TAIL_TMP, K1)
#define MLOAD(m, v) VMOVUPS.Z m, K1, v
#define MSTORE(v, m) VMOVUPS v, K1, m

// VZERO zeroes the vector v through x, its xmm name: a VEX write zeroes
// all 512 bits (no AVX512DQ needed).
#define VZERO(v, x) VXORPS x, x, x

// HSUM and HSUM_PD set the low lane of x to the sum of v's float32 or
// float64 lanes, folding v's halves into h (t, th: a temporary and its
// ymm name).
#define HSUM(v, h, x, th, t) HSUM_ZMM(v, h, x, th, t)
#define HSUM_PD(v, h, x, th, t) HSUM_ZMM_PD(v, h, x, th, t)
