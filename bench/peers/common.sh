# Sourced by run.sh and ab.sh: their messages, package installs and the
# choice of OPENBLAS_CORETYPE (see run.sh for why) and of BLIS's kernels.
# The sourcing script sets tag (its name in messages) first.

say() { echo "[$tag] $*" >&2; }

install() { # install the Debian packages named, as root or with sudo
	local sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	say "installing $* (apt-get)"
	$sudo apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >&2
}

# cpu_has reports whether /proc/cpuinfo lists the CPU feature flag $1.
cpu_has() {
	local flags
	flags=$(grep -m1 -E '^(flags|Features)' /proc/cpuinfo 2>/dev/null || true)
	[[ " $flags " == *" $1 "* ]]
}

# pick_coretype exports OPENBLAS_CORETYPE from /proc/cpuinfo unless it is
# set (avx512f -> SkylakeX, else avx2 -> Haswell, else OpenBLAS's own
# detection) and says which.
pick_coretype() {
	if [ -n "${OPENBLAS_CORETYPE:-}" ]; then
		say "OPENBLAS_CORETYPE=$OPENBLAS_CORETYPE (from the environment)"
		return
	fi
	if cpu_has avx512f; then
		export OPENBLAS_CORETYPE=SkylakeX
	elif cpu_has avx2; then
		export OPENBLAS_CORETYPE=Haswell
	fi
	say "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset (OpenBLAS detects)} (from /proc/cpuinfo; set it to override)"
}

# pick_blis_arch exports EMBER_BLIS_ARCH, the BLIS configuration the peer
# programs ask for (blis_arch.h), unless it or BLIS_ARCH_TYPE is set (even
# to nothing: EMBER_BLIS_ARCH= leaves the choice to BLIS): "skx" on a CPU
# with avx512f, else nothing (BLIS detects). BLIS 0.9 picks by CPU model
# and knows none newer than 2021: it took its AVX2 "haswell" kernels on
# this project's AVX-512 Xeons and its portable C ones on AMD Zen 5, where
# its skx kernels run 5x faster. Its AVX2 choice on the AMD
# Zen 3 it knows is left alone.
pick_blis_arch() {
	if [ -n "${BLIS_ARCH_TYPE+set}" ]; then
		say "BLIS_ARCH_TYPE=$BLIS_ARCH_TYPE (from the environment; EMBER_BLIS_ARCH is not applied)"
		return
	fi
	if [ -n "${EMBER_BLIS_ARCH+set}" ]; then
		say "EMBER_BLIS_ARCH=${EMBER_BLIS_ARCH:-(empty: BLIS detects)} (from the environment)"
		return
	fi
	if cpu_has avx512f; then
		export EMBER_BLIS_ARCH=skx
	fi
	say "EMBER_BLIS_ARCH=${EMBER_BLIS_ARCH:-unset (BLIS detects)} (from /proc/cpuinfo; set it, e.g. to zen3, to override)"
}
