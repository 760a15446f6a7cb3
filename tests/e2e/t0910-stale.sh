#!/bin/sh
# Issue 12, "Content, not mtimes, decides what is current": adding,
# deleting, renaming or replacing a submission (with any mtime), editing
# the plan, matrix or registry with an older mtime, or changing
# REPORT_DATE rebuilds; nothing changed rebuilds nothing.
. "$(dirname "$0")/../lib.sh"

test_year 2014
OLD=200001010000

# make report, its stderr in $TRASH/err
report() {
	test_make report YEAR=2014 "$@" >"$TRASH/err" 2>&1 || { cat "$TRASH/err"; return 1; }
}
rendered() {
	grep -q "^render: " "$TRASH/err"
}
submitted() {
	grep -cE ",$1,(提出済|評価なし)," "$O/status-2014.csv"
}

test_expect_success 'first build' '
	report && submitted mic >"$TRASH/mic0" && test "$(cat "$TRASH/mic0")" -gt 0
'

test_expect_success 'nothing changed: nothing rebuilt, nothing republished' '
	ls -i "$O/annual-report-2014.pdf" >"$TRASH/ino0" &&
	report && ! rendered && ! grep -q "^ingest: " "$TRASH/err" &&
	ls -i "$O/annual-report-2014.pdf" >"$TRASH/ino1" &&
	test_cmp "$TRASH/ino0" "$TRASH/ino1"
'

test_expect_success 'a deleted CSV: rebuilt, its pairs no longer submitted' '
	mv "$S/mic-progress.csv" "$TRASH/mic-progress.csv" &&
	report && rendered &&
	test "$(submitted mic)" -lt "$(cat "$TRASH/mic0")"
'

test_expect_success 'an added CSV (an old mtime): rebuilt, submitted again' '
	cp "$TRASH/mic-progress.csv" "$S/mic-progress.csv" &&
	touch -t $OLD "$S/mic-progress.csv" &&
	report && rendered &&
	test "$(submitted mic)" -eq "$(cat "$TRASH/mic0")"
'

test_expect_success 'a renamed CSV: rebuilt, the status names the new file' '
	mv "$S/maff-progress.csv" "$S/maff-progress-final.csv" &&
	report && rendered &&
	grep -qE ",maff,(提出済|評価なし),maff-progress-final.csv:" "$O/status-2014.csv"
'

test_expect_success 'a CSV replaced by a corrected one with an older mtime: the new text is published' '
	sed "s/。/。差替え後の本文確認。/" "$S/mhlw-progress.csv" >"$TRASH/new.csv" &&
	! cmp -s "$TRASH/new.csv" "$S/mhlw-progress.csv" &&
	mv "$TRASH/new.csv" "$S/mhlw-progress.csv" && touch -t $OLD "$S/mhlw-progress.csv" &&
	report && rendered &&
	pdftotext -q "$O/annual-report-2014.pdf" - | tr -d " \n" | grep -q "差替え後の本文確認"
'

test_expect_success 'the plan edited, an older mtime: rebuilt, the new title published' '
	sed "s/業務・情報の特性に応じた対策の重点実施のための枠組みの構築・運用/&（改題）/" \
		"$I/2014/plan.xml" >"$TRASH/plan.xml" &&
	mv "$TRASH/plan.xml" "$I/2014/plan.xml" && touch -t $OLD "$I/2014/plan.xml" &&
	report && rendered && grep -q "運用（改題）" "$O/status-2014.csv"
'

test_expect_success 'the matrix edited, an older mtime: rebuilt' '
	echo "<!-- edited -->" >>"$I/2014/matrix.xml" && touch -t $OLD "$I/2014/matrix.xml" &&
	report && grep -q "^ingest: " "$TRASH/err" && rendered
'

test_expect_success 'the registry edited, an older mtime: rebuilt' '
	echo "<!-- edited -->" >>"$I/ministries.xml" && touch -t $OLD "$I/ministries.xml" &&
	report && grep -q "^ingest: " "$TRASH/err" && rendered
'

test_expect_success 'REPORT_DATE changed: rebuilt, the PDFs differ; back again: as before' '
	cp "$O/annual-report-2014.pdf" "$TRASH/r0.pdf" &&
	report REPORT_DATE=2015-06-30 && rendered &&
	! cmp -s "$TRASH/r0.pdf" "$O/annual-report-2014.pdf" &&
	report && rendered && cmp "$TRASH/r0.pdf" "$O/annual-report-2014.pdf"
'

test_expect_success 'SOURCE_DATE_EPOCH changed: rebuilt (it dates the PDFs); back again: as before' '
	cp "$O/annual-report-2014.pdf" "$TRASH/r0.pdf" &&
	SOURCE_DATE_EPOCH=1500000000 report && rendered &&
	! cmp -s "$TRASH/r0.pdf" "$O/annual-report-2014.pdf" &&
	report && rendered && cmp "$TRASH/r0.pdf" "$O/annual-report-2014.pdf"
'

test_done
