#!/bin/sh
# Issue 12, "All or nothing": the three files of a year are published
# together by pipeline/publish (a staged folder swapped in), or not at all:
# a failing stage publishes nothing, inputs changed during the run are
# refused, the draft files stay beside the report, and no writer follows a
# symlink planted in the work or output folder.
. "$(dirname "$0")/../lib.sh"

test_year 2014
THREE="annual-report-2014.pdf summary-slides-2014.pdf status-2014.csv"

edit_csv() {
	printf '1-1-1-ア,内閣官房,公開試験の追記 %s\r\n' "$1" >>"$S/cas-progress.csv"
}
save() {
	rm -rf "$TRASH/prev" && mkdir "$TRASH/prev" && cp -r "$O"/* "$TRASH/prev/"
}
same_as_saved() {
	for f in "$TRASH"/prev/*; do diff -rq "$f" "$O/${f##*/}" || return 1; done
}

test_expect_success 'report and draft: six files, the draft kept beside the report' '
	test_make report YEAR=2014 2>/dev/null && test_make draft YEAR=2014 2>/dev/null &&
	for f in $THREE annual-report-2014-draft.pdf summary-slides-2014-draft.pdf \
		status-2014-draft.csv; do test -s "$O/$f" || exit 1; done &&
	save && edit_csv one &&
	test_make report YEAR=2014 2>/dev/null &&
	cmp "$TRASH/prev/annual-report-2014-draft.pdf" "$O/annual-report-2014-draft.pdf" &&
	! cmp -s "$TRASH/prev/annual-report-2014.pdf" "$O/annual-report-2014.pdf" &&
	! ls -a "$TRASH/output" | grep -v "^\.\{1,2\}$" | grep -v "^2014$"
'

test_expect_success 'a stage failing after the checks (render of the slides): nothing published' '
	save && edit_csv two &&
	mkdir "$W/summary-slides-2014.pdf.tmp" &&
	! test_make -j1 report YEAR=2014 >"$TRASH/f.out" 2>&1 &&
	same_as_saved &&
	rmdir "$W/summary-slides-2014.pdf.tmp" &&
	test_make report YEAR=2014 2>/dev/null &&
	! cmp -s "$TRASH/prev/annual-report-2014.pdf" "$O/annual-report-2014.pdf" &&
	for f in $THREE; do cmp "$W/$f" "$O/$f" || exit 1; done
'

test_expect_success 'inputs changed after the build: publish refuses, exit 1, nothing published' '
	save && edit_csv three && test_make report YEAR=2014 2>/dev/null &&
	save && edit_csv four &&
	test_make -j1 "$W/annual-report-2014.pdf" "$W/summary-slides-2014.pdf" \
		"$W/status-2014.csv" 2>/dev/null &&
	edit_csv five &&
	st=0 &&
	"$BD/bin/publish" --manifest "$W/manifest.xml" --year 2014 --submissions "$S" \
		--registry "$I/ministries.xml" --plan "$I/2014/plan.xml" \
		--matrix "$I/2014/matrix.xml" --report-date "" --stage-in "$W" -o "$O" \
		"$W/annual-report-2014.pdf" "$W/summary-slides-2014.pdf" "$W/status-2014.csv" \
		2>"$TRASH/p.err" || st=$? &&
	test $st -eq 1 &&
	grep -F "error: the inputs changed during the run" "$TRASH/p.err" &&
	same_as_saved && ! ls -a "$W" | grep -q "^\.publish-"
'

test_expect_success 'symlinks planted in the work and output folders are never followed' '
	echo precious >"$TRASH/victim" &&
	ln -s "$TRASH/victim" "$O/status-2014.csv.tmp" &&
	ln -s "$TRASH/victim" "$W/status-2014.csv.tmp" &&
	ln -s "$TRASH/victim" "$W/annual-report-2014.pdf.tmp" &&
	ln -s "$TRASH/victim" "$W/submissions.xml.tmp" &&
	edit_csv six && test_make report YEAR=2014 2>"$TRASH/six.err" &&
	test "$(cat "$TRASH/victim")" = precious &&
	pdftotext -q "$O/annual-report-2014.pdf" - | tr -d " \n" | grep -q "公開試験の追記six"
'

test_expect_success 'output/2014 a symlink: refused, its target untouched' '
	mkdir "$TRASH/elsewhere" && rm -rf "$TRASH/out2" && mkdir "$TRASH/out2" &&
	ln -s "$TRASH/elsewhere" "$TRASH/out2/2014" &&
	! test_make report YEAR=2014 OUTDIR="$TRASH/out2" 2>"$TRASH/l.err" &&
	grep -F "is not a folder" "$TRASH/l.err" &&
	test -z "$(ls -A "$TRASH/elsewhere")"
'

test_done
