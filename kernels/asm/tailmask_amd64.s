//go:build !purego

#include "textflag.h"

// tailMaskAVX2 is eight all-ones int32 lanes followed by eight zero lanes.
// Loading 32 bytes from tailMaskAVX2+4*(8-r) gives a VMASKMOVPS mask that
// selects the first r lanes (0 <= r <= 8); masked-off lanes of a masked load
// read as zero and never fault, even beside an unmapped page.
DATA ·tailMaskAVX2+0(SB)/8, $0xffffffffffffffff
DATA ·tailMaskAVX2+8(SB)/8, $0xffffffffffffffff
DATA ·tailMaskAVX2+16(SB)/8, $0xffffffffffffffff
DATA ·tailMaskAVX2+24(SB)/8, $0xffffffffffffffff
DATA ·tailMaskAVX2+32(SB)/8, $0
DATA ·tailMaskAVX2+40(SB)/8, $0
DATA ·tailMaskAVX2+48(SB)/8, $0
DATA ·tailMaskAVX2+56(SB)/8, $0
GLOBL ·tailMaskAVX2(SB), RODATA|NOPTR, $64
