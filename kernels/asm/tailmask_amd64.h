// Tail masks for the amd64 kernels: a vector loop's last 1..lanes-1
// elements are handled with masked loads and stores, which neither read nor
// write the masked-off lanes (and do not fault beside an unmapped page).

// AVX2_TAIL_MASK loads into the ymm register m the VMASKMOVPS mask selecting
// the first n lanes (0 <= n <= 8: tailMaskAVX2, in tailmask_amd64.s, is
// eight all-ones lanes then eight zero lanes, and the 32 bytes at
// 4*(8-n) are read), using the general registers tmp and R8. The GEMV
// kernels pass n&7 (float64: 2·(n&3)), 0 included (no lane); gemm_small's
// COLUMN_MASKS up to 8 (every lane).
#define AVX2_TAIL_MASK(n, tmp, m) \
	MOVQ    $8, tmp \
	SUBQ    n, tmp \
	LEAQ    ·tailMaskAVX2(SB), R8 \
	VMOVDQU (R8)(tmp*4), m

// AVX512_TAIL_MASK sets the opmask k to select the first n lanes
// (0 <= n <= 16: (1<<n)-1 in 32 bits, its low 16 to k; n in CX, as the
// shift count must be), using the general register tmp. The GEMV kernels
// pass n&15 or n&7, 0 included (no lane); gemm_small's COLUMN_MASKS up to
// 16 (every lane).
#define AVX512_TAIL_MASK(n, tmp, k) \
	MOVL  $1, tmp \
	SHLL  n, tmp \
	DECL  tmp \
	KMOVW tmp, k
