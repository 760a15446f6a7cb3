#!/bin/sh
# Issue 16, "A chase list": the status CSV opens right in a Japanese Excel
# (UTF-8 BOM, Japanese headers) and its 状況 column tells 提出済, 未提出,
# 不備 (rows refused) and 評価なし (実績 without 評価) apart: a refused row
# is no longer shown as a file never sent.
. "$(dirname "$0")/../lib.sh"

test_inputs 2014
S=$TRASH/input/2014/submissions
O=$TRASH/output/2014

# cells CSV: the rows of CSV (read as UTF-8 with BOM), tab-separated.
cells() {
	/usr/bin/python3 -c '
import csv, sys
for r in csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")):
    print("\t".join(r))' "$1"
}

test_expect_success 'report: BOM, Japanese header, four statuses only, CRLF' '
	test_make report YEAR=2014 >/dev/null 2>&1 &&
	head -c 3 "$O/status-2014.csv" | od -An -tx1 | grep -q "ef bb bf" &&
	cells "$O/status-2014.csv" >"$TRASH/st" &&
	test "$(head -n 1 "$TRASH/st")" = "$(printf "施策番号\t施策名\t府省庁\t府省庁コード\t状況\tファイル:行")" &&
	tail -n +2 "$TRASH/st" | cut -f5 | sort -u >"$TRASH/kinds" &&
	! grep -v -x -e 提出済 -e 未提出 -e 不備 -e 評価なし "$TRASH/kinds" &&
	grep -qx 未提出 "$TRASH/kinds" && grep -qx 提出済 "$TRASH/kinds" &&
	grep -qx 評価なし "$TRASH/kinds" &&
	grep -q "^1-4-マ	.*	mic	未提出	$" "$TRASH/st" &&
	test "$(grep -c "$(printf "\r")\$" "$O/status-2014.csv")" = "$(wc -l <"$O/status-2014.csv")"
'

test_expect_success '評価なし: the pair has rows, none with 評価; 提出済: one has 評価' '
	/usr/bin/python3 - "$O/status-2014.csv" "$TRASH/work/2014/submissions.xml" <<-\PY
	import csv, sys, xml.etree.ElementTree as ET
	rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))[1:]
	ev = {}
	for p in ET.parse(sys.argv[2]).iter("progress"):
	    k = (p.get("measure"), p.get("ministry"))
	    e = p.find("evaluation")
	    has = e is not None and "".join(e.itertext()).strip() != ""
	    ev[k] = ev.get(k, False) or has
	for r in rows:
	    k = (r[0], r[3])
	    want = "未提出" if k not in ev else ("提出済" if ev[k] else "評価なし")
	    assert r[4] == want, (r, want)
	PY
'

test_expect_success 'a refused row gives 不備 (not 未提出), naming its file and line' '
	n=$(($(wc -l <"$S/mic-progress.csv") + 1)) &&
	printf "1-4-マ,総務省,,評価だけを書いた行\r\n" >>"$S/mic-progress.csv" &&
	! test_make report YEAR=2014 >/dev/null 2>&1 &&
	test_make draft YEAR=2014 >/dev/null 2>&1 &&
	cells "$O/status-2014-draft.csv" >"$TRASH/sd" &&
	head -c 3 "$O/status-2014-draft.csv" | od -An -tx1 | grep -q "ef bb bf" &&
	grep -qx "1-4-マ	スパムメール対策の強化	総務省	mic	不備	mic-progress.csv:$n" "$TRASH/sd" &&
	! grep -q "^1-4-マ	.*	mic	未提出" "$TRASH/sd"
'

test_expect_success 'a file of refused rows only: edited, the status CSV follows it' '
	# where: the file:line list of the pair (1-4-マ, mic), one a line
	where() {
		cells "$O/status-2014-draft.csv" | grep "^1-4-マ	.*	mic	不備	" | cut -f6 | tr " " "\n"
	} &&
	head -n 1 "$S/mic-progress.csv" >"$S/mic-progress-late.csv" &&
	printf "1-4-マ,総務省,,評価だけを書いた行\r\n" >>"$S/mic-progress-late.csv" &&
	test_make draft YEAR=2014 >/dev/null 2>&1 &&
	where >"$TRASH/w1" &&
	grep -qx "mic-progress-late.csv:2" "$TRASH/w1" &&
	! grep -qx "mic-progress-late.csv:3" "$TRASH/w1" &&
	printf "1-4-マ,総務省,,評価だけを書いた行\r\n" >>"$S/mic-progress-late.csv" &&
	test_make draft YEAR=2014 >/dev/null 2>&1 &&
	where >"$TRASH/w2" &&
	grep -qx "mic-progress-late.csv:2" "$TRASH/w2" &&
	grep -qx "mic-progress-late.csv:3" "$TRASH/w2"
'

test_done
