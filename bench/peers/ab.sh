#!/usr/bin/env bash
# ember against OpenBLAS and BLIS in one process each (ab/main.go): Sgemm
# or Dgemm and the peer's cblas_sgemm/cblas_dgemm (and cblas_sgemv/dgemv on
# batch-1 shapes) alternated sample by sample, one thread, on the same
# operands, with their results checked against each other first. On a
# shared VM whose speed drifts by tens of percent within minutes, the
# per-round ratio is steadier than figures from separate processes (run.sh);
# it prints a Markdown table per peer.
#
# usage: bench/peers/ab.sh [-blas openblas,blis] [-prec s|d] [-rounds N] [-sample D] [SHAPE...]
#   SHAPE  MxNxK:TT (TT: NN, NT, TN or TT); by default the GEMM issue's
#          shapes: the batch-1 products, squares 8 to 2048 and the MLP's
#          four (dgemm: squares 256 to 2048)
#
# It installs what it needs from Debian if missing (gcc, libopenblas-dev,
# libblis-pthread-dev) and builds ab/ with cgo against each peer.
# OPENBLAS_CORETYPE and BLIS's kernels (EMBER_BLIS_ARCH) are chosen as run.sh
# chooses them (see there).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

blas="openblas,blis" prec=s rounds=21 sample=10ms shapes=()
while [ $# -gt 0 ]; do
	case $1 in
	-blas | -prec | -rounds | -sample)
		[ $# -ge 2 ] || { echo "ab.sh: $1 needs a value" >&2; exit 2; }
		declare "${1#-}=$2"
		shift
		;;
	-h | -help | --help)
		sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
		exit 0
		;;
	-*) echo "ab.sh: unknown flag $1 (see ab.sh -h)" >&2; exit 2 ;;
	*) shapes+=("$1") ;;
	esac
	shift
done
if ! [[ $blas =~ ^(openblas|blis)(,(openblas|blis))?$ && $blas != openblas,openblas && $blas != blis,blis ]]; then
	echo "ab.sh: bad -blas $blas: want openblas, blis or both, comma-separated" >&2
	exit 2
fi
if [ ${#shapes[@]} -eq 0 ]; then
	if [ "$prec" = d ]; then
		shapes=(256x256x256:NN 512x512x512:NN 1024x1024x1024:NN 2048x2048x2048:NN)
	else
		shapes=(1x1024x1024:NN 1x256x784:NN 1x256x784:NT)
		for n in 8 16 32 64 128 256 512 1024 2048; do shapes+=("${n}x${n}x${n}:NN"); done
		shapes+=(128x256x784:NN 784x256x128:TN 128x784x256:NT 128x10x128:NN)
	fi
fi

tag=ab
. "$here/common.sh"
pick_coretype
pick_blis_arch

command -v gcc >/dev/null || install gcc libc6-dev
ma=$(gcc -print-multiarch)
for lib in ${blas//,/ }; do
	case $lib in
	openblas) pkg=libopenblas-dev dir=openblas-pthread link="-lopenblas" def="" ;;
	blis) pkg=libblis-pthread-dev dir=blis-pthread link="-lblis -lm" def="-DPEER_BLIS" ;;
	esac
	inc=/usr/include/$ma/$dir libdir=/usr/lib/$ma/$dir
	[ -e "$inc/cblas.h" ] || install "$pkg"
	bin=${TMPDIR:-/tmp}/ember-ab-$lib-$$
	say "building ab against $lib"
	# The header's checksum goes into CGO_CFLAGS, part of Go's cache key:
	# the cache does not see #included files change (go.dev/issue/24355).
	hsum=$(cksum <"$here/blis_arch.h" | cut -d' ' -f1)
	(cd "$here/ab" && CGO_ENABLED=1 CGO_CFLAGS="-O2 $def -DBLIS_ARCH_H_SUM=$hsum -I$inc" CGO_LDFLAGS="-L$libdir -Wl,-rpath,$libdir $link" go build -o "$bin" .)
	rc=0
	OPENBLAS_NUM_THREADS=1 BLIS_NUM_THREADS=1 "$bin" -peer "$lib" -prec "$prec" -rounds "$rounds" -sample "$sample" "${shapes[@]}" || rc=$?
	rm -f "$bin"
	[ $rc -eq 0 ] || exit $rc
done
