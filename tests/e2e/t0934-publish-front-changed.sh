#!/bin/sh
# Issue 12, "All or nothing" / "current": report.xml, its logo and
# REPORT_DATE reach the PDFs through front.id (pipeline/year.mk), not the
# manifest that publish takes again.  An edit of report.xml after front.id
# was taken and before publish (simulated by keeping the old front.id:
# make -o) must publish nothing, with a clear message, exit 1; the next run
# publishes the edit.
. "$(dirname "$0")/../lib.sh"

export SOURCE_DATE_EPOCH=1700000000
test_inputs 2014
I=$TRASH/input
O=$TRASH/output/2014
W=$TRASH/work/2014

test_expect_success 'report.xml edited during the run: nothing published, exit 1' '
	test_make report YEAR=2014 2>/dev/null &&
	rm -rf "$TRASH/prev" && cp -r "$O" "$TRASH/prev" &&
	sed -i "s|<subtitle>（平成26年度）</subtitle>|<subtitle>（平成26年度・改訂版）</subtitle>|" \
		"$I/2014/report.xml" &&
	grep -q "改訂版" "$I/2014/report.xml" &&
	st=0 && test_make year-report YEAR=2014 -o "$W/front.id" >"$TRASH/out" 2>&1 || st=$? &&
	test $st -ne 0 &&
	grep -F "error: report.xml, its logo or REPORT_DATE changed during the run; nothing was published: run make again" "$TRASH/out" &&
	diff -r "$TRASH/prev" "$O" &&
	! pdftotext -q "$O/annual-report-2014.pdf" - | grep -q "改訂版"
'

test_expect_success 'publish itself exits 1 on a changed front.id' '
	printf "changed\n" >"$W/front.id.now" &&
	st=0 &&
	"$BD/bin/publish" --manifest "$W/manifest.xml" --year 2014 \
		--submissions "$I/2014/submissions" --registry "$I/ministries.xml" \
		--plan "$I/2014/plan.xml" --matrix "$I/2014/matrix.xml" \
		--front-id "$W/front.id" --front-id-now "$W/front.id.now" --stage-in "$W" -o "$O" \
		"$W/annual-report-2014.pdf" 2>"$TRASH/p.err" || st=$? &&
	test $st -eq 1 &&
	grep -qxF "$I/2014: error: report.xml, its logo or REPORT_DATE changed during the run; nothing was published: run make again" "$TRASH/p.err" &&
	diff -r "$TRASH/prev" "$O"
'

test_expect_success 'the next run publishes the edit' '
	test_make report YEAR=2014 2>/dev/null &&
	pdftotext -q "$O/annual-report-2014.pdf" - | grep -q "改訂版"
'

test_expect_success 'REPORT_DATE changed during the run: nothing published' '
	rm -rf "$TRASH/prev" && cp -r "$O" "$TRASH/prev" &&
	st=0 && test_make year-report YEAR=2014 REPORT_DATE=2015-07-01 -o "$W/front.id" \
		>"$TRASH/out" 2>&1 || st=$? &&
	test $st -ne 0 &&
	grep -qF "REPORT_DATE changed during the run" "$TRASH/out" &&
	diff -r "$TRASH/prev" "$O"
'

test_done
