#!/bin/sh
# End to end: `make report` on the real FY2014 inputs (and FY2013), then
# semantic checks of the PDFs: text (pdftotext), fonts (pdffonts),
# structure (qpdf), reproducibility (SOURCE_DATE_EPOCH + cmp), strictness.
. "$(dirname "$0")/../lib.sh"

export SOURCE_DATE_EPOCH=1700000000
test_inputs 2013 2014
O=$TRASH/output/2014

# Text of the report's text block, white space removed, with the plan's
# footnotes (number + text) taken out: they interleave with a paragraph
# that crosses a page foot.
body_text() {
	xmllint --xpath "//footnote" "$TRASH/input/2014/plan.xml" |
		sed "s/<footnote[^>]* n=\"\([0-9]*\)\"[^>]*>/\1/g; s/<[^>]*>//g" |
		sed "s/&quot;/\"/g; s/&amp;/\\&/g; s/&lt;/</g; s/&gt;/>/g" >"$TRASH/footnotes" &&
	python3 "$TOP/tests/pdftext.py" body "$1" --strip "$TRASH/footnotes" >"$2"
}

all_found() {
	python3 "$TOP/tests/pdftext.py" missing "$2" "$1"
}

test_expect_success 'make report YEAR=2014 builds both PDFs and the status' '
	test_make report YEAR=2014 2>"$TRASH/report.err" &&
	test -s $O/annual-report-2014.pdf &&
	test -s $O/summary-slides-2014.pdf &&
	test -s $O/status-2014.csv &&
	! ls $O/*.tmp 2>/dev/null
'

test_expect_success 'every stage printed its progress line' '
	grep -E "^ingest: [0-9]+ files, [0-9]+ rows, 0 errors, [0-9]+ warnings" "$TRASH/report.err" &&
	grep -E "^render: " "$TRASH/report.err"
'

test_expect_success 'qpdf --check passes on both PDFs' '
	qpdf --check $O/annual-report-2014.pdf &&
	qpdf --check $O/summary-slides-2014.pdf
'

test_expect_success 'pdffonts lists only embedded subsets of the pinned families' '
	for f in $O/annual-report-2014.pdf $O/summary-slides-2014.pdf; do
		pdffonts "$f" | tail -n +3 >"$TRASH/fonts" &&
		test -s "$TRASH/fonts" &&
		! awk "{ if (\$(NF-4) != \"yes\" || \$(NF-3) != \"yes\") print }" "$TRASH/fonts" | grep . &&
		! grep -v -E "^[A-Z]{6}\+(BIZUD|NotoSansCJK|NotoSerifCJK|Noto)" "$TRASH/fonts" | grep . ||
		exit 1	# (else only the last PDF would count: a loop returns its last round)
	done
'

test_expect_success 'the report text has every area, field and measure title of the plan' '
	body_text $O/annual-report-2014.pdf "$TRASH/report.txt" &&
	# the plan as ingest passes it on (widths decided there, issue 15)
	for f in "$TRASH"/work/2014/submissions/area-*.xml; do
		xmllint --xpath "//area/@title|//field/@title|//section/@title|//measure/@title" "$f"
	done | sed "s/^ *[a-z]*=\"//; s/\"\$//" |
		sed "s/&quot;/\"/g; s/&amp;/\\&/g; s/&lt;/</g; s/&gt;/>/g" >"$TRASH/titles" &&
	test "$(wc -l <"$TRASH/titles")" -gt 100 &&
	all_found "$TRASH/titles" "$TRASH/report.txt"
'

test_expect_success 'the report text has every sample row'"'"'s 実績' '
	body_text $O/annual-report-2014.pdf "$TRASH/report.txt" &&
	xmllint --xpath "//progress[@level=\"measure\"]/results/p/text()" \
		"$TRASH/work/2014/submissions.xml" |
		sed "s/&quot;/\"/g; s/&amp;/\\&/g; s/&lt;/</g; s/&gt;/>/g" >"$TRASH/results" &&
	test "$(wc -l <"$TRASH/results")" -gt 200 &&
	all_found "$TRASH/results" "$TRASH/report.txt"
'

test_expect_success 'the status CSV has a row per expected pair, some missing' '
	head -n 1 $O/status-2014.csv | grep -q "^﻿施策番号,施策名,府省庁,府省庁コード,状況" &&
	grep -q ",提出済," $O/status-2014.csv &&
	grep -q ",未提出," $O/status-2014.csv
'

test_expect_success 'the slides are 16:9 and have a slide per area' '
	pdfinfo $O/summary-slides-2014.pdf | grep -E "Page size: +960 x 540 pts" &&
	pdftotext -q $O/summary-slides-2014.pdf - | tr -d " \n" >"$TRASH/slides.txt" &&
	test "$(grep -o "主な昨年度の取組実績、評価及び今年度の取組" "$TRASH/slides.txt" | wc -l)" -ge 4
'

test_expect_success 'SOURCE_DATE_EPOCH gives byte-identical PDFs' '
	cp $O/annual-report-2014.pdf "$TRASH/a1.pdf" &&
	cp $O/summary-slides-2014.pdf "$TRASH/s1.pdf" &&
	rm -f $O/*.pdf && test_make report YEAR=2014 2>/dev/null &&
	cmp "$TRASH/a1.pdf" $O/annual-report-2014.pdf &&
	cmp "$TRASH/s1.pdf" $O/summary-slides-2014.pdf
'

# Content, not mtimes, decides (issue 12): the inventory always runs but
# rewrites the manifest only when the inputs' content changed; the stages
# print a progress line each when they run.
test_expect_success 'make re-runs only what depends on a changed file' '
	test_make report YEAR=2014 2>"$TRASH/e0" &&
	! grep -Eq "^(ingest|xform|render|check)" "$TRASH/e0" &&
	csv="$TRASH/input/2014/submissions/$(ls "$TRASH/input/2014/submissions" | grep csv\$ | head -n 1)" &&
	touch "$csv" &&
	test_make report YEAR=2014 2>"$TRASH/e1" &&
	! grep -Eq "^(ingest|xform|render|check)" "$TRASH/e1" &&
	printf "\n" >>"$csv" &&
	test_make report YEAR=2014 >"$TRASH/n1" 2>&1 &&
	grep -q "^ingest: " "$TRASH/n1" && grep -q "^render: " "$TRASH/n1" &&
	! grep -Eq "(^| )(cc|gcc|clang) " "$TRASH/n1" &&
	touch "$TOP/stylesheets/slides.xsl" &&
	test_make report YEAR=2014 >"$TRASH/n2" 2>&1 &&
	grep -q "slides.xsl" "$TRASH/n2" && grep -q "^render: .*/slides/front.pdoc" "$TRASH/n2" &&
	! grep -q "^ingest: " "$TRASH/n2" && ! grep -q "report.xsl" "$TRASH/n2"
'

test_expect_success 'an input error stops make report and keeps the previous PDFs' '
	cp $O/annual-report-2014.pdf "$TRASH/before.pdf" &&
	printf "施策番号,府省庁,実績\r\n9-9-9-ア,総務省,テスト\r\n" \
		>"$TRASH/input/2014/submissions/zz-broken.csv" &&
	! test_make report YEAR=2014 2>"$TRASH/strict.err" &&
	grep -E "zz-broken.csv:2: error: .*9-9-9-ア" "$TRASH/strict.err" &&
	cmp "$TRASH/before.pdf" $O/annual-report-2014.pdf
'

test_expect_success 'make draft renders anyway, marks pages and lists the problem' '
	test_make draft YEAR=2014 2>/dev/null &&
	test -s $O/annual-report-2014-draft.pdf &&
	pages=$(pdfinfo $O/annual-report-2014-draft.pdf | sed -n "s/^Pages: *//p") &&
	marked=$(for p in $(seq 1 $pages); do pdftotext -q -f $p -l $p $O/annual-report-2014-draft.pdf - | grep -c "案\|DRAFT"; done | grep -vc "^0$") &&
	test "$marked" -eq "$pages" &&
	pdftotext -q $O/annual-report-2014-draft.pdf - | tr -d " \n" | grep -q "zz-broken.csv" &&
	rm "$TRASH/input/2014/submissions/zz-broken.csv"
'

test_expect_success 'make report YEAR=2013 builds too' '
	test_make report YEAR=2013 2>/dev/null &&
	qpdf --check $TRASH/output/2013/annual-report-2013.pdf &&
	qpdf --check $TRASH/output/2013/summary-slides-2013.pdf
'

test_done
