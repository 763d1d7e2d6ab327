//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"

// Small-product kernels for AVX-512 (AVX512F only): C = alpha·op(A)·B +
// beta·C for a strip of at most two vectors of columns, read in place.
// op(A) is read through two strides (a row-major A: aRow = lda, aStep = 1;
// a transposed one: aRow = 1, aStep = lda), B row by row; nothing is
// packed. Each element's sum takes its FMAs in order l = 0, 1, …, k−1, as
// the micro-kernels' contract (microKernelSpec) has it, with the same
// epilogue. Their structure is in gemm_small_amd64.h.
//
// Z0–Z15    accumulators, row r's vector v in Z(2r+v)
// Z16, Z17  B's row l (vectors 0, 1)
// Z18–Z25   op(A)'s elements of rows 0–7 at l, all broadcast before the
//           FMAs; Z24 is the epilogue's scratch
// K1, K2    the columns of vector 0, 1
// Z30, Z31  alpha, beta

#define S0 Z0
#define S1 Z1
#define S2 Z2
#define S3 Z3
#define S4 Z4
#define S5 Z5
#define S6 Z6
#define S7 Z7
#define S8 Z8
#define S9 Z9
#define S10 Z10
#define S11 Z11
#define S12 Z12
#define S13 Z13
#define S14 Z14
#define S15 Z15
#define E0 Z18
#define E1 Z19
#define E2 Z20
#define E3 Z21
#define E4 Z22
#define E5 Z23
#define E6 Z24
#define E7 Z25
#define B0 Z16
#define B1 Z17
#define SCRATCH Z24
#define MASK0 K1
#define MASK1 K2
#define ALPHA Z30
#define BETA Z31
#define VBYTES 64
#define TAIL_MASK AVX512_TAIL_MASK
#define NO_COLUMNS(k) KXORW k, k, k
#define ALL_COLUMNS(k) KXNORW k, k, k

// A step broadcasts every row's element, then does the FMAs; rows also go
// in groups of 8 (APTR4 walks rows 4–7).
#define FMAS1(list, t) list(BCAST, t); list(FMA1, t)
#define FMAS2(list, t) list(BCAST, t); list(FMA2, t)
#define GROUP8_V1(t, betaBits, here, loop, beta0, stored, next) \
	V1(8, ROWS8, START_A8, STEP_A8, NEXT_GROUP(8), t, betaBits, here, loop, beta0, stored, next)
#define GROUP8_V2(t, betaBits, here, loop, beta0, stored, next) \
	V2(8, ROWS8, START_A8, STEP_A8, NEXT_GROUP(8), t, betaBits, here, loop, beta0, stored, next)

// The type tables (see gemm_small_amd64.h): loads zero the masked-off
// lanes; VPXORD, as VXORPS/PD on zmm need AVX512DQ.
#define F32(sel) sel(VPXORD, VMOVUPS.Z, VMOVUPS, VBROADCASTSS, VFMADD231PS, VMULPS, VADDPS)
#define F64(sel) sel(VPXORD, VMOVUPD.Z, VMOVUPD, VBROADCASTSD, VFMADD231PD, VMULPD, VADDPD)

#include "gemm_small_amd64.h"

// func GemmSmallF32AVX512(m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float32)
//
//	for i := 0; i < m; i++ {
//		for j := 0; j < n; j++ { // n ≤ 32
//			var acc float32 // FMAs in order l = 0, 1, …, k-1
//			for l := 0; l < k; l++ { acc += a[i*aRow+l*aStep] * b[l*ldb+j] }
//			r := alpha * acc
//			p := &c[i*ldc+j]
//			if beta == 0 { *p = r } else { *p = beta**p + r } // product rounded, then added
//		}
//	}
//
// Rows go in groups of 8, then 4, 2, 1; each group keeps its 32 columns
// in two vectors of accumulators per row (one when n ≤ 16). Columns past n
// are masked off in every load and store of B and C. Requires AVX512F.
TEXT ·GemmSmallF32AVX512(SB), NOSPLIT, $0-88
	MOVQ n+8(FP), CX
	COLUMN_MASKS(16, LANES_ARE_COLUMNS)
	MOVQ m+0(FP), ROWS
	MOVQ a+24(FP), AGROUP
	MOVQ aRow+32(FP), AROW
	SHLQ $2, AROW
	LEAQ (AROW)(AROW*2), AROW3
	MOVQ aStep+40(FP), ASTEP
	SHLQ $2, ASTEP
	MOVQ ldb+56(FP), LDB
	SHLQ $2, LDB
	MOVQ c+64(FP), CGROUP
	MOVQ ldc+72(FP), LDC
	SHLQ $2, LDC
	VBROADCASTSS alpha+80(FP), ALPHA
	VBROADCASTSS beta+84(FP), BETA
	CMPQ n+8(FP), $16
	JA   nv2 // nv2 is defined inside SMALL_GROUPS; its blocks end at done, below

// GROUP_ARGS: each row group re-reads B's strip and k. Defined here, in
// the float32 TEXT, but expanded by both kernels' SMALL_GROUPS: vet's
// asmdecl checks b+48 and k+16 only against this TEXT's frame. The float64
// kernel's frame has b and k at the same offsets (its arguments differ
// only in alpha and beta, at the end), so a change of either signature
// must keep them there or give each TEXT its own GROUP_ARGS.
// F32_BETA_BITS: beta's bits but the sign, for the epilogue's test; only
// this TEXT expands it (F64_BETA_BITS is the float64 TEXT's own).
#define GROUP_ARGS \
	MOVQ b+48(FP), BPTR; \
	MOVQ k+16(FP), KLEFT
#define F32_BETA_BITS \
	MOVL beta+84(FP), CPTR; \
	SHLL $1, CPTR

	SMALL_GROUPS(F32, F32_BETA_BITS)

done:
	VZEROUPPER
	RET

// func GemmSmallF64AVX512(m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float64)
//
//	for i := 0; i < m; i++ {
//		for j := 0; j < n; j++ { // n ≤ 16
//			var acc float64 // FMAs in order l = 0, 1, …, k-1
//			for l := 0; l < k; l++ { acc += a[i*aRow+l*aStep] * b[l*ldb+j] }
//			r := alpha * acc
//			p := &c[i*ldc+j]
//			if beta == 0 { *p = r } else { *p = beta**p + r } // product rounded, then added
//		}
//	}
//
// Rows go in groups of 8, then 4, 2, 1; each group keeps its 16 columns
// in two vectors of accumulators per row (one when n ≤ 8). Columns past n
// are masked off in every load and store of B and C. Requires AVX512F.
TEXT ·GemmSmallF64AVX512(SB), NOSPLIT, $0-96
	MOVQ n+8(FP), CX
	COLUMN_MASKS(8, LANES_ARE_COLUMNS)
	MOVQ m+0(FP), ROWS
	MOVQ a+24(FP), AGROUP
	MOVQ aRow+32(FP), AROW
	SHLQ $3, AROW
	LEAQ (AROW)(AROW*2), AROW3
	MOVQ aStep+40(FP), ASTEP
	SHLQ $3, ASTEP
	MOVQ ldb+56(FP), LDB
	SHLQ $3, LDB
	MOVQ c+64(FP), CGROUP
	MOVQ ldc+72(FP), LDC
	SHLQ $3, LDC
	VBROADCASTSD alpha+80(FP), ALPHA
	VBROADCASTSD beta+88(FP), BETA
	CMPQ n+8(FP), $8
	JA   nv2 // nv2 is defined inside SMALL_GROUPS; its blocks end at done, below

// F64_BETA_BITS: beta's bits but the sign, for the epilogue's test; only
// this TEXT expands it, so asmdecl checks it against the right frame.
#define F64_BETA_BITS \
	MOVQ beta+88(FP), CPTR; \
	SHLQ $1, CPTR

	SMALL_GROUPS(F64, F64_BETA_BITS)

done:
	VZEROUPPER
	RET
