#!/bin/sh
# Golden tests of ingest (lowdown/libxslt style): for each NAME.csv here,
# run ingest against fixtures/ and compare with NAME.xml (the output; absent
# when nothing must be written) and NAME.err (stderr plus "exit N").
# NAME.args, if present, replaces the default flags (--draft).
#
#   tests/ingest/run.sh [--regen] [PATH/TO/ingest]
#
# --regen rewrites the expected files from the current output; review the
# diff before committing.  Prints "ingest-golden: N passed, N failed".
set -u
regen=0
if [ "${1:-}" = --regen ]; then regen=1; shift; fi
top=$(cd "$(dirname "$0")/../.." && pwd)
ingest=${1:-${INGEST:-$top/build/bin/ingest}}
case $ingest in /*) ;; *) ingest=$(pwd)/$ingest ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ingest-golden.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$top" || exit 3
fx=tests/ingest/fixtures
pass=0 fail=0
for csv in tests/ingest/*.csv; do
	name=$(basename "$csv" .csv)
	dir=tests/ingest
	args=--draft
	[ -f "$dir/$name.args" ] && args=$(cat "$dir/$name.args")
	# shellcheck disable=SC2086
	"$ingest" --year 2014 --registry $fx/ministries.xml --plan $fx/plan.xml \
		--matrix $fx/matrix.xml $args -o "$tmp/$name.xml" "$csv" \
		2>"$tmp/$name.err"
	echo "exit $?" >>"$tmp/$name.err"
	if [ $regen = 1 ]; then
		cp "$tmp/$name.err" "$dir/$name.err"
		if [ -f "$tmp/$name.xml" ]; then cp "$tmp/$name.xml" "$dir/$name.xml"
		else rm -f "$dir/$name.xml"; fi
		continue
	fi
	ok=1
	diff -u "$dir/$name.err" "$tmp/$name.err" || ok=0
	if [ -f "$dir/$name.xml" ]; then
		if [ -f "$tmp/$name.xml" ]; then
			diff -u "$dir/$name.xml" "$tmp/$name.xml" || ok=0
		else
			echo "$name: no output written, expected $dir/$name.xml"; ok=0
		fi
	elif [ -f "$tmp/$name.xml" ]; then
		echo "$name: output written, expected none"; ok=0
	fi
	[ -e "$tmp/$name.xml.tmp" ] && { echo "$name: temporary file left"; ok=0; }
	if [ $ok = 1 ]; then pass=$((pass + 1)); echo "ok - ingest golden: $name"
	else fail=$((fail + 1)); echo "not ok - ingest golden: $name"; fi
done
echo "ingest-golden: $pass passed, $fail failed"
[ $fail -eq 0 ]
