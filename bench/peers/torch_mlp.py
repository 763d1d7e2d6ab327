"""PyTorch peer of `go run ./cmd/bench -suite mlp`: the same workloads,
shaped like Keras's Sequential.fit (Glorot-uniform weights, zero biases,
Adam lr 1e-3 eps 1e-7, minibatches, sigmoid/softmax fused into the loss),
printed as records in the harness's format (see cmd/bench/record.go).

usage: python3 torch_mlp.py [--csv] [--samples N] [--epochs E] THREADS WORKLOAD...
  W1  the primer's toy: 100x2 uniform X, y = round(uniform), 2-10(relu)-1(sigmoid),
      batch 10, 100 epochs; op = the whole fit (model built, fitted), median of
      --samples fits
  W2  60000x784 synthetic N(0,1), 784-256(relu)-128(relu)-10(softmax), batch 128;
      op = one training step, timed over E epochs (shuffled) in --samples chunks
  W3  as W2 with 784-1024(relu)-1024(relu)-10(softmax), batch 256
  W2p1  W2's network predicting one row, model(x) under no_grad, as a
      service answers one request; op = one call, median of --samples
      chunks of 2000 calls (ember's W2p1 is PredictInto)

Threads: torch.set_num_threads(THREADS); the run script also pins
OpenBLAS's and OpenMP's pools (torch.set_num_threads alone does not bound
OpenBLAS's).
"""
import argparse
import json
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn as nn

WORKLOADS = {
    # sizes, batch, shape string as the harness prints it
    "W1": ([2, 10, 1], 10, "2-10-1 b10 e100"),
    "W2": ([784, 256, 128, 10], 128, "784-256-128-10 b128"),
    "W3": ([784, 1024, 1024, 10], 256, "784-1024-1024-10 b256"),
    "W2p1": ([784, 256, 128, 10], 1, "784-256-128-10 b1"),
}


def build(sizes):
    layers = []
    for i in range(len(sizes) - 1):
        lin = nn.Linear(sizes[i], sizes[i + 1])
        nn.init.xavier_uniform_(lin.weight)
        nn.init.zeros_(lin.bias)
        layers.append(lin)
        if i < len(sizes) - 2:
            layers.append(nn.ReLU())
    model = nn.Sequential(*layers)
    return model, torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)


def step(model, opt, loss_fn, xb, yb):
    opt.zero_grad(set_to_none=True)
    loss = loss_fn(model(xb), yb)
    loss.backward()
    opt.step()


def record(work, threads, times_ns, per_op_samples, note):
    times = sorted(times_ns)
    med = statistics.median(times)
    return {
        "suite": "mlp", "kernel": work, "level": "torch", "shape": WORKLOADS[work][2],
        "threads": threads, "ns_per_op": med, "rate": per_op_samples * 1e9 / med,
        "unit": "samples/s", "spread_pct": 100 * (times[-1] - times[0]) / med,
        "samples": len(times), "note": note,
    }


def w1(threads, samples):
    rng = np.random.default_rng(0)
    x = torch.from_numpy(rng.random((100, 2), dtype=np.float32))
    y = torch.from_numpy(np.round(rng.random(100)).astype(np.float32).reshape(-1, 1))
    loss_fn = nn.BCEWithLogitsLoss()

    def fit():
        model, opt = build(WORKLOADS["W1"][0])
        for _ in range(100):
            perm = torch.randperm(100)
            for s in range(0, 100, 10):
                idx = perm[s:s + 10]
                step(model, opt, loss_fn, x[idx], y[idx])

    fit()  # warm-up
    times = []
    for _ in range(samples):
        t0 = time.perf_counter_ns()
        fit()
        times.append(time.perf_counter_ns() - t0)
    return record("W1", threads, times, 100 * 100,
                  f"torch {torch.__version__}; op = the whole fit (model built, 100 epochs)")


def epochs_of_steps(work, threads, samples, epochs):
    sizes, batch, _ = WORKLOADS[work]
    rng = np.random.default_rng(0)
    n = 60000
    x = torch.from_numpy(rng.standard_normal((n, 784), dtype=np.float32))
    y = torch.from_numpy(rng.integers(0, 10, n))
    model, opt = build(sizes)
    loss_fn = nn.CrossEntropyLoss()
    for s in range(10):  # warm-up
        step(model, opt, loss_fn, x[s * batch:(s + 1) * batch], y[s * batch:(s + 1) * batch])
    batches = []
    for _ in range(epochs):
        perm = torch.randperm(n)
        batches += [perm[s:s + batch] for s in range(0, n - batch + 1, batch)]  # full batches only
    per_chunk = max(1, len(batches) // samples)
    times = []
    for c in range(0, per_chunk * samples, per_chunk):
        t0 = time.perf_counter_ns()
        for idx in batches[c:c + per_chunk]:
            step(model, opt, loss_fn, x[idx], y[idx])
        times.append((time.perf_counter_ns() - t0) / per_chunk)
    return record(work, threads, times, batch,
                  f"torch {torch.__version__}; op = one step; timed over {epochs} shuffled epoch(s) of {n} in chunks of {per_chunk} steps")


def predict1(threads, samples):
    sizes, _, _ = WORKLOADS["W2p1"]
    model, _ = build(sizes)
    model.eval()
    x = torch.from_numpy(np.random.default_rng(0).standard_normal((1, 784), dtype=np.float32))
    calls = 2000
    with torch.no_grad():
        for _ in range(200):  # warm-up
            model(x)
        times = []
        for _ in range(samples):
            t0 = time.perf_counter_ns()
            for _ in range(calls):
                model(x)
            times.append((time.perf_counter_ns() - t0) / calls)
    return record("W2p1", threads, times, 1,
                  f"torch {torch.__version__}; op = model(x) on one row under no_grad, chunks of {calls} calls")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--csv", action="store_true", help="print CSV rows (no header) instead of JSON Lines")
    ap.add_argument("--samples", type=int, default=7)
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("threads", type=int)
    ap.add_argument("workloads", nargs="+", choices=sorted(WORKLOADS))
    a = ap.parse_args()
    if a.threads < 1 or a.samples < 1 or a.epochs < 1:
        ap.error("THREADS, --samples and --epochs must be positive")
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    for work in a.workloads:
        if work == "W1":
            r = w1(a.threads, a.samples)
        elif work == "W2p1":
            r = predict1(a.threads, a.samples)
        else:
            r = epochs_of_steps(work, a.threads, a.samples, a.epochs)
        if a.csv:
            fields = ["suite", "kernel", "level", "shape", "threads", "ns_per_op", "rate", "unit",
                      "spread_pct", "samples"]
            row = [str(r[f]) if not isinstance(r[f], float) else repr(r[f]) for f in fields]
            print(",".join(row + ["0", "0", r["note"].replace(",", ";")]))
        else:
            print(json.dumps(r))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
