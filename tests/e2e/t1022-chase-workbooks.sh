#!/bin/sh
# Issue 16, "A chase list": status-Y.xlsx (a sheet 集計 and one sheet per
# ministry) and feedback/<code>-<name>.xlsx, read back with openpyxl, an
# independent reader, and checked against the status CSV: the summary's
# counts are the counts of each 状況 per ministry in the CSV, a feedback
# workbook exists for exactly the ministries with a pair 未提出 or 不備 (or
# a refused row), and each lists them.
. "$(dirname "$0")/../lib.sh"

test_year 2014

# check SUFFIX FEEDBACK-DIR: the workbooks of the run against its CSV.
cat >"$TRASH/check.py" <<'PY'
import csv, os, re, sys, openpyxl
out, suffix, fdir = sys.argv[1], sys.argv[2], sys.argv[3]
rows = list(csv.reader(open(os.path.join(out, "status-2014%s.csv" % suffix),
                            encoding="utf-8-sig", newline="")))[1:]
want = {}
names = {}
for r in rows:
    c = want.setdefault(r[3], {"提出済": 0, "評価なし": 0, "未提出": 0, "不備": 0})
    c[r[4]] += 1
    names[r[3]] = r[2]
wb = openpyxl.load_workbook(os.path.join(out, "status-2014%s.xlsx" % suffix))
assert wb.sheetnames[0] == "集計", wb.sheetnames
for n in wb.sheetnames:
    assert len(n) <= 31 and not re.search(r"[\[\]:*?/\\]", n), n
ws = wb["集計"]
head = [c.value for c in ws[4]]
assert head[:7] == ["府省庁", "コード", "対象", "提出済", "評価なし", "未提出", "不備"], head
assert ws.freeze_panes == "B5", ws.freeze_panes
assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9"
got = {}
for r in ws.iter_rows(min_row=5, values_only=True):
    if r[0] == "合計":
        break
    got[r[1]] = r
for code, c in want.items():
    g = got[code]
    assert g[0] == names[code], (g, names[code])
    assert g[2] == sum(c.values()), (code, g, c)
    assert (g[3], g[4], g[5], g[6]) == (c["提出済"], c["評価なし"], c["未提出"], c["不備"]), (code, g, c)
    # a count to act on is filled in colour, a zero is not
    cell = ws.cell(row=5 + list(got).index(code), column=6)
    assert (cell.fill.fgColor.rgb not in (None, "00000000")) == (c["未提出"] > 0), (code, cell.fill.fgColor.rgb)
# one sheet per ministry with something listed; its 未提出 and 不備 rows are the CSV's
for code, c in want.items():
    owed = sorted((r[0], r[4]) for r in rows if r[3] == code and r[4] in ("未提出", "不備"))
    if not owed:
        continue
    sheet = wb[names[code][:31]]
    listed = sorted((r[1], r[0]) for r in sheet.iter_rows(min_row=5, values_only=True)
                    if r[0] in ("未提出", "不備"))
    assert listed == owed, (code, listed, owed)
# feedback: exactly the ministries with 未提出 or 不備
fix = sorted(code for code, c in want.items() if c["未提出"] or c["不備"])
files = sorted(os.listdir(fdir))
assert files == sorted("%s-%s.xlsx" % (code, names[code]) for code in fix), (files, fix)
for code in fix:
    fb = openpyxl.load_workbook(os.path.join(fdir, "%s-%s.xlsx" % (code, names[code])))
    ws = fb.active
    text = "\n".join(str(v) for r in ws.iter_rows(values_only=True) for v in r if v is not None)
    assert names[code] in text and "2014年度" in text and "令和5年11月14日" in text, text[:200]
    owed = sorted(r[0] for r in rows if r[3] == code and r[4] in ("未提出", "不備"))
    listed = sorted(r[1] for r in ws.iter_rows(min_row=11, values_only=True)
                    if r[0] in ("未提出", "不備"))
    assert listed == owed, (code, listed, owed)
print(len(fix), "to fix:", " ".join(fix))
PY

test_expect_success 'make report: status-2014.xlsx and feedback/ agree with the status CSV' '
	test_make report YEAR=2014 >/dev/null 2>&1 &&
	$PY "$TRASH/check.py" "$O" "" "$O/feedback" >"$TRASH/fix" &&
	cat "$TRASH/fix" &&
	grep -q "^6 to fix: " "$TRASH/fix" &&
	test -f "$O/feedback/mic-総務省.xlsx"
'

# Issue 13: the chase list is merged from one small file per area
# (chase-area.xsl), so no process loads every model; editing one area's
# rows remakes that area's file alone.
test_expect_success 'chase.xml is made from the areas'"'"' chase files, without the models' '
	for a in 1 2 3 4; do test -s "$W/chase/$a.xml" || exit 1; done &&
	mkdir "$TRASH/models" && mv "$W"/model/*.xml "$TRASH/models/" &&
	"$BD/bin/xform" --param year 2014 --param registry "$I/ministries.xml" --param draft 0 \
		--param dir "$W" -o "$TRASH/chase.xml" "$TOP/stylesheets/chase.xsl" \
		"$W/submissions/year.xml" 2>"$TRASH/chase.err" &&
	mv "$TRASH"/models/*.xml "$W/model/" &&
	cmp "$TRASH/chase.xml" "$W/chase.xml" &&
	grep -q "<pair measure=\"1-1-1-" "$W/chase.xml" &&
	touch "$TRASH/mark" &&
	sed -i "s/CSIRT訓練を年3回実施/CSIRT訓練を年5回実施/" "$S/mof-progress.csv" &&
	grep -q "年5回実施" "$S/mof-progress.csv" &&
	test_make report YEAR=2014 >/dev/null 2>&1 &&
	find "$W/chase" -name "*.xml" -newer "$TRASH/mark" >"$TRASH/remade" &&
	test "$(wc -l <"$TRASH/remade")" -ge 1 && test "$(wc -l <"$TRASH/remade")" -lt 4
'

test_expect_success 'make draft with a refused row: 不備 in the workbook, its row in the letter' '
	n=$(($(wc -l <"$S/cas-progress.csv") + 1)) &&
	printf "1-1-1-ア,内閣官房,,評価だけを書いた行\r\n" >>"$S/cas-progress.csv" &&
	test_make draft YEAR=2014 >/dev/null 2>&1 &&
	$PY "$TRASH/check.py" "$O" "-draft" "$O/feedback-draft" >"$TRASH/fixd" &&
	grep -q "^7 to fix: .*cas" "$TRASH/fixd" &&
	$PY - "$O/feedback-draft/cas-内閣官房.xlsx" "$n" <<-\PY
	import sys, openpyxl
	ws = openpyxl.load_workbook(sys.argv[1]).active
	rows = [r for r in ws.iter_rows(min_row=11, values_only=True) if r[0]]
	assert ("不備", "1-1-1-ア") in [(r[0], r[1]) for r in rows], rows
	bad = [r for r in rows if r[0] == "受付不可"]
	assert bad and bad[0][3] == "cas-progress.csv" and bad[0][4] == int(sys.argv[2]), bad
	PY
'

# The registry's name of cas made hostile to file and sheet names.
cat >"$TRASH/rename.py" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace('name="内閣官房"', 'name="内閣官房/NISC:[*?]\\x"', 1)
open(p, "w", encoding="utf-8").write(s)
PY

test_expect_success 'file and sheet names: a registry name with / \ : * ? [ ] is made safe' '
	$PY "$TRASH/rename.py" "$TRASH/input/ministries.xml" &&
	grep -F "name=\"内閣官房/NISC:[*?]\\x\"" "$TRASH/input/ministries.xml" &&
	test_make draft YEAR=2014 >/dev/null 2>&1 &&
	ls "$O/feedback-draft" >"$TRASH/ls" &&
	grep -Fx "cas-内閣官房_NISC_[__]_x.xlsx" "$TRASH/ls" &&
	$PY -c "
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
assert \"内閣官房_NISC______x\" in wb.sheetnames, wb.sheetnames" "$O/status-2014-draft.xlsx"
'

test_done
