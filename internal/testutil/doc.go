// Package testutil holds ember's test helpers: seeded random data, ulp
// distances, the GEMM error bound and the softmax and optimizer bounds,
// guard-page allocations that turn an out-of-bounds access into a test
// failure, and ForEachLevel, which runs a subtest at every kernel level
// this CPU supports.
//
// It is imported only by tests and by cmd/bench's -check mode, which holds
// every implementation to the same bounds.
package testutil
