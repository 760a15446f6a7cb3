#!/bin/sh
# Issue 12, concurrency: runs for one year are serialized by flock on
# build/Y/.lock (the binaries by a lock of their own), so four make report
# at once, 20 rounds, always leave a consistent published set and all
# exit 0; runs for different years go in parallel.
. "$(dirname "$0")/../lib.sh"

# A small year as 2013, so that 20 rounds stay quick; FY2014 validated
# beside it.
test_small_year
mkdir -p "$TRASH/in14"
cp "$TOP/input/ministries.xml" "$TRASH/in14/" && cp -r "$TOP/input/2014" "$TRASH/in14/"
THREE="annual-report-2013.pdf summary-slides-2013.pdf status-2013.csv status-2013.xlsx annual-report-2013.html"

test_expect_success 'first build' '
	test_make report YEAR=2013 2>/dev/null
'

test_expect_success 'four make report at once, 20 rounds: all exit 0, one consistent set' '
	round=1
	while [ $round -le 20 ]; do
		printf "1-2-ア,総務省,同時実行の追記 r%s\n" $round >>"$S/cas-progress.csv"
		for k in 1 2 3 4; do
			(test_make -j1 report YEAR=2013 >"$TRASH/c$k.out" 2>&1; echo $? >"$TRASH/c$k.rc") &
		done
		wait
		for k in 1 2 3 4; do
			test "$(cat "$TRASH/c$k.rc")" -eq 0 || { echo "round $round run $k:"; cat "$TRASH/c$k.out"; exit 1; }
		done
		for f in $THREE; do
			cmp "$W/$f" "$O/$f" || { echo "round $round: $f not the build of the round"; exit 1; }
		done
		# (the work files are the last build of these inputs: the set is that build)
		! ls -A "$O" | grep -v -e "^annual-report-2013.pdf$" -e "^summary-slides-2013.pdf$" \
			-e "^status-2013.csv$" -e "^status-2013.xlsx$" -e "^annual-report-2013.html$" -e "^feedback$" || { echo "round $round: stray files"; exit 1; }
		round=$((round + 1))
	done &&
	pdftotext -q "$O/annual-report-2013.pdf" - | tr -d " \n" | grep -q "同時実行の追記r20"
'

test_expect_success 'two years at once: both publish' '
	(test_make -j1 report YEAR=2013 REPORT_DATE=2015-01-05 >"$TRASH/y13.out" 2>&1; echo $? >"$TRASH/y13.rc") &
	(test_make -j1 validate YEAR=2014 INPUT="$TRASH/in14" >"$TRASH/y14.out" 2>&1; echo $? >"$TRASH/y14.rc") &
	wait &&
	test "$(cat "$TRASH/y13.rc")" -eq 0 && test "$(cat "$TRASH/y14.rc")" -eq 0 &&
	grep -q "0 errors" "$TRASH/y14.out"
'

test_done
