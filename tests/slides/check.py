#!/usr/bin/env python3
"""Checks a summary-slides PDF against what issue 5 asks (tests/e2e/t0800).

  check.py geometry PDF DUMP     every page 960x540 pt; no word closer than
                                 5 mm (14.17 pt) to an edge; a word whose
                                 centre lies in a panel (the 'frame …' rects
                                 of `render --dump`) lies wholly inside it, any
                                 other word touches no panel; no panel is empty
  check.py areas PDF MODEL       each area's first slide shows the area title
                                 and the three panel headings
  check.py highlighted PDF SUBS DUMP
                                 the text of every summary row's results/p of
                                 submissions.xml is in the slides, and where
                                 an area has none, the first sentence of each
                                 highlighted row's (panels read in order, white
                                 space removed; issue 15)
  check.py outline PDF           outline entries (all levels) = page count
  check.py continued PDF         at least one slide title ends （続き）

Prints what is wrong and exits 1; exits 0 when all is well.
"""
import html
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

WS = re.compile(r"[\s\u3000]+")
EDGE = 14.17            # 5 mm
EPS = 0.6               # rounding of pdftotext and --dump (one decimal)
BAND = 15 * 1.9         # panel-head size x 1.9: the frame's title band


def words(pdf):
    """[(page_w, page_h, [(x0, y0, x1, y1, text)])] from pdftotext -bbox-layout."""
    out = subprocess.run(["pdftotext", "-q", "-bbox-layout", pdf, "-"],
                         capture_output=True, text=True, check=True).stdout
    pages = []
    for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        ws = [(float(a), float(b), float(c), float(d), html.unescape(t))
              for a, b, c, d, t in re.findall(
                  r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                  m.group(3))]
        pages.append((float(m.group(1)), float(m.group(2)), ws))
    return pages


def frames(dump):
    """[[(x, y, w, h, title)] per page] from a `render --dump` file."""
    pages = []
    for line in open(dump, encoding="utf-8"):
        if line.startswith("page "):
            pages.append([])
            continue
        m = re.match(r"\s+rect (\S+) (\S+) (\S+) (\S+) 'frame (.*)'$", line)
        if m and pages:
            pages[-1].append(tuple(float(v) for v in m.groups()[:4]) + (m.group(5),))
    return pages


def inside(w, f, eps=EPS):
    x, y, fw, fh = f[:4]
    return w[0] >= x - eps and w[1] >= y - eps and w[2] <= x + fw + eps and w[3] <= y + fh + eps


def geometry(pdf, dump):
    bad = []
    pw = words(pdf)
    fr = frames(dump)
    if len(pw) != len(fr):
        return ["PDF has %d pages, the dump %d" % (len(pw), len(fr))]
    for n, ((w, h, ws), fs) in enumerate(zip(pw, fr), 1):
        if abs(w - 960) > 0.5 or abs(h - 540) > 0.5:
            bad.append("page %d is %gx%g, not 960x540" % (n, w, h))
        for wd in ws:
            if wd[0] < EDGE or wd[1] < EDGE or wd[2] > w - EDGE or wd[3] > h - EDGE:
                bad.append("page %d: '%s' within 5 mm of the edge %r" % (n, wd[4], wd[:4]))
            cx, cy = (wd[0] + wd[2]) / 2, (wd[1] + wd[3]) / 2
            home = [f for f in fs if f[0] <= cx <= f[0] + f[2] and f[1] <= cy <= f[1] + f[3]]
            if home and not inside(wd, home[0]):
                bad.append("page %d: '%s' %r sticks out of panel %s %r"
                           % (n, wd[4], wd[:4], home[0][4], home[0][:4]))
            if not home:
                for f in fs:
                    if wd[2] > f[0] + EPS and wd[0] < f[0] + f[2] - EPS and \
                            wd[3] > f[1] + EPS and wd[1] < f[1] + f[3] - EPS:
                        bad.append("page %d: '%s' %r overlaps panel %s" % (n, wd[4], wd[:4], f[4]))
        for f in fs:
            if not any(inside(wd, f) and wd[1] >= f[1] + BAND - EPS for wd in ws):
                bad.append("page %d: panel %s is empty" % (n, f[4]))
    return bad


def page_texts(pdf):
    out = subprocess.run(["pdftotext", "-q", pdf, "-"], capture_output=True, text=True,
                         check=True).stdout
    return [WS.sub("", p) for p in out.split("\f")]


def areas(pdf, model):
    bad = []
    pages = page_texts(pdf)
    for a in ET.parse(model).getroot().findall("area"):
        title = WS.sub("", a.get("title"))
        first = [p for p in pages if title in p]
        if not first:
            bad.append("no slide shows area %s %s" % (a.get("num"), title))
            continue
        for head in ("昨年度の実績", "評価", "今年度の取組"):
            if head not in first[0]:
                bad.append("area %s: its slide has no panel %s" % (a.get("num"), head))
    return bad


def panel_text(pdf, dump):
    """Text of the panels, read panel by panel (lines top to bottom, words
    left to right), title bands left out, white space removed."""
    parts = []
    for (w, h, ws), fs in zip(words(pdf), frames(dump)):
        for f in fs:
            inner = [wd for wd in ws if inside(wd, f) and wd[1] >= f[1] + BAND - EPS]
            inner.sort(key=lambda wd: (round(wd[3]), wd[0]))
            parts.append("".join(wd[4] for wd in inner))
    return WS.sub("", "".join(parts))


def highlighted(pdf, subs, dump):
    """Issue 15: the summary rows' 実績 in full; an area without a summary
    row shows the first sentence of each highlighted row's 実績 instead."""
    bad = []
    text = panel_text(pdf, dump)
    root = ET.parse(subs).getroot()
    rows = root.findall(".//progress")
    summed = {r.get("measure").split("-")[0] for r in rows if r.get("level") != "measure"}
    hl = [r for r in rows if r.get("highlight") == "1"]
    if not hl:
        return ["no highlighted rows in %s" % subs]
    for r in rows:
        area = r.get("measure").split("-")[0]
        if r.get("level") != "measure":
            want = [WS.sub("", "".join(p.itertext())) for p in r.findall("results/p")]
        elif r.get("highlight") == "1" and area not in summed:
            ps = [WS.sub("", "".join(p.itertext())) for p in r.findall("results/p")]
            ps = [p for p in ps if p]
            want = [ps[0].split("。")[0] + ("。" if "。" in ps[0] else "")] if ps else []
        else:
            continue
        for s in want:
            if s and s not in text:
                bad.append("%s: not in the slides: %s" % (r.get("src"), s))
    return bad


def outline(pdf):
    d = json.loads(subprocess.run(["qpdf", "--json=2", "--json-key=outlines", "--json-key=pages",
                                   pdf], capture_output=True, text=True, check=True).stdout)

    def count(items):
        return sum(1 + count(o.get("kids", [])) for o in items)
    n, p = count(d["outlines"]), len(d["pages"])
    return [] if n == p else ["%d outline entries for %d pages" % (n, p)]


def continued(pdf):
    return [] if any("（続き）" in p for p in page_texts(pdf)) else ["no （続き） slide"]


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "geometry":
        problems = geometry(*args)
    elif cmd == "areas":
        problems = areas(*args)
    elif cmd == "highlighted":
        problems = highlighted(*args)
    elif cmd == "outline":
        problems = outline(*args)
    elif cmd == "continued":
        problems = continued(*args)
    else:
        sys.exit(__doc__)
    for b in problems[:40]:
        print(b)
    sys.exit(1 if problems else 0)
