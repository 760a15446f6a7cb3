#!/bin/sh
# Issue 15: orthography after 公用文作成の考え方 (2022) and JIS X 4051, read
# from the PDFs' text layer of both years: no half-width bracket or quote
# next to a Japanese character, no full-width Latin letter, no full-width
# digit but a heading's number 「１　評価等の対象」 and a label's 「表１」; the
# heading keeps its full-width space; an id is one word (no room between
# 1-5- and ア: glyph positions, tests/slides/glyphs.py).  The widths are
# decided once, in ingest (pipeline/common/orth.c; unit test test_orth).
. "$(dirname "$0")/../lib.sh"

ORTH="/usr/bin/python3 $TOP/tests/slides/orth.py"
GLYPHS="/usr/bin/python3 $TOP/tests/slides/glyphs.py"
test_inputs 2013 2014

for y in 2013 2014; do
	O=$TRASH/output/$y
	test_expect_success "$y: make report" "
		test_make report YEAR=$y >/dev/null 2>&1 && test -s '$O/annual-report-$y.pdf'
	"
	test_expect_success "$y: report: brackets, quotes, letters and digits of the right width" "
		$ORTH '$O/annual-report-$y.pdf'
	"
	test_expect_success "$y: slides: brackets, quotes, letters and digits of the right width" "
		$ORTH '$O/summary-slides-$y.pdf'
	"
	test_expect_success "$y: ids are one word, no room after their hyphens" "
		$GLYPHS gaps '$O/annual-report-$y.pdf'
	"
done

# (the framework chapter is report.xml's prose now, issue 14: the numbered
# headings are the areas', 「1　「強靱な」サイバー空間の構築」)
test_expect_success '2014: the heading number keeps its full-width space' '
	pdftotext -q -layout "$TRASH/output/2014/annual-report-2014.pdf" - >"$TRASH/r.txt" &&
	grep -q "^ *1　「強靱な」サイバー空間の構築" "$TRASH/r.txt" &&
	grep -q "1　「強靱な」サイバー空間の構築" "$TRASH/work/2014/report/area-1.pdoc"
'

test_expect_success '2014: full-width letters, half-width brackets and quotes in a cell are set right' '
	S=$TRASH/input/2014/submissions/cas-progress.csv &&
	printf "%s\r\n" "1-1-1-ア,内閣官房,\"ＤＩＩの試験運用を２０１４年度に開始(CYMAT)。省内では\"\"重点施策\"\"とした。https://www.nisc.go.jp/(a)\"" >>"$S" &&
	test_make report YEAR=2014 >/dev/null 2>&1 &&
	grep -F "DIIの試験運用を2014年度に開始（CYMAT）。省内では「重点施策」とした。https://www.nisc.go.jp/(a)" \
		"$TRASH/work/2014/submissions/area-1.xml" &&
	$ORTH "$TRASH/output/2014/annual-report-2014.pdf"
'

test_done
