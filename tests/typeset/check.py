#!/usr/bin/env python3
"""Measures a rendered report PDF (issue 4; outputs.md "Typesetting").

The PDF is read back with pdftotext -bbox-layout and qpdf --json; render's
`--lines` file (one record per drawn text line, docs/render.md) only says
which PDF words form which line of which paragraph, and every claim is
checked against the PDF: a claimed line whose PDF text differs, or a PDF
word no claimed line covers, is a failure of its own.

  check.py lines LINES PDF PDOC [--flush MIN] [--verbose]
      cross-check, kinsoku, flush right edges, glyphs inside the text area
  check.py outline PDF PDOC
      outline items and link annotations point to the pages whose text has
      their titles
  check.py struct PDF
      structure tree: element types in reading order
  check.py tablehead PDF HEAD ROWTEXT
      every page with a row containing ROWTEXT has HEAD above its rows

Each prints what it measured on stdout and exits 1 when a check fails.
"""
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

WS = re.compile(r"[\s\u3000]+")
XH = "{http://www.w3.org/1999/xhtml}"
# outputs.md "Typesetting": the line-start and line-end prohibitions.
NO_START = set("、。，．・：；？！）］｝〕〉》」』】〟ゝゞー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ")
NO_END = set("（［｛〔〈《「『【〝")
TOL = 1.0   # pt: "within 1 pt of the text block's right edge"


def bbox_pages(pdf):
    """Words of each page: list (1-based index) of lists of (x0, y0, x1, y1, text)."""
    out = subprocess.run(["pdftotext", "-q", "-bbox-layout", pdf, "-"], capture_output=True,
                         check=True).stdout
    root = ET.fromstring(out)
    pages = [None]
    for page in root.iter(XH + "page"):
        words = []
        for w in page.iter(XH + "word"):
            words.append((float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")),
                          float(w.get("yMax")), w.text or ""))
        pages.append(words)
    return pages


def read_lines(path):
    pages, lines = {}, []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            r = raw.rstrip("\n").split("\t")
            if r[0] == "P":
                pages[int(r[1])] = tuple(float(v) for v in r[2:8])
            elif r[0] == "L":
                lines.append({
                    "page": int(r[1]), "x0": float(r[2]), "x1": float(r[3]),
                    "base": float(r[4]), "asc": float(r[5]), "desc": float(r[6]),
                    "para": int(r[7]), "line": int(r[8]), "nlines": int(r[9]),
                    "last": r[10] == "1", "align": r[11], "bl": float(r[12]),
                    "br": float(r[13]), "tag": r[14], "text": r[15] if len(r) > 15 else ""})
    return pages, lines


def pdoc_areas(pdoc):
    """Text areas (left, top, right, bottom) of the templates of the pdoc."""
    mm = 72 / 25.4

    def length(v, whole=0):
        v = (v or "0").strip()
        for unit, f in (("mm", mm), ("cm", 10 * mm), ("pt", 1), ("%", whole / 100)):
            if v.endswith(unit):
                return float(v[:-len(unit)]) * f
        return float(v)

    areas = []
    for t in ET.parse(pdoc).getroot().iter("template"):
        w, h = length(t.get("width", "210mm")), length(t.get("height", "297mm"))
        areas.append((w, h, length(t.get("margin-left")), length(t.get("margin-top")),
                      w - length(t.get("margin-right")), h - length(t.get("margin-bottom"))))
    return areas


def match(words, ln, used):
    """The PDF words that lie on claimed line `ln`: text in x order and extent."""
    top, bot = ln["base"] - ln["asc"] - 0.5, ln["base"] + ln["desc"] + 0.5
    got = []
    for i, (x0, y0, x1, y1, t) in enumerate(words):
        cy, cx = (y0 + y1) / 2, (x0 + x1) / 2
        if top <= cy <= bot and ln["x0"] - 0.5 <= cx <= ln["x1"] + 0.5:
            got.append((x0, x1, t))
            used.add(i)
    got.sort()
    text = "".join(t for _, _, t in got)
    return WS.sub("", text), (got[0][0] if got else None), (got[-1][1] if got else None)


def cmd_lines(argv):
    linesf, pdf, pdoc = argv[:3]
    minflush = float(argv[argv.index("--flush") + 1]) if "--flush" in argv else 99.5
    verbose = "--verbose" in argv
    claimed_pages, lines = read_lines(linesf)
    pages = bbox_pages(pdf)
    areas = pdoc_areas(pdoc)
    fail = []
    # 1. the claims describe this PDF
    if len(pages) - 1 != len(claimed_pages):
        fail.append("pages: PDF %d, --lines %d" % (len(pages) - 1, len(claimed_pages)))
    for p, a in claimed_pages.items():
        if a[2:] != (0, 0, 0, 0) and not any(
                all(abs(u - v) < 0.05 for u, v in zip(a, t)) for t in areas):
            fail.append("page %d: text area %s is no template of the pdoc" % (p, a))
    used = {p: set() for p in range(1, len(pages))}
    mismatch = kin = 0
    inner = inner_ok = cell = cell_ok = 0
    worst = []
    # lines on one baseline are read together: poppler makes one word of a
    # list label and the text beside it
    rows = {}
    for ln in lines:
        rows.setdefault((ln["page"], round(ln["base"], 1)), []).append(ln)
    for (p, _), row in sorted(rows.items()):
        if p >= len(pages):
            continue
        row.sort(key=lambda ln: ln["x0"])
        span = {"base": row[0]["base"], "asc": max(ln["asc"] for ln in row),
                "desc": max(ln["desc"] for ln in row), "x0": row[0]["x0"],
                "x1": max(ln["x1"] for ln in row)}
        text, _, rx1 = match(pages[p], span, used[p])
        want = "".join(WS.sub("", ln["text"]) for ln in row)
        if text != want:
            mismatch += len(row)
            if mismatch <= 5 * len(row):
                fail.append("page %d line at y=%.1f: PDF has %r, render set %r" %
                            (p, row[0]["base"], text, want))
            continue
        for ln in row:
            text = WS.sub("", ln["text"])
            if not text:
                continue
            # 2. kinsoku, at each line break: the start of a continued
            #    line, the end of a line that is continued (the PDF has
            #    this text on this line: checked above)
            if (ln["line"] > 0 and text[0] in NO_START) or \
                    (ln["line"] + 1 < ln["nlines"] and text[-1] in NO_END):
                kin += 1
                fail.append("page %d: kinsoku: line %r" % (p, text))
            # 3. inner lines of justified paragraphs end at the measure's right edge
            if ln["align"] == "j" and not ln["last"]:
                px1 = rx1 if ln is row[-1] else match(pages[p], ln, set())[2]
                ok = px1 is not None and abs(px1 - ln["br"]) <= TOL
                area = claimed_pages.get(p, (0,) * 6)
                if abs(ln["br"] - area[4]) < 0.05:
                    inner += 1
                    inner_ok += ok
                    if not ok:
                        worst.append((abs((px1 or 0) - ln["br"]), p, text))
                else:
                    cell += 1
                    cell_ok += ok
    unclaimed = 0
    for p in range(1, len(pages)):
        for i, w in enumerate(pages[p]):
            if i not in used[p] and WS.sub("", w[4]):
                unclaimed += 1
                if unclaimed <= 5:
                    fail.append("page %d: word %r at (%.1f, %.1f) on no claimed line" %
                                (p, w[4], w[0], w[1]))
    # 4. glyphs inside the text area; header and footer bands (between the
    #    side margins, above or below the block) allowed
    outside = 0
    for p in range(1, len(pages)):
        a = claimed_pages.get(p)
        if a is None or a[2:] == (0, 0, 0, 0):
            continue
        _, _, l, t, r, b = a
        for x0, y0, x1, y1, w in pages[p]:
            inside_x = x0 >= l - 0.5 and x1 <= r + 0.5
            if inside_x and y1 > 0 and y0 < a[1]:
                continue
            if not inside_x or (y0 < t - 0.5 and y1 > t + 0.5) or (y0 < b - 0.5 and y1 > b + 0.5):
                outside += 1
                if outside <= 5:
                    fail.append("page %d: %r at (%.1f %.1f %.1f %.1f) leaves the text area" %
                                (p, w, x0, y0, x1, y1))
    share = 100.0 * inner_ok / inner if inner else 0
    print("lines: %d claimed, %d differ from the PDF, %d PDF words unclaimed" %
          (len(lines), mismatch, unclaimed))
    print("kinsoku: %d violations" % kin)
    print("flush: %d/%d inner body lines within %.0f pt of the right edge (%.2f%%); "
          "table cells %d/%d" % (inner_ok, inner, TOL, share, cell_ok, cell))
    print("area: %d words outside the text area and its header/footer bands" % outside)
    if verbose:
        for d, p, t in sorted(worst, reverse=True)[:20]:
            print("  off by %.2f pt, page %d: %s" % (d, p, t))
    if inner == 0 or share < minflush:
        fail.append("flush: %.2f%% < %.2f%%" % (share, minflush))
    if mismatch or unclaimed:
        fail.append("--lines and the PDF disagree")
    for f in fail:
        print("FAIL", f)
    return 1 if fail else 0


def qpdf_json(pdf):
    out = subprocess.run(["qpdf", "--json=2", pdf], capture_output=True, check=True).stdout
    j = json.loads(out)
    objs = {k[4:]: v.get("value") for k, v in j["qpdf"][1].items() if k.startswith("obj:")}
    return j, objs


def page_texts(pdf):
    """Each page's text, words joined line by line (top to bottom, left to right)."""
    out = [None]
    for ws in bbox_pages(pdf)[1:]:
        rows = []
        for w in sorted(ws, key=lambda w: (w[1] + w[3]) / 2):
            cy = (w[1] + w[3]) / 2
            if rows and abs(rows[-1][0] - cy) < 3:
                rows[-1][1].append(w)
            else:
                rows.append([cy, [w]])
        out.append("".join(WS.sub("", w[4]) for _, r in rows for w in sorted(r)))
    return out


def pdf_string(s):
    """qpdf's JSON string ("u:text" or "b:hex bytes") as text."""
    if s.startswith("b:"):
        return bytes.fromhex(s[2:]).decode("utf-8", "replace")
    return s[2:] if s.startswith("u:") else s


def heading_text(h, marks=False):
    """Text of a pdoc <h>: footnotes left out (as in the outline), or with
    `marks` their numbers (as on the page)."""
    out = [h.text or ""]
    for k in h:
        if k.tag != "fn":
            out.append(heading_text(k, marks))
        elif marks:
            out.append("\0")  # its number: render numbers them through the document (issue 15)
        out.append(k.tail or "")
    return "".join(out)


def label(j, index):
    """The page label (printed number) of 0-based page `index`; '' when none."""
    best = None
    for r in j.get("pagelabels", []):
        if r["index"] <= index:
            best = r
    if best is None or "/S" not in best["label"]:
        return ""
    return str(best["label"].get("/St", 1) + index - best["index"])


def name_tree(objs, ref, out):
    node = objs.get(ref, {})
    names = node.get("/Names", [])
    for i in range(0, len(names) - 1, 2):
        out[pdf_string(names[i])] = names[i + 1]
    for k in node.get("/Kids", []):
        name_tree(objs, k, out)


def cmd_outline(argv):
    pdf, pdoc = argv[:2]
    j, objs = qpdf_json(pdf)
    texts = page_texts(pdf)
    pageno = {p["object"]: p["pageposfrom1"] for p in j["pages"]}
    fail = []
    # outline: every item's title is on its destination page
    items = []

    def walk(lst, depth):
        for o in lst:
            items.append((o["title"], o.get("destpageposfrom1"), depth))
            walk(o.get("kids", []), depth + 1)
    walk(j["outlines"], 1)
    root = ET.parse(pdoc).getroot()
    hs = [h for h in root.iter("h") if h.get("outline") == "1"]
    heads = [heading_text(h) for h in hs]
    marked = [WS.sub("", heading_text(h, True)) for h in hs]
    if len(items) != len(heads):
        fail.append("outline: %d items, the pdoc has %d headings with outline=1" %
                    (len(items), len(heads)))
    for (title, page, _), h, hm in zip(items, heads, marked):
        t = WS.sub("", title)
        if t != WS.sub("", h):
            fail.append("outline item %r is not heading %r" % (title, h))
        elif page is None or not re.search("[0-9]+".join(map(re.escape, hm.split("\0"))),
                                           texts[page]):
            fail.append("outline %r -> page %s, which does not have it" % (title, page))
    # links: each goes to a page with the linked text (TOC entries, 再掲 links)
    dests = {}
    for v in objs.values():
        if isinstance(v, dict) and v.get("/Type") == "/Catalog" and "/Names" in v:
            nd = objs.get(v["/Names"], v["/Names"])
            if isinstance(nd, dict) and "/Dests" in nd:
                name_tree(objs, nd["/Dests"], dests)
    pages = bbox_pages(pdf)
    nlinks = bad = ntoc = 0
    for p in j["pages"]:
        pobj = objs.get(p["object"], {})
        annots = pobj.get("/Annots", [])
        annots = objs.get(annots, annots) if isinstance(annots, str) else annots
        h = float(pobj.get("/MediaBox", [0, 0, 0, 841.89])[3])
        links = []      # (dest, text); a link over two lines is two rects
        for a in annots:
            av = objs.get(a, {})
            if av.get("/Subtype") != "/Link":
                continue
            nlinks += 1
            x0, y0, x1, y1 = av["/Rect"]
            words = [w[4] for w in sorted(pages[p["pageposfrom1"]], key=lambda w: (round(w[3]), w[0]))
                     if min(x1, w[2]) - max(x0, w[0]) > 1 and y0 <= h - (w[1] + w[3]) / 2 <= y1]
            text = WS.sub("", "".join(words))
            if links and links[-1][0] == av.get("/Dest"):
                links[-1][1] += text
            else:
                links.append([av.get("/Dest"), text])
        for dname, text in links:
            d = dname
            if isinstance(d, str):
                d = dests.get(pdf_string(d))
                d = objs.get(d, d) if isinstance(d, str) else d
                if isinstance(d, dict):
                    d = d.get("/D")
            if not isinstance(d, list) or d[0] not in pageno:
                bad += 1
                fail.append("link on page %d: destination %r unresolved" %
                            (p["pageposfrom1"], dname))
                continue
            target = pageno[d[0]]
            # a TOC entry's number is the printed number of its target
            num = re.search(r"-(\d+)-$", text)    # "- 12 -", as the footer
            ntoc += bool(num)
            if num and label(j, target - 1) != num.group(1):
                bad += 1
                fail.append("TOC entry %r: its target page is labelled %r" %
                            (text, label(j, target - 1)))
            # the linked text less a trailing page number (TOC entries)
            key = re.sub(r"-\d+-$", "", text)
            q = re.search(r"「(.+?)」", key)
            if q:   # 再掲: 実施状況は…(ナ)「title」に記載。 -> the measure's title
                key = q.group(1)
            elif not num:
                continue    # another inline link: its destination resolved
            if len(key) > 16:
                key = key[:16]
            if not key or key not in texts[target]:
                bad += 1
                if bad <= 5:
                    fail.append("link %r on page %d -> page %d, which does not have %r" %
                                (text, p["pageposfrom1"], target, key))
    print("outline: %d items, %d headings with outline=1; links: %d (%d TOC entries with a "
          "number), %d pointing elsewhere" % (len(items), len(heads), nlinks, ntoc, bad))
    if nlinks == 0 or ntoc == 0:
        fail.append("no link annotations, or none from the TOC")
    for f in fail:
        print("FAIL", f)
    return 1 if fail else 0


def cmd_struct(argv):
    pdf = argv[0]
    j, objs = qpdf_json(pdf)
    cat = next(v for v in objs.values() if isinstance(v, dict) and v.get("/Type") == "/Catalog")
    fail = []
    if "/StructTreeRoot" not in cat or not cat.get("/MarkInfo", {}).get("/Marked"):
        print("FAIL no StructTreeRoot / MarkInfo")
        return 1
    seq = []
    pageno = {p["object"]: p["pageposfrom1"] for p in j["pages"]}
    parents = {"TR": ("Table",), "TD": ("TR",), "TH": ("TR",), "LI": ("L",),
               "Lbl": ("LI",), "LBody": ("LI",)}
    misplaced = []
    pages = []      # page of each element with content, in tree order

    def walk(ref, parent):
        v = objs.get(ref) if isinstance(ref, str) else None
        if not isinstance(v, dict):
            return
        s = v["/S"][1:] if "/S" in v else None
        if s:
            seq.append((s, parent))
            if s in parents and parent not in parents[s]:
                misplaced.append("%s in %s" % (s, parent))
            if "/Pg" in v and v["/Pg"] in pageno:
                pages.append(pageno[v["/Pg"]])
        k = v.get("/K", [])
        for c in (k if isinstance(k, list) else [k]):
            walk(c, s or parent)
    walk(cat["/StructTreeRoot"], None)
    kinds = {}
    for s, _ in seq:
        kinds[s] = kinds.get(s, 0) + 1
    print("struct: %d elements: %s" % (len(seq), " ".join("%s=%d" % kv for kv in sorted(kinds.items()))))
    for t in ("Document", "H1", "H2", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD",
              "Figure", "Link", "TOC"):
        if t not in kinds:
            fail.append("no /%s element" % t)
    if misplaced:
        fail.append("%d elements under the wrong parent, e.g. %s" % (len(misplaced), misplaced[0]))
    # reading order: the tree follows the pages, and the TOC comes before
    # the first H1, which is before the first Table
    back = sum(1 for a, b in zip(pages, pages[1:]) if b < a)
    print("struct: %d elements with a page, %d out of page order" % (len(pages), back))
    if back or not pages:
        fail.append("structure tree not in page order")
    order = [s for s, _ in seq]
    try:
        if not order.index("TOC") < order.index("H1") < order.index("Table"):
            fail.append("order: TOC, H1, Table out of order")
    except ValueError:
        pass
    for f in fail:
        print("FAIL", f)
    return 1 if fail else 0


def cmd_tablehead(argv):
    pdf, head, rowtext = argv[:3]
    pages = bbox_pages(pdf)
    head = WS.sub("", head)
    spans = 0
    fail = []
    for p in range(1, len(pages)):
        lines = {}
        for x0, y0, x1, y1, t in pages[p]:
            lines.setdefault(round(y0), []).append((x0, t))
        rows = [(y, "".join(t for _, t in sorted(ws))) for y, ws in sorted(lines.items())]
        rowy = [y for y, t in rows if rowtext in WS.sub("", t)]
        if not rowy:
            continue
        spans += 1
        heady = [y for y, t in rows if WS.sub("", t) == head]
        if not heady or heady[0] > min(rowy):
            fail.append("page %d: rows without the head row %r above them" % (p, head))
    print("tablehead: table on %d pages" % spans)
    if spans < 2:
        fail.append("the table does not span pages")
    for f in fail:
        print("FAIL", f)
    return 1 if fail else 0


if __name__ == "__main__":
    cmds = {"lines": cmd_lines, "outline": cmd_outline, "struct": cmd_struct,
            "tablehead": cmd_tablehead}
    if len(sys.argv) < 3 or sys.argv[1] not in cmds:
        sys.exit(__doc__)
    sys.exit(cmds[sys.argv[1]](sys.argv[2:]))
