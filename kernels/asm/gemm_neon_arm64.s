//go:build !purego

#include "textflag.h"
#include "neon_arm64.h"

// GEMM micro-kernels for NEON (arm64 ASIMD); the Go loop they compute is in
// gemm_arm64.go. Of the 32 vector registers, V8–V31 are 24 accumulators
// (the whole MR×NR tile), V0–V6 hold the k-th row of the B sliver and the
// k-th column of the A sliver, and the rest hold alpha and beta. FMLA by
// element multiplies a B vector by one lane of an A vector, so A is loaded
// with plain vector loads and never broadcast: per k step, two loads (B and
// A, multi-register VLD1) and 24 FMLAs.
//
// Tile shapes. Both fill the 24 accumulators and minimise what streams from
// L2: the B sliver stays in L1 for a whole column of tiles, the A slivers
// stream past it (see gemm_driver.go).
//   - float32 8×12: 8 rows × 3 vectors of 4. B row = 3 vectors, A column =
//     exactly 2 (lanes 0–3 and 4–7): 29 registers. It loads 20 floats per
//     24 FMLAs like 12×8, but only 8 of them from the A stream (12×8 would
//     take 12, and a third A register); 6×16 or 4×24 load more per FMLA.
//   - float64 6×8: 6 rows × 4 vectors of 2. B row = 4 vectors, A column = 3:
//     31 registers. It loads 14 doubles per 24 FMLAs like 8×6, but only 6
//     of them from the A stream instead of 8.
// These are also BLIS's armv8a shapes (sgemm 8×12, dgemm 6×8).
//
// Go's assembler has no vector FMUL/FADD and no FMLA by element, so they
// are WORDs built by neon_arm64.h's macros from register numbers (0–31,
// the Vn of the comments); `go tool objdump` decodes them back. k is unrolled by
// four (the step is one macro), with a one-step loop for the last k%4.

#define A_PTR R0
#define B_PTR R1
#define B_SAVE R2
#define C_PTR R3
#define LDC R4
#define K_SAVE R5
#define K4 R6
#define K1 R7
#define TILES R8
#define BETA_ZERO R9
#define LDB R10 // B: bytes from one row of the sliver to the next


// ---- the tile, for either type ----

// TILE_START(step, rows, scale): V8–V31 = the sums of the next tile over
// l: B_PTR back at the sliver's start, the accumulators zeroed, then k/4
// trips of four steps and k%4 single ones (k from K_SAVE); then each row
// scaled by alpha (rows(scale)), and on to stores if beta is 0.
// TILE_END(rows, beta, store): C's rows = beta×C + the row, or the row
// (from stores); then the next tile while TILES are left. C_PTR ends eight
// or six rows down, the next tile's top-left; A_PTR is at the next A
// sliver. The labels are the kernel's own: each kernel expands both once.
// Both run inside the tile loop (tile: … BNE tile), and the branch to
// stores (a label inside TILE_END) skips whatever a kernel places between
// them: code there runs once per tile, and only when beta ≠ 0.
#define TILE_START(step, rows, scale) \
tile: \
	MOVD B_SAVE, B_PTR \
	LSR  $2, K_SAVE, K4 \
	AND  $3, K_SAVE, K1 \
	ZERO_V8_V31 \
	CBZ  K4, k1 \
k4: \
	step; step; step; step \
	SUBS $1, K4 \
	BNE  k4 \
k1: \
	CBZ  K1, epilogue \
k1Loop: \
	step \
	SUBS $1, K1 \
	BNE  k1Loop \
epilogue: \
	rows(scale) \
	CBNZ BETA_ZERO, stores

#define TILE_END(rows, beta, store) \
	rows(beta) \
	B    next \
stores: \
	rows(store) \
next: \
	SUBS $1, TILES \
	BNE  tile

// Row ops on one row of the tile, three (…3) or four (…4) vectors: T is
// the arrangement, mul, add the type's FMUL and FADD, al and be the
// registers of alpha and beta; acc the number of the row's first
// accumulator, v0… their names (for the stores).

// SCALE3, SCALE4: the row's accumulators = alpha × themselves.
#define SCALE3(T, mul, add, al, be, acc, v0, v1, v2) \
	mul(acc, al, acc); mul((acc)+1, al, (acc)+1); mul((acc)+2, al, (acc)+2)
#define SCALE4(T, mul, add, al, be, acc, v0, v1, v2, v3) \
	SCALE3(T, mul, add, al, be, acc, v0, v1, v2); mul((acc)+3, al, (acc)+3)

// BETA3, BETA4: C row = beta×C + row (C into V0…), product rounded and
// then added; C_PTR moves down a row.
#define BETA3(T, mul, add, al, be, acc, v0, v1, v2) \
	VLD1   (C_PTR), [V0.T, V1.T, V2.T] \
	SCALE3(T, mul, add, be, be, 0, V0, V1, V2) \
	add(acc, 0, acc); add((acc)+1, 1, (acc)+1); add((acc)+2, 2, (acc)+2) \
	VST1.P [v0.T, v1.T, v2.T], (C_PTR)(LDC)
#define BETA4(T, mul, add, al, be, acc, v0, v1, v2, v3) \
	VLD1   (C_PTR), [V0.T, V1.T, V2.T, V3.T] \
	SCALE4(T, mul, add, be, be, 0, V0, V1, V2, V3) \
	add(acc, 0, acc); add((acc)+1, 1, (acc)+1); add((acc)+2, 2, (acc)+2); add((acc)+3, 3, (acc)+3) \
	VST1.P [v0.T, v1.T, v2.T, v3.T], (C_PTR)(LDC)

// STORE3, STORE4: C row = row; C_PTR moves down a row.
#define STORE3(T, mul, add, al, be, acc, v0, v1, v2) VST1.P [v0.T, v1.T, v2.T], (C_PTR)(LDC)
#define STORE4(T, mul, add, al, be, acc, v0, v1, v2, v3) VST1.P [v0.T, v1.T, v2.T, v3.T], (C_PTR)(LDC)

// LANES3(fmla, a, lane, acc), LANES4: one row's accumulators Vacc… +=
// V0… × Va's lane, fmla FMLA_LANE_S4 or FMLA_LANE_D2.
#define LANES3(fmla, a, lane, acc) \
	fmla(acc, 0, a, lane); fmla((acc)+1, 1, a, lane); fmla((acc)+2, 2, a, lane)
#define LANES4(fmla, a, lane, acc) LANES3(fmla, a, lane, acc); fmla((acc)+3, 3, a, lane)

// ---- float32, 8×12 ----
//
// V0–V2   B row l (12 floats)          V5  alpha ×4
// V3, V4  A column l (rows 0–3, 4–7)   V6  beta ×4
// V8–V31  row i in V(8+3i)…V(10+3i)
// In the epilogue V0–V2 hold a row of C.

// F32_STEP: one k step, 12 floats of B (48 bytes, then on LDB bytes to
// the next row), 8 of A (32 bytes).
#define F32_STEP \
	VLD1.P (B_PTR)(LDB), [V0.S4, V1.S4, V2.S4]; \
	VLD1.P 32(A_PTR), [V3.S4, V4.S4]; \
	LANES3(FMLA_LANE_S4, 3, 0, 8); LANES3(FMLA_LANE_S4, 3, 1, 11); \
	LANES3(FMLA_LANE_S4, 3, 2, 14); LANES3(FMLA_LANE_S4, 3, 3, 17); \
	LANES3(FMLA_LANE_S4, 4, 0, 20); LANES3(FMLA_LANE_S4, 4, 1, 23); \
	LANES3(FMLA_LANE_S4, 4, 2, 26); LANES3(FMLA_LANE_S4, 4, 3, 29)

// F32_ROWS(op): the row op on each row of the tile, top first, with
// float32's T, mul, add, alpha (V5) and beta (V6).
#define F32_ROW(op, acc, v0, v1, v2) op(S4, FMUL_S4, FADD_S4, 5, 6, acc, v0, v1, v2)
#define F32_ROWS(op) \
	F32_ROW(op, 8, V8, V9, V10); F32_ROW(op, 11, V11, V12, V13); \
	F32_ROW(op, 14, V14, V15, V16); F32_ROW(op, 17, V17, V18, V19); \
	F32_ROW(op, 20, V20, V21, V22); F32_ROW(op, 23, V23, V24, V25); \
	F32_ROW(op, 26, V26, V27, V28); F32_ROW(op, 29, V29, V30, V31)

// func GemmF32NEON(k, tiles int, a, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float32)
//
//	for t := 0; t < tiles; t++ {
//		for i := 0; i < 8; i++ {
//			for j := 0; j < 12; j++ {
//				var acc float32
//				for l := 0; l < k; l++ { acc = math.FMA(a[(t*k+l)*8+i], b[l*ldb+j], acc) }
//				r := alpha * acc
//				p := &c[(t*8+i)*ldc+j]
//				if beta == 0 { *p = r } else { *p = float32(beta * *p) + r }
//			}
//		}
//	}
//
// 8×12 float32 tiles: per k step 2 loads and 24 FMLAs (96 multiply-adds).
// Requires ASIMD.
TEXT ·GemmF32NEON(SB), NOSPLIT, $0-64
	MOVD  k+0(FP), K_SAVE
	MOVD  tiles+8(FP), TILES
	MOVD  a+16(FP), A_PTR
	MOVD  b+24(FP), B_SAVE
	MOVD  ldb+32(FP), LDB
	LSL   $2, LDB
	MOVD  c+40(FP), C_PTR
	MOVD  ldc+48(FP), LDC
	LSL   $2, LDC
	FMOVS alpha+56(FP), F5
	VDUP  V5.S[0], V5.S4
	FMOVS beta+60(FP), F6
	FCMPS $(0.0), F6       // ±0 compares equal; NaN is unordered, not equal
	CSET  EQ, BETA_ZERO
	VDUP  V6.S[0], V6.S4

	TILE_START(F32_STEP, F32_ROWS, SCALE3)
	TILE_END(F32_ROWS, BETA3, STORE3)
	RET

// ---- float64, 6×8 ----
//
// V0–V3   B row l (8 doubles)                  V7  alpha ×2
// V4–V6   A column l (rows 0–1, 2–3, 4–5)
// V8–V31  row i in V(8+4i)…V(11+4i)
// In the epilogue V0–V3 hold a row of C and V4 beta ×2.

// F64_STEP: one k step, 8 doubles of B (64 bytes, then on LDB bytes to
// the next row), 6 of A (48 bytes).
#define F64_STEP \
	VLD1.P (B_PTR)(LDB), [V0.D2, V1.D2, V2.D2, V3.D2]; \
	VLD1.P 48(A_PTR), [V4.D2, V5.D2, V6.D2]; \
	LANES4(FMLA_LANE_D2, 4, 0, 8); LANES4(FMLA_LANE_D2, 4, 1, 12); \
	LANES4(FMLA_LANE_D2, 5, 0, 16); LANES4(FMLA_LANE_D2, 5, 1, 20); \
	LANES4(FMLA_LANE_D2, 6, 0, 24); LANES4(FMLA_LANE_D2, 6, 1, 28)

// F64_ROWS(op): the row op on each row of the tile, top first, with
// float64's T, mul, add, alpha (V7) and beta (V4).
#define F64_ROW(op, acc, v0, v1, v2, v3) op(D2, FMUL_D2, FADD_D2, 7, 4, acc, v0, v1, v2, v3)
#define F64_ROWS(op) \
	F64_ROW(op, 8, V8, V9, V10, V11); F64_ROW(op, 12, V12, V13, V14, V15); \
	F64_ROW(op, 16, V16, V17, V18, V19); F64_ROW(op, 20, V20, V21, V22, V23); \
	F64_ROW(op, 24, V24, V25, V26, V27); F64_ROW(op, 28, V28, V29, V30, V31)

// func GemmF64NEON(k, tiles int, a, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float64)
//
//	for t := 0; t < tiles; t++ {
//		for i := 0; i < 6; i++ {
//			for j := 0; j < 8; j++ {
//				var acc float64
//				for l := 0; l < k; l++ { acc = math.FMA(a[(t*k+l)*6+i], b[l*ldb+j], acc) }
//				r := alpha * acc
//				p := &c[(t*6+i)*ldc+j]
//				if beta == 0 { *p = r } else { *p = float64(beta * *p) + r }
//			}
//		}
//	}
//
// 6×8 float64 tiles: per k step 2 loads and 24 FMLAs (48 multiply-adds).
// Requires ASIMD.
TEXT ·GemmF64NEON(SB), NOSPLIT, $0-72
	MOVD  k+0(FP), K_SAVE
	MOVD  tiles+8(FP), TILES
	MOVD  a+16(FP), A_PTR
	MOVD  b+24(FP), B_SAVE
	MOVD  ldb+32(FP), LDB
	LSL   $3, LDB
	MOVD  c+40(FP), C_PTR
	MOVD  ldc+48(FP), LDC
	LSL   $3, LDC
	FMOVD alpha+56(FP), F7
	VDUP  V7.D[0], V7.D2
	FMOVD beta+64(FP), F4
	FCMPD $(0.0), F4       // ±0 compares equal; NaN is unordered, not equal
	CSET  EQ, BETA_ZERO

	TILE_START(F64_STEP, F64_ROWS, SCALE4)
	// Inside the tile loop, between TILE_START's CBNZ BETA_ZERO, stores and
	// TILE_END: these two run once per tile, and only when beta ≠ 0.
	FMOVD beta+64(FP), F4 // V4 held A in the loop
	VDUP  V4.D[0], V4.D2
	TILE_END(F64_ROWS, BETA4, STORE4)
	RET
