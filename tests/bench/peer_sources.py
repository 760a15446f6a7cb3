#!/usr/bin/env python3
"""peer_sources.py: the report's text as sources for the peer typesetters.

    peer_sources.py TEXT OUTDIR

TEXT is what tests/bench/pdoc2text.xsl writes from build/Y/report.pdoc: one
block a line, "TAG<TAB>text", TAG in h1..h4 or p.  Writes OUTDIR/report.html
(WeasyPrint), OUTDIR/report.tex (LuaLaTeX + luatexja, jlreq) and
OUTDIR/report.typ (Typst): the same characters, headings as headings and
every other block as a justified paragraph with a one-em indent, A4, the
report's margins (25 mm / 22 mm) and BIZ UDMincho 10.5 pt, headings in
BIZ UDGothic.  Issue 7: "each from a generated source of the same text".
"""
import html
import os
import sys


def read_blocks(path):
    blocks = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            tag, sep, text = line.partition("\t")
            if not sep:
                tag, text = "p", line
            level = int(tag[1]) if tag[:1] == "h" and tag[1:].isdigit() else 0
            blocks.append((min(level, 4), text))
    return blocks


def write_html(blocks, path):
    out = ["<!DOCTYPE html>", '<html lang="ja"><head><meta charset="utf-8">',
           "<title>report</title><style>",
           "@page { size: A4; margin: 25mm 22mm; }",
           "body { font-family: 'BIZ UDMincho'; font-size: 10.5pt; line-height: 1.75; }",
           "p { margin: 0; text-indent: 1em; text-align: justify; }",
           "h1, h2, h3, h4 { font-family: 'BIZ UDGothic'; font-weight: normal;"
           " margin: 0.5em 0; }",
           "h1 { font-size: 16pt; } h2 { font-size: 14pt; } h3 { font-size: 12pt; }"
           " h4 { font-size: 10.5pt; }",
           "</style></head><body>"]
    for level, text in blocks:
        t = html.escape(text, quote=False)
        out.append(f"<h{level}>{t}</h{level}>" if level else f"<p>{t}</p>")
    out.append("</body></html>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


TEX_ESCAPES = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "#": r"\#", "$": r"\$",
    "%": r"\%", "&": r"\&", "_": r"\_", "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}


def tex_escape(s):
    return "".join(TEX_ESCAPES.get(c, c) for c in s)


def write_tex(blocks, path):
    heads = {1: "section", 2: "subsection", 3: "subsubsection", 4: "paragraph"}
    out = [r"\RequirePackage{everyhook}",
           r"\documentclass[paper=a4paper,fontsize=10.5pt,"
           r"head_space=25mm,foot_space=25mm,gutter=22mm,fore-edge=22mm]{jlreq}",
           r"\usepackage{luatexja-fontspec}",
           r"\setmainjfont{BIZ UDMincho}",
           r"\setsansjfont{BIZ UDGothic}",
           r"\setcounter{secnumdepth}{0}",
           r"\begin{document}"]
    for level, text in blocks:
        t = tex_escape(text)
        out.append(f"\\{heads[level]}{{{t}}}" if level else t + "\n")
    out.append(r"\end{document}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def typ_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_typ(blocks, path):
    out = ['#set page(paper: "a4", margin: (x: 22mm, y: 25mm))',
           '#set text(font: "BIZ UDMincho", size: 10.5pt, lang: "ja")',
           "#set par(justify: true, first-line-indent: 1em, leading: 0.75em)",
           '#show heading: set text(font: "BIZ UDGothic", weight: "regular")',
           ""]
    for level, text in blocks:
        if level:
            out.append(f"#heading(level: {level})[#{typ_string(text)}]")
        else:
            out.append(f"#{typ_string(text)}")
        out.append("")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def main(argv):
    if len(argv) != 3 or argv[1] == "--help":
        print(__doc__.strip().splitlines()[2].strip())
        return 0 if len(argv) == 2 and argv[1] == "--help" else 2
    blocks = read_blocks(argv[1])
    os.makedirs(argv[2], exist_ok=True)
    write_html(blocks, os.path.join(argv[2], "report.html"))
    write_tex(blocks, os.path.join(argv[2], "report.tex"))
    write_typ(blocks, os.path.join(argv[2], "report.typ"))
    print(f"peer_sources: {len(blocks)} blocks", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
