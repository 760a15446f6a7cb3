#!/bin/sh
# Issue 16, "A one-file check": make validate YEAR=2014 FILE=path checks one
# file (CSV or .xlsx, anywhere, any name) against the year's plan and
# registry: its messages, a one-line verdict in Japanese, exit 0 only when
# the file would be accepted, nothing written under output/.  The name is
# never interpreted by make or the shell.  make validate without FILE is
# unchanged.
. "$(dirname "$0")/../lib.sh"

test_inputs 2014
S=$TRASH/input/2014/submissions
D=$TRASH/attachments
mkdir -p "$D"
cp "$S/mic-progress.csv" "$D/mic-progress.csv"
printf '施策番号,府省庁,実績\r\n1-1-9-ア,総務省,番号の誤り\r\n1-1-1-イ,総務庁,府省庁名の誤り\r\n1-1-1-イ,総務省,正しい行\r\n' >"$D/bad.csv"
HOSTILE='a b "q" '"'"'s'"'"' $(touch PWNED) `touch PWNED2` $$HOME ;|&.csv'
cp "$D/mic-progress.csv" "$D/$HOSTILE"
cp "$D/mic-progress.csv" "$D/-dash.csv"

validate() {
	test_make validate YEAR=2014 FILE="$1" >"$TRASH/out" 2>"$TRASH/err"
}

test_expect_success 'a good CSV: its warnings, 受理できます, exit 0, nothing under output/' '
	validate "$D/mic-progress.csv" &&
	test "$(tail -n 1 "$TRASH/out")" = "受理できます（警告 1 件）" &&
	grep -F "mic-progress.csv:34: warning: 3-2-ク is a re-listing" "$TRASH/err" &&
	grep -E "^plan: [0-9]+ measures, .*submissions: 47 rows from 1 ministries, 0 errors, 1 warnings$" "$TRASH/err" &&
	! test -e "$TRASH/output"
'

test_expect_success 'a bad CSV: every error named, 受理できません with the count, exit not 0' '
	! validate "$D/bad.csv" &&
	test "$(tail -n 1 "$TRASH/out")" = "受理できません：エラー 2 件" &&
	grep -F "bad.csv:2: error: unknown measure id" "$TRASH/err" &&
	grep -F "bad.csv:3: error: unknown ministry" "$TRASH/err" &&
	! test -e "$TRASH/output"
'

test_expect_success 'an .xlsx: messages name the cell' '
	printf "施策番号,府省庁,実績\r\n1-1-9-ア,総務省,番号の誤り\r\n" >"$TRASH/x.csv" &&
	if /usr/bin/python3 -c "import openpyxl" 2>/dev/null; then
		/usr/bin/python3 "$TOP/tests/e2e/t1000-csv2xlsx.py" --title 1 "$TRASH/x.csv" "$D/mic.xlsx" &&
		! validate "$D/mic.xlsx" &&
		grep -F "mic.xlsx:実施状況!A3: error: unknown measure id" "$TRASH/err" &&
		test "$(tail -n 1 "$TRASH/out")" = "受理できません：エラー 1 件"
	fi
'

test_expect_success 'an .xls: refused, with what to do' '
	! validate "$TOP/tests/fixtures/xlsx/legacy.xls" &&
	grep -F "legacy.xls: error: an Excel 97-2003 workbook (.xls)" "$TRASH/err" &&
	tail -n 1 "$TRASH/out" | grep -q "^受理できません"
'

test_expect_success 'a hostile name (spaces, quotes, $(…), backquotes; a leading dash after --): read as a name' '
	cd "$D" &&
	validate "$D/$HOSTILE" &&
	test "$(tail -n 1 "$TRASH/out")" = "受理できます（警告 1 件）" &&
	grep -F "$HOSTILE:34: warning" "$TRASH/err" &&
	"$BD/bin/ingest" --year 2014 --registry "$TRASH/input/ministries.xml" \
		--plan "$TRASH/input/2014/plan.xml" --matrix "$TRASH/input/2014/matrix.xml" \
		-o "$TRASH/dash.xml" -- -dash.csv 2>"$TRASH/dash.err" &&
	grep -F "ingest: 1 files, 47 rows, 0 errors" "$TRASH/dash.err" &&
	! test -e "$D/PWNED" && ! test -e "$D/PWNED2" && ! test -e "$TOP/PWNED" && ! test -e "$TOP/PWNED2"
'

test_expect_success 'no such file: said so, exit not 0' '
	! validate "$D/nothing.csv" &&
	grep -F "nothing.csv: error: no such file" "$TRASH/err" &&
	tail -n 1 "$TRASH/out" | grep -q "^確認できません"
'

test_expect_success 'make validate without FILE: the whole year, as before' '
	test_make validate YEAR=2014 >"$TRASH/out" 2>"$TRASH/err" &&
	grep -E "^plan: 118 measures, matrix: [0-9]+ entries, submissions: [0-9]+ rows from 17 ministries, 0 errors" "$TRASH/err" &&
	! grep -q "受理" "$TRASH/out"
'

test_done
