//go:build !purego

#include "textflag.h"

// placeholder
TEXT ·GemmF32AVX512(SB), NOSPLIT, $0-56
	RET
TEXT ·GemmF64AVX512(SB), NOSPLIT, $0-64
	RET
