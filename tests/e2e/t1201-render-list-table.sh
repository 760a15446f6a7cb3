#!/bin/sh
# Issue 13 review: a long table inside a list item.  Since 43968e4 a long
# table's rows go to pages as they come, which moved the items of the flow
# under the list item's feet (it holds an index into them): the item's
# label 「・」 went onto another item (here: lost) and the PDF differed from
# 0f1caa2's.  A table in a list item now stays whole until its item ends.
. "$(dirname "$0")/../lib.sh"

R=${RENDER:-$BD/bin/render}
export SOURCE_DATE_EPOCH=1700000000

test_expect_success 'a list item holding a 40-row table keeps its label' '
	/usr/bin/python3 - "$TOP/tests/render/report.pdoc" "$TRASH/li.pdoc" <<-\PY &&
	import sys
	s = open(sys.argv[1], encoding="utf-8").read()
	rows = "".join("<tr><td>行%d</td><td>%s</td></tr>" % (i, "本文の長い説明。" * 12)
	               for i in range(40))
	tbl = ("<table widths=\"1 4\" alt=\"表\"><tr head=\"1\"><td>見出し</td><td>内容</td></tr>"
	       + rows + "</table>")
	body = ("<flow template=\"body\"><p>前の段落。</p><list><li><p>項目の本文。</p>" + tbl
	        + "</li><li>次の項目。</li></list><p>後の段落。</p></flow></document>\n")
	open(sys.argv[2], "w", encoding="utf-8").write(s[:s.index("<flow")] + body)
	PY
	"$R" -o "$TRASH/li.pdf" "$TRASH/li.pdoc" 2>"$TRASH/err" &&
	pdftotext -layout "$TRASH/li.pdf" "$TRASH/li.txt" &&
	grep -q "・ *項目の本文。" "$TRASH/li.txt" &&
	grep -q "・ *次の項目。" "$TRASH/li.txt" &&
	test "$(grep -c "・" "$TRASH/li.txt")" -eq 2 &&
	pdftotext -f 1 -l 1 "$TRASH/li.pdf" - | grep -q "行0"
'

test_done
