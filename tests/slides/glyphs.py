#!/usr/bin/python3
"""Glyph positions and sizes read back from a PDF's content streams (issue 15).

    glyphs.py gaps PDF [--max EM]   every place where Japanese punctuation and a
                                    Latin letter or digit meet with more room
                                    between the glyphs than the punctuation's
                                    own box (more than EM em, default 0.1),
                                    and where a hyphen or slash meets
                                    Japanese (an id 1-5-ア is one word);
                                    prints them, exits 1 if any
    glyphs.py sizes PDF FIRST LAST  the font sizes of the text on pages
                                    FIRST..LAST (1-based), one line each:
                                    page size count

pdftotext -bbox gives words, not glyphs, so this reads the text operators
(Tm, Td, Tf, Tj, TJ) with pikepdf and places each glyph by the widths of its font
(/Widths, or /W of a Type0 font's descendant) and the ToUnicode map, as
cairo writes them: one Tm per run, font size in the matrix.
Run with /usr/bin/python3 (Debian's pikepdf).
"""
import re
import sys

import pikepdf


def tounicode(font):
    m = {}
    if "/ToUnicode" not in font:
        return m
    s = font.ToUnicode.read_bytes().decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", s, re.S):
        for a, b in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            m[int(a, 16)] = bytes.fromhex(b).decode("utf-16-be", "replace")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", s, re.S):
        for a, b, c in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            base = int(c, 16)
            for k in range(int(a, 16), int(b, 16) + 1):
                m[k] = chr(base + k - int(a, 16))
    return m


class Font:
    def __init__(self, f):
        self.cid = f.Subtype == "/Type0"
        self.uni = tounicode(f)
        self.w = {}
        if self.cid:
            d = f.DescendantFonts[0]
            self.dw = float(d.get("/DW", 1000))
            w = list(d.get("/W", []))
            i = 0
            while i < len(w):
                first = int(w[i])
                if isinstance(w[i + 1], pikepdf.Array):
                    for k, x in enumerate(w[i + 1]):
                        self.w[first + k] = float(x)
                    i += 2
                else:
                    for k in range(first, int(w[i + 1]) + 1):
                        self.w[k] = float(w[i + 2])
                    i += 3
        else:
            self.dw = 0
            fc = int(f.get("/FirstChar", 0))
            for k, x in enumerate(f.get("/Widths", [])):
                self.w[fc + k] = float(x)

    def codes(self, b):
        if self.cid:
            return [b[i] << 8 | b[i + 1] for i in range(0, len(b) - 1, 2)]
        return list(b)


def glyphs(pdf, first=1, last=None):
    """(page, x, advance, y, size, char, run) for every glyph drawn; `run`
    counts the Tm and Td operators (glyphs of one run are on one line)."""
    p = pikepdf.open(pdf)
    out = []
    for no, page in enumerate(p.pages, 1):
        if no < first or (last and no > last):
            continue
        fonts = {}
        res = page.get("/Resources", {})
        for k, f in (res.get("/Font", {}) or {}).items():
            fonts[k] = Font(f)
        font, tf, tm = None, 1.0, [1, 0, 0, 1, 0, 0]
        x, run = 0.0, 0
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op == "Tf":
                font, tf = fonts.get(str(operands[0])), float(operands[1])
            elif op == "Tm":
                tm = [float(v) for v in operands]
                x, run = 0.0, run + 1
            elif op in ("Td", "TD"):  # a new line: from the line's start
                tm[4] += float(operands[0]) * tm[0] + float(operands[1]) * tm[2]
                tm[5] += float(operands[0]) * tm[1] + float(operands[1]) * tm[3]
                x, run = 0.0, run + 1
            elif op in ("Tj", "TJ") and font:
                items = operands[0] if op == "TJ" else [operands[0]]
                size = abs(tm[3]) * tf
                for it in items:
                    if isinstance(it, pikepdf.String):
                        for c in font.codes(bytes(it)):
                            adv = font.w.get(c, font.dw) / 1000 * tm[0] * tf
                            out.append((no, tm[4] + x, adv, tm[5], round(size, 2),
                                        font.uni.get(c, "?"), run))
                            x += adv
                    else:
                        x -= float(it) / 1000 * tm[0] * tf
    return out


PUNCT = "、。，．・：；「」『』（）【】〔〕"


def cmd_gaps(argv):
    pdf = argv[0]
    mx = float(argv[argv.index("--max") + 1]) if "--max" in argv else 0.1
    g = glyphs(pdf)
    bad = 0
    for a, b in zip(g, g[1:]):
        if a[0] != b[0] or a[6] != b[6] or a[4] != b[4]:
            continue
        la = re.match(r"[0-9A-Za-z]", a[5])
        lb = re.match(r"[0-9A-Za-z]", b[5])
        jb = re.match(r"[\u3040-\u30ff\u4e00-\u9fff]", b[5])
        if not ((a[5] in PUNCT and lb) or (la and b[5] in PUNCT) or (a[5] in "-/" and jb)):
            continue
        gap = b[1] - (a[1] + a[2])
        if gap > mx * a[4] + 0.01:
            bad += 1
            print("page %d: %.2f em between %s and %s (%.1f pt type)" %
                  (a[0], gap / a[4], a[5], b[5], a[4]))
    print("gaps: %d" % bad)
    return 1 if bad else 0


def cmd_sizes(argv):
    pdf, first, last = argv[0], int(argv[1]), int(argv[2])
    seen = {}
    for no, _, _, _, size, _, _ in glyphs(pdf, first, last):
        seen[(no, size)] = seen.get((no, size), 0) + 1
    for (no, size), n in sorted(seen.items()):
        print(no, size, n)
    return 0


if __name__ == "__main__":
    cmds = {"gaps": cmd_gaps, "sizes": cmd_sizes}
    if len(sys.argv) < 3 or sys.argv[1] not in cmds:
        sys.exit(__doc__)
    sys.exit(cmds[sys.argv[1]](sys.argv[2:]))
