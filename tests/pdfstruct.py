#!/usr/bin/python3
"""The text of a tagged PDF's structure elements, read from the content
streams (pikepdf from Debian): what a screen reader is given, in the
order of the structure tree.

    from pdfstruct import Doc
    d = Doc("file.pdf")
    for e, depth in d.elements():      # depth first, in the order of /K
        d.text(e)                      # the element's text (its MCIDs')

Glyphs are mapped to text through each font's ToUnicode CMap; a marked
span with /ActualText gives that text instead of its glyphs.  Artifacts
are left out (they belong to no element).

    /usr/bin/python3 tests/pdfstruct.py FILE.pdf   prints each element's
        type, /Lang and text, indented by depth
"""
import re
import sys

import pikepdf

HEX = re.compile(rb"<([0-9a-fA-F]+)>")


def _hex(b):
    return bytes.fromhex(b.decode())


def _utf16(b):
    return b.decode("utf-16-be", "replace")


def cmap(data):
    """A ToUnicode CMap: (code widths, {code bytes: text})."""
    m, widths = {}, set()
    for blk in re.findall(rb"begincodespacerange(.*?)endcodespacerange", data, re.S):
        for lo in HEX.findall(blk)[::2]:
            widths.add(len(lo) // 2)
    for blk in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        h = HEX.findall(blk)
        for src, dst in zip(h[::2], h[1::2]):
            m[_hex(src)] = _utf16(_hex(dst))
    for blk in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])",
                                      blk):
            a, b, n = int(lo, 16), int(hi, 16), len(lo) // 2
            if dst.startswith(b"["):
                for i, d in enumerate(HEX.findall(dst)):
                    m[(a + i).to_bytes(n, "big")] = _utf16(_hex(d))
            else:
                d = _hex(dst[1:-1])
                base = int.from_bytes(d, "big")
                for i in range(b - a + 1):
                    m[(a + i).to_bytes(n, "big")] = _utf16((base + i).to_bytes(len(d), "big"))
    return (sorted(widths) or [1]), m


class Doc:
    def __init__(self, path):
        self.pdf = pikepdf.open(path)
        self.pageno = {p.obj.objgen: i + 1 for i, p in enumerate(self.pdf.pages)}
        self.mc = {}  # (page objgen, MCID) → text
        self._cmaps = {}
        for p in self.pdf.pages:
            self._page(p)

    def _font(self, f):
        if f.objgen not in self._cmaps:
            tu = f.get("/ToUnicode")
            self._cmaps[f.objgen] = cmap(tu.read_bytes()) if tu is not None else ([1], {})
        return self._cmaps[f.objgen]

    @staticmethod
    def _decode(cm, s):
        widths, m = cm
        out, i = [], 0
        while i < len(s):
            for w in widths:
                if s[i:i + w] in m:
                    out.append(m[s[i:i + w]])
                    i += w
                    break
            else:
                out.append("\ufffd")
                i += widths[0]
        return "".join(out)

    def _page(self, p):
        fonts = p.Resources.get("/Font") or {}
        font = None
        stack = []  # (MCID or None, ActualText or None)
        key = p.obj.objgen

        def target():
            for mcid, _ in reversed(stack):
                if mcid is not None:
                    return mcid
            return None

        def actual():
            return any(a is not None for _, a in stack)

        for operands, op in pikepdf.parse_content_stream(p):
            op = str(op)
            if op in ("BDC", "BMC"):
                props = operands[1] if op == "BDC" else None
                mcid = act = None
                if isinstance(props, pikepdf.Dictionary):
                    mcid = int(props.MCID) if "/MCID" in props else None
                    act = str(props.ActualText) if "/ActualText" in props else None
                if str(operands[0]) == "/Artifact":
                    mcid = -1
                if act is not None and not actual():
                    t = target()
                    if t is not None and t >= 0:
                        self.mc[(key, t)] = self.mc.get((key, t), "") + act
                stack.append((mcid, act))
            elif op == "EMC":
                if stack:
                    stack.pop()
            elif op == "Tf":
                font = fonts.get(str(operands[0]))
            elif op in ("Tj", "TJ", "'", '"') and font is not None and not actual():
                t = target()
                if t is None or t < 0:
                    continue
                cm = self._font(font)
                parts = operands[-1]
                strs = [x for x in parts if isinstance(x, pikepdf.String)] \
                    if isinstance(parts, pikepdf.Array) else [parts]
                s = "".join(self._decode(cm, bytes(x)) for x in strs)
                self.mc[(key, t)] = self.mc.get((key, t), "") + s

    def elements(self, e=None, depth=0):
        """(element, depth) depth first in the order of /K."""
        if e is None:
            e = self.pdf.Root.StructTreeRoot
        else:
            yield e, depth
        for k in self.kids(e):
            if isinstance(k, pikepdf.Dictionary) and "/S" in k:
                yield from self.elements(k, depth + 1)

    @staticmethod
    def kids(e):
        k = e.get("/K")
        return list(k) if isinstance(k, pikepdf.Array) else [] if k is None else [k]

    def text(self, e, pg=None):
        """The text of element e and its descendants, in order."""
        pg = e.get("/Pg", pg)
        out = []
        for k in self.kids(e):
            if isinstance(k, int):
                if pg is not None:
                    out.append(self.mc.get((pg.objgen, int(k)), ""))
            elif isinstance(k, pikepdf.Dictionary):
                t = k.get("/Type")
                if t == "/MCR":
                    p = k.get("/Pg", pg)
                    out.append(self.mc.get((p.objgen, int(k.MCID)), "") if p is not None else "")
                elif "/S" in k:
                    out.append(self.text(k, pg))
        return "".join(out)

    def pages(self, e, pg=None):
        """The page numbers (1-based) element e has content on."""
        pg = e.get("/Pg", pg)
        out = set()
        for k in self.kids(e):
            if isinstance(k, int) and pg is not None:
                out.add(self.pageno[pg.objgen])
            elif isinstance(k, pikepdf.Dictionary):
                if k.get("/Type") == "/MCR":
                    p = k.get("/Pg", pg)
                    if p is not None:
                        out.add(self.pageno[p.objgen])
                elif "/S" in k:
                    out |= self.pages(k, pg)
        return out


def main(argv):
    d = Doc(argv[0])
    for e, depth in d.elements():
        lang = " (%s)" % e.Lang if "/Lang" in e else ""
        print("%s%s%s %s" % ("  " * depth, e.S, lang, d.text(e)[:80]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
