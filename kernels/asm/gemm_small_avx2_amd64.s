//go:build !purego

#include "textflag.h"
#include "tailmask_amd64.h"

// Small-product kernels for AVX2 and FMA3: the AVX-512 file's kernels with
// ymm registers, rows in groups of at most four. float64 masks are float32
// masks of twice the lanes (VMASKMOVPD reads each 64-bit lane's top bit).

#define ROWS R10   // rows of C left
#define AGROUP AX  // A: the row group's first element
#define AROW BX    // A: bytes from one row of op(A) to the next
#define AROW3 CX   // 3·AROW
#define ASTEP DX   // A: bytes from one l to the next
#define APTR R13   // A: rows 0-3 of the group at the current l
#define APTR4 R12  // A: rows 4-7 of the group at the current l
#define BPTR SI    // B: row l of the column strip
#define LDB DI     // B: bytes from one row to the next
#define CGROUP R8  // C: the row group's first element
#define LDC R9     // C: bytes from one row to the next
#define KLEFT R11  // steps of l left
#define CPTR R13   // C: the row being stored (after the sums)
#define MASK0 Y11  // columns of vector 0
#define MASK1 Y12  // columns of vector 1
#define ALPHA Y13
#define BETA Y14

// The float32 and float64 kernels differ only in their instructions'
// element type, so the macros below take those as arguments: XOR
// (VXORPS/PD), MOV (VMASKMOVPS/PD), BCAST (VBROADCASTSS/SD), FMA
// (VFMADD231PS/PD), MUL and ADD (VMULPS/PD, VADDPS/PD). Y8, Y9 hold B's
// row l (vectors 0, 1), Y10 the row's op(A) element at l, then the
// epilogue's scratch.

// ZERO4 clears four accumulators.
#define ZERO4(XOR, a, b, c, d) \
	XOR a, a, a \
	XOR b, b, b \
	XOR c, c, c \
	XOR d, d, d

// FMA_ROW1 and FMA_ROW2 broadcast a row's A element from src and add its
// products with B's one vector (two) into acc (acc0, acc1).
#define FMA_ROW1(BCAST, FMA, src, acc) \
	BCAST src, Y10 \
	FMA Y8, Y10, acc

#define FMA_ROW2(BCAST, FMA, src, acc0, acc1) \
	BCAST src, Y10 \
	FMA Y8, Y10, acc0 \
	FMA Y9, Y10, acc1

// C_VEC_BETA stores one vector of sums at off(CPTR), columns masked by
// mask: C = alpha·acc + beta·C, each product rounded, then added. C_VEC
// stores C = alpha·acc (beta = 0: C is not read).
#define C_VEC_BETA(MUL, ADD, MOV, acc, off, mask) \
	MUL ALPHA, acc, acc \
	MOV off(CPTR), mask, Y10 \
	MUL BETA, Y10, Y10 \
	ADD Y10, acc, acc \
	MOV acc, mask, off(CPTR)

#define C_VEC(MUL, MOV, acc, off, mask) \
	MUL ALPHA, acc, acc \
	MOV acc, mask, off(CPTR)

// C_ROW1[_BETA] and C_ROW2[_BETA] store a row of C from one vector of sums
// (acc) or two (acc0, acc1), and move CPTR to the next row.
#define C_ROW1_BETA(MUL, ADD, MOV, acc) \
	C_VEC_BETA(MUL, ADD, MOV, acc, 0, MASK0) \
	ADDQ LDC, CPTR

#define C_ROW2_BETA(MUL, ADD, MOV, acc0, acc1) \
	C_VEC_BETA(MUL, ADD, MOV, acc0, 0, MASK0) \
	C_VEC_BETA(MUL, ADD, MOV, acc1, 32, MASK1) \
	ADDQ LDC, CPTR

#define C_ROW1(MUL, MOV, acc) \
	C_VEC(MUL, MOV, acc, 0, MASK0) \
	ADDQ LDC, CPTR

#define C_ROW2(MUL, MOV, acc0, acc1) \
	C_VEC(MUL, MOV, acc0, 0, MASK0) \
	C_VEC(MUL, MOV, acc1, 32, MASK1) \
	ADDQ LDC, CPTR

// NEXT_GROUP moves A and C on by n rows and counts them off.
#define NEXT_GROUP(n) \
	LEAQ (AGROUP)(AROW*n), AGROUP \
	LEAQ (CGROUP)(LDC*n), CGROUP \
	SUBQ $n, ROWS

// func GemmSmallF32AVX2(m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float32)
//
//	for i := 0; i < m; i++ {
//		for j := 0; j < n; j++ { // n ≤ 16
//			var acc float32 // FMAs in order l = 0, 1, …, k-1
//			for l := 0; l < k; l++ { acc += a[i*aRow+l*aStep] * b[l*ldb+j] }
//			r := alpha * acc
//			p := &c[i*ldc+j]
//			if beta == 0 { *p = r } else { *p = beta**p + r } // product rounded, then added
//		}
//	}
//
// Rows go in groups of 4, then 2, 1; each group keeps its 16 columns in
// two vectors of accumulators per row (one when n ≤ 8). Columns past n
// are masked off in every load and store of B and C (VMASKMOVPS). Requires
// AVX2 and FMA3.
TEXT ·GemmSmallF32AVX2(SB), NOSPLIT, $0-88
	MOVQ n+8(FP), CX
	CMPQ CX, $8
	JA   twoMasks

	AVX2_TAIL_MASK(CX, AX, MASK0) // n ≤ 8: vector 0 holds columns 0…n-1
	VPXOR MASK1, MASK1, MASK1
	JMP  masksDone

twoMasks:
	SUBQ $8, CX
	AVX2_TAIL_MASK(CX, AX, MASK1) // columns 8…n-1
	VPCMPEQD MASK0, MASK0, MASK0

masksDone:
	MOVQ m+0(FP), ROWS
	MOVQ a+24(FP), AGROUP
	MOVQ aRow+32(FP), AROW
	SHLQ $2, AROW
	LEAQ (AROW)(AROW*2), AROW3
	MOVQ aStep+40(FP), ASTEP
	SHLQ $2, ASTEP
	MOVQ ldb+56(FP), LDB
	SHLQ $2, LDB
	MOVQ c+64(FP), CGROUP
	MOVQ ldc+72(FP), LDC
	SHLQ $2, LDC
	VBROADCASTSS alpha+80(FP), ALPHA
	VBROADCASTSS beta+84(FP), BETA
	CMPQ n+8(FP), $8
	JA   nv2

r4v1:
	CMPQ ROWS, $4
	JB   r2v1
	MOVQ AGROUP, APTR
	MOVQ b+48(FP), BPTR
	MOVQ k+16(FP), KLEFT
	ZERO4(VXORPS, Y0, Y2, Y4, Y6)

r4v1Loop:
	VMASKMOVPS (BPTR), MASK0, Y8
	FMA_ROW1(VBROADCASTSS, VFMADD231PS, (APTR), Y0)
	FMA_ROW1(VBROADCASTSS, VFMADD231PS, (APTR)(AROW*1), Y2)
	FMA_ROW1(VBROADCASTSS, VFMADD231PS, (APTR)(AROW*2), Y4)
	FMA_ROW1(VBROADCASTSS, VFMADD231PS, (APTR)(AROW3*1), Y6)
	ADDQ LDB, BPTR
	ADDQ ASTEP, APTR
	DECQ KLEFT
	JNZ  r4v1Loop

	// C = alpha·acc, or beta·C (rounded) + alpha·acc.
	MOVL beta+84(FP), CPTR
	SHLL $1, CPTR
	JZ   r4v1Beta0
	MOVQ CGROUP, CPTR
	C_ROW1_BETA(VMULPS, VADDPS, VMASKMOVPS, Y0)
	C_ROW1_BETA(VMULPS, VADDPS, VMASKMOVPS, Y2)
	C_ROW1_BETA(VMULPS, VADDPS, VMASKMOVPS, Y4)
	C_ROW1_BETA(VMULPS, VADDPS, VMASKMOVPS, Y6)
	JMP  r4v1Next

r4v1Beta0:
	MOVQ CGROUP, CPTR
	C_ROW1(VMULPS, VMASKMOVPS, Y0)
	C_ROW1(VMULPS, VMASKMOVPS, Y2)
	C_ROW1(VMULPS, VMASKMOVPS, Y4)
	C_ROW1(VMULPS, VMASKMOVPS, Y6)

r4v1Next:
	NEXT_GROUP(4)
	JMP  r4v1

r2v1:
	CMPQ ROWS, $2
	JB   r1v1
	MOVQ AGROUP, APTR
	MOVQ b+48(FP), BPTR
	MOVQ k+16(FP), KLEFT
	VXORPS Y0, Y0, Y0
	VXORPS Y2, Y2, Y2

r2v1Loop:
	VMASKMOVPS (BPTR), MASK0, Y8
	FMA_ROW1(VBROADCASTSS, VFMADD231PS, (APTR), Y0)
	FMA_ROW1(VBROADCASTSS, VFMADD231PS, (APTR)(AROW*1), Y2)
	ADDQ LDB, BPTR
	ADDQ ASTEP, APTR
	DECQ KLEFT
	JNZ  r2v1Loop

	// C = alpha·acc, or beta·C (rounded) + alpha·acc.
	MOVL beta+84(FP), CPTR
	SHLL $1, CPTR
	JZ   r2v1Beta0
	MOVQ CGROUP, CPTR
	C_ROW1_BETA(VMULPS, VADDPS, VMASKMOVPS, Y0)
	C_ROW1_BETA(VMULPS, VADDPS, VMASKMOVPS, Y2)
	JMP  r2v1Next

r2v1Beta0:
	MOVQ CGROUP, CPTR
	C_ROW1(VMULPS, VMASKMOVPS, Y0)
	C_ROW1(VMULPS, VMASKMOVPS, Y2)

r2v1Next:
	NEXT_GROUP(2)
	JMP  r2v1

r1v1:
	CMPQ ROWS, $1
	JB   done
	MOVQ AGROUP, APTR
	MOVQ b+48(FP), BPTR
	MOVQ k+16(FP), KLEFT
	VXORPS Y0, Y0, Y0

r1v1Loop:
	VMASKMOVPS (BPTR), MASK0, Y8
	FMA_ROW1(VBROADCASTSS, VFMADD231PS, (APTR), Y0)
	ADDQ LDB, BPTR
	ADDQ ASTEP, APTR
	DECQ KLEFT
	JNZ  r1v1Loop

	// C = alpha·acc, or beta·C (rounded) + alpha·acc.
	MOVL beta+84(FP), CPTR
	SHLL $1, CPTR
	JZ   r1v1Beta0
	MOVQ CGROUP, CPTR
	C_ROW1_BETA(VMULPS, VADDPS, VMASKMOVPS, Y0)
	JMP  r1v1Next

r1v1Beta0:
	MOVQ CGROUP, CPTR
	C_ROW1(VMULPS, VMASKMOVPS, Y0)

r1v1Next:
	ADDQ AROW, AGROUP
	ADDQ LDC, CGROUP
	SUBQ $1, ROWS
	JMP  r1v1

nv2:
r4v2:
	CMPQ ROWS, $4
	JB   r2v2
	MOVQ AGROUP, APTR
	MOVQ b+48(FP), BPTR
	MOVQ k+16(FP), KLEFT
	ZERO4(VXORPS, Y0, Y1, Y2, Y3)
	ZERO4(VXORPS, Y4, Y5, Y6, Y7)

r4v2Loop:
	VMASKMOVPS (BPTR), MASK0, Y8
	VMASKMOVPS 32(BPTR), MASK1, Y9
	FMA_ROW2(VBROADCASTSS, VFMADD231PS, (APTR), Y0, Y1)
	FMA_ROW2(VBROADCASTSS, VFMADD231PS, (APTR)(AROW*1), Y2, Y3)
	FMA_ROW2(VBROADCASTSS, VFMADD231PS, (APTR)(AROW*2), Y4, Y5)
	FMA_ROW2(VBROADCASTSS, VFMADD231PS, (APTR)(AROW3*1), Y6, Y7)
	ADDQ LDB, BPTR
	ADDQ ASTEP, APTR
	DECQ KLEFT
	JNZ  r4v2Loop

	// C = alpha·acc, or beta·C (rounded) + alpha·acc.
	MOVL beta+84(FP), CPTR
	SHLL $1, CPTR
	JZ   r4v2Beta0
	MOVQ CGROUP, CPTR
	C_ROW2_BETA(VMULPS, VADDPS, VMASKMOVPS, Y0, Y1)
	C_ROW2_BETA(VMULPS, VADDPS, VMASKMOVPS, Y2, Y3)
	C_ROW2_BETA(VMULPS, VADDPS, VMASKMOVPS, Y4, Y5)
	C_ROW2_BETA(VMULPS, VADDPS, VMASKMOVPS, Y6, Y7)
	JMP  r4v2Next

r4v2Beta0:
	MOVQ CGROUP, CPTR
	C_ROW2(VMULPS, VMASKMOVPS, Y0, Y1)
	C_ROW2(VMULPS, VMASKMOVPS, Y2, Y3)
	C_ROW2(VMULPS, VMASKMOVPS, Y4, Y5)
	C_ROW2(VMULPS, VMASKMOVPS, Y6, Y7)

r4v2Next:
	NEXT_GROUP(4)
	JMP  r4v2

r2v2:
	CMPQ ROWS, $2
	JB   r1v2
	MOVQ AGROUP, APTR
	MOVQ b+48(FP), BPTR
	MOVQ k+16(FP), KLEFT
	ZERO4(VXORPS, Y0, Y1, Y2, Y3)

r2v2Loop:
	VMASKMOVPS (BPTR), MASK0, Y8
	VMASKMOVPS 32(BPTR), MASK1, Y9
	FMA_ROW2(VBROADCASTSS, VFMADD231PS, (APTR), Y0, Y1)
	FMA_ROW2(VBROADCASTSS, VFMADD231PS, (APTR)(AROW*1), Y2, Y3)
	ADDQ LDB, BPTR
	ADDQ ASTEP, APTR
	DECQ KLEFT
	JNZ  r2v2Loop

	// C = alpha·acc, or beta·C (rounded) + alpha·acc.
	MOVL beta+84(FP), CPTR
	SHLL $1, CPTR
	JZ   r2v2Beta0
	MOVQ CGROUP, CPTR
	C_ROW2_BETA(VMULPS, VADDPS, VMASKMOVPS, Y0, Y1)
	C_ROW2_BETA(VMULPS, VADDPS, VMASKMOVPS, Y2, Y3)
	JMP  r2v2Next

r2v2Beta0:
	MOVQ CGROUP, CPTR
	C_ROW2(VMULPS, VMASKMOVPS, Y0, Y1)
	C_ROW2(VMULPS, VMASKMOVPS, Y2, Y3)

r2v2Next:
	NEXT_GROUP(2)
	JMP  r2v2

r1v2:
	CMPQ ROWS, $1
	JB   done
	MOVQ AGROUP, APTR
	MOVQ b+48(FP), BPTR
	MOVQ k+16(FP), KLEFT
	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1

r1v2Loop:
	VMASKMOVPS (BPTR), MASK0, Y8
	VMASKMOVPS 32(BPTR), MASK1, Y9
	FMA_ROW2(VBROADCASTSS, VFMADD231PS, (APTR), Y0, Y1)
	ADDQ LDB, BPTR
	ADDQ ASTEP, APTR
	DECQ KLEFT
	JNZ  r1v2Loop

	// C = alpha·acc, or beta·C (rounded) + alpha·acc.
	MOVL beta+84(FP), CPTR
	SHLL $1, CPTR
	JZ   r1v2Beta0
	MOVQ CGROUP, CPTR
	C_ROW2_BETA(VMULPS, VADDPS, VMASKMOVPS, Y0, Y1)
	JMP  r1v2Next

r1v2Beta0:
	MOVQ CGROUP, CPTR
	C_ROW2(VMULPS, VMASKMOVPS, Y0, Y1)

r1v2Next:
	ADDQ AROW, AGROUP
	ADDQ LDC, CGROUP
	SUBQ $1, ROWS
	JMP  r1v2

done:
	VZEROUPPER
	RET

// func GemmSmallF64AVX2(m, n, k int, a unsafe.Pointer, aRow, aStep int, b unsafe.Pointer, ldb int, c unsafe.Pointer, ldc int, alpha, beta float64)
//
//	for i := 0; i < m; i++ {
//		for j := 0; j < n; j++ { // n ≤ 8
//			var acc float64 // FMAs in order l = 0, 1, …, k-1
//			for l := 0; l < k; l++ { acc += a[i*aRow+l*aStep] * b[l*ldb+j] }
//			r := alpha * acc
//			p := &c[i*ldc+j]
//			if beta == 0 { *p = r } else { *p = beta**p + r } // product rounded, then added
//		}
//	}
//
// Rows go in groups of 4, then 2, 1; each group keeps its 8 columns in
// two vectors of accumulators per row (one when n ≤ 4). Columns past n
// are masked off in every load and store of B and C (VMASKMOVPD). Requires
// AVX2 and FMA3.
TEXT ·GemmSmallF64AVX2(SB), NOSPLIT, $0-96
	MOVQ n+8(FP), CX
	CMPQ CX, $4
	JA   twoMasks
	SHLQ $1, CX
	AVX2_TAIL_MASK(CX, AX, MASK0) // n ≤ 4: vector 0 holds columns 0…n-1
	VPXOR MASK1, MASK1, MASK1
	JMP  masksDone

twoMasks:
	SUBQ $4, CX
	SHLQ $1, CX
	AVX2_TAIL_MASK(CX, AX, MASK1) // columns 4…n-1
	VPCMPEQD MASK0, MASK0, MASK0

masksDone:
	MOVQ m+0(FP), ROWS
	MOVQ a+24(FP), AGROUP
	MOVQ aRow+32(FP), AROW
	SHLQ $3, AROW
	LEAQ (AROW)(AROW*2), AROW3
	MOVQ aStep+40(FP), ASTEP
	SHLQ $3, ASTEP
	MOVQ ldb+56(FP), LDB
	SHLQ $3, LDB
	MOVQ c+64(FP), CGROUP
	MOVQ ldc+72(FP), LDC
	SHLQ $3, LDC
	VBROADCASTSD alpha+80(FP), ALPHA
	VBROADCASTSD beta+88(FP), BETA
	CMPQ n+8(FP), $4
	JA   nv2

r4v1:
	CMPQ ROWS, $4
	JB   r2v1
	MOVQ AGROUP, APTR
	MOVQ b+48(FP), BPTR
	MOVQ k+16(FP), KLEFT
	ZERO4(VXORPD, Y0, Y2, Y4, Y6)

r4v1Loop:
	VMASKMOVPD (BPTR), MASK0, Y8
	FMA_ROW1(VBROADCASTSD, VFMADD231PD, (APTR), Y0)
	FMA_ROW1(VBROADCASTSD, VFMADD231PD, (APTR)(AROW*1), Y2)
	FMA_ROW1(VBROADCASTSD, VFMADD231PD, (APTR)(AROW*2), Y4)
	FMA_ROW1(VBROADCASTSD, VFMADD231PD, (APTR)(AROW3*1), Y6)
	ADDQ LDB, BPTR
	ADDQ ASTEP, APTR
	DECQ KLEFT
	JNZ  r4v1Loop

	// C = alpha·acc, or beta·C (rounded) + alpha·acc.
	MOVQ beta+88(FP), CPTR
	SHLQ $1, CPTR
	JZ   r4v1Beta0
	MOVQ CGROUP, CPTR
	C_ROW1_BETA(VMULPD, VADDPD, VMASKMOVPD, Y0)
	C_ROW1_BETA(VMULPD, VADDPD, VMASKMOVPD, Y2)
	C_ROW1_BETA(VMULPD, VADDPD, VMASKMOVPD, Y4)
	C_ROW1_BETA(VMULPD, VADDPD, VMASKMOVPD, Y6)
	JMP  r4v1Next

r4v1Beta0:
	MOVQ CGROUP, CPTR
	C_ROW1(VMULPD, VMASKMOVPD, Y0)
	C_ROW1(VMULPD, VMASKMOVPD, Y2)
	C_ROW1(VMULPD, VMASKMOVPD, Y4)
	C_ROW1(VMULPD, VMASKMOVPD, Y6)

r4v1Next:
	NEXT_GROUP(4)
	JMP  r4v1

r2v1:
	CMPQ ROWS, $2
	JB   r1v1
	MOVQ AGROUP, APTR
	MOVQ b+48(FP), BPTR
	MOVQ k+16(FP), KLEFT
	VXORPD Y0, Y0, Y0
	VXORPD Y2, Y2, Y2

r2v1Loop:
	VMASKMOVPD (BPTR), MASK0, Y8
	FMA_ROW1(VBROADCASTSD, VFMADD231PD, (APTR), Y0)
	FMA_ROW1(VBROADCASTSD, VFMADD231PD, (APTR)(AROW*1), Y2)
	ADDQ LDB, BPTR
	ADDQ ASTEP, APTR
	DECQ KLEFT
	JNZ  r2v1Loop

	// C = alpha·acc, or beta·C (rounded) + alpha·acc.
	MOVQ beta+88(FP), CPTR
	SHLQ $1, CPTR
	JZ   r2v1Beta0
	MOVQ CGROUP, CPTR
	C_ROW1_BETA(VMULPD, VADDPD, VMASKMOVPD, Y0)
	C_ROW1_BETA(VMULPD, VADDPD, VMASKMOVPD, Y2)
	JMP  r2v1Next

r2v1Beta0:
	MOVQ CGROUP, CPTR
	C_ROW1(VMULPD, VMASKMOVPD, Y0)
	C_ROW1(VMULPD, VMASKMOVPD, Y2)

r2v1Next:
	NEXT_GROUP(2)
	JMP  r2v1

r1v1:
	CMPQ ROWS, $1
	JB   done
	MOVQ AGROUP, APTR
	MOVQ b+48(FP), BPTR
	MOVQ k+16(FP), KLEFT
	VXORPD Y0, Y0, Y0

r1v1Loop:
	VMASKMOVPD (BPTR), MASK0, Y8
	FMA_ROW1(VBROADCASTSD, VFMADD231PD, (APTR), Y0)
	ADDQ LDB, BPTR
	ADDQ ASTEP, APTR
	DECQ KLEFT
	JNZ  r1v1Loop

	// C = alpha·acc, or beta·C (rounded) + alpha·acc.
	MOVQ beta+88(FP), CPTR
	SHLQ $1, CPTR
	JZ   r1v1Beta0
	MOVQ CGROUP, CPTR
	C_ROW1_BETA(VMULPD, VADDPD, VMASKMOVPD, Y0)
	JMP  r1v1Next

r1v1Beta0:
	MOVQ CGROUP, CPTR
	C_ROW1(VMULPD, VMASKMOVPD, Y0)

r1v1Next:
	ADDQ AROW, AGROUP
	ADDQ LDC, CGROUP
	SUBQ $1, ROWS
	JMP  r1v1

nv2:
r4v2:
	CMPQ ROWS, $4
	JB   r2v2
	MOVQ AGROUP, APTR
	MOVQ b+48(FP), BPTR
	MOVQ k+16(FP), KLEFT
	ZERO4(VXORPD, Y0, Y1, Y2, Y3)
	ZERO4(VXORPD, Y4, Y5, Y6, Y7)

r4v2Loop:
	VMASKMOVPD (BPTR), MASK0, Y8
	VMASKMOVPD 32(BPTR), MASK1, Y9
	FMA_ROW2(VBROADCASTSD, VFMADD231PD, (APTR), Y0, Y1)
	FMA_ROW2(VBROADCASTSD, VFMADD231PD, (APTR)(AROW*1), Y2, Y3)
	FMA_ROW2(VBROADCASTSD, VFMADD231PD, (APTR)(AROW*2), Y4, Y5)
	FMA_ROW2(VBROADCASTSD, VFMADD231PD, (APTR)(AROW3*1), Y6, Y7)
	ADDQ LDB, BPTR
	ADDQ ASTEP, APTR
	DECQ KLEFT
	JNZ  r4v2Loop

	// C = alpha·acc, or beta·C (rounded) + alpha·acc.
	MOVQ beta+88(FP), CPTR
	SHLQ $1, CPTR
	JZ   r4v2Beta0
	MOVQ CGROUP, CPTR
	C_ROW2_BETA(VMULPD, VADDPD, VMASKMOVPD, Y0, Y1)
	C_ROW2_BETA(VMULPD, VADDPD, VMASKMOVPD, Y2, Y3)
	C_ROW2_BETA(VMULPD, VADDPD, VMASKMOVPD, Y4, Y5)
	C_ROW2_BETA(VMULPD, VADDPD, VMASKMOVPD, Y6, Y7)
	JMP  r4v2Next

r4v2Beta0:
	MOVQ CGROUP, CPTR
	C_ROW2(VMULPD, VMASKMOVPD, Y0, Y1)
	C_ROW2(VMULPD, VMASKMOVPD, Y2, Y3)
	C_ROW2(VMULPD, VMASKMOVPD, Y4, Y5)
	C_ROW2(VMULPD, VMASKMOVPD, Y6, Y7)

r4v2Next:
	NEXT_GROUP(4)
	JMP  r4v2

r2v2:
	CMPQ ROWS, $2
	JB   r1v2
	MOVQ AGROUP, APTR
	MOVQ b+48(FP), BPTR
	MOVQ k+16(FP), KLEFT
	ZERO4(VXORPD, Y0, Y1, Y2, Y3)

r2v2Loop:
	VMASKMOVPD (BPTR), MASK0, Y8
	VMASKMOVPD 32(BPTR), MASK1, Y9
	FMA_ROW2(VBROADCASTSD, VFMADD231PD, (APTR), Y0, Y1)
	FMA_ROW2(VBROADCASTSD, VFMADD231PD, (APTR)(AROW*1), Y2, Y3)
	ADDQ LDB, BPTR
	ADDQ ASTEP, APTR
	DECQ KLEFT
	JNZ  r2v2Loop

	// C = alpha·acc, or beta·C (rounded) + alpha·acc.
	MOVQ beta+88(FP), CPTR
	SHLQ $1, CPTR
	JZ   r2v2Beta0
	MOVQ CGROUP, CPTR
	C_ROW2_BETA(VMULPD, VADDPD, VMASKMOVPD, Y0, Y1)
	C_ROW2_BETA(VMULPD, VADDPD, VMASKMOVPD, Y2, Y3)
	JMP  r2v2Next

r2v2Beta0:
	MOVQ CGROUP, CPTR
	C_ROW2(VMULPD, VMASKMOVPD, Y0, Y1)
	C_ROW2(VMULPD, VMASKMOVPD, Y2, Y3)

r2v2Next:
	NEXT_GROUP(2)
	JMP  r2v2

r1v2:
	CMPQ ROWS, $1
	JB   done
	MOVQ AGROUP, APTR
	MOVQ b+48(FP), BPTR
	MOVQ k+16(FP), KLEFT
	VXORPD Y0, Y0, Y0
	VXORPD Y1, Y1, Y1

r1v2Loop:
	VMASKMOVPD (BPTR), MASK0, Y8
	VMASKMOVPD 32(BPTR), MASK1, Y9
	FMA_ROW2(VBROADCASTSD, VFMADD231PD, (APTR), Y0, Y1)
	ADDQ LDB, BPTR
	ADDQ ASTEP, APTR
	DECQ KLEFT
	JNZ  r1v2Loop

	// C = alpha·acc, or beta·C (rounded) + alpha·acc.
	MOVQ beta+88(FP), CPTR
	SHLQ $1, CPTR
	JZ   r1v2Beta0
	MOVQ CGROUP, CPTR
	C_ROW2_BETA(VMULPD, VADDPD, VMASKMOVPD, Y0, Y1)
	JMP  r1v2Next

r1v2Beta0:
	MOVQ CGROUP, CPTR
	C_ROW2(VMULPD, VMASKMOVPD, Y0, Y1)

r1v2Next:
	ADDQ AROW, AGROUP
	ADDQ LDC, CGROUP
	SUBQ $1, ROWS
	JMP  r1v2

done:
	VZEROUPPER
	RET
