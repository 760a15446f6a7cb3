#!/bin/sh
# Issue 12, "No file name is ever interpreted": make never sees a
# submission's name (the inventory lists the folder and writes the
# manifest), so any name the file system allows works end to end, and
# make -n, clean, validate, draft and report run no command hidden in one.
. "$(dirname "$0")/../lib.sh"

test_year 2014

# The status CSV without its src column (the file names differ).
status_cells() {
	/usr/bin/python3 -c '
import csv, sys
for r in csv.reader(open(sys.argv[1], encoding="utf-8")):
    print("\t".join(r[:-1]))' "$1"
}

# Commands hidden in names write pwned-t0900-* in make's directory ($TOP)
# or the shell's; none may ever appear.
no_pwned() {
	! ls "$TOP"/pwned-t0900-* "$TRASH"/pwned-t0900-* 2>/dev/null
}
cleanup_pwned() {
	rm -f "$TOP"/pwned-t0900-* "$TRASH"/pwned-t0900-*
}

test_expect_success 'the pristine inputs: make report (the reference status)' '
	test_make report YEAR=2014 WORK="$TRASH/work0" OUTDIR="$TRASH/out0" 2>"$TRASH/err0" &&
	status_cells "$TRASH/out0/2014/status-2014.csv" >"$TRASH/status0"
'

# Rename submissions to hostile names (their content decides the ministry).
NFD=$(printf 'caa-progress-\343\201\213\343\202\231.csv')   # か + combining dakuten
mv "$S/maff-progress.csv" "$S/maff progress (2).csv"
mv "$S/moj-progress.csv" "$S/o'brien.csv"
mv "$S/env-progress.csv" "$S/農水省 提出.csv"
mv "$S/caa-progress.csv" "$S/$NFD"
mv "$S/caa-indicators.csv" "$S/-caa-indicators.csv"
mv "$S/mod-progress.csv" "$S/\$(shell touch pwned-t0900-shell) \`touch pwned-t0900-tick\`; \$HOME \"q\" ;touch pwned-t0900-semi.csv"
mv "$S/mof-progress.csv" "$S/a\$\$(touch pwned-t0900-dollar)b.CSV"
printf 'locked by Excel\n' >"$S/~\$mic-progress.csv"
printf 'x' >"$S/.DS_Store"

test_expect_success 'make -n report: exit 0, no command from a name' '
	test_make -n report YEAR=2014 >"$TRASH/n.out" 2>&1 &&
	no_pwned && ! grep -F "pwned" "$TRASH/n.out"
'

test_expect_success 'make validate: every renamed file read, 0 errors, no command from a name' '
	test_make validate YEAR=2014 >"$TRASH/v.out" 2>&1 &&
	grep -F "~\$mic-progress.csv: note: an Excel lock file" "$TRASH/v.out" &&
	grep -F ".DS_Store: note: " "$TRASH/v.out" &&
	! grep -E ": error: " "$TRASH/v.out" &&
	grep -E "submissions: [0-9]+ rows from 17 ministries, 0 errors" "$TRASH/v.out" &&
	no_pwned
'

test_expect_success 'make draft: published, no command from a name' '
	test_make draft YEAR=2014 >"$TRASH/d.out" 2>&1 &&
	test -s "$O/annual-report-2014-draft.pdf" && no_pwned
'

test_expect_success 'make report: exit 0, the same status as with plain names' '
	test_make report YEAR=2014 >"$TRASH/r.out" 2>&1 &&
	grep -E "^ingest: 25 files, [0-9]+ rows, 0 errors" "$TRASH/r.out" &&
	status_cells "$O/status-2014.csv" >"$TRASH/status1" &&
	test_cmp "$TRASH/status0" "$TRASH/status1" &&
	grep -F "maff progress (2).csv:" "$O/status-2014.csv" &&
	grep -F "o'\''brien.csv:" "$O/status-2014.csv" &&
	no_pwned
'

test_expect_success 'the draft files stay beside the report (published together)' '
	test -s "$O/annual-report-2014-draft.pdf" && test -s "$O/status-2014-draft.csv"
'

test_expect_success 'make clean: no command from a name' '
	test_make clean B="$TRASH/cleanb" >"$TRASH/c.out" 2>&1 &&
	no_pwned
'
cleanup_pwned

test_done
