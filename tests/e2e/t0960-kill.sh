#!/bin/sh
# Issue 12, "All or nothing" under kills and a full disk: make report
# killed (SIGKILL to its process group) at random moments, 20 rounds,
# leaves the published three byte-identical to before or all new, and no
# temporary file in output/; a full output or work file system (a small
# tmpfs; skipped when mount is refused) keeps the previous three.
. "$(dirname "$0")/../lib.sh"

test_small_year
THREE="annual-report-2013.pdf summary-slides-2013.pdf status-2013.csv annual-report-2013.html status-2013.xlsx"

test_mounts

snap() {
	rm -rf "$TRASH/$1" && mkdir "$TRASH/$1" &&
	for f in $THREE; do cp "$O/$f" "$TRASH/$1/" || return 1; done
}
same() {
	for f in $THREE; do cmp -s "$TRASH/$1/$f" "$TRASH/$2/$f" || return 1; done
}
# Nothing in OUTDIR but the year's folder, nothing in it but the files.
no_temporaries() {
	test "$(ls -A "$TRASH/output")" = 2013 &&
	! ls -A "$O" | grep -v -e '^annual-report-2013\.pdf$' -e '^summary-slides-2013\.pdf$' \
		-e '^status-2013\.csv$' -e '^status-2013\.xlsx$' -e '^annual-report-2013\.html$' -e '^feedback$'
}

# The wall time in ms of a rebuild like those of the rounds: the kills fall within it.
ms() { date +%s%3N; }
test_expect_success 'first build' '
	test_make report YEAR=2013 2>/dev/null &&
	printf "1-2-ア,総務省,計時用の行\n" >>"$S/cas-progress.csv" &&
	t0=$(ms) && test_make report YEAR=2013 2>/dev/null && t1=$(ms) &&
	echo $((t1 - t0)) >"$TRASH/ms" && snap old
'

test_expect_success 'make report killed at random moments, 20 rounds: old or all new, no temporaries' '
	round=1 olds=0 news=0
	while [ $round -le 20 ]; do
		printf "1-2-ア,総務省,中断試験 r%s\n" $round >>"$S/cas-progress.csv"
		# setsid forks when its caller leads a process group (as the
		# harness subshell may): the new group is the one the child
		# writes down, never $! (that would be the group of the test shell).
		rm -f "$TRASH/pgid"
		setsid sh -c "echo \$\$ >\"$TRASH/pgid.tmp\" && mv \"$TRASH/pgid.tmp\" \"$TRASH/pgid\" &&
			exec make -s --no-print-directory -C \"$TOP\" INPUT=\"$TRASH/input\" \
			OUTDIR=\"$TRASH/output\" WORK=\"$TRASH/work\" report YEAR=2013" \
			>/dev/null 2>&1 &
		pid=$!
		while [ ! -s "$TRASH/pgid" ]; do sleep 0.01; done
		pgid=$(cat "$TRASH/pgid")
		# anywhere from the start to a little after a whole build takes
		sleep "$(awk -v r=$round -v t="$(cat "$TRASH/ms")" "BEGIN { srand(r * 7919); printf \"%.3f\", rand() * t * 1.2 / 1000 }")"
		kill -KILL -$pgid 2>/dev/null || :
		wait $pid 2>/dev/null || :
		snap got && no_temporaries || { echo "round $round: temporaries"; ls -A "$TRASH/output" "$O"; exit 1; }
		test_make report YEAR=2013 >/dev/null 2>&1 && snap new || { echo "round $round: no rerun"; exit 1; }
		if same got old; then olds=$((olds + 1))
		elif same got new; then news=$((news + 1))
		else echo "round $round: a mixed set"; exit 1
		fi
		cp "$TRASH"/new/* "$TRASH/old/"
		round=$((round + 1))
	done
	echo "# t0960: killed runs left the old set $olds times, the new set $news times" >"$TRASH/sets"
'
cat "$TRASH/sets" 2>/dev/null

if mkdir -p "$TRASH/probe" && mount -t tmpfs -o size=16k tmpfs "$TRASH/probe" 2>/dev/null; then
	umount "$TRASH/probe"
	# Room for one published set, not for the staged second one beside it.
	test_expect_success 'full output file system: previous three kept, no temporaries' '
		mkdir -p "$TRASH/full" &&
		kb=$(du -sk "$O" | cut -f1) &&
		mount -t tmpfs -o size=$((kb * 3 / 2))k tmpfs "$TRASH/full" && mounted "$TRASH/full" &&
		test_make report YEAR=2013 OUTDIR="$TRASH/full" 2>/dev/null &&
		mkdir "$TRASH/fprev" && cp -r "$TRASH/full/2013/"* "$TRASH/fprev/" &&
		printf "1-2-ア,総務省,満杯試験 %0600d\n" 0 >>"$S/cas-progress.csv" &&
		! test_make report YEAR=2013 OUTDIR="$TRASH/full" 2>"$TRASH/full.err" &&
		grep -E "^publish: error: .*No space left on device; nothing was published" "$TRASH/full.err" &&
		for f in $THREE; do cmp "$TRASH/fprev/$f" "$TRASH/full/2013/$f" || exit 1; done &&
		test "$(ls -A "$TRASH/full")" = 2013
	'
	test_expect_success 'full work file system: previous three kept' '
		snap before &&
		mkdir -p "$TRASH/fullw" &&
		mount -t tmpfs -o size=64k tmpfs "$TRASH/fullw" && mounted "$TRASH/fullw" &&
		printf "1-2-ア,総務省,満杯試験 w\n" >>"$S/cas-progress.csv" &&
		! test_make report YEAR=2013 WORK="$TRASH/fullw" 2>"$TRASH/fullw.err" &&
		grep -q "No space left on device" "$TRASH/fullw.err" &&
		snap after && same before after && no_temporaries
	'
else
	echo "ok - t0960-kill: full output and work file systems # SKIP mount refused (not root?)"
fi

test_done
