//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"

// Small-product kernels for AVX-512 (AVX512F only): C = alpha·op(A)·B +
// beta·C for a strip of at most four vectors of columns, read in place.
// op(A) is read through two strides (a row-major A: aRow = lda, aStep = 1;
// a transposed one: aRow = 1, aStep = lda), B row by row; nothing is
// packed. Each element's sum takes its FMAs in order l = 0, 1, …, k−1, as
// the micro-kernels' contract (microKernelSpec) has it, with the same
// epilogue. Their structure is in gemm_small_amd64.h.
//
// Strips of one or two vectors (the blocks of gemm_small_amd64.h):
// Z0–Z15    accumulators, row r's vector v in Z(2r+v)
// Z16, Z17  B's row l (vectors 0, 1)
// Z18–Z25   op(A)'s elements of rows 0–7 at l, all broadcast before the
//           FMAs (two vectors; one vector broadcasts within the FMA, and
//           its 16-row block keeps row r in Z(r)); Z24 is the epilogue's
//           scratch
// Strips of three or four vectors (the wide blocks, below):
// Z0–Z23    accumulators, row r's vector v in Z(3r+v) (three vectors, rows
//           in groups of 8) or Z(4r+v) (four, groups of 6)
// Z24–Z27   B's row l (vectors 0–3); Z24 is the epilogue's scratch
// Z28, Z29  op(A)'s element at l of the even rows, of the odd rows
// All:
// K1        the columns of the strip's last vector
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
#define LAST K1
#define ALPHA Z30
#define BETA Z31
#define VBYTES 64
#define TAIL_MASK AVX512_TAIL_MASK

// A step of two vectors broadcasts every row's element, then does the
// FMAs; rows also go in groups of 8 (APTR4 walks rows 4–7). A step of one
// vector takes each row's element as the embedded broadcast of its FMA,
// one instruction instead of two, and rows go in groups of 16 first (16
// chains of FMAs instead of 8): in-L1 loops of one vector (float32, m =
// 48, k = 16–128) ran 1.04–1.09× faster with the embedded broadcast and
// 1.11–1.14× with it and 16 rows, alternated on this project's Xeon; two
// vectors ran 0.80× with it (one load per FMA instead of per two).
#define FMAS1(list, t) list(BCAST_FMA1_EMBEDDED, t)
#define FMAS2(list, t) list(BCAST, t); list(FMA2, t)
#define BCAST_FMA1_EMBEDDED(t, src, e, s0, s1) t(T_FMA).BCST src, B0, s0
#define BIG_V1(t, betaBits, here, loop, beta0, stored, next) \
	ROW_GROUP(16, ROWS16_V1, START_A16, STEP_A16, NEXT_GROUP16, t, betaBits, ZERO1, LOAD_B1, FMAS1, C_BETA1, C_STORE1, here, loop, beta0, stored, r8v1Only); \
	V1(8, ROWS8, START_A8, STEP_A8, NEXT_GROUP(8), t, betaBits, r8v1Only, r8v1OnlyLoop, r8v1OnlyBeta0, r8v1OnlyNext, next)
#define BIG_V2(t, betaBits, here, loop, beta0, stored, next) \
	V2(8, ROWS8, START_A8, STEP_A8, NEXT_GROUP(8), t, betaBits, here, loop, beta0, stored, next)

// The 16-row block of one vector: row r's accumulator is Z(r) (its
// broadcast register, e, goes unused); APTR8 and APTR12 walk rows 8–11
// and 12–15. R14 and R15 are free here: an ABI0 function may clobber R14
// (g), which its wrapper restores, and R15 is only taken by global
// accesses when dynamically linking, and this file makes none (it
// assembles with -dynlink).
#define APTR8 R14
#define APTR12 R15
#define ROWS16_V1(op, t) \
	op(t, (APTR), E0, Z0, Z0); op(t, (APTR)(AROW*1), E0, Z1, Z1); \
	op(t, (APTR)(AROW*2), E0, Z2, Z2); op(t, (APTR)(AROW3*1), E0, Z3, Z3); \
	op(t, (APTR4), E0, Z4, Z4); op(t, (APTR4)(AROW*1), E0, Z5, Z5); \
	op(t, (APTR4)(AROW*2), E0, Z6, Z6); op(t, (APTR4)(AROW3*1), E0, Z7, Z7); \
	op(t, (APTR8), E0, Z8, Z8); op(t, (APTR8)(AROW*1), E0, Z9, Z9); \
	op(t, (APTR8)(AROW*2), E0, Z10, Z10); op(t, (APTR8)(AROW3*1), E0, Z11, Z11); \
	op(t, (APTR12), E0, Z12, Z12); op(t, (APTR12)(AROW*1), E0, Z13, Z13); \
	op(t, (APTR12)(AROW*2), E0, Z14, Z14); op(t, (APTR12)(AROW3*1), E0, Z15, Z15)
#define START_A16 START_A8; LEAQ (AGROUP)(AROW*8), APTR8; LEAQ (APTR8)(AROW*4), APTR12
#define STEP_A16 STEP_A8; ADDQ ASTEP, APTR8; ADDQ ASTEP, APTR12
#define NEXT_GROUP16 \
	LEAQ (AGROUP)(AROW*8), AGROUP; \
	LEAQ (AGROUP)(AROW*8), AGROUP; \
	LEAQ (CGROUP)(LDC*8), CGROUP; \
	LEAQ (CGROUP)(LDC*8), CGROUP; \
	SUBQ $16, ROWS

// The type tables (see gemm_small_amd64.h): loads zero the masked-off
// lanes; VPXORD, as VXORPS/PD on zmm need AVX512DQ.
#define F32(sel) sel(VPXORD, VMOVUPS.Z, VMOVUPS, VBROADCASTSS, VFMADD231PS, VMULPS, VADDPS, VMOVUPS)
#define F64(sel) sel(VPXORD, VMOVUPD.Z, VMOVUPD, VBROADCASTSD, VFMADD231PD, VMULPD, VADDPD, VMOVUPD)

#include "gemm_small_amd64.h"

// The wide blocks: strips of three or four vectors, which the 32 zmm
// registers allow and AVX2's 16 ymm do not. Per l, a 6×4 block loads 4
// vectors of B and broadcasts 6 elements of A for 24 FMAs, where the 8×2
// block needs 10 loads for 16: in-L1 loops of the two on this project's
// Xeon (float32, m = 48, 64 columns, k = 64 / 128, % of the FMA peak)
// ran 95 / 90 % against 80 / 75 %, and 8×3 92 / 86 %. A row's element is
// broadcast just before its FMAs, into WE0 or WE1 by turns.
#define WB0 Z24
#define WB1 Z25
#define WB2 Z26
#define WB3 Z27
#define WE0 Z28
#define WE1 Z29
#define VBYTES2 128
#define VBYTES3 192

// Row tables of the wide blocks, as ROWSr (gemm_small_amd64.h) but with
// op(t, src, e, s0, s1, s2, s3): ROWSr_V3 for three vectors (s3 repeats
// s2 and is not used), ROWSr_V4 for four.
#define ROWS1_V3(op, t) op(t, (APTR), WE0, Z0, Z1, Z2, Z2)
#define ROWS2_V3(op, t) ROWS1_V3(op, t); op(t, (APTR)(AROW*1), WE1, Z3, Z4, Z5, Z5)
#define ROWS4_V3(op, t) ROWS2_V3(op, t); op(t, (APTR)(AROW*2), WE0, Z6, Z7, Z8, Z8); \
	op(t, (APTR)(AROW3*1), WE1, Z9, Z10, Z11, Z11)
#define ROWS8_V3(op, t) ROWS4_V3(op, t); op(t, (APTR4), WE0, Z12, Z13, Z14, Z14); \
	op(t, (APTR4)(AROW*1), WE1, Z15, Z16, Z17, Z17); op(t, (APTR4)(AROW*2), WE0, Z18, Z19, Z20, Z20); \
	op(t, (APTR4)(AROW3*1), WE1, Z21, Z22, Z23, Z23)
#define ROWS3_V3(op, t) ROWS2_V3(op, t); op(t, (APTR)(AROW*2), WE0, Z6, Z7, Z8, Z8)
#define ROWS7_V3(op, t) ROWS4_V3(op, t); op(t, (APTR4), WE0, Z12, Z13, Z14, Z14); \
	op(t, (APTR4)(AROW*1), WE1, Z15, Z16, Z17, Z17); op(t, (APTR4)(AROW*2), WE0, Z18, Z19, Z20, Z20)
#define ROWS1_V4(op, t) op(t, (APTR), WE0, Z0, Z1, Z2, Z3)
#define ROWS2_V4(op, t) ROWS1_V4(op, t); op(t, (APTR)(AROW*1), WE1, Z4, Z5, Z6, Z7)
#define ROWS3_V4(op, t) ROWS2_V4(op, t); op(t, (APTR)(AROW*2), WE0, Z8, Z9, Z10, Z11)
#define ROWS4_V4(op, t) ROWS3_V4(op, t); op(t, (APTR)(AROW3*1), WE1, Z12, Z13, Z14, Z15)
#define ROWS5_V4(op, t) ROWS4_V4(op, t); op(t, (APTR4), WE0, Z16, Z17, Z18, Z19)
#define ROWS6_V4(op, t) ROWS5_V4(op, t); op(t, (APTR4)(AROW*1), WE1, Z20, Z21, Z22, Z23)

// NEXT_GROUP3, NEXT_GROUP5 and NEXT_GROUP7 move A and C on by three, five
// and seven rows (no LEAQ scale is any of them).
#define NEXT_GROUP3 \
	LEAQ (AGROUP)(AROW*2), AGROUP; \
	ADDQ AROW, AGROUP; \
	LEAQ (CGROUP)(LDC*2), CGROUP; \
	ADDQ LDC, CGROUP; \
	SUBQ $3, ROWS
#define NEXT_GROUP5 \
	LEAQ (AGROUP)(AROW*4), AGROUP; \
	ADDQ AROW, AGROUP; \
	LEAQ (CGROUP)(LDC*4), CGROUP; \
	ADDQ LDC, CGROUP; \
	SUBQ $5, ROWS
#define NEXT_GROUP7 \
	LEAQ (AGROUP)(AROW*8), AGROUP; \
	SUBQ AROW, AGROUP; \
	LEAQ (CGROUP)(LDC*8), CGROUP; \
	SUBQ LDC, CGROUP; \
	SUBQ $7, ROWS

// The wide row ops, as ZERO2, BCAST_FMA2, LOAD_B2, C_BETA2 and C_STORE2
// with three (…3) or four (…4) accumulators, the last vector's columns
// masked.
#define ZERO3(t, src, e, s0, s1, s2, s3) t(T_XOR) s0, s0, s0; t(T_XOR) s1, s1, s1; t(T_XOR) s2, s2, s2
#define ZERO4(t, src, e, s0, s1, s2, s3) ZERO3(t, src, e, s0, s1, s2, s3); t(T_XOR) s3, s3, s3
#define BCAST_FMA3(t, src, e, s0, s1, s2, s3) t(T_BCAST) src, e; t(T_FMA) WB0, e, s0; \
	t(T_FMA) WB1, e, s1; t(T_FMA) WB2, e, s2
#define BCAST_FMA4(t, src, e, s0, s1, s2, s3) BCAST_FMA3(t, src, e, s0, s1, s2, s3); t(T_FMA) WB3, e, s3
#define FMAS3(list, t) list(BCAST_FMA3, t)
#define FMAS4(list, t) list(BCAST_FMA4, t)
#define LOAD_B3(t) t(T_MOVU) (BPTR), WB0; t(T_MOVU) VBYTES(BPTR), WB1; t(T_LOAD) VBYTES2(BPTR), LAST, WB2
#define LOAD_B4(t) t(T_MOVU) (BPTR), WB0; t(T_MOVU) VBYTES(BPTR), WB1; t(T_MOVU) VBYTES2(BPTR), WB2; \
	t(T_LOAD) VBYTES3(BPTR), LAST, WB3
#define C_BETA3(t, src, e, s0, s1, s2, s3) C_WHOLE_BETA(t, s0, 0); C_WHOLE_BETA(t, s1, VBYTES); \
	C_VEC_BETA(t, s2, VBYTES2); ADDQ LDC, CPTR
#define C_BETA4(t, src, e, s0, s1, s2, s3) C_WHOLE_BETA(t, s0, 0); C_WHOLE_BETA(t, s1, VBYTES); \
	C_WHOLE_BETA(t, s2, VBYTES2); C_VEC_BETA(t, s3, VBYTES3); ADDQ LDC, CPTR
#define C_STORE3(t, src, e, s0, s1, s2, s3) C_WHOLE(t, s0, 0); C_WHOLE(t, s1, VBYTES); \
	C_VEC(t, s2, VBYTES2); ADDQ LDC, CPTR
#define C_STORE4(t, src, e, s0, s1, s2, s3) C_WHOLE(t, s0, 0); C_WHOLE(t, s1, VBYTES); \
	C_WHOLE(t, s2, VBYTES2); C_VEC(t, s3, VBYTES3); ADDQ LDC, CPTR

// V3, V4: ROW_GROUP (gemm_small_amd64.h) of a strip of three vectors
// (four).
#define V3(rows, list, startA, stepA, advance, t, betaBits, here, loop, beta0, stored, next) \
	ROW_GROUP(rows, list, startA, stepA, advance, t, betaBits, ZERO3, LOAD_B3, FMAS3, C_BETA3, C_STORE3, here, loop, beta0, stored, next)
#define V4(rows, list, startA, stepA, advance, t, betaBits, here, loop, beta0, stored, next) \
	ROW_GROUP(rows, list, startA, stepA, advance, t, betaBits, ZERO4, LOAD_B4, FMAS4, C_BETA4, C_STORE4, here, loop, beta0, stored, next)

// WIDE_GROUPS(t, betaBits): the wide blocks of a kernel of type t, three
// vectors from label nv3 on (rows by 8, 7, 4, 3, 2, 1), four from nv4 on
// (rows by 6, 5, 4, 3, 2, 1); each ends at done. The groups of 7, 5 and 3
// take a strip's last rows in one pass over B where 4 + 2 + 1, 4 + 1 and
// 2 + 1 took several: the transposed strips' narrow products
// (gemmStripsTransposed) are strips of exactly n rows (n = 7 and 8 in
// strips of three vectors). Expanded once per kernel, like
// SMALL_GROUPS.
#define WIDE_GROUPS(t, betaBits) \
nv3: \
	V3(8, ROWS8_V3, START_A8, STEP_A8, NEXT_GROUP(8), t, betaBits, r8v3, r8v3Loop, r8v3Beta0, r8v3Next, r7v3); \
	V3(7, ROWS7_V3, START_A8, STEP_A8, NEXT_GROUP7, t, betaBits, r7v3, r7v3Loop, r7v3Beta0, r7v3Next, r4v3); \
	V3(4, ROWS4_V3, START_A, STEP_A, NEXT_GROUP(4), t, betaBits, r4v3, r4v3Loop, r4v3Beta0, r4v3Next, r3v3); \
	V3(3, ROWS3_V3, START_A, STEP_A, NEXT_GROUP3, t, betaBits, r3v3, r3v3Loop, r3v3Beta0, r3v3Next, r2v3); \
	V3(2, ROWS2_V3, START_A, STEP_A, NEXT_GROUP(2), t, betaBits, r2v3, r2v3Loop, r2v3Beta0, r2v3Next, r1v3); \
	V3(1, ROWS1_V3, START_A, STEP_A, NEXT_ROW, t, betaBits, r1v3, r1v3Loop, r1v3Beta0, r1v3Next, done); \
nv4: \
	V4(6, ROWS6_V4, START_A8, STEP_A8, NEXT_GROUP6, t, betaBits, r6v4, r6v4Loop, r6v4Beta0, r6v4Next, r5v4); \
	V4(5, ROWS5_V4, START_A8, STEP_A8, NEXT_GROUP5, t, betaBits, r5v4, r5v4Loop, r5v4Beta0, r5v4Next, r4v4); \
	V4(4, ROWS4_V4, START_A, STEP_A, NEXT_GROUP(4), t, betaBits, r4v4, r4v4Loop, r4v4Beta0, r4v4Next, r3v4); \
	V4(3, ROWS3_V4, START_A, STEP_A, NEXT_GROUP3, t, betaBits, r3v4, r3v4Loop, r3v4Beta0, r3v4Next, r2v4); \
	V4(2, ROWS2_V4, START_A, STEP_A, NEXT_GROUP(2), t, betaBits, r2v4, r2v4Loop, r2v4Beta0, r2v4Next, r1v4); \
	V4(1, ROWS1_V4, START_A, STEP_A, NEXT_ROW, t, betaBits, r1v4, r1v4Loop, r1v4Beta0, r1v4Next, done)

// func GemmSmallF32AVX512(m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float32)
//
//	for i := 0; i < m; i++ {
//		for j := 0; j < n; j++ { // n ≤ 64
//			var acc float32 // FMAs in order l = 0, 1, …, k-1
//			for l := 0; l < k; l++ { acc += a[i*aRow+l*aStep] * b[l*ldb+j] }
//			r := alpha * acc
//			p := &c[i*ldc+j]
//			if beta == 0 { *p = r } else { *p = beta**p + r } // product rounded, then added
//		}
//	}
//
// Each row keeps its n columns in ⌈n/16⌉ vectors of accumulators; rows go
// in groups of 6 then 5 (four vectors), 16 then 8 (one), 8 (two), 8
// then 7 (three), then 4, 3 (three, four), 2, 1. Columns past n are
// masked off in every load and store of B and C. Requires AVX512F.
TEXT ·GemmSmallF32AVX512(SB), NOSPLIT, $0-88
	MOVQ n+8(FP), CX
	LAST_MASK(16, LANES_ARE_COLUMNS)
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
	CMPQ n+8(FP), $48
	JA   nv4 // nv4 and nv3 are defined inside WIDE_GROUPS, nv2 inside
	CMPQ n+8(FP), $32
	JA   nv3 // SMALL_GROUPS; their blocks end at done, below
	CMPQ n+8(FP), $16
	JA   nv2

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
	WIDE_GROUPS(F32, F32_BETA_BITS)

done:
	VZEROUPPER
	RET

// func GemmSmallF64AVX512(m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float64)
//
//	for i := 0; i < m; i++ {
//		for j := 0; j < n; j++ { // n ≤ 32
//			var acc float64 // FMAs in order l = 0, 1, …, k-1
//			for l := 0; l < k; l++ { acc += a[i*aRow+l*aStep] * b[l*ldb+j] }
//			r := alpha * acc
//			p := &c[i*ldc+j]
//			if beta == 0 { *p = r } else { *p = beta**p + r } // product rounded, then added
//		}
//	}
//
// Each row keeps its n columns in ⌈n/8⌉ vectors of accumulators; rows go
// in groups of 6 then 5 (four vectors), 16 then 8 (one), 8 (two), 8
// then 7 (three), then 4, 3 (three, four), 2, 1. Columns past n are
// masked off in every load and store of B and C. Requires AVX512F.
TEXT ·GemmSmallF64AVX512(SB), NOSPLIT, $0-96
	MOVQ n+8(FP), CX
	LAST_MASK(8, LANES_ARE_COLUMNS)
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
	CMPQ n+8(FP), $24
	JA   nv4 // nv4 and nv3 are defined inside WIDE_GROUPS, nv2 inside
	CMPQ n+8(FP), $16
	JA   nv3 // SMALL_GROUPS; their blocks end at done, below
	CMPQ n+8(FP), $8
	JA   nv2

// F64_BETA_BITS: beta's bits but the sign, for the epilogue's test; only
// this TEXT expands it, so asmdecl checks it against the right frame.
#define F64_BETA_BITS \
	MOVQ beta+88(FP), CPTR; \
	SHLQ $1, CPTR

	SMALL_GROUPS(F64, F64_BETA_BITS)
	WIDE_GROUPS(F64, F64_BETA_BITS)

done:
	VZEROUPPER
	RET

// The paired kernels: strips of one or two whole vectors and a last vector
// of e ≤ half its lanes (float32 n = 17–24 or 33–40, float64 n = 9–12 or
// 17–20), whose last e columns the kernels above compute in a vector of
// their own per row, mostly empty. Here two rows share one: the pair's
// vector holds the first row's e columns in its lower half and the
// second row's in its upper half, against B's e columns loaded into both
// halves and a blend of the two rows' broadcast elements, so a group of 8
// rows takes 4 FMAs for those columns instead of 8. Each element is still
// one FMA chain in order l with the same epilogue: the same bits as
// GemmSmallF32AVX512 and GemmSmallF64AVX512. Rows go in groups of 8, then
// 4, 2: m is even (the caller gives an odd last row to the kernel above).
// Registers:
// Z0–Z15    the whole vectors' accumulators: pair q's first row in
//           Z(4q), Z(4q+1), its second row in Z(4q+2), Z(4q+3) (one
//           vector: Z(4q) and Z(4q+2) only)
// Z16–Z19   pair q's shared vector, in Z(16+q)
// Z24, Z25  B's row l, whole vectors 0 and 1; the epilogue's scratch
// Z26       B's row l, the last e columns, in both halves
// Z27       the pair's blend: the first row's element in the lower half,
//           the second row's in the upper
// Z28, Z29  the first and the second row's element of op(A) at l
// K2        the last e columns (lanes of a half)
// K3        the upper half's lanes, as float64 lanes (0xF0): VBLENDMPD
//           moves float32 pairs alike
#define PB0 Z24
#define PB1 Z25
#define PBH Z26
#define PBHY Y26
#define PBLEND Z27
#define PE0 Z28
#define PE1 Z29
#define HALF K2
#define UPPER K3

// Pair tables: PAIRSq(op, t) applies op(t, a0, a1, s0, s1, s2, s3, p, py)
// to q pairs of rows, a0 and a1 their op(A) elements at l, s0–s3 their
// whole vectors' accumulators, p (py its lower half) their shared one.
#define PAIRS1(op, t) op(t, (APTR), (APTR)(AROW*1), Z0, Z1, Z2, Z3, Z16, Y16)
#define PAIRS2(op, t) PAIRS1(op, t); op(t, (APTR)(AROW*2), (APTR)(AROW3*1), Z4, Z5, Z6, Z7, Z17, Y17)
#define PAIRS4(op, t) PAIRS2(op, t); op(t, (APTR4), (APTR4)(AROW*1), Z8, Z9, Z10, Z11, Z18, Y18); \
	op(t, (APTR4)(AROW*2), (APTR4)(AROW3*1), Z12, Z13, Z14, Z15, Z19, Y19)

// The pair ops for one whole vector (…1) or two (…2).
#define PZERO1(t, a0, a1, s0, s1, s2, s3, p, py) t(T_XOR) s0, s0, s0; t(T_XOR) s2, s2, s2; t(T_XOR) p, p, p
#define PZERO2(t, a0, a1, s0, s1, s2, s3, p, py) PZERO1(t, a0, a1, s0, s1, s2, s3, p, py); \
	t(T_XOR) s1, s1, s1; t(T_XOR) s3, s3, s3
#define PFMA1(t, a0, a1, s0, s1, s2, s3, p, py) \
	t(T_BCAST) a0, PE0; t(T_FMA) PB0, PE0, s0; \
	t(T_BCAST) a1, PE1; t(T_FMA) PB0, PE1, s2; \
	VBLENDMPD PE1, PE0, UPPER, PBLEND; t(T_FMA) PBH, PBLEND, p
#define PFMA2(t, a0, a1, s0, s1, s2, s3, p, py) \
	t(T_BCAST) a0, PE0; t(T_FMA) PB0, PE0, s0; t(T_FMA) PB1, PE0, s1; \
	t(T_BCAST) a1, PE1; t(T_FMA) PB0, PE1, s2; t(T_FMA) PB1, PE1, s3; \
	VBLENDMPD PE1, PE0, UPPER, PBLEND; t(T_FMA) PBH, PBLEND, p
#define PFMAS1(list, t) list(PFMA1, t)
#define PFMAS2(list, t) list(PFMA2, t)

// PLOAD_B1, PLOAD_B2: B's row l, its whole vectors and its last e
// columns (at byte off) into both halves of PBH.
#define PLOAD_HALF(t, off) t(T_LOAD) off(BPTR), HALF, PBHY; VINSERTF64X4 $1, PBHY, PBH, PBH
#define PLOAD_B1(t) t(T_MOVU) (BPTR), PB0; PLOAD_HALF(t, VBYTES)
#define PLOAD_B2(t) t(T_MOVU) (BPTR), PB0; t(T_MOVU) VBYTES(BPTR), PB1; PLOAD_HALF(t, VBYTES2)

// C_PAIR_BETA (C_PAIR): the pair's last e columns at byte off of rows
// CPTR and CPTR+LDC from its shared vector p (py its lower half), with
// beta (without), as C_VEC_BETA (C_VEC) does for a row's last vector.
#define C_PAIR_BETA(t, p, py, off) \
	t(T_MUL) ALPHA, p, p; \
	t(T_LOAD) off(CPTR), HALF, Y24; \
	t(T_LOAD) off(CPTR)(LDC*1), HALF, Y25; \
	VINSERTF64X4 $1, Y25, Z24, Z24; \
	t(T_MUL) BETA, Z24, Z24; \
	t(T_ADD) Z24, p, p; \
	C_PAIR_STORE(t, p, py, off)
#define C_PAIR(t, p, py, off) \
	t(T_MUL) ALPHA, p, p; \
	C_PAIR_STORE(t, p, py, off)
#define C_PAIR_STORE(t, p, py, off) \
	VEXTRACTF64X4 $1, p, Y25; \
	t(T_STORE) py, HALF, off(CPTR); \
	t(T_STORE) Y25, HALF, off(CPTR)(LDC*1)

// PC_BETA1, PC_BETA2 (PC_STORE1, PC_STORE2): a pair of rows of C, with
// beta (without); CPTR moves on two rows.
#define PC_BETA1(t, a0, a1, s0, s1, s2, s3, p, py) C_PAIR_BETA(t, p, py, VBYTES); \
	C_WHOLE_BETA(t, s0, 0); ADDQ LDC, CPTR; C_WHOLE_BETA(t, s2, 0); ADDQ LDC, CPTR
#define PC_BETA2(t, a0, a1, s0, s1, s2, s3, p, py) C_PAIR_BETA(t, p, py, VBYTES2); \
	C_WHOLE_BETA(t, s0, 0); C_WHOLE_BETA(t, s1, VBYTES); ADDQ LDC, CPTR; \
	C_WHOLE_BETA(t, s2, 0); C_WHOLE_BETA(t, s3, VBYTES); ADDQ LDC, CPTR
#define PC_STORE1(t, a0, a1, s0, s1, s2, s3, p, py) C_PAIR(t, p, py, VBYTES); \
	C_WHOLE(t, s0, 0); ADDQ LDC, CPTR; C_WHOLE(t, s2, 0); ADDQ LDC, CPTR
#define PC_STORE2(t, a0, a1, s0, s1, s2, s3, p, py) C_PAIR(t, p, py, VBYTES2); \
	C_WHOLE(t, s0, 0); C_WHOLE(t, s1, VBYTES); ADDQ LDC, CPTR; \
	C_WHOLE(t, s2, 0); C_WHOLE(t, s3, VBYTES); ADDQ LDC, CPTR

// P1, P2: ROW_GROUP (gemm_small_amd64.h) of pairs of rows of a strip of
// one whole vector (two) and the shared one.
#define P1(rows, list, startA, stepA, advance, t, betaBits, here, loop, beta0, stored, next) \
	ROW_GROUP(rows, list, startA, stepA, advance, t, betaBits, PZERO1, PLOAD_B1, PFMAS1, PC_BETA1, PC_STORE1, here, loop, beta0, stored, next)
#define P2(rows, list, startA, stepA, advance, t, betaBits, here, loop, beta0, stored, next) \
	ROW_GROUP(rows, list, startA, stepA, advance, t, betaBits, PZERO2, PLOAD_B2, PFMAS2, PC_BETA2, PC_STORE2, here, loop, beta0, stored, next)

// PAIR_GROUPS(t, betaBits): the paired blocks of a kernel of type t, one
// whole vector from label pv1 on, two from pv2 on (rows by 8, 4, 2); each
// ends at done.
#define PAIR_GROUPS(t, betaBits) \
pv1: \
	P1(8, PAIRS4, START_A8, STEP_A8, NEXT_GROUP(8), t, betaBits, r8p1, r8p1Loop, r8p1Beta0, r8p1Next, r4p1); \
	P1(4, PAIRS2, START_A, STEP_A, NEXT_GROUP(4), t, betaBits, r4p1, r4p1Loop, r4p1Beta0, r4p1Next, r2p1); \
	P1(2, PAIRS1, START_A, STEP_A, NEXT_GROUP(2), t, betaBits, r2p1, r2p1Loop, r2p1Beta0, r2p1Next, done); \
pv2: \
	P2(8, PAIRS4, START_A8, STEP_A8, NEXT_GROUP(8), t, betaBits, r8p2, r8p2Loop, r8p2Beta0, r8p2Next, r4p2); \
	P2(4, PAIRS2, START_A, STEP_A, NEXT_GROUP(4), t, betaBits, r4p2, r4p2Loop, r4p2Beta0, r4p2Next, r2p2); \
	P2(2, PAIRS1, START_A, STEP_A, NEXT_GROUP(2), t, betaBits, r2p2, r2p2Loop, r2p2Beta0, r2p2Next, done)

// PAIR_MASKS(lanes): HALF = the first e = n − lanes (or n − 2·lanes)
// lanes, UPPER = 0xF0, from n in CX. Clobbers AX and CX.
#define PAIR_MASKS(lanes) \
	SUBQ $lanes, CX; \
	CMPQ CX, $lanes; \
	JBE  pairMaskReady; \
	SUBQ $lanes, CX; \
pairMaskReady: \
	AVX512_TAIL_MASK(CX, AX, HALF); \
	MOVL  $0xF0, AX; \
	KMOVW AX, UPPER

// func GemmSmallPairF32AVX512(m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float32)
//
// GemmSmallF32AVX512 (the same loop) for even m and n = 17–24 or 33–40,
// two rows' last n mod 16 columns in one vector. Requires AVX512F and
// AVX512VL.
TEXT ·GemmSmallPairF32AVX512(SB), NOSPLIT, $0-88
	MOVQ n+8(FP), CX
	PAIR_MASKS(16)
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
	CMPQ n+8(FP), $32
	JA   pv2 // pv1 and pv2 are defined inside PAIR_GROUPS

	PAIR_GROUPS(F32, F32_BETA_BITS)

done:
	VZEROUPPER
	RET

// func GemmSmallPairF64AVX512(m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float64)
//
// GemmSmallF64AVX512 (the same loop) for even m and n = 9–12 or 17–20,
// two rows' last n mod 8 columns in one vector. Requires AVX512F and
// AVX512VL.
TEXT ·GemmSmallPairF64AVX512(SB), NOSPLIT, $0-96
	MOVQ n+8(FP), CX
	PAIR_MASKS(8)
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
	CMPQ n+8(FP), $16
	JA   pv2 // pv1 and pv2 are defined inside PAIR_GROUPS

	PAIR_GROUPS(F64, F64_BETA_BITS)

done:
	VZEROUPPER
	RET
