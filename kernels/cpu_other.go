//go:build purego || !(amd64 || arm64)

package kernels

// detect returns only Generic: this build has no assembly (the purego tag,
// or an architecture ember has no kernels for).
func detect() []Level { return []Level{Generic} }

// detectCaches reports nothing without cpuid; GEMM uses its defaults.
func detectCaches() cacheSizes { return cacheSizes{} }
