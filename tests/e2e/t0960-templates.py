"""Checks of `make templates` (tests/e2e/t0960-templates.sh), with readers
independent of the pipeline: xml.etree for the inputs, openpyxl and csv for
the templates.

  t0960-templates.py expect INPUT YEAR DIR    every template against the inputs
  t0960-templates.py fill XLSX OUTDIR         fills a template, saves it and
                                              writes its two sheets as CSV
"""
import csv
import io
import os
import sys
import xml.etree.ElementTree as ET

import openpyxl

PROGRESS = ["施策番号", "施策名", "府省庁", "実績", "評価", "今年度の取組", "重点", "備考"]
INDICATORS = ["指標", "年度", "値", "単位", "出典", "施策番号", "府省庁"]


def expectations(inp, year):
    reg = ET.parse(os.path.join(inp, "ministries.xml")).getroot()
    plan = ET.parse(os.path.join(inp, year, "plan.xml")).getroot()
    matrix = ET.parse(os.path.join(inp, year, "matrix.xml")).getroot()
    ministries = [(m.get("code"), m.get("name")) for m in reg.findall("ministry")]
    groups = {g.get("code"): g for g in reg.findall("group")}

    def expected(measure):
        out = set()
        for resp in measure.findall("resp"):
            for m in resp.findall("ministry"):
                out.add(m.get("ref"))
            for g in resp.findall("group"):
                grp = groups[g.get("ref")]
                if grp.get("expect") == "all":
                    out |= {c for c, _ in ministries}
                elif grp.get("expect") == "members":
                    out |= {m.get("ref") for m in grp.findall("member")}
        return out

    measures = {m.get("id"): (m.get("title"), expected(m)) for m in plan.iter("measure")}
    order = [m.get("id") for m in plan.iter("measure")]
    nodes = {}
    for el in plan.iter():
        if el.tag in ("area", "field", "section", "group", "measure"):
            nodes[el.get("id")] = el
        elif el.tag == "relist":
            nodes[el.get("at")] = el

    def covered(el):
        if el.tag == "measure":
            return measures[el.get("id")][1]
        if el.tag == "relist":
            return measures[el.get("ref")][1]
        return set().union(*[measures[m.get("id")][1] for m in el.iter("measure")])

    per = {c: {"measures": [], "indicators": []} for c, _ in ministries}
    for mid in order:
        for c in measures[mid][1]:
            per[c]["measures"].append((mid, measures[mid][0]))
    for e in matrix.findall("entry"):
        who = covered(nodes[e.get("target")])
        for ind in e.findall("indicator"):
            text = ind.findtext("text")
            for c in who:
                # one row per text; several targets: no 施策番号
                asked = per[c]["indicators"]
                hit = [i for i, (t, _) in enumerate(asked) if t == text]
                if not hit:
                    asked.append((text, e.get("target")))
                elif asked[hit[0]][1] != e.get("target"):
                    asked[hit[0]] = (text, "")
    return ministries, per


def check_expect(inp, year, d):
    ministries, per = expectations(inp, year)
    want = set()
    for code, name in ministries:
        p = per[code]
        if not p["measures"] and not p["indicators"]:
            continue
        base = f"{code}-{name}"
        want |= {base + ".xlsx", base + "-実施状況.csv"}
        if p["indicators"]:
            want.add(base + "-評価指標.csv")
        wb = openpyxl.load_workbook(os.path.join(d, base + ".xlsx"))
        assert wb.sheetnames == ["実施状況", "評価指標", "記入要領"], wb.sheetnames
        ws = wb["実施状況"]
        rows = list(ws.iter_rows(values_only=True))
        assert list(rows[0]) == PROGRESS, rows[0]
        got = [(r[0], r[1]) for r in rows[1:] if r[0] is not None]
        assert got == p["measures"], (base, got[:3], p["measures"][:3])
        assert all(r[2] == name for r in rows[1:] if r[0] is not None)
        assert ws.protection.sheet, "実施状況 not protected"
        assert ws.freeze_panes == "A2", ws.freeze_panes
        for r in range(2, len(got) + 2):
            for c in range(1, 9):
                locked = ws.cell(r, c).protection.locked
                assert locked == (c <= 2), (base, r, c, locked)
        dvs = ws.data_validations.dataValidation
        assert len(dvs) == 1, dvs
        dv = dvs[0]
        assert dv.type == "list" and dv.formula1 == '"○"' and dv.allow_blank, dv
        assert f"G2:G{len(got) + 1}" in dv.sqref or str(dv.sqref).startswith("G2:G"), dv.sqref
        last = int(str(dv.sqref).split(":G")[1])
        assert last >= len(got) + 1, dv.sqref
        assert ws.column_dimensions["D"].width >= 40
        assert ws.cell(2, 4).alignment.wrap_text
        wi = wb["評価指標"]
        irows = list(wi.iter_rows(values_only=True))
        assert list(irows[0]) == INDICATORS, irows[0]
        igot = [(r[0], r[5] or "") for r in irows[1:] if r[0] is not None]
        assert igot == p["indicators"], (base, igot[:3], p["indicators"][:3])
        assert all(str(r[1]) == year and r[6] == name for r in irows[1:] if r[0] is not None)
        assert wi.freeze_panes == "A2"
        assert wi.protection.sheet, "評価指標 not protected"
        for r in range(2, len(igot) + 2):
            for c in range(1, 8):
                locked = wi.cell(r, c).protection.locked
                assert locked == (c in (1, 6)), (base, "評価指標", r, c, locked)
        guide = "\n".join(str(v) for r in wb["記入要領"].iter_rows(values_only=True)
                          for v in r if v)
        for word in ("施策番号", "重点", "○", "CSV UTF-8", "提出先", "送る前の確認", "1-1-1-ア"):
            assert word in guide, word
        # The CSV forms: BOM, CRLF, the same rows.
        for suffix, head, expect, key in (
                ("-実施状況.csv", PROGRESS, p["measures"], (0, 1)),
                ("-評価指標.csv", INDICATORS, p["indicators"], (0, 5))):
            path = os.path.join(d, base + suffix)
            if not expect and not os.path.exists(path):
                continue
            raw = open(path, "rb").read()
            assert raw.startswith(b"\xef\xbb\xbf"), path
            assert raw.count(b"\n") == raw.count(b"\r\n"), path
            rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
            assert rows[0] == head, rows[0]
            assert [(r[key[0]], r[key[1]]) for r in rows[1:]] == expect, path
    files = set(os.listdir(d))
    assert files == want, (sorted(files - want), sorted(want - files))
    print(f"{len(want)} files checked")


def fill(xlsx, outdir):
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["実施状況"]
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value is None:
            continue
        ws.cell(r, 4).value = f"研修を{r}回実施した。\n受講者は合計{r * 10}人。"
        ws.cell(r, 5).value = "概ね計画どおり進んだ。"
        ws.cell(r, 6).value = "引き続き実施する。"
        ws.cell(r, 7).value = "○" if r % 2 else None
    wi = wb["評価指標"]
    for r in range(2, wi.max_row + 1):
        if wi.cell(r, 1).value is not None:
            wi.cell(r, 3).value = r * 10 + 0.5
            wi.cell(r, 4).value = "件"
    filled = os.path.join(outdir, "filled.xlsx")
    wb.save(filled)
    wb = openpyxl.load_workbook(filled)
    counts = []
    for sheet, name in (("実施状況", "progress.csv"), ("評価指標", "indicators.csv")):
        rows = [["" if v is None else str(v) for v in row]
                for row in wb[sheet].iter_rows(values_only=True)
                if any(v is not None for v in row)]
        with open(os.path.join(outdir, name), "w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f, lineterminator="\r\n").writerows(rows)
        counts.append(str(len(rows) - 1))
    print(" ".join(counts))


if __name__ == "__main__":
    if sys.argv[1] == "expect":
        check_expect(*sys.argv[2:5])
    else:
        fill(*sys.argv[2:4])
