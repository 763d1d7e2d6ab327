//go:build !purego

#include "textflag.h"

// Row primitives and the MSE reduction for NEON (arm64 ASIMD). Main loops
// take 16 floats (four 128-bit registers) per trip, then 4 at a time;
// lengths are multiples of 4, so there is no scalar tail (the Go caller
// finishes the last 0..3).
//
// Go's assembler has no vector float arithmetic other than FMLA/FMLS, so
// the instructions below are WORDs built by macros from register numbers
// (0–31, the Vn of the comments); `go tool objdump` decodes them back.

// FADD_S4(d, n, m): Vd.4S = Vn.4S + Vm.4S.   FSUB_S4: Vn − Vm.
// FMUL_S4: Vn × Vm.   FMAX_S4: max(Vn, Vm), a NaN in either gives NaN
// (FMAXNM, which drops NaN, must not be used for rowMax).
#define FADD_S4(d, n, m) WORD $(0x4E20D400 | (m)<<16 | (n)<<5 | (d))
#define FSUB_S4(d, n, m) WORD $(0x4EA0D400 | (m)<<16 | (n)<<5 | (d))
#define FMUL_S4(d, n, m) WORD $(0x6E20DC00 | (m)<<16 | (n)<<5 | (d))
#define FMAX_S4(d, n, m) WORD $(0x4E20F400 | (m)<<16 | (n)<<5 | (d))

// FMAXV_S4(d, n): Sd = the largest lane of Vn.4S (NaN-propagating, like
// FMAX).
#define FMAXV_S4(d, n) WORD $(0x6E30F800 | (n)<<5 | (d))

// FADD_D2(d, n, m): Vd.2D = Vn.2D + Vm.2D.
#define FADD_D2(d, n, m) WORD $(0x4E60D400 | (m)<<16 | (n)<<5 | (d))

// FCVTL_D2(d, n): Vd.2D = float64 of lanes 0–1 of Vn.4S (exact).
// FCVTL2_D2(d, n): the same of lanes 2–3.
#define FCVTL_D2(d, n) WORD $(0x0E617800 | (n)<<5 | (d))
#define FCVTL2_D2(d, n) WORD $(0x4E617800 | (n)<<5 | (d))

// FADDP_D(d, n): Dd = lane 0 + lane 1 of Vn.2D.
#define FADDP_D(d, n) WORD $(0x7E70D800 | (n)<<5 | (d))

#define DST R0
#define X_PTR R1
#define Y_PTR R2
#define N R3

// func RowMaxNEON(x []float32) float32
//
//	m := x[0]
//	for _, v := range x { m = max(m, v) }
//	return m
//
// Four 4-lane running maxima V0–V3 (all starting as x[0:4]), combined at
// the end, then FMAXV across the lanes. FMAX returns NaN if either operand
// is NaN, so a NaN anywhere survives every step. Maximum has no rounding,
// so the order does not matter except for which NaN comes out. len(x) is a
// non-zero multiple of 4. Requires ASIMD.
TEXT ·RowMaxNEON(SB), NOSPLIT, $0-28
	MOVD x_base+0(FP), X_PTR
	MOVD x_len+8(FP), N
	VLD1 (X_PTR), [V0.S4]
	VMOV V0.B16, V1.B16
	VMOV V0.B16, V2.B16
	VMOV V0.B16, V3.B16

maxLoop16:
	CMP    $16, N
	BLT    maxLoop4
	VLD1.P 64(X_PTR), [V4.S4, V5.S4, V6.S4, V7.S4]
	FMAX_S4(0, 0, 4)
	FMAX_S4(1, 1, 5)
	FMAX_S4(2, 2, 6)
	FMAX_S4(3, 3, 7)
	SUB    $16, N
	B      maxLoop16

maxLoop4:
	CMP    $4, N
	BLT    maxReduce
	VLD1.P 16(X_PTR), [V4.S4]
	FMAX_S4(0, 0, 4)
	SUB    $4, N
	B      maxLoop4

maxReduce:
	FMAX_S4(0, 0, 1)
	FMAX_S4(2, 2, 3)
	FMAX_S4(0, 0, 2)
	FMAXV_S4(0, 0)
	FMOVS F0, ret+24(FP)
	RET

// func SubConstNEON(dst, x []float32, c float32)
//
//	for i, v := range x { dst[i] = v - c }
//
// len(x) is a multiple of 4; dst may be x. Requires ASIMD.
TEXT ·SubConstNEON(SB), NOSPLIT, $0-52
	MOVD  dst_base+0(FP), DST
	MOVD  x_base+24(FP), X_PTR
	MOVD  x_len+32(FP), N
	FMOVS c+48(FP), F0
	VDUP  V0.S[0], V0.S4

subLoop16:
	CMP    $16, N
	BLT    subLoop4
	VLD1.P 64(X_PTR), [V1.S4, V2.S4, V3.S4, V4.S4]
	FSUB_S4(1, 1, 0)
	FSUB_S4(2, 2, 0)
	FSUB_S4(3, 3, 0)
	FSUB_S4(4, 4, 0)
	VST1.P [V1.S4, V2.S4, V3.S4, V4.S4], 64(DST)
	SUB    $16, N
	B      subLoop16

subLoop4:
	CMP    $4, N
	BLT    subDone
	VLD1.P 16(X_PTR), [V1.S4]
	FSUB_S4(1, 1, 0)
	VST1.P [V1.S4], 16(DST)
	SUB    $4, N
	B      subLoop4

subDone:
	RET

// func ScaledDiffNEON(dst, t []float32, scale float32)
//
//	for i := range dst { dst[i] = (dst[i] - t[i]) * scale }
//
// FSUB then FMUL, each rounded, as the generic kernel. len(dst) is a
// multiple of 4. Requires ASIMD.
TEXT ·ScaledDiffNEON(SB), NOSPLIT, $0-52
	MOVD  dst_base+0(FP), DST
	MOVD  dst_len+8(FP), N
	MOVD  t_base+24(FP), Y_PTR
	FMOVS scale+48(FP), F0
	VDUP  V0.S[0], V0.S4

scaledDiffLoop16:
	CMP    $16, N
	BLT    scaledDiffLoop4
	VLD1   (DST), [V1.S4, V2.S4, V3.S4, V4.S4]
	VLD1.P 64(Y_PTR), [V5.S4, V6.S4, V7.S4, V8.S4]
	FSUB_S4(1, 1, 5)
	FSUB_S4(2, 2, 6)
	FSUB_S4(3, 3, 7)
	FSUB_S4(4, 4, 8)
	FMUL_S4(1, 1, 0)
	FMUL_S4(2, 2, 0)
	FMUL_S4(3, 3, 0)
	FMUL_S4(4, 4, 0)
	VST1.P [V1.S4, V2.S4, V3.S4, V4.S4], 64(DST)
	SUB    $16, N
	B      scaledDiffLoop16

scaledDiffLoop4:
	CMP    $4, N
	BLT    scaledDiffDone
	VLD1   (DST), [V1.S4]
	VLD1.P 16(Y_PTR), [V5.S4]
	FSUB_S4(1, 1, 5)
	FMUL_S4(1, 1, 0)
	VST1.P [V1.S4], 16(DST)
	SUB    $4, N
	B      scaledDiffLoop4

scaledDiffDone:
	RET

// func AddNEON(dst, x, y []float32)
//
//	for i := range x { dst[i] = x[i] + y[i] }
//
// len(x) is a multiple of 4; dst may be x or y (each element is loaded
// before it is stored). Requires ASIMD.
TEXT ·AddNEON(SB), NOSPLIT, $0-72
	MOVD dst_base+0(FP), DST
	MOVD x_base+24(FP), X_PTR
	MOVD x_len+32(FP), N
	MOVD y_base+48(FP), Y_PTR

addLoop16:
	CMP    $16, N
	BLT    addLoop4
	VLD1.P 64(X_PTR), [V0.S4, V1.S4, V2.S4, V3.S4]
	VLD1.P 64(Y_PTR), [V4.S4, V5.S4, V6.S4, V7.S4]
	FADD_S4(0, 0, 4)
	FADD_S4(1, 1, 5)
	FADD_S4(2, 2, 6)
	FADD_S4(3, 3, 7)
	VST1.P [V0.S4, V1.S4, V2.S4, V3.S4], 64(DST)
	SUB    $16, N
	B      addLoop16

addLoop4:
	CMP    $4, N
	BLT    addDone
	VLD1.P 16(X_PTR), [V0.S4]
	VLD1.P 16(Y_PTR), [V4.S4]
	FADD_S4(0, 0, 4)
	VST1.P [V0.S4], 16(DST)
	SUB    $4, N
	B      addLoop4

addDone:
	RET

// func SqDiffSumNEON(x, y []float32) float64
//
//	var s float64
//	for i := range x { d := x[i] - y[i]; s += float64(d * d) }
//	return s
//
// d (FSUB) and d·d (FMUL) are rounded in float32 as written; FCVTL and
// FCVTL2 widen the squares exactly to float64, which are summed in eight
// 2-lane accumulators V16–V23 (FADD .2D), added together at the end. The
// order of the float64 additions differs from the sequential loop. len(x)
// is a multiple of 4. Requires ASIMD.
TEXT ·SqDiffSumNEON(SB), NOSPLIT, $0-56
	MOVD x_base+0(FP), X_PTR
	MOVD x_len+8(FP), N
	MOVD y_base+24(FP), Y_PTR
	VEOR V16.B16, V16.B16, V16.B16
	VEOR V17.B16, V17.B16, V17.B16
	VEOR V18.B16, V18.B16, V18.B16
	VEOR V19.B16, V19.B16, V19.B16
	VEOR V20.B16, V20.B16, V20.B16
	VEOR V21.B16, V21.B16, V21.B16
	VEOR V22.B16, V22.B16, V22.B16
	VEOR V23.B16, V23.B16, V23.B16

sqLoop16:
	CMP    $16, N
	BLT    sqLoop4
	VLD1.P 64(X_PTR), [V0.S4, V1.S4, V2.S4, V3.S4]
	VLD1.P 64(Y_PTR), [V4.S4, V5.S4, V6.S4, V7.S4]
	FSUB_S4(0, 0, 4)
	FSUB_S4(1, 1, 5)
	FSUB_S4(2, 2, 6)
	FSUB_S4(3, 3, 7)
	FMUL_S4(0, 0, 0)
	FMUL_S4(1, 1, 1)
	FMUL_S4(2, 2, 2)
	FMUL_S4(3, 3, 3)
	FCVTL_D2(8, 0)
	FCVTL2_D2(9, 0)
	FCVTL_D2(10, 1)
	FCVTL2_D2(11, 1)
	FCVTL_D2(12, 2)
	FCVTL2_D2(13, 2)
	FCVTL_D2(14, 3)
	FCVTL2_D2(15, 3)
	FADD_D2(16, 16, 8)
	FADD_D2(17, 17, 9)
	FADD_D2(18, 18, 10)
	FADD_D2(19, 19, 11)
	FADD_D2(20, 20, 12)
	FADD_D2(21, 21, 13)
	FADD_D2(22, 22, 14)
	FADD_D2(23, 23, 15)
	SUB    $16, N
	B      sqLoop16

sqLoop4:
	CMP    $4, N
	BLT    sqReduce
	VLD1.P 16(X_PTR), [V0.S4]
	VLD1.P 16(Y_PTR), [V4.S4]
	FSUB_S4(0, 0, 4)
	FMUL_S4(0, 0, 0)
	FCVTL_D2(8, 0)
	FCVTL2_D2(9, 0)
	FADD_D2(16, 16, 8)
	FADD_D2(17, 17, 9)
	SUB    $4, N
	B      sqLoop4

sqReduce:
	FADD_D2(16, 16, 17)
	FADD_D2(18, 18, 19)
	FADD_D2(20, 20, 21)
	FADD_D2(22, 22, 23)
	FADD_D2(16, 16, 18)
	FADD_D2(20, 20, 22)
	FADD_D2(16, 16, 20)
	FADDP_D(0, 16)
	FMOVD F0, ret+48(FP)
	RET
