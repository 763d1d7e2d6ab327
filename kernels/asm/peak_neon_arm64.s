//go:build !purego

#include "textflag.h"
#include "neon_arm64.h"

// Peak-FMA loops for NEON; see peak_arm64.go. The accumulators V8-V31 and
// the sources V0, V1 start at zero and stay there (0*0 + 0), so no
// subnormal or overflow can slow them down.

// PEAK_FMAS(T): V8…V31 += V1 × V0, arrangement T (S4 or D2): 24
// independent FMLAs.
#define PEAK_FMAS(T) \
	VFMLA V0.T, V1.T, V8.T; \
	VFMLA V0.T, V1.T, V9.T; \
	VFMLA V0.T, V1.T, V10.T; \
	VFMLA V0.T, V1.T, V11.T; \
	VFMLA V0.T, V1.T, V12.T; \
	VFMLA V0.T, V1.T, V13.T; \
	VFMLA V0.T, V1.T, V14.T; \
	VFMLA V0.T, V1.T, V15.T; \
	VFMLA V0.T, V1.T, V16.T; \
	VFMLA V0.T, V1.T, V17.T; \
	VFMLA V0.T, V1.T, V18.T; \
	VFMLA V0.T, V1.T, V19.T; \
	VFMLA V0.T, V1.T, V20.T; \
	VFMLA V0.T, V1.T, V21.T; \
	VFMLA V0.T, V1.T, V22.T; \
	VFMLA V0.T, V1.T, V23.T; \
	VFMLA V0.T, V1.T, V24.T; \
	VFMLA V0.T, V1.T, V25.T; \
	VFMLA V0.T, V1.T, V26.T; \
	VFMLA V0.T, V1.T, V27.T; \
	VFMLA V0.T, V1.T, V28.T; \
	VFMLA V0.T, V1.T, V29.T; \
	VFMLA V0.T, V1.T, V30.T; \
	VFMLA V0.T, V1.T, V31.T

// func FMALoopF32NEON(iters int)
//
//	for i := 0; i < iters; i++ { 24 float32 4-lane FMLAs into V8..V31 }
//
// Requires ASIMD.
TEXT ·FMALoopF32NEON(SB), NOSPLIT, $0-8
	MOVD iters+0(FP), R0
	VEOR V0.B16, V0.B16, V0.B16
	VEOR V1.B16, V1.B16, V1.B16
	ZERO_V8_V31
	CBZ  R0, FMALoopF32NEONDone

FMALoopF32NEONLoop:
	PEAK_FMAS(S4)
	SUB  $1, R0
	CBNZ R0, FMALoopF32NEONLoop

FMALoopF32NEONDone:
	RET

// func FMALoopF64NEON(iters int)
//
//	for i := 0; i < iters; i++ { 24 float64 2-lane FMLAs into V8..V31 }
//
// Requires ASIMD.
TEXT ·FMALoopF64NEON(SB), NOSPLIT, $0-8
	MOVD iters+0(FP), R0
	VEOR V0.B16, V0.B16, V0.B16
	VEOR V1.B16, V1.B16, V1.B16
	ZERO_V8_V31
	CBZ  R0, FMALoopF64NEONDone

FMALoopF64NEONLoop:
	PEAK_FMAS(D2)
	SUB  $1, R0
	CBNZ R0, FMALoopF64NEONLoop

FMALoopF64NEONDone:
	RET
