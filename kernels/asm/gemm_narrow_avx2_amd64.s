//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"

// Narrow-product kernels for AVX2 and FMA3: C = alpha·A·op(B) + beta·C for
// n of 2 to 4 columns (float64: 2) and a row-major A, as the AVX-512
// kernels (gemm_narrow_avx512_amd64.s) compute them in vectors of 8
// float32 or 4 float64: lane q of an accumulator sums the terms
// l ≡ q (mod lanes) in order, then the lanes are added in a fixed tree by
// horizontal adds and a last add of the two halves. op(B) comes packed
// (bt, see gemm_narrow_amd64.go); A's last k mod lanes elements of each
// row are read with VMASKMOVPS/PD, which neither read nor fault on the
// masked-off lanes and zero them. C's rows (8 or 16 bytes) are read and
// written whole, without masks, but float32 n = 3 (computed as 4 with
// op(B)'s fourth column zero), whose rows of 12 bytes go through masks.
// Registers:
// Y0–Y7     the accumulators: row r's column j in Y(r·n + j) (rows in
//           groups of 4 for n = 2, 2 for n = 4, then one by one)
// Y8–Y11    op(B)'s n vectors at the step (n = 2: Y8, Y9; A's rows in
//           Y10, Y11 by turns); n = 4: A's rows in Y12
// Y12, Y13  the depth tail's mask (n = 2: Y12; n = 3, 4: Y13), then the
//           epilogue's C and scratch (n = 3: X13 C's three-lane mask,
//           X11 a second row of C)
// Y14, Y15  alpha, beta

#define ROWS BX  // rows of C left
#define AP SI    // A: the group's first row
#define LDA R9   // A: bytes from one row to the next
#define CP DI    // C: the group's first row
#define LDC R10  // C: bytes from one row to the next
#define P0 R11   // A: the group's rows at the step
#define P1 R12
#define P2 R13
#define P3 R14   // R14 (g) may be clobbered by an ABI0 function: its wrapper restores it
#define BTP CX   // op(B) packed, at the step
#define LEFT DX  // elements of k left
// AX and R8: AVX2_TAIL_MASK's scratch (R8 is clobbered by it)

#define ALPHA Y14
#define BETA Y15

// The type tables: sel(MOVU, MASKLD, FMA, MUL, ADD, HADD) with the type's
// instructions.
#define F32(sel) sel(VMOVUPS, VMASKMOVPS, VFMADD231PS, VMULPS, VADDPS, VHADDPS)
#define F64(sel) sel(VMOVUPD, VMASKMOVPD, VFMADD231PD, VMULPD, VADDPD, VHADDPD)
#define T_MOVU(movu, maskld, fma, mul, add, hadd) movu
#define T_MASKLD(movu, maskld, fma, mul, add, hadd) maskld
#define T_FMA(movu, maskld, fma, mul, add, hadd) fma
#define T_MUL(movu, maskld, fma, mul, add, hadd) mul
#define T_ADD(movu, maskld, fma, mul, add, hadd) add
#define T_HADD(movu, maskld, fma, mul, add, hadd) hadd

// LOAD_Bn: op(B)'s n vectors at the step, BTP moved on.
#define LOAD_B2(t) t(T_MOVU) (BTP), Y8; t(T_MOVU) 32(BTP), Y9; ADDQ $64, BTP
#define LOAD_B4(t) t(T_MOVU) (BTP), Y8; t(T_MOVU) 32(BTP), Y9; t(T_MOVU) 64(BTP), Y10; \
	t(T_MOVU) 96(BTP), Y11; ADDQ $128, BTP

// A row's step: its vector of A at addr into av (LD: the whole load, or
// the tail's masked one with the mask mk), then its n FMAs.
#define LD_WHOLE(t, mk, addr, av) t(T_MOVU) addr, av
#define LD_TAIL(t, mk, addr, av) t(T_MASKLD) addr, mk, av
#define ROW2(t, LD, mk, addr, av, a0, a1) LD(t, mk, addr, av); t(T_FMA) Y8, av, a0; t(T_FMA) Y9, av, a1
#define ROW4(t, LD, mk, addr, a0, a1, a2, a3) LD(t, mk, addr, Y12); t(T_FMA) Y8, Y12, a0; t(T_FMA) Y9, Y12, a1; \
	t(T_FMA) Y10, Y12, a2; t(T_FMA) Y11, Y12, a3

// A group's step (STEP_…(t, LD, mk)): op(B)'s vectors, then each row's.
#define STEP_N2_R4(t, LD, mk) LOAD_B2(t); ROW2(t, LD, mk, (P0), Y10, Y0, Y1); ROW2(t, LD, mk, (P1), Y11, Y2, Y3); \
	ROW2(t, LD, mk, (P2), Y10, Y4, Y5); ROW2(t, LD, mk, (P3), Y11, Y6, Y7)
#define STEP_N2_R1(t, LD, mk) LOAD_B2(t); ROW2(t, LD, mk, (P0), Y10, Y0, Y1)
#define STEP_N4_R2(t, LD, mk) LOAD_B4(t); ROW4(t, LD, mk, (P0), Y0, Y1, Y2, Y3); ROW4(t, LD, mk, (P1), Y4, Y5, Y6, Y7)
#define STEP_N4_R1(t, LD, mk) LOAD_B4(t); ROW4(t, LD, mk, (P0), Y0, Y1, Y2, Y3)

// START_Rr: the group's A pointers. ADVANCE_Rr: one step on.
#define START_R1 MOVQ AP, P0
#define START_R2 START_R1; LEAQ (AP)(LDA*1), P1
#define START_R4 START_R2; LEAQ (AP)(LDA*2), P2; LEAQ (P1)(LDA*2), P3
#define ADVANCE_R1 ADDQ $32, P0
#define ADVANCE_R2 ADDQ $32, P0; ADDQ $32, P1
#define ADVANCE_R4 ADDQ $32, P0; ADDQ $32, P1; ADDQ $32, P2; ADDQ $32, P3

#define ZERO8 \
	VXORPS Y0, Y0, Y0; VXORPS Y1, Y1, Y1; VXORPS Y2, Y2, Y2; VXORPS Y3, Y3, Y3; \
	VXORPS Y4, Y4, Y4; VXORPS Y5, Y5, Y5; VXORPS Y6, Y6, Y6; VXORPS Y7, Y7, Y7

// The sums. Every one is added in the same tree whatever the group, so a
// row's bits do not depend on its place: float32 ((q0 + q1) + (q2 + q3))
// + ((q4 + q5) + (q6 + q7)), float64 (q0 + q1) + (q2 + q3).
//
// SUMS8_F32: the eight accumulators Y0–Y7 into Y0, sum v in lane v (two
// rounds of horizontal adds leave each register's sums of its halves,
// then the halves are added).
#define SUMS8_F32 \
	VHADDPS Y1, Y0, Y0; VHADDPS Y3, Y2, Y2; VHADDPS Y5, Y4, Y4; VHADDPS Y7, Y6, Y6; \
	VHADDPS Y2, Y0, Y0; VHADDPS Y6, Y4, Y4; \
	VPERM2F128 $0x20, Y4, Y0, Y1; VPERM2F128 $0x31, Y4, Y0, Y0; VADDPS Y1, Y0, Y0
// SUMS2_F32, SUMS4_F32: a single row's two or four into X0's low lanes.
#define SUMS2_F32 \
	VHADDPS Y1, Y0, Y0; VHADDPS Y0, Y0, Y0; \
	VEXTRACTF128 $1, Y0, X1; VADDPS X1, X0, X0
#define SUMS4_F32 \
	VHADDPS Y1, Y0, Y0; VHADDPS Y3, Y2, Y2; VHADDPS Y2, Y0, Y0; \
	VEXTRACTF128 $1, Y0, X1; VADDPS X1, X0, X0
// SUMS8_F64: the eight accumulators into Y0 (sums of Y0–Y3) and Y4
// (Y4–Y7). SUMS2_F64: a single row's two into X0.
#define SUMS8_F64 \
	VHADDPD Y1, Y0, Y0; VHADDPD Y3, Y2, Y2; VHADDPD Y5, Y4, Y4; VHADDPD Y7, Y6, Y6; \
	VPERM2F128 $0x20, Y2, Y0, Y1; VPERM2F128 $0x31, Y2, Y0, Y0; VADDPD Y1, Y0, Y0; \
	VPERM2F128 $0x20, Y6, Y4, Y5; VPERM2F128 $0x31, Y6, Y4, Y4; VADDPD Y5, Y4, Y4
#define SUMS2_F64 \
	VHADDPD Y1, Y0, Y0; \
	VEXTRACTF128 $1, Y0, X1; VADDPD X1, X0, X0

// The epilogue, the small-product kernels': alpha·sum, then beta·C added
// (each product rounded, then the sum); with beta 0 (either sign) C is
// not read. BETA_… load C's rows into Y12 and add beta times them; C_…
// store the rows. Rows of 8 bytes (float32, n = 2) go by VMOVSD/VMOVHPS,
// rows of 16 bytes by halves of a ymm register. P0 is free after the
// group's steps: it points at its third row of C.
//
// Four rows of 8 bytes from Y0's lanes, two per half.
#define BETA_R4X8(t) \
	LEAQ (CP)(LDC*2), P0; \
	VMOVSD (CP), X12; VMOVHPS (CP)(LDC*1), X12, X12; \
	VMOVSD (P0), X13; VMOVHPS (P0)(LDC*1), X13, X13; \
	VINSERTF128 $1, X13, Y12, Y12; \
	t(T_MUL) BETA, Y12, Y12; t(T_ADD) Y12, Y0, Y0
#define C_R4X8 \
	LEAQ (CP)(LDC*2), P0; \
	VMOVSD X0, (CP); VMOVHPS X0, (CP)(LDC*1); \
	VEXTRACTF128 $1, Y0, X13; \
	VMOVSD X13, (P0); VMOVHPS X13, (P0)(LDC*1)
// Two rows of 16 bytes from the halves of s (low half x), at base and
// base + LDC.
#define BETA_R2X16(t, s, base) \
	t(T_MOVU) (base), X12; VINSERTF128 $1, (base)(LDC*1), Y12, Y12; \
	t(T_MUL) BETA, Y12, Y12; t(T_ADD) Y12, s, s
#define C_R2X16(t, s, x, base) \
	t(T_MOVU) x, (base); VEXTRACTF128 $1, s, (base)(LDC*1)
// Float32 n = 3 (the n = 4 steps, op(B)'s fourth column zero): rows of
// 12 bytes through the mask of three lanes in X13 (C_MASK3; free after
// the steps), C read by VMASKMOVPS too.
#define C_MASK3 VMOVDQU ·tailMaskAVX2+20(SB), X13
#define BETA_R2X12(t, s, base) \
	t(T_MASKLD) (base), X13, X12; t(T_MASKLD) (base)(LDC*1), X13, X11; VINSERTF128 $1, X11, Y12, Y12; \
	t(T_MUL) BETA, Y12, Y12; t(T_ADD) Y12, s, s
#define C_R2X12(s, x, base) \
	VMASKMOVPS x, X13, (base); VEXTRACTF128 $1, s, X12; VMASKMOVPS X12, X13, (base)(LDC*1)
#define BETA_R1X12(t) t(T_MASKLD) (CP), X13, X12; t(T_MUL) X15, X12, X12; t(T_ADD) X12, X0, X0
// One row of 8 or 16 bytes from X0.
#define BETA_R1X8(t) VMOVSD (CP), X12; t(T_MUL) X15, X12, X12; t(T_ADD) X12, X0, X0
#define C_R1X8 VMOVSD X0, (CP)
#define BETA_R1X16(t) t(T_MOVU) (CP), X12; t(T_MUL) X15, X12, X12; t(T_ADD) X12, X0, X0
#define C_R1X16(t) t(T_MOVU) X0, (CP)

// The stores of each group, after its sums (BETA: the beta path's, or
// empty).
#define STORE_F32_N2_R4(t, BETA) t(T_MUL) ALPHA, Y0, Y0; BETA; C_R4X8
#define STORE_F32_N2_R1(t, BETA) t(T_MUL) X14, X0, X0; BETA; C_R1X8
#define STORE_F32_N4_R2(t, BETA) t(T_MUL) ALPHA, Y0, Y0; BETA; C_R2X16(t, Y0, X0, CP)
#define STORE_X16_R1(t, BETA) t(T_MUL) X14, X0, X0; BETA; C_R1X16(t)
#define STORE_F32_N3_R2(t, BETA) C_MASK3; t(T_MUL) ALPHA, Y0, Y0; BETA; C_R2X12(Y0, X0, CP)
#define STORE_F32_N3_R1(t, BETA) C_MASK3; t(T_MUL) X14, X0, X0; BETA; VMASKMOVPS X0, X13, (CP)
#define STORE_F64_N2_R4(t, BETA) \
	t(T_MUL) ALPHA, Y0, Y0; t(T_MUL) ALPHA, Y4, Y4; BETA; \
	C_R2X16(t, Y0, X0, CP); LEAQ (CP)(LDC*2), P0; C_R2X16(t, Y4, X4, P0)
#define BETA_F64_N2_R4(t) BETA_R2X16(t, Y0, CP); LEAQ (CP)(LDC*2), P0; BETA_R2X16(t, Y4, P0)

// NOTHING is an empty macro argument: the store without beta's term.
#define NOTHING

// GROUP: while R rows are left, a group of them: the whole steps, the
// depth tail (its mask in mk), the sums and C's rows (betaBits sets the
// flags by beta's bits but the sign: zero skips BETA); then on to next.
// lanes: a vector's elements; tailMask(LEFT) makes the tail's mask.
#define GROUP(R, start, advance, lanes, t, step, mk, tailMask, sums, store, beta, betaBits, here, loop, tail, done, beta0, stored, next) \
here: \
	CMPQ ROWS, $R; \
	JB   next; \
	start; \
	GROUP_START; \
	ZERO8; \
loop: \
	CMPQ LEFT, $lanes; \
	JB   tail; \
	step(t, LD_WHOLE, mk); \
	advance; \
	SUBQ $lanes, LEFT; \
	JMP  loop; \
tail: \
	TESTQ LEFT, LEFT; \
	JZ    done; \
	tailMask; \
	step(t, LD_TAIL, mk); \
done: \
	sums; \
	betaBits; \
	JZ beta0; \
	store(t, beta); \
	JMP stored; \
beta0: \
	store(t, NOTHING); \
stored: \
	LEAQ (AP)(LDA*R), AP; \
	LEAQ (CP)(LDC*R), CP; \
	SUBQ $R, ROWS; \
	JMP  here

// func GemmNarrowF32AVX2(m, n, k int, a unsafe.Pointer, lda int, bt, c unsafe.Pointer, ldc int, alpha, beta float32)
//
//	for i := 0; i < m; i++ {
//		for j := 0; j < n; j++ { // 2 ≤ n ≤ 4
//			var acc [8]float32 // lane q: l ≡ q (mod 8), in order l
//			for l := 0; l < k; l++ { acc[l%8] += a[i*lda+l] * opB(l, j) } // one FMA
//			s := ((acc[0]+acc[1])+(acc[2]+acc[3])) + ((acc[4]+acc[5])+(acc[6]+acc[7]))
//			r := alpha * s
//			p := &c[i*ldc+j]
//			if beta == 0 { *p = r } else { *p = beta**p + r } // product rounded, then added
//		}
//	}
//
// opB(l, j) is bt[(l/8*w+j)*8+l%8], w = 2 (n = 2) or 4 (n = 3, 4). Rows
// go in groups of 4 (w = 2) or 2 (w = 4), then one by one. Requires AVX2
// and FMA3.
TEXT ·GemmNarrowF32AVX2(SB), NOSPLIT, $0-72
// GROUP_START: op(B) from its start, all of k left. Defined here, in the
// float32 TEXT, so that vet checks bt+40 and k+16 against its frame; the
// float64 TEXT's frame has them at the same offsets (it differs in alpha
// and beta only).
#define GROUP_START \
	MOVQ bt+40(FP), BTP; \
	MOVQ k+16(FP), LEFT
// F32_BETA_BITS: beta's bits but the sign, for GROUP's test.
#define F32_BETA_BITS \
	MOVL beta+68(FP), AX; \
	SHLL $1, AX
#define F32_TAIL_MASK(mk) AVX2_TAIL_MASK(LEFT, AX, mk)

	MOVQ m+0(FP), ROWS
	MOVQ a+24(FP), AP
	MOVQ lda+32(FP), LDA
	SHLQ $2, LDA
	MOVQ c+48(FP), CP
	MOVQ ldc+56(FP), LDC
	SHLQ $2, LDC
	VBROADCASTSS alpha+64(FP), ALPHA
	VBROADCASTSS beta+68(FP), BETA
	CMPQ n+8(FP), $3
	JB   n2
	JE   n3
	GROUP(2, START_R2, ADVANCE_R2, 8, F32, STEP_N4_R2, Y13, F32_TAIL_MASK(Y13), SUMS8_F32, STORE_F32_N4_R2, BETA_R2X16(F32, Y0, CP), F32_BETA_BITS, r2n4, r2n4Loop, r2n4Tail, r2n4Done, r2n4Beta0, r2n4Stored, r1n4)
	GROUP(1, START_R1, ADVANCE_R1, 8, F32, STEP_N4_R1, Y13, F32_TAIL_MASK(Y13), SUMS4_F32, STORE_X16_R1, BETA_R1X16(F32), F32_BETA_BITS, r1n4, r1n4Loop, r1n4Tail, r1n4Done, r1n4Beta0, r1n4Stored, done)

n3:
	GROUP(2, START_R2, ADVANCE_R2, 8, F32, STEP_N4_R2, Y13, F32_TAIL_MASK(Y13), SUMS8_F32, STORE_F32_N3_R2, BETA_R2X12(F32, Y0, CP), F32_BETA_BITS, r2n3, r2n3Loop, r2n3Tail, r2n3Done, r2n3Beta0, r2n3Stored, r1n3)
	GROUP(1, START_R1, ADVANCE_R1, 8, F32, STEP_N4_R1, Y13, F32_TAIL_MASK(Y13), SUMS4_F32, STORE_F32_N3_R1, BETA_R1X12(F32), F32_BETA_BITS, r1n3, r1n3Loop, r1n3Tail, r1n3Done, r1n3Beta0, r1n3Stored, done)

n2:
	GROUP(4, START_R4, ADVANCE_R4, 8, F32, STEP_N2_R4, Y12, F32_TAIL_MASK(Y12), SUMS8_F32, STORE_F32_N2_R4, BETA_R4X8(F32), F32_BETA_BITS, r4n2, r4n2Loop, r4n2Tail, r4n2Done, r4n2Beta0, r4n2Stored, r1n2)
	GROUP(1, START_R1, ADVANCE_R1, 8, F32, STEP_N2_R1, Y12, F32_TAIL_MASK(Y12), SUMS2_F32, STORE_F32_N2_R1, BETA_R1X8(F32), F32_BETA_BITS, r1n2, r1n2Loop, r1n2Tail, r1n2Done, r1n2Beta0, r1n2Stored, done)

done:
	VZEROUPPER
	RET

// func GemmNarrowF64AVX2(m, n, k int, a unsafe.Pointer, lda int, bt, c unsafe.Pointer, ldc int, alpha, beta float64)
//
//	for i := 0; i < m; i++ {
//		for j := 0; j < n; j++ { // n = 2
//			var acc [4]float64 // lane q: l ≡ q (mod 4), in order l
//			for l := 0; l < k; l++ { acc[l%4] += a[i*lda+l] * opB(l, j) } // one FMA
//			s := (acc[0]+acc[1]) + (acc[2]+acc[3])
//			r := alpha * s
//			p := &c[i*ldc+j]
//			if beta == 0 { *p = r } else { *p = beta**p + r } // product rounded, then added
//		}
//	}
//
// opB(l, j) is bt[(l/4*2+j)*4+l%4]. Rows go in groups of 4, then one by
// one. Requires AVX2 and FMA3.
TEXT ·GemmNarrowF64AVX2(SB), NOSPLIT, $0-80
// F64_BETA_BITS: beta's bits but the sign, for GROUP's test.
// F64_TAIL_MASK: VMASKMOVPD reads each lane's top bit, so the float32
// mask of twice the lanes.
#define F64_BETA_BITS \
	MOVQ beta+72(FP), AX; \
	SHLQ $1, AX
#define F64_TAIL_MASK(mk) SHLQ $1, LEFT; AVX2_TAIL_MASK(LEFT, AX, mk); SHRQ $1, LEFT

	MOVQ m+0(FP), ROWS
	MOVQ a+24(FP), AP
	MOVQ lda+32(FP), LDA
	SHLQ $3, LDA
	MOVQ c+48(FP), CP
	MOVQ ldc+56(FP), LDC
	SHLQ $3, LDC
	VBROADCASTSD alpha+64(FP), ALPHA
	VBROADCASTSD beta+72(FP), BETA
	GROUP(4, START_R4, ADVANCE_R4, 4, F64, STEP_N2_R4, Y12, F64_TAIL_MASK(Y12), SUMS8_F64, STORE_F64_N2_R4, BETA_F64_N2_R4(F64), F64_BETA_BITS, r4n2, r4n2Loop, r4n2Tail, r4n2Done, r4n2Beta0, r4n2Stored, r1n2)
	GROUP(1, START_R1, ADVANCE_R1, 4, F64, STEP_N2_R1, Y12, F64_TAIL_MASK(Y12), SUMS2_F64, STORE_X16_R1, BETA_R1X16(F64), F64_BETA_BITS, r1n2, r1n2Loop, r1n2Tail, r1n2Done, r1n2Beta0, r1n2Stored, done)

done:
	VZEROUPPER
	RET
