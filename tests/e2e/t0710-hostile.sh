#!/bin/sh
# Hostile and broken input (issue 6): XML payloads (XXE, parameter-entity
# XXE, billion laughs, 10 000-deep nesting) through every stage that reads
# XML; stylesheets that write files or read the network; every broken CSV
# of tests/hostile/csv with its exact messages; all errors of a run
# reported together; large inputs finish.  Inputs: tests/hostile/README.
. "$(dirname "$0")/../lib.sh"

cd "$TOP" || exit 3
make -s all >/dev/null 2>&1 || { echo "t0710: cannot build"; exit 3; }
BIN=$BD/bin
FX=tests/ingest/fixtures
H=tests/hostile
REFS="--year 2014 --registry $FX/ministries.xml --plan $FX/plan.xml --matrix $FX/matrix.xml"
ENTITY='entity declarations are not allowed in pipeline inputs; remove the DOCTYPE'
DEPTH='elements nested deeper than 256 levels; pipeline inputs never need that'
# A line of /etc/passwd that must never show up anywhere.
PW=$(head -n 1 /etc/passwd)

# run EXPECTED_EXIT OUTFILE CMD...: runs with a 20 s limit, stderr to
# $TRASH/err; checks the exit status, that OUTFILE was not written and
# that no /etc/passwd content leaked into stderr.
run() {
	want=$1 out=$2
	shift 2
	rm -f "$out" "$out.tmp"
	st=0
	timeout 20 "$@" >"$TRASH/stdout" 2>"$TRASH/err" || st=$?
	[ "$st" -eq "$want" ] || { echo "exit $st, want $want: $*"; cat "$TRASH/err"; return 1; }
	[ ! -e "$out" ] && [ ! -e "$out.tmp" ] || { echo "$out written"; return 1; }
	! grep -qF -- "$PW" "$TRASH/err" "$TRASH/stdout"
}

# --- XML payloads through every reader --------------------------------------

echo '<r/>' >"$TRASH/in.xml"

# msg_for FILE: the one error expected for a payload.
msg_for() {
	case $1 in *deep*) echo "$1:3: error: $DEPTH" ;; *) echo "$1:1: error: $ENTITY" ;; esac
}

for x in $H/xml/xxe.xml $H/xml/xxe-param.xml $H/xml/xxe-http.xml $H/xml/billion-laughs.xml \
	$H/xml/deep.xml; do
	n=$(basename "$x" .xml)
	test_expect_success "$n: check refuses it as plan, matrix and registry (FILE:LINE, exit 1)" "
		for role in plan matrix registry; do
			p=$FX/plan.xml m=$FX/matrix.xml r=$FX/ministries.xml
			case \$role in plan) p=$x ;; matrix) m=$x ;; registry) r=$x ;; esac
			run 1 '$TRASH/none' '$BIN/check' --year 2014 --schemas stylesheets \
				--registry \$r --plan \$p --matrix \$m &&
			grep -qxF '$(msg_for "$x")' '$TRASH/err' || return 1
		done
	"
	test_expect_success "$n: ingest refuses it as --plan, --matrix and --registry" "
		for role in plan matrix registry; do
			p=$FX/plan.xml m=$FX/matrix.xml r=$FX/ministries.xml
			case \$role in plan) p=$x ;; matrix) m=$x ;; registry) r=$x ;; esac
			run 1 '$TRASH/s.xml' '$BIN/ingest' --year 2014 --registry \$r --plan \$p \
				--matrix \$m -o '$TRASH/s.xml' tests/ingest/progress-ja.csv &&
			grep -qxF '$(msg_for "$x")' '$TRASH/err' || return 1
		done
	"
	test_expect_success "$n: xform refuses it as the input document" "
		run 1 '$TRASH/x.csv' '$BIN/xform' -o '$TRASH/x.csv' stylesheets/status.xsl $x &&
		grep -qxF '$(msg_for "$x")' '$TRASH/err'
	"
	test_expect_success "$n: year.xsl refuses it through document(\$registry)" "
		run 1 '$TRASH/m.xml' '$BIN/xform' --param year 2014 --param registry '$TOP/$x' \
			--param dir '$TRASH' -o '$TRASH/m.xml' stylesheets/year.xsl tests/fixtures/year/submissions.xml
	"
done

test_expect_success 'check refuses an XXE payload as --submissions' '
	run 1 "$TRASH/none" "$BIN/check" --year 2013 --schemas stylesheets \
		--registry tests/schema/registry-valid.xml --plan tests/schema/plan-valid.xml \
		--matrix tests/schema/matrix-valid.xml --submissions $H/xml/xxe.xml &&
	grep -qxF "$H/xml/xxe.xml:1: error: $ENTITY" "$TRASH/err"
'

test_expect_success 'xform refuses a 10 000-deep stylesheet (exit 1, no crash)' '
	{ printf "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"><xsl:template match=\"/\">"
	  i=0; while [ $i -lt 10000 ]; do printf "<a>"; i=$((i + 1)); done
	  i=0; while [ $i -lt 10000 ]; do printf "</a>"; i=$((i + 1)); done
	  printf "</xsl:template></xsl:stylesheet>\n"; } >"$TRASH/deep.xsl" &&
	run 1 "$TRASH/o.xml" "$BIN/xform" -o "$TRASH/o.xml" "$TRASH/deep.xsl" "$TRASH/in.xml"
'

test_expect_success 'parameter-entity XXE through join: whatever the outcome, no /etc/passwd content' '
	st=0
	"$BIN/xform" --param year 2014 --param registry "$TOP/$H/xml/xxe-param.xml" \
		--param dir "$TRASH" -o "$TRASH/pm.xml" stylesheets/year.xsl tests/fixtures/year/submissions.xml \
		>"$TRASH/pm.out" 2>&1 || st=$?
	! grep -qF -- "$PW" "$TRASH/pm.out" &&
	{ [ ! -e "$TRASH/pm.xml" ] || ! grep -qF -- "$PW" "$TRASH/pm.xml"; }
'

for x in $H/pdoc/xxe.pdoc $H/pdoc/billion-laughs.pdoc $H/pdoc/deep.pdoc; do
	n=$(basename "$x")
	test_expect_success "$n: render refuses it (FILE:LINE, exit 1, no PDF)" "
		run 1 '$TRASH/r.pdf' '$BIN/render' --fonts fonts/fonts.conf -o '$TRASH/r.pdf' $x &&
		grep -qxF '$(msg_for "$x")' '$TRASH/err'
	"
done

test_expect_success 'render: 120 nested boxes, 120 nested spans (under the limit): no crash, exit 0 or 1' '
	st=0; timeout 60 "$BIN/render" --fonts fonts/fonts.conf -o "$TRASH/n.pdf" $H/pdoc/nested-250.pdoc \
		2>"$TRASH/err" || st=$?
	test $st -le 1
'

# Each <box> level takes its padding off the width; layout.c refuses a
# box or list item whose content would be narrower than 4 em (once the
# width went negative and the text was set at x=1022pt on a 595pt page).
test_expect_success 'render: text inside 120 nested boxes stays on the page (or is an error)' '
	st=0; timeout 60 "$BIN/render" --fonts fonts/fonts.conf -o "$TRASH/n.pdf" $H/pdoc/nested-250.pdoc \
		2>"$TRASH/err" || st=$?
	if [ $st -eq 0 ]; then pdftotext -q "$TRASH/n.pdf" - | grep -q "深い"; else grep -q "nested-250.pdoc:[0-9]*: error: " "$TRASH/err"; fi
'

# --- XSLT sandbox (t0500 covers exsl:document, xsl:document, an http
# document() and an XXE input; these extend it) -----------------------------

for s in write-exsl write-xsl11 result-document; do
	test_expect_success "xform: $s.xsl writes no file, writes no output, exit 1" "
		run 1 '$TRASH/o.xml' '$BIN/xform' --param target '$TRASH/pwned' -o '$TRASH/o.xml' \
			$H/xsl/$s.xsl '$TRASH/in.xml' &&
		test ! -e '$TRASH/pwned'
	"
done

test_expect_success 'xform: the write refusal names the file and the line' '
	run 1 "$TRASH/o.xml" "$BIN/xform" --param target "$TRASH/pwned" -o "$TRASH/o.xml" \
		$H/xsl/write-exsl.xsl "$TRASH/in.xml" &&
	grep -qxF "$H/xsl/write-exsl.xsl:5: error: File write for $TRASH/pwned refused" "$TRASH/err" &&
	grep -qxF "$H/xsl/write-exsl.xsl: error: the stylesheet attempted a forbidden access; nothing written" "$TRASH/err"
'

test_expect_success 'xform: xsl:include of an http:// stylesheet is refused' '
	run 1 "$TRASH/o.xml" "$BIN/xform" -o "$TRASH/o.xml" $H/xsl/include-http.xsl "$TRASH/in.xml" &&
	grep -qxF "$H/xsl/include-http.xsl: error: cannot compile the stylesheet" "$TRASH/err"
'

test_expect_success 'xform: document(http://…) is refused with its line' '
	run 1 "$TRASH/o.xml" "$BIN/xform" -o "$TRASH/o.xml" $H/xsl/read-http.xsl "$TRASH/in.xml" &&
	grep -qxF "$H/xsl/read-http.xsl:3: error: Network file read for http://127.0.0.1:9/plan.xml refused" "$TRASH/err"
'

test_expect_success 'xform: document(/etc/passwd) fails without quoting the file' '
	run 1 "$TRASH/o.xml" "$BIN/xform" -o "$TRASH/o.xml" $H/xsl/read-passwd.xsl "$TRASH/in.xml"
'

test_expect_success 'xform: a stylesheet declaring an external entity is refused' '
	run 1 "$TRASH/o.xml" "$BIN/xform" -o "$TRASH/o.xml" $H/xsl/xxe.xsl "$TRASH/in.xml" &&
	grep -qxF "$H/xsl/xxe.xsl:1: error: $ENTITY" "$TRASH/err"
'

test_expect_success 'xform: a billion-laughs stylesheet fails fast (exit 1 within 20 s)' '
	run 1 "$TRASH/o.xml" "$BIN/xform" -o "$TRASH/o.xml" $H/xsl/billion-laughs.xsl "$TRASH/in.xml"
'

# xform's loader reads every stylesheet and document() file through
# xmlio_load_dict, which refuses any entity declaration at once.
test_expect_success 'xform: a stylesheet declaring a parameter entity is refused' '
	run 1 "$TRASH/o.xml" "$BIN/xform" -o "$TRASH/o.xml" $H/xsl/xxe-param.xsl "$TRASH/in.xml" &&
	grep -qxF "$H/xsl/xxe-param.xsl:1: error: $ENTITY" "$TRASH/err"
'

test_expect_success 'xform: document() of an XXE file gives the one clear message' '
	run 1 "$TRASH/o.xml" "$BIN/xform" --param plan "$TOP/$H/xml/xxe.xml" -o "$TRASH/o.xml" \
		$H/xsl/doc-xxe.xsl "$TRASH/in.xml" &&
	grep -qxF "$TOP/$H/xml/xxe.xml:1: error: $ENTITY" "$TRASH/err"
'

test_expect_success 'xform: a billion-laughs stylesheet gives the one clear message' '
	run 1 "$TRASH/o.xml" "$BIN/xform" -o "$TRASH/o.xml" $H/xsl/billion-laughs.xsl "$TRASH/in.xml" &&
	grep -qxF "$H/xsl/billion-laughs.xsl:1: error: $ENTITY" "$TRASH/err" &&
	! grep -q "entity reference loop" "$TRASH/err"
'

# libxslt's messages go through xform's collector: a context line without
# a file is the stylesheet's.
test_expect_success 'xform: every stderr line of a refused stylesheet is FILE[:LINE]: error: or the progress line' '
	run 1 "$TRASH/o.xml" "$BIN/xform" -o "$TRASH/o.xml" $H/xsl/xxe.xsl "$TRASH/in.xml" &&
	! grep -vE "^[^ :]+(:[0-9]+)?: (error|warning): |^xform: " "$TRASH/err"
'

# --- CSV: every broken file, its exact messages -----------------------------

cat >"$TRASH/expected" <<'EOF'
bad-bytes-cp932.csv:3: error: byte 0x81 at byte offset 72 is valid in neither UTF-8 nor CP932 (Shift_JIS)
bad-highlight.csv:2: warning: highlight mark '済' is not one of ○ ◯ 〇 1 true yes; the row is not highlighted
bad-value.csv:2: error: value '約10' is not a number (expected a form like 1,234, 12.5 or 45%)
bad-year.csv:2: error: cannot read year '昨年' (expected 2014, 平成26年度, H26 or FY2014)
cell-without-header.csv:2: warning: cell in column 4 has no header; cells of that column are kept as extra
conflict.csv:3: error: conflicting values for indicator 'ceptoar', year 2014, ministry mic: '11' here, '10' at line 2
conflict.csv:2: error: conflicting values for indicator 'ceptoar', year 2014, ministry mic: '10' here, '11' at line 3
control-chars.csv:2: warning: cell 3: 1 control character(s) replaced by 〓 (U+3013): '実績〓です'
duplicate-column.csv:1: error: column 施策番号/measure appears twice (columns 1 and 4)
duplicate-column.csv:2: warning: 1 data row(s) not read because of the header error at line 1
duplicate-indicator.csv:3: warning: duplicate of line 2 (same indicator, year, ministry and value); this row is not used
duplicate.csv:3: warning: duplicate of line 2 (same measure, ministry and 実績/results); this row is not used
empty-id.csv:2: error: 施策番号 is empty: every row needs a measure id
empty-indicator.csv:2: error: 指標 is empty: name the indicator by its id or text
empty-ministry.csv:2: error: 府省庁 is empty: name the reporting ministry
empty-results.csv:2: error: 実績 is empty: a progress row needs its results
empty-value.csv:2: error: 値 is empty: an indicator row needs a number
empty-year.csv:2: error: 年度 is empty
empty.csv: error: empty file: no header row
extra-column.csv:1: warning: column '担当課' is not part of the progress format; its cells are kept as extra
future-year.csv:2: warning: year '2016' is after the reporting year 2014
group-ministry.csv:2: error: '全府省庁' is a group of ministries (全府省庁), not a ministry: name the ministry that reports
header-only.csv:1: warning: header only: the file has no data rows
id-trailing-text.csv:2: warning: text after the measure id is ignored: '業務で扱う情報'
loose-indicator.csv:2: warning: indicator 'Incident-Reports' differs from the matrix; read as 'incident-reports'
malformed-quotes.csv:2: error: malformed quotes: a quote inside a quoted cell must be doubled (""), and a quoted cell must end at a comma or line end
missing-columns.csv:1: error: progress file lacks required column(s): 府省庁/ministry, 実績/results
missing-columns.csv:2: warning: 1 data row(s) not read because of the header error at line 1
nameless-column.csv:1: warning: column 2 has no name; its cells are kept as extra
nul-mid.csv:2: error: NUL byte at byte offset 99: not a CSV text file (UTF-16 or binary?)
relist.csv:2: warning: 1-2-チ is a re-listing (再掲) of 1-1-1-イ; the row is filed under 1-1-1-イ
title-as-id.csv:2: warning: the title '政府機関の情報セキュリティ対策のための統一基準の見直し' is read as measure 1-1-1-イ: write the id 1-1-1-イ instead
title-rows.csv:1: note: 1 row(s) above the header (line 3) are not data and are skipped: '平成26年度 施策の実施状況（総務省）'
unknown-id.csv:2: error: unknown measure id '1-1-9-ア'; nearest: 1-1-1-ア (業務で扱う情報の重要度に応じた枠組みの構…), 1-1-1-イ (政府機関の情報セキュリティ対策のための統…), 1-1-1-ヘ (政府機関における安全な暗号利用の推進)
unknown-indicator.csv:2: error: unknown indicator 'incident-report'; nearest: incident-reports (インシデント報告関連件数), ceptoar (セプターカウンシルの活動状況), '各府省庁の対策推進計画の策定状況'
unknown-kind.csv:1: error: unknown kind of file: the header names neither progress columns (施策番号/measure, 府省庁/ministry, 実績/results) nor indicator columns (指標/indicator, 年度/year, 値/value)
unknown-kind.csv:2: warning: 1 data row(s) not read because of the header error at line 1
unknown-ministry.csv:2: error: unknown ministry '総務庁'; nearest: 総務省 (mic)
unreadable-id.csv:2: error: cannot read measure id '施策ア' (expected a form like 1-1-1-ア); nearest: 4-ア (NISCの機能強化), 1-2-ア (重要インフラ行動計画の推進), 1-1-1-ア (業務で扱う情報の重要度に応じた枠組みの構…)
unterminated.csv:2: error: unterminated quoted cell: the quote opened in the row starting here is never closed
EOF

for csv in $H/csv/*.csv; do
	n=$(basename "$csv")
		test_expect_success "csv $n: exact messages" "
		'$BIN/ingest' $REFS --draft -o '$TRASH/c.xml' $csv 2>'$TRASH/err' &&
		sed '\$d; s|^$H/csv/||' '$TRASH/err' >'$TRASH/got' &&
		{ grep '^$n[:]' '$TRASH/expected' >'$TRASH/want' || true; } &&
		test_cmp '$TRASH/want' '$TRASH/got'
	"
done

test_expect_success 'csv: strict mode writes nothing and exits 1 for each file with an error' '
	for csv in $H/csv/*.csv; do
		n=$(basename "$csv")
		grep -q "^$n:[0-9]*: error: \|^$n: error: " "$TRASH/expected" || continue
		run 1 "$TRASH/c.xml" "$BIN/ingest" $REFS -o "$TRASH/c.xml" "$csv" || return 1
	done
'

test_expect_success 'csv: all files in one run: every message of every file, counts add up' '
	"$BIN/ingest" $REFS --draft -o "$TRASH/all.xml" $H/csv/*.csv 2>"$TRASH/err" &&
	e=$(grep -c ": error: " "$TRASH/expected") && w=$(grep -c ": warning: " "$TRASH/expected") &&
	# together, files of one ministry overlap (issue 12: one message a pair of files)
	e=$((e + $(grep -c ": error: this file and .*two versions of one submission" "$TRASH/err" || true))) &&
	w=$((w + $(grep -c ": warning: this file and .*two versions of one submission" "$TRASH/err" || true))) &&
	sed "\$d" "$TRASH/err" >"$TRASH/lines" &&
	while IFS= read -r l; do
		grep -qxF "$H/csv/$l" "$TRASH/lines" || { echo "missing: $l"; exit 1; }
	done <"$TRASH/expected" &&
	tail -n 1 "$TRASH/err" | grep -E "^ingest: $(ls $H/csv/*.csv | wc -l) files, [0-9]+ rows, $e errors, $w warnings$"
'

test_expect_success 'csv: the 1 MB cell is kept whole, the 8 MiB + 1 cell is an error' '
	"$BIN/ingest" $REFS -o "$TRASH/big.xml" $H/csv/big-cell-ok.csv 2>"$TRASH/err" &&
	test "$(xmllint --xpath "string-length(//progress/results/p)" "$TRASH/big.xml")" -eq 333333 &&
	{ printf "施策番号,府省庁,実績\n1-1-1-ア,内閣官房," && head -c 8388609 /dev/zero | tr "\0" x &&
		printf "\n"; } >"$TRASH/huge-cell.csv" &&
	run 1 "$TRASH/huge.xml" "$BIN/ingest" $REFS -o "$TRASH/huge.xml" "$TRASH/huge-cell.csv" &&
	grep -qxF "$TRASH/huge-cell.csv:2: error: cell 3 is 8388609 bytes long, more than the limit of 8388608 bytes" "$TRASH/err"
'

# Issue 12 "Linear": 2,000,000 Japanese characters (6 MB) are one cell, read whole.
test_expect_success 'csv: a cell of 2,000,000 Japanese characters is kept whole' '
	{ printf "施策番号,府省庁,実績\n1-1-1-ア,内閣官房," &&
		python3 -c "import sys; sys.stdout.write(\"あ\" * 1999999 + \"終\")" &&
		printf "\n"; } >"$TRASH/long-cell.csv" &&
	"$BIN/ingest" $REFS -o "$TRASH/long.xml" "$TRASH/long-cell.csv" 2>"$TRASH/err" &&
	test "$(xmllint --huge --xpath "string-length(//progress/results/p) = 2000000" "$TRASH/long.xml")" = true
'

test_expect_success 'csv: CP932 trail byte 0x5C is never a backslash (表, ソ, 能, 予 kept)' '
	"$BIN/ingest" $REFS -o "$TRASH/5c.xml" $H/csv/cp932-5c.csv 2>"$TRASH/err" &&
	grep -q "encoding=\"CP932\"" "$TRASH/5c.xml" &&
	test "$(xmllint --xpath "string(//progress[@line=2]/results/p)" "$TRASH/5c.xml")" = 表 &&
	test "$(xmllint --xpath "string(//progress[@line=2]/note/p)" "$TRASH/5c.xml")" = ソ &&
	test "$(xmllint --xpath "string(//progress[@line=3]/results/p)" "$TRASH/5c.xml")" = 能力 &&
	test "$(xmllint --xpath "string(//progress[@line=3]/note/p)" "$TRASH/5c.xml")" = 予
'

test_expect_success 'csv: 100 000 rows of unknown ids and ministries finish, every row reported' '
	awk "BEGIN { print \"施策番号,府省庁,実績\"; for (i = 0; i < 100000; i++) printf \"9-9-%d-ア,総務庁,実績%d\\n\", i, i }" \
		>"$TRASH/bad.csv" &&
	timeout 60 "$BIN/ingest" --year 2014 --registry input/ministries.xml --plan input/2014/plan.xml \
		--matrix input/2014/matrix.xml --draft -o "$TRASH/bad.xml" "$TRASH/bad.csv" 2>"$TRASH/err" &&
	tail -n 1 "$TRASH/err" | grep -qx "ingest: 1 files, 100000 rows, 200000 errors, 0 warnings" &&
	test "$(grep -c "<diag severity=\"error\"" "$TRASH/bad.xml")" -eq 200000
'

# libcsv grows a cell's buffer by a fixed block; csvread.c feeds it in
# pieces with the block set to the buffer's size, so the buffer doubles
# (once quadratic: 20 MB took ten minutes under ASan).
test_expect_success 'csv: a 20 MB file of one line without a line end finishes' '
	head -c 20000000 /dev/zero | tr "\\0" "a" >"$TRASH/line.csv" &&
	timeout 60 "$BIN/ingest" $REFS --draft -o "$TRASH/line.xml" "$TRASH/line.csv" 2>"$TRASH/err";
	test $? -le 1 && grep -q "line.csv:1: error: " "$TRASH/err"
'

# A CSV cell with a character no pinned font has (an emoji, a zero-width
# space pasted from the web) passes ingest; render refuses it naming the
# CSV file and line (report.xsl puts src="PATH:LINE" on paragraphs made
# from submission rows), not only build/Y/report.pdoc:LINE.
test_expect_success 'a CSV cell with an emoji: the error names the CSV file and line' '
	rm -rf "$TRASH/input" && test_inputs 2014 &&
	printf "施策番号,府省庁,実績\r\n1-1-1-ア,総務省,絵文字😀を含む実績\r\n" \
		>"$TRASH/input/2014/submissions/zz-emoji.csv" &&
	! test_make report YEAR=2014 2>"$TRASH/emoji.err" &&
	grep -E "zz-emoji.csv:2: error: .*U\+1F600" "$TRASH/emoji.err"
'

test_expect_success 'a zero-width space in a CSV note: validate names the CSV file and line, the draft shows [U+200B]' '
	rm -rf "$TRASH/input" && test_inputs 2014 &&
	printf "施策番号,府省庁,実績,備考\r\n1-1-1-ア,消費者庁,実績,備考\342\200\213です\r\n" \
		>"$TRASH/input/2014/submissions/zz-zwsp.csv" &&
	! test_make validate YEAR=2014 2>"$TRASH/zwsp.err" &&
	grep -E "/zz-zwsp.csv:2: error: .*U\+200B" "$TRASH/zwsp.err" &&
	test_make draft YEAR=2014 2>"$TRASH/zwsp-draft.err" &&
	pdftotext "$TRASH/output/2014/annual-report-2014-draft.pdf" - >"$TRASH/zwsp.txt" &&
	grep -F "備考[U+200B]です" "$TRASH/zwsp.txt" &&
	grep -F "is in none of the pinned fonts" "$TRASH/zwsp.txt"
'

# --- regressions found by the fuzzers (tests/hostile/fuzz/README) -----------

for f in $H/fuzz/ingest/*; do
	[ -f "$f" ] || continue
	test_expect_success "fuzz regression $f: ingest exits 0 or 1 within 20 s" "
		st=0; timeout 20 '$BIN/ingest' $REFS --draft -o '$TRASH/f.xml' '$f' 2>/dev/null || st=\$?
		test \$st -le 1
	"
done
for f in $H/fuzz/pdoc/*; do
	[ -f "$f" ] || continue
	test_expect_success "fuzz regression $f: render exits 0 or 1 within 60 s" "
		st=0; timeout 60 '$BIN/render' --fonts fonts/fonts.conf -o '$TRASH/f.pdf' '$f' 2>/dev/null || st=\$?
		test \$st -le 1
	"
done

test_done
