#!/bin/sh
# Issue 16: "A template filled in and saved must round-trip": the templates
# of `make templates YEAR=2014`, filled in with openpyxl from each
# ministry's sample submission (t1000-fill.py: the sample's rows under the
# template's header, its other sheets kept), give the same report and
# slides text as the samples sent as CSV.  Its 記入要領 explains the rules.
. "$(dirname "$0")/../lib.sh"

test_need_openpyxl 'template round trip'
test_year 2014
# (elsewhere than output/2014: publish refuses a folder there, see the report)
T=$TRASH/tmpl/2014/templates

texts() {
	pdftotext -q "$O/annual-report-2014.pdf" "$TRASH/$1.report.txt" &&
	pdftotext -q "$O/summary-slides-2014.pdf" "$TRASH/$1.slides.txt"
}

test_expect_success 'the samples as CSV: the report; the templates' '
	test_make report YEAR=2014 2>/dev/null && texts csv &&
	test_make templates YEAR=2014 OUTDIR="$TRASH/tmpl" 2>/dev/null && ls "$T"/*.xlsx >/dev/null
'

test_expect_success 'the 記入要領 explains each rule the one-file check applies' '
	$PY - "$T"/mic-*.xlsx <<-PYEOF
	import sys, openpyxl
	wb = openpyxl.load_workbook(sys.argv[1])
	text = "".join(str(v) for r in wb["記入要領"].iter_rows(values_only=True) for v in r if v)
	for words in ["10行目", "結合", "数式", "非表示", "施策名を書いた", "一つだけ", "空欄の行は受け付けられません",
	              "数値だけ", "異なる値", "後の年度", "絵文字", ".xls", "受理できます", "受理できません",
	              "make validate YEAR=2014 FILE="]:
	    assert words in text, words
	PYEOF
'

test_expect_success 'each ministry'"'"'s template filled from its samples: the same text' '
	n=0 &&
	for t in "$T"/*.xlsx; do
		code=${t##*/} && code=${code%%-*} &&
		set -- &&
		for f in "$S/$code-progress.csv" "$S/$code-indicators.csv"; do
			if [ -f "$f" ]; then set -- "$@" "$f"; fi
		done &&
		if [ $# -eq 0 ]; then continue; fi &&
		$PY "$TOP/tests/e2e/t1000-fill.py" "$t" "$S/$code.xlsx" "$@" &&
		rm "$@" && n=$((n + 1)) || exit 1
	done &&
	test $n -ge 15 &&
	{ test_make report YEAR=2014 2>"$TRASH/x.err" || { grep -v "note:\|^xform" "$TRASH/x.err"; exit 1; }; } && texts xlsx &&
	! grep "error:" "$TRASH/x.err" &&
	! grep "施策名" "$TRASH/x.err" &&
	grep -q "記入要領: note: sheet .記入要領. is not read" "$TRASH/x.err" &&
	cmp "$TRASH/csv.report.txt" "$TRASH/xlsx.report.txt" &&
	cmp "$TRASH/csv.slides.txt" "$TRASH/xlsx.slides.txt"
'

test_done
