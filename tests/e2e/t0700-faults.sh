#!/bin/sh
# Faults (issue 6, issue 12): every stage writes OUT.tmp + rename in the
# work folder and publish puts the three files into output/ at once, so a
# renderer killed mid-way (kill -9) leaves the previous PDFs byte-identical
# and the next run repairs everything; a read-only or full output or work
# directory is a clear error with a non-zero exit and no partial file;
# `make -j2 report` gives the same bytes as `make -j1` under
# SOURCE_DATE_EPOCH.
#
# Mounting (read-only bind, 64 KiB tmpfs) needs root; without it those
# tests are skipped with a message.
. "$(dirname "$0")/../lib.sh"

test_year 2014
CSV=$(grep -l "^施策番号,府省庁,実績" "$TRASH"/input/2014/submissions/*.csv | head -n 1)
# Mounts made by a test (a subshell) are listed in $TRASH/.mounts and
# undone here, last first, even when a test fails half-way.
test_mounts

# Changes the first CSV so the next run has different PDFs to make.  The
# row is caa-progress.csv's own ministry's: one of another ministry that
# has its own file would be two versions of one submission (issue 12).
edit_csv() {
	printf '1-1-1-ア,消費者庁,障害試験の追記 %s\r\n' "$1" >>"$CSV"
}

save_pdfs() {
	mkdir -p "$TRASH/prev" &&
	cp "$O"/annual-report-2014.pdf "$O"/summary-slides-2014.pdf "$O"/status-2014.csv "$TRASH/prev/"
}

same_as_saved() {
	cmp "$TRASH/prev/annual-report-2014.pdf" "$O/annual-report-2014.pdf" &&
	cmp "$TRASH/prev/summary-slides-2014.pdf" "$O/summary-slides-2014.pdf"
}

can_mount() {
	mkdir -p "$TRASH/mnt-probe" &&
	mount -t tmpfs -o size=16k tmpfs "$TRASH/mnt-probe" 2>/dev/null &&
	umount "$TRASH/mnt-probe"
}

test_expect_success 'make report builds the FY2014 PDFs (the previous outputs)' '
	test_make report YEAR=2014 2>"$TRASH/err" &&
	save_pdfs
'

test_expect_success 'render killed with SIGKILL mid-way: previous PDFs byte-identical' '
	edit_csv killed &&
	(st=0; test_make report YEAR=2014 >"$TRASH/kill.out" 2>&1 || st=$?; echo $st >"$TRASH/kill.rc") &
	mk=$! pid="" i=0
	while [ $i -lt 600 ]; do
		pid=$(pgrep -f "bin/render .*-o $W/annual-report-2014.pdf" | head -n 1)
		[ -n "$pid" ] && break
		sleep 0.05; i=$((i + 1))
	done
	test -n "$pid" || { echo "render never started"; cat "$TRASH/kill.out"; exit 1; }
	# mid-way: once it has begun writing its temporary PDF
	i=0
	while [ ! -s "$W/annual-report-2014.pdf.tmp" ] && [ $i -lt 2000 ] && kill -0 "$pid" 2>/dev/null; do
		sleep 0.01; i=$((i + 1))
	done
	kill -9 "$pid" || { echo "render finished before it could be killed"; exit 1; }
	wait $mk
	grep -q "Killed\|Error 137" "$TRASH/kill.out" &&
	test "$(cat "$TRASH/kill.rc")" -ne 0 &&
	same_as_saved
'

test_expect_success 'after the kill: no PDF.tmp is taken as fresh; the next run rebuilds the PDF' '
	test_make report YEAR=2014 2>"$TRASH/err2" &&
	! ls "$O"/*.tmp 2>/dev/null &&
	! cmp -s "$TRASH/prev/annual-report-2014.pdf" "$O/annual-report-2014.pdf" &&
	pdftotext -q "$O/annual-report-2014.pdf" - | tr -d " \n" | grep -q "障害試験の追記killed" &&
	qpdf --check "$O/annual-report-2014.pdf" >/dev/null
'

# SIGTERM, not SIGINT: a background job of a non-interactive shell
# ignores SIGINT, and render would inherit that.
test_expect_success 'SIGTERM to render mid-way: PDFs intact, the next run is clean' '
	save_pdfs && edit_csv interrupted &&
	(st=0; test_make report YEAR=2014 >"$TRASH/int.out" 2>&1 || st=$?; echo $st >"$TRASH/int.rc") &
	mk=$! pid="" i=0
	while [ $i -lt 600 ]; do
		pid=$(pgrep -f "bin/render .*-o $W/annual-report-2014.pdf" | head -n 1)
		[ -n "$pid" ] && break
		sleep 0.05; i=$((i + 1))
	done
	test -n "$pid" || { echo "render never started"; exit 1; }
	i=0
	while [ ! -s "$W/annual-report-2014.pdf.tmp" ] && [ $i -lt 2000 ] && kill -0 "$pid" 2>/dev/null; do
		sleep 0.01; i=$((i + 1))
	done
	kill -TERM "$pid" || { echo "render finished before it could be stopped"; exit 1; }
	wait $mk
	test "$(cat "$TRASH/int.rc")" -ne 0 &&
	same_as_saved &&
	test_make report YEAR=2014 2>/dev/null && ! ls "$O"/*.tmp 2>/dev/null
'

if can_mount; then
	test_expect_success 'read-only output directory: clear error, exit non-zero, PDFs kept' '
		save_pdfs && edit_csv readonly &&
		mount --bind "$O" "$O" && mounted "$O" &&
		mount -o remount,ro,bind "$O" &&
		! test_make -j1 report YEAR=2014 2>"$TRASH/ro.err" &&
		grep -E "^publish: error: .*$O.*; nothing was published" "$TRASH/ro.err" &&
		umount "$O" &&
		same_as_saved && ! ls -A "$O" | grep -v -e "\.pdf$" -e "\.csv$" -e "\.xlsx$" -e "\.html$" -e "^feedback$" &&
		test "$(ls -A "$TRASH/output")" = 2014
	'

	test_expect_success 'full output directory (64 KiB tmpfs): clear error, no partial PDF' '
		rm -rf "$TRASH/full" && mkdir -p "$TRASH/full" &&
		mount -t tmpfs -o size=64k tmpfs "$TRASH/full" && mounted "$TRASH/full" &&
		! test_make -j1 report YEAR=2014 OUTDIR="$TRASH/full" 2>"$TRASH/full.err" &&
		grep -E "^publish: error: cannot write the copy of .*: No space left on device; nothing was published" "$TRASH/full.err" &&
		test -z "$(ls -A "$TRASH/full")"
	'

	test_expect_success 'full work directory: ingest reports it and exits 3' '
		rm -rf "$TRASH/fullw" && mkdir -p "$TRASH/fullw" &&
		mount -t tmpfs -o size=16k tmpfs "$TRASH/fullw" && mounted "$TRASH/fullw" &&
		! test_make report YEAR=2014 WORK="$TRASH/fullw" 2>"$TRASH/fullw.err" &&
		grep -qx "$TRASH/fullw/2014/submissions[./].*: error: cannot write: No space left on device" "$TRASH/fullw.err" &&
		! grep -q "^I/O error" "$TRASH/fullw.err" &&
		! ls "$TRASH/fullw/2014/"*.tmp "$TRASH/fullw/2014/submissions.xml" "$TRASH/fullw/2014/submissions/"*.tmp 2>/dev/null
	'

	# (-j1: make report runs jobs in parallel by default, and the first job
	# to fail could stop make before the report's render starts; this test
	# wants render's own message.)  render writes the PDF through its own
	# cairo stream function, which keeps errno: the cause, not cairo's
	# "error while writing to output stream".  3 MiB hold the XML files up
	# to report.pdoc, not the report's PDF.
	test_expect_success 'render names the cause: No space left on device; PDFs kept' '
		save_pdfs && edit_csv fullrender &&
		rm -rf "$TRASH/fullr" && mkdir -p "$TRASH/fullr" &&
		mount -t tmpfs -o size=3m tmpfs "$TRASH/fullr" && mounted "$TRASH/fullr" &&
		! test_make -j1 report YEAR=2014 WORK="$TRASH/fullr" 2>"$TRASH/fullr.err" &&
		grep -E "^$TRASH/fullr/2014/annual-report-2014\.pdf: error: .*No space left on device" "$TRASH/fullr.err" &&
		same_as_saved
	'
else
	for n in 'read-only output directory' 'full output directory' 'full work directory' \
	    'render names the cause: No space left on device; PDFs kept'; do
		test_skip "$n" "mount refused (not root?)"
	done
fi

test_expect_success 'make -j2 report gives the same bytes as make -j1 (SOURCE_DATE_EPOCH)' '
	test_make -j1 report YEAR=2014 OUTDIR="$TRASH/j1" WORK="$TRASH/w1" 2>/dev/null &&
	test_make -j2 report YEAR=2014 OUTDIR="$TRASH/j2" WORK="$TRASH/w2" 2>/dev/null &&
	for f in annual-report-2014.pdf summary-slides-2014.pdf status-2014.csv; do
		cmp "$TRASH/j1/2014/$f" "$TRASH/j2/2014/$f" || exit 1
	done &&
	for f in year.xml $(cd "$TRASH/w1/2014" && echo model/*.xml); do
		cmp "$TRASH/w1/2014/$f" "$TRASH/w2/2014/$f" || exit 1
	done
'

test_expect_success 'make -j4 draft and report at once in one tree: both complete' '
	test_make -j4 report draft YEAR=2014 OUTDIR="$TRASH/j4" WORK="$TRASH/w4" 2>/dev/null &&
	cmp "$TRASH/j1/2014/annual-report-2014.pdf" "$TRASH/j4/2014/annual-report-2014.pdf" &&
	test -s "$TRASH/j4/2014/annual-report-2014-draft.pdf"
'

test_done
