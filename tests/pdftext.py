#!/usr/bin/env python3
"""Reads a PDF's text layer back for the end-to-end tests.

  pdftext.py body PDF [--strip FILE]   text of the text block (running header
                                       and footer cropped), all white space
                                       removed, the strings listed in FILE
                                       (footnotes: they interleave with a
                                       paragraph that crosses a page foot)
                                       removed too
  pdftext.py missing TEXT WANTED       prints each line of WANTED (white space
                                       removed) not found in TEXT; exits 1 if any
"""
import re
import subprocess
import sys

WS = re.compile(r"[\s\u3000]+")


def body(pdf, strip):
    out = subprocess.run(["pdftotext", "-q", "-x", "0", "-y", "62", "-W", "595", "-H", "718",
                          pdf, "-"], capture_output=True, text=True, check=True).stdout
    text = WS.sub("", out)
    if strip:
        # a footnote's printed number runs through the document (render
        # numbers them), so whatever number stands before its text goes too
        for s in sorted((WS.sub("", l).lstrip("0123456789") for l in open(strip, encoding="utf-8")),
                        key=len, reverse=True):
            if len(s) >= 4:
                text = re.sub(r"\d*" + re.escape(s), "", text)
    sys.stdout.write(text)


def missing(textfile, wantfile):
    text = open(textfile, encoding="utf-8").read()
    bad = 0
    for line in open(wantfile, encoding="utf-8"):
        s = WS.sub("", line)
        if s and s not in text:
            print("not in PDF:", s)
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    if sys.argv[1] == "body":
        strip = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--strip" else None
        body(sys.argv[2], strip)
    elif sys.argv[1] == "missing":
        sys.exit(missing(sys.argv[2], sys.argv[3]))
    else:
        sys.exit(__doc__)
