//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"

// Narrow-product kernels for AVX-512: C = alpha·A·op(B) + beta·C for n of
// 2 to 8 columns (float64: 2 to 4) and a row-major A, each element a dot
// product of A's row with op(B)'s column along k, in vectors: lane q of an
// accumulator sums the terms l ≡ q (mod lanes) in order, then the lanes
// are added in a fixed tree (FOLD, then VHADDPS/PD). The kernels compute w
// columns, w = 2, 4, 6 or 8 the least of them ≥ n (float64: 2 or 4), and
// store C's n through a mask (K2); op(B) comes packed (bt, see
// gemm_narrow_amd64.go) w columns wide: for each step of lanes values of
// l, its w columns' vectors one after the other (the columns past n zero),
// zeros past k, so only A's loads are masked (the last k mod lanes
// elements of each row).
// Registers:
// Z0–Z15    the accumulators: row r's column j in Z(r·w + j) (rows in
//           groups of 8 for w = 2, 4 for w = 4, 2 for w = 6 and 8, then
//           one by one); after the sums, row r's w sums in the low lanes
//           of Z(r·w)
// Z16–Z23   op(B)'s w vectors at the step
// Z24, Z25  A's rows at the step, by turns
// Z26       the folds' scratch (Y26, X26)
// Z27       the epilogue's C
// Z30, Z31  alpha, beta
// K1        the depth tail (k mod lanes lanes)
// K2        C's n columns

#define ROWS R8  // rows of C left
#define AP SI    // A: the group's first row
#define LDA R9   // A: bytes from one row to the next
#define CP DI    // C: the group's first row
#define LDC R10  // C: bytes from one row to the next
#define P0 R11   // A: the group's rows at the step
#define P1 R12
#define P2 R13
#define P3 R14   // R14 (g) may be clobbered by an ABI0 function: its wrapper restores it
#define BTP R15  // op(B) packed, at the step (R15: the kernels make no global access)
#define LEFT BX  // elements of k left
#define CROW DX  // C: the row being stored

#define ALPHA Z30
#define BETA Z31

// The type tables: sel(MOVU, MOVZ, FMA, MUL, ADD) with the type's
// instructions (MOVZ: the masked load that zeroes the other lanes).
#define F32(sel) sel(VMOVUPS, VMOVUPS.Z, VFMADD231PS, VMULPS, VADDPS)
#define F64(sel) sel(VMOVUPD, VMOVUPD.Z, VFMADD231PD, VMULPD, VADDPD)
#define T_MOVU(movu, movz, fma, mul, add) movu
#define T_MOVZ(movu, movz, fma, mul, add) movz
#define T_FMA(movu, movz, fma, mul, add) fma
#define T_MUL(movu, movz, fma, mul, add) mul
#define T_ADD(movu, movz, fma, mul, add) add

// LOAD_Bn: op(B)'s n vectors at the step into Z16…, BTP moved on.
#define LOAD_B2(t) t(T_MOVU) (BTP), Z16; t(T_MOVU) 64(BTP), Z17; ADDQ $128, BTP
#define LOAD_B4(t) t(T_MOVU) (BTP), Z16; t(T_MOVU) 64(BTP), Z17; t(T_MOVU) 128(BTP), Z18; \
	t(T_MOVU) 192(BTP), Z19; ADDQ $256, BTP
#define LOAD_B6(t) t(T_MOVU) (BTP), Z16; t(T_MOVU) 64(BTP), Z17; t(T_MOVU) 128(BTP), Z18; \
	t(T_MOVU) 192(BTP), Z19; t(T_MOVU) 256(BTP), Z20; t(T_MOVU) 320(BTP), Z21; ADDQ $384, BTP
#define LOAD_B8(t) t(T_MOVU) (BTP), Z16; t(T_MOVU) 64(BTP), Z17; t(T_MOVU) 128(BTP), Z18; \
	t(T_MOVU) 192(BTP), Z19; t(T_MOVU) 256(BTP), Z20; t(T_MOVU) 320(BTP), Z21; \
	t(T_MOVU) 384(BTP), Z22; t(T_MOVU) 448(BTP), Z23; ADDQ $512, BTP

// A row's step: its vector of A (LD: the whole load, or the tail's masked
// one) at addr into av, then its n FMAs (FMASn) into its accumulators
// a0…a7 (unused ones repeated).
#define LD_WHOLE(t, addr, av) t(T_MOVU) addr, av
#define LD_TAIL(t, addr, av) t(T_MOVZ) addr, K1, av
#define FMAS2(t, av, a0, a1, a2, a3, a4, a5, a6, a7) t(T_FMA) Z16, av, a0; t(T_FMA) Z17, av, a1
#define FMAS4(t, av, a0, a1, a2, a3, a4, a5, a6, a7) FMAS2(t, av, a0, a1, a2, a3, a4, a5, a6, a7); \
	t(T_FMA) Z18, av, a2; t(T_FMA) Z19, av, a3
#define FMAS6(t, av, a0, a1, a2, a3, a4, a5, a6, a7) FMAS4(t, av, a0, a1, a2, a3, a4, a5, a6, a7); \
	t(T_FMA) Z20, av, a4; t(T_FMA) Z21, av, a5
#define FMAS8(t, av, a0, a1, a2, a3, a4, a5, a6, a7) FMAS6(t, av, a0, a1, a2, a3, a4, a5, a6, a7); \
	t(T_FMA) Z22, av, a6; t(T_FMA) Z23, av, a7

// Row tables: a group's rows, op(t, LD, addr, av, a0…a7) each, addr its
// A at the step. Groups of 8 rows (n = 2) address them from P0 (rows
// 0–2), P1 (3–5) and P2 (6, 7); groups of 4 and 2 from one pointer each.
#define N2_R8(op, t, LD) \
	op(t, LD, (P0), Z24, Z0, Z1, Z1, Z1, Z1, Z1, Z1, Z1); op(t, LD, (P0)(LDA*1), Z25, Z2, Z3, Z3, Z3, Z3, Z3, Z3, Z3); \
	op(t, LD, (P0)(LDA*2), Z24, Z4, Z5, Z5, Z5, Z5, Z5, Z5, Z5); op(t, LD, (P1), Z25, Z6, Z7, Z7, Z7, Z7, Z7, Z7, Z7); \
	op(t, LD, (P1)(LDA*1), Z24, Z8, Z9, Z9, Z9, Z9, Z9, Z9, Z9); op(t, LD, (P1)(LDA*2), Z25, Z10, Z11, Z11, Z11, Z11, Z11, Z11, Z11); \
	op(t, LD, (P2), Z24, Z12, Z13, Z13, Z13, Z13, Z13, Z13, Z13); op(t, LD, (P2)(LDA*1), Z25, Z14, Z15, Z15, Z15, Z15, Z15, Z15, Z15)
#define N2_R1(op, t, LD) op(t, LD, (P0), Z24, Z0, Z1, Z1, Z1, Z1, Z1, Z1, Z1)
#define N4_R4(op, t, LD) op(t, LD, (P0), Z24, Z0, Z1, Z2, Z3, Z3, Z3, Z3, Z3); op(t, LD, (P1), Z25, Z4, Z5, Z6, Z7, Z7, Z7, Z7, Z7); \
	op(t, LD, (P2), Z24, Z8, Z9, Z10, Z11, Z11, Z11, Z11, Z11); op(t, LD, (P3), Z25, Z12, Z13, Z14, Z15, Z15, Z15, Z15, Z15)
#define N4_R1(op, t, LD) op(t, LD, (P0), Z24, Z0, Z1, Z2, Z3, Z3, Z3, Z3, Z3)
// w = 6 (float32 n = 5, 6): a row's a6 and a7 are zeroed and take no
// FMA, so that the sums of 8 (single rows) and the joint sums of 16 (a
// pair: rows 0 and 1 in Z0–Z5 and Z6–Z11, Z12–Z15 zero) serve as they are.
#define N6_R2(op, t, LD) op(t, LD, (P0), Z24, Z0, Z1, Z2, Z3, Z4, Z5, Z12, Z13); op(t, LD, (P1), Z25, Z6, Z7, Z8, Z9, Z10, Z11, Z14, Z15)
#define N6_R1(op, t, LD) op(t, LD, (P0), Z24, Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7)
#define N8_R2(op, t, LD) op(t, LD, (P0), Z24, Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7); op(t, LD, (P1), Z25, Z8, Z9, Z10, Z11, Z12, Z13, Z14, Z15)
#define N8_R1(op, t, LD) op(t, LD, (P0), Z24, Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7)

// The row ops over a row table: STEPn (load A, n FMAs) and ZERO.
#define STEP2(t, LD, addr, av, a0, a1, a2, a3, a4, a5, a6, a7) LD(t, addr, av); FMAS2(t, av, a0, a1, a2, a3, a4, a5, a6, a7)
#define STEP4(t, LD, addr, av, a0, a1, a2, a3, a4, a5, a6, a7) LD(t, addr, av); FMAS4(t, av, a0, a1, a2, a3, a4, a5, a6, a7)
#define STEP6(t, LD, addr, av, a0, a1, a2, a3, a4, a5, a6, a7) LD(t, addr, av); FMAS6(t, av, a0, a1, a2, a3, a4, a5, a6, a7)
#define STEP8(t, LD, addr, av, a0, a1, a2, a3, a4, a5, a6, a7) LD(t, addr, av); FMAS8(t, av, a0, a1, a2, a3, a4, a5, a6, a7)
#define ZERO(t, LD, addr, av, a0, a1, a2, a3, a4, a5, a6, a7) VPXORD a0, a0, a0; VPXORD a1, a1, a1; \
	VPXORD a2, a2, a2; VPXORD a3, a3, a3; VPXORD a4, a4, a4; VPXORD a5, a5, a5; VPXORD a6, a6, a6; VPXORD a7, a7, a7

// ADVANCE_Rr: the group's A pointers one step on.
#define ADVANCE_R1 ADDQ $64, P0
#define ADVANCE_R2 ADDQ $64, P0; ADDQ $64, P1
#define ADVANCE_R4 ADDQ $64, P0; ADDQ $64, P1; ADDQ $64, P2; ADDQ $64, P3
#define ADVANCE_R8 ADDQ $64, P0; ADDQ $64, P1; ADDQ $64, P2

// FOLD_F32, FOLD_F64: an accumulator's lanes folded into the low 128
// bits of its register: the upper half added to the lower, then the
// upper quarter of that to its lower (float32: lane q gets q + 8, then
// q + 4; float64: q + 4, then q + 2).
#define FOLD_F32(z, y, x) VEXTRACTF64X4 $1, z, Y26; VADDPS Y26, y, y; VEXTRACTF32X4 $1, y, X26; VADDPS X26, x, x
#define FOLD_F64(z, y, x) VEXTRACTF64X4 $1, z, Y26; VADDPD Y26, y, y; VEXTRACTF64X2 $1, y, X26; VADDPD X26, x, x

// SUMS: a row's n sums into the low lanes of its first accumulator, by
// folds and horizontal adds: float32, each sum is ((q0 + q1) + (q2 +
// q3)) of its four folded lanes; float64 (q0 + q1).
#define SUMS_F32_N2(a0, a1, a2, a3, a4, a5, a6, a7, y0, y1, y2, y3, y4, y5, y6, y7, x0, x1, x2, x3, x4, x5, x6, x7) \
	FOLD_F32(a0, y0, x0); FOLD_F32(a1, y1, x1); VHADDPS x1, x0, x0; VHADDPS x0, x0, x0
#define SUMS_F32_N4(a0, a1, a2, a3, a4, a5, a6, a7, y0, y1, y2, y3, y4, y5, y6, y7, x0, x1, x2, x3, x4, x5, x6, x7) \
	FOLD_F32(a0, y0, x0); FOLD_F32(a1, y1, x1); FOLD_F32(a2, y2, x2); FOLD_F32(a3, y3, x3); \
	VHADDPS x1, x0, x0; VHADDPS x3, x2, x2; VHADDPS x2, x0, x0
#define SUMS_F32_N8(a0, a1, a2, a3, a4, a5, a6, a7, y0, y1, y2, y3, y4, y5, y6, y7, x0, x1, x2, x3, x4, x5, x6, x7) \
	SUMS_F32_N4(a0, a1, a2, a3, a4, a5, a6, a7, y0, y1, y2, y3, y4, y5, y6, y7, x0, x1, x2, x3, x4, x5, x6, x7); \
	SUMS_F32_N4(a4, a5, a6, a7, a4, a5, a6, a7, y4, y5, y6, y7, y4, y5, y6, y7, x4, x5, x6, x7, x4, x5, x6, x7); \
	VINSERTF128 $1, x4, y0, y0
#define SUMS_F64_N2(a0, a1, a2, a3, a4, a5, a6, a7, y0, y1, y2, y3, y4, y5, y6, y7, x0, x1, x2, x3, x4, x5, x6, x7) \
	FOLD_F64(a0, y0, x0); FOLD_F64(a1, y1, x1); VHADDPD x1, x0, x0
#define SUMS_F64_N4(a0, a1, a2, a3, a4, a5, a6, a7, y0, y1, y2, y3, y4, y5, y6, y7, x0, x1, x2, x3, x4, x5, x6, x7) \
	FOLD_F64(a0, y0, x0); FOLD_F64(a1, y1, x1); FOLD_F64(a2, y2, x2); FOLD_F64(a3, y3, x3); \
	VHADDPD x1, x0, x0; VHADDPD x3, x2, x2; VINSERTF128 $1, x2, y0, y0

// C_BETA_ROW (C_ZERO_ROW): a row of C (n columns at addr, masked by K2)
// from its sums in z: alpha·sum, then beta·C added (each product rounded,
// then the sum), the small-product kernels' epilogue; without beta, C is
// not read (beta == 0, either sign: a masked load of no lane still waited
// for the stores before it, a third of the time at k = 16).
#define C_BETA_ROW(t, z, addr) \
	t(T_MUL) ALPHA, z, z; \
	t(T_MOVZ) addr, K2, Z27; \
	t(T_MUL) BETA, Z27, Z27; \
	t(T_ADD) Z27, z, z; \
	t(T_MOVU) z, K2, addr
#define C_ZERO_ROW(t, z, addr) \
	t(T_MUL) ALPHA, z, z; \
	t(T_MOVU) z, K2, addr

// The sums and store of a row computed alone (SUMS: the type's
// SUMS_…_Nn; CR: C_BETA_ROW or C_ZERO_ROW): STORE_Nn_R1, the store
// argument of GROUP for the single rows.
#define REG_ROW(SUMS, CR, t, zr, a0, a1, a2, a3, a4, a5, a6, a7, y0, y1, y2, y3, y4, y5, y6, y7, x0, x1, x2, x3, x4, x5, x6, x7, addr) \
	SUMS(a0, a1, a2, a3, a4, a5, a6, a7, y0, y1, y2, y3, y4, y5, y6, y7, x0, x1, x2, x3, x4, x5, x6, x7); \
	CR(t, zr, addr)
#define STORE_N2_R1(SUMS, CR, t) \
	REG_ROW(SUMS, CR, t, Z0, Z0, Z1, Z1, Z1, Z1, Z1, Z1, Z1, Y0, Y1, Y1, Y1, Y1, Y1, Y1, Y1, X0, X1, X1, X1, X1, X1, X1, X1, (CP))

#define STORE_N4_R1(SUMS, CR, t) \
	REG_ROW(SUMS, CR, t, Z0, Z0, Z1, Z2, Z3, Z3, Z3, Z3, Z3, Y0, Y1, Y2, Y3, Y3, Y3, Y3, Y3, X0, X1, X2, X3, X3, X3, X3, X3, (CP))

#define STORE_N8_R1(SUMS, CR, t) \
	REG_ROW(SUMS, CR, t, Z0, Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7, Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7, X0, X1, X2, X3, X4, X5, X6, X7, (CP))

// The groups of several rows reduce their 16 accumulators together:
// pairs of them in shuffles and one add per pair at each stage, lane for
// lane in the same order as FOLD and the horizontal adds (each sum's
// bits are those of a row computed alone): JOINT1 adds each lane to the
// one half a vector up (float32 q + 8), JOINT2 a quarter up (q + 4),
// JOINT3 adjacent lanes, twice for float32. The accumulators are paired
// so that the sums come out in the order of their registers: float32,
// Z0's lane L holds the sum of Z_L (row r's column j at r·n + j);
// float64, Z0's lane L that of Z_L, Z8's that of Z(8+L).
#define JOINT1_F32(a, b, t) VSHUFF32X4 $0xEE, b, a, t; VSHUFF32X4 $0x44, b, a, a; VADDPS t, a, a
#define JOINT2_F32(a, b, t) VSHUFF32X4 $0xDD, b, a, t; VSHUFF32X4 $0x88, b, a, a; VADDPS t, a, a
#define JOINT3_F32(a, b, t) VSHUFPS $0xDD, b, a, t; VSHUFPS $0x88, b, a, a; VADDPS t, a, a
#define JOINT_F32 \
	JOINT1_F32(Z0, Z4, Z24); JOINT1_F32(Z8, Z12, Z25); JOINT1_F32(Z1, Z5, Z26); JOINT1_F32(Z9, Z13, Z27); \
	JOINT1_F32(Z2, Z6, Z28); JOINT1_F32(Z10, Z14, Z29); JOINT1_F32(Z3, Z7, Z24); JOINT1_F32(Z11, Z15, Z25); \
	JOINT2_F32(Z0, Z8, Z26); JOINT2_F32(Z1, Z9, Z27); JOINT2_F32(Z2, Z10, Z28); JOINT2_F32(Z3, Z11, Z29); \
	JOINT3_F32(Z0, Z1, Z24); JOINT3_F32(Z2, Z3, Z25); \
	JOINT3_F32(Z0, Z2, Z26)
#define JOINT1_F64(a, b, t) VSHUFF64X2 $0xEE, b, a, t; VSHUFF64X2 $0x44, b, a, a; VADDPD t, a, a
#define JOINT2_F64(a, b, t) VSHUFF64X2 $0xDD, b, a, t; VSHUFF64X2 $0x88, b, a, a; VADDPD t, a, a
#define JOINT3_F64(a, b, t) VSHUFPD $0xFF, b, a, t; VSHUFPD $0x00, b, a, a; VADDPD t, a, a
#define JOINT_F64 \
	JOINT1_F64(Z0, Z2, Z24); JOINT1_F64(Z4, Z6, Z25); JOINT1_F64(Z1, Z3, Z26); JOINT1_F64(Z5, Z7, Z27); \
	JOINT1_F64(Z8, Z10, Z28); JOINT1_F64(Z12, Z14, Z29); JOINT1_F64(Z9, Z11, Z24); JOINT1_F64(Z13, Z15, Z25); \
	JOINT2_F64(Z0, Z4, Z26); JOINT2_F64(Z1, Z5, Z27); JOINT2_F64(Z8, Z12, Z28); JOINT2_F64(Z9, Z13, Z29); \
	JOINT3_F64(Z0, Z1, Z24); JOINT3_F64(Z8, Z9, Z25)

// JROW_F32 (JROW_F64): a row of C from its n sums, lanes shift… of Z0 (of
// f), rotated down into Z24 (CR: C_BETA_ROW or C_ZERO_ROW).
#define JROW_F32(CR, t, shift, addr) VALIGND $shift, Z0, Z0, Z24; CR(t, Z24, addr)
#define JROW_F64(CR, t, f, shift, addr) VALIGNQ $shift, f, f, Z24; CR(t, Z24, addr)

// JSTORE_…: the joint sums and C's rows of a group of several rows (the
// store argument of GROUP; SUMS is not used), row r's C at CP + r·LDC.
#define JSTORE_F32_N2_R8(SUMS, CR, t) \
	JOINT_F32; \
	JROW_F32(CR, t, 0, (CP)); JROW_F32(CR, t, 2, (CP)(LDC*1)); JROW_F32(CR, t, 4, (CP)(LDC*2)); \
	LEAQ (CP)(LDC*2), CROW; JROW_F32(CR, t, 6, (CROW)(LDC*1)); JROW_F32(CR, t, 8, (CROW)(LDC*2)); \
	LEAQ (CROW)(LDC*2), CROW; JROW_F32(CR, t, 10, (CROW)(LDC*1)); JROW_F32(CR, t, 12, (CROW)(LDC*2)); \
	LEAQ (CROW)(LDC*2), CROW; JROW_F32(CR, t, 14, (CROW)(LDC*1))
#define JSTORE_F32_N4_R4(SUMS, CR, t) \
	JOINT_F32; \
	JROW_F32(CR, t, 0, (CP)); JROW_F32(CR, t, 4, (CP)(LDC*1)); JROW_F32(CR, t, 8, (CP)(LDC*2)); \
	LEAQ (CP)(LDC*2), CROW; JROW_F32(CR, t, 12, (CROW)(LDC*1))
#define JSTORE_F32_N6_R2(SUMS, CR, t) \
	JOINT_F32; \
	JROW_F32(CR, t, 0, (CP)); JROW_F32(CR, t, 6, (CP)(LDC*1))
#define JSTORE_F32_N8_R2(SUMS, CR, t) \
	JOINT_F32; \
	JROW_F32(CR, t, 0, (CP)); JROW_F32(CR, t, 8, (CP)(LDC*1))
#define JSTORE_F64_N2_R8(SUMS, CR, t) \
	JOINT_F64; \
	JROW_F64(CR, t, Z0, 0, (CP)); JROW_F64(CR, t, Z0, 2, (CP)(LDC*1)); JROW_F64(CR, t, Z0, 4, (CP)(LDC*2)); \
	LEAQ (CP)(LDC*2), CROW; JROW_F64(CR, t, Z0, 6, (CROW)(LDC*1)); JROW_F64(CR, t, Z8, 0, (CROW)(LDC*2)); \
	LEAQ (CROW)(LDC*2), CROW; JROW_F64(CR, t, Z8, 2, (CROW)(LDC*1)); JROW_F64(CR, t, Z8, 4, (CROW)(LDC*2)); \
	LEAQ (CROW)(LDC*2), CROW; JROW_F64(CR, t, Z8, 6, (CROW)(LDC*1))
#define JSTORE_F64_N4_R4(SUMS, CR, t) \
	JOINT_F64; \
	JROW_F64(CR, t, Z0, 0, (CP)); JROW_F64(CR, t, Z0, 4, (CP)(LDC*1)); JROW_F64(CR, t, Z8, 0, (CP)(LDC*2)); \
	LEAQ (CP)(LDC*2), CROW; JROW_F64(CR, t, Z8, 4, (CROW)(LDC*1))

// GROUP: while R rows are left, a group of them (start: its START_R…,
// advance its ADVANCE_R…): the whole steps, the depth tail, the sums and
// C's rows (betaBits sets the flags by beta's bits but the sign: zero
// takes C_ZERO_ROW); then on to next. lanes: a vector's elements.
#define GROUP(R, start, advance, lanes, t, table, step, loadB, store, sums, betaBits, here, loop, tail, done, beta0, stored, next) \
here: \
	CMPQ ROWS, $R; \
	JB   next; \
	start; \
	table(ZERO, t, LD_WHOLE); \
loop: \
	CMPQ LEFT, $lanes; \
	JB   tail; \
	loadB(t); \
	table(step, t, LD_WHOLE); \
	advance; \
	SUBQ $lanes, LEFT; \
	JMP  loop; \
tail: \
	TESTQ LEFT, LEFT; \
	JZ    done; \
	MOVQ  LEFT, CX; \
	AVX512_TAIL_MASK(CX, AX, K1); \
	loadB(t); \
	table(step, t, LD_TAIL); \
done: \
	betaBits; \
	JZ beta0; \
	store(sums, C_BETA_ROW, t); \
	JMP stored; \
beta0: \
	store(sums, C_ZERO_ROW, t); \
stored: \
	LEAQ (AP)(LDA*R), AP; \
	LEAQ (CP)(LDC*R), CP; \
	SUBQ $R, ROWS; \
	JMP  here

// func GemmNarrowF32AVX512(m, n, k int, a unsafe.Pointer, lda int, bt, c unsafe.Pointer, ldc int, alpha, beta float32)
//
//	for i := 0; i < m; i++ {
//		for j := 0; j < n; j++ { // 2 ≤ n ≤ 8
//			var acc [16]float32 // lane q: l ≡ q (mod 16), in order l
//			for l := 0; l < k; l++ { acc[l%16] += a[i*lda+l] * opB(l, j) } // one FMA
//			s := sum(acc) // fold q+8, q+4, then ((q0+q1)+(q2+q3))
//			r := alpha * s
//			p := &c[i*ldc+j]
//			if beta == 0 { *p = r } else { *p = beta**p + r } // product rounded, then added
//		}
//	}
//
// opB(l, j) is bt[(l/16*w+j)*16+l%16], w = 2 (n = 2), 4 (n = 3, 4), 6 (n
// = 5, 6) or 8 (n = 7, 8). Rows go in groups of 8 (w = 2), 4 (w = 4) or 2
// (w = 6, 8), then one by one. Requires AVX512F and AVX512VL.
TEXT ·GemmNarrowF32AVX512(SB), NOSPLIT, $0-72
// START_R8 … START_R1: the group's A pointers, op(B) from its start, all
// of k left. Defined here, in the float32 TEXT, so that vet checks bt+40
// and k+16 against its frame; the float64 TEXT's frame has them at the
// same offsets (it differs in alpha and beta only).
#define START_R1 \
	MOVQ AP, P0; \
	MOVQ bt+40(FP), BTP; \
	MOVQ k+16(FP), LEFT
#define START_R2 START_R1; LEAQ (AP)(LDA*1), P1
#define START_R4 START_R2; LEAQ (AP)(LDA*2), P2; LEAQ (P1)(LDA*2), P3
#define START_R8 START_R1; LEAQ (AP)(LDA*2), P1; ADDQ LDA, P1; LEAQ (P1)(LDA*2), P2; ADDQ LDA, P2
// F32_BETA_BITS: beta's bits but the sign, for GROUP's test.
#define F32_BETA_BITS \
	MOVL beta+68(FP), AX; \
	SHLL $1, AX

	MOVQ n+8(FP), CX
	AVX512_TAIL_MASK(CX, AX, K2)
	MOVQ m+0(FP), ROWS
	MOVQ a+24(FP), AP
	MOVQ lda+32(FP), LDA
	SHLQ $2, LDA
	MOVQ c+48(FP), CP
	MOVQ ldc+56(FP), LDC
	SHLQ $2, LDC
	VBROADCASTSS alpha+64(FP), ALPHA
	VBROADCASTSS beta+68(FP), BETA
	CMPQ n+8(FP), $2
	JBE  n2
	CMPQ n+8(FP), $4
	JBE  n4
	CMPQ n+8(FP), $6
	JBE  n6
	GROUP(2, START_R2, ADVANCE_R2, 16, F32, N8_R2, STEP8, LOAD_B8, JSTORE_F32_N8_R2, SUMS_F32_N8, F32_BETA_BITS, r2n8, r2n8Loop, r2n8Tail, r2n8Done, r2n8Beta0, r2n8Stored, r1n8)
	GROUP(1, START_R1, ADVANCE_R1, 16, F32, N8_R1, STEP8, LOAD_B8, STORE_N8_R1, SUMS_F32_N8, F32_BETA_BITS, r1n8, r1n8Loop, r1n8Tail, r1n8Done, r1n8Beta0, r1n8Stored, done)

n6:
	GROUP(2, START_R2, ADVANCE_R2, 16, F32, N6_R2, STEP6, LOAD_B6, JSTORE_F32_N6_R2, SUMS_F32_N8, F32_BETA_BITS, r2n6, r2n6Loop, r2n6Tail, r2n6Done, r2n6Beta0, r2n6Stored, r1n6)
	GROUP(1, START_R1, ADVANCE_R1, 16, F32, N6_R1, STEP6, LOAD_B6, STORE_N8_R1, SUMS_F32_N8, F32_BETA_BITS, r1n6, r1n6Loop, r1n6Tail, r1n6Done, r1n6Beta0, r1n6Stored, done)

n4:
	GROUP(4, START_R4, ADVANCE_R4, 16, F32, N4_R4, STEP4, LOAD_B4, JSTORE_F32_N4_R4, SUMS_F32_N4, F32_BETA_BITS, r4n4, r4n4Loop, r4n4Tail, r4n4Done, r4n4Beta0, r4n4Stored, r1n4)
	GROUP(1, START_R1, ADVANCE_R1, 16, F32, N4_R1, STEP4, LOAD_B4, STORE_N4_R1, SUMS_F32_N4, F32_BETA_BITS, r1n4, r1n4Loop, r1n4Tail, r1n4Done, r1n4Beta0, r1n4Stored, done)

n2:
	GROUP(8, START_R8, ADVANCE_R8, 16, F32, N2_R8, STEP2, LOAD_B2, JSTORE_F32_N2_R8, SUMS_F32_N2, F32_BETA_BITS, r8n2, r8n2Loop, r8n2Tail, r8n2Done, r8n2Beta0, r8n2Stored, r1n2)
	GROUP(1, START_R1, ADVANCE_R1, 16, F32, N2_R1, STEP2, LOAD_B2, STORE_N2_R1, SUMS_F32_N2, F32_BETA_BITS, r1n2, r1n2Loop, r1n2Tail, r1n2Done, r1n2Beta0, r1n2Stored, done)

done:
	VZEROUPPER
	RET

// func GemmNarrowF64AVX512(m, n, k int, a unsafe.Pointer, lda int, bt, c unsafe.Pointer, ldc int, alpha, beta float64)
//
//	for i := 0; i < m; i++ {
//		for j := 0; j < n; j++ { // 2 ≤ n ≤ 4
//			var acc [8]float64 // lane q: l ≡ q (mod 8), in order l
//			for l := 0; l < k; l++ { acc[l%8] += a[i*lda+l] * opB(l, j) } // one FMA
//			s := sum(acc) // fold q+4, q+2, then q0+q1
//			r := alpha * s
//			p := &c[i*ldc+j]
//			if beta == 0 { *p = r } else { *p = beta**p + r } // product rounded, then added
//		}
//	}
//
// opB(l, j) is bt[(l/8*w+j)*8+l%8], w = 2 (n = 2) or 4 (n = 3, 4). Rows
// go in groups of 8 (w = 2) or 4 (w = 4), then one by one. Requires
// AVX512F, AVX512VL and AVX512DQ.
TEXT ·GemmNarrowF64AVX512(SB), NOSPLIT, $0-80
// F64_BETA_BITS: beta's bits but the sign, for GROUP's test.
#define F64_BETA_BITS \
	MOVQ beta+72(FP), AX; \
	SHLQ $1, AX

	MOVQ n+8(FP), CX
	AVX512_TAIL_MASK(CX, AX, K2)
	MOVQ m+0(FP), ROWS
	MOVQ a+24(FP), AP
	MOVQ lda+32(FP), LDA
	SHLQ $3, LDA
	MOVQ c+48(FP), CP
	MOVQ ldc+56(FP), LDC
	SHLQ $3, LDC
	VBROADCASTSD alpha+64(FP), ALPHA
	VBROADCASTSD beta+72(FP), BETA
	CMPQ n+8(FP), $2
	JBE  n2
	GROUP(4, START_R4, ADVANCE_R4, 8, F64, N4_R4, STEP4, LOAD_B4, JSTORE_F64_N4_R4, SUMS_F64_N4, F64_BETA_BITS, r4n4, r4n4Loop, r4n4Tail, r4n4Done, r4n4Beta0, r4n4Stored, r1n4)
	GROUP(1, START_R1, ADVANCE_R1, 8, F64, N4_R1, STEP4, LOAD_B4, STORE_N4_R1, SUMS_F64_N4, F64_BETA_BITS, r1n4, r1n4Loop, r1n4Tail, r1n4Done, r1n4Beta0, r1n4Stored, done)

n2:
	GROUP(8, START_R8, ADVANCE_R8, 8, F64, N2_R8, STEP2, LOAD_B2, JSTORE_F64_N2_R8, SUMS_F64_N2, F64_BETA_BITS, r8n2, r8n2Loop, r8n2Tail, r8n2Done, r8n2Beta0, r8n2Stored, r1n2)
	GROUP(1, START_R1, ADVANCE_R1, 8, F64, N2_R1, STEP2, LOAD_B2, STORE_N2_R1, SUMS_F64_N2, F64_BETA_BITS, r1n2, r1n2Loop, r1n2Tail, r1n2Done, r1n2Beta0, r1n2Stored, done)

done:
	VZEROUPPER
	RET

// The packing of op(B) for the narrow kernels, B not transposed and its
// rows contiguous (ldb = n): a step's lanes rows are lanes·n consecutive
// elements, n vectors; column j's vector takes element q·n+j of them into
// lane q. Each is put together by two-table permutes (VPERMI2PS/PD), one
// per pair of the step's vectors, each merged into the lanes whose element
// lies in that pair: an index's low bits (4:0 for float32, 3:0 for
// float64) pick among the pair's elements, the bits above say which pair,
// compared with the pair's number into K1. A step of B is n·64 bytes, a
// pair 128, a column's vector 64, whatever the type.
#define PK_STEPS AX // whole steps left
#define PK_N BX     // n
#define PK_B SI     // B at the step
#define PK_DST DI   // bt at the step
#define PK_W R8     // w·64: bt's bytes per step
#define PK_J R9     // columns left in the step
#define PK_SRC R10  // the pair's first vector
#define PK_T R11    // pairs left
#define PK_OUT R12  // bt at column j's vector
#define PK_STEP R13 // n·64: B's bytes per step
#define PK_BASE Z0  // lane q: q·n, column 0's elements
#define PK_ONES Z1  // 1 in every lane
#define PK_CUR Z2   // column j's elements (its index)
#define PK_HI Z3    // column j's elements' pairs
#define PK_PAIR Z4  // the pair's number in every lane
#define PK_TAB Z5   // the pair's first vector
#define PK_V Z6     // column j's vector, being put together

// PACK_NARROW is the TEXTs' body after PK_BASE and PK_ONES are set: MOVA
// copies the integer lanes, SRL shifts them right by PAIRSHIFT bits,
// CMPEQ compares them, ADD adds them, PERMI2 is the two-table permute.
#define PACK_NARROW(MOVA, SRL, PAIRSHIFT, CMPEQ, ADD, PERMI2) \
pkStep: \
	MOVA PK_BASE, PK_CUR \
	MOVQ PK_DST, PK_OUT \
	MOVQ PK_N, PK_J \
pkCol: \
	SRL    $PAIRSHIFT, PK_CUR, PK_HI \
	MOVA   PK_CUR, PK_V \
	VPXORD PK_PAIR, PK_PAIR, PK_PAIR \
	MOVQ   PK_B, PK_SRC \
	MOVQ   PK_N, PK_T \
	SHRQ   $1, PK_T \
pkPair: \
	CMPEQ   PK_PAIR, PK_HI, K1 \
	VMOVUPS (PK_SRC), PK_TAB \
	PERMI2  64(PK_SRC), PK_TAB, K1, PK_V \
	ADD     PK_ONES, PK_PAIR, PK_PAIR \
	ADDQ    $128, PK_SRC \
	DECQ    PK_T \
	JNZ     pkPair \
	TESTQ   $1, PK_N \
	JZ      pkStore \
	/* n odd: the last vector alone (its lanes' elements all lie in it, \
	   so both tables are it: nothing past the step is read) */ \
	CMPEQ   PK_PAIR, PK_HI, K1 \
	VMOVUPS (PK_SRC), PK_TAB \
	PERMI2  (PK_SRC), PK_TAB, K1, PK_V \
pkStore: \
	VMOVUPS PK_V, (PK_OUT) \
	ADDQ    $64, PK_OUT \
	ADD     PK_ONES, PK_CUR, PK_CUR \
	DECQ    PK_J \
	JNZ     pkCol \
	ADDQ    PK_STEP, PK_B \
	ADDQ    PK_W, PK_DST \
	DECQ    PK_STEPS \
	JNZ     pkStep \
	VZEROUPPER \
	RET

// func PackNarrowF32AVX512(steps, n int, b, bt unsafe.Pointer, w int)
//
//	for s := 0; s < steps; s++ {
//		for j := 0; j < n; j++ {
//			for q := 0; q < 16; q++ { bt[(s*w+j)*16+q] = b[(s*16+q)*n+j] }
//		}
//	}
//
// Columns n…w−1 of each step are not written. steps ≥ 1, 2 ≤ n ≤ w ≤ 8.
// Requires AVX512F.
TEXT ·PackNarrowF32AVX512(SB), NOSPLIT, $0-40
// PK_ARGS loads the arguments; the float64 TEXT's frame is the same.
#define PK_ARGS \
	MOVQ steps+0(FP), PK_STEPS; \
	MOVQ n+8(FP), PK_N; \
	MOVQ b+16(FP), PK_B; \
	MOVQ bt+24(FP), PK_DST; \
	MOVQ w+32(FP), PK_W; \
	SHLQ $6, PK_W; \
	MOVQ PK_N, PK_STEP; \
	SHLQ $6, PK_STEP

	PK_ARGS
	VPBROADCASTD PK_N, PK_BASE
	VPMULLD      ·narrowIota(SB), PK_BASE, PK_BASE
	MOVL         $1, CX
	VPBROADCASTD CX, PK_ONES
	PACK_NARROW(VMOVDQA32, VPSRLD, 5, VPCMPEQD, VPADDD, VPERMI2PS)

// func PackNarrowF64AVX512(steps, n int, b, bt unsafe.Pointer, w int)
//
//	for s := 0; s < steps; s++ {
//		for j := 0; j < n; j++ {
//			for q := 0; q < 8; q++ { bt[(s*w+j)*8+q] = b[(s*8+q)*n+j] }
//		}
//	}
//
// Columns n…w−1 of each step are not written. steps ≥ 1, 2 ≤ n ≤ w ≤ 4.
// Requires AVX512F.
TEXT ·PackNarrowF64AVX512(SB), NOSPLIT, $0-40
	PK_ARGS
	VPMOVZXDQ    ·narrowIota(SB), PK_BASE
	VPBROADCASTQ PK_N, PK_CUR
	VPMULUDQ     PK_CUR, PK_BASE, PK_BASE
	MOVL         $1, CX
	VPBROADCASTQ CX, PK_ONES
	PACK_NARROW(VMOVDQA64, VPSRLQ, 4, VPCMPEQQ, VPADDQ, VPERMI2PD)

// narrowIota is 0, 1, …, 15 as int32: the packing's lane numbers.
DATA ·narrowIota+0(SB)/4, $0
DATA ·narrowIota+4(SB)/4, $1
DATA ·narrowIota+8(SB)/4, $2
DATA ·narrowIota+12(SB)/4, $3
DATA ·narrowIota+16(SB)/4, $4
DATA ·narrowIota+20(SB)/4, $5
DATA ·narrowIota+24(SB)/4, $6
DATA ·narrowIota+28(SB)/4, $7
DATA ·narrowIota+32(SB)/4, $8
DATA ·narrowIota+36(SB)/4, $9
DATA ·narrowIota+40(SB)/4, $10
DATA ·narrowIota+44(SB)/4, $11
DATA ·narrowIota+48(SB)/4, $12
DATA ·narrowIota+52(SB)/4, $13
DATA ·narrowIota+56(SB)/4, $14
DATA ·narrowIota+60(SB)/4, $15
GLOBL ·narrowIota(SB), RODATA|NOPTR, $64

// The transposed store of the transposed strips (gemmStripsTransposed):
// C's rows, n contiguous elements each (ldc = n), from the scratch Cᵀ (n
// rows of m). A block of 16 rows of C is 16·n consecutive elements, n
// vectors; element E of the block is row E / n, column E % n, lane E / n
// of Cᵀ's row E % n at the block. Output vector o is put together by
// two-table permutes (VPERMI2PS), one per pair of Cᵀ's rows (2t, 2t+1),
// each merged into the lanes whose column is in that pair (the index's
// bit 4 picks the pair's second row); n odd, the last row is its own
// pair, both tables. The table tab (Go's transposeTables[n]) holds the n
// index vectors, then the masks, 8 × 2 bytes per output vector.
#define ST_BLOCKS AX // whole blocks of 16 rows left
#define ST_N BX      // n
#define ST_CT SI     // Cᵀ's row 0 at the block
#define ST_M DX      // m·4: bytes from one row of Cᵀ to the next
#define ST_C DI      // C at the block's output vector
#define ST_TAB R8    // the table
#define ST_IDXP R9   // output vector o's indices
#define ST_MASKP R10 // output vector o's masks
#define ST_O R11     // output vectors left in the block
#define ST_SRC R12   // Cᵀ's row 2t at the block
#define ST_T R13     // pairs left for o
#define ST_MK CX     // the pair's number
#define ST_BETAB R14 // beta's bits but the sign (R14: restored by the ABI0 wrapper)
#define ST_SRC2 R15  // Cᵀ's row 2t+1 (R15: this TEXT makes no global access)
#define ST_V Z1
#define ST_TAB1 Z2
#define ST_BETA Z3
#define ST_BC Z4

// func StoreTransposedF32AVX512(blocks, n int, ct unsafe.Pointer, m int, c, tab unsafe.Pointer, beta float32)
//
//	for b := 0; b < blocks; b++ {
//		for i := 16 * b; i < 16*b+16; i++ {
//			for j := 0; j < n; j++ {
//				r := ct[j*m+i]
//				if beta == 0 { c[i*n+j] = r } else { c[i*n+j] = beta*c[i*n+j] + r } // product rounded, then added
//			}
//		}
//	}
//
// blocks ≥ 1, 2 ≤ n ≤ 8, 16·blocks ≤ m; beta == 0 (either sign): C is
// not read. Requires AVX512F.
TEXT ·StoreTransposedF32AVX512(SB), NOSPLIT, $0-52
	MOVQ         blocks+0(FP), ST_BLOCKS
	MOVQ         n+8(FP), ST_N
	MOVQ         ct+16(FP), ST_CT
	MOVQ         m+24(FP), ST_M
	SHLQ         $2, ST_M
	MOVQ         c+32(FP), ST_C
	MOVQ         tab+40(FP), ST_TAB
	VBROADCASTSS beta+48(FP), ST_BETA
	MOVL         beta+48(FP), ST_BETAB
	SHLL         $1, ST_BETAB

stBlock:
	MOVQ ST_TAB, ST_IDXP
	LEAQ 512(ST_TAB), ST_MASKP
	MOVQ ST_N, ST_O

stOut:
	VMOVDQU32 (ST_IDXP), ST_V
	MOVQ      ST_CT, ST_SRC
	MOVQ      ST_N, ST_T
	SHRQ      $1, ST_T
	XORQ      ST_MK, ST_MK

stPair:
	LEAQ      (ST_SRC)(ST_M*1), ST_SRC2
	KMOVW     (ST_MASKP)(ST_MK*2), K1
	VMOVUPS   (ST_SRC), ST_TAB1
	VPERMI2PS (ST_SRC2), ST_TAB1, K1, ST_V
	LEAQ      (ST_SRC)(ST_M*2), ST_SRC
	INCQ      ST_MK
	DECQ      ST_T
	JNZ       stPair
	TESTQ     $1, ST_N
	JZ        stEpilogue

	// n odd: the last row alone, both tables.
	KMOVW     (ST_MASKP)(ST_MK*2), K1
	VMOVUPS   (ST_SRC), ST_TAB1
	VPERMI2PS (ST_SRC), ST_TAB1, K1, ST_V

stEpilogue:
	TESTL  ST_BETAB, ST_BETAB
	JZ     stStore
	VMULPS (ST_C), ST_BETA, ST_BC
	VADDPS ST_V, ST_BC, ST_V

stStore:
	VMOVUPS ST_V, (ST_C)
	ADDQ    $64, ST_C
	ADDQ    $64, ST_IDXP
	ADDQ    $16, ST_MASKP
	DECQ    ST_O
	JNZ     stOut
	ADDQ    $64, ST_CT
	DECQ    ST_BLOCKS
	JNZ     stBlock
	VZEROUPPER
	RET
