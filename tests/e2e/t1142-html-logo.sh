#!/bin/sh
# Issue 17 (gaps): the HTML edition carries the logo of report.xml as the
# PDFs do, inside the one self-contained file: a PNG or JPEG as an <img>
# of a data: URI (the file's own bytes), an SVG inline (without script or
# handler), each with the alternative text of the PDF's Figure.
. "$(dirname "$0")/../lib.sh"

export SOURCE_DATE_EPOCH=1700000000
test_inputs 2014
I=$TRASH/input
R=$I/2014/report.xml
O=$TRASH/output/2014
H=$O/annual-report-2014.html
CHECK="/usr/bin/python3 $TOP/tests/a11y/html_check.py"
ALT=サイバーセキュリティ戦略本部のロゴ

if ! /usr/bin/python3 -c 'import html5lib, pikepdf' 2>/dev/null; then
	test_skip 'HTML logo' 'no python3-html5lib or python3-pikepdf (pipeline/deps.sh test)'
	test_done
	exit 0
fi

edit() { sed "$1" "$R" >"$TRASH/r.xml" && mv "$TRASH/r.xml" "$R"; }
logo() {
	cp "$TOP/tests/report/$1" "$I/2014/$1" &&
	edit "s|<logo [^>]*/>||;s|<date>[^<]*</date>|&<logo src=\"$1\"/>|" &&
	test_make report YEAR=2014 >/dev/null 2>&1
}
# nothing the page would load or run (a data: URI is the page's own)
self_contained() {
	! sed 's|src="data:image/[a-z]*;base64,[A-Za-z0-9+/=]*"||g' "$H" |
		grep -Eiq "<script|<link|<iframe|<object|src=|url\([^#]|@import|href=\"[a-z]+:"
}

test_expect_success 'a PNG logo: an <img> of the file'"'"'s own bytes as a data: URI, with its alt' '
	logo logo-3x1.png &&
	/usr/bin/python3 - "$H" "$I/2014/logo-3x1.png" <<-\EOF &&
	import base64, re, sys
	h = open(sys.argv[1], encoding="utf-8").read()
	m = re.findall(r"<img src=\"data:image/png;base64,([^\"]*)\" alt=\"([^\"]*)\"", h)
	assert len(m) == 1, len(m)
	assert base64.b64decode(m[0][0]) == open(sys.argv[2], "rb").read()
	assert m[0][1] == "サイバーセキュリティ戦略本部のロゴ", m[0][1]
	assert h.index("<img") < h.index("<nav"), "the logo is not on the cover"
	EOF
	self_contained &&
	$CHECK parse "$H" && $CHECK struct "$H" &&
	$CHECK text "$O/annual-report-2014.pdf" "$H" &&
	$CHECK alt "$O/annual-report-2014.pdf" "$H"
'

test_expect_success 'a JPEG logo: a data: URI of image/jpeg' '
	logo logo-2x1.jpg &&
	grep -q "<img src=\"data:image/jpeg;base64,/9j/[^\"]*\" alt=\"$ALT\">" "$H" &&
	self_contained && $CHECK alt "$O/annual-report-2014.pdf" "$H"
'

test_expect_success 'an SVG logo: inline, titled with its alt, nothing that runs' '
	cp "$TOP/tests/report/logo-4x1.svg" "$I/2014/logo.svg" &&
	# a handler and a script planted in it stay out of the page
	sed "s|<circle |<script>alert(1)</script><circle onclick=\"alert(2)\" |" \
		"$TOP/tests/report/logo-4x1.svg" >"$I/2014/logo.svg" &&
	edit "s|<logo [^>]*/>||;s|<date>[^<]*</date>|&<logo src=\"logo.svg\"/>|" &&
	test_make report YEAR=2014 >/dev/null 2>&1 &&
	! grep -q "<img" "$H" &&
	grep -q "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 50\" role=\"img\" aria-labelledby=\"img-1\"><title id=\"img-1\">$ALT</title><rect " "$H" &&
	grep -q "<circle cx=\"25\"" "$H" &&
	! grep -Eq "alert|onclick" "$H" &&
	self_contained &&
	$CHECK parse "$H" && $CHECK struct "$H" &&
	$CHECK text "$O/annual-report-2014.pdf" "$H" &&
	$CHECK alt "$O/annual-report-2014.pdf" "$H"
'

if has_axe; then
	test_expect_success 'axe-core in headless Chromium: no WCAG 2.1 A/AA violation with a logo (SVG, PNG)' '
		axe_setup &&
		cp "$H" "$TRASH/svg.html" &&
		logo logo-3x1.png &&
		node "$AXE/axe.js" "$TRASH/svg.html" "$H"
	'
else
	test_skip 'axe-core with a logo' 'no /usr/bin/chromium or npm (pipeline/deps.sh test)'
fi

test_done
