#!/bin/sh
# Issue 17, "An HTML edition": make report and make draft publish
# annual-report-Y.html and annual-report-Y-draft.html beside the PDFs: one
# self-contained file each that passes an HTML5 parse without an error
# and axe-core (in Debian's headless Chromium) without a violation of the
# WCAG 2.1 A and AA rules; lang="ja", one h1, no skipped heading level,
# a 目次 <nav>, <th scope>, footnotes linked both ways, charts titled with
# their alternative text, 案 on the draft only; the same text as the PDF.
. "$(dirname "$0")/../lib.sh"

export SOURCE_DATE_EPOCH=1700000000
test_inputs 2014
O=$TRASH/output/2014
W=$TRASH/work/2014
CHECK="/usr/bin/python3 $TOP/tests/a11y/html_check.py"

test_expect_success 'report and draft publish the HTML edition with the PDFs' '
	test_make report YEAR=2014 2>/dev/null && test_make draft YEAR=2014 2>/dev/null &&
	cmp "$W/annual-report-2014.html" "$O/annual-report-2014.html" &&
	cmp "$W/draft/annual-report-2014-draft.html" "$O/annual-report-2014-draft.html"
'

test_expect_success 'the same bytes when made again (no run-dependent ids)' '
	rm -r "$W/html" "$W/annual-report-2014.html" &&
	test_make YEAR=2014 "$W/annual-report-2014.html" 2>/dev/null &&
	cmp "$W/annual-report-2014.html" "$O/annual-report-2014.html"
'

test_expect_success 'self-contained: no script, no file or address it loads' '
	for f in "$O"/annual-report-2014.html "$O"/annual-report-2014-draft.html; do
		! grep -Eiq "<script|<link|<img|<iframe|<object|src=|url\(|@import" "$f" || exit 1
		grep -q "<style>" "$f" && grep -q "<svg" "$f"
	done
'

test_expect_success 'an HTML5 parse without one error (html5lib, strict)' '
	$CHECK parse "$O/annual-report-2014.html" "$O/annual-report-2014-draft.html"
'

test_expect_success 'structure: lang, one h1, heading order, 目次 nav, th scope, footnotes both ways' '
	$CHECK struct "$O/annual-report-2014.html" &&
	$CHECK struct "$O/annual-report-2014-draft.html" --draft
'

test_expect_success 'the checks fail on a skipped level, a th without scope, a one-way footnote' '
	f="$O/annual-report-2014.html" &&
	sed "s|<h3 class=\"l3\">（1）\([^<]*\)</h3>|<h4>（1）\1</h4>|" "$f" >"$TRASH/a.html" &&
	! $CHECK struct "$TRASH/a.html" >"$TRASH/a.out" && grep -F "level skipped" "$TRASH/a.out" &&
	sed "0,/<th scope=\"col\">/s//<th>/" "$f" >"$TRASH/b.html" &&
	! $CHECK struct "$TRASH/b.html" >"$TRASH/b.out" && grep -F "without scope" "$TRASH/b.out" &&
	sed "0,/class=\"back\" href=\"#fnref-[^\"]*\"/s//class=\"back\" href=\"#intro\"/" "$f" >"$TRASH/c.html" &&
	! $CHECK struct "$TRASH/c.html" >"$TRASH/c.out" && grep -F "links back to no mark" "$TRASH/c.out" &&
	! $CHECK struct "$f" --draft
'

test_expect_success 'the same text as the PDF, white space aside (report and draft)' '
	$CHECK text "$O/annual-report-2014.pdf" "$O/annual-report-2014.html" &&
	$CHECK text "$O/annual-report-2014-draft.pdf" "$O/annual-report-2014-draft.html" &&
	sed "s/CSIRT訓練を年3回実施し/CSIRT訓練を年4回実施し/" "$O/annual-report-2014.html" >"$TRASH/d.html" &&
	! $CHECK text "$O/annual-report-2014.pdf" "$TRASH/d.html" >"$TRASH/d.out" &&
	grep -F "年4回" "$TRASH/d.out"
'

test_expect_success 'chart titles: the alternative text from the data, as in the PDF' '
	grep -o "<title id=\"chart-[^\"]*\">[^<]*" "$O/annual-report-2014.html" >"$TRASH/t.txt" &&
	test "$(wc -l <"$TRASH/t.txt")" -eq 16 &&
	grep -F "図：サイバー攻撃に対する各種訓練及び研修の実施状況の推移。2012年度 4回、2013年度 4回、2014年度 5回。" "$TRASH/t.txt" &&
	$CHECK alt "$O/annual-report-2014.pdf" "$O/annual-report-2014.html"
'

A=$AXE
if has_axe; then
	test_expect_success 'axe-core in headless Chromium: no WCAG 2.1 A/AA violation' '
		axe_setup &&
		node "$A/axe.js" --pdf "$TRASH/print.pdf" "$O/annual-report-2014.html" \
			"$O/annual-report-2014-draft.html"
	'
	test_expect_success 'printed (its print CSS): A4 pages' '
		pdfinfo "$TRASH/print.pdf" >"$TRASH/print.info" &&
		grep -E "^Page size: .* pts \(A4\)" "$TRASH/print.info" &&
		test "$(sed -n "s/^Pages: *//p" "$TRASH/print.info")" -gt 50
	'
	test_expect_success 'the draft printed: 案 and DRAFT on every A4 page' '
		node "$A/axe.js" --pdf "$TRASH/draft.pdf" "$O/annual-report-2014-draft.html" &&
		n=$(pdfinfo "$TRASH/draft.pdf" | sed -n "s/^Pages: *//p") && test "$n" -gt 50 &&
		p=1 && while [ $p -le $n ]; do
			pdftotext -f $p -l $p "$TRASH/draft.pdf" - | grep -q "DRAFT" || exit 1
			pdftotext -f $p -l $p "$TRASH/draft.pdf" - | grep -q "案" || exit 1
			p=$((p + 1))
		done
	'
	test_expect_success 'axe-core finds a violation when there is one (no lang, a grey too light)' '
		sed "s/<html lang=\"ja\">/<html>/; s/color: #1a1a1a; background/color: #aaa; background/" \
			"$O/annual-report-2014.html" >"$TRASH/e.html" &&
		! node "$A/axe.js" "$TRASH/e.html" >"$TRASH/e.out" &&
		grep -F "html-has-lang" "$TRASH/e.out" && grep -F "color-contrast" "$TRASH/e.out"
	'
else
	test_skip 'axe-core in headless Chromium' 'no /usr/bin/chromium or npm (pipeline/deps.sh test)'
fi

test_done
