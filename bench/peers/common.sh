# Sourced by run.sh and ab.sh: their messages, package installs and the
# choice of OPENBLAS_CORETYPE (see run.sh for why). The sourcing script
# sets tag (its name in messages) first.

say() { echo "[$tag] $*" >&2; }

install() { # install the Debian packages named, as root or with sudo
	local sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	say "installing $* (apt-get)"
	$sudo apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >&2
}

# pick_coretype exports OPENBLAS_CORETYPE from /proc/cpuinfo unless it is
# set (avx512f -> SkylakeX, else avx2 -> Haswell, else OpenBLAS's own
# detection) and says which.
pick_coretype() {
	if [ -n "${OPENBLAS_CORETYPE:-}" ]; then
		say "OPENBLAS_CORETYPE=$OPENBLAS_CORETYPE (from the environment)"
		return
	fi
	local flags
	flags=$(grep -m1 -E '^(flags|Features)' /proc/cpuinfo 2>/dev/null || true)
	if [[ " $flags " == *" avx512f "* ]]; then
		export OPENBLAS_CORETYPE=SkylakeX
	elif [[ " $flags " == *" avx2 "* ]]; then
		export OPENBLAS_CORETYPE=Haswell
	fi
	say "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset (OpenBLAS detects)} (from /proc/cpuinfo; set it to override)"
}
