package testutil

import (
	"math"
	"math/rand/v2"
)

// NewRand returns a generator seeded with seed, so every failure can be
// reproduced from the seed a test prints.
func NewRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}

// Float32s returns n values drawn uniformly from [lo, hi).
func Float32s(r *rand.Rand, n int, lo, hi float32) []float32 {
	s := make([]float32, n)
	for i := range s {
		s[i] = lo + (hi-lo)*r.Float32()
	}
	return s
}

// SpecialFloat32s are the values every elementwise kernel must handle:
// signed zeros and infinities, quiet and signalling NaNs with payloads, the
// largest and smallest normals, subnormals, and neighbours of 1.
var SpecialFloat32s = []float32{
	0, float32(math.Copysign(0, -1)),
	float32(math.Inf(1)), float32(math.Inf(-1)),
	math.Float32frombits(0x7fc00000), // the default quiet NaN
	math.Float32frombits(0xffc00001), // negative quiet NaN with payload
	math.Float32frombits(0x7f800001), // signalling NaN
	math.Float32frombits(0xff812345), // negative signalling NaN, payload
	math.MaxFloat32, -math.MaxFloat32,
	0x1p-126, -0x1p-126, // smallest normals
	0x1p-149, -0x1p-149, // smallest subnormals
	0x1.fffffcp-127, // largest subnormal
	1, -1, math.Nextafter32(1, 2), math.Nextafter32(1, 0),
}

// Mixed returns n values, each either a special value (with probability
// 1/8) or a finite value of random sign and magnitude in [2⁻²⁰, 2²⁰).
func Mixed(r *rand.Rand, n int) []float32 {
	s := make([]float32, n)
	for i := range s {
		if r.IntN(8) == 0 {
			s[i] = SpecialFloat32s[r.IntN(len(SpecialFloat32s))]
			continue
		}
		v := float32(math.Ldexp(1+r.Float64(), r.IntN(40)-20))
		if r.IntN(2) == 0 {
			v = -v
		}
		s[i] = v
	}
	return s
}

// SameFloat32 reports whether got and want are the same value bit for bit,
// or both NaN (of any payload).
func SameFloat32(got, want float32) bool {
	if got != got && want != want {
		return true
	}
	return math.Float32bits(got) == math.Float32bits(want)
}

// ULPDistance returns how many representable float32 values lie between a
// and b (0 for equal values, +0 and -0 included). It returns 0 if both are
// NaN and math.MaxUint32 if only one is.
func ULPDistance(a, b float32) uint32 {
	an, bn := a != a, b != b
	switch {
	case an && bn:
		return 0
	case an || bn:
		return math.MaxUint32
	}
	ia, ib := orderedBits(a), orderedBits(b)
	if ia > ib {
		return uint32(ia - ib)
	}
	return uint32(ib - ia)
}

// orderedBits maps a float32 onto an integer line on which adjacent floats
// are adjacent integers and both zeros are 0.
func orderedBits(f float32) int64 {
	b := math.Float32bits(f)
	if b&0x80000000 != 0 {
		return -int64(b & 0x7fffffff)
	}
	return int64(b)
}

// Float32Unit is u, the unit roundoff of float32: 2⁻²⁴.
const Float32Unit = 0x1p-24

// Float64Unit is u, the unit roundoff of float64: 2⁻⁵³.
const Float64Unit = 0x1p-53

// Gamma returns γ_n = n·u/(1−n·u), the classic bound on the relative error
// of n roundings with unit roundoff u (Higham, Accuracy and Stability of
// Numerical Algorithms, §3.1). It panics if n·u ≥ 1, where no bound holds.
func Gamma(n int, u float64) float64 {
	nu := float64(n) * u
	if nu >= 1 {
		panic("testutil: Gamma: n·u >= 1")
	}
	return nu / (1 - nu)
}
