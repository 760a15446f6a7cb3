#!/bin/sh
# Issue 12 item 9: one long cell.  A 20,000-character 実績 marked 重点 is
# one paragraph of the report and one bullet of the slides, which runs over
# many continuation slides.  Every character of it is drawn once, in order,
# as lines of one paragraph (render --lines): the bullet is laid out once
# and its lines placed slide after slide (laying it out again per slide
# was quadratic, and lost the lines that the wider continuation panels
# moved).
. "$(dirname "$0")/../lib.sh"

RENDER=${RENDER:-$BD/bin/render}
N=20000

# paragraphs FILE: each paragraph's lines joined, one paragraph a line
paragraphs() {
	awk -F'\t' '$1 == "L" { t[$8] = t[$8] $16; if (!($8 in o)) o[$8] = n++ }
		END { for (p in t) print t[p] }' "$1"
}

test_expect_success "make report with a $N-character summary cell" "
	python3 '$TOP/tests/bench/gen_long.py' --cell $N -o '$TRASH/input' &&
	test_make report YEAR=2014 >'$TRASH/make.log' 2>&1 &&
	python3 -c 'import csv,sys
rows = list(csv.reader(open(sys.argv[1], encoding=\"utf-8\")))
i = rows[0].index(\"実績\")
print(next(r[i] for r in rows if r[0] == \"1\"))' \
		'$TRASH/input/2014/submissions/cas-progress.csv' >'$TRASH/cell.txt' &&
	test \$(tr -d '\n' <'$TRASH/cell.txt' | wc -m) -eq $N
"

test_expect_success 'the slides draw the whole cell, once, as one paragraph' '
	"$RENDER" --fonts "$TOP/fonts/fonts.conf" --lines "$TRASH/slides.lines" \
		-o "$TRASH/slides.pdf" $(pdocs "$TRASH/work/2014" slides) 2>/dev/null &&
	paragraphs "$TRASH/slides.lines" >"$TRASH/slides.paras" &&
	grep -cF -f "$TRASH/cell.txt" "$TRASH/slides.paras" >"$TRASH/count" &&
	test "$(cat "$TRASH/count")" -eq 1 &&
	test "$(pdfinfo "$TRASH/slides.pdf" | sed -n "s/^Pages: *//p")" -gt 20
'

test_expect_success 'the report draws the whole cell as one paragraph' '
	"$RENDER" --fonts "$TOP/fonts/fonts.conf" --lines "$TRASH/report.lines" \
		-o "$TRASH/report.pdf" $(pdocs "$TRASH/work/2014" report) 2>/dev/null &&
	paragraphs "$TRASH/report.lines" | grep -cF -f "$TRASH/cell.txt" >"$TRASH/count" &&
	test "$(cat "$TRASH/count")" -eq 1
'

test_done
