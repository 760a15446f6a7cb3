#!/bin/sh
# Issue 13 review, issue 15's page make-up at the end of a streamed table:
# a table of more than 4 body rows keeps its last two body rows on one
# page, also when a head row closes the table (since 43968e4 the rows
# going to pages as they come let the second-last body row go alone
# before a closing head row); one of 4 body rows or fewer is never split.
# The table is moved down the page line by line (17 paragraphs' offsets).
. "$(dirname "$0")/../lib.sh"

R=${RENDER:-$BD/bin/render}
export SOURCE_DATE_EPOCH=1700000000

# pdoc N FILL [tail]: FILL one-line paragraphs, then a table of N body rows
# (a head row first; with tail, a head row last as well)
pdoc() {
	/usr/bin/python3 - "$TOP/tests/render/report.pdoc" "$@" <<-\PY
	import sys
	s = open(sys.argv[1], encoding="utf-8").read()
	n, fill, tail = int(sys.argv[2]), int(sys.argv[3]), len(sys.argv) > 4
	head = "<tr head=\"1\"><td>見出し</td><td>内容</td></tr>"
	rows = "".join("<tr><td>行%d</td><td>説明。</td></tr>" % i for i in range(n))
	end = "<tr head=\"1\"><td>末尾</td><td>x</td></tr>" if tail else ""
	paras = "".join("<p>段落%d。</p>" % i for i in range(fill))
	sys.stdout.write(s[:s.index("<flow")] + "<flow template=\"body\">" + paras
	                 + "<table widths=\"1 4\" alt=\"表\">" + head + rows + end
	                 + "</table><p>後。</p></flow></document>\n")
	PY
}

# pages N FILL [tail]: "first last" for N rows: the pages of rows 0 and 1,
# then of rows N-2 and N-1, as render's --lines file says
pages() {
	pdoc "$@" >"$TRASH/t.pdoc" &&
	"$R" --lines "$TRASH/t.lines" -o "$TRASH/t.pdf" "$TRASH/t.pdoc" 2>/dev/null &&
	awk -F '\t' -v a="行0" -v b="行1" -v c="行$(($1 - 2))" -v d="行$(($1 - 1))" '
		$16 == a { pa = $2 } $16 == b { pb = $2 } $16 == c { pc = $2 } $16 == d { pd = $2 }
		END { print pa "-" pb, pc "-" pd }' "$TRASH/t.lines"
}

for tail in "" tail; do
	for n in 3 6; do
		test_expect_success "$n body rows${tail:+, a head row last}: first two and last two rows together at every offset" '
			split=0 fill=28 &&
			while [ $fill -le 44 ]; do
				p=$(pages '"$n"' $fill '"$tail"') || exit 1
				set -- $p
				test "${1%-*}" = "${1#*-}" && test "${2%-*}" = "${2#*-}" || {
					echo "fill $fill: pages $p"; exit 1; }
				[ "${1%-*}" = "${2#*-}" ] || split=1
				fill=$((fill + 1))
			done &&
			if [ '"$n"' -le 4 ]; then test $split -eq 0; else test $split -eq 1; fi
		'
	done
done

test_done
