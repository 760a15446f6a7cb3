#!/usr/bin/python3
"""Orthography of a PDF's text layer (issue 15; 公用文作成の考え方, JIS X 4051).

    orth.py PDF    prints every half-width bracket or quote next to a Japanese
                   character, every full-width Latin letter, and every
                   full-width digit but a heading's number 「１　評価等の対象」
                   and a label's 「表１」「別添２」 (a measure's label keeps the
                   plan's form 「(ア)　」「1)　」); exits 1 if any
"""
import re
import subprocess
import sys

JA = r"[\u2e80-\u9fff\uf900-\ufaff\uff01-\uff60]"


def main(pdf):
    text = subprocess.run(["pdftotext", "-q", pdf, "-"], capture_output=True, text=True,
                          check=True).stdout
    bad = []
    for no, page in enumerate(text.split("\f"), 1):
        for line in page.split("\n"):
            # a measure's label keeps the plan's form: (ア)　NISCの機能強化
            # and a section's 1)　, in headings and in a path 1④(ナ)
            line = re.sub(r"\([\u30a2-\u30f3]{1,2}\)", "", line)
            line = re.sub(r"^\s*\d+\)\u3000", "", line)
            line = re.sub(r"[\u2460-\u2473]\d+\)", "", line)
            # a URL is written as it is, brackets and all (a credit may follow)
            line = re.sub(r"https?://[!-~]+", "", line)
            for m in re.finditer(JA + r"[()\"]|[()\"]" + JA, line):
                bad.append((no, "half-width bracket", m.group(0), line))
            for m in re.finditer(r"[\uff21-\uff3a\uff41-\uff5a]+", line):
                bad.append((no, "full-width Latin", m.group(0), line))
            ok = re.sub(r"^\s*[\uff10-\uff19]+(?=[\u3000 ]|$)", "", line)
            ok = re.sub(r"(表|図|別添|別紙)[\uff10-\uff19]+", "", ok)
            for m in re.finditer(r"[\uff10-\uff19]+", ok):
                bad.append((no, "full-width digit", m.group(0), line))
    for no, what, s, line in bad:
        print("page %d: %s %s: %s" % (no, what, s, line.strip()[:60]))
    print("%s: %d problems" % (pdf, len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
