#!/bin/sh
# Issue 13: a change to one area's rows re-joins and re-composes that area
# alone; the other areas' models and page descriptions are left as they
# are (ingest rewrites a per-area file only when its bytes change, and a
# check that passes again does not count as a change).
. "$(dirname "$0")/../lib.sh"

test_year 2014

changed() {
	find "$W/$1" -name "$2" -newer "$TRASH/mark" | wc -l
}

test_expect_success 'first build' '
	test_make report YEAR=2014 >/dev/null 2>&1 &&
	test "$(ls "$W"/model/*.xml | wc -l)" -ge 2
'

test_expect_success 'a submission touched with the same content: no area re-joined' '
	sleep 1 && touch "$TRASH/mark" && sleep 1 &&
	cp -p "$S/mic-progress.csv" "$TRASH/mic.csv" && rm "$S/mic-progress.csv" &&
	cp "$TRASH/mic.csv" "$S/mic-progress.csv" &&
	test_make report YEAR=2014 >/dev/null 2>&1 &&
	test "$(changed model "*.xml")" -eq 0
'

test_expect_success 'one row of area 1 changed: only that area is re-joined and re-composed' '
	sleep 1 && touch "$TRASH/mark" && sleep 1 &&
	sed "2s/所要の対応を実施した。/所要の対応を実施した（差替え）。/" "$TRASH/mic.csv" >"$S/mic-progress.csv" &&
	! cmp -s "$TRASH/mic.csv" "$S/mic-progress.csv" &&
	test_make report YEAR=2014 >/dev/null 2>&1 &&
	test "$(changed model "*.xml")" -eq 1 &&
	test "$(changed report "area-*.pdoc")" -eq 1 &&
	pdftotext "$TRASH/output/2014/annual-report-2014.pdf" - | tr -d "\n" | grep -q "（差替え）"
'

test_done
