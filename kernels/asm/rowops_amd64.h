// Shared by rowops_avx2_amd64.s and rowops_avx512_amd64.s: the steps of
// the float64-summing kernels that read the same at both widths. The
// including file defines X_PTR and Y_PTR and includes ymm_amd64.h or
// zmm_amd64.h (EXTRACT_HI).

// SQ squares the differences of the vectors at off(X_PTR) and off(Y_PTR)
// into v, rounding the difference and then the square.
#define SQ(off, v) \
	VMOVUPS off(X_PTR), v \
	VSUBPS  off(Y_PTR), v, v \
	VMULPS  v, v, v

// SQ_ACC adds the float32 squares in v (h is its lower half) to the float64
// sums lo (the lower half's lanes) and hi (the upper half's), using t; v is
// clobbered.
#define SQ_ACC(v, h, t, lo, hi) \
	VCVTPS2PD  h, t \
	VADDPD     t, lo, lo \
	EXTRACT_HI $1, v, h \
	VCVTPS2PD  h, t \
	VADDPD     t, hi, hi

// BCE_ACC adds the float32 terms in m (h is its lower half) to the float64
// partial sums acc0 (the lower half's lanes) and acc1 (the upper half's),
// using t; m is clobbered.
#define BCE_ACC(h, m, t, acc0, acc1) \
	VCVTPS2PD  h, t \
	EXTRACT_HI $1, m, h \
	VCVTPS2PD  h, m \
	VADDPD     t, acc0, acc0 \
	VADDPD     m, acc1, acc1
