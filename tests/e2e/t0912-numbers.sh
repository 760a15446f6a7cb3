#!/bin/sh
# Issue 12: an indicator value reaches the PDFs as the decimal the ministry
# wrote (after width and comma normalisation): 0.0004, 12.3456 and
# 123456789012345 in the report's table, and nothing rounded in the text
# (pdftotext).  A value that cannot be kept exactly (more than 15
# significant digits), an exponent, Infinity or NaN is an error naming
# file, line and value.
. "$(dirname "$0")/../lib.sh"

test_year 2014
INGEST=$BD/bin/ingest
FX=$TOP/tests/ingest/fixtures
REFS="--year 2014 --registry $FX/ministries.xml --plan $FX/plan.xml --matrix $FX/matrix.xml"

cat >"$S/zz-indicators.csv" <<'CSV'
指標,年度,値,単位,出典,施策番号,府省庁
cyber-drills,2012,0.0004,回,総務省調べ,1-1-2-ウ,総務省
cyber-drills,2013,12.3456,回,総務省調べ,1-1-2-ウ,総務省
cyber-drills,2014,"１２３，４５６，７８９，０１２，３４５",回,総務省調べ,1-1-2-ウ,総務省
CSV

test_expect_success 'make report with exact values' '
	test_make report YEAR=2014 2>"$TRASH/report.err" &&
	test -s $O/annual-report-2014.pdf
'

# (every digit as written; the integer part grouped by thousands for
# reading, as the published reports print numbers: 123,456,789,012,345)
test_expect_success 'the report prints 0.0004, 12.3456 and 123456789012345 as written' '
	pdftotext $O/annual-report-2014.pdf "$TRASH/report.txt" &&
	tr -d " \n" <"$TRASH/report.txt" >"$TRASH/flat" &&
	grep -F "0.0004" "$TRASH/flat" &&
	grep -F "12.3456" "$TRASH/flat" &&
	grep -F "123,456,789,012,345" "$TRASH/flat"
'

test_expect_success 'nothing rounded: neither 12.346 nor 12.3 nor 0.0 beside the values' '
	! grep -E "(^|[^0-9.])12\.346?([^0-9]|$)" "$TRASH/report.txt" &&
	! grep -E "(^|[^0-9.])0\.0([^0-9]|$)" "$TRASH/report.txt" &&
	! grep -F "1.23457e" "$TRASH/report.txt" &&
	! grep -E "123,?456,?789,?012,?34[0-46-9]" "$TRASH/report.txt"
'

test_expect_success 'the area models and report pdocs carry the values as written' '
	cat "$TRASH"/work/*/model/*.xml >"$TRASH/models.xml" &&
	cat "$TRASH"/work/*/report/*.pdoc >"$TRASH/pdocs.xml" &&
	grep -F "value=\"12.3456\"" "$TRASH/models.xml" &&
	grep -F ">12.3456<" "$TRASH/pdocs.xml" && grep -F "y=\"12.3456\"" "$TRASH/pdocs.xml"
'

# refused VALUE MESSAGE: strict ingest of one row with VALUE exits 1
# naming file, line and value.
refused() {
	printf '指標,年度,値,府省庁\nceptoar,2014,%s,総務省\n' "$1" >"$TRASH/v.csv"
	st=0
	"$INGEST" $REFS -o "$TRASH/v.xml" "$TRASH/v.csv" 2>"$TRASH/err" || st=$?
	cat "$TRASH/err"
	[ $st -eq 1 ] && [ ! -e "$TRASH/v.xml" ] &&
	grep -F "$TRASH/v.csv:2: error: value '$1' $2" "$TRASH/err"
}

test_expect_success 'a 20-digit value is an error (no rounding)' '
	refused 12345678901234567890 "has more than 15 significant digits"
'

test_expect_success 'a 400-digit value is an error (no Infinity)' '
	refused "$(printf "9%.0s" $(seq 400))" "has more than 15 significant digits"
'

test_expect_success 'an exponent is an error' '
	refused 1.2E+3 "is written with an exponent"
'

test_expect_success 'Infinity and NaN are errors' '
	refused Infinity "is not a finite number" &&
	refused NaN "is not a finite number"
'

test_expect_success '15 significant digits are kept' '
	printf "指標,年度,値,府省庁\nceptoar,2014,999999999999999,総務省\nceptoar,2013,0.000000000000000000001,総務省\n" >"$TRASH/w.csv" &&
	"$INGEST" $REFS -o "$TRASH/w.xml" "$TRASH/w.csv" &&
	grep -F "value=\"999999999999999\"" "$TRASH/w.xml" &&
	grep -F "value=\"0.000000000000000000001\"" "$TRASH/w.xml"
'

test_done
