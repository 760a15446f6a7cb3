"""CSV submission -> .xlsx, written by openpyxl (an independent writer):
one sheet named after the file's kind, cells as text, except the cells a
ministry would type as numbers (127, 0.1, 12.3456), written as numbers
(General format), so the reader has to display them as Excel does.
Options: --title ROWS (title rows above the header), --sheet NAME, --extra-sheet
(a 記入要領 sheet of prose before the data sheet).
usage: /usr/bin/python3 t1000-csv2xlsx.py [options] IN.csv OUT.xlsx"""
import argparse
import csv
import io
import re

import openpyxl

NUM = re.compile(r"-?(0|[1-9][0-9]{0,14})(\.[0-9]*[1-9])?")


def decode(raw):
    for enc in ("utf-8-sig", "cp932"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            pass
    raise SystemExit("cannot decode")


def value(s):
    if NUM.fullmatch(s):
        if "." in s:
            f = float(s)
            if repr(f) == s:
                return f
            return s
        return int(s)
    return s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--title", type=int, default=0)
    ap.add_argument("--sheet", default="実施状況")
    ap.add_argument("--extra-sheet", action="store_true")
    ap.add_argument("src")
    ap.add_argument("dst")
    a = ap.parse_args()
    text = decode(open(a.src, "rb").read())
    rows = list(csv.reader(io.StringIO(text, newline="")))
    wb = openpyxl.Workbook()
    ws = wb.active
    if a.extra_sheet:
        ws.title = "記入要領"
        ws["A1"] = "記入要領"
        ws["A3"] = "実績は必ず記入してください。"
        ws = wb.create_sheet(a.sheet)
    else:
        ws.title = a.sheet
    r = 1
    for i in range(a.title):
        ws.cell(row=r, column=1, value="平成26年度 施策の実施状況（様式）" if i == 0 else "※ 必ず全ての行に記入してください。")
        r += 1
    for row in rows:
        for c, s in enumerate(row):
            s = s.replace("\r\n", "\n").replace("\r", "\n")
            if s != "":
                ws.cell(row=r, column=c + 1, value=value(s))
        r += 1
    wb.save(a.dst)


main()
