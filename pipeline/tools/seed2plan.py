#!/usr/bin/env python3
"""Convert the text of an annual plan as published (seed 002, サイバーセキュリティ2013)
into input/Y/plan.xml as docs/design.md "input/Y/plan.xml" describes it.

    seed2plan.py [--year Y] [--registry input/ministries.xml] [-o OUT] [--report] TEXT

`make plan-from-text YEAR=Y TEXT=plan.txt` runs it (README 「新年度の準備」);
tests/e2e/t1062-plan-from-text.sh converts seed 002 and compares the result
with the committed input/2013/plan.xml byte for byte.  It
 - takes the plan's title, date (平成25年6月27日 → 2013-06-27) and deciding
   body from the text's first lines, before the 目次,
 - drops the title page and the 目次 of the extraction,
 - joins lines that the extraction broke mid-sentence, also across footnotes
   and page breaks (a heading is complete when it ends with its
   parenthesized responsibility, a paragraph when it ends with 。),
 - turns Unicode superscript marks (¹ ² … ⁸²⁾) into <fnref ref="fnN"/> and
   moves each footnote into the measure that cites it (a footnote split
   across pages is joined),
 - fixes the extraction slips listed in FIXES and LABEL_FIXES,
 - removes the spaces that the extraction put next to Japanese characters
   (the renderer adds the quarter-em space between Japanese and Latin),
 - parses each responsibility string against the registry,
 - records ※再掲 entries as <relist at ref>, ref found by title.
Every line it cannot place (an item a) outside a measure, ※再掲 without a
measure, a footnote defined twice, text before the first heading…) and every
unresolved problem is printed as TEXT:LINE: error: … and makes the exit
status 1; -o is then not written.  --report prints one line per relist match and per join, for review.
"""

import argparse
import os
import difflib
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

KATAKANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"

# inputs.md "Measure identifiers": look-alikes of katakana labels
LABEL_FIXES = {"二": "ニ", "力": "カ", "口": "ロ", "夕": "タ", "工": "エ", "卜": "ト"}

# seeds/README.md: extraction slips, fixed wherever they occur
FIXES = [
    ("セプターカOUNシル", "セプターカウンシル"),
    ("スпам", "スパム"),          # Cyrillic п а м inside スパム
    ("产", "産"),
    ("戰", "戦"),
    ("必要性和基本事項", "必要性と基本事項"),  # Chinese 和 for と
]

SUPS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUP_RE = re.compile("([" + SUPS + "]+)⁾?")
FOOTNOTE_RE = re.compile("^([" + SUPS + "]+)⁾?\\s*(.*)$")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
MEASURE_RE = re.compile(r"^[(（]\s*(\S)\s*[)）]\s*(.*)$")
ITEM_RE = re.compile(r"^(?:-\s+)?([a-z])\)\s*(.*)$")
SECTION_RE = re.compile(r"^(\d+)\)\s*(.+)$")
GROUP_RE = re.compile(r"^【\s*(.+?)\s*】$")


def sup_number(s):
    return int("".join(str(SUPS.index(c)) for c in s))


def is_cjk(c):
    if not c:
        return False
    o = ord(c)
    return (0x3000 <= o <= 0x30FF or 0x3400 <= o <= 0x9FFF
            or 0xFF00 <= o <= 0xFFEF or 0x2460 <= o <= 0x24FF
            or c in SUPS or c == "⁾" or c == "※")


def norm_spaces(s):
    """Drop the spaces the extraction put next to Japanese characters."""
    s = re.sub(r"\s+", " ", s.strip())
    out = []
    for i, c in enumerate(s):
        if c == " ":
            prev = s[i - 1] if i > 0 else ""
            nxt = s[i + 1] if i + 1 < len(s) else ""
            if is_cjk(prev) or is_cjk(nxt):
                continue
        out.append(c)
    return "".join(out)


def join_frag(a, b):
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return a + " " + b
    return a + b


def fix_slips(s):
    for bad, good in FIXES:
        s = s.replace(bad, good)
    return s


def fix_label(c):
    c = LABEL_FIXES.get(c, c)
    if "ぁ" <= c <= "ゖ":
        c = chr(ord(c) + 0x60)
    return c


class Err:
    def __init__(self, path):
        self.path = path
        self.n = 0

    def __call__(self, line, msg):
        self.n += 1
        print("%s:%d: error: %s" % (self.path, line, msg), file=sys.stderr)


class Node:
    def __init__(self, kind, line, **attrs):
        self.kind = kind            # intro area field section group measure relist item p footnote
        self.line = line
        self.attrs = attrs
        self.children = []
        self.text = ""              # raw text (heading text for measures)
        self.complete = True

    def add(self, child):
        self.children.append(child)
        return child


def text_complete(s):
    s = s.rstrip()
    return s.endswith("。") or s.endswith("〉") or s.endswith("】")


def fn_complete(s):
    s = s.rstrip()
    return text_complete(s) or s.endswith(")") or s.endswith("）")


def split_resp(heading):
    """Split 'title（resp）' at its last balanced parenthesized group."""
    s = heading.rstrip()
    if not s or s[-1] not in ")）":
        return None, None
    depth = 0
    for i in range(len(s) - 1, -1, -1):
        if s[i] in ")）":
            depth += 1
        elif s[i] in "(（":
            depth -= 1
            if depth == 0:
                return s[:i].rstrip(), s[i + 1:-1].strip()
    return None, None


def load_registry(path):
    names = {}
    root = ET.parse(path).getroot()
    for m in root.findall("ministry"):
        names[m.get("name")] = ("ministry", m.get("code"))
        for a in m.findall("alias"):
            names[a.text] = ("ministry", m.get("code"))
    for g in root.findall("group"):
        names[g.get("name")] = ("group", g.get("code"))
        for a in g.findall("alias"):
            names[a.text] = ("group", g.get("code"))
    return names


def parse_toc(lines):
    """The 目次: area and field titles, used to recognise their headings."""
    areas, fields = {}, {}
    area = None
    for ln in lines:
        m = re.match(r"^(\d)\t(.+?)\.*\t-\s*\d+\s*-$", ln)
        if m:
            area = m.group(1)
            areas[area] = m.group(2).strip()
            continue
        m = re.match("^([" + CIRCLED + "])\t(.+?)\\.*\t-\\s*\\d+\\s*-$", ln)
        if m and area:
            fields[(area, CIRCLED.index(m.group(1)) + 1)] = m.group(2).strip()
    return areas, fields


ERAS = {"平成": 1988, "令和": 2018}


def title_page(lines, err):
    """Title, ISO date and body: the first non-empty lines before the 目次."""
    head = []
    for i, ln in enumerate(lines):
        t = unicodedata.normalize("NFKC", ln).strip()
        if t == "目次":
            break
        if t:
            head.append((i + 1, t))
    out = {}
    for no, t in head:
        m = re.match(r"^(平成|令和)\s*(\d+|元)\s*年\s*(\d+)\s*月\s*(\d+)\s*日$", t)
        if m and "date" not in out:
            y = ERAS[m.group(1)] + (1 if m.group(2) == "元" else int(m.group(2)))
            out["date"] = "%04d-%02d-%02d" % (y, int(m.group(3)), int(m.group(4)))
        elif "title" not in out:
            out["title"] = t
        elif "body" not in out and "date" in out:
            out["body"] = t
    for k, what in (("title", "title"), ("date", "date (平成25年6月27日)"),
                    ("body", "deciding body")):
        if k not in out:
            err(1, "the title page (the lines before 目次: title, date, body) has no %s" % what)
            out[k] = ""
    return out


class Parser:
    def __init__(self, path, registry, err, report):
        self.path = path
        self.reg = registry
        self.err = err
        self.report = report
        self.root = Node("plan", 0)
        self.footnotes = {}         # n -> Node
        self.pending_fn = None      # last footnote while its text is incomplete
        self.body = None            # last body text owner (measure heading / item / p)
        self.head = {"title": "", "date": "", "body": ""}

    def log(self, msg):
        if self.report:
            print(msg)

    # --- tokenising ---------------------------------------------------

    def run(self):
        raw = open(self.path, encoding="utf-8").read().split("\n")
        start = next((i for i, l in enumerate(raw) if l.strip() == "I はじめに"), None)
        if start is None:
            self.err(1, "no line 'I はじめに' (the plan's first part): is this the text of a plan?")
            return self.root
        self.head = title_page(raw[:start], self.err)
        self.areas, self.fields = parse_toc(raw[:start])
        if not self.areas:
            self.err(1, "no 目次 found")
        lines = []
        for i in range(start, len(raw)):
            s = fix_slips(raw[i].replace("**", "").strip())
            lines.append((i + 1, s))
        self.lines = lines
        self.container = None       # where measures go: area / field / section / group
        self.section_parent = None  # the field, section or area owning groups
        cur_area = None
        for idx, (no, s) in enumerate(lines):
            if not s:
                continue
            self.idx = idx
            kind, m = self.classify(s, cur_area)
            if kind == "part":
                title = m
                node = self.root.add(Node("intro", no, title=title))
                self.container = node
                self.body = None
            elif kind == "area":
                num, title = m
                cur_area = num
                node = self.root.add(Node("area", no, id=num, num=num, title=title))
                self.area = node
                self.container = node
                self.section_parent = node
                node.gcount = 0
                self.body = None
            elif kind == "field":
                num, title = m
                node = self.area.add(Node("field", no, id="%s-%d" % (cur_area, num), num=str(num),
                                          mark=CIRCLED[num - 1], title=title))
                node.gcount = 0
                self.field = node
                self.container = node
                self.section_parent = node
                self.body = None
            elif kind == "section":
                num, title = m
                node = self.field.add(Node("section", no, id="%s-%s" % (self.field.attrs["id"], num),
                                           num=num, title=norm_spaces(title)))
                node.gcount = 0
                self.container = node
                self.section_parent = node
                self.body = None
            elif kind == "group":
                sp = self.section_parent
                sp.gcount += 1
                node = sp.add(Node("group", no, id="%s-G%d" % (sp.attrs["id"], sp.gcount),
                                   title=norm_spaces(m)))
                self.container = node
                self.body = None
            elif kind == "measure":
                label, text = m
                node = self.container.add(Node("measure", no, label=label))
                node.owner = self.section_parent
                node.text = text
                node.complete = split_resp(text.replace("※再掲", "").rstrip())[0] is not None
                self.body = node
            elif kind == "relist-mark":
                last = self.last_measure()
                if last is None:
                    self.err(no, "※再掲 without a measure heading")
                else:
                    last.text += " ※再掲"
            elif kind == "footnote":
                n, text = m
                if n in self.footnotes:
                    self.err(no, "footnote %d defined twice" % n)
                fn = Node("footnote", no, n=str(n))
                fn.text = text
                self.footnotes[n] = fn
                self.pending_fn = fn if not fn_complete(text) else None
                self.pending_line = s
            elif kind == "item":
                label, text = m
                self.new_item(no, label, text)
            else:
                self.text_line(no, s)
        return self.root

    def last_measure(self):
        b = self.body
        return b if b is not None and b.kind == "measure" else getattr(b, "measure", None)

    def classify(self, s, cur_area):
        m = FOOTNOTE_RE.match(s)
        if m:
            return "footnote", (sup_number(m.group(1)), m.group(2))
        if s in ("I はじめに", "II 具体的な取組"):
            return "part", s.split(" ", 1)[1]
        m = re.match(r"^(\d) (.+)$", s)
        if m and self.areas.get(m.group(1)) == m.group(2).strip():
            return "area", (m.group(1), m.group(2).strip())
        if s[0] in CIRCLED and cur_area:
            num = CIRCLED.index(s[0]) + 1
            title = s[1:].strip()
            if self.fields.get((cur_area, num)) == title:
                return "field", (num, title)
        m = GROUP_RE.match(s)
        if m:
            return "group", m.group(1)
        if s == "※再掲":
            return "relist-mark", None
        m = MEASURE_RE.match(s)
        if m and (m.group(1) in KATAKANA or fix_label(m.group(1)) in KATAKANA):
            return "measure", (m.group(1), m.group(2))
        m = SECTION_RE.match(s)
        if m and cur_area and not ITEM_RE.match(s):
            return "section", (m.group(1), m.group(2))
        m = ITEM_RE.match(s)
        if m:
            return "item", (m.group(1), m.group(2))
        return "text", s

    # --- text ---------------------------------------------------------

    def next_nonempty(self):
        for no, s in self.lines[self.idx + 1:]:
            if s:
                return s
        return ""

    def prev_nonempty(self):
        for no, s in reversed(self.lines[:self.idx]):
            if s:
                return s
        return ""

    def new_item(self, no, label, text):
        m = self.last_measure()
        if m is None:
            self.err(no, "item %s) outside a measure" % label)
            return
        it = m.add(Node("item", no, label=label))
        it.text = text
        it.measure = m
        it.complete = text_complete(text)
        self.body = it

    def text_line(self, no, s):
        # a footnote's continuation sits next to the footnotes of the page
        # (it precedes the next footnotes, or directly follows its footnote
        # while the body has nothing open)
        fn = self.pending_fn
        b = self.body
        body_open = b is not None and not b.complete
        if fn is not None and (FOOTNOTE_RE.match(self.next_nonempty())
                               or (self.prev_nonempty() == self.pending_line and not body_open)):
            self.log("%d: footnote %s continues: %s" % (no, fn.attrs["n"], s[:30]))
            fn.text = join_frag(fn.text, s)
            self.pending_line = s
            if fn_complete(fn.text):
                self.pending_fn = None
            return
        if b is not None and not b.complete:
            self.log("%d: joined to line %d: %s" % (no, b.line, s[:30]))
            b.text = join_frag(b.text, s)
            if b.kind == "measure":
                b.complete = split_resp(b.text.replace("※再掲", "").rstrip())[0] is not None
            else:
                b.complete = text_complete(b.text)
            return
        m = self.last_measure()
        if m is not None and self.container is not None and m in self.container.children:
            it = m.add(Node("item", no))
            it.text = s
            it.measure = m
            it.complete = text_complete(s)
            self.body = it
            return
        if self.container is None:
            self.err(no, "text before the first heading")
            return
        p = self.container.add(Node("p", no))
        p.text = s
        p.complete = text_complete(s)
        self.body = p


# --- tree finishing ----------------------------------------------------

def cited(text):
    return [sup_number(m.group(1)) for m in SUP_RE.finditer(text)]


def finish(root, reg, footnotes, err, report):
    measures = []      # canonical, in order
    relists = []
    used_fn = set()

    def walk(node, parent):
        for ch in node.children:
            if ch.kind == "measure":
                finish_measure(ch, parent)
            elif ch.kind in ("area", "field", "section", "group"):
                walk(ch, ch if ch.kind != "group" else parent)
            if ch.kind in ("p",):
                for n in cited(ch.text):
                    err(ch.line, "footnote %d cited outside a measure" % n)

    def finish_measure(m, owner):
        label = fix_label(m.attrs["label"])
        if label != m.attrs["label"]:
            if report:
                print("%d: label (%s) -> (%s)" % (m.line, m.attrs["label"], label))
        m.attrs["label"] = label
        text = m.text
        relist = "※再掲" in text
        text = text.replace("※再掲", "").rstrip()
        title, resp = split_resp(text)
        if title is None:
            err(m.line, "measure heading without responsibility: %s" % text)
            title, resp = text, ""
        fns = cited(title)
        m.title_fns = set(fns)
        title = norm_spaces(SUP_RE.sub("", title))
        m.attrs["id"] = "%s-%s" % (owner.attrs["id"], label)
        m.attrs["title"] = title
        m.resp = norm_spaces(resp)
        m.parts = []
        for part in re.split("、|及び", m.resp):
            part = part.strip()
            if part not in reg:
                err(m.line, "unknown ministry or group '%s' in '%s'" % (part, m.resp))
                continue
            m.parts.append(reg[part])
        m.owner = owner
        if relist:
            m.kind = "relist"
            m.body = " ".join(norm_spaces(SUP_RE.sub("", it.text)) for it in m.children)
            m.children = []
            relists.append(m)
            return
        for it in m.children:
            fns += cited(it.text)
            if not it.complete:
                err(it.line, "paragraph does not end with 。: …%s" % it.text[-20:])
        m.fns = []
        for n in fns:
            if n not in footnotes:
                err(m.line, "footnote %d cited but not defined" % n)
            elif n in used_fn:
                err(m.line, "footnote %d cited twice" % n)
            else:
                used_fn.add(n)
                m.fns.append(footnotes[n])
        measures.append(m)

    walk(root, root)
    for n, fn in footnotes.items():
        if n not in used_fn:
            err(fn.line, "footnote %d never cited" % n)
        if not fn_complete(fn.text):
            print("%s:%d: warning: footnote %d ends unfinished (kept as printed): …%s"
                  % (err.path, fn.line, n, fn.text[-20:]), file=sys.stderr)

    # labels run in katakana order within each owner
    seq = {}
    for m in measures + relists:
        seq.setdefault(m.owner.attrs["id"], []).append(m)
    for owner, ms in seq.items():
        ms.sort(key=lambda x: x.line)
        for i, m in enumerate(ms):
            want = KATAKANA[i] if i < len(KATAKANA) else None
            if m.attrs["label"] != want:
                err(m.line, "label %s out of sequence under %s (expected %s)"
                    % (m.attrs["label"], owner, want))

    # ids unique
    seen = {}
    for m in measures + relists:
        if m.attrs["id"] in seen:
            err(m.line, "duplicate id %s" % m.attrs["id"])
        seen[m.attrs["id"]] = m

    # relist targets: the canonical measure with the closest title
    def key(t):
        return re.sub(r"[\s()（）「」]", "", unicodedata.normalize("NFKC", t))

    for r in relists:
        best, score = None, 0.0
        for m in measures:
            s = difflib.SequenceMatcher(None, key(r.attrs["title"]), key(m.attrs["title"])).ratio()
            if s > score:
                best, score = m, s
        if score < 0.8:
            # no measure of that title: the entry re-lists a sub-item
            for m in measures:
                for it in m.children:
                    t = norm_spaces(SUP_RE.sub("", it.text))
                    s = difflib.SequenceMatcher(None, key(r.body), key(t)).ratio()
                    if s > score:
                        best, score = m, s
        if best is None or score < 0.8:
            err(r.line, "※再掲 '%s' matches no measure" % r.attrs["title"])
            continue
        r.attrs["ref"] = best.attrs["id"]
        if report:
            print("%d: relist %s -> %s (%.2f) %s | %s" % (r.line, r.attrs["id"], best.attrs["id"], score,
                                                         r.attrs["title"], best.attrs["title"]))
    return measures, relists


# --- output --------------------------------------------------------------

def esc(s, attr=False):
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if attr:
        s = s.replace('"', "&quot;")
    return s


def inline(text):
    """Escaped text with superscript marks as <fnref/>."""
    text = norm_spaces(text)
    out, pos = [], 0
    for m in SUP_RE.finditer(text):
        out.append(esc(text[pos:m.start()]))
        out.append('<fnref ref="fn%d"/>' % sup_number(m.group(1)))
        pos = m.end()
    out.append(esc(text[pos:]))
    return "".join(out)


def attrs(node, names):
    return "".join(' %s="%s"' % (n, esc(node.attrs[n], True)) for n in names if n in node.attrs)


def emit(node, out, depth):
    ind = "  " * depth
    k = node.kind
    if k == "intro":
        out.append('%s<intro title="%s">' % (ind, esc(node.attrs["title"], True)))
    elif k == "area":
        out.append("%s<area%s>" % (ind, attrs(node, ["id", "num", "title"])))
    elif k == "field":
        out.append("%s<field%s>" % (ind, attrs(node, ["id", "num", "mark", "title"])))
    elif k == "section":
        out.append("%s<section%s>" % (ind, attrs(node, ["id", "num", "title"])))
    elif k == "group":
        out.append("%s<group%s>" % (ind, attrs(node, ["id", "title"])))
    elif k == "p":
        out.append("%s<p>%s</p>" % (ind, inline(node.text)))
        return
    elif k in ("measure", "relist"):
        if k == "measure":
            out.append("%s<measure%s>" % (ind, attrs(node, ["id", "label", "title"])))
        else:
            out.append('%s<relist at="%s" label="%s" ref="%s" title="%s">'
                       % (ind, esc(node.attrs["id"], True), esc(node.attrs["label"], True),
                          esc(node.attrs.get("ref", ""), True), esc(node.attrs["title"], True)))
        refs = "".join('<%s ref="%s"/>' % p for p in node.parts)
        out.append('%s  <resp text="%s">%s</resp>' % (ind, esc(node.resp, True), refs))
        for it in node.children:
            lab = ' label="%s"' % it.attrs["label"] if "label" in it.attrs else ""
            out.append("%s  <item%s>%s</item>" % (ind, lab, inline(it.text)))
        for fn in getattr(node, "fns", []):
            # a mark in the title cannot be an <fnref/> (title is an attribute)
            where = ' in="title"' if int(fn.attrs["n"]) in node.title_fns else ""
            out.append('%s  <footnote id="fn%s" n="%s"%s>%s</footnote>'
                       % (ind, fn.attrs["n"], fn.attrs["n"], where, inline(fn.text)))
        out.append("%s</%s>" % (ind, k))
        return
    for ch in node.children:
        emit(ch, out, depth + 1)
    out.append("%s</%s>" % (ind, k))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("seed", metavar="TEXT")
    ap.add_argument("--year", help="the fiscal year (default: the year of the plan's date)")
    ap.add_argument("--registry", default="input/ministries.xml")
    ap.add_argument("-o", dest="out")
    ap.add_argument("--report", action="store_true")
    a = ap.parse_args()
    err = Err(a.seed)
    reg = load_registry(a.registry)
    p = Parser(a.seed, reg, err, a.report)
    root = p.run()
    measures, relists = finish(root, reg, p.footnotes, err, a.report)
    h = p.head
    year = a.year or h["date"][:4]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           "<!-- Generated from %s by pipeline/tools/seed2plan.py, then kept as the source of truth."
           " Schema: stylesheets/plan.rng. -->" % a.seed.rsplit("/", 1)[-1],
           '<plan year="%s" title="%s" body="%s" date="%s">'
           % (esc(year, True), esc(h["title"], True), esc(h["body"], True), esc(h["date"], True))]
    for ch in root.children:
        emit(ch, out, 1)
    out.append("</plan>")
    data = "\n".join(out) + "\n"
    if a.out and err.n:
        print("seed2plan: %s not written: %d lines could not be placed or resolved"
              % (a.out, err.n), file=sys.stderr)
    elif a.out:
        tmp = a.out + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(data)
        os.replace(tmp, a.out)
    else:
        sys.stdout.write(data)
    print("seed2plan: %d measures, %d relists, %d footnotes, %d errors"
          % (len(measures), len(relists), len(p.footnotes), err.n), file=sys.stderr)
    return 1 if err.n else 0


if __name__ == "__main__":
    sys.exit(main())
