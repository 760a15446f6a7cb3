#!/bin/sh
# Issue 15: the summary slides in the form of seed 003, read back from the
# PDFs of both years: one slide per area whose text is its summary rows,
# one body size per panel across the deck (shrunk for every slide when one
# would overflow), 重点 rows only where an area has no summary row (first
# sentence, credited once), credits never broken inside a name, chart
# labels of 12 pt and more with the x axis labelled 年度.  The checks are
# tests/slides/form.py (pdftotext, and pikepdf for sizes: glyphs.py).
. "$(dirname "$0")/../lib.sh"

FORM="/usr/bin/python3 $TOP/tests/slides/form.py"
W=$TRASH/work
test_inputs 2013 2014

models() {	# models Y: the year's area models in plan order
	for a in $(sed -n "s/^AREAS *:= *//p" "$W/$1/areas.mk"); do echo "$W/$1/model/$a.xml"; done
}

for y in 2013 2014; do
	P=$TRASH/output/$y/summary-slides-$y.pdf
	test_expect_success "$y: make report builds the slides" "
		test_make report YEAR=$y >/dev/null 2>&1 && test -s '$P'
	"
	test_expect_success "$y: one slide per area, its text the area's summary rows" "
		$FORM areas '$P' \$(models $y)
	"
	test_expect_success "$y: one body size per panel across the deck" "
		$FORM sizes '$P'
	"
	test_expect_success "$y: chart labels of 12 pt or more, x axes labelled 年度" "
		$FORM charts '$P'
	"
	test_expect_success "$y: no credit broken inside a name" "
		$FORM credits '$P' \$(models $y)
	"
done

# An area's summary rows made longer than its slide holds at the design
# size: every slide's panel of that kind shrinks with it, none continues.
test_expect_success 'one long summary: the panel shrinks on every slide alike' '
	S=$TRASH/input/2014/submissions/cas-progress.csv &&
	/usr/bin/python3 - "$S" <<-\PY &&
	import csv, sys
	rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
	for r in rows:
	    if r[0] == "2":
	        r[2] += "\n" + "\n".join(["研究開発の成果を関係府省庁と共有し、各分野の取組に反映。"] * 8)
	csv.writer(open(sys.argv[1], "w", encoding="utf-8", newline="")).writerows(rows)
	PY
	test_make report YEAR=2014 >/dev/null 2>&1 &&
	P=$TRASH/output/2014/summary-slides-2014.pdf &&
	$FORM areas "$P" $(models 2014) &&
	$FORM sizes "$P" >"$TRASH/sizes" && cat "$TRASH/sizes" &&
	grep -q "^昨年度の実績: 1[0-3]\.[0-9]* pt (slides \[2, 3, 4, 5\])" "$TRASH/sizes" &&
	grep -q "^評価: 14.00 pt" "$TRASH/sizes"
'

# Areas with no summary row fall back on their 重点 rows: one bullet
# each, the row's first sentence, credited once, the credit never broken
# between lines (without <span keep>, 2 of them were: 「（経済産／業省）」).
test_expect_success 'areas without a summary row: their 重点 rows, first sentence, credited once' '
	S=$TRASH/input/2014/submissions/cas-progress.csv &&
	cp "$TOP/input/2014/submissions/cas-progress.csv" "$S" &&
	/usr/bin/python3 - "$S" <<-\PY &&
	import csv, sys
	rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
	rows = [r for r in rows if r[0] not in ("1", "2", "3", "4")]
	csv.writer(open(sys.argv[1], "w", encoding="utf-8", newline="")).writerows(rows)
	PY
	test_make report YEAR=2014 >/dev/null 2>&1 &&
	P=$TRASH/output/2014/summary-slides-2014.pdf &&
	for m in $(models 2014); do $FORM fallback "$P" "$m" || exit 1; done &&
	$FORM credits "$P" $(models 2014)
'

test_done
