//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"

// Small-product kernels for AVX2 and FMA3: the AVX-512 file's kernels with
// ymm registers, rows in groups of at most four; their structure is in
// gemm_small_amd64.h. float64 masks are float32 masks of twice the lanes
// (VMASKMOVPD reads each 64-bit lane's top bit).
//
// Y0–Y7     accumulators, row r's vector v in Y(2r+v)
// Y8, Y9    B's row l (vectors 0, 1)
// Y10       each row's op(A) element at l in turn, then the epilogue's
//           scratch
// Y11, Y12  the columns of vector 0, 1 (masks)
// Y13, Y14  alpha, beta

#define S0 Y0
#define S1 Y1
#define S2 Y2
#define S3 Y3
#define S4 Y4
#define S5 Y5
#define S6 Y6
#define S7 Y7
#define E0 Y10
#define E1 Y10
#define E2 Y10
#define E3 Y10
#define B0 Y8
#define B1 Y9
#define SCRATCH Y10
#define MASK0 Y11
#define MASK1 Y12
#define ALPHA Y13
#define BETA Y14
#define VBYTES 32
#define TAIL_MASK AVX2_TAIL_MASK
#define NO_COLUMNS(m) VPXOR m, m, m
#define ALL_COLUMNS(m) VPCMPEQD m, m, m

// TWO_LANES_A_COLUMN: a float64 mask is a float32 mask of twice the lanes.
#define TWO_LANES_A_COLUMN SHLQ $1, CX

// A step broadcasts and multiplies row by row, all through Y10; groups of
// at most four rows.
#define FMAS1(list, t) list(BCAST_FMA1, t)
#define FMAS2(list, t) list(BCAST_FMA2, t)
#define GROUP8_V1(t, betaBits, here, loop, beta0, stored, next)
#define GROUP8_V2(t, betaBits, here, loop, beta0, stored, next)

// The type tables (see gemm_small_amd64.h).
#define F32(sel) sel(VXORPS, VMASKMOVPS, VMASKMOVPS, VBROADCASTSS, VFMADD231PS, VMULPS, VADDPS)
#define F64(sel) sel(VXORPD, VMASKMOVPD, VMASKMOVPD, VBROADCASTSD, VFMADD231PD, VMULPD, VADDPD)

#include "gemm_small_amd64.h"

// func GemmSmallF32AVX2(m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float32)
//
//	for i := 0; i < m; i++ {
//		for j := 0; j < n; j++ { // n ≤ 16
//			var acc float32 // FMAs in order l = 0, 1, …, k-1
//			for l := 0; l < k; l++ { acc += a[i*aRow+l*aStep] * b[l*ldb+j] }
//			r := alpha * acc
//			p := &c[i*ldc+j]
//			if beta == 0 { *p = r } else { *p = beta**p + r } // product rounded, then added
//		}
//	}
//
// Rows go in groups of 4, then 2, 1; each group keeps its 16 columns in
// two vectors of accumulators per row (one when n ≤ 8). Columns past n
// are masked off in every load and store of B and C (VMASKMOVPS). Requires
// AVX2 and FMA3.
TEXT ·GemmSmallF32AVX2(SB), NOSPLIT, $0-88
	MOVQ n+8(FP), CX
	COLUMN_MASKS(8, LANES_ARE_COLUMNS)
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
	CMPQ n+8(FP), $8
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

// func GemmSmallF64AVX2(m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float64)
//
//	for i := 0; i < m; i++ {
//		for j := 0; j < n; j++ { // n ≤ 8
//			var acc float64 // FMAs in order l = 0, 1, …, k-1
//			for l := 0; l < k; l++ { acc += a[i*aRow+l*aStep] * b[l*ldb+j] }
//			r := alpha * acc
//			p := &c[i*ldc+j]
//			if beta == 0 { *p = r } else { *p = beta**p + r } // product rounded, then added
//		}
//	}
//
// Rows go in groups of 4, then 2, 1; each group keeps its 8 columns in
// two vectors of accumulators per row (one when n ≤ 4). Columns past n
// are masked off in every load and store of B and C (VMASKMOVPD). Requires
// AVX2 and FMA3.
TEXT ·GemmSmallF64AVX2(SB), NOSPLIT, $0-96
	MOVQ n+8(FP), CX
	COLUMN_MASKS(4, TWO_LANES_A_COLUMN)
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
	CMPQ n+8(FP), $4
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
