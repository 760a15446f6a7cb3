#!/usr/bin/env python3
"""gen_year.py: a synthetic year K times the size of a real one (issue 7).

    gen_year.py [--from INPUT] [--year Y] --scale K [--split N] -o OUTDIR

Reads INPUT/ministries.xml and INPUT/Y/{plan.xml,matrix.xml,submissions/*.csv}
(default: input, 2014) and writes the same layout under OUTDIR, so that
`make INPUT=OUTDIR YEAR=Y report` runs the pipeline on it.  The result is K
copies of the year side by side, each copy with its own ministries, areas,
measures, matrix entries and CSV rows, so every count (ministries, measures,
rows, expected (measure, ministry) pairs, indicators) is K times the
original and the shape (vocabularies of docs/design.md and inputs.md, id
forms, encodings, line ends, multi-line cells) is the same:

  - registry: copy j (j >= 2) of ministry `mic` is `mic<j>` named `総務省<j>`,
    aliases suffixed likewise; groups are copied with their members.  For
    K > 1, a group with expect="all" becomes, in each copy, expect="members"
    naming that copy's ministries, so 全府省庁 stays the same size per copy
    (otherwise the expected pairs would grow as K squared).
  - plan: the areas are copied K times, copy j renumbered from
    (j - 1) * A + 1 where A is the largest area number; every id, relist
    reference and footnote id is rewritten (fnN: fn(N + 1000 (j - 1))), resp names the copy's ministries.
    Intro text is kept once.
  - matrix: domains and entries copied and renumbered; indicator ids get
    `-c<j>` and indicator texts `（<j>）` so both stay unique.
  - CSVs: each file is copied K times (`c<j>-NAME.csv`, copy 1 keeps its
    name), in its own encoding and line ends; the measure column's leading
    area number is shifted in whatever form it was written (`1-①-1)-(ア)`,
    `１－１－１－ア` …), ministries and indicators are mapped to the copy's.
    A file that cannot be decoded is copied once, as it is.

With --split N the N progress files with the most measures are first each
split in two by measure (`NAME-a.csv`, `NAME-b.csv`: the rows of one measure
stay in one file, as meti-progress-1/-2 do), so FY2014's 25 files become
25 + N per copy: --split 5 gives 30, 300 and 3,000 files at K = 1, 10, 100
(issue 12 "Linear", the files family of `make bench`).

If INPUT/Y/submissions has no CSV, a progress file per ministry is first
synthesized from the plan (one row per measure naming it, 実績 from the
measure's items) and then replicated.  With --ministries fixed the registry
is not copied: the same ministries report on K times as many measures (to
tell costs that grow with measures x ministries from those that grow with
rows).  Standard library only.
"""
import argparse
import copy
import csv
import io
import os
import re
import shutil
import sys
import unicodedata
import xml.etree.ElementTree as ET

FW_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def sfx(j):
    return "" if j == 1 else str(j)


class Registry:
    """Maps every name, code and alias of the original registry to copy j's."""

    def __init__(self, root, fixed=False):
        self.root = root
        self.fixed = fixed	# --ministries fixed: one registry for every copy
        self.ministries = [m for m in root if m.tag == "ministry"]
        self.groups = [g for g in root if g.tag == "group"]
        self.words = {}		# name/code/alias -> kind ("code" or "text")
        for e in self.ministries + self.groups:
            self.words[e.get("code")] = "code"
            self.words[e.get("name")] = "text"
            for a in e.findall("alias"):
                self.words[(a.text or "").strip()] = "text"

    def map_word(self, word, j):
        """Copy j's form of a ministry word, or None if it is not one."""
        w = word.strip()
        if w not in self.words:
            return None
        return w if self.fixed else w + sfx(j)

    def replicate(self, k):
        if self.fixed:
            return copy.deepcopy(self.root)
        out = ET.Element(self.root.tag, self.root.attrib)
        out.text = "\n  "
        for j in range(1, k + 1):
            for m in self.ministries:
                out.append(self._copy(m, j))
        for j in range(1, k + 1):
            for g in self.groups:
                c = self._copy(g, j)
                if k > 1 and g.get("expect") == "all":
                    c.set("expect", "members")
                    for m in self.ministries:
                        ET.SubElement(c, "member", ref=m.get("code") + sfx(j))
                out.append(c)
        return out

    def _copy(self, e, j):
        c = copy.deepcopy(e)
        c.set("code", e.get("code") + sfx(j))
        c.set("name", e.get("name") + sfx(j))
        for a in c.findall("alias"):
            a.text = (a.text or "").strip() + sfx(j)
        for mem in c.findall("member"):
            mem.set("ref", mem.get("ref") + sfx(j))
        return c


def area_shift(ident, j, na):
    """`1-1-1-ア` in copy j: the leading area number moved by (j-1)*na."""
    m = re.match(r"^(\d+)(.*)$", ident or "", re.S)
    if not m:
        return ident
    return str(int(m.group(1)) + (j - 1) * na) + m.group(2)


def written_shift(text, j, na):
    """The same for an id as a ministry wrote it: half- or full-width digits."""
    if j == 1:
        return text
    m = re.match(r"^(\s*)([0-9０-９]+)(.*)$", text, re.S)
    if not m:
        return text
    digits = m.group(2)
    n = int(unicodedata.normalize("NFKC", digits)) + (j - 1) * na
    new = str(n)
    if any(c in "０１２３４５６７８９" for c in digits):
        new = new.translate(FW_DIGITS)
    return m.group(1) + new + m.group(3)


def fn_shift(ident, j):
    m = re.fullmatch(r"fn(\d+)", ident)
    return f"fn{int(m.group(1)) + (j - 1) * 1000}" if m else ident + (f"c{j}" if j > 1 else "")


def rewrite_plan_subtree(e, j, na, fixed):
    for x in e.iter():
        if x.tag in ("area", "field", "section", "group", "measure") and x.get("id"):
            x.set("id", area_shift(x.get("id"), j, na))
        if x.tag == "area" and x.get("num"):
            x.set("num", str(int(x.get("num")) + (j - 1) * na))
        if x.tag == "relist":
            for a in ("at", "ref"):
                if x.get(a):
                    x.set(a, area_shift(x.get(a), j, na))
        # plan.rng: footnote ids are fn<number>; copy j numbers from
        # (j - 1) * 1000 (a plan has tens of footnotes)
        if x.tag == "footnote" and x.get("id"):
            x.set("id", fn_shift(x.get("id"), j))
        if x.tag == "fnref" and x.get("ref"):
            x.set("ref", fn_shift(x.get("ref"), j))
        if x.tag in ("ministry", "group") and x.get("ref") and x.get("id") is None \
                and not fixed:
            x.set("ref", x.get("ref") + sfx(j))


def replicate_plan(root, k, fixed):
    areas = [a for a in root if a.tag == "area"]
    na = max(int(a.get("num") or a.get("id")) for a in areas)
    out = ET.Element(root.tag, root.attrib)
    out.text, out.tail = root.text, root.tail
    for e in root:
        if e.tag != "area":
            out.append(copy.deepcopy(e))
    for j in range(1, k + 1):
        for a in areas:
            c = copy.deepcopy(a)
            rewrite_plan_subtree(c, j, na, fixed)
            out.append(c)
    return out, na


def replicate_matrix(root, k, na):
    out = ET.Element(root.tag, root.attrib)
    out.text, out.tail = root.text, root.tail
    entries = []
    ind_ids, ind_texts = set(), set()
    for e in root:
        if e.tag == "entry":
            entries.append(e)
            for i in e.findall("indicator"):
                if i.get("id"):
                    ind_ids.add(i.get("id"))
                t = i.find("text")
                if t is not None and t.text:
                    ind_texts.add(t.text.strip())
        elif e.tag == "domains":
            d = ET.SubElement(out, "domains", e.attrib)
            for j in range(1, k + 1):
                for dom in e:
                    c = copy.deepcopy(dom)
                    for x in c.iter("domain"):
                        x.set("ref", area_shift(x.get("ref"), j, na))
                    d.append(c)
        else:
            out.append(copy.deepcopy(e))
    for j in range(1, k + 1):
        for e in entries:
            c = copy.deepcopy(e)
            c.set("target", area_shift(c.get("target"), j, na))
            if j > 1:
                for i in c.findall("indicator"):
                    if i.get("id"):
                        i.set("id", i.get("id") + "-c" + str(j))
                    t = i.find("text")
                    if t is not None and t.text:
                        t.text = t.text.strip() + "（" + str(j) + "）"
            out.append(c)
    return out, ind_ids, ind_texts


HEADS = {
    "measure": {"施策番号", "measure"},
    "ministry": {"府省庁", "ministry"},
    "indicator": {"指標", "indicator"},
}


def head_kind(cell):
    h = unicodedata.normalize("NFKC", cell).strip().lower()
    for k, names in HEADS.items():
        if h in names:
            return k
    return None


def decode(data):
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return data.decode("cp932"), "cp932"


def eol_of(data):
    if b"\r\n" in data:
        return "\r\n"
    if b"\r" in data:
        return "\r"
    return "\n"


def replicate_csv(data, k, na, reg, ind_ids, ind_texts):
    """Returns the K copies of one CSV file's bytes (copy 1 is the original)."""
    try:
        text, enc = decode(data)
    except UnicodeDecodeError:
        return [data]
    eol = eol_of(data)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    hi = next((i for i, r in enumerate(rows) if any(c.strip() for c in r)), None)
    if hi is None:
        return [data] * k
    cols = {}
    for ci, cell in enumerate(rows[hi]):
        kind = head_kind(cell)
        if kind and kind not in cols:
            cols[kind] = ci
    copies = [data]
    for j in range(2, k + 1):
        out = io.StringIO(newline="")
        w = csv.writer(out, lineterminator=eol)
        for ri, r in enumerate(rows):
            if ri > hi:
                r = list(r)
                ci = cols.get("measure")
                if ci is not None and ci < len(r):
                    r[ci] = written_shift(r[ci], j, na)
                ci = cols.get("ministry")
                if ci is not None and ci < len(r):
                    mapped = reg.map_word(r[ci], j)
                    if mapped is not None:
                        r[ci] = mapped
                ci = cols.get("indicator")
                if ci is not None and ci < len(r):
                    v = r[ci].strip()
                    if v in ind_ids:
                        r[ci] = v + "-c" + str(j)
                    elif v in ind_texts:
                        r[ci] = v + "（" + str(j) + "）"
            w.writerow(r)
        s = out.getvalue()
        if enc == "utf-8-sig":
            copies.append(b"\xef\xbb\xbf" + s.encode("utf-8"))
        else:
            copies.append(s.encode(enc, errors="replace"))
    return copies


def split_csv(name, data):
    """The progress file NAME in two by measure (first half of its measures,
    the rest), each with the rows above and at the header; or None."""
    try:
        text, enc = decode(data)
    except UnicodeDecodeError:
        return None
    eol = eol_of(data)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    hi = next((i for i, r in enumerate(rows) if any(c.strip() for c in r)), None)
    if hi is None:
        return None
    mi = next((ci for ci, c in enumerate(rows[hi]) if head_kind(c) == "measure"), None)
    if mi is None:
        return None
    order = []
    for r in rows[hi + 1:]:
        m = r[mi].strip() if mi < len(r) else ""
        if m not in order:
            order.append(m)
    if len(order) < 2:
        return None
    first = set(order[:len(order) // 2])
    parts = []
    for keep in (lambda m: m in first, lambda m: m not in first):
        out = io.StringIO(newline="")
        w = csv.writer(out, lineterminator=eol)
        w.writerows(rows[:hi + 1])
        w.writerows(r for r in rows[hi + 1:] if keep(r[mi].strip() if mi < len(r) else ""))
        b = out.getvalue()
        parts.append(b"\xef\xbb\xbf" + b.encode("utf-8") if enc == "utf-8-sig"
                     else b.encode(enc, errors="replace"))
    base = name[:-4]
    return [(base + "-a.csv", parts[0]), (base + "-b.csv", parts[1])]


def measures_in(data):
    """The number of distinct measures of a progress file (0 if not one)."""
    try:
        text, _ = decode(data)
    except UnicodeDecodeError:
        return 0
    rows = list(csv.reader(io.StringIO(text, newline="")))
    hi = next((i for i, r in enumerate(rows) if any(c.strip() for c in r)), None)
    if hi is None:
        return 0
    mi = next((ci for ci, c in enumerate(rows[hi]) if head_kind(c) == "measure"), None)
    if mi is None:
        return 0
    return len({r[mi].strip() for r in rows[hi + 1:] if mi < len(r)})


def item_text(e):
    return "".join(e.itertext()).strip()


def synth_csvs(plan, reg):
    """One progress CSV per ministry named directly in a measure's resp."""
    names = {m.get("code"): m.get("name") for m in reg.ministries}
    rows = {}
    for m in plan.iter("measure"):
        resp = m.find("resp")
        if resp is None:
            continue
        items = [item_text(i) for i in m.findall("item")]
        for r in resp.findall("ministry"):
            code = r.get("ref")
            if code not in names:
                continue
            results = "\n".join(t for t in items if t) or m.get("title", "")
            rows.setdefault(code, []).append(
                [m.get("id"), names[code], results, "概ね計画どおり実施した。",
                 "引き続き" + m.get("title", "") + "に取り組む。"])
    files = []
    for code, rs in sorted(rows.items()):
        out = io.StringIO(newline="")
        w = csv.writer(out, lineterminator="\r\n")
        w.writerow(["施策番号", "府省庁", "実績", "評価", "今年度の取組"])
        w.writerows(rs)
        files.append((code + "-progress.csv", out.getvalue().encode("utf-8")))
    return files


def write_xml(root, path):
    ET.indent(root, space="  ")
    tree = ET.ElementTree(root)
    with open(path, "wb") as f:
        tree.write(f, encoding="UTF-8", xml_declaration=True)
        f.write(b"\n")


def main(argv):
    ap = argparse.ArgumentParser(description="synthetic year K times the size of a real one")
    ap.add_argument("--from", dest="src", default="input")
    ap.add_argument("--year", default="2014")
    ap.add_argument("--scale", type=int, required=True)
    ap.add_argument("--ministries", choices=("scaled", "fixed"), default="scaled",
                    help="scaled: K copies of the registry (default); fixed: the same "
                    "ministries report K times as many measures")
    ap.add_argument("--split", type=int, default=0,
                    help="first split the N progress files with the most measures in two")
    ap.add_argument("-o", dest="out", required=True)
    a = ap.parse_args(argv[1:])
    if a.scale < 1:
        ap.error("--scale must be >= 1")
    src_year = os.path.join(a.src, a.year)
    try:
        reg = Registry(ET.parse(os.path.join(a.src, "ministries.xml")).getroot(),
                       a.ministries == "fixed")
        plan = ET.parse(os.path.join(src_year, "plan.xml")).getroot()
        matrix = ET.parse(os.path.join(src_year, "matrix.xml")).getroot()
    except (OSError, ET.ParseError) as e:
        print(f"gen_year: error: {e}", file=sys.stderr)
        return 1
    sub_dir = os.path.join(src_year, "submissions")
    files = []
    if os.path.isdir(sub_dir):
        for n in sorted(os.listdir(sub_dir)):
            if n.lower().endswith(".csv"):
                with open(os.path.join(sub_dir, n), "rb") as f:
                    files.append((n, f.read()))
    synth = not files
    if synth:
        files = synth_csvs(plan, reg)
    if a.split > 0:
        prog = sorted((f for f in files if "progress" in f[0]),
                      key=lambda f: (-measures_in(f[1]), f[0]))[:a.split]
        for f in prog:
            parts = split_csv(*f)
            if parts:
                files.remove(f)
                files.extend(parts)
        files.sort()

    out_year = os.path.join(a.out, a.year)
    out_sub = os.path.join(out_year, "submissions")
    os.makedirs(out_sub, exist_ok=True)
    write_xml(reg.replicate(a.scale), os.path.join(a.out, "ministries.xml"))
    new_plan, na = replicate_plan(plan, a.scale, reg.fixed)
    write_xml(new_plan, os.path.join(out_year, "plan.xml"))
    new_matrix, ind_ids, ind_texts = replicate_matrix(matrix, a.scale, na)
    write_xml(new_matrix, os.path.join(out_year, "matrix.xml"))
    # report.xml and its logo (issue 14), as they are
    for n in sorted(os.listdir(src_year)):
        f = os.path.join(src_year, n)
        if n not in ("plan.xml", "matrix.xml") and os.path.isfile(f) and not os.path.islink(f):
            shutil.copyfile(f, os.path.join(out_year, n))
    nfiles = nbytes = 0
    for name, data in files:
        for j, d in enumerate(replicate_csv(data, a.scale, na, reg, ind_ids, ind_texts), 1):
            fn = name if j == 1 else f"c{j}-{name}"
            with open(os.path.join(out_sub, fn), "wb") as f:
                f.write(d)
            nfiles += 1
            nbytes += len(d)
    nmeasures = sum(1 for _ in new_plan.iter("measure"))
    nmin = sum(1 for m in reg.replicate(a.scale) if m.tag == "ministry")
    print(f"gen_year: scale {a.scale}: {nmin} ministries, {nmeasures} measures, "
          f"{nfiles} CSV files, "
          f"{nbytes} bytes{' (rows synthesized from the plan)' if synth else ''}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
