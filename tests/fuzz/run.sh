#!/bin/sh
# Runs libFuzzer harnesses built by tests/fuzz/build.mk, each for SECONDS,
# from the repository root (the harnesses read tests/ingest/fixtures and
# fonts/fonts.conf).  The working corpus FZ/corpus-NAME starts from
# tests/fuzz/corpus/NAME plus the project's own inputs of that kind, and
# the regression inputs of tests/hostile/fuzz/NAME are run first.
#
#   tests/fuzz/run.sh SECONDS FZ NAME...
# Prints "fuzz NAME: N runs, cov C, ok|CRASH FILE" per harness; exits 1
# on any crash.
set -u
secs=$1 fz=$2
# fontconfig, pango and GLib keep caches until exit (tests/lsan.supp)
export LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=print_stacktrace=1
shift 2
st=0
for name in "$@"; do
	bin=$fz/fuzz_$name work=$fz/corpus-$name
	mkdir -p "$work"
	extra=""
	case $name in
	ingest) extra="tests/ingest tests/hostile/csv input/2013/submissions input/2014/submissions" ;;
	pdoc) extra="tests/render tests/hostile/pdoc" ;;
	xmlio) extra="tests/hostile/xml tests/schema" ;;
	esac
	seeds=""
	for s in tests/fuzz/corpus/$name $extra; do [ -d "$s" ] && seeds="$seeds $s"; done
	max=65536
	[ "$name" = norm ] && max=256
	# regressions first: every file must run clean
	if [ -d "tests/hostile/fuzz/$name" ] && ls "tests/hostile/fuzz/$name"/* >/dev/null 2>&1; then
		if ! "$bin" -rss_limit_mb=4096 "tests/hostile/fuzz/$name"/* >"$fz/$name-regress.log" 2>&1; then
			echo "fuzz $name: REGRESSION (see $fz/$name-regress.log)"
			st=1
			continue
		fi
	fi
	# shellcheck disable=SC2086
	"$bin" -max_total_time="$secs" -max_len=$max -timeout=20 -rss_limit_mb=4096 \
		-artifact_prefix="$fz/$name-" -print_final_stats=1 "$work" $seeds \
		>"$fz/$name.log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$fz/$name.log" | tail -n 1)
	cov=$(grep -o 'cov: [0-9]*' "$fz/$name.log" | tail -n 1)
	if [ $rc -eq 0 ]; then
		echo "fuzz $name: ${runs:-?} runs, ${cov:-cov: ?}, ok"
	else
		art=$(ls -t "$fz/$name"-crash-* "$fz/$name"-leak-* "$fz/$name"-timeout-* \
			"$fz/$name"-oom-* 2>/dev/null | head -n 1)
		echo "fuzz $name: ${runs:-?} runs, CRASH ${art:-?} (log $fz/$name.log)"
		grep -m 3 -E 'ERROR: |SUMMARY: |runtime error' "$fz/$name.log" | sed 's/^/  /'
		st=1
	fi
done
exit $st
