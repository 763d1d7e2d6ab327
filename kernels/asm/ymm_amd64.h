// Included by the AVX2 kernels: ymm registers under the names that the
// width-generic macros (loop_amd64.h, vec_amd64.h, rowops_amd64.h,
// gemv_amd64.h, optim_amd64.h, activation_amd64.h, relu_amd64.h) use: VB,
// a vector's bytes; V0–V15, the vector registers, and H0–H15, their lower
// halves; EXTRACT_HI, the instruction that extracts a vector's upper half;
// and the masked tail's steps.

#define VB 32
#define EXTRACT_HI VEXTRACTF128

#define V0 Y0
#define V1 Y1
#define V2 Y2
#define V3 Y3
#define V4 Y4
#define V5 Y5
#define V6 Y6
#define V7 Y7
#define V8 Y8
#define V9 Y9
#define V10 Y10
#define V11 Y11
#define V12 Y12
#define V13 Y13
#define V14 Y14
#define V15 Y15

#define H0 X0
#define H1 X1
#define H2 X2
#define H3 X3
#define H4 X4
#define H5 X5
#define H6 X6
#define H7 X7
#define H8 X8
#define H9 X9
#define H10 X10
#define H11 X11
#define H12 X12
#define H13 X13
#define H14 X14
#define H15 X15

// TAIL_MASK makes the mask of the last N (1..7) elements in MASK, using
// TAIL_TMP and R8 (the including file defines MASK and TAIL_TMP); MLOAD and
// MSTORE load and store those elements (VMASKMOVPS neither reads nor
// writes the masked-off lanes, and reads them as zero).
#define TAIL_MASK AVX2_TAIL_MASK(N, TAIL_TMP, MASK)
#define MLOAD(m, v) VMASKMOVPS m, MASK, v
#define MSTORE(v, m) VMASKMOVPS v, MASK, m

// VZERO zeroes the vector v (x: its xmm name).
#define VZERO(v, x) VXORPS v, v, v

// HSUM and HSUM_PD set the low lane of x to the sum of v's float32 or
// float64 lanes (h and th: v's and t's halves, here x and t themselves).
#define HSUM(v, h, x, th, t) HSUM_YMM(v, x, t)
#define HSUM_PD(v, h, x, th, t) HSUM_YMM_PD(v, x, t)
