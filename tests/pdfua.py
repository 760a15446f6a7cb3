#!/usr/bin/python3
"""PDF/UA-1 checker: the machine-checkable failure conditions of the
Matterhorn Protocol 1.1 that issue 17 lists (pikepdf from Debian).

    /usr/bin/python3 tests/pdfua.py [--count] FILE.pdf...

Prints one line per finding, "FILE: page N: what" (or "FILE: what"), then
per file a tally by kind, and exits 1 when any file has a finding, else 0.
Walks the structure tree (reading order) and every page's content stream:

- marked content neither in the structure tree nor an Artifact;
  a painting operator (text, path, image, shading) outside any marked
  content;
- a Figure without /Alt; headings not starting at H1 or skipping
  a level; a Link without an OBJR, a link annotation not
  in the tree or without /Contents; a page with
  annotations without /Tabs /S;
- no /Lang, /MarkInfo /Marked true, /ViewerPreferences
  /DisplayDocTitle true, XMP with dc:title, dc:language and
  pdfuaid:part 1;
- a TH without /Scope, a Note without /ID or with an /ID another
  Note has (Matterhorn 19-003, 19-004), an LI outside an L, a TOC
  without TOCI, a TOCI outside a TOC;
- footnotes tied to their marks (PDF/UA-1 7.9, the PDF Association's
  practice): each Reference holds the mark and a Link whose annotation
  goes to a page holding a Note, and each page's Notes are the target of as many
  References' distinct destinations;
- a font not embedded or without a ToUnicode map;
- a passage in Latin script (an element's own text: Latin letters,
  digits, punctuation and spaces only, two words and eight letters or
  more) without a /Lang of its own or of an element above it: the
  catalogue's ja-JP would have it read as Japanese.
"""
import collections
import os
import re
import sys
import unicodedata

import pikepdf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pdfstruct import Doc  # noqa: E402

PAINT = {"Tj", "TJ", "'", '"', "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "sh", "Do", "BI",
         "INLINE IMAGE"}
HEADING = re.compile(r"^H([1-6])$")


def name(o):
    return str(o)[1:] if isinstance(o, pikepdf.Name) else None


class Checker:
    def __init__(self, path):
        self.path = path
        self.findings = []
        self.kinds = collections.Counter()

    def add(self, kind, msg, page=None):
        self.kinds[kind] += 1
        where = "page %d: " % page if page else ""
        self.findings.append("%s: %s%s" % (self.path, where, msg))

    def run(self):
        pdf = pikepdf.open(self.path)
        self.pdf = pdf
        self.pageno = {p.obj.objgen: i + 1 for i, p in enumerate(pdf.pages)}
        self.catalog(pdf)
        self.mcids = set()  # (page objgen, MCID) in the tree
        self.objrs = set()  # objgen of annotations with an OBJR
        self.headings = []
        self.note_ids = collections.Counter()
        self.note_pages = collections.Counter()  # page objgen → Notes
        self.references = []  # the annotations of each Reference's Links
        root = pdf.Root.get("/StructTreeRoot")
        if root is None:
            self.add("no structure tree", "no /StructTreeRoot")
        else:
            self.walk(root, None, None)
        self.heading_order()
        self.notes(pdf)
        if root is not None:
            self.latin()
        for p in pdf.pages:
            self.page(p)
        self.fonts(pdf)
        return self

    def catalog(self, pdf):
        r = pdf.Root
        if "/Lang" not in r or not str(r.Lang).strip():
            self.add("no Lang", "no /Lang in the catalogue")
        mi = r.get("/MarkInfo")
        if mi is None or not bool(mi.get("/Marked", False)):
            self.add("not Marked", "no /MarkInfo <</Marked true>>")
        vp = r.get("/ViewerPreferences")
        if vp is None or not bool(vp.get("/DisplayDocTitle", False)):
            self.add("no DisplayDocTitle", "no /ViewerPreferences <</DisplayDocTitle true>>")
        md = r.get("/Metadata")
        xmp = md.read_bytes().decode("utf-8", "replace") if md is not None else ""
        if not xmp:
            self.add("no XMP", "no XMP metadata stream")
        else:
            for what, pat in (("dc:title", r"<dc:title>.*?<rdf:li[^>]*>[^<]+</rdf:li>"),
                              ("dc:language", r"<dc:language>.*?<rdf:li[^>]*>[^<]+</rdf:li>"),
                              ("pdfuaid:part 1",
                               r"pdfuaid:part(>\s*1\s*<|\s*=\s*[\"']1[\"'])")):
                if not re.search(pat, xmp, re.S):
                    self.add("XMP without " + what, "XMP metadata without " + what)

    def walk(self, node, parent_type, pg):
        """Depth first, in the order of /K: the reading order."""
        if isinstance(node, pikepdf.Dictionary) and name(node.get("/Type")) == "MCR":
            p = node.get("/Pg", pg)
            if p is not None:
                self.mcids.add((p.objgen, int(node.MCID)))
            return
        if isinstance(node, pikepdf.Dictionary) and name(node.get("/Type")) == "OBJR":
            self.objrs.add(node.Obj.objgen)
            return
        s = name(node.get("/S")) if isinstance(node, pikepdf.Dictionary) else None
        pg = node.get("/Pg", pg) if isinstance(node, pikepdf.Dictionary) else pg
        if s is not None:
            self.element(node, s, parent_type)
        k = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
        if k is None:
            kids = []
        elif isinstance(k, pikepdf.Array):
            kids = list(k)
        else:
            kids = [k]
        for kid in kids:
            if isinstance(kid, int):
                if pg is not None:
                    self.mcids.add((pg.objgen, int(kid)))
            elif isinstance(kid, pikepdf.Dictionary):
                self.walk(kid, s, pg)
        if s == "Link" and not any(isinstance(x, pikepdf.Dictionary) and
                                   name(x.get("/Type")) == "OBJR" for x in kids):
            self.add("Link without OBJR", "a Link without an OBJR of its annotation")
        if s == "TOC" and not any(isinstance(x, pikepdf.Dictionary) and
                                  name(x.get("/S")) == "TOCI" for x in kids):
            self.add("TOC without TOCI", "a TOC without TOCI items")

    def element(self, e, s, parent):
        alt = e.get("/Alt")
        if s == "Figure" and (alt is None or not str(alt).strip()):
            self.add("Figure without Alt", "a Figure without /Alt")
        m = HEADING.match(s)
        if m:
            self.headings.append(int(m.group(1)))
        elif s == "H":
            self.add("H heading", "an H (unnumbered) heading: use H1…H6")
        if s == "TH" and not self.scope(e):
            self.add("TH without Scope", "a TH without /Scope")
        if s == "Note" and not str(e.get("/ID", "")):
            self.add("Note without ID", "a Note without /ID")
        elif s == "Note":
            self.note_ids[str(e.ID)] += 1
            pages = {k.Pg.objgen for k in self.kids(e)
                     if isinstance(k, pikepdf.Dictionary) and "/Pg" in k}
            if "/Pg" in e:
                pages.add(e.Pg.objgen)
            for pg in pages:
                self.note_pages[pg] += 1
        if s == "Reference":
            marked = [k for link in self.kids(e) if isinstance(link, pikepdf.Dictionary)
                      for k in [link] + self.kids(link)
                      if isinstance(k, int) or (isinstance(k, pikepdf.Dictionary) and
                                                name(k.get("/Type")) == "MCR")]
            if not marked:
                self.add("Reference without its mark",
                         "a Reference without content (the footnote mark)")
            self.references.append(
                [k.Obj for link in self.kids(e)
                 if isinstance(link, pikepdf.Dictionary) and name(link.get("/S")) == "Link"
                 for k in self.kids(link)
                 if isinstance(k, pikepdf.Dictionary) and name(k.get("/Type")) == "OBJR"])
        if s == "LI" and parent != "L":
            self.add("LI outside L", "an LI outside an L (in %s)" % parent)
        if s == "TOCI" and parent != "TOC":
            self.add("TOCI outside TOC", "a TOCI outside a TOC (in %s)" % parent)

    @staticmethod
    def is_latin(t):
        """A passage in Latin script (render's draw_text_lang()): Latin
        letters, digits, punctuation and spaces only, two words with lower
        case letters (not NISC) of eight letters or more."""
        letters = words = 0
        for w in re.split(r"[^\w\-'\u2019]+", t):
            for ch in w:
                u = ord(ch)
                if ch.isalpha() and u > 0x24f and not 0x1e00 <= u <= 0x1eff:
                    return False
                if not ch.isalpha() and u > 0x7f and not ch.isspace() and \
                        not unicodedata.category(ch).startswith("P") and not 0xa0 <= u <= 0xbf:
                    return False
            if any(ch.islower() for ch in w):
                words += 1
                letters += sum(ch.isalpha() for ch in w)
        for ch in t:
            u = ord(ch)
            if not ch.isalpha() and (u >= 0x3000 or (
                    u > 0x7f and not ch.isspace() and
                    not unicodedata.category(ch).startswith("P") and not 0xa0 <= u <= 0xbf)):
                return False
        return letters >= 8 and words >= 2

    def latin(self):
        d = Doc(self.path)

        def own_text(e, pg):
            pg = e.get("/Pg", pg)
            out = []
            for k in self.kids(e):
                if isinstance(k, int) and pg is not None:
                    out.append(d.mc.get((pg.objgen, int(k)), ""))
                elif isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/MCR":
                    p = k.get("/Pg", pg)
                    if p is not None:
                        out.append(d.mc.get((p.objgen, int(k.MCID)), ""))
            return " ".join(out)

        def walk(e, pg, lang):
            pg = e.get("/Pg", pg)
            if "/Lang" in e:
                lang = str(e.Lang)
            t = own_text(e, pg)
            if not lang and self.is_latin(t):
                self.add("Latin passage without Lang",
                         "%s 「%s」 in Latin script without /Lang" % (e.get("/S"), t[:40]))
            for k in self.kids(e):
                if isinstance(k, pikepdf.Dictionary) and "/S" in k:
                    walk(k, pg, lang)

        walk(self.pdf.Root.StructTreeRoot, None, "")

    @staticmethod
    def kids(e):
        k = e.get("/K")
        return list(k) if isinstance(k, pikepdf.Array) else [] if k is None else [k]

    def dest_page(self, pdf, annot):
        """The page objgen a link annotation goes to, or None."""
        d = annot.get("/Dest")
        if d is None and "/A" in annot:
            d = annot.A.get("/D")
        if isinstance(d, (pikepdf.String, pikepdf.Name)):
            key = str(d)[1:] if isinstance(d, pikepdf.Name) else str(d)
            d = None
            names = pdf.Root.get("/Names")
            if names is not None and "/Dests" in names:
                nt = pikepdf.NameTree(names.Dests)
                d = nt[key] if key in nt else None
            elif "/Dests" in pdf.Root:
                d = pdf.Root.Dests.get("/" + key)
        if isinstance(d, pikepdf.Dictionary):
            d = d.get("/D")
        if isinstance(d, pikepdf.Array) and len(d) and isinstance(d[0], pikepdf.Dictionary):
            return d[0].objgen
        return None

    def notes(self, pdf):
        for i, n in self.note_ids.items():
            if n > 1:
                self.add("Note ID not unique", "%d Notes with /ID (%s)" % (n, i))
        targets = collections.defaultdict(set)  # page → the References' destinations
        for annots in self.references:
            pages = [(self.dest_page(pdf, a), a) for a in annots]
            good = [(p, a) for p, a in pages if p is not None and self.note_pages[p]]
            if not good:
                self.add("Reference not tied to a Note",
                         "a Reference without a Link to a page holding a Note")
                continue
            p, a = good[0]
            targets[p].add(str(a.get("/Dest", a.get("/A", {}).get("/D", ""))))
        for p, n in self.note_pages.items():
            if len(targets[p]) < n:
                self.add("Note without Reference",
                         "%d Notes but %d References' links to them" % (n, len(targets[p])),
                         self.pageno.get(p))

    @staticmethod
    def scope(e):
        a = e.get("/A")
        if a is None:
            return False
        for d in (a if isinstance(a, pikepdf.Array) else [a]):
            if isinstance(d, pikepdf.Dictionary) and "/Scope" in d:
                return True
        return False

    def heading_order(self):
        prev = 0
        for lv in self.headings:
            if prev == 0 and lv != 1:
                self.add("heading skip", "the first heading is H%d, not H1" % lv)
            elif lv > prev + 1 and prev:
                self.add("heading skip", "heading level skipped: H%d → H%d" % (prev, lv))
            prev = lv

    def page(self, p):
        n = self.pageno[p.obj.objgen]
        stack = []  # open marked content: (tag, inside tagged content or an Artifact)
        untagged = 0
        for operands, op in pikepdf.parse_content_stream(p):
            op = str(op)
            if op in ("BDC", "BMC"):
                tag = name(operands[0])
                outer = stack[-1][1] if stack else False
                props = operands[1] if op == "BDC" else None
                mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
                if tag == "Artifact" or outer:
                    stack.append((tag, True))
                elif mcid is None:
                    # e.g. a /Span with /ActualText outside any tagged content
                    stack.append((tag, False))
                elif (p.obj.objgen, int(mcid)) not in self.mcids:
                    self.add("marked content not in tree",
                             "/%s MCID %d is neither in the structure tree nor an "
                             "Artifact" % (tag, int(mcid)), n)
                    stack.append((tag, True))
                else:
                    stack.append((tag, True))
            elif op == "EMC":
                if stack:
                    stack.pop()
            elif op in PAINT and not (stack and stack[-1][1]):
                untagged += 1
        if untagged:
            self.kinds["untagged operators"] += untagged
            self.findings.append("%s: page %d: %d content operators neither tagged nor "
                                 "artifacts" % (self.path, n, untagged))
        annots = p.obj.get("/Annots")
        if annots is not None and len(annots):
            if name(p.obj.get("/Tabs")) != "S":
                self.add("page without Tabs S", "annotations but no /Tabs /S", n)
            for a in annots:
                if name(a.get("/Subtype")) in ("Link",):
                    if not str(a.get("/Contents", "")).strip():
                        self.add("link without Contents", "a link annotation without /Contents",
                                 n)
                    if a.objgen not in self.objrs:
                        self.add("link not in tree",
                                 "a link annotation without an OBJR in the structure tree", n)

    def fonts(self, pdf):
        seen = set()

        def visit(res):
            if res is None:
                return
            for _, f in (res.get("/Font") or {}).items():
                if f.objgen in seen:
                    continue
                seen.add(f.objgen)
                self.font(f)
            for _, x in (res.get("/XObject") or {}).items():
                if x.objgen not in seen and name(x.get("/Subtype")) == "Form":
                    seen.add(x.objgen)
                    visit(x.get("/Resources"))

        for p in pdf.pages:
            visit(p.obj.get("/Resources"))

    def font(self, f):
        base = str(f.get("/BaseFont", f.get("/Name", "?")))
        sub = name(f.get("/Subtype"))
        if "/ToUnicode" not in f:
            self.add("font without ToUnicode", "font %s has no ToUnicode map" % base)
        if sub == "Type3":
            return
        d = f
        if sub == "Type0":
            d = f.DescendantFonts[0]
        fd = d.get("/FontDescriptor")
        if fd is None or not any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            self.add("font not embedded", "font %s is not embedded" % base)


def main(argv):
    count = "--count" in argv
    files = [a for a in argv if a != "--count"]
    if not files:
        print("usage: pdfua.py [--count] FILE.pdf...", file=sys.stderr)
        return 2
    bad = 0
    for f in files:
        c = Checker(f).run()
        if not count:
            for line in c.findings:
                print(line)
        for k, v in sorted(c.kinds.items()):
            print("%s: %d %s" % (f, v, k))
        if c.kinds:
            bad = 1
        else:
            print("%s: PDF/UA checks passed" % f)
    return bad


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
