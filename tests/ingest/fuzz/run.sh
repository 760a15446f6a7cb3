#!/bin/sh
# Builds the libFuzzer harnesses of ingest with clang (ASan + UBSan) and
# runs each for SECONDS (default 20) on a copy of its seed corpus
# (tests/ingest/*.csv and the sample submissions for fuzz_csv; seed/norm
# for fuzz_norm).  A crash leaves crash-* in the work directory and fails;
# turn it into a golden test under tests/ingest/.
#
#   tests/ingest/fuzz/run.sh [SECONDS] [WORKDIR]
set -eu
secs=${1:-20}
top=$(cd "$(dirname "$0")/../../.." && pwd)
work=${2:-$(mktemp -d "${TMPDIR:-/tmp}/ingest-fuzz.XXXXXX")}
cd "$top"
pkgs="libxml-2.0 glib-2.0"
cflags="-g -O1 -std=c11 -D_POSIX_C_SOURCE=200809L -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined -Ipipeline/common -Ipipeline $(pkg-config --cflags $pkgs)"
libs="$(pkg-config --libs $pkgs) -lcsv -lm"
src="$(ls pipeline/common/*.c) $(ls pipeline/ingest/*.c | grep -v /main.c)"
mkdir -p "$work/csv" "$work/norm"
# shellcheck disable=SC2086
clang $cflags -o "$work/fuzz_csv" tests/ingest/fuzz/fuzz_csv.c $src $libs
# shellcheck disable=SC2086
clang $cflags -o "$work/fuzz_norm" tests/ingest/fuzz/fuzz_norm.c $src $libs
cp tests/ingest/*.csv "$work/csv/"
for f in input/*/submissions/*.csv; do [ -f "$f" ] && cp "$f" "$work/csv/$(echo "$f" | tr / _)"; done
cp tests/ingest/fuzz/seed/norm/* "$work/norm/"
export INGEST_FIXTURES="$top/tests/ingest/fixtures"
st=0
(cd "$work" && ./fuzz_csv -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 \
	csv >fuzz_csv.log 2>&1) || { st=1; tail -n 30 "$work/fuzz_csv.log"; }
(cd "$work" && ./fuzz_norm -max_total_time="$secs" norm >fuzz_norm.log 2>&1) ||
	{ st=1; tail -n 30 "$work/fuzz_norm.log"; }
for h in csv norm; do
	echo "fuzz_$h: $(grep -o 'Done [0-9]* runs.*' "$work/fuzz_$h.log" | tail -n 1)"
done
[ $st -eq 0 ] && echo "fuzz: ok ($work)" || echo "fuzz: FAILED ($work)"
exit $st
