#!/bin/sh
# Issue 12, "Every entry in submissions/ is either read or reported", in
# strict and draft alike: .CSV is read like .csv, Excel's Unicode text
# (.txt) is marked read; lock files and OS litter are skipped with a note;
# damaged workbooks, .xls, folders, symlinks, FIFOs, unknown kinds and bad names are
# errors naming the entry.  Nothing follows a symlink or opens a FIFO.
. "$(dirname "$0")/../lib.sh"

test_year 2014

test_expect_success 'first build; upper-case .CSV read like .csv' '
	mv "$S/mic-progress.csv" "$S/MIC-PROGRESS.CSV" &&
	test_make report YEAR=2014 >"$TRASH/r0" 2>&1 &&
	grep -E "^ingest: 25 files, [0-9]+ rows, 0 errors" "$TRASH/r0" &&
	grep -qE ",mic,(提出済|評価なし),MIC-PROGRESS.CSV:" "$O/status-2014.csv" &&
	mkdir "$TRASH/prev" && cp -r "$O"/* "$TRASH/prev/"
'

printf 'PK\003\004 not really a workbook' >"$S/mod-progress-v2.xlsx"
printf 'PK\003\004' >"$S/macro.XLSM"
printf '\320\317\021\340' >"$S/old.xls"
mkdir "$S/folder" && cp "$S/mof-progress.csv" "$S/folder/"
ln -s /etc/passwd "$S/zz.csv"
mkfifo "$S/fifo.csv"
printf 'x' >"$S/notes.pdf"
printf 'x' >"$S/$(printf 'bad\377name.csv')"
printf 'x' >"$S/$(printf 'ctl\001name.csv')"
printf 'x' >"$S/Thumbs.db"
printf 'x' >"$S/desktop.ini"
printf 'x' >"$S/~\$MIC-PROGRESS.CSV"
# Excel's 「Unicode テキスト」: UTF-16LE with BOM, tab-separated.
{ printf '\377\376'; printf '施策番号\t府省庁\t実績\r\n' | iconv -f UTF-8 -t UTF-16LE; } >"$S/unicode.txt"

test_expect_success 'make report: exit 1, each entry named with what to do, old files kept' '
	! timeout 60 make -s --no-print-directory -C "$TOP" INPUT="$TRASH/input" \
		OUTDIR="$TRASH/output" WORK="$TRASH/work" report YEAR=2014 >"$TRASH/r1" 2>&1 &&
	grep -F "submissions/mod-progress-v2.xlsx: error: the workbook is damaged (Not a zip archive): open it in Excel and save it again" "$TRASH/r1" &&
	grep -F "submissions/macro.XLSM: error: the workbook is damaged" "$TRASH/r1" &&
	grep -F "submissions/old.xls: error: an old Excel workbook (.xls) is not read; open it in Excel and save it as Excel Workbook (.xlsx)" "$TRASH/r1" &&
	grep -F "submissions/folder: error: a folder; files in folders are not read" "$TRASH/r1" &&
	grep -F "submissions/zz.csv: error: a symbolic link; links are not followed" "$TRASH/r1" &&
	grep -F "submissions/fifo.csv: error: not a regular file" "$TRASH/r1" &&
	grep -F "submissions/notes.pdf: error: not a submission file" "$TRASH/r1" &&
	grep -F "submissions/bad\\xFFname.csv: error: the file name is not valid UTF-8" "$TRASH/r1" &&
	grep -F "submissions/ctl\\x01name.csv: error: the file name" "$TRASH/r1" &&
	grep -F "submissions/Thumbs.db: note: " "$TRASH/r1" &&
	grep -F "submissions/desktop.ini: note: " "$TRASH/r1" &&
	grep -F "submissions/~\$MIC-PROGRESS.CSV: note: an Excel lock file" "$TRASH/r1" &&
	! grep -F "root:x:0" "$TRASH/r1" &&
	for f in "$TRASH"/prev/*; do diff -rq "$f" "$O/${f##*/}" || exit 1; done
'

test_expect_success 'the manifest marks the .txt (UTF-16) read, with its sha256' '
	grep -E "<entry name=\"unicode.txt\" verdict=\"read\" size=\"[0-9]+\" sha256=\"[0-9a-f]{64}\"" "$W/manifest.xml"
'

test_expect_success 'make draft: renders, and its annex names the entries' '
	rm -f "$S/unicode.txt" &&
	timeout 60 make -s --no-print-directory -C "$TOP" INPUT="$TRASH/input" \
		OUTDIR="$TRASH/output" WORK="$TRASH/work" draft YEAR=2014 >"$TRASH/d1" 2>&1 &&
	pdftotext -q "$O/annual-report-2014-draft.pdf" - | tr -d " \n" >"$TRASH/draft.txt" &&
	grep -qF "mod-progress-v2.xlsx" "$TRASH/draft.txt" &&
	grep -qF "zz.csv" "$TRASH/draft.txt" &&
	grep -qF "fifo.csv" "$TRASH/draft.txt" &&
	! grep -qF "root:x:0" "$TRASH/draft.txt"
'

test_expect_success 'make validate: the same errors, counted' '
	! timeout 60 make -s --no-print-directory -C "$TOP" INPUT="$TRASH/input" \
		OUTDIR="$TRASH/output" WORK="$TRASH/work" validate YEAR=2014 >"$TRASH/v1" 2>&1 &&
	grep -E "submissions: [0-9]+ rows from 17 ministries, 9 errors" "$TRASH/v1" &&
	grep -F "zz.csv: error: a symbolic link" "$TRASH/v1" &&
	grep -F "fifo.csv: error: not a regular file" "$TRASH/v1"
'

if [ "$(id -u)" = 0 ]; then
	echo "ok - t0920-entries: an unreadable file is an error naming it # SKIP root reads every file"
else
	test_expect_success 'an unreadable file is an error naming it' '
		cp "$S/MIC-PROGRESS.CSV" "$S/secret.csv" && chmod 000 "$S/secret.csv" &&
		! test_make report YEAR=2014 >"$TRASH/r2" 2>&1 &&
		grep -F "submissions/secret.csv: error: cannot be read" "$TRASH/r2"
	'
fi

test_done
