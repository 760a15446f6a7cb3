"""t1100-editorial.py CHECK ...: the editor's checks of issue 15 on a
rendered report.

  lines LINES          render's --lines listing (t0110 checks it against the
                       PDF: same text, same places) →
    heading            no heading (h, or a keep-with-next paragraph: subhead,
                       caption, group-head, entry-head) is a page's last line
    chapter            no page ending a chapter carries fewer than 3 lines
                       unless the chapter is that short
    widow              no line of a paragraph of 2+ lines alone on a page
    running            the running head is the H1 in force at the page top
    footnotes          footnote numbers strictly increase through the document
  tables LINES PDOC    no table of <= 4 body rows across pages; a split table
                       has >= 2 body rows on each page
  evaluation PDOC PDF  every measure with 実績 has 評価 or the marker
                       「評価の記載なし」, and the PDF prints each marker
  annex CSV PDF        every missing (measure, ministry) pair of the status
                       CSV is listed in 別添２ (PDF text)
  dups PDOC PDF        no paragraph printed twice under one measure (its
                       text, credits stripped); relists carry no text
Prints "FAIL …" lines and exits 1 on any failure.
"""
import csv, re, subprocess, sys
import xml.etree.ElementTree as E

KEEP_STYLES = {"subhead", "caption", "group-head", "entry-head"}
fails = []


def fail(msg):
    fails.append(msg)
    print("FAIL", msg)


def squash(s):
    return re.sub(r"\s+", "", s or "")


def text_of(el):
    """An element's text without its footnotes."""
    out = [el.text or ""]
    for k in el:
        if k.tag != "fn":
            out.append(text_of(k))
        out.append(k.tail or "")
    return "".join(out)


def read_lines(path):
    """(page, y, paraid, line, nlines, tag, text) of each drawn line."""
    rows = []
    for raw in open(path, encoding="utf-8"):
        f = raw.rstrip("\n").split("\t")
        if f[0] != "L":
            continue
        rows.append(dict(page=int(f[1]), y=float(f[4]), para=int(f[7]), line=int(f[8]),
                         nlines=int(f[9]), tag=f[14], text=f[15] if len(f) > 15 else ""))
    return rows


def pages_of(rows):
    pages = {}
    for r in rows:
        pages.setdefault(r["page"], []).append(r)
    return pages


def body(lines):
    return [r for r in lines if r["tag"] not in ("-", "Note")]


def para_texts(rows):
    t = {}
    for r in rows:
        if r["tag"] != "-":
            t.setdefault(r["para"], {})[r["line"]] = r["text"]
    return {p: squash("".join(v[k] for k in sorted(v))) for p, v in t.items()}


def keep_texts(pdoc):
    ks = set()
    for el in E.parse(pdoc).getroot().iter():
        if el.tag == "h" or (el.tag == "p" and el.get("style") in KEEP_STYLES):
            ks.add(squash(text_of(el)))
        elif el.tag == "p" and re.fullmatch(r"〔[^〔〕]*〕", squash(text_of(el))):
            ks.add(squash(text_of(el)))  # an entry's title: a heading in all but name
    return ks


def check_lines(path, pdoc):
    rows = read_lines(path)
    pages = pages_of(rows)
    ptext = para_texts(rows)
    keeps = keep_texts(pdoc) if pdoc else set()
    n = max(pages)
    # heading as a page's last line
    for p in range(1, n):
        b = body(pages.get(p, []))
        if not b:
            continue
        last = max(b, key=lambda r: r["y"])
        whole = ptext[last["para"]]
        if last["tag"].startswith("H") or (whole in keeps and last["tag"] == "P"):
            if last["line"] == last["nlines"] - 1:
                fail(f"heading: page {p} ends with heading 「{whole[:40]}」")
    # chapters: H1 starts; pages ending one carry >= 3 lines
    starts = [p for p in range(1, n + 1)
              if any(r["tag"] == "H1" for r in body(pages.get(p, [])))]
    for i, s in enumerate(starts):
        end = (starts[i + 1] - 1) if i + 1 < len(starts) else n
        if end > s:
            ys = {round(r["y"]) for r in body(pages.get(end, []))}
            if len(ys) < 3:
                fail(f"chapter: page {end} ends the chapter of page {s} with {len(ys)} line(s)")
    # widows and orphans (paragraphs, list items: tag P, L)
    seen = {}
    for r in rows:
        if r["tag"] in ("P", "L") and r["nlines"] >= 2:
            seen.setdefault(r["para"], {}).setdefault(r["page"], []).append(r["line"])
    for para, bypage in seen.items():
        if len(bypage) < 2:
            continue
        for p, ls in bypage.items():
            if len(ls) == 1:
                fail(f"widow: page {p} has one line ({ls[0] + 1}) of 「{ptext[para][:30]}」")
    # running head: the right half of the header line
    inforce = ""
    for p in range(1, n + 1):
        lines = pages.get(p, [])
        b = sorted(body(lines), key=lambda r: r["y"])
        h1 = [r for r in b if r["tag"] == "H1" and r["line"] == 0]
        top = inforce
        if h1 and b and h1[0]["y"] <= b[0]["y"] + 0.01:
            top = ptext[h1[0]["para"]]
        head = [r for r in lines if r["tag"] == "-" and r["y"] < 100]
        if head and len(head) >= 2:
            right = squash(max(head, key=lambda r: r["para"])["text"])
            if top and right != top:
                fail(f"running: page {p} shows 「{right}」, in force 「{top}」")
        if h1:
            inforce = ptext[h1[-1]["para"]]
    # footnote numbers
    nums = [int(r["text"]) for r in rows if r["tag"] == "Note" and r["text"].strip().isdigit()]
    for a, b in zip(nums, nums[1:]):
        if b <= a:
            fail(f"footnotes: {b} follows {a}")
            break
    print(f"lines: {n} pages, {len(starts)} chapters, {len(nums)} footnotes")


def check_tables(path, pdoc):
    rows = [r for r in read_lines(path) if r["tag"] == "Table"]
    i = 0
    ntab = 0
    for t in E.parse(pdoc).getroot().iter("table"):
        trs = [tr for tr in t.findall("tr") if tr.get("head") != "1"]
        pages = []
        for tr in trs:
            td = tr.find("td")
            key = squash(text_of(td)) if td is not None else ""
            if not key:
                pages.append(pages[-1] if pages else None)
                continue
            j = i
            while j < len(rows) and not (rows[j]["line"] == 0 and rows[j]["text"]
                                         and key.startswith(squash(rows[j]["text"]))):
                j += 1
            if j == len(rows):
                pages.append(pages[-1] if pages else None)
                continue
            pages.append(rows[j]["page"])
            i = j + 1
        ntab += 1
        pg = [p for p in pages if p is not None]
        if not pg:
            continue
        label = squash(t.get("alt", ""))[:30]
        if len(set(pg)) > 1 and len(trs) <= 4:
            fail(f"table: 「{label}」 ({len(trs)} rows) across pages {sorted(set(pg))}")
        elif len(set(pg)) > 1:
            for p in sorted(set(pg)):
                if pg.count(p) < 2:
                    fail(f"table: 「{label}」 has {pg.count(p)} body row on page {p}")
    print(f"tables: {ntab}")


def pdf_text(pdf):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True,
                          text=True, check=True).stdout


def measures(pdoc):
    """(id, [(style, text)]) of each measure (h level 4) with the blocks to the next h."""
    out = []
    cur = None
    for fl in E.parse(pdoc).getroot().iter("flow"):
        for el in fl:
            if el.tag == "h":
                cur = None
                if el.get("level") == "4":
                    cur = (el.get("id") or "", squash(text_of(el)), [])
                    out.append(cur)
            elif cur is not None and el.tag == "p":
                cur[2].append((el.get("style"), squash(text_of(el))))
    return out


def check_evaluation(pdoc, pdf):
    n = 0
    for mid, title, ps in measures(pdoc):
        subs = [t for s, t in ps if s == "subhead"]
        marked = any(t.startswith("評価の記載なし") for s, t in ps)
        if "実績" in subs and "評価" not in subs and not marked:
            fail(f"evaluation: {mid or title[:20]} has 実績 but neither 評価 nor the marker")
        n += marked
    shown = squash(pdf_text(pdf)).count("評価の記載なし")
    if shown < n:
        fail(f"evaluation: the PDF prints 評価の記載なし {shown} times, {n} measures lack 評価")
    print(f"evaluation: {n} measures without 評価")


def check_annex(csvpath, pdf):
    txt = pdf_text(pdf)
    pages = txt.split("\f")
    start = [i for i, p in enumerate(pages) if "府省庁ごとの提出状況は" in p]
    annex = "\f".join(pages[start[0]:]) if start else ""
    annex = annex.split("別添３　備考")[0]
    a = squash(annex)
    n = 0
    for row in csv.DictReader(open(csvpath, encoding="utf-8-sig")):
        if row["状況"] != "未提出":
            continue
        n += 1
        # the measure id then (within the row) its ministry
        hits = [m.start() for m in re.finditer(re.escape(squash(row["施策番号"])), a)]
        if not any(squash(row["府省庁"]) in a[pos:pos + 200] for pos in hits):
            fail(f"annex: {row['施策番号']} {row['府省庁']} not listed in 別添２")
        if squash(row["施策名"])[:10] not in a:
            fail(f"annex: the title of {row['施策番号']} not in 別添２")
    if n == 0:
        fail("annex: the status CSV has no 未提出 pair (the samples have six)")
    print(f"annex: {n} missing pairs")


def check_dups(pdoc, pdf):
    twice = 0
    for mid, title, ps in measures(pdoc):
        seen = set()
        for s, t in ps:
            if s != "body":
                continue
            core = re.sub(r"^【[^】]*】", "", t)
            core = re.sub(r"（[^（）]*）$", "", core) if core.endswith("）") else core
            if len(core) < 10:
                continue
            if core in seen:
                twice += 1
                fail(f"dups: {mid or title[:20]} prints 「{core[:30]}」 twice")
            seen.add(core)
        if title.endswith("（再掲）") and any(s == "body" for s, t in ps):
            fail(f"dups: relist {title[:20]} carries text of its own")
    print(f"dups: {twice}")


def main():
    cmd = sys.argv[1]
    a = sys.argv[2:]
    if cmd == "lines":
        check_lines(a[0], a[1] if len(a) > 1 else None)
    elif cmd == "tables":
        check_tables(a[0], a[1])
    elif cmd == "evaluation":
        check_evaluation(a[0], a[1])
    elif cmd == "annex":
        check_annex(a[0], a[1])
    elif cmd == "dups":
        check_dups(a[0], a[1])
    else:
        sys.exit("usage: t1100-editorial.py lines|tables|evaluation|annex|dups ...")
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
