#!/bin/sh
# Issue 15, "Read like the real thing" (the report's part): nothing
# silently missing, one voice, page make-up a publisher would sign, and
# footnote numbers through the whole document; on both years' reports.
# render's --lines listing gives each drawn line's page, place and role
# (t0110 checks it against the PDF); the texts are read from the PDF.
. "$(dirname "$0")/../lib.sh"

export SOURCE_DATE_EPOCH=1700000000
test_inputs 2013 2014
CHECK="python3 $TOP/tests/e2e/t1100-editorial.py"
B=$(printf '%s\n' "${MAKEFLAGS:-}" | tr ' ' '\n' | sed -n 's/^B=//p' | tail -n 1)
case "${B:-build}" in /*) BIN=${B}/bin ;; *) BIN=$TOP/${B:-build}/bin ;; esac
WITH_LINES='RENDER=$(BIN)/render --fonts fonts/fonts.conf --lines $$@.lines'

for y in 2014 2013; do
	W=\$TRASH/work/$y
	PDF=\$TRASH/output/$y/annual-report-$y.pdf
	test_expect_success "make report YEAR=$y, render listing its lines" "
		test_make report YEAR=$y '$WITH_LINES' 2>/dev/null &&
		test -s $W/annual-report-$y.pdf.lines &&
		python3 $TOP/tests/e2e/join_pdocs.py $W/report-all.pdoc $W report
	"
	test_expect_success "$y: every measure with 実績 has 評価 or says it has none" "
		$CHECK evaluation $W/report-all.pdoc $PDF
	"
	test_expect_success "$y: 別添２ lists every missing (measure, ministry) of the status CSV" "
		$CHECK annex \$TRASH/output/$y/status-$y.csv $PDF
	"
	test_expect_success "$y: no paragraph printed twice under one measure" "
		$CHECK dups $W/report-all.pdoc $PDF
	"
	test_expect_success "$y: no heading last on a page, no short chapter ends, no widows; running heads; footnotes numbered through" "
		$CHECK lines $W/annual-report-$y.pdf.lines $W/report-all.pdoc
	"
	test_expect_success "$y: no table of 4 rows or fewer split, 2 body rows a page at least" "
		$CHECK tables $W/annual-report-$y.pdf.lines $W/report-all.pdoc
	"
done

test_done
