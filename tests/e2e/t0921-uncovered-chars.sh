#!/bin/sh
# Issue 12 item 5: a character the pinned fonts cannot draw (an emoji).
# make validate names each one with file, line and code point, in a
# submission's cell (at the CSV line), the plan, the matrix and the
# registry; make draft prints it as a visible [U+1F600] instead of failing;
# the strict render still refuses it (exit 1).
. "$(dirname "$0")/../lib.sh"

RENDER=${RENDER:-$BD/bin/render}
test_inputs 2014
I=$TRASH/input

# the emoji: in cas-progress.csv's 1-1-1-ア 実績, in the second line of the
# plan's first <p>, in the matrix (line 33) and in a new registry alias
python3 - "$I" >"$TRASH/csvline" <<'PY'
import csv, io, sys
top = sys.argv[1]
path = top + "/2014/submissions/cas-progress.csv"
text = open(path, encoding="utf-8", newline="").read()
rows, line = [], {}
r = csv.reader(io.StringIO(text, newline=""))
while True:
    start = r.line_num + 1
    try:
        row = next(r)
    except StopIteration:
        break
    rows.append(row)
    line[len(rows) - 1] = start
k = next(j for j, row in enumerate(rows) if row[0] == "1-1-1-ア")
rows[k][2] = "研修を実施した😀。" + rows[k][2]
out = io.StringIO()
csv.writer(out, lineterminator="\n").writerows(rows)
open(path, "w", encoding="utf-8", newline="").write(out.getvalue())
print(line[k])
def edit(path, n, old, new):
    ls = open(path, encoding="utf-8").read().split("\n")
    assert old in ls[n - 1], (path, n)
    ls[n - 1] = ls[n - 1].replace(old, new, 1)
    open(path, "w", encoding="utf-8").write("\n".join(ls))
edit(top + "/2014/plan.xml", 5, "<p>", "<p>前文\n\U0001F600")
edit(top + "/2014/matrix.xml", 33, "<p>", "<p>\U0001F363")
edit(top + "/ministries.xml", 12, ">", ">\n    <alias>官房\U0001F600</alias>")
PY

test_expect_success 'make validate names every uncovered character with file, line, code point' '
	L=$(cat "$TRASH/csvline") &&
	! test_make validate YEAR=2014 >/dev/null 2>"$TRASH/validate.err" &&
	cat "$TRASH/validate.err" &&
	grep -q "/submissions/cas-progress.csv:$L: error: character U+1F600 .*replace it" "$TRASH/validate.err" &&
	grep -q "plan.xml:6: error: character U+1F600 " "$TRASH/validate.err" &&
	grep -q "matrix.xml:33: error: character U+1F363 " "$TRASH/validate.err" &&
	grep -q "ministries.xml:13: error: character U+1F600 " "$TRASH/validate.err" &&
	test "$(grep -c "error: character U+" "$TRASH/validate.err")" -eq 4 &&
	grep -q "submissions: .* rows from .* ministries, [1-9][0-9]* errors" "$TRASH/validate.err"
'

test_expect_success 'check exits 1 on such a character alone (nothing else wrong)' '
	cd "$TOP" &&
	"$BD/bin/ingest" --year 2014 --registry input/ministries.xml --plan input/2014/plan.xml \
		--matrix input/2014/matrix.xml --draft -o "$TRASH/sub.xml" \
		"$I/2014/submissions/cas-progress.csv" 2>/dev/null;
	rc=0 &&
	"$BD/bin/check" --year 2014 --registry input/ministries.xml --plan input/2014/plan.xml \
		--matrix input/2014/matrix.xml --submissions "$TRASH/sub.xml" 2>"$TRASH/check.err" ||
		rc=$? &&
	cat "$TRASH/check.err" && test $rc -eq 1 &&
	grep -q "cas-progress.csv:[0-9]*: error: character U+1F600 " "$TRASH/check.err"
'

test_expect_success 'make draft prints the characters as [U+…] and publishes its PDFs' '
	test_make draft YEAR=2014 >/dev/null 2>"$TRASH/draft.err" &&
	pdftotext -q "$TRASH/output/2014/annual-report-2014-draft.pdf" - >"$TRASH/draft.txt" &&
	grep -qF "[U+1F600]" "$TRASH/draft.txt" &&
	grep -qF "[U+1F363]" "$TRASH/draft.txt" &&
	test -s "$TRASH/output/2014/summary-slides-2014-draft.pdf" &&
	grep -q "/submissions/cas-progress.csv:[0-9]*: warning: draft: character U+1F600 .* printed as \[U+1F600\]" "$TRASH/draft.err"
'

test_expect_success 'the strict render refuses the character (exit 1, no PDF)' '
	mkdir -p "$TRASH/strict" && n=0 &&
	for f in $(pdocs "$TRASH/work/2014/draft" report); do
		n=$((n + 1)) &&
		sed "s/ draft=\"1\"/ draft=\"0\"/" "$f" >"$TRASH/strict/$n.pdoc" || exit 1
	done &&
	rc=0 && "$RENDER" --fonts "$TOP/fonts/fonts.conf" -o "$TRASH/strict.pdf" \
		$(ls "$TRASH"/strict/*.pdoc | sort -t/ -k1 -V) \
		2>"$TRASH/render.err" || rc=$? &&
	test $rc -eq 1 && test ! -e "$TRASH/strict.pdf" &&
	grep -Eq "error: character U\+1F[0-9A-F]{3} " "$TRASH/render.err"
'

test_expect_success 'make report stops and publishes nothing' '
	! test_make report YEAR=2014 >/dev/null 2>&1 &&
	test ! -e "$TRASH/output/2014/annual-report-2014.pdf"
'

test_done
