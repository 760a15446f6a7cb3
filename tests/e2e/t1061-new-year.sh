#!/bin/sh
# Issue 14: make new-year YEAR=2015 FROM=2014 makes input/2015/ from 2014
# (plan and matrix carried over as year 2015, report.xml with every block
# marked review="required" and no date, an empty submissions/ with its
# README) and prints a checklist; it never overwrites a year.  make report
# then fails naming every review="required" block and the empty date;
# make draft renders with 【要確認】 and lists them; once they are
# resolved, make report passes.
. "$(dirname "$0")/../lib.sh"

test_year 2014
N=$I/2015

test_expect_success 'make new-year: the folder, the carried files, the checklist' '
	test_make new-year YEAR=2015 FROM=2014 >"$TRASH/out" 2>"$TRASH/err" &&
	grep -q "^<plan year=\"2015\"" "$N/plan.xml" &&
	grep -q "^<matrix year=\"2015\"" "$N/matrix.xml" &&
	sed "0,/^<plan /s/^<plan year=\"2015\"/<plan year=\"2014\"/" "$N/plan.xml" | cmp - "$I/2014/plan.xml" &&
	grep -q "^<report year=\"2015\">" "$N/report.xml" &&
	test "$(grep -c "<[a-z]* review=\"required\"" "$N/report.xml")" -eq 6 &&
	grep -q "^ *<date/>" "$N/report.xml" &&
	test "$(ls -A "$N/submissions")" = README.md &&
	grep -q "6 blocks say review=\"required\"" "$TRASH/out" &&
	grep -q "make report YEAR=2015" "$TRASH/out"
'

test_expect_success 'make new-year never overwrites an existing year' '
	echo "keep me" >"$N/submissions/mine.csv" && cp "$N/report.xml" "$TRASH/r.xml" &&
	! test_make new-year YEAR=2015 FROM=2014 >/dev/null 2>"$TRASH/err" &&
	grep -q "2015: error: already exists" "$TRASH/err" &&
	test "$(cat "$N/submissions/mine.csv")" = "keep me" && cmp "$TRASH/r.xml" "$N/report.xml" &&
	rm "$N/submissions/mine.csv" &&
	! test_make new-year YEAR=2016 FROM=2009 >/dev/null 2>"$TRASH/err" &&
	grep -q "2009/plan.xml: error: not found" "$TRASH/err" && ! test -e "$I/2016"
'

test_expect_success 'make report refuses, naming every review="required" block and the date' '
	! test_make report YEAR=2015 >/dev/null 2>"$TRASH/err" &&
	for e in title subtitle body preface framework closing; do
		n=$(grep -n "<$e review=\"required\"" "$N/report.xml" | cut -d: -f1) &&
		grep -q "report.xml:$n: error: <$e> still says review=\"required\"" "$TRASH/err" || exit 1
	done &&
	grep -q "report.xml:[0-9]*: error: <date> is empty" "$TRASH/err" &&
	! test -e "$TRASH/output/2015/annual-report-2015.pdf"
'

test_expect_success 'make draft renders with 【要確認】 and lists every open point' '
	test_make draft YEAR=2015 >/dev/null 2>"$TRASH/err" &&
	test "$(grep -c "warning: <[a-z]*> still says review" "$TRASH/err")" -eq 6 &&
	pdftotext -q "$TRASH/output/2015/annual-report-2015-draft.pdf" - | tr -d " \n" >"$TRASH/t" &&
	test "$(grep -o "【要確認】" "$TRASH/t" | wc -l)" -eq 3 &&
	test "$(grep -o "stillsaysreview=\"required\"" "$TRASH/t" | wc -l)" -eq 6 &&
	grep -q "<date>isempty" "$TRASH/t"
'

test_expect_success 'resolved (marks deleted, a date written): make report passes' '
	sed "s/ review=\"required\"//; s|<date/>|<date>2016-06-30</date>|" "$N/report.xml" >"$TRASH/r.xml" &&
	mv "$TRASH/r.xml" "$N/report.xml" &&
	test_make report YEAR=2015 >/dev/null 2>"$TRASH/err" &&
	pdftotext -q "$TRASH/output/2015/annual-report-2015.pdf" - | tr -d " \n" | grep -q "平成28年6月30日" &&
	! pdftotext -q "$TRASH/output/2015/annual-report-2015.pdf" - | grep -q "要確認"
'

test_done
