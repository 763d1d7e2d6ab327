// Included by the AVX2 kernels: ymm registers under the names that the
// width-generic macros (loop_amd64.h, gemv_amd64.h, rowops_amd64.h,
// optim_amd64.h, activation_amd64.h) use: VB, a vector's bytes; V0–V15,
// the vector registers; EXTRACT_HI, the instruction that extracts a
// vector's upper half.

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
