package kernels

//go:generate go run mkdispatch.go

// Dispatch parameters shared by every elementwise kernel.
var (
	// minAsmLen is the shortest vector handed to assembly: below it a call
	// costs more than the work. A variable so tests can lower it to 0 and
	// drive the assembly at every length.
	minAsmLen = 16
	// chunkLen is the longest vector one assembly call gets. Assembly is
	// never preempted, so a long vector is cut into chunks of this many
	// elements (128 KiB of float32), each a few microseconds at most,
	// between which the scheduler and the GC can stop the goroutine.
	chunkLen = 1 << 15
)
