#!/bin/sh
# Issue 17: the HTML edition of FY2013 (other areas, other charts) holds
# the same: an HTML5 parse without errors, the structure checks, the same
# text as its PDF.  (t1140 does FY2014, its draft and axe-core.)
. "$(dirname "$0")/../lib.sh"

export SOURCE_DATE_EPOCH=1700000000
test_inputs 2013
O=$TRASH/output/2013
CHECK="/usr/bin/python3 $TOP/tests/a11y/html_check.py"

test_expect_success 'FY2013: parse, structure and text of the HTML edition' '
	test_make report YEAR=2013 2>/dev/null &&
	$CHECK parse "$O/annual-report-2013.html" &&
	$CHECK struct "$O/annual-report-2013.html" &&
	$CHECK text "$O/annual-report-2013.pdf" "$O/annual-report-2013.html" &&
	$CHECK alt "$O/annual-report-2013.pdf" "$O/annual-report-2013.html"
'

test_done
