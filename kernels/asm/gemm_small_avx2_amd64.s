//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"

// Small-product kernels for AVX2 and FMA3: the AVX-512 file's kernels with
// ymm registers, strips of at most two vectors, rows in groups of 8 (one
// vector) or 6 (two), then 4, 2, 1; their structure is in
// gemm_small_amd64.h. Each type has two kernels: one masks B's last
// vector, the other (…Whole…, at the end of the file) loads it whole, for
// strips of whole vectors. float64 masks are float32 masks of twice the lanes
// (VMASKMOVPD reads each 64-bit lane's top bit).
//
// Y0–Y11    accumulators, row r's vector v in Y(2r+v) (the 8-row block of
//           one vector: row r's in Y(r))
// Y12, Y13  B's row l (vectors 0, 1); in the epilogue alpha and beta,
//           broadcast anew by each group's betaBits
// Y14       each row's op(A) element at l in turn, then the epilogue's
//           scratch
// Y15       the columns of the strip's last vector (a VMASKMOVPS mask)
//
// In-L1 loops on this project's Xeon (float32, m = 24–48, k = 16–256,
// alternated in one process) ran 6 rows × 2 vectors, unmasked, 1.11–1.17×
// as fast as the earlier 4 × 2 with both vectors masked, and 8 rows × 1
// vector 1.32–1.45× as fast as 4 × 1: more independent FMA chains, and
// fewer broadcasts and masked loads per FMA.

#define S0 Y0
#define S1 Y1
#define S2 Y2
#define S3 Y3
#define S4 Y4
#define S5 Y5
#define S6 Y6
#define S7 Y7
#define S8 Y8
#define S9 Y9
#define S10 Y10
#define S11 Y11
#define E0 Y14
#define E1 Y14
#define E2 Y14
#define E3 Y14
#define E4 Y14
#define E5 Y14
#define B0 Y12
#define B1 Y13
#define SCRATCH Y14
#define LAST Y15
#define ALPHA Y12
#define BETA Y13
#define VBYTES 32
#define TAIL_MASK AVX2_TAIL_MASK

// TWO_LANES_A_COLUMN: a float64 mask is a float32 mask of twice the lanes.
#define TWO_LANES_A_COLUMN SHLQ $1, CX

// A step broadcasts and multiplies row by row, all through Y14; rows go
// in groups of 8 (one vector) or 6 (two) first, APTR4 walking rows 4–7.
#define FMAS1(list, t) list(BCAST_FMA1, t)
#define FMAS2(list, t) list(BCAST_FMA2, t)
#define BIG_V1(t, betaBits, here, loop, beta0, stored, next) \
	ROW_GROUP(8, ROWS8_V1, START_A8, STEP_A8, NEXT_GROUP(8), t, betaBits, ZERO1, LOAD_B1, FMAS1, C_BETA1, C_STORE1, here, loop, beta0, stored, next)
#define BIG_V2(t, betaBits, here, loop, beta0, stored, next) \
	V2(6, ROWS6, START_A8, STEP_A8, NEXT_GROUP6, t, betaBits, here, loop, beta0, stored, next)

// ROWS8_V1: the rows of the 8-row block of one vector, row r's
// accumulator in Y(r).
#define ROWS8_V1(op, t) \
	op(t, (APTR), E0, Y0, Y0); op(t, (APTR)(AROW*1), E0, Y1, Y1); \
	op(t, (APTR)(AROW*2), E0, Y2, Y2); op(t, (APTR)(AROW3*1), E0, Y3, Y3); \
	op(t, (APTR4), E0, Y4, Y4); op(t, (APTR4)(AROW*1), E0, Y5, Y5); \
	op(t, (APTR4)(AROW*2), E0, Y6, Y6); op(t, (APTR4)(AROW3*1), E0, Y7, Y7)

// The type tables (see gemm_small_amd64.h).
#define F32(sel) sel(VXORPS, VMASKMOVPS, VMASKMOVPS, VBROADCASTSS, VFMADD231PS, VMULPS, VADDPS, VMOVUPS)
#define F64(sel) sel(VXORPD, VMASKMOVPD, VMASKMOVPD, VBROADCASTSD, VFMADD231PD, VMULPD, VADDPD, VMOVUPD)

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
// Rows go in groups of 8 (n ≤ 8: one vector of accumulators per row) or
// 6 (two vectors), then 4, 2, 1. Columns past n are masked off in every
// load and store of B and C (VMASKMOVPS). Requires AVX2 and FMA3.
TEXT ·GemmSmallF32AVX2(SB), NOSPLIT, $0-88
// SMALL_ARGS(lanes, toMaskLanes, shift): the arguments but alpha and
// beta, strides in bytes (elements << shift), LAST the last vector's
// columns (LAST_MASK), and a jump to the two-vector blocks (nv2, inside
// SMALL_GROUPS; every block ends at done, after it) when n > lanes.
// Defined here, in the first TEXT, but expanded by all four: vet's
// asmdecl checks its offsets against this TEXT's frame only, and the
// other three have these arguments at the same offsets (their signatures
// differ only in alpha and beta, at the end).
#define SMALL_ARGS(lanes, toMaskLanes, shift) \
	MOVQ n+8(FP), CX; \
	LAST_MASK(lanes, toMaskLanes); \
	MOVQ m+0(FP), ROWS; \
	MOVQ a+24(FP), AGROUP; \
	MOVQ aRow+32(FP), AROW; \
	SHLQ $shift, AROW; \
	LEAQ (AROW)(AROW*2), AROW3; \
	MOVQ aStep+40(FP), ASTEP; \
	SHLQ $shift, ASTEP; \
	MOVQ ldb+56(FP), LDB; \
	SHLQ $shift, LDB; \
	MOVQ c+64(FP), CGROUP; \
	MOVQ ldc+72(FP), LDC; \
	SHLQ $shift, LDC; \
	CMPQ n+8(FP), $lanes; \
	JA   nv2

	SMALL_ARGS(8, LANES_ARE_COLUMNS, 2)

// GROUP_ARGS: each row group re-reads B's strip and k. Defined here, in
// the first TEXT, but expanded by all four kernels' SMALL_GROUPS: vet's
// asmdecl checks b+48 and k+16 only against this TEXT's frame. The other
// frames have b and k at the same offsets (the signatures differ only in
// alpha and beta, at the end), so a change of any signature must keep
// them there or give each TEXT its own GROUP_ARGS.
// F32_BETA_BITS: alpha and beta broadcast into B0 and B1, free once the
// loop is done, and beta's bits but the sign, for the epilogue's test;
// expanded by the two float32 TEXTs, whose frames are the same
// (F64_BETA_BITS is the float64 TEXTs').
#define GROUP_ARGS \
	MOVQ b+48(FP), BPTR; \
	MOVQ k+16(FP), KLEFT
#define F32_BETA_BITS \
	VBROADCASTSS alpha+80(FP), ALPHA; \
	VBROADCASTSS beta+84(FP), BETA; \
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
// Rows go in groups of 8 (n ≤ 4: one vector of accumulators per row) or
// 6 (two vectors), then 4, 2, 1. Columns past n are masked off in every
// load and store of B and C (VMASKMOVPD). Requires AVX2 and FMA3.
TEXT ·GemmSmallF64AVX2(SB), NOSPLIT, $0-96
	SMALL_ARGS(4, TWO_LANES_A_COLUMN, 3)

// F64_BETA_BITS: as F32_BETA_BITS, for the two float64 TEXTs (the same
// frame), defined in the first so that asmdecl checks it against it.
#define F64_BETA_BITS \
	VBROADCASTSD alpha+80(FP), ALPHA; \
	VBROADCASTSD beta+88(FP), BETA; \
	MOVQ beta+88(FP), CPTR; \
	SHLQ $1, CPTR

	SMALL_GROUPS(F64, F64_BETA_BITS)

done:
	VZEROUPPER
	RET

// The whole-vector kernels: the same blocks, with B's rows loaded
// unmasked, for strips whose columns are whole vectors (n a multiple of 8
// float32, 4 float64). The masked load (VMASKMOVPS/PD) of B's last vector
// in every k step held the strips back: without it they ran 1.074–1.090×
// as fast (float32 16³ … 128³, 64×1000×64, 1000×64×64 TN; float64 32³ …
// 128³; AMD Zen 5, alternated in one process, medians of 21 rounds).
// AVX-512's masked loads cost nothing measurable, so that file has one
// kernel per type. C's loads and stores stay masked (once per row group;
// the mask is all ones here). The #undefs below make SMALL_GROUPS expand
// with the unmasked loads in the two TEXTs after them.
#undef LOAD_B1
#undef LOAD_B2
#define LOAD_B1(t) t(T_MOVU) (BPTR), B0
#define LOAD_B2(t) t(T_MOVU) (BPTR), B0; t(T_MOVU) VBYTES(BPTR), B1

// func GemmSmallWholeF32AVX2(m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float32)
//
// GemmSmallF32AVX2's loop for n = 8 or 16: B's rows loaded whole.
// Requires AVX2 and FMA3.
TEXT ·GemmSmallWholeF32AVX2(SB), NOSPLIT, $0-88
	SMALL_ARGS(8, LANES_ARE_COLUMNS, 2)
	SMALL_GROUPS(F32, F32_BETA_BITS)

done:
	VZEROUPPER
	RET

// func GemmSmallWholeF64AVX2(m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float64)
//
// GemmSmallF64AVX2's loop for n = 4 or 8: B's rows loaded whole.
// Requires AVX2 and FMA3.
TEXT ·GemmSmallWholeF64AVX2(SB), NOSPLIT, $0-96
	SMALL_ARGS(4, TWO_LANES_A_COLUMN, 3)
	SMALL_GROUPS(F64, F64_BETA_BITS)

done:
	VZEROUPPER
	RET
