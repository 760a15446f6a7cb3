#!/usr/bin/env python3
"""Reads a demo PDF back and measures it against the source text.

  check.py FILE.txt DEMO.pdf [WIDTH_MM]

- text: pdftotext output, lines joined, equals the source paragraphs (every
  character, in order, no inserted spaces);
- kinsoku: no line starts with a line-start-prohibited character, none ends
  with an opening bracket;
- flush: lines that are not a paragraph's last end within 1 pt of the right
  edge (pdftotext -bbox-layout word boxes);
- inside: no word box reaches more than 0.5 pt beyond either edge.
Prints a summary; exits 1 on a text mismatch or a kinsoku violation.
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

NOSTART = set("、。，．・：；？！）］｝〕〉》」』】〟ゝゞー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ")
NOEND = set("（［｛〔〈《「『【〝")
MM = 72 / 25.4


def main():
    src, pdf = sys.argv[1], sys.argv[2]
    width = float(sys.argv[3]) if len(sys.argv) > 3 else 166
    left, right = 22 * MM, 22 * MM + width * MM
    paras = [l.rstrip("\r\n") for l in open(src, encoding="utf-8")]
    paras = [p for p in paras if len(p) >= 40]
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True,
                          text=True, check=True).stdout
    got = re.sub(r"[\n\f]", "", text)
    # superscripts come from a fallback font, a separate run: pdftotext
    # may put spaces around them (the pipeline sets footnote marks itself)
    got = re.sub(r" ?([⁰¹²³⁴⁵⁶⁷⁸⁹]+) ?", r"\1", got)
    want = "".join(paras)
    want = re.sub(r" ?([⁰¹²³⁴⁵⁶⁷⁸⁹]+) ?", r"\1", want)
    ok = True
    # a space where a line breaks is not drawn, so compare without spaces,
    # and check that no space was added
    g, w = got.replace(" ", ""), want.replace(" ", "")
    if g != w:
        ok = False
        i = next((k for k in range(min(len(g), len(w))) if g[k] != w[k]), min(len(g), len(w)))
        print("text: MISMATCH at %d: got %r want %r" % (i, g[i - 20:i + 20], w[i - 20:i + 20]))
    elif got.count(" ") > want.count(" "):
        ok = False
        print("text: %d spaces added" % (got.count(" ") - want.count(" ")))
    else:
        print("text: %d characters identical, %d of %d spaces kept, none added"
              % (len(w), got.count(" "), want.count(" ")))
    xml = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox-layout", pdf, "-"],
                         capture_output=True, text=True, check=True).stdout
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    xml = xml.replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    root = ET.fromstring(xml)
    lines = []
    for line in root.iter("line"):
        words = list(line.iter("word"))
        t = "".join(w.text or "" for w in words)
        x0 = min(float(w.get("xMin")) for w in words)
        x1 = max(float(w.get("xMax")) for w in words)
        lines.append((t, x0, x1))
    # a line is a paragraph's last when its text ends a paragraph
    ends = set()
    pos = 0
    for p in paras:  # spaces are not counted: pdftotext may add or drop them
        pos += len(p.replace(" ", ""))
        ends.add(pos)
    pos = 0
    inner = flush = bad = out = 0
    worst = []
    for t, x0, x1 in lines:
        pos += len(t.replace(" ", ""))
        if x0 < left - 0.5 or x1 > right + 0.5:
            out += 1
            print("outside: %.2f..%.2f %s" % (x0 - left, x1 - right, t))
        if t and t[0] in NOSTART:
            bad += 1
            print("kinsoku: line starts with %r: %s" % (t[0], t))
        if t and t[-1] in NOEND:
            bad += 1
            print("kinsoku: line ends with %r: %s" % (t[-1], t))
        if pos in ends:
            continue
        inner += 1
        if abs(x1 - right) <= 1:
            flush += 1
        else:
            worst.append((x1 - right, t))
    print("kinsoku: %d violations in %d lines" % (bad, len(lines)))
    print("inside: %d lines reach outside the block" % out)
    print("flush: %d of %d inner lines within 1pt (%.2f%%)" % (flush, inner, 100.0 * flush / max(inner, 1)))
    for d, t in sorted(worst, key=lambda w: -abs(w[0]))[:8]:
        print("  %+.2fpt %s" % (d, t))
    sys.exit(0 if ok and bad == 0 and out == 0 else 1)


main()
