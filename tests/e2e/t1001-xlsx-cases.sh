#!/bin/sh
# Issue 16, ".xlsx read directly": workbooks written by openpyxl (an
# independent writer) as ministries make them: title rows above the
# header, a formula, merged cells, a hidden row, a hidden sheet, a sheet
# of instructions, numbers and dates as displayed; a workbook without a
# submission sheet, an .xls.  ingest reads them as FILE arguments; each
# message names the cell (book.xlsx:実施状況!C12).
. "$(dirname "$0")/../lib.sh"

test_need_openpyxl 'xlsx cases'
cd "$TRASH" || exit 3
I=$TOP/input
ingest() {
	"$BD/bin/ingest" --year 2014 --registry "$I/ministries.xml" --plan "$I/2014/plan.xml" \
		--matrix "$I/2014/matrix.xml" "$@"
}

$PY - <<'PYEOF' || exit 3
import datetime, io, re, zipfile
import openpyxl

def save(wb, path, cached=None):
    """Saves; `cached` {cell: value}: the formula cells get the value Excel
    would have cached (openpyxl writes none)."""
    buf = io.BytesIO()
    wb.save(buf)
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if cached and item.filename == "xl/worksheets/sheet1.xml":
                s = data.decode("utf-8")
                for ref, v in cached.items():
                    s = re.sub(r'(<c r="%s"[^>]*>)<f>(.*?)</f><v\s*/>|(<c r="%s"[^>]*>)<f>(.*?)</f><v></v>' % (ref, ref),
                               lambda m: "%s<f>%s</f><v>%s</v>" % (m.group(1) or m.group(3), m.group(2) or m.group(4), v), s)
                    s = re.sub(r'(<c r="%s"[^>]*>)<f>([^<]*)</f>(?!<v>)' % ref,
                               lambda m: "%s<f>%s</f><v>%s</v>" % (m.group(1), m.group(2), v), s)
                data = s.encode("utf-8")
            z.writestr(item, data)

# A form: a title row, a note, a blank row, the header on row 4; a sheet
# of instructions before it; numbers and dates.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "記入要領"
ws["A1"] = "記入要領"
ws["A2"] = "実績は必ず記入してください。"
ws = wb.create_sheet("実施状況")
ws["A1"] = "平成26年度 施策の実施状況（総務省）"
ws.merge_cells("A1:E1")
ws["A2"] = "※ 灰色のセルは変更しないでください。"
ws.append([])
ws.append(["施策番号", "府省庁", "実績", "評価", "備考"])
ws.append(["1-1-1-イ", "総務省", "研修を5回実施した。\n受講者は285人。", "概ね計画どおり", datetime.datetime(2015, 3, 31)])
ws["E5"].number_format = "yyyy/m/d"
ws.append(["1-1-9-ア", "総務省", "番号の誤り"])
ws.append(["1-1-1-コ", "総務省", "隠した行"])
ws.row_dimensions[7].hidden = True
ws.append(["1-1-1-ツ", "総務省", "結合した行"])
ws.merge_cells("C8:D8")
ws2 = wb.create_sheet("評価指標")
ws2.append(["指標", "年度", "値", "単位", "施策番号", "府省庁"])
ws2.append(["executive-seminars", 2014, 0.1, "回", "1-3-チ", "総務省"])
ws2.append(["executive-seminars", 2013, 1234, "回", "1-3-チ", "総務省"])
save(wb, "form.xlsx")

# A formula in the first sheet, its cached value 127; a hidden sheet with data.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "評価指標"
ws.append(["指標", "年度", "値", "単位", "施策番号", "府省庁"])
ws.append(["executive-seminars", 2014, "=100+27", "回", "1-3-チ", "総務省"])
ws3 = wb.create_sheet("古い版")
ws3.append(["施策番号", "府省庁", "実績"])
ws3.append(["1-1-1-イ", "総務省", "古い実績"])
ws3.sheet_state = "hidden"
save(wb, "formula.xlsx", {"C2": "127"})

# Nothing that looks like a submission.
wb = openpyxl.Workbook()
wb.active.title = "メモ"
wb.active["A1"] = "提出は来週"
save(wb, "memo.xlsx")
PYEOF
printf '\320\317\021\340\241\261\032\341' >old.xls
head -c 504 /dev/zero >>old.xls

test_expect_success 'title rows, a note and a blank row above the header: skipped with a note' '
	ingest -o form.xml form.xlsx 2>form.err || true &&
	grep -F "form.xlsx:実施状況!A1: note: 2 row(s) above the header (row 4) are not data and are skipped" form.err &&
	grep -F "form.xlsx:記入要領: note: sheet '"'"'記入要領'"'"' is not read" form.err
'

test_expect_success 'messages name the sheet and the cell; the merged title above the header is not warned about' '
	grep -F "form.xlsx:実施状況!A6: error: unknown measure id '"'"'1-1-9-ア'"'"'" form.err &&
	! grep -F "A1:E1" form.err &&
	grep -F "form.xlsx:実施状況!C8: warning: cells C8:D8 are merged" form.err &&
	grep -F "form.xlsx:実施状況!A7: warning: row 7 is hidden in Excel but read" form.err &&
	grep -F "ingest: 2 files, 6 rows, 1 errors" form.err
'

test_expect_success 'cells as displayed: 0.1, 1234, a date, a multi-line cell; Excel row numbers' '
	ingest --draft -o form.xml form.xlsx 2>/dev/null &&
	$PY - <<-PYEOF
	import xml.etree.ElementTree as ET
	r = ET.parse("form.xml").getroot()
	ind = {i.get("year"): i for i in r.iter("indicator")}
	assert ind["2014"].get("written") == "0.1" and ind["2014"].get("value") == "0.1", ind["2014"].attrib
	assert ind["2013"].get("written") == "1234", ind["2013"].attrib
	assert ind["2014"].get("src") == "form.xlsx:評価指標:2", ind["2014"].attrib
	p = [x for x in r.iter("progress") if x.get("measure") == "1-1-1-イ"][0]
	assert p.get("line") == "5" and p.get("file") == "form.xlsx:実施状況", p.attrib
	assert [e.text for e in p.find("results")] == ["研修を5回実施した。", "受講者は285人。"]
	assert p.find("note/p").text == "2015-03-31", p.find("note/p").text
	d = [x for x in r.iter("diag") if x.get("severity") == "error"][0]
	assert d.get("file") == "form.xlsx:実施状況!A6" and d.get("line") is None, d.attrib
	PYEOF
'

test_expect_success 'a formula: its cached value, with a warning; a hidden sheet read with a warning' '
	ingest -o formula.xml formula.xlsx 2>formula.err &&
	grep -F "formula.xlsx:評価指標!C2: warning: the cell holds a formula; the value Excel last saved is read ('"'"'127'"'"')" formula.err &&
	grep -F "formula.xlsx:古い版: warning: the sheet is hidden in Excel but read" formula.err &&
	grep -F "value=\"127\"" formula.xml
'

test_expect_success 'no sheet of a submission: an error naming the workbook' '
	! ingest -o memo.xml memo.xlsx 2>memo.err &&
	grep -F "memo.xlsx: error: no sheet of the workbook has the header row of a submission" memo.err &&
	grep -F "memo.xlsx:メモ: note: sheet" memo.err
'

test_expect_success 'an .xls: an error saying to save it as .xlsx' '
	! ingest -o old.xml old.xls 2>old.err &&
	grep -F "old.xls: error: an Excel 97-2003 workbook (.xls)" old.err &&
	grep -F "save it as Excel Workbook (.xlsx)" old.err
'

test_expect_success 'a CSV with title rows: the same note, lines as in the file' '
	printf "平成26年度 施策の実施状況\r\n\r\n施策番号,府省庁,実績\r\n1-1-1-イ,総務省,研修を実施した。\r\n" >title.csv &&
	ingest -o title.xml title.csv 2>title.err &&
	grep -F "title.csv:1: note: 1 row(s) above the header (line 3) are not data and are skipped" title.err &&
	grep -F "src=\"title.csv:4\"" title.xml
'

test_done
