#!/bin/sh
# Issue 12, "Strict means strict": every error make validate reports stops
# make report, from the plan, matrix and registry as well as the
# submissions (check runs before join); the published files stay as they
# were; make draft still renders.
. "$(dirname "$0")/../lib.sh"

test_year 2014

test_expect_success 'first build' '
	test_make report YEAR=2014 2>/dev/null &&
	mkdir "$TRASH/prev" && cp -r "$O"/* "$TRASH/prev/" &&
	cp "$I/2014/plan.xml" "$I/2014/matrix.xml" "$I/ministries.xml" "$TRASH/"
'

# strict_case NAME FILE SED-SCRIPT PATTERN ANNEX: FILE edited by SED-SCRIPT;
# make validate reports PATTERN, make report fails with it and publishes
# nothing, make draft renders and its annex (pdftotext) has ANNEX; then
# FILE is restored.
strict_case() {
	test_expect_success "$1: validate reports it, report stops, draft renders and lists it" "
		sed '$3' \"\$TRASH/$2\" >\"\$TARGET\" &&
		! cmp -s \"\$TRASH/$2\" \"\$TARGET\" &&
		! test_make validate YEAR=2014 >\"\$TRASH/v.out\" 2>&1 &&
		grep -E '$4' \"\$TRASH/v.out\" &&
		! test_make report YEAR=2014 >\"\$TRASH/r.out\" 2>&1 &&
		grep -E '$4' \"\$TRASH/r.out\" &&
		for f in \"\$TRASH\"/prev/*; do diff -rq \"\$f\" \"\$O/\${f##*/}\" || exit 1; done &&
		test_make draft YEAR=2014 >/dev/null 2>&1 &&
		test -s \"\$O/annual-report-2014-draft.pdf\" &&
		pdftotext \"\$O/annual-report-2014-draft.pdf\" - | grep -E '$5' &&
		cp \"\$TRASH/$2\" \"\$TARGET\"
	"
}

TARGET=$I/2014/plan.xml
strict_case 'an unknown responsible ministry' plan.xml \
	'0,/<ministry ref="cas"\/>/s//<ministry ref="nosuch"\/>/' 'error: .*nosuch' 'nosuch'
strict_case 'a dangling footnote reference' plan.xml \
	'0,/<fnref ref="fn1"\/>/s//<fnref ref="fn999"\/>/' 'error: .*fn999' 'fn999'
strict_case 'an invalid date' plan.xml \
	's/date="2014-07-10"/date="2014\/07\/10"/' 'error: .*date' '2014/07/10'
strict_case 'an xi:include' plan.xml \
	's|<plan year="2014"|<plan xmlns:xi="http://www.w3.org/2001/XInclude" year="2014"|; 0,/<\/resp>/s//<\/resp><xi:include href="\/etc\/passwd" parse="text"\/>/' 'error: ' 'include'
TARGET=$I/2014/matrix.xml
strict_case 'a matrix entry for a measure that does not exist' matrix.xml \
	's/<entry target="1-1-1-ア"/<entry target="1-1-1-ン"/' "error: .*1-1-1-ン" '1-1-1-ン'

test_expect_success 'restored: make report publishes again' '
	test_make report YEAR=2014 2>/dev/null &&
	for f in "$TRASH"/prev/*; do diff -rq "$f" "$O/${f##*/}" || exit 1; done
'

test_done
