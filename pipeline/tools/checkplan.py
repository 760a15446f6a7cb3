#!/usr/bin/env python3
"""Check a plan.xml beyond its schema, and count it against its seed.

    checkplan.py [--registry input/ministries.xml] [--seed SEED.txt] [--contiguous] PLAN.xml

Checks what RELAX NG cannot (docs/design.md "input/Y/plan.xml",
inputs.md "Measure identifiers"):
 - every id is unique and built from its parent's id (field 1-1 under area 1,
   measure 1-1-1-ア under section 1-1-1 or its group, group <parent>-G<n>
   numbered 1, 2, … in order), a measure id ends with its label;
 - labels follow katakana order under each area, field or section (with
   --contiguous or --seed: ア イ ウ … without gaps);
 - every relist ref names a measure (not a relist) and its at is its position;
 - every resp ministry/group ref is a code of that kind in the registry,
   every fnref names a footnote of the same measure, and every footnote
   (id fn<n>) is cited by an fnref or marked in="title";
 - the registry: names and aliases unique, member refs name ministries.
With --seed, also counts the measure headings "(ア) title（resp）" of the
seed's text (lines after the 目次 that open with a parenthesized katakana
label or a look-alike) and prints both numbers:

    seed: 275 measure headings; plan: 257 measures + 18 relists = 275

Problems are printed as FILE: error: MESSAGE; exit status 1 if any, else 0.
"""

import argparse
import re
import sys
import xml.etree.ElementTree as ET

KATAKANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
LOOKALIKE = "二へ力口夕工卜"
HEADING_RE = re.compile(r"^(?:\*\*)?\s*[(（]\s*[" + KATAKANA + LOOKALIKE + r"]\s*[)）]")


class Checker:
    def __init__(self, path):
        self.path = path
        self.errors = 0

    def error(self, msg):
        self.errors += 1
        print("%s: error: %s" % (self.path, msg), file=sys.stderr)


def check_registry(path):
    c = Checker(path)
    root = ET.parse(path).getroot()
    seen = {}
    kinds = {}
    for el in root:
        if el.tag not in ("ministry", "group"):
            continue
        code = el.get("code")
        if code in kinds:
            c.error("code '%s' defined twice" % code)
        kinds[code] = el.tag
        for name in [el.get("name")] + [a.text for a in el.findall("alias")]:
            if name in seen:
                c.error("name or alias '%s' of %s already names %s" % (name, code, seen[name]))
            seen[name] = code
    for g in root.findall("group"):
        for m in g.findall("member"):
            if kinds.get(m.get("ref")) != "ministry":
                c.error("group %s: member '%s' is not a ministry" % (g.get("code"), m.get("ref")))
    return c.errors, kinds


def check_plan(path, kinds, contiguous):
    c = Checker(path)
    root = ET.parse(path).getroot()
    ids = {}
    measures, relists = [], []

    def note(node_id, what):
        if node_id in ids:
            c.error("duplicate id %s" % node_id)
        ids[node_id] = what

    def labels(owner_id, entries):
        prev = -1
        for i, e in enumerate(entries):
            lab = e.get("label")
            pos = KATAKANA.find(lab) if lab and len(lab) == 1 else -1
            if contiguous:
                want = KATAKANA[i] if i < len(KATAKANA) else "?"
                if lab != want:
                    c.error("%s: label %s out of sequence (expected %s)" % (owner_id, lab, want))
            elif pos <= prev:
                c.error("%s: label %s out of sequence (after %s)"
                        % (owner_id, lab, KATAKANA[prev] if prev >= 0 else "the start"))
            prev = max(prev, pos)

    def content(owner, owner_id):
        """Measures, relists and groups directly under an area, field or section."""
        entries, g = [], 0
        for el in owner:
            if el.tag == "group":
                g += 1
                want = "%s-G%d" % (owner_id, g)
                if el.get("id") != want:
                    c.error("group id %s, expected %s" % (el.get("id"), want))
                note(el.get("id"), "group")
                entries += [x for x in el if x.tag in ("measure", "relist")]
            elif el.tag in ("measure", "relist"):
                entries.append(el)
        for e in entries:
            mid = e.get("id") if e.tag == "measure" else e.get("at")
            want = "%s-%s" % (owner_id, e.get("label"))
            if mid != want:
                c.error("%s id %s, expected %s" % (e.tag, mid, want))
            note(mid, e.tag)
            (measures if e.tag == "measure" else relists).append(e)
        labels(owner_id, entries)

    for area in root.findall("area"):
        aid = area.get("id")
        if aid != area.get("num"):
            c.error("area id %s differs from num %s" % (aid, area.get("num")))
        note(aid, "area")
        fields = area.findall("field")
        if not fields:
            content(area, aid)
        for f in fields:
            fid = "%s-%s" % (aid, f.get("num"))
            if f.get("id") != fid:
                c.error("field id %s, expected %s" % (f.get("id"), fid))
            note(f.get("id"), "field")
            sections = f.findall("section")
            if not sections:
                content(f, fid)
            for s in sections:
                sid = "%s-%s" % (fid, s.get("num"))
                if s.get("id") != sid:
                    c.error("section id %s, expected %s" % (s.get("id"), sid))
                note(s.get("id"), "section")
                content(s, sid)

    for e in measures + relists:
        where = e.get("id") or e.get("at")
        resp = e.find("resp")
        if resp is None:
            continue
        for r in resp:
            if kinds is not None and kinds.get(r.get("ref")) != r.tag:
                c.error("%s: resp %s ref '%s' is not a %s of the registry" % (where, r.tag, r.get("ref"), r.tag))
    for e in measures:
        fns = {f.get("id") for f in e.findall("footnote")}
        refs = {ref.get("ref") for ref in e.iter("fnref")}
        for ref in sorted(refs - fns):
            c.error("%s: fnref %s has no footnote in the measure" % (e.get("id"), ref))
        for f in e.findall("footnote"):
            if f.get("id") != "fn" + f.get("n", ""):
                c.error("%s: footnote id %s differs from its number %s" % (e.get("id"), f.get("id"), f.get("n")))
            if f.get("id") not in refs and f.get("in") != "title":
                c.error("%s: footnote %s is cited nowhere in the measure" % (e.get("id"), f.get("id")))
    for r in relists:
        if ids.get(r.get("ref")) != "measure":
            c.error("relist %s: ref %s is not a measure" % (r.get("at"), r.get("ref")))
    return c.errors, measures, relists


def count_seed(path):
    text = open(path, encoding="utf-8").read().split("\n")
    try:
        start = next(i for i, l in enumerate(text) if l.strip() == "I はじめに")
    except StopIteration:
        start = 0
    return sum(1 for l in text[start:] if HEADING_RE.match(l.strip()))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("plan")
    ap.add_argument("--registry", default="input/ministries.xml")
    ap.add_argument("--seed")
    ap.add_argument("--contiguous", action="store_true",
                    help="labels run ア イ ウ … without gaps (a whole plan; FY2014's lists only"
                         " the measures of 001's annex, in order but with gaps)")
    a = ap.parse_args()
    errors, kinds = check_registry(a.registry)
    e, measures, relists = check_plan(a.plan, kinds, a.contiguous or bool(a.seed))
    errors += e
    n_plan = len(measures) + len(relists)
    if a.seed:
        n_seed = count_seed(a.seed)
        print("seed: %d measure headings; plan: %d measures + %d relists = %d"
              % (n_seed, len(measures), len(relists), n_plan))
        if n_seed != n_plan:
            print("%s: error: the seed has %d measure headings, the plan %d"
                  % (a.plan, n_seed, n_plan), file=sys.stderr)
            errors += 1
    else:
        print("plan: %d measures + %d relists = %d" % (len(measures), len(relists), n_plan))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
