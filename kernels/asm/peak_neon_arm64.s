//go:build !purego

#include "textflag.h"
#include "neon_arm64.h"

// Peak-FMA loops for NEON; see peak_arm64.go. The accumulators V8-V31 and
// the sources V0, V1 start at zero and stay there (0*0 + 0), so no
// subnormal or overflow can slow them down.

// PEAK_FMA(T, v): Vv += V1 × V0, arrangement T (S4 or D2).
#define PEAK_FMA(T, v) VFMLA V0.T, V1.T, v.T

// PEAK_LOOP(T, loop, done): V0, V1, V8…V31 = 0, then R0 trips of 24
// independent FMLAs into V8…V31, arrangement T; on to done.
#define PEAK_LOOP(T, loop, done) \
	VZERO(V0) \
	VZERO(V1) \
	ZERO_V8_V31 \
	CBZ  R0, done \
loop: \
	PEAK_FMA(T, V8); PEAK_FMA(T, V9); PEAK_FMA(T, V10); PEAK_FMA(T, V11); PEAK_FMA(T, V12); PEAK_FMA(T, V13); \
	PEAK_FMA(T, V14); PEAK_FMA(T, V15); PEAK_FMA(T, V16); PEAK_FMA(T, V17); PEAK_FMA(T, V18); PEAK_FMA(T, V19); \
	PEAK_FMA(T, V20); PEAK_FMA(T, V21); PEAK_FMA(T, V22); PEAK_FMA(T, V23); PEAK_FMA(T, V24); PEAK_FMA(T, V25); \
	PEAK_FMA(T, V26); PEAK_FMA(T, V27); PEAK_FMA(T, V28); PEAK_FMA(T, V29); PEAK_FMA(T, V30); PEAK_FMA(T, V31) \
	SUB  $1, R0 \
	CBNZ R0, loop

// func FMALoopF32NEON(iters int)
//
//	for i := 0; i < iters; i++ { 24 float32 4-lane FMLAs into V8..V31 }
//
// Requires ASIMD.
TEXT ·FMALoopF32NEON(SB), NOSPLIT, $0-8
	MOVD iters+0(FP), R0
	PEAK_LOOP(S4, FMALoopF32NEONLoop, FMALoopF32NEONDone)

FMALoopF32NEONDone:
	RET

// func FMALoopF64NEON(iters int)
//
//	for i := 0; i < iters; i++ { 24 float64 2-lane FMLAs into V8..V31 }
//
// Requires ASIMD.
TEXT ·FMALoopF64NEON(SB), NOSPLIT, $0-8
	MOVD iters+0(FP), R0
	PEAK_LOOP(D2, FMALoopF64NEONLoop, FMALoopF64NEONDone)

FMALoopF64NEONDone:
	RET
