#!/usr/bin/env bash
# The peers of `go run ./cmd/bench`, on the same shapes and workloads,
# printed in the harness's record format (JSON Lines, or CSV with -csv) so
# that `go run ./cmd/bench -in ember.jsonl,peers.jsonl [-plot out.png]`
# puts them side by side:
#   gemm  OpenBLAS and BLIS cblas_sgemm/cblas_dgemm (gemm_cblas.c), levels
#         "openblas" and "blis", run back to back on each shape and thread
#         count; on the batch-1 shapes (M = 1) also the same product as
#         cblas_sgemv/cblas_dgemv, levels "openblas-gemv" and "blis-gemv"
#   mlp   PyTorch training and batch-1 inference (torch_mlp.py), level "torch"
#
# usage: bench/peers/run.sh [-csv] [-quick|-full] [-threads 1,2] [-blas openblas,blis] [gemm] [mlp]
#   The GEMM shapes are the harness's defaults in each mode: squares, the
#   batch-1 products (-shapes gemv), the small squares (small) and the MLP's
#   four products (mlp).
#   default: sgemm on squares 8, 16, 32, 64, 128, 256, 512, 1024, on
#   1x1024x1024 NN, 1x256x784 NN and NT, and on the MLP's four shapes; W1
#   and W2 (one epoch); 7 samples; threads 1 and nproc, as `go run ./cmd/bench`;
#   -quick: squares 8, 32, 64, 128, 1x1024x1024 NN and 1x256x784 NT, the
#   MLP's shapes, sgemm and dgemm, 3 samples;
#   -full: squares 8, 16, 32 and 64..2048, the three batch-1 shapes, the
#   MLP's, sgemm and dgemm, 11 samples, W2 over 3 epochs, W3.
#   -blas: the GEMM peers to run (default both).
#
# It installs what it needs from Debian if missing (gcc, libopenblas-dev,
# libblis-pthread-dev, python3-torch, python3-numpy; as root, or with sudo).
#
# Threads: OPENBLAS_NUM_THREADS and BLIS_NUM_THREADS are set to each thread
# count, and the program sets them through the libraries' calls as well.
#
# OPENBLAS_CORETYPE: OpenBLAS 0.3.21 (Debian 12) does not recognise every
# recent CPU. On AVX-512 Xeons it falls back to slow SSE3 kernels unless
# told OPENBLAS_CORETYPE=SkylakeX; on a CPU without AVX-512 (e.g. AMD Zen 3)
# SkylakeX crashes and Haswell is right. Unless OPENBLAS_CORETYPE is set,
# this script picks it from /proc/cpuinfo: avx512f -> SkylakeX, else
# avx2 -> Haswell, else OpenBLAS's own detection. Debian's PyTorch runs its
# matrix products on the same OpenBLAS, so the choice applies to both.
# BLIS picks its kernels at run time by CPU model, and 0.9 knows none newer
# than 2021 (it took "haswell" on this project's AVX-512 Xeons, its
# portable C kernels on AMD Zen 5); on a CPU with avx512f this script asks
# for its "skx" kernels (EMBER_BLIS_ARCH, see common.sh and blis_arch.h)
# unless BLIS_ARCH_TYPE or EMBER_BLIS_ARCH is set. Each record's note names
# the kernels that ran.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

format=json mode=default threads="" suites=() blas="openblas,blis"
while [ $# -gt 0 ]; do
	case $1 in
	-csv) format=csv ;;
	-quick | -full) mode=${1#-} ;;
	-threads)
		[ $# -ge 2 ] || { echo "run.sh: -threads needs a list, e.g. 1,2" >&2; exit 2; }
		threads=$2
		shift
		;;
	-blas)
		[ $# -ge 2 ] || { echo "run.sh: -blas needs a list, e.g. openblas,blis" >&2; exit 2; }
		blas=$2
		shift
		;;
	gemm | mlp) suites+=("$1") ;;
	-h | -help | --help)
		sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
		exit 0
		;;
	*) echo "run.sh: unknown argument $1 (usage: run.sh [-csv] [-quick|-full] [-threads 1,2] [-blas openblas,blis] [gemm] [mlp])" >&2; exit 2 ;;
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
if ! [[ $blas =~ ^(openblas|blis)(,(openblas|blis))?$ && $blas != openblas,openblas && $blas != blis,blis ]]; then
	echo "run.sh: bad -blas $blas: want openblas, blis or both, comma-separated" >&2
	exit 2
fi

# The GEMM shapes as M,N,K,TA,TB in the harness's order (cmd/bench/config.go):
# the squares of -sizes and -shapes small by size, then the batch-1 products
# (-shapes gemv), then the GEMMs of one training step of 784-256-128-10 at
# batch 128 (-shapes mlp). -quick takes the subset the harness's -quick does.
gemv_shapes="1,1024,1024,N,N 1,256,784,N,N 1,256,784,N,T"
mlp_shapes="128,256,784,N,N 784,256,128,T,N 128,784,256,N,T 128,10,128,N,N"
case $mode in
quick)
	sizes="8 32 64 128" gemv_shapes="1,1024,1024,N,N 1,256,784,N,T"
	precs="s d" samples=3 target=2 works="W1 W2 W2p1" epochs=1
	;;
default) sizes="8 16 32 64 128 256 512 1024" precs="s" samples=7 target=25 works="W1 W2 W2p1" epochs=1 ;;
full) sizes="8 16 32 64 128 192 256 384 512 768 1024 1536 2048" precs="s d" samples=11 target=100 works="W1 W2 W3 W2p1" epochs=3 ;;
esac

tag=peers
. "$here/common.sh"
pick_coretype
pick_blis_arch

if [ "$format" = csv ]; then
	echo "suite,kernel,level,shape,threads,ns_per_op,rate,unit,spread_pct,samples,pct_peak,speedup,note"
	echo "info,peers,,,0,0,0,,0,0,0,0,bench/peers/run.sh $mode on $(date -u '+%Y-%m-%d %H:%M UTC'); ${blas//,/ and }; OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}; EMBER_BLIS_ARCH=${EMBER_BLIS_ARCH:-unset}; BLIS_ARCH_TYPE=${BLIS_ARCH_TYPE:-unset}"
else
	printf '{"suite":"info","kernel":"peers","level":"","shape":"","threads":0,"ns_per_op":0,"rate":0,"unit":"","spread_pct":0,"samples":0,"note":"bench/peers/run.sh %s on %s; %s; OPENBLAS_CORETYPE=%s; EMBER_BLIS_ARCH=%s; BLIS_ARCH_TYPE=%s"}\n' \
		"$mode" "$(date -u '+%Y-%m-%d %H:%M UTC')" "${blas//,/ and }" "${OPENBLAS_CORETYPE:-unset}" "${EMBER_BLIS_ARCH:-unset}" "${BLIS_ARCH_TYPE:-unset}"
fi

for suite in "${suites[@]}"; do
	case $suite in
	gemm)
		command -v gcc >/dev/null || install gcc libc6-dev
		ma=$(gcc -print-multiarch)
		declare -A bin=()
		for lib in ${blas//,/ }; do
			# Debian's pthread builds of both, side by side: each has its
			# own cblas.h and library directory.
			case $lib in
			openblas) pkg=libopenblas-dev dir=openblas-pthread link=(-lopenblas) def=() ;;
			blis) pkg=libblis-pthread-dev dir=blis-pthread link=(-lblis -lm) def=(-DPEER_BLIS) ;;
			esac
			inc=/usr/include/$ma/$dir libdir=/usr/lib/$ma/$dir
			[ -e "$inc/cblas.h" ] || install "$pkg"
			# Named by the source's checksum: never a stale build, nor
			# another checkout's program of the same name.
			bin[$lib]=${TMPDIR:-/tmp}/ember-peer-gemm-$lib-$(cat "$here/gemm_cblas.c" "$here/blis_arch.h" | cksum | cut -d' ' -f1)
			if [ ! -x "${bin[$lib]}" ]; then
				gcc -O2 "${def[@]}" -I"$inc" -o "${bin[$lib]}" "$here/gemm_cblas.c" -L"$libdir" -Wl,-rpath,"$libdir" "${link[@]}"
			fi
		done
		csvflag=()
		[ "$format" = json ] || csvflag=(-csv)
		squares=""
		for n in $sizes; do squares+="$n,$n,$n,N,N "; done
		for prec in $precs; do
			for th in ${threads//,/ }; do
				for sh in $squares $gemv_shapes $mlp_shapes; do
					IFS=, read -r m n k ta tb <<<"$sh"
					for lib in ${blas//,/ }; do
						say "$lib ${prec}gemm ${m}x${n}x${k} $ta$tb, $th thread(s)"
						OPENBLAS_NUM_THREADS=$th BLIS_NUM_THREADS=$th "${bin[$lib]}" "${csvflag[@]}" "$prec" "$m" "$n" "$k" "$ta" "$tb" "$th" "$samples" "$target"
					done
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
