//go:build !purego

package kernels

// SetPairedStripsForTest turns the AVX-512 paired small-product kernels on
// or off (off: their strips go to the kernels they stand in for); the
// returned function restores the setting.
func SetPairedStripsForTest(on bool) (restore func()) {
	old := pairedStrips
	pairedStrips = on
	return func() { pairedStrips = old }
}

// PairedStripForTest is pairedStrip.
func PairedStripForTest(n int, f32 bool) bool { return pairedStrip(n, f32) }
