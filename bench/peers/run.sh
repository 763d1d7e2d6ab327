#!/usr/bin/env bash
# The peers of `go run ./cmd/bench`, on the same shapes and workloads,
# printed in the harness's record format (JSON Lines, or CSV with -csv) so
# that `go run ./cmd/bench -in ember.jsonl,peers.jsonl [-plot out.png]`
# puts them side by side:
#   gemm  OpenBLAS cblas_sgemm/cblas_dgemm (gemm_cblas.c), level "openblas"
#   mlp   PyTorch training (torch_mlp.py), level "torch"
#
# usage: bench/peers/run.sh [-csv] [-quick|-full] [-threads 1,2] [gemm] [mlp]
#   default: sgemm on squares 128..1024 and the MLP's four shapes, W1 and W2
#   (one epoch), 7 samples, threads 1 and nproc, as `go run ./cmd/bench`;
#   -quick: 64, 128, sgemm and dgemm, 3 samples; -full: 64..2048, sgemm
#   and dgemm, 11 samples, W2 over 3 epochs, W3.
#
# It installs what it needs from Debian if missing (gcc, libopenblas-dev,
# python3-torch, python3-numpy; as root, or with sudo).
#
# OPENBLAS_CORETYPE: OpenBLAS 0.3.21 (Debian 12) does not recognise every
# recent CPU. On AVX-512 Xeons it falls back to slow SSE3 kernels unless
# told OPENBLAS_CORETYPE=SkylakeX; on a CPU without AVX-512 (e.g. AMD Zen 3)
# SkylakeX crashes and Haswell is right. Unless OPENBLAS_CORETYPE is set,
# this script picks it from /proc/cpuinfo: avx512f -> SkylakeX, else
# avx2 -> Haswell, else OpenBLAS's own detection. Debian's PyTorch runs its
# matrix products on the same OpenBLAS, so the choice applies to both.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

format=json mode=default threads="" suites=()
while [ $# -gt 0 ]; do
	case $1 in
	-csv) format=csv ;;
	-quick | -full) mode=${1#-} ;;
	-threads)
		[ $# -ge 2 ] || { echo "run.sh: -threads needs a list, e.g. 1,2" >&2; exit 2; }
		threads=$2
		shift
		;;
	gemm | mlp) suites+=("$1") ;;
	-h | -help | --help)
		sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
		exit 0
		;;
	*) echo "run.sh: unknown argument $1 (usage: run.sh [-csv] [-quick|-full] [-threads 1,2] [gemm] [mlp])" >&2; exit 2 ;;
	esac
	shift
done
[ ${#suites[@]} -gt 0 ] || suites=(gemm mlp)
if [ -z "$threads" ]; then
	threads=1
	if [ "$(nproc)" -gt 1 ]; then threads="1,$(nproc)"; fi
fi
if ! [[ $threads =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]]; then
	echo "run.sh: bad -threads $threads: want positive integers, comma-separated" >&2
	exit 2
fi

case $mode in
quick) sizes="64 128" precs="s d" samples=3 target=2 works="W1 W2" epochs=1 ;;
default) sizes="128 256 512 1024" precs="s" samples=7 target=25 works="W1 W2" epochs=1 ;;
full) sizes="64 128 192 256 384 512 768 1024 1536 2048" precs="s d" samples=11 target=100 works="W1 W2 W3" epochs=3 ;;
esac
# M N K TA TB: the GEMMs of one training step of 784-256-128-10 at batch 128.
mlp_shapes="128,256,784,N,N 784,256,128,T,N 128,784,256,N,T 128,10,128,N,N"

say() { echo "[peers] $*" >&2; }

install() { # install the Debian packages named, as root or with sudo
	local sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	say "installing $* (apt-get)"
	$sudo apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >&2
}

if [ -z "${OPENBLAS_CORETYPE:-}" ]; then
	flags=$(grep -m1 -E '^(flags|Features)' /proc/cpuinfo 2>/dev/null || true)
	if [[ " $flags " == *" avx512f "* ]]; then
		export OPENBLAS_CORETYPE=SkylakeX
	elif [[ " $flags " == *" avx2 "* ]]; then
		export OPENBLAS_CORETYPE=Haswell
	fi
	say "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset (OpenBLAS detects)} (from /proc/cpuinfo; set it to override)"
else
	say "OPENBLAS_CORETYPE=$OPENBLAS_CORETYPE (from the environment)"
fi

if [ "$format" = csv ]; then
	echo "suite,kernel,level,shape,threads,ns_per_op,rate,unit,spread_pct,samples,pct_peak,speedup,note"
	echo "info,peers,,,0,0,0,,0,0,0,0,bench/peers/run.sh $mode on $(date -u '+%Y-%m-%d %H:%M UTC'); OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}"
else
	printf '{"suite":"info","kernel":"peers","level":"","shape":"","threads":0,"ns_per_op":0,"rate":0,"unit":"","spread_pct":0,"samples":0,"note":"bench/peers/run.sh %s on %s; OPENBLAS_CORETYPE=%s"}\n' \
		"$mode" "$(date -u '+%Y-%m-%d %H:%M UTC')" "${OPENBLAS_CORETYPE:-unset}"
fi

for suite in "${suites[@]}"; do
	case $suite in
	gemm)
		command -v gcc >/dev/null || install gcc libc6-dev
		ma=$(gcc -print-multiarch)
		inc=/usr/include/$ma/openblas-pthread lib=/usr/lib/$ma/openblas-pthread
		[ -e "$inc/cblas.h" ] || install libopenblas-dev
		bin=${TMPDIR:-/tmp}/ember-peer-gemm-cblas
		if [ ! -x "$bin" ] || [ "$here/gemm_cblas.c" -nt "$bin" ]; then
			gcc -O2 -I"$inc" -o "$bin" "$here/gemm_cblas.c" -L"$lib" -Wl,-rpath,"$lib" -lopenblas
		fi
		csvflag=()
		[ "$format" = json ] || csvflag=(-csv)
		for prec in $precs; do
			shapes=""
			for n in $sizes; do shapes+="$n,$n,$n,N,N "; done
			for th in ${threads//,/ }; do
				for sh in $shapes $mlp_shapes; do
					IFS=, read -r m n k ta tb <<<"$sh"
					say "openblas ${prec}gemm ${m}x${n}x${k} $ta$tb, $th thread(s)"
					OPENBLAS_NUM_THREADS=$th "$bin" "${csvflag[@]}" "$prec" "$m" "$n" "$k" "$ta" "$tb" "$th" "$samples" "$target"
				done
			done
		done
		;;
	mlp)
		if ! /usr/bin/python3 -c 'import torch, numpy' 2>/dev/null; then
			install python3-torch python3-numpy
		fi
		csvflag=()
		[ "$format" = json ] || csvflag=(--csv)
		for th in ${threads//,/ }; do
			say "torch $works, $th thread(s)"
			# torch.set_num_threads does not bound OpenBLAS's own pool: pin both.
			OPENBLAS_NUM_THREADS=$th OMP_NUM_THREADS=$th /usr/bin/python3 "$here/torch_mlp.py" "${csvflag[@]}" \
				--samples "$samples" --epochs "$epochs" "$th" $works
		done
		;;
	esac
done
