package kernels

// Dispatch parameters shared by every elementwise kernel.
var (
	// minAsmLen is the shortest vector handed to assembly: below it a call
	// costs more than the work. A variable so tests can lower it to 0 and
	// drive the assembly at every length.
	minAsmLen = 16
	// minAsmLenExp is minAsmLen for the kernels built on e^x (Exp,
	// Sigmoid, Tanh, the exp-shift and BCE sums): their Go loop costs tens
	// of ns per element, so one assembly call with a masked tail is cheaper
	// from one element on (measured on an AVX-512 Xeon: n = 10 exp ~60 ns
	// against ~490 ns in Go). Tests lower it with minAsmLen.
	minAsmLenExp = 1
	// chunkLen is the longest vector one assembly call gets. Assembly is
	// never preempted, so a long vector is cut into chunks of this many
	// elements (128 KiB of float32), each a few microseconds at most,
	// between which the scheduler and the GC can stop the goroutine.
	chunkLen = 1 << 15
)
