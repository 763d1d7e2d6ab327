//go:build !purego && (amd64 || arm64)

package kernels

// minAsmLenExp is minAsmLen for the kernels built on e^x (Exp, Sigmoid,
// Tanh, the exp-shift and BCE sums): their Go loop costs tens of ns per
// element, so one assembly call with a masked tail is cheaper from one
// element on (measured on an AVX-512 Xeon: n = 10 exp ~60 ns against
// ~490 ns in Go). Tests lower it with minAsmLen.
var minAsmLenExp = 1
