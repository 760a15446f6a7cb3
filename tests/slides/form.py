#!/usr/bin/python3
"""The summary slides in the form of seed 003 (issue 15), read back from the PDF.

    form.py areas PDF MODEL...    one slide per area, none continued, and the
                                  text of each is its area's summary rows
                                  (band, title, panel heads, bullets and page
                                  number aside); MODEL: build/Y/model/N.xml
                                  in plan order
    form.py fallback PDF MODEL    the area of MODEL has no summary row: its
                                  slide's bullets are its 重点 rows' first
                                  sentences, each credited once
    form.py sizes PDF             one body size per panel across the area
                                  slides; prints it per panel
    form.py credits PDF MODEL...  no line break inside a credit 「（警察庁）」
    form.py charts PDF            chart slides: no text under 12 pt (but the
                                  page number), an x axis labelled 年度 per chart

Run with /usr/bin/python3 (pikepdf, for the sizes: tests/slides/glyphs.py).
"""
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import glyphs  # noqa: E402

BAND = "主な昨年度の取組実績、評価及び今年度の取組"
CHART_BAND = "評価に当たり考慮すべき状況（主な指標）"
HEADS = ("昨年度の実績", "評価", "今年度の取組")
WS = re.compile(r"[\s\u3000]+")


def pages(pdf):
    out = subprocess.run(["pdftotext", "-q", pdf, "-"], capture_output=True, text=True,
                         check=True).stdout
    return out.split("\f")[:-1]


def flat(s):
    return WS.sub("", s)


def area_pages(pdf):
    return [(i + 1, t) for i, t in enumerate(pages(pdf)) if flat(t).startswith(BAND)]


def model_area(path):
    a = ET.parse(path).getroot().find("area")
    rows = a.findall(".//summary/progress")
    return a, rows


def row_paras(rows, part):
    return [flat("".join(p.itertext())) for r in rows for p in r.findall(part + "/p")
            if flat("".join(p.itertext()))]


def credit_of(row):
    return "（%s）" % row.get("name") if row.get("level") != "area" else ""


def cmd_areas(argv):
    pdf, models = argv[0], argv[1:]
    ap = area_pages(pdf)
    bad = 0
    if len(ap) != len(models):
        print("%d area slides for %d areas" % (len(ap), len(models)))
        return 1
    for (no, text), m in zip(ap, models):
        a, rows = model_area(m)
        t = flat(text)
        if "（続き）" in t:
            print("page %d: continued" % no)
            bad += 1
        want = []
        for part in ("results", "evaluation", "next"):
            for r in rows:
                for p in r.findall(part + "/p"):
                    s = flat("".join(p.itertext()))
                    if s:
                        want.append(s + credit_of(r))
        if not rows:
            print("page %d: area %s has no summary row" % (no, a.get("id")))
            bad += 1
        for s in sorted(want, key=len, reverse=True):
            if s not in t:
                print("page %d: not on the slide: %s" % (no, s))
                bad += 1
            t = t.replace(s, "", 1)
        for s in [BAND, flat("%s　%s" % (a.get("num"), a.get("title")))] + list(HEADS):
            t = t.replace(s, "", 1)
        t = re.sub(r"・", "", t)
        t = re.sub(r"^\d+$", "", t)
        if t:
            print("page %d: text that is not the summary rows': %s" % (no, t))
            bad += 1
    print("area slides: %d, problems: %d" % (len(ap), bad))
    return 1 if bad else 0


def first_sentence(s):
    return s.split("。")[0] + "。" if "。" in s else s


def cmd_fallback(argv):
    pdf, m = argv[0], argv[1]
    a = ET.parse(m).getroot().find("area")
    hl = a.findall(".//measure/progress[@highlight='1']")
    num = flat("%s　%s" % (a.get("num"), a.get("title")))
    ap = [(no, flat(t)) for no, t in area_pages(pdf) if num in flat(t)]
    if not ap or not hl:
        print("no slide for area %s, or no 重点 row (%d)" % (a.get("id"), len(hl)))
        return 1
    t = "".join(x for _, x in ap)
    bad = 0
    for r in hl:
        for part in ("results", "next"):
            ps = [flat("".join(p.itertext())) for p in r.findall(part + "/p")]
            ps = [p for p in ps if p]
            if not ps:
                continue
            want = first_sentence(ps[0]) + "（%s）" % r.get("name")
            if t.count(want) < 1:
                print("not on the slide: %s" % want)
                bad += 1
            rest = ps[0][len(first_sentence(ps[0])):]
            if rest and rest[:12] in t:
                print("more than the first sentence: %s" % rest[:30])
                bad += 1
            if t.count(want + "（%s）" % r.get("name")):
                print("credited twice: %s" % want)
                bad += 1
    print("fallback bullets checked: %d rows, problems: %d" % (len(hl), bad))
    return 1 if bad else 0


def cmd_sizes(argv):
    pdf = argv[0]
    ap = [no for no, _ in area_pages(pdf)]
    g = glyphs.glyphs(pdf, min(ap), max(ap))
    sizes = {}
    for no in ap:
        gs = [x for x in g if x[0] == no]
        heads = {}
        for k, x in enumerate(gs):  # panel heads: the 15 pt runs 昨… 評… 今…
            if x[4] == 15.0 and x[5] in "昨評今" and (k == 0 or gs[k - 1][4] != 15.0 or
                                                    abs(gs[k - 1][3] - x[3]) > 1):
                heads[x[5]] = x
        if len(heads) != 3:
            print("page %d: panel heads %s" % (no, "".join(heads)))
            return 1
        for x in gs:
            if x[4] in (9.0, 15.0, 16.0, 20.0) or x[5] == "・":
                continue
            if x[1] < heads["評"][1] - 5:
                panel = "昨年度の実績"
            elif x[3] < heads["今"][3]:
                panel = "評価"
            else:
                panel = "今年度の取組"
            sizes.setdefault(panel, {}).setdefault(x[4], set()).add(no)
    bad = 0
    for panel in HEADS:
        s = sizes.get(panel, {})
        print("%s: %s" % (panel, ", ".join("%.2f pt (slides %s)" % (k, sorted(v))
                                           for k, v in sorted(s.items()))))
        bad += len(s) != 1
    return 1 if bad else 0


def cmd_credits(argv):
    pdf, models = argv[0], argv[1:]
    names = set()
    for m in models:
        for r in ET.parse(m).getroot().iter("progress"):
            if r.get("name"):
                names.add(r.get("name"))
    raw = "".join(p for p in pages(pdf))
    joined = re.sub(r"\n", "", raw)
    bad = 0
    for n in sorted(names):
        c = "（%s）" % n
        whole, kept = joined.count(c), raw.count(c)
        if whole != kept:
            print("%s broken across lines %d of %d times" % (c, whole - kept, whole))
            bad += 1
    print("credits checked: %d names, problems: %d" % (len(names), bad))
    return 1 if bad else 0


def cmd_charts(argv):
    pdf = argv[0]
    cp = [(i + 1, t) for i, t in enumerate(pages(pdf)) if flat(t).startswith(flat(CHART_BAND))]
    if not cp:
        print("no chart slides")
        return 1
    bad = 0
    for no, t in cp:
        small = [x for x in glyphs.glyphs(pdf, no, no) if x[4] < 12 - 1e-6 and x[3] < 540 - 30]
        if small:
            print("page %d: %d glyphs under 12 pt (%s): %s" % (
                no, len(small), sorted({x[4] for x in small}), "".join(x[5] for x in small[:20])))
            bad += 1
        charts = t.count("出典")
        axes = len(re.findall(r"^（?年度）?$", t, re.M))
        if axes < charts:
            print("page %d: %d charts, %d x axes labelled 年度" % (no, charts, axes))
            bad += 1
    print("chart slides: %d, problems: %d" % (len(cp), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    cmds = {"areas": cmd_areas, "fallback": cmd_fallback, "sizes": cmd_sizes,
            "credits": cmd_credits, "charts": cmd_charts}
    if len(sys.argv) < 3 or sys.argv[1] not in cmds:
        sys.exit(__doc__)
    sys.exit(cmds[sys.argv[1]](sys.argv[2:]))
