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
//
// Waking a parked worker pays only for a long call. After 400 µs of other
// work (the workers parked), a call at 2 threads that woke one was slower
// than one thread up to 256³: sgemm at avx512 on the Xeon, 128³ 48 → 80
// µs, 256³ 312 → 373 µs, a 1×256×784 GEMV 19 → 47 µs; and faster from
// 384³, 1.06 → 0.76 ms. The woken thread starts late and slow, and the
// caller waits for its part. So a call hands its parts to spinning
// workers, and wakes parked ones only when its caller says it is long
// enough (run's wake) or when it comes within workerSpin of the end of the
// previous parallel call: a run of calls (a training loop after an
// evaluation) wakes the pool once, at its second call, and keeps it
// spinning, while calls further apart (a service predicting now and then)
// leave it parked and run alone.

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
// it parks.
const workerSpin = 200 * time.Microsecond

// The worker pool: goroutines started on demand, never more than
// maxGemmParts-1. Spinning workers poll both channels; parked ones block
// on wakeTickets only, so a ticket meant for a spinning worker is never
// handed to a parked one. Tickets are offered without blocking, so the
// pool only ever speeds a call up.
var (
	spinTickets = make(chan ticket, maxGemmParts)
	wakeTickets = make(chan ticket, maxGemmParts)
	workersMu   sync.Mutex
	workerCount atomic.Int32
	spinning    atomic.Int32 // workers in nextTicket's spin
	lastEnd     atomic.Int64 // when the latest parallel call ended, ns since runEpoch
	runEpoch    = time.Now()
)

// run runs parts ≥ 1 parts of the call and returns when all are done.
// Its parts go to spinning workers, and to parked ones too if wake says
// the call is long enough or it follows the previous parallel call
// closely (see the pool's notes above).
func (c *parallelCall) run(parts int, wake bool) {
	gen := c.state.Load()>>32 + 1
	c.finished.Store(0)
	c.state.Store(gen<<32 | uint64(parts)<<16)
	startWorkers(parts - 1)
	n := min(parts-1, int(spinning.Load()))
	offer(spinTickets, ticket{c, gen}, n)
	if wake || int64(time.Since(runEpoch))-lastEnd.Load() < int64(workerSpin) {
		offer(wakeTickets, ticket{c, gen}, parts-1-n)
	}
	c.join(gen)
	for i := 1; c.finished.Load() < int32(parts); i++ {
		if i%spinChecks == 0 {
			runtime.Gosched()
		}
	}
	lastEnd.Store(int64(time.Since(runEpoch)))
}

// offer sends up to n copies of t on ch, as many as fit.
func offer(ch chan ticket, t ticket, n int) {
	for range n {
		select {
		case ch <- t:
		default:
			return
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

// join claims and runs parts of generation gen until none is left, and
// returns how many it ran. Counting a part finished is the last thing it
// does to the call: once the caller has seen every part finished, it may
// reuse the call.
func (c *parallelCall) join(gen uint64) (ran int) {
	for {
		s := c.state.Load()
		if s>>32 != gen || s>>16&0xffff <= s&0xffff {
			return ran
		}
		if !c.state.CompareAndSwap(s, s+1) {
			continue
		}
		c.runner.runPart(int(s & 0xffff))
		c.finished.Add(1)
		ran++
	}
}

// partsByWorkers counts the parts pooled workers (not callers) have run,
// for the test that the pool takes part at all.
var partsByWorkers atomic.Int64

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
				if ran := t.call.join(t.gen); ran > 0 {
					partsByWorkers.Add(int64(ran))
				}
			}
		}()
	}
}

// nextTicket waits for a ticket: spinning for workerSpin, then parked on
// wakeTickets. The spin reads the channels' lengths, which takes no lock,
// and receives only when it sees a ticket.
func nextTicket() ticket {
	spinning.Add(1)
	start := time.Now()
	for i := 1; ; i++ {
		if len(spinTickets) > 0 || len(wakeTickets) > 0 {
			select {
			case t := <-spinTickets:
				spinning.Add(-1)
				return t
			case t := <-wakeTickets:
				spinning.Add(-1)
				return t
			default: // another worker took it
			}
		}
		if i%spinChecks == 0 {
			if time.Since(start) > workerSpin {
				spinning.Add(-1)
				return <-wakeTickets
			}
			runtime.Gosched()
		}
	}
}

// The calls long enough to wake parked workers (see parallelCall.run):
// GEMMs of wakeMinFlops flops (2·m·n·k), matrix-vector products of
// gemvWakeMinFlops, optimizer steps of optimWakeMinLen weights. Medians
// after 400 µs of other work on the Xeon (avx512), one thread / two
// threads with a woken worker: sgemm 256³ 321 / 366 µs, 320³ 619 / 527
// µs; 1×1024×1024 159 / 205 µs, 1×4096×2048 1.41 / 0.83 ms; AdamStep of
// 2¹⁸ weights 202 / 218 µs, of 2²⁰ 793 / 576 µs.
const (
	wakeMinFlops     = 48 << 20
	gemvWakeMinFlops = 1 << 23
	optimWakeMinLen  = 1 << 19
)
