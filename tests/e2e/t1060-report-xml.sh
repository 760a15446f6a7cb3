#!/bin/sh
# Issue 14: input/Y/report.xml holds the title, date, logo and prose of the
# publication.  Edited, it reaches the PDFs' text and metadata and rebuilds
# only the front and back matter (no model, area page or ingest output);
# dates are checked (a real day after the fiscal year; REPORT_DATE
# overrides <date>); the logo is drawn on the cover and the title slide at
# its aspect ratio; <ref to> must name a measure.
. "$(dirname "$0")/../lib.sh"

test_year 2014
R=$I/2014/report.xml
O=$TRASH/output/2014
W=$TRASH/work/2014
RPDF=$O/annual-report-2014.pdf
SPDF=$O/summary-slides-2014.pdf

report() { test_make report YEAR=2014 "$@" >"$TRASH/out" 2>"$TRASH/err"; }
# the mtimes (ns) of what report.xml must not rebuild
stamps() {
	stat -c '%n %y' "$W"/submissions.xml "$W"/model/*.xml "$W"/sum/*.xml \
		"$W"/report/area-*.pdoc "$W"/slides/area-*.pdoc "$W"/status/*.csv "$W"/year.xml
}
text() { pdftotext -q "$1" - | tr -d ' \n'; }
# the line of <date>…</date> in report.xml (the logo goes on the same line)
date_line() { grep -n "^ *<date>[^<]*</date>" "$R" | cut -d: -f1; }
edit() { sed "$1" "$R" >"$TRASH/r.xml" && mv "$TRASH/r.xml" "$R"; }

test_expect_success 'the committed report.xml: its title, date and preface in both PDFs' '
	report && text "$RPDF" >"$TRASH/t" &&
	grep -q "平成27年6月25日" "$TRASH/t" &&
	grep -q "本報告は、同本部が取りまとめる最初の年次報告である。" "$TRASH/t" &&
	pdfinfo "$RPDF" | grep -q "^Title: *サイバーセキュリティ政策に係る年次報告（2014年度）$" &&
	pdfinfo "$RPDF" | grep -q "^Author: *サイバーセキュリティ戦略本部$" &&
	text "$SPDF" | grep -q "平成27年6月25日" &&
	! pdftotext -q -l 4 "$RPDF" - | tr -d " \n" | grep -q "ものとする"
'

test_expect_success 'title, date and preface edited: in text and metadata; nothing else rebuilt' '
	stamps >"$TRASH/before" &&
	edit "s|<title>サイバーセキュリティ政策に係る年次報告（2014年度）</title>|<title>試験用の表題（2014年度）</title>|;s|<date>2015-06-25</date>|<date>2015-07-01</date>|;s|<p>本報告は、「サイバーセキュリティ戦略」|<p>試験用の前書きである。本報告は、「サイバーセキュリティ戦略」|" &&
	report && text "$RPDF" >"$TRASH/t" &&
	grep -q "試験用の表題（2014年度）" "$TRASH/t" && grep -q "平成27年7月1日" "$TRASH/t" &&
	grep -q "試験用の前書きである。" "$TRASH/t" &&
	pdfinfo "$RPDF" | grep -q "^Title: *試験用の表題（2014年度）$" &&
	pdfinfo "$SPDF" | grep -q "^Title: *試験用の表題（2014年度） 概要$" &&
	text "$SPDF" | grep -q "平成27年7月1日" &&
	pdftotext -q -f 10 -l 10 "$RPDF" - | grep -q "試験用の表題（2014年度）" &&
	stamps >"$TRASH/after" && cmp "$TRASH/before" "$TRASH/after" &&
	! grep -q "^ingest: \|join.xsl" "$TRASH/out" "$TRASH/err"
'

test_expect_success 'REPORT_DATE overrides <date>, rebuilds no model; back again: as before' '
	cp "$RPDF" "$TRASH/r0.pdf" && stamps >"$TRASH/before" &&
	report REPORT_DATE=2015-08-03 && text "$RPDF" | grep -q "平成27年8月3日" &&
	stamps >"$TRASH/after" && cmp "$TRASH/before" "$TRASH/after" &&
	report && cmp "$TRASH/r0.pdf" "$RPDF"
'

test_expect_success 'invalid dates are errors naming report.xml and the line; nothing published' '
	cp "$RPDF" "$TRASH/r0.pdf" &&
	edit "s|<date>[^<]*</date>|<date>2015-13-45</date>|" && n=$(date_line) &&
	! report && grep -q "report.xml:$n: error: .2015-13-45. is not a date" "$TRASH/err" &&
	edit "s|<date>[^<]*</date>|<date>2015-02-30</date>|" &&
	! report && grep -q "report.xml:$n: error: .2015-02-30. is not a date" "$TRASH/err" &&
	edit "s|<date>[^<]*</date>|<date>2015-02-10</date>|" &&
	! report && grep -q "report.xml:$n: error: date 2015-02-10 is not in the year after fiscal year 2014 ended" "$TRASH/err" &&
	edit "s|<date>[^<]*</date>|<date>2016-04-01</date>|" &&
	! report && grep -q "report.xml:$n: error: date 2016-04-01 is not" "$TRASH/err" &&
	edit "s|<date>[^<]*</date>|<date></date>|" &&
	! report && grep -q "report.xml:$n: error: <date> is empty" "$TRASH/err" &&
	cmp "$TRASH/r0.pdf" "$RPDF"
'

test_expect_success 'REPORT_DATE is checked too; a draft only warns' '
	edit "s|<date>[^<]*</date>|<date>2015-06-25</date>|" &&
	! report REPORT_DATE=2015-13-45 && grep -q "^REPORT_DATE: error: .2015-13-45. is not a date" "$TRASH/err" &&
	! report REPORT_DATE=2015-03-31 && grep -q "^REPORT_DATE: error: date 2015-03-31 is not in the year" "$TRASH/err" &&
	report REPORT_DATE=2015-04-01 && report REPORT_DATE=2016-03-31 &&
	test_make draft YEAR=2014 REPORT_DATE=2015-02-10 >/dev/null 2>"$TRASH/err" &&
	grep -q "^REPORT_DATE: warning: date 2015-02-10" "$TRASH/err"
'

test_expect_success 'the era form is computed: 平成, 令和 from 2019-05-01, 令和元年' '
	printf "<r><d>2015-06-25</d><d>2019-04-30</d><d>2019-05-01</d><d>2020-01-02</d><d>1989-12-31</d></r>" >"$TRASH/d.xml" &&
	"$BD/bin/xform" -o "$TRASH/d.txt" "$TOP/tests/report/era.xsl" "$TRASH/d.xml" 2>/dev/null &&
	printf "平成27年6月25日\n平成31年4月30日\n令和元年5月1日\n令和2年1月2日\n平成元年12月31日\n" >"$TRASH/want" &&
	cmp "$TRASH/want" "$TRASH/d.txt"
'

test_expect_success 'a logo beside report.xml: on the cover and the title slide at its aspect ratio' '
	cp "$TOP/tests/report/logo-3x1.png" "$I/2014/logo.png" &&
	edit "s|<date>[^<]*</date>|&<logo src=\"logo.png\"/>|" &&
	stamps >"$TRASH/before" && report &&
	pdfimages -f 1 -l 1 -list "$RPDF" | awk "NR > 2" >"$TRASH/img" &&
	test "$(wc -l <"$TRASH/img")" -eq 1 &&
	awk "{ exit !(\$4 == 300 && \$5 == 100 && \$13 == \$14) }" "$TRASH/img" &&
	pdfimages -f 1 -l 1 -list "$SPDF" | awk "NR > 2 { n++; ok = (\$4 == 300 && \$5 == 100 && \$13 == \$14) } END { exit !(n == 1 && ok) }" &&
	stamps >"$TRASH/after" && cmp "$TRASH/before" "$TRASH/after"
'

test_expect_success 'the logo file replaced (same name): the PDFs rebuilt' '
	cp "$RPDF" "$TRASH/r0.pdf" &&
	printf "\211PNG\r\n\032\n" | cat - /dev/null >/dev/null &&
	/usr/bin/python3 -c "
import zlib, struct, sys
w, h = 100, 100
raw = b\"\".join(b\"\\0\" + bytes((200, 0, 0)) * w for _ in range(h))
def ch(t, d): return struct.pack(\">I\", len(d)) + t + d + struct.pack(\">I\", zlib.crc32(t + d))
sys.stdout.buffer.write(b\"\\x89PNG\\r\\n\\x1a\\n\" + ch(b\"IHDR\", struct.pack(\">IIBBBBB\", w, h, 8, 2, 0, 0, 0)) + ch(b\"IDAT\", zlib.compress(raw)) + ch(b\"IEND\", b\"\"))
" >"$I/2014/logo.png" &&
	report && ! cmp -s "$TRASH/r0.pdf" "$RPDF" &&
	pdfimages -f 1 -l 1 -list "$RPDF" | awk "NR == 3 { exit !(\$4 == 100 && \$5 == 100) }"
'

test_expect_success 'a JPEG logo is embedded as JPEG; an SVG one is drawn 4:1 as its viewBox' '
	cp "$TOP/tests/report/logo-2x1.jpg" "$I/2014/logo.jpg" &&
	edit "s|<logo src=\"logo.png\"/>|<logo src=\"logo.jpg\"/>|" && report &&
	pdfimages -f 1 -l 1 -list "$RPDF" | awk "NR > 2 { n++; ok = (\$4 == 200 && \$5 == 100 && \$9 == \"jpeg\" && \$13 == \$14) } END { exit !(n == 1 && ok) }" &&
	cp "$TOP/tests/report/logo-4x1.svg" "$I/2014/logo.svg" &&
	edit "s|<logo src=\"logo.jpg\"/>|<logo src=\"logo.svg\"/>|" && report &&
	"$BD/bin/render" --fonts "$TOP/fonts/fonts.conf" --dump -o "$TRASH/f.pdf" "$W/report/front.pdoc" 2>/dev/null |
		awk "\$1 == \"image\" { n++; r = \$4 / \$5 } END { exit !(n == 1 && r > 3.99 && r < 4.01) }" &&
	edit "s|<logo src=\"logo.svg\"/>|<logo src=\"logo.png\"/>|"
'

test_expect_success 'a logo that is not there or not a picture: an error at its line' '
	rm "$I/2014/logo.png" && n=$(date_line) &&
	! report && grep -q "report.xml:$n: error: logo .*logo.png. cannot be read" "$TRASH/err" &&
	echo "not a picture" >"$I/2014/logo.png" &&
	! report && grep -q "report.xml:$n: error: logo .*logo.png. is not a PNG, JPEG or SVG file" "$TRASH/err" &&
	edit "s|<logo src=\"logo.png\"/>||"
'

test_expect_success '<ref to>: a link with the measure title; an unknown one is an error' '
	edit "s|<p>試験用の前書きである。|<p>試験用の前書きである（<ref to=\"1-1-1-ア\"/>）。|" &&
	report && text "$RPDF" | grep -q "試験用の前書きである（「.*」）。" &&
	edit "s|<ref to=\"1-1-1-ア\"/>|<ref to=\"9-9-9-ア\"/>|" && n=$(grep -n "9-9-9-ア" "$R" | cut -d: -f1) &&
	! report && grep -q "report.xml:$n: error: <ref to=\"9-9-9-ア\"> is not a measure of the plan" "$TRASH/err"
'

test_done
