#!/usr/bin/env python3
"""Accounting invariant of ingest (issue 6): every non-empty cell of every
data row of every CSV ends up either in submissions.xml as part of a
<progress>/<indicator> (src = file:line; text cells verbatim in its text)
or in a <diag> whose <row> quotes it.

usage: account.py SUBMISSIONS.xml FILE.csv...
Prints "account: N cells, N in rows, N in diags, N lost" and lists each
lost cell; exits 1 if any is lost.  Files ingest could not decode must
have an error diag naming them (their cells are then not counted).
"""
import csv
import io
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET


def decode(raw):
    if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        text = raw.decode("utf-16")  # Excel's Unicode text
        if "\0" in text:
            raise UnicodeDecodeError("utf-16", b"", 0, 1, "NUL")
        return text
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp932")


def norm(s):
    # as ingest: VT is a line break, other control characters become 〓 U+3013
    s = s.replace("\x0b", "\n")
    s = re.sub("[\x00-\x08\x0c\x0e-\x1f\x7f]", "\u3013", s)
    return unicodedata.normalize("NFC", s).strip(" \t\r\n\u3000")


def rows_with_lines(text):
    """Yields (line, cells) for each CSV record, line = where it starts."""
    # csv's line_num counts physical lines consumed so far.
    first = re.split(r"[\r\n]", text, maxsplit=1)[0]
    delim = "\t" if first.count("\t") > first.count(",") else ","
    r = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    start = 1
    for cells in r:
        yield start, cells
        start = r.line_num + 1


# Columns whose cells ingest normalizes (an id, a code, a number): a kept
# row accounts for them by being kept.  Every other cell must appear
# verbatim in the kept element.
NORMALIZED = {"施策番号", "measure", "府省庁", "ministry", "重点", "highlight",
              "指標", "indicator", "年度", "year", "値", "value"}


# Text cells are kept verbatim but for their widths (issue 15, orth.c: ＤＩＩ
# → DII, (CYMAT) → （CYMAT）, "…" → 「…」): compare with widths folded.
WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
WIDTH.update({0x300C: '"', 0x300D: '"', 0x201C: '"', 0x201D: '"', 0x3000: " "})


def wfold(s):
    return s.translate(WIDTH)


def fold(s):
    return unicodedata.normalize("NFKC", s).strip().casefold()


def main(argv):
    doc = ET.parse(argv[1]).getroot()
    kept = {}
    for el in doc.iter():  # loose rows, then the rows in each <area>
        if el.tag in ("progress", "indicator"):
            kept[el.get("src")] = el
    diags = [d for d in doc.findall("diag")]
    quotes = "\n".join((d.findtext("row") or "") for d in diags)
    # a row broken by its quotes is quoted raw; Python's csv reads it leniently
    quotes += "\n" + quotes.replace('"', "")
    total = in_rows = in_diags = 0
    lost = []
    for path in argv[2:]:
        name = path.rsplit("/", 1)[-1]
        try:
            text = decode(open(path, "rb").read())
            if "\0" in text:
                raise UnicodeDecodeError("utf-8", b"", 0, 1, "NUL")
        except UnicodeDecodeError:
            if not any(d.get("file") == name and d.get("severity") == "error" for d in diags):
                lost.append((name, 0, "(undecodable file without error)"))
            continue
        header = None
        for line, cells in rows_with_lines(text):
            cells = [norm(c) for c in cells]
            if not any(cells):
                continue
            if header is None:
                header = [fold(c) for c in cells]
                continue
            el = kept.get("%s:%d" % (name, line))
            body = " ".join(el.itertext()) + " " + " ".join(el.attrib.values()) if el is not None else ""
            for i, c in enumerate(cells):
                if not c:
                    continue
                total += 1
                paras = [p.strip() for p in re.split(r"\r\n|\r|\n", c) if p.strip()]
                col = header[i] if i < len(header) else ""
                if el is not None and (col in NORMALIZED or
                                       all(wfold(p) in wfold(body) for p in paras)):
                    in_rows += 1
                    continue
                if c.replace("\r\n", "\n") in quotes or all(p in quotes for p in paras):
                    in_diags += 1
                    continue
                lost.append((name, line, c))
    for name, line, c in lost:
        print("lost: %s:%d: %s" % (name, line, c[:80]))
    print("account: %d cells, %d in rows, %d in diags, %d lost"
          % (total, in_rows, in_diags, len(lost)))
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
