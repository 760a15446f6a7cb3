"""Fills a template written by `make templates` (pipeline/templates) with a
ministry's sample submission, as a clerk would, with openpyxl: the rows of
the sample's progress CSV go to the sheet 実施状況 under its header (施策名
from the template's row of the same measure), the rows of its indicators
CSV to 評価指標; the template's own pre-filled rows are replaced, its other
sheets, styles and header kept.  Columns the template lacks (担当課) are
added at the right.
usage: /usr/bin/python3 t1000-fill.py TEMPLATE.xlsx OUT.xlsx [progress.csv] [indicators.csv]"""
import csv
import io
import sys

import openpyxl

EN = {"measure": "施策番号", "ministry": "府省庁", "results": "実績", "evaluation": "評価",
      "next": "今年度の取組", "highlight": "重点", "note": "備考", "indicator": "指標",
      "year": "年度", "value": "値", "unit": "単位", "source": "出典"}


def rows_of(path):
    raw = open(path, "rb").read()
    for enc in ("utf-8-sig", "cp932"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            pass
    rows = list(csv.reader(io.StringIO(text, newline="")))
    head = [EN.get(h.strip().lower(), h.strip()) for h in rows[0]]
    return head, [[c.replace("\r\n", "\n").replace("\r", "\n") for c in r] for r in rows[1:] if any(r)]


def number(s):
    """A value a clerk types as a number (Excel stores it as one)."""
    try:
        if str(int(s)) == s:
            return int(s)
    except ValueError:
        pass
    try:
        if repr(float(s)) == s:
            return float(s)
    except ValueError:
        pass
    return s


def fill(ws, path):
    head, rows = rows_of(path)
    cols = {ws.cell(1, c).value: c for c in range(1, ws.max_column + 1) if ws.cell(1, c).value}
    titles = {}
    if "施策名" in cols:
        for r in range(2, ws.max_row + 1):
            titles.setdefault(ws.cell(r, cols["施策番号"]).value, ws.cell(r, cols["施策名"]).value)
    for h in head:
        if h not in cols:
            cols[h] = ws.max_column + 1
            ws.cell(1, cols[h], h)
    for r in range(2, ws.max_row + 1):
        for c in range(1, ws.max_column + 1):
            ws.cell(r, c).value = None
    for i, row in enumerate(rows):
        r = i + 2
        for h, v in zip(head, row):
            if v != "":
                ws.cell(r, cols[h], number(v) if h in ("年度", "値") else v)
        if "施策名" in cols and "施策番号" in head:
            ws.cell(r, cols["施策名"], titles.get(row[head.index("施策番号")]))


def main():
    tmpl, out = sys.argv[1], sys.argv[2]
    wb = openpyxl.load_workbook(tmpl)
    for path in sys.argv[3:]:
        h, _ = rows_of(path)
        fill(wb["評価指標" if "指標" in h else "実施状況"], path)
    for name in ("実施状況", "評価指標"):
        if not any(p for p in sys.argv[3:] if (name == "評価指標") == ("指標" in rows_of(p)[0])):
            wb.remove(wb[name])
    wb.save(out)


main()
