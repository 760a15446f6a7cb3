#!/bin/sh
# Issue 15: no room beyond JLReq's beside Japanese punctuation.  The quarter-
# em gap between Japanese and Latin text goes between letters only: after
# 、。・：「」（） and before them, a Latin letter or digit follows at the end
# of the mark's own box (a proportional 、 used to get a word space more:
# 「進め、 6 件」「日・ ASEAN」).  Glyph positions are read from the PDFs'
# content streams (tests/slides/glyphs.py: pdftotext gives words only).
. "$(dirname "$0")/../lib.sh"

GLYPHS="/usr/bin/python3 $TOP/tests/slides/glyphs.py"
test_inputs 2013 2014

for y in 2013 2014; do
	O=$TRASH/output/$y
	test_expect_success "$y: make report" "
		test_make report YEAR=$y >/dev/null 2>&1 && test -s '$O/summary-slides-$y.pdf'
	"
	test_expect_success "$y: slides: no gap wider than JLReq's beside punctuation" "
		$GLYPHS gaps '$O/summary-slides-$y.pdf'
	"
	test_expect_success "$y: report: no gap wider than JLReq's beside punctuation" "
		$GLYPHS gaps '$O/annual-report-$y.pdf'
	"
done

test_done
