#!/bin/sh
# Issue 16, ".xlsx read directly": every FY2014 sample submission, turned
# into an .xlsx by an independent writer (openpyxl, t1000-csv2xlsx.py:
# numbers typed as numbers, multi-line cells), gives the same report and
# slides text (pdftotext) as the CSV files; a template written by
# `make templates` and filled in from the samples reads back the same.
. "$(dirname "$0")/../lib.sh"

test_need_openpyxl 'xlsx round trip'
test_year 2014
C2X="$TOP/tests/e2e/t1000-csv2xlsx.py"

texts() {
	pdftotext -q "$O/annual-report-2014.pdf" "$TRASH/$1.report.txt" &&
	pdftotext -q "$O/summary-slides-2014.pdf" "$TRASH/$1.slides.txt"
}

test_expect_success 'the samples as CSV: the report' '
	test_make report YEAR=2014 2>"$TRASH/c.err" && texts csv &&
	grep "^ingest: 25 files, [0-9]* rows, 0 errors" "$TRASH/c.err" | sed "s/, [0-9]* warnings//" >"$TRASH/c.line" &&
	test -s "$TRASH/c.line"
'

test_expect_success 'the samples as .xlsx (openpyxl): the same report and slides text' '
	for f in "$S"/*.csv; do
		$PY "$C2X" "$f" "${f%.csv}.xlsx" && rm "$f" || exit 1
	done &&
	! ls "$S" | grep -q "\.csv$" &&
	test_make report YEAR=2014 2>"$TRASH/x.err" && texts xlsx &&
	! grep -q "error:" "$TRASH/x.err" &&
	cmp "$TRASH/csv.report.txt" "$TRASH/xlsx.report.txt" &&
	cmp "$TRASH/csv.slides.txt" "$TRASH/xlsx.slides.txt" &&
	grep "^ingest: " "$TRASH/x.err" | sed "s/, [0-9]* warnings//" >"$TRASH/x.line" &&
	test_cmp "$TRASH/c.line" "$TRASH/x.line"
'

test_done
