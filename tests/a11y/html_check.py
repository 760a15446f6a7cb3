#!/usr/bin/python3
"""html_check.py: checks of the HTML edition of the report (issue 17).

  html_check.py parse FILE.html          an HTML5 parse without one error
  html_check.py struct FILE.html [--draft]
        lang="ja", one h1, no skipped heading level, the 目次 <nav> of
        links to headings, <th scope>, footnotes linked both ways, charts
        as <svg role="img"> titled 図：…, a picture (the logo) an <img>
        with alt or an <svg role="img"> with a title, the 案 marking on a
        draft only
  html_check.py text FILE.pdf FILE.html  the same text as the PDF
        (white space aside): pdftotext of the PDF without running heads
        and folios against the HTML's text; footnotes may sit elsewhere
        (the PDF prints them at the page foot), a table's repeated head
        row and a chart's drawn labels are the PDF's own
  html_check.py alt FILE.pdf FILE.html   every Figure /Alt of the PDF
        (when it has Figures) is the title of the SVG (or the alt of the
        img) at its place

Prints what is wrong and exits 1; 0 when all holds.
"""
import re
from collections import Counter
import subprocess
import sys
from urllib.parse import unquote

import html5lib

BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "th", "td", "caption"}
HEADS = ["h1", "h2", "h3", "h4", "h5", "h6"]


def parse(path, strict=False):
    with open(path, "rb") as f:
        p = html5lib.HTMLParser(strict=strict, namespaceHTMLElements=False)
        return p.parse(f, transport_encoding="utf-8")


def text(e):
    return "".join(e.itertext())


def squash(s):
    return re.sub(r"\s+", "", s)


def cls(e):
    return (e.get("class") or "").split()


def cmd_parse(path):
    try:
        parse(path, strict=True)
    except html5lib.html5parser.ParseError as err:
        print(f"{path}: HTML5 parse error: {err}")
        return 1
    p = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    with open(path, "rb") as f:
        p.parse(f, transport_encoding="utf-8")
    if p.errors:
        print(f"{path}: HTML5 parse errors: {p.errors[:5]}")
        return 1
    print(f"{path}: HTML5 parse: 0 errors")
    return 0


def cmd_struct(path, draft):
    root = parse(path)
    bad = []
    if root.get("lang") != "ja":
        bad.append(f"html lang is {root.get('lang')!r}, not 'ja'")
    ids = {e.get("id"): e for e in root.iter() if e.get("id")}
    heads = [e for e in root.iter() if e.tag in HEADS]
    h1 = [e for e in heads if e.tag == "h1"]
    if len(h1) != 1:
        bad.append(f"{len(h1)} h1 elements, not one")
    prev = 0
    for e in heads:
        lv = int(e.tag[1])
        if lv > prev + 1:
            bad.append(f"heading level skipped: h{prev} then h{lv} 「{text(e)[:30]}」")
        prev = lv
    if heads and heads[0].tag != "h1":
        bad.append("the first heading is not the h1")
    navs = [e for e in root.iter("nav")]
    toc = [n for n in navs if any(text(h).strip() == "目次" for h in n.iter() if h.tag in HEADS)]
    if len(toc) != 1:
        bad.append(f"{len(toc)} 目次 <nav>, not one")
    else:
        links = list(toc[0].iter("a"))
        if len(links) < 3:
            bad.append(f"the 目次 has {len(links)} links")
        for a in links:
            t = ids.get(unquote((a.get("href") or "#")[1:]))
            if t is None or t.tag not in HEADS:
                bad.append(f"目次 link {a.get('href')} goes to no heading")
            elif squash(text(t)).find(squash(text(a))) != 0:
                bad.append(f"目次 link 「{text(a)}」 goes to 「{text(t)[:30]}」")
    ths = list(root.iter("th"))
    if not ths:
        bad.append("no <th>")
    for th in ths:
        if th.get("scope") not in ("col", "row", "colgroup", "rowgroup"):
            bad.append(f"<th> without scope: 「{text(th)[:20]}」")
    for t in root.iter("table"):
        if t.find(".//th") is None:
            bad.append("a table without <th>")
    refs = [a for s in root.iter("sup") if "fnref" in cls(s) for a in s.iter("a")]
    notes = [p for p in root.iter("p") if "fn" in cls(p)]
    if not refs or not notes:
        bad.append(f"{len(refs)} footnote marks, {len(notes)} notes")
    for a in refs:
        n = ids.get(unquote(a.get("href", "#")[1:]))
        if n is None or "fn" not in cls(n):
            bad.append(f"footnote mark {a.get('href')} goes to no note")
        elif not text(n).strip().startswith(text(a).strip()):
            bad.append(f"footnote mark {text(a)} goes to note 「{text(n)[:10]}」")
    for n in notes:
        back = [a for a in n.iter("a") if "back" in cls(a)]
        if len(back) != 1:
            bad.append(f"note {n.get('id')} has {len(back)} links back")
            continue
        m = ids.get(unquote(back[0].get("href", "#")[1:]))
        if m is None or m.get("href") != "#" + n.get("id"):
            bad.append(f"note {n.get('id')} links back to no mark of it")
    svgs = [e for e in root.iter() if e.tag.endswith("svg") and "chart" in cls(e)]
    for e in root.iter():
        if e.tag == "img" and not (e.get("alt") or "").strip():
            bad.append(f"an <img> without alt")
        if e.tag.endswith("svg") and "chart" not in cls(e) and e.get("aria-hidden") != "true":
            t = ids.get(e.get("aria-labelledby"))
            if e.get("role") != "img" or t is None or not text(t).strip():
                bad.append("a picture (svg) without role=img and a title")
    if not svgs:
        bad.append("no chart")
    for s in svgs:
        t = ids.get(s.get("aria-labelledby"))
        if s.get("role") != "img" or t is None or not t.tag.endswith("title") \
                or not text(t).startswith("図："):
            bad.append(f"chart {s.get('aria-labelledby')} without role=img and a 図： title")
    title = text(root.find("head/title"))
    marks = [e for e in root.iter() if "draft-mark" in cls(e)]
    if draft:
        if not marks or "案" not in text(marks[0]) or "（案）" not in title:
            bad.append("a draft without the 案 marking (banner and title)")
    elif marks or "案）" in title:
        bad.append("the 案 marking on a report that is no draft")
    for b in bad:
        print(f"{path}: {b}")
    if not bad:
        print(f"{path}: {len(heads)} headings, {len(ths)} th, {len(refs)} footnote marks, "
              f"{len(notes)} notes, {len(svgs)} charts: all hold")
    return 1 if bad else 0


def html_units(root):
    """The text of the body in order: ('b', text) blocks, ('t', [cells],
    [head cells]) tables, ('c', charset) charts; and the notes."""
    units, notes = [], []

    def walk(e, in_nav):
        c = cls(e)
        if "draft-mark" in c or "logo" in c:  # a picture: its alt is checked by alt
            return
        if e.tag == "div" and "notes" in c:
            notes.extend(squash(text(p)) for p in e.iter("p"))
            return
        if e.tag == "figure" and "chart" in c:
            units.append(("c", set(squash(text(e)))))
            return
        if e.tag == "table":
            cap = e.find("caption")
            if cap is not None:
                units.append(("b", squash(text(cap))))
            cells = [squash(text(x)) for x in e.iter() if x.tag in ("th", "td")]
            head = [squash(text(x)) for x in e.iter("th")]
            units.append(("t", [x for x in cells if x], head))
            return
        if in_nav and e.tag == "a":
            units.append(("b", squash(text(e))))
            return
        if e.tag in BLOCKS and not any(x.tag in BLOCKS for x in e.iter() if x is not e):
            t = squash(text(e))
            if t:
                units.append(("b", t))
            return
        if e.text and e.text.strip() and e.tag not in ("body", "main", "header", "nav"):
            units.append(("b", squash(text(e))))
            return
        for x in e:
            walk(x, in_nav or e.tag == "nav")

    walk(root.find("body"), False)
    return units, notes


def pdf_stream(pdf):
    # the text block of an A4 page (595 × 842 pt) without the running head
    # (16 mm from the top), the folio and the draft stamp
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-x", "0", "-y", "57", "-W", "595",
                          "-H", "725", pdf, "-"], check=True, capture_output=True,
                         text=True).stdout
    lines = [ln for ln in out.splitlines() if not re.fullmatch(r"\s*- \d+ -\s*", ln)]
    return squash("".join(lines))


def cmd_text(pdf, html):
    units, notes = html_units(parse(html))
    P = pdf_stream(pdf)
    covered = bytearray(len(P))
    bad = []
    # the notes first: the PDF prints them at the foot, inside a paragraph
    # that goes on over the page
    pos = 0
    for n in notes:
        i = P.find(n, pos)
        if i < 0:
            i = P.find(n)
        if i < 0:
            bad.append(f"note not in the PDF: 「{n[:40]}」")
            continue
        covered[i:i + len(n)] = b"\1" * len(n)
        P = P  # positions stay; covered marks them
        pos = i + len(n)

    def find(s, start):
        i = P.find(s, start)
        while i >= 0 and any(covered[i:i + len(s)]):
            i = P.find(s, i + 1)
        return i

    def find_gapped(s, start):
        """s in P from start, skipping covered (note) characters"""
        j = start
        while True:
            i = P.find(s[0], j) if s else -1
            if i < 0:
                return -1, -1
            k, q = i, 0
            while k < len(P) and q < len(s):
                if covered[k]:
                    k += 1
                    continue
                if P[k] != s[q]:
                    break
                k += 1
                q += 1
            if q == len(s):
                return i, k
            j = i + 1

    cur = 0
    open_t = None  # the span of a table whose end is the next block's start
    spans = []  # (start, end, kind, data)
    for u in units:
        if u[0] == "b":
            i, e = find_gapped(u[1], cur)
            # (past an open table: as far again as its text is long)
            reach = 4000 + (2 * sum(map(len, spans[open_t][3][1])) if open_t is not None else 0)
            if i < 0 or i - cur > reach:
                bad.append(f"not in the PDF where expected: 「{u[1][:50]}」 (PDF there: 「{P[cur:cur + 50]}」)")
                continue
            covered[i:e] = b"\1" * (e - i)
            if open_t is not None:
                spans[open_t] = (spans[open_t][0], i, "table", spans[open_t][3])
                open_t = None
            else:
                spans.append((cur, i, "gap", None))
            cur = e
        elif u[0] == "t":
            # pdftotext reads a table row by row, so a cell set on several
            # lines comes in pieces with the other columns' lines between
            # them: a table is compared as the characters it holds, from
            # where its first cell is to where the next block begins
            i = find(u[1][0], cur) if u[1] else -1
            start = i if 0 <= i and i - cur <= 4000 else cur
            if open_t is not None:  # a table right after a table
                spans[open_t] = (spans[open_t][0], start, "table", spans[open_t][3])
            else:
                spans.append((cur, start, "gap", None))
            open_t = len(spans)
            spans.append((start, start, "table", u))
            cur = start
        else:
            spans.append((cur, cur, "chart", u[1]))
    if open_t is not None:
        spans[open_t] = (spans[open_t][0], len(P), "table", spans[open_t][3])
    else:
        spans.append((cur, len(P), "gap", None))
    # what of the PDF no unit took: a chart's labels, a table's repeated head
    # (pdftotext may read a chart's last labels after the block that
    # follows it: a chart's characters are allowed in the next two gaps)
    charts = [k for k, sp in enumerate(spans) if sp[2] == "chart"]
    for k, (s, e, kind, data) in enumerate(spans):
        left = "".join(P[x] for x in range(s, e) if not covered[x])
        if not left:
            continue
        near = [spans[c][3] for c in charts if k - 4 <= c <= k + 1]
        if kind == "table":
            _, cells, head = data
            want = Counter("".join(cells))
            have = Counter(left)
            lost = want - have
            if lost:
                bad.append("a table's text not in the PDF: 「"
                           + "".join(sorted(lost.elements()))[:60] + "」 (table of 「"
                           + (cells[0] if cells else "")[:20] + "」…)")
            # more in the PDF: a repeated head row, a chart's legend read late
            extra = have - want
            allowed = set("".join(head))
            if near:
                allowed |= set("0123456789,.－-–：（）()年度出典").union(*near)
            extra = "".join(ch for ch in extra.elements() if ch not in allowed)
            if extra:
                bad.append(f"in a table, text of the PDF only: 「{extra[:60]}」")
            continue
        allowed = set("0123456789,.－-–：（）()年度出典").union(*near) if near else set()
        extra = "".join(ch for ch in left if ch not in allowed)
        if extra:
            bad.append(f"text of the PDF only: 「{left[:80]}」")
    for b in bad[:20]:
        print(f"{html}: {b}")
    if len(bad) > 20:
        print(f"{html}: … {len(bad) - 20} more")
    if not bad:
        print(f"{html}: the text of {pdf} ({len(P)} characters): {len(units)} blocks, "
              f"{len(notes)} notes, the same")
    return 1 if bad else 0


def cmd_alt(pdf, html):
    import pikepdf
    root = parse(html)
    ids = {e.get("id"): e for e in root.iter() if e.get("id")}
    # charts and pictures in order: an svg's title, an img's alt
    titles = [text(ids[s.get("aria-labelledby")]) if s.tag.endswith("svg") else s.get("alt")
              for s in root.iter()
              if (s.tag.endswith("svg") and s.get("aria-labelledby") in ids) or
              (s.tag == "img" and s.get("alt"))]
    alts = []
    with pikepdf.open(pdf) as p:
        tree = p.Root.get("/StructTreeRoot")
        stack = [tree] if tree is not None else []
        while stack:
            n = stack.pop()
            if isinstance(n, pikepdf.Dictionary):
                if n.get("/S") == "/Figure":
                    alts.append(str(n.get("/Alt", "")))
                kids = n.get("/K")
                if isinstance(kids, pikepdf.Array):
                    stack.extend(reversed(list(kids)))
                elif kids is not None:
                    stack.append(kids)
    alts = [a for i, a in enumerate(alts) if a and (i == 0 or a != alts[i - 1])]
    if alts and alts != titles:
        print(f"{html}: chart titles {titles[:2]}… differ from the PDF's Figure /Alt {alts[:2]}…")
        return 1
    print(f"{html}: {len(titles)} chart titles; the PDF has {len(alts)} Figure /Alt"
          + (", the same" if alts else ""))
    return 0


def main(argv):
    if len(argv) >= 2 and argv[0] == "parse":
        return max(cmd_parse(f) for f in argv[1:])
    if len(argv) in (2, 3) and argv[0] == "struct":
        return cmd_struct(argv[1], argv[2:] == ["--draft"])
    if len(argv) == 3 and argv[0] == "text":
        return cmd_text(argv[1], argv[2])
    if len(argv) == 3 and argv[0] == "alt":
        return cmd_alt(argv[1], argv[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
