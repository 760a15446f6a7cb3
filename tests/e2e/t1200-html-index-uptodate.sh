#!/bin/sh
# Issue 13 review: an HTML index file (html/F.idx.xml) that a remake leaves
# as it was (install -C keeps the same bytes and the old time) must count
# as made: the next run remakes nothing.  Before, every later run made each
# such index again (older than its pdoc and xform for ever).
. "$(dirname "$0")/../lib.sh"

test_year 2014
H=$W/annual-report-2014.html

test_expect_success 'report, then one area pdoc made again with the same index' '
	test_make report YEAR=2014 2>/dev/null &&
	cp "$W/html/area-2.idx.xml" "$TRASH/idx" &&
	touch "$W/report/area-2.pdoc" &&
	test_make YEAR=2014 "$H" 2>"$TRASH/first" &&
	grep -q "html-index.xsl -> .*area-2.idx" "$TRASH/first" &&
	cmp "$TRASH/idx" "$W/html/area-2.idx.xml"
'

test_expect_success 'the next run finds the HTML edition up to date and runs no step' '
	test_make YEAR=2014 "$H" 2>"$TRASH/second" &&
	! grep "xform:" "$TRASH/second"
'

test_expect_success 'an index removed is made again' '
	rm "$W/html/area-3.idx.xml" &&
	test_make YEAR=2014 "$H" 2>/dev/null &&
	test -s "$W/html/area-3.idx.xml" &&
	test_make YEAR=2014 "$H" 2>"$TRASH/third" && ! grep "xform:" "$TRASH/third"
'

test_done
