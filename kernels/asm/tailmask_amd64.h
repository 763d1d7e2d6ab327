// Tail masks for the amd64 kernels: a vector loop's last 1..lanes-1
// elements are handled with masked loads and stores, which neither read nor
// write the masked-off lanes (and do not fault beside an unmapped page).

// AVX2_TAIL_MASK loads into the ymm register m the VMASKMOVPS mask selecting
// the first n lanes (1 <= n <= 7), using the general registers tmp and R8.
#define AVX2_TAIL_MASK(n, tmp, m) \
	MOVQ    $8, tmp \
	SUBQ    n, tmp \
	LEAQ    ·tailMaskAVX2(SB), R8 \
	VMOVDQU (R8)(tmp*4), m

// AVX512_TAIL_MASK sets the opmask k to select the first n lanes
// (1 <= n <= 15; n in CX, as the shift count must be), using the general
// register tmp.
#define AVX512_TAIL_MASK(n, tmp, k) \
	MOVL  $1, tmp \
	SHLL  n, tmp \
	DECL  tmp \
	KMOVW tmp, k
