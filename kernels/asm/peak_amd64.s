//go:build !purego

#include "textflag.h"

// Peak-FMA loops; see peak_amd64.go. The accumulators start at zero and
// stay there (0·0 + 0), so no denormal or overflow can slow them down.

// ZERO_Y clears the AVX2 loops' twelve accumulators Y4–Y15 and their
// sources Y0, Y1; FMA_Y adds Y0·Y1 into each accumulator.
#define ZERO_Y \
	VXORPS Y4, Y4, Y4; VXORPS Y5, Y5, Y5; VXORPS Y6, Y6, Y6; VXORPS Y7, Y7, Y7 \
	VXORPS Y8, Y8, Y8; VXORPS Y9, Y9, Y9; VXORPS Y10, Y10, Y10; VXORPS Y11, Y11, Y11 \
	VXORPS Y12, Y12, Y12; VXORPS Y13, Y13, Y13; VXORPS Y14, Y14, Y14; VXORPS Y15, Y15, Y15 \
	VXORPS Y0, Y0, Y0; VXORPS Y1, Y1, Y1

#define FMA_Y(fma) \
	fma Y0, Y1, Y4; fma Y0, Y1, Y5; fma Y0, Y1, Y6; fma Y0, Y1, Y7 \
	fma Y0, Y1, Y8; fma Y0, Y1, Y9; fma Y0, Y1, Y10; fma Y0, Y1, Y11 \
	fma Y0, Y1, Y12; fma Y0, Y1, Y13; fma Y0, Y1, Y14; fma Y0, Y1, Y15

// ZERO_Z and FMA_Z: the same for the AVX-512 loops' 24 accumulators
// Z8–Z31 and sources Z0, Z1.
#define ZERO_Z \
	VPXORD Z8, Z8, Z8; VPXORD Z9, Z9, Z9; VPXORD Z10, Z10, Z10; VPXORD Z11, Z11, Z11; VPXORD Z12, Z12, Z12; VPXORD Z13, Z13, Z13 \
	VPXORD Z14, Z14, Z14; VPXORD Z15, Z15, Z15; VPXORD Z16, Z16, Z16; VPXORD Z17, Z17, Z17; VPXORD Z18, Z18, Z18; VPXORD Z19, Z19, Z19 \
	VPXORD Z20, Z20, Z20; VPXORD Z21, Z21, Z21; VPXORD Z22, Z22, Z22; VPXORD Z23, Z23, Z23; VPXORD Z24, Z24, Z24; VPXORD Z25, Z25, Z25 \
	VPXORD Z26, Z26, Z26; VPXORD Z27, Z27, Z27; VPXORD Z28, Z28, Z28; VPXORD Z29, Z29, Z29; VPXORD Z30, Z30, Z30; VPXORD Z31, Z31, Z31 \
	VPXORD Z0, Z0, Z0; VPXORD Z1, Z1, Z1

#define FMA_Z(fma) \
	fma Z0, Z1, Z8; fma Z0, Z1, Z9; fma Z0, Z1, Z10; fma Z0, Z1, Z11; fma Z0, Z1, Z12; fma Z0, Z1, Z13 \
	fma Z0, Z1, Z14; fma Z0, Z1, Z15; fma Z0, Z1, Z16; fma Z0, Z1, Z17; fma Z0, Z1, Z18; fma Z0, Z1, Z19 \
	fma Z0, Z1, Z20; fma Z0, Z1, Z21; fma Z0, Z1, Z22; fma Z0, Z1, Z23; fma Z0, Z1, Z24; fma Z0, Z1, Z25 \
	fma Z0, Z1, Z26; fma Z0, Z1, Z27; fma Z0, Z1, Z28; fma Z0, Z1, Z29; fma Z0, Z1, Z30; fma Z0, Z1, Z31

// FMA_LOOP(zero, fma): zero the accumulators, then iters (in CX) times
// their FMAs. Expanded once per loop, so its labels are the loop's own.
#define FMA_LOOP(zero, fma) \
	zero; \
	TESTQ CX, CX; \
	JZ    done; \
loop: \
	fma; \
	DECQ  CX; \
	JNZ   loop; \
done: \
	VZEROUPPER

// func FMALoopF32AVX2(iters int)
//
//	for i := 0; i < iters; i++ { 12 independent ymm FMAs }
//
// Requires AVX2 and FMA3.
TEXT ·FMALoopF32AVX2(SB), NOSPLIT, $0-8
	MOVQ iters+0(FP), CX
	FMA_LOOP(ZERO_Y, FMA_Y(VFMADD231PS))
	RET

// func FMALoopF64AVX2(iters int)
//
//	for i := 0; i < iters; i++ { 12 independent ymm FMAs }
//
// Requires AVX2 and FMA3.
TEXT ·FMALoopF64AVX2(SB), NOSPLIT, $0-8
	MOVQ iters+0(FP), CX
	FMA_LOOP(ZERO_Y, FMA_Y(VFMADD231PD))
	RET

// func FMALoopF32AVX512(iters int)
//
//	for i := 0; i < iters; i++ { 24 independent zmm FMAs }
//
// Requires AVX512F.
TEXT ·FMALoopF32AVX512(SB), NOSPLIT, $0-8
	MOVQ iters+0(FP), CX
	FMA_LOOP(ZERO_Z, FMA_Z(VFMADD231PS))
	RET

// func FMALoopF64AVX512(iters int)
//
//	for i := 0; i < iters; i++ { 24 independent zmm FMAs }
//
// Requires AVX512F.
TEXT ·FMALoopF64AVX512(SB), NOSPLIT, $0-8
	MOVQ iters+0(FP), CX
	FMA_LOOP(ZERO_Z, FMA_Z(VFMADD231PD))
	RET
