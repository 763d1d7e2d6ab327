// Package asm holds ember's Go assembly kernels and their declarations:
// one pair of files per kernel family and instruction set
// (<family>_<isa>_<arch>.s beside <family>_<arch>.go).
//
// It is internal machinery for package kernels, which alone may import it:
// the functions here trust their arguments (lengths, alignment of the
// documented multiples, CPU features) and do no checking, allocation or
// dispatch. Each one's comment gives the Go loop it computes.
package asm
