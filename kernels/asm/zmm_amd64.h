// Included by the AVX-512 kernels: zmm registers under the names that the
// width-generic macros (loop_amd64.h, gemv_amd64.h, rowops_amd64.h,
// optim_amd64.h, activation_amd64.h) use: VB, a vector's bytes; V0–V15,
// the vector registers; EXTRACT_HI, the instruction that extracts a
// vector's upper half.

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
