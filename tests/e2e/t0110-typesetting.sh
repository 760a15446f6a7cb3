#!/bin/sh
# Typesetting of both years' reports, measured on the PDFs (issue 4,
# outputs.md "Typesetting"): kinsoku at every line break, justified inner
# lines flush with the text block, no glyph outside the text area, the
# outline and the links going where they say, the structure tree, a table
# over pages with its head row, byte-identical rebuilds.
#
# render writes, beside each PDF, the list of the text lines it drew
# (--lines, docs/render.md); tests/typeset/check.py reads the PDF back
# (pdftotext -bbox-layout, qpdf --json) and fails when the two disagree,
# so the figures are the PDF's, not render's claim.
. "$(dirname "$0")/../lib.sh"

export SOURCE_DATE_EPOCH=1700000000
test_inputs 2013 2014
CHECK="python3 $TOP/tests/typeset/check.py"
# the binaries of the build dir make uses (B=… from MAKEFLAGS, as test_make)
B=$(printf '%s\n' "${MAKEFLAGS:-}" | tr ' ' '\n' | sed -n 's/^B=//p' | tail -n 1)
case "${B:-build}" in /*) BIN=${B}/bin ;; *) BIN=$TOP/${B:-build}/bin ;; esac
WITH_LINES='RENDER=$(BIN)/render --fonts fonts/fonts.conf --lines $$@.lines'

for y in 2014 2013; do
	test_expect_success "make report YEAR=$y, render listing its lines" "
		test_make report YEAR=$y '$WITH_LINES' 2>\"\$TRASH/$y.err\" &&
		test -s \$TRASH/work/$y/annual-report-$y.pdf.lines &&
		grep -q '^L	' \$TRASH/work/$y/annual-report-$y.pdf.lines
	"

	test_expect_success "$y: kinsoku, flush right edges, text area (PDF read back)" "
		st=0 &&
		python3 $TOP/tests/e2e/join_pdocs.py \$TRASH/work/$y/report-all.pdoc \$TRASH/work/$y report &&
		$CHECK lines \$TRASH/work/$y/annual-report-$y.pdf.lines \
			\$TRASH/output/$y/annual-report-$y.pdf \$TRASH/work/$y/report-all.pdoc \
			--flush 99.5 >\"\$TRASH/lines-$y\" || st=\$? &&
		cat \"\$TRASH/lines-$y\" && test \$st -eq 0 &&
		grep -q '^kinsoku: 0 violations' \"\$TRASH/lines-$y\" &&
		n=\$(sed -n 's/^flush: [0-9]*\/\([0-9]*\) .*/\1/p' \"\$TRASH/lines-$y\") &&
		test \"\$n\" -gt 1000
	"

	test_expect_success "$y: outline items and links point to the right pages" "
		python3 $TOP/tests/e2e/join_pdocs.py \$TRASH/work/$y/report-all.pdoc \$TRASH/work/$y report &&
		$CHECK outline \$TRASH/output/$y/annual-report-$y.pdf \$TRASH/work/$y/report-all.pdoc
	"

	test_expect_success "$y: structure tree with headings, paragraphs, lists, tables, figures, links" "
		$CHECK struct \$TRASH/output/$y/annual-report-$y.pdf
	"
done

test_expect_success 'the checker notices a line the PDF does not have' '
	L=$TRASH/work/2014/annual-report-2014.pdf.lines &&
	awk -F"\t" -v OFS="\t" "\$1 == \"L\" && !done && \$2 > 5 && length(\$16) > 20 {
		\$16 = \"（\" \$16; done = 1 } { print }" "$L" >"$TRASH/bad.lines" &&
	! cmp -s "$L" "$TRASH/bad.lines" &&
	! $CHECK lines "$TRASH/bad.lines" $TRASH/output/2014/annual-report-2014.pdf \
		$TRASH/work/2014/report-all.pdoc >"$TRASH/bad.out" &&
	grep -q "differ from the PDF" "$TRASH/bad.out" &&
	grep -q "^FAIL page" "$TRASH/bad.out"
'

test_expect_success 'the 200-row table repeats its head row on every page it spans' '
	"$BIN/render" --fonts "$TOP/fonts/fonts.conf" --lines "$TRASH/fx.lines" \
		-o "$TRASH/fx.pdf" "$TOP/tests/render/report.pdoc" 2>/dev/null &&
	$CHECK tablehead "$TRASH/fx.pdf" "番号施策件数状況" "に係る取組状況の確認" >"$TRASH/th" &&
	cat "$TRASH/th" &&
	n=$(sed -n "s/^tablehead: table on \([0-9]*\) pages/\1/p" "$TRASH/th") &&
	test "$n" -ge 4 &&
	$CHECK lines "$TRASH/fx.lines" "$TRASH/fx.pdf" "$TOP/tests/render/report.pdoc" --flush 99 &&
	$CHECK outline "$TRASH/fx.pdf" "$TOP/tests/render/report.pdoc" &&
	$CHECK struct "$TRASH/fx.pdf"
'

test_expect_success 'a footnote cited twice on a page is printed once at its foot' '
	printf "<document><flow><p>CISO<fn n=\"1\">Chief Information Security Officer の略。</fn>は各府省庁に置かれ、CISO<fn n=\"1\">Chief Information Security Officer の略。</fn>の下にCSIRTを置く。</p></flow></document>\n" >"$TRASH/fn2.pdoc" &&
	"$BIN/render" --fonts "$TOP/fonts/fonts.conf" -o "$TRASH/fn2.pdf" "$TRASH/fn2.pdoc" 2>/dev/null &&
	test "$(pdftotext "$TRASH/fn2.pdf" - | grep -c "Officer")" -eq 1 &&
	pdftotext "$TRASH/fn2.pdf" - | tr -d " \n" | grep -qF "CISO1は各府省庁に置かれ、CISO1の下に"
'

test_expect_success 'rebuilt without --lines, both years are byte-identical' '
	for y in 2014 2013; do
		cp $TRASH/output/$y/annual-report-$y.pdf "$TRASH/a$y.pdf" &&
		cp $TRASH/output/$y/summary-slides-$y.pdf "$TRASH/s$y.pdf" &&
		rm $TRASH/output/$y/*.pdf &&
		test_make report YEAR=$y 2>/dev/null &&
		cmp "$TRASH/a$y.pdf" $TRASH/output/$y/annual-report-$y.pdf &&
		cmp "$TRASH/s$y.pdf" $TRASH/output/$y/summary-slides-$y.pdf || exit 1
	done
'

test_done
