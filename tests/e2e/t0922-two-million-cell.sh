#!/bin/sh
# Issue 12 "Linear": one cell of 2,000,000 characters (6 MB of UTF-8; the
# cell limit is 8 MiB) goes through make report: read whole, set as one
# paragraph of the report by the windowed line breaker (pipeline/render/
# jltext.c, JL_WINDOW), published.  The report's text holds the cell from
# its first characters to its last.  Not timed: make bench measures it.
. "$(dirname "$0")/../lib.sh"

export SOURCE_DATE_EPOCH=1700000000
N=2000000

test_expect_success "make report with a $N-character cell" '
	python3 "$TOP/tests/bench/gen_long.py" --cell $N -o "$TRASH/input" &&
	/usr/bin/python3 - "$TRASH/input/2014/submissions/cas-progress.csv" $N <<-\EOF &&
	import csv, io, sys
	csv.field_size_limit(1 << 30)
	path, n = sys.argv[1], int(sys.argv[2])
	rows = list(csv.reader(open(path, encoding="utf-8", newline="")))
	i, k = rows[0].index("実績"), next(j for j, r in enumerate(rows) if j and r[0] == "1")
	start, end = "【二百万字の始め】", "以上で二百万字の段落を終わる。"
	c = rows[k][i]
	assert len(c) == n
	rows[k][i] = start + c[len(start):n - len(end)] + end
	assert len(rows[k][i]) == n
	buf = io.StringIO()
	csv.writer(buf, lineterminator="\n").writerows(rows)
	open(path, "w", encoding="utf-8", newline="").write(buf.getvalue())
	EOF
	test_make report YEAR=2014 >"$TRASH/make.log" 2>&1 || { tail -n 20 "$TRASH/make.log"; false; }
'

test_expect_success 'the report holds the whole cell, first to last character' '
	pdftotext -q "$TRASH/output/2014/annual-report-2014.pdf" - | tr -d " \n\f" >"$TRASH/text" &&
	/usr/bin/python3 - "$TRASH/text" $N <<-\EOF
	import sys
	t, n = open(sys.argv[1], encoding="utf-8").read(), int(sys.argv[2])
	start, end = "【二百万字の始め】", "以上で二百万字の段落を終わる。"
	assert t.count(start) == 1, "start: %d" % t.count(start)
	assert t.count(end) == 1, "end: %d" % t.count(end)
	a, b = t.index(start), t.index(end) + len(end)
	# running heads and page numbers come between; nothing of the cell is lost
	assert b - a >= n, "only %d characters from start to end" % (b - a)
	EOF
'

test_expect_success 'the slides hold the end of the cell too' '
	pdftotext -q "$TRASH/output/2014/summary-slides-2014.pdf" - | tr -d " \n\f" |
		grep -c "以上で二百万字の段落を終わる。" >"$TRASH/count" &&
	test "$(cat "$TRASH/count")" -eq 1
'

test_done
