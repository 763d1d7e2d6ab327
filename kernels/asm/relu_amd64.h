// Shared by relu_avx2_amd64.s and relu_avx512_amd64.s (the including file
// defines ZERO, +0 broadcast).

// RELU sets v = max(0, v), NaN kept, -0 made +0. VMAXPS (VEX or EVEX)
// returns its second source (Go's first operand, here v) when either is NaN
// or both are zero, so NaN passes through and -0 stays -0; adding +0 then
// turns -0 into +0 and changes nothing else (it quiets a signalling NaN, as
// the generic code does).
#define RELU(v) \
	VMAXPS v, ZERO, v \
	VADDPS ZERO, v, v
