// NEON (arm64 ASIMD) instructions that Go's assembler lacks, as WORD
// encodings, and a few sequences the NEON kernels share.
//
// Go's assembler has no vector float arithmetic except FMLA/FMLS, and only
// accepts the integer and bitwise vector instructions with named registers
// (V0…V31), which macros taking register numbers cannot build. So the
// vector arithmetic, compares and moves below are WORDs made from register
// numbers 0–31 (the Vn of the comments); `go tool objdump` decodes them
// back. The exceptions, native instructions on register names, are VZERO
// (VEOR) and the trips' loads and stores (VLD1/VST1 in MAP, ZIP, FOLD and
// FOLD2). Arrangement .4S (four float32 or int32 lanes) unless the name
// says otherwise.

#ifndef NEON_ARM64_H
#define NEON_ARM64_H

// ---- float arithmetic, Vd = Vn op Vm, each rounded once ----
#define FADD_S4(d, n, m) WORD $(0x4E20D400 | (m)<<16 | (n)<<5 | (d))
#define FSUB_S4(d, n, m) WORD $(0x4EA0D400 | (m)<<16 | (n)<<5 | (d))
#define FMUL_S4(d, n, m) WORD $(0x6E20DC00 | (m)<<16 | (n)<<5 | (d))
#define FDIV_S4(d, n, m) WORD $(0x6E20FC00 | (m)<<16 | (n)<<5 | (d))

// FSQRT_S4: Vd = sqrt(Vn), correctly rounded.
#define FSQRT_S4(d, n) WORD $(0x6EA1F800 | (n)<<5 | (d))

// FMAX/FMIN return NaN if either operand is NaN (FMAXNM/FMINNM would
// return the number instead). FMAXV_S4: Sd = the largest lane of Vn (NaN
// propagating, like FMAX).
#define FMAX_S4(d, n, m) WORD $(0x4E20F400 | (m)<<16 | (n)<<5 | (d))
#define FMIN_S4(d, n, m) WORD $(0x4EA0F400 | (m)<<16 | (n)<<5 | (d))
#define FMAXV_S4(d, n) WORD $(0x6E30F800 | (n)<<5 | (d))

// FMLA_S4: Vd += Vn·Vm, FMLS_S4: Vd −= Vn·Vm, both fused (one rounding).
#define FMLA_S4(d, n, m) WORD $(0x4E20CC00 | (m)<<16 | (n)<<5 | (d))
#define FMLS_S4(d, n, m) WORD $(0x4EA0CC00 | (m)<<16 | (n)<<5 | (d))

// FMLA_LANE_S4(d, n, m, i): Vd.4S += Vn.4S × Vm.S[i], fused (FMLA by
// element; index i = H:L, bits 11 and 21). FMLA_LANE_D2: Vd.2D += Vn.2D ×
// Vm.D[i] (index i = H, bit 11).
#define FMLA_LANE_S4(d, n, m, i) WORD $(0x4F801000 | (m)<<16 | ((i)&1)<<21 | ((i)>>1)<<11 | (n)<<5 | (d))
#define FMLA_LANE_D2(d, n, m, i) WORD $(0x4FC01000 | (m)<<16 | (i)<<11 | (n)<<5 | (d))

// FABS_S4, FNEG_S4: Vd = |Vn|, −Vn (sign bit only; NaNs pass unchanged).
#define FABS_S4(d, n) WORD $(0x4EA0F800 | (n)<<5 | (d))
#define FNEG_S4(d, n) WORD $(0x6EA0F800 | (n)<<5 | (d))

// FCVTNS_S4: Vd = int32(Vn) rounded to nearest, ties to even.
// SCVTF_S4: Vd = float32(int32 Vn).
#define FCVTNS_S4(d, n) WORD $(0x4E21A800 | (n)<<5 | (d))
#define SCVTF_S4(d, n) WORD $(0x4E21D800 | (n)<<5 | (d))

// Comparisons: all-ones lanes where true, zero where false (and wherever
// an operand is NaN). FCMGT_S4: Vn > Vm; FCMGT0_S4: Vn > 0;
// FCMLT0_S4: Vn < 0.
#define FCMGT_S4(d, n, m) WORD $(0x6EA0E400 | (m)<<16 | (n)<<5 | (d))
#define FCMGT0_S4(d, n) WORD $(0x4EA0C800 | (n)<<5 | (d))
#define FCMLT0_S4(d, n) WORD $(0x4EA0E800 | (n)<<5 | (d))

// FADDP_S4: pairwise add, Vd = {n0+n1, n2+n3, m0+m1, m2+m3}.
#define FADDP_S4(d, n, m) WORD $(0x6E20D400 | (m)<<16 | (n)<<5 | (d))

// ---- integer and bitwise ----
// ADD_S4, SUB_S4: int32 lanes. SSHR_S4: arithmetic shift right by sh
// (1…32); SHL_S4: shift left by sh (0…31).
#define ADD_S4(d, n, m) WORD $(0x4EA08400 | (m)<<16 | (n)<<5 | (d))
#define SUB_S4(d, n, m) WORD $(0x6EA08400 | (m)<<16 | (n)<<5 | (d))
#define SSHR_S4(d, n, sh) WORD $(0x4F000400 | (64-(sh))<<16 | (n)<<5 | (d))
#define SHL_S4(d, n, sh) WORD $(0x4F005400 | (32+(sh))<<16 | (n)<<5 | (d))

// AND_B16, ORR_B16, BIC_B16 (Vn &^ Vm): bitwise. MOV_B16: Vd = Vn (ORR
// Vd, Vn, Vn). BSL_B16: Vd = Vd ? Vn : Vm bit by bit (Vd is the mask going
// in).
#define AND_B16(d, n, m) WORD $(0x4E201C00 | (m)<<16 | (n)<<5 | (d))
#define ORR_B16(d, n, m) WORD $(0x4EA01C00 | (m)<<16 | (n)<<5 | (d))
#define BIC_B16(d, n, m) WORD $(0x4E601C00 | (m)<<16 | (n)<<5 | (d))
#define MOV_B16(d, n) ORR_B16(d, n, n)
#define BSL_B16(d, n, m) WORD $(0x6E601C00 | (m)<<16 | (n)<<5 | (d))

// DUP_S4(d, r): every lane of Vd = the low 32 bits of Rr.
#define DUP_S4(d, r) WORD $(0x4E040C00 | (r)<<5 | (d))

// ---- float64 ----
// FADD_D2, FMUL_D2: Vd.2D = Vn.2D + Vm.2D, Vn.2D × Vm.2D. FADDP_D2:
// pairwise, Vd.2D = {n0+n1, m0+m1}; FADDP_D: Dd = Vn.D[0] + Vn.D[1].
// FCVTL_D2(d, n): Vd.2D = float64 of Vn's lanes 0, 1; FCVTL2_D2: of
// lanes 2, 3.
#define FADD_D2(d, n, m) WORD $(0x4E60D400 | (m)<<16 | (n)<<5 | (d))
#define FMUL_D2(d, n, m) WORD $(0x6E60DC00 | (m)<<16 | (n)<<5 | (d))
#define FADDP_D2(d, n, m) WORD $(0x6E60D400 | (m)<<16 | (n)<<5 | (d))
#define FADDP_D(d, n) WORD $(0x7E70D800 | (n)<<5 | (d))
#define FCVTL_D2(d, n) WORD $(0x0E617800 | (n)<<5 | (d))
#define FCVTL2_D2(d, n) WORD $(0x4E617800 | (n)<<5 | (d))

// ---- shared sequences ----

// SUM_LANES_S4(v): lane 0 of Vv = (v0+v1)+(v2+v3), two pairwise adds.
#define SUM_LANES_S4(v) \
	FADDP_S4(v, v, v); \
	FADDP_S4(v, v, v)

// TREE4(op, a, b, c, d): Va = (Va op Vb) op (Vc op Vd), op a vector
// operation Vd = Vn op Vm (FADD_S4, FMAX_S4, …); TREE8 the same over eight
// registers, neighbours first.
#define TREE4(op, a, b, c, d) op(a, a, b); op(c, c, d); op(a, a, c)
#define TREE8(op, a, b, c, d, e, f, g, h) \
	op(a, a, b); op(c, c, d); op(e, e, f); op(g, g, h); \
	TREE4(op, a, c, e, g)

// VZERO(v): Vv = 0 (v a register name).
#define VZERO(v) VEOR v.B16, v.B16, v.B16

// ZERO_V8_V31: V8…V31 = 0 (the 24 accumulators of the GEMM and peak
// kernels).
#define ZERO_V8_V31 \
	VZERO(V8); VZERO(V9); VZERO(V10); VZERO(V11); VZERO(V12); VZERO(V13); VZERO(V14); VZERO(V15); \
	VZERO(V16); VZERO(V17); VZERO(V18); VZERO(V19); VZERO(V20); VZERO(V21); VZERO(V22); VZERO(V23); \
	VZERO(V24); VZERO(V25); VZERO(V26); VZERO(V27); VZERO(V28); VZERO(V29); VZERO(V30); VZERO(V31)

// ---- counted loops ----

// AT_LEAST(n, k, skip, trip): if the count n is at least k, trip and
// n −= k; else on to skip.
#define AT_LEAST(n, k, skip, trip) \
	CMP $k, n \
	BLT skip \
	trip \
	SUB $k, n

// COUNT_LOOP(n, loop, exit, k, trip): the loop `loop`: while the count n is
// at least k, trip and n −= k; then on to exit.
#define COUNT_LOOP(n, loop, exit, k, trip) \
loop: \
	AT_LEAST(n, k, exit, trip) \
	B   loop

// ---- element-wise loops ----
//
// The element-wise kernels (vec, relu, rowops, activation, optim) loop over
// the N floats left taking 16 per trip (four vectors), then 4 (one vector);
// a few 8 then 4 (Sigmoid, ExpShiftSum, ExpShiftSumNoStore), and Tanh and
// BCELogitsSum only 4. A trip loads its vectors, applies a per-vector op,
// op(i), to each vector i of the trip (the op picks its registers from i)
// and stores the results. The including file defines N and the pointers the
// trips name (X_PTR, DST).

// N_LOOP(loop, exit, k, trip): while at least k floats are left, trip
// (which takes k of them) and N −= k; then on to exit.
#define N_LOOP(loop, exit, k, trip) COUNT_LOOP(N, loop, exit, k, trip)

// EACH4(op): op(0)…op(3), the four vectors of a 16-float trip; EACH2 and
// EACH1: of an 8- and a 4-float trip.
#define EACH4(op) op(0); op(1); op(2); op(3)
#define EACH2(op) op(0); op(1)
#define EACH1(op) op(0)

// Register lists (.4S) for the trips' loads and stores.
#define V0_V1 [V0.S4, V1.S4]
#define V0_V3 [V0.S4, V1.S4, V2.S4, V3.S4]
#define V1_V4 [V1.S4, V2.S4, V3.S4, V4.S4]
#define V4_V7 [V4.S4, V5.S4, V6.S4, V7.S4]
#define V5_V8 [V5.S4, V6.S4, V7.S4, V8.S4]
#define V8_V11 [V8.S4, V9.S4, V10.S4, V11.S4]
#define V12_V15 [V12.S4, V13.S4, V14.S4, V15.S4]
#define V16_V19 [V16.S4, V17.S4, V18.S4, V19.S4]
#define V20_V23 [V20.S4, V21.S4, V22.S4, V23.S4]

// The trips below take each (EACH4, EACH2, EACH1) and the bytes it covers
// (64, 32, 16), so one macro serves both loops; their register lists name
// the trip's vectors (V0_V3 … or [V0.S4] …), in which op(i) works.

// MAP(each, bytes, op, x, d): x = the next vectors of X_PTR, each(op), d
// stored to DST; both pointers move on.
#define MAP(each, bytes, op, x, d) \
	VLD1.P bytes(X_PTR), x \
	each(op) \
	VST1.P d, bytes(DST)

// ZIP(each, bytes, p, a, q, b, op, d): a = the next vectors of p, b those
// of q, each(op), d stored to DST; the pointers move on.
#define ZIP(each, bytes, p, a, q, b, op, d) \
	VLD1.P bytes(p), a \
	VLD1.P bytes(q), b \
	each(op) \
	VST1.P d, bytes(DST)

// FOLD(each, bytes, op, x) and FOLD2(each, bytes, p, a, q, b, op): MAP and
// ZIP without the store, for reductions (op folds into accumulators).
#define FOLD(each, bytes, op, x) \
	VLD1.P bytes(X_PTR), x \
	each(op)

#define FOLD2(each, bytes, p, a, q, b, op) \
	VLD1.P bytes(p), a \
	VLD1.P bytes(q), b \
	each(op)

#endif
