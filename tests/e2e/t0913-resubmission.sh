#!/bin/sh
# Issue 12: a corrected file beside the original (mic-progress.csv and
# mic-progress_修正.csv, or "mic-progress (2).csv") reports the same
# measures twice.  Strict: an error naming both files and telling the user
# to remove the outdated one; draft: both kept, each row marked with its
# file in the report.  Files that do not overlap (meti-progress-1/-2) stay
# fine; the same measure twice in one file keeps today's rule.
. "$(dirname "$0")/../lib.sh"

test_year 2014
INGEST=$BD/bin/ingest
REFS="--year 2014 --registry $TRASH/input/ministries.xml --plan $TRASH/input/2014/plan.xml --matrix $TRASH/input/2014/matrix.xml"

# corrected SRC DST: SRC with its first 実績 replaced by 修正後の実績です。
corrected() {
	/usr/bin/python3 - "$1" "$2" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
rows[1][2] = "修正後の実績です。"
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""), lineterminator="\r\n").writerows(rows)
PY
}

test_expect_success 'the real submissions (meti-progress-1 and -2) do not overlap' '
	"$INGEST" $REFS -o "$TRASH/s.xml" "$S"/*.csv 2>"$TRASH/err" &&
	! grep -F "two versions" "$TRASH/err" && ! grep -q "overlap=" "$TRASH/s.xml"
'

test_expect_success 'mic-progress (2).csv beside mic-progress.csv: ingest names both, exit 1' '
	corrected "$S/mic-progress.csv" "$TRASH/mic-progress (2).csv" &&
	st=0; "$INGEST" $REFS -o "$TRASH/o.xml" "$S/mic-progress.csv" "$TRASH/mic-progress (2).csv" \
		2>"$TRASH/err" || st=$?
	cat "$TRASH/err"
	[ $st -eq 1 ] && [ ! -e "$TRASH/o.xml" ] &&
	grep -F "$TRASH/mic-progress (2).csv:2: error: this file and mic-progress.csv both report measure" "$TRASH/err" &&
	grep -F "keep the corrected file and remove the outdated one" "$TRASH/err" &&
	[ $(grep -c "two versions of one submission" "$TRASH/err") -eq 1 ]
'

test_expect_success 'make report refuses mic-progress_修正.csv beside mic-progress.csv' '
	corrected "$S/mic-progress.csv" "$S/mic-progress_修正.csv" &&
	st=0; test_make report YEAR=2014 2>"$TRASH/report.err" || st=$?
	[ $st -ne 0 ] && [ ! -e $O/annual-report-2014.pdf ] &&
	grep -F "mic-progress_修正.csv:2: error: this file and mic-progress.csv both report measure" "$TRASH/report.err"
'

test_expect_success 'make draft shows both versions, each marked with its file' '
	test_make draft YEAR=2014 2>"$TRASH/draft.err" &&
	pdftotext $O/annual-report-2014-draft.pdf "$TRASH/draft.txt" &&
	tr -d " \n" <"$TRASH/draft.txt" >"$TRASH/flat" &&
	grep -F "修正後の実績です。" "$TRASH/flat" &&
	grep -F "〔mic-progress_修正.csvより〕修正後の実績です。" "$TRASH/flat" &&
	grep -F "〔mic-progress.csvより〕" "$TRASH/flat" &&
	grep -F "two versions of one submission" "$TRASH/draft.err"
'

test_expect_success 'the same measure twice in one file: today'"'"'s rule (no overlap)' '
	printf "施策番号,府省庁,実績\n1-1-1-イ,総務省,一つ目\n1-1-1-イ,総務省,二つ目\n" >"$TRASH/one.csv" &&
	"$INGEST" $REFS -o "$TRASH/one.xml" "$TRASH/one.csv" 2>"$TRASH/err" &&
	[ $(grep -c "<progress " "$TRASH/one.xml") -eq 2 ] && ! grep -q "overlap=" "$TRASH/one.xml"
'

test_done
