#!/bin/sh
# make templates (issue 16): one workbook and its CSV forms per ministry
# with measures or indicators, checked with openpyxl against the plan,
# matrix and registry read with xml.etree; a template filled in, saved and
# converted to CSV goes through ingest without errors.
. "$(dirname "$0")/../lib.sh"
PY="/usr/bin/python3 $TOP/tests/e2e/t0960-templates.py"
test_inputs 2014
T=$TRASH/output/2014/templates

test_expect_success 'make templates writes every ministry'"'"'s forms' '
	test_make templates YEAR=2014 2>"$TRASH/err" &&
	grep -q "^templates: 17 ministries, 51 files in" "$TRASH/err" &&
	$PY expect "$TRASH/input" 2014 "$T"
'

test_expect_success 'no temporary file is left' '
	! ls "$T" | grep -q "\.tmp$"
'

test_expect_success 'a filled-in template converted to CSV goes through ingest' '
	mkdir -p "$TRASH/fill" &&
	$PY fill "$T/mic-総務省.xlsx" "$TRASH/fill" >"$TRASH/fill/n" &&
	read np ni <"$TRASH/fill/n" && test "$np" -gt 40 && test "$ni" -gt 10 &&
	"$BD/bin/ingest" --year 2014 --registry "$TRASH/input/ministries.xml" \
		--plan "$TRASH/input/2014/plan.xml" --matrix "$TRASH/input/2014/matrix.xml" \
		-o "$TRASH/fill/sub.xml" "$TRASH/fill/progress.csv" "$TRASH/fill/indicators.csv" \
		2>"$TRASH/fill/err" &&
	tail -n 1 "$TRASH/fill/err" | grep " 0 errors" &&
	! grep ": error:" "$TRASH/fill/err" &&
	test "$(grep -c "<progress " "$TRASH/fill/sub.xml")" -eq "$np" &&
	test "$(grep -c "<indicator " "$TRASH/fill/sub.xml")" -eq "$ni" &&
	grep -q "受講者は合計20人" "$TRASH/fill/sub.xml"
'

test_expect_success 'the CSV templates, filled in as text, go through ingest' '
	{ head -n 1 "$T/moj-法務省-実施状況.csv" &&
	  tail -n +2 "$T/moj-法務省-実施状況.csv" | sed "s/,,,,,\r\$/,実施した。,,,○,\r/"
	} >"$TRASH/moj.csv" &&
	"$BD/bin/ingest" --year 2014 --registry "$TRASH/input/ministries.xml" \
		--plan "$TRASH/input/2014/plan.xml" --matrix "$TRASH/input/2014/matrix.xml" \
		-o "$TRASH/moj.xml" "$TRASH/moj.csv" 2>"$TRASH/moj.err" &&
	! grep ": error:" "$TRASH/moj.err" &&
	test "$(grep -c "<progress " "$TRASH/moj.xml")" -eq \
		"$(($(wc -l <"$T/moj-法務省-実施状況.csv") - 1))"
'

test_expect_success 'an unknown responsible ministry in the plan: exit 1, nothing written' '
	mkdir -p "$TRASH/in3/2014" && cp "$TRASH/input/ministries.xml" "$TRASH/in3/" &&
	cp "$TRASH/input/2014/matrix.xml" "$TRASH/in3/2014/" &&
	sed "0,/<ministry ref=\"cas\"\/>/s//<ministry ref=\"nosuch\"\/>/" \
		"$TRASH/input/2014/plan.xml" >"$TRASH/in3/2014/plan.xml" &&
	test_expect_code=0 &&
	{ "$BD/bin/templates" --year 2014 --registry "$TRASH/in3/ministries.xml" \
		--plan "$TRASH/in3/2014/plan.xml" --matrix "$TRASH/in3/2014/matrix.xml" \
		-o "$TRASH/out3" 2>"$TRASH/err3" || test_expect_code=$?; } &&
	test "$test_expect_code" -eq 1 &&
	grep -q "plan.xml:[0-9]*: error: unknown responsible ministry .nosuch." "$TRASH/err3" &&
	test ! -e "$TRASH/out3"
'

test_done
