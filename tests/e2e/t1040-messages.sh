#!/bin/sh
# Issue 16, "Messages in Japanese": every stage prints its messages in
# Japanese by default under make (po/ja.po through gettext), in English
# with MESSAGES=en, and when run alone follows the locale (LANG=C:
# English); the draft annex lists the findings whatever the language.
# tests/lib.sh sets MESSAGES=en LANGUAGE=en: these tests unset them.
. "$(dirname "$0")/../lib.sh"

test_year 2014
printf '施策番号,府省庁,実績\r\n9-9-9-ア,内閣官房,試験の実績\r\n' >"$S/zz-progress.csv"
# inventory's verdicts, printed whole: a note (an Excel lock file) and an
# error (a folder).
: >"$S/~\$zz-progress.csv"
mkdir "$S/zz-folder"
FX=$TOP/tests/ingest/fixtures
REFS="--year 2014 --registry $FX/ministries.xml --plan $FX/plan.xml --matrix $FX/matrix.xml"
BIN=$BD/bin
JA="zz-progress.csv:2: error: 施策番号 '9-9-9-ア' はその年度の計画にありません。正しい番号を選んでください。"
EN="zz-progress.csv:2: error: unknown measure id '9-9-9-ア'; "

test_expect_success 'make report: Japanese by default, exit non-zero, FILE:LINE: error: kept' '
	st=0 &&
	(unset MESSAGES LANGUAGE LC_MESSAGES; LANG=C LC_ALL=C test_make report YEAR=2014) \
		>/dev/null 2>"$TRASH/ja.err" || st=$? &&
	test "$st" -ne 0 &&
	grep -F "$JA" "$TRASH/ja.err" &&
	grep -F "~\$zz-progress.csv: note: Excel のロックファイル（ブックを Excel で開いている印）のため、読み飛ばしました" "$TRASH/ja.err" &&
	grep -F "zz-folder: error: フォルダです。フォルダの中のファイルは読みません。" "$TRASH/ja.err" &&
	grep "^ingest: .* ファイル、.* 行、エラー 2 件、警告 .* 件$" "$TRASH/ja.err" &&
	! grep -F "unknown measure id" "$TRASH/ja.err" &&
	! test -e "$TRASH/output/2014/annual-report-2014.pdf"
'

test_expect_success 'make report MESSAGES=en: the same finding in English' '
	st=0 &&
	(unset LANGUAGE; test_make report YEAR=2014 MESSAGES=en) >/dev/null 2>"$TRASH/en.err" ||
		st=$? &&
	test "$st" -ne 0 &&
	grep -F "$EN" "$TRASH/en.err" &&
	grep -F "zz-folder: error: a folder; files in folders are not read" "$TRASH/en.err" &&
	grep "^ingest: [0-9]* files, [0-9]* rows, 2 errors, [0-9]* warnings$" "$TRASH/en.err" &&
	! grep -F "施策番号 '"'"'9-9-9-ア'"'"' は" "$TRASH/en.err"
'

test_expect_success 'MESSAGES other than ja or en is a usage error naming the choices' '
	! test_make report YEAR=2014 MESSAGES=fr >/dev/null 2>"$TRASH/fr.err" &&
	grep "MESSAGES must be ja (the default) or en" "$TRASH/fr.err"
'

test_expect_success 'a stage run alone: English with LANG=C, Japanese with a Japanese LANGUAGE' '
	(unset LANGUAGE LC_MESSAGES; LC_ALL=C LANG=C "$BIN/ingest" $REFS --draft -o "$TRASH/c.xml" \
		"$S/zz-progress.csv") 2>"$TRASH/c.err" || true &&
	grep -F "$EN" "$TRASH/c.err" &&
	(unset LC_MESSAGES LANG; LANGUAGE=ja LC_ALL=C.UTF-8 "$BIN/ingest" $REFS --draft \
		-o "$TRASH/j.xml" "$S/zz-progress.csv") 2>"$TRASH/j.err" || true &&
	grep -F "$JA" "$TRASH/j.err" &&
	grep -F "候補：1-1-1-ア" "$TRASH/j.err" && ! grep -F "nearest" "$TRASH/j.err" &&
	grep -F "<shown>" "$TRASH/j.xml" | grep -F "はその年度の計画にありません" &&
	! grep -F "<shown>" "$TRASH/c.xml" &&
	sed "/^ *<shown>.*<\/shown>$/d" "$TRASH/j.xml" >"$TRASH/j-en.xml" &&
	cmp "$TRASH/c.xml" "$TRASH/j-en.xml"
'

test_expect_success 'usage errors and the stylesheets'"'"' xsl:message lines are translated too' '
	(LANGUAGE=ja LC_ALL=C.UTF-8 "$BIN/ingest" --year x) 2>"$TRASH/u.err" || true &&
	grep -Fx "ingest: --year：年度「x」が読めません" "$TRASH/u.err" &&
	printf "<plan><area id=\"a b\"/></plan>\n" >"$TRASH/plan.xml" &&
	(LANGUAGE=ja LC_ALL=C.UTF-8 "$BIN/xform" -o "$TRASH/a.mk" "$TOP/stylesheets/areas.xsl" \
		"$TRASH/plan.xml") 2>"$TRASH/x.err" || true &&
	grep -Fx "plan.xml: error: 計画の分野番号「a b」はファイル名に使えません。英字、数字、「-」と「_」だけにしてください" "$TRASH/x.err" &&
	(LANGUAGE=en LC_ALL=C.UTF-8 "$BIN/xform" -o "$TRASH/a.mk" "$TOP/stylesheets/areas.xsl" \
		"$TRASH/plan.xml") 2>"$TRASH/xe.err" || true &&
	grep -F "plan.xml: error: plan area id '"'"'a b'"'"' cannot name a file" "$TRASH/xe.err"
'

test_expect_success 'make draft in Japanese: the annex still lists the finding, file and line' '
	(unset MESSAGES LANGUAGE; test_make draft YEAR=2014) >/dev/null 2>"$TRASH/d.err" &&
	grep -F "$JA" "$TRASH/d.err" &&
	pdftotext "$TRASH/output/2014/annual-report-2014-draft.pdf" - >"$TRASH/d.txt" &&
	grep -F "9-9-9-ア" "$TRASH/d.txt" &&
	grep -F "zz-progress.csv" "$TRASH/d.txt"
'

test_expect_success 'the same PDFs and status CSV in either language' '
	rm -r "$S/zz-progress.csv" "$S/~\$zz-progress.csv" "$S/zz-folder" &&
	(unset MESSAGES LANGUAGE; test_make report YEAR=2014) >/dev/null 2>"$TRASH/r-ja.err" &&
	grep "^計画：施策 [0-9]* 件" "$TRASH/r-ja.err" &&
	(unset LANGUAGE; test_make report YEAR=2014 MESSAGES=en WORK="$TRASH/work-en" \
		OUTDIR="$TRASH/out-en") >/dev/null 2>"$TRASH/r-en.err" &&
	grep "^plan: [0-9]* measures" "$TRASH/r-en.err" &&
	for f in annual-report-2014.pdf summary-slides-2014.pdf status-2014.csv; do
		cmp "$TRASH/output/2014/$f" "$TRASH/out-en/2014/$f" || exit 1
	done
'

test_done
