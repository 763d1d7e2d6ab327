//go:build !purego

#include "textflag.h"
#include "gemm_micro_amd64.h"

// GEMM micro-kernels for AVX2 + FMA3; the Go loop they compute is in
// gemm_amd64.go. Registers: twelve accumulators Y4–Y15 hold a 6-row tile
// (two ymm per row); Y0/Y1 hold the k-th row of the B sliver and Y2/Y3
// alternate as broadcasts of the A sliver's k-th column, so each A element
// is loaded once and used for a whole row of FMAs. The general registers
// and BETA_FLAG are in gemm_micro_amd64.h.

// PREFETCH_ROW asks for a row of C (64 bytes, possibly straddling two
// lines).
#define PREFETCH_ROW PREFETCHT0 (ROW); PREFETCHT0 63(ROW)

// ZERO_ACC: the accumulators Y4–Y15 = 0.
#define ZERO_ACC \
	VXORPS Y4, Y4, Y4; VXORPS Y5, Y5, Y5; VXORPS Y6, Y6, Y6; \
	VXORPS Y7, Y7, Y7; VXORPS Y8, Y8, Y8; VXORPS Y9, Y9, Y9; \
	VXORPS Y10, Y10, Y10; VXORPS Y11, Y11, Y11; VXORPS Y12, Y12, Y12; \
	VXORPS Y13, Y13, Y13; VXORPS Y14, Y14, Y14; VXORPS Y15, Y15, Y15

// ROW_FMA: broadcast A element at off(A_PTR) into bc, then acc0 += bc*Y0,
// acc1 += bc*Y1.
#define ROW_FMA(bcast, fma, off, bc, acc0, acc1) \
	bcast off(A_PTR), bc; \
	fma   Y0, bc, acc0; \
	fma   Y1, bc, acc1

// STEP is one k step: the B row at brow (an address with no offset, such
// as (B_PTR)(LDB*2)) into Y0, Y1, then row by row the A column's element
// (esz bytes each, from aoff(A_PTR) on) and its FMAs. F32_STEP and
// F64_STEP are its two element types.
#define STEP(mov, bcast, fma, esz, aoff, brow) \
	mov 0 brow, Y0; \
	mov 32 brow, Y1; \
	ROW_FMA(bcast, fma, aoff, Y2, Y4, Y5); \
	ROW_FMA(bcast, fma, aoff+esz, Y3, Y6, Y7); \
	ROW_FMA(bcast, fma, aoff+2*esz, Y2, Y8, Y9); \
	ROW_FMA(bcast, fma, aoff+3*esz, Y3, Y10, Y11); \
	ROW_FMA(bcast, fma, aoff+4*esz, Y2, Y12, Y13); \
	ROW_FMA(bcast, fma, aoff+5*esz, Y3, Y14, Y15)

#define F32_STEP(aoff, brow) STEP(VMOVUPS, VBROADCASTSS, VFMADD231PS, 4, aoff, brow)
#define F64_STEP(aoff, brow) STEP(VMOVUPD, VBROADCASTSD, VFMADD231PD, 8, aoff, brow)

// SCALE_ACC(mul): each accumulator (Y4–Y15) = alpha (Y0) × itself.
#define SCALE_ACC(mul) \
	mul Y0, Y4, Y4; mul Y0, Y5, Y5; mul Y0, Y6, Y6; mul Y0, Y7, Y7; \
	mul Y0, Y8, Y8; mul Y0, Y9, Y9; mul Y0, Y10, Y10; mul Y0, Y11, Y11; \
	mul Y0, Y12, Y12; mul Y0, Y13, Y13; mul Y0, Y14, Y14; mul Y0, Y15, Y15

// VEC_BETA: c = beta*c + acc for the vector at off(ROW) (beta in Y1,
// through scratch).
#define VEC_BETA(mul, add, mov, off, scratch, acc) \
	mul off(ROW), Y1, scratch; \
	add scratch, acc, acc; \
	mov acc, off(ROW)

// ROW_BETA: c = beta*c + acc for one row, then next row; ROW_STORE: c =
// acc.
#define ROW_BETA(mul, add, mov, acc0, acc1) \
	VEC_BETA(mul, add, mov, 0, Y2, acc0); \
	VEC_BETA(mul, add, mov, 32, Y3, acc1); \
	ADDQ LDC, ROW

#define ROW_STORE(mov, acc0, acc1) \
	mov acc0, (ROW); \
	mov acc1, 32(ROW); \
	ADDQ LDC, ROW

// TILE_BETA and TILE_STORE do the whole tile, ROW ending six rows down.
// Both kernels store with VMOVUPS (any 32 bytes).
#define TILE_BETA(mul, add, mov) \
	ROW_BETA(mul, add, mov, Y4, Y5); \
	ROW_BETA(mul, add, mov, Y6, Y7); \
	ROW_BETA(mul, add, mov, Y8, Y9); \
	ROW_BETA(mul, add, mov, Y10, Y11); \
	ROW_BETA(mul, add, mov, Y12, Y13); \
	ROW_BETA(mul, add, mov, Y14, Y15)

#define TILE_STORE(mov) \
	ROW_STORE(mov, Y4, Y5); \
	ROW_STORE(mov, Y6, Y7); \
	ROW_STORE(mov, Y8, Y9); \
	ROW_STORE(mov, Y10, Y11); \
	ROW_STORE(mov, Y12, Y13); \
	ROW_STORE(mov, Y14, Y15)

// func GemmF32AVX2(k, tiles int, a, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float32)
//
// 6×16 float32 tiles: per k step, 16 floats of B (64 bytes) and 6 of A
// (24 bytes). Requires AVX2 and FMA3.
TEXT ·GemmF32AVX2(SB), NOSPLIT, $0-64
	MOVQ  k+0(FP), K_SAVE
	MOVQ  tiles+8(FP), TILES
	MOVQ  a+16(FP), A_PTR
	MOVQ  ldb+32(FP), LDB
	SHLQ  $2, LDB
	LEAQ  (LDB)(LDB*2), LDB3
	MOVQ  c+40(FP), C_PTR
	MOVQ  ldc+48(FP), LDC
	SHLQ  $2, LDC
	VMOVSS beta+60(FP), X0
	BETA_FLAG(VUCOMISS, betaDone)

// TILE_B: each tile's B sliver. Defined here, in the float32 TEXT, but
// expanded by both kernels' TILE_LOOP: vet's asmdecl checks b+24 only
// against this TEXT's frame. The float64 kernel's frame has b at the same
// offset (the signatures differ only in alpha and beta, at the end), so a
// change of either signature must keep it there or give each TEXT its own
// TILE_B.
// F32_ALPHA, F32_BETA: the epilogue's alpha (Y0) and beta (Y1); only this
// TEXT expands them (F64_ALPHA, F64_BETA are the float64 TEXT's own).
#define TILE_B \
	MOVQ b+24(FP), B_PTR
#define F32_ALPHA \
	VBROADCASTSS alpha+56(FP), Y0
#define F32_BETA \
	VBROADCASTSS beta+60(FP), Y1

	TILE_LOOP(F32_STEP, 24, F32_ALPHA, F32_BETA, VMULPS, VADDPS, VMOVUPS)
	VZEROUPPER
	RET

// func GemmF64AVX2(k, tiles int, a, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float64)
//
// 6×8 float64 tiles: per k step, 8 doubles of B (64 bytes) and 6 of A
// (48 bytes). Requires AVX2 and FMA3.
TEXT ·GemmF64AVX2(SB), NOSPLIT, $0-72
	MOVQ  k+0(FP), K_SAVE
	MOVQ  tiles+8(FP), TILES
	MOVQ  a+16(FP), A_PTR
	MOVQ  ldb+32(FP), LDB
	SHLQ  $3, LDB
	LEAQ  (LDB)(LDB*2), LDB3
	MOVQ  c+40(FP), C_PTR
	MOVQ  ldc+48(FP), LDC
	SHLQ  $3, LDC
	VMOVSD beta+64(FP), X0
	BETA_FLAG(VUCOMISD, betaDone)

// F64_ALPHA, F64_BETA: the epilogue's alpha (Y0) and beta (Y1).
#define F64_ALPHA \
	VBROADCASTSD alpha+56(FP), Y0
#define F64_BETA \
	VBROADCASTSD beta+64(FP), Y1

	TILE_LOOP(F64_STEP, 48, F64_ALPHA, F64_BETA, VMULPD, VADDPD, VMOVUPS)
	VZEROUPPER
	RET
