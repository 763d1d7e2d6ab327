//go:build !purego

#include "textflag.h"
#include "gemm_micro_amd64.h"

// GEMM micro-kernels for AVX-512; the Go loop they compute is in
// gemm_amd64.go. The structure is the AVX2 kernels' (gemm_avx2_amd64.s),
// four vectors wide instead of two: 24 accumulators Z8–Z31 hold a 6-row
// tile (row i in Z(8+4i)…Z(11+4i)); Z0–Z3 hold the k-th row of the B
// sliver and Z4/Z5 alternate as broadcasts of the A sliver's k-th column.
// Every instruction used is in AVX512F (VPXORD rather than VXORPS, which
// needs AVX512DQ on zmm). The general registers and BETA_FLAG are in
// gemm_micro_amd64.h.

// PREFETCH_ROW asks for a row of C (256 bytes, five lines when
// unaligned).
#define PREFETCH_ROW \
	PREFETCHT0 (ROW); PREFETCHT0 64(ROW); PREFETCHT0 128(ROW); \
	PREFETCHT0 192(ROW); PREFETCHT0 255(ROW)

// ZERO_ACC: the accumulators Z8–Z31 = 0.
#define ZERO_ACC \
	VPXORD Z8, Z8, Z8; VPXORD Z9, Z9, Z9; VPXORD Z10, Z10, Z10; VPXORD Z11, Z11, Z11; VPXORD Z12, Z12, Z12; VPXORD Z13, Z13, Z13 \
	VPXORD Z14, Z14, Z14; VPXORD Z15, Z15, Z15; VPXORD Z16, Z16, Z16; VPXORD Z17, Z17, Z17; VPXORD Z18, Z18, Z18; VPXORD Z19, Z19, Z19 \
	VPXORD Z20, Z20, Z20; VPXORD Z21, Z21, Z21; VPXORD Z22, Z22, Z22; VPXORD Z23, Z23, Z23; VPXORD Z24, Z24, Z24; VPXORD Z25, Z25, Z25 \
	VPXORD Z26, Z26, Z26; VPXORD Z27, Z27, Z27; VPXORD Z28, Z28, Z28; VPXORD Z29, Z29, Z29; VPXORD Z30, Z30, Z30; VPXORD Z31, Z31, Z31

// ROW_FMA: broadcast the A element at off(A_PTR) into bc, then
// acc0..acc3 += bc * Z0..Z3.
#define ROW_FMA(bcast, fma, off, bc, acc0, acc1, acc2, acc3) \
	bcast off(A_PTR), bc; \
	fma   Z0, bc, acc0; \
	fma   Z1, bc, acc1; \
	fma   Z2, bc, acc2; \
	fma   Z3, bc, acc3

// STEP is one k step: the B row at brow (an address with no offset, such
// as (B_PTR)(LDB*2)) into Z0–Z3, then row by row the A column's element
// (esz bytes each, from aoff(A_PTR) on) and its FMAs. F32_STEP and
// F64_STEP are its two element types.
#define STEP(mov, bcast, fma, esz, aoff, brow) \
	mov 0 brow, Z0; \
	mov 64 brow, Z1; \
	mov 128 brow, Z2; \
	mov 192 brow, Z3; \
	ROW_FMA(bcast, fma, aoff, Z4, Z8, Z9, Z10, Z11); \
	ROW_FMA(bcast, fma, aoff+esz, Z5, Z12, Z13, Z14, Z15); \
	ROW_FMA(bcast, fma, aoff+2*esz, Z4, Z16, Z17, Z18, Z19); \
	ROW_FMA(bcast, fma, aoff+3*esz, Z5, Z20, Z21, Z22, Z23); \
	ROW_FMA(bcast, fma, aoff+4*esz, Z4, Z24, Z25, Z26, Z27); \
	ROW_FMA(bcast, fma, aoff+5*esz, Z5, Z28, Z29, Z30, Z31)

#define F32_STEP(aoff, brow) STEP(VMOVUPS, VBROADCASTSS, VFMADD231PS, 4, aoff, brow)
#define F64_STEP(aoff, brow) STEP(VMOVUPD, VBROADCASTSD, VFMADD231PD, 8, aoff, brow)

// SCALE_ACC(mul): each accumulator (Z8–Z31) = alpha (Z6) × itself.
#define SCALE_ACC(mul) \
	mul Z6, Z8, Z8; mul Z6, Z9, Z9; mul Z6, Z10, Z10; mul Z6, Z11, Z11; mul Z6, Z12, Z12; mul Z6, Z13, Z13 \
	mul Z6, Z14, Z14; mul Z6, Z15, Z15; mul Z6, Z16, Z16; mul Z6, Z17, Z17; mul Z6, Z18, Z18; mul Z6, Z19, Z19 \
	mul Z6, Z20, Z20; mul Z6, Z21, Z21; mul Z6, Z22, Z22; mul Z6, Z23, Z23; mul Z6, Z24, Z24; mul Z6, Z25, Z25 \
	mul Z6, Z26, Z26; mul Z6, Z27, Z27; mul Z6, Z28, Z28; mul Z6, Z29, Z29; mul Z6, Z30, Z30; mul Z6, Z31, Z31

// ROW_BETA: c = beta*c + acc for one row (beta in Z7), then next row.
#define ROW_BETA(mul, add, mov, acc0, acc1, acc2, acc3) \
	mul (ROW), Z7, Z4; add Z4, acc0, acc0; mov acc0, (ROW); \
	mul 64(ROW), Z7, Z5; add Z5, acc1, acc1; mov acc1, 64(ROW); \
	mul 128(ROW), Z7, Z4; add Z4, acc2, acc2; mov acc2, 128(ROW); \
	mul 192(ROW), Z7, Z5; add Z5, acc3, acc3; mov acc3, 192(ROW); \
	ADDQ LDC, ROW

// ROW_STORE: c = acc for one row, then next row.
#define ROW_STORE(mov, acc0, acc1, acc2, acc3) \
	mov acc0, (ROW); mov acc1, 64(ROW); mov acc2, 128(ROW); mov acc3, 192(ROW); \
	ADDQ LDC, ROW

// TILE_BETA and TILE_STORE do the whole tile, ROW ending six rows down.
#define TILE_BETA(mul, add, mov) \
	ROW_BETA(mul, add, mov, Z8, Z9, Z10, Z11); \
	ROW_BETA(mul, add, mov, Z12, Z13, Z14, Z15); \
	ROW_BETA(mul, add, mov, Z16, Z17, Z18, Z19); \
	ROW_BETA(mul, add, mov, Z20, Z21, Z22, Z23); \
	ROW_BETA(mul, add, mov, Z24, Z25, Z26, Z27); \
	ROW_BETA(mul, add, mov, Z28, Z29, Z30, Z31)

#define TILE_STORE(mov) \
	ROW_STORE(mov, Z8, Z9, Z10, Z11); \
	ROW_STORE(mov, Z12, Z13, Z14, Z15); \
	ROW_STORE(mov, Z16, Z17, Z18, Z19); \
	ROW_STORE(mov, Z20, Z21, Z22, Z23); \
	ROW_STORE(mov, Z24, Z25, Z26, Z27); \
	ROW_STORE(mov, Z28, Z29, Z30, Z31)

// func GemmF32AVX512(k, tiles int, a, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float32)
//
// 6×64 float32 tiles: per k step, 64 floats of B (256 bytes) and 6 of A
// (24 bytes). Requires AVX512F.
TEXT ·GemmF32AVX512(SB), NOSPLIT, $0-64
	MOVQ   k+0(FP), K_SAVE
	MOVQ   tiles+8(FP), TILES
	MOVQ   a+16(FP), A_PTR
	MOVQ   ldb+32(FP), LDB
	SHLQ   $2, LDB
	LEAQ   (LDB)(LDB*2), LDB3
	MOVQ   c+40(FP), C_PTR
	MOVQ   ldc+48(FP), LDC
	SHLQ   $2, LDC
	VMOVSS beta+60(FP), X0
	BETA_FLAG(VUCOMISS, betaDone)

// TILE_B: each tile's B sliver. Defined here, in the float32 TEXT, but
// expanded by both kernels' TILE_LOOP: vet's asmdecl checks b+24 only
// against this TEXT's frame. The float64 kernel's frame has b at the same
// offset (the signatures differ only in alpha and beta, at the end), so a
// change of either signature must keep it there or give each TEXT its own
// TILE_B.
// F32_ALPHA, F32_BETA: the epilogue's alpha (Z6) and beta (Z7); only this
// TEXT expands them (F64_ALPHA, F64_BETA are the float64 TEXT's own).
#define TILE_B \
	MOVQ b+24(FP), B_PTR
#define F32_ALPHA \
	VBROADCASTSS alpha+56(FP), Z6
#define F32_BETA \
	VBROADCASTSS beta+60(FP), Z7

	TILE_LOOP(F32_STEP, 24, F32_ALPHA, F32_BETA, VMULPS, VADDPS, VMOVUPS)
	VZEROUPPER
	RET

// func GemmF64AVX512(k, tiles int, a, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float64)
//
// 6×32 float64 tiles: per k step, 32 doubles of B (256 bytes) and 6 of A
// (48 bytes). Requires AVX512F.
TEXT ·GemmF64AVX512(SB), NOSPLIT, $0-72
	MOVQ   k+0(FP), K_SAVE
	MOVQ   tiles+8(FP), TILES
	MOVQ   a+16(FP), A_PTR
	MOVQ   ldb+32(FP), LDB
	SHLQ   $3, LDB
	LEAQ   (LDB)(LDB*2), LDB3
	MOVQ   c+40(FP), C_PTR
	MOVQ   ldc+48(FP), LDC
	SHLQ   $3, LDC
	VMOVSD beta+64(FP), X0
	BETA_FLAG(VUCOMISD, betaDone)

// F64_ALPHA, F64_BETA: the epilogue's alpha (Z6) and beta (Z7).
#define F64_ALPHA \
	VBROADCASTSD alpha+56(FP), Z6
#define F64_BETA \
	VBROADCASTSD beta+64(FP), Z7

	TILE_LOOP(F64_STEP, 48, F64_ALPHA, F64_BETA, VMULPD, VADDPD, VMOVUPD)
	VZEROUPPER
	RET
