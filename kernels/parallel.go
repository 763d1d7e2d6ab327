package kernels

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// Parallel calls. A GEMM or GEMV large enough is cut into parts that are
// independent (each writes its own range of C); the calling goroutine and
// up to Threads()-1 pooled workers claim them one at a time until none is
// left, so a call never waits for a busy pool: whatever no worker has
// claimed, the caller runs itself.
//
// Handing a part to a parked goroutine costs a futex wake-up, measured at
// 7–100 µs (median 50) on this project's 2-vCPU VMs: as long as a 256³
// sgemm's half. So workers spin for workerSpin after their last part,
// offering to join the next call at once (back-to-back GEMMs, as in a
// training step, find them awake), and the caller waits for the parts it
// did not run by spinning too: they are running on other goroutines, so
// the wait is at most one part long. Both spins yield with
// runtime.Gosched every spinChecks looks, so other goroutines still run.

// partRunner runs part p of a parallel call.
type partRunner interface{ runPart(p int) }

// parallelCall is the claiming state of one pooled call. state holds the
// call's generation (bits 32 and up), its number of parts (bits 16–31)
// and the next unclaimed part (bits 0–15), so that a claim is one
// compare-and-swap and a worker holding a ticket from an earlier use of
// the pooled call can never claim a part of a later one.
type parallelCall struct {
	runner   partRunner
	state    atomic.Uint64
	finished atomic.Int32 // parts of this generation run to the end
}

// ticket invites a worker to join generation gen of a call.
type ticket struct {
	call *parallelCall
	gen  uint64
}

// workerSpin is how long an idle worker keeps looking for a ticket before
// it parks on the channel.
const workerSpin = 200 * time.Microsecond

// The worker pool: goroutines started on demand, never more than
// maxGemmParts-1, each waiting for tickets. Tickets are offered without
// blocking, so the pool only ever speeds a call up.
var (
	workTickets = make(chan ticket, maxGemmParts)
	workersMu   sync.Mutex
	workerCount atomic.Int32
)

// run runs parts ≥ 1 parts of the call and returns when all are done.
func (c *parallelCall) run(parts int) {
	gen := c.state.Load()>>32 + 1
	c.finished.Store(0)
	c.state.Store(gen<<32 | uint64(parts)<<16)
	startWorkers(parts - 1)
	for range parts - 1 {
		select {
		case workTickets <- ticket{c, gen}:
		default:
		}
	}
	c.join(gen)
	for i := 1; c.finished.Load() < int32(parts); i++ {
		if i%spinChecks == 0 {
			runtime.Gosched()
		}
	}
}

// spinChecks is how many times a spinning goroutine looks for what it
// waits for between two runtime.Gosched calls (about a microsecond). A
// Gosched on every look, as before, put the runtime's scheduler lock in
// every trip of both spins, and a ticket took 2–3 µs to reach a spinning
// worker. Medians of 2,000 calls at 2 threads alternated in one process
// on the Xeon (avx512, float32), every look vs every 1,024th: 1×256×784
// 9.0 → 6.3 µs (one thread: 8.9–9.5), 128×64×128 12.6–13.5 → 11.0–11.8
// µs, 128³ 26.3–27.1 → 25.0–25.6 µs; the W2 network's batch-1
// PredictInto 8.5–9.8 → 8.2–9.2 µs, its training step unchanged.
const spinChecks = 1024

// join claims and runs parts of generation gen until none is left.
// Counting a part finished is the last thing it does to the call: once
// the caller has seen every part finished, it may reuse the call.
func (c *parallelCall) join(gen uint64) {
	for {
		s := c.state.Load()
		if s>>32 != gen || s>>16&0xffff <= s&0xffff {
			return
		}
		if !c.state.CompareAndSwap(s, s+1) {
			continue
		}
		c.runner.runPart(int(s & 0xffff))
		c.finished.Add(1)
	}
}

// startWorkers makes sure n workers exist.
func startWorkers(n int) {
	if int(workerCount.Load()) >= n {
		return
	}
	workersMu.Lock()
	defer workersMu.Unlock()
	for int(workerCount.Load()) < min(n, maxGemmParts-1) {
		workerCount.Add(1)
		go func() {
			for {
				t := nextTicket()
				t.call.join(t.gen)
			}
		}()
	}
}

// nextTicket waits for a ticket: spinning for workerSpin, then parked.
// The spin reads the channel's length, which takes no lock, and receives
// only when it sees a ticket.
func nextTicket() ticket {
	start := time.Now()
	for i := 1; ; i++ {
		if len(workTickets) > 0 {
			select {
			case t := <-workTickets:
				return t
			default: // another worker took it
			}
		}
		if i%spinChecks == 0 {
			if time.Since(start) > workerSpin {
				return <-workTickets
			}
			runtime.Gosched()
		}
	}
}
