// Shared by the GEMM micro-kernels gemm_avx2_amd64.s and
// gemm_avx512_amd64.s: their general registers and the test of beta.

#define K_SAVE R9  // k, for each tile
#define K CX       // steps of k left
#define TILES R10  // tiles left
#define A_PTR SI   // the A sliver at the current k
#define B_PTR DX   // the B sliver at the current k
#define C_PTR DI   // the tile's first row of C
#define LDC R8     // C: bytes from one row to the next
#define ROW R12    // C: the row being prefetched or stored
#define BETA_NZ R11

// BETA_FLAG sets BETA_NZ to 1 unless beta (in X0) compares equal to zero;
// a NaN beta is unordered, so it counts as non-zero.
#define BETA_FLAG(ucomis, label) \
	VXORPS  X1, X1, X1; \
	MOVQ    $1, BETA_NZ; \
	ucomis  X1, X0; \
	JNE     label; \
	JPS     label; \
	MOVQ    $0, BETA_NZ; \
label:
