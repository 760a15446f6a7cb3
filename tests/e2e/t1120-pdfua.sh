#!/bin/sh
# Issue 17, "Accessible to every reader": both PDFs of FY2013 and FY2014
# (and the draft's, with its 案 watermark) meet the machine-checkable
# failure conditions of PDF/UA-1 (Matterhorn Protocol 1.1) that
# tests/pdfua.py checks, and the checker fails on a PDF with each one
# planted.
. "$(dirname "$0")/../lib.sh"

export SOURCE_DATE_EPOCH=1700000000
test_inputs 2013 2014
CHECK="/usr/bin/python3 $TOP/tests/pdfua.py"

if ! /usr/bin/python3 -c 'import pikepdf' 2>/dev/null; then
	test_skip 'PDF/UA checks' 'no python3-pikepdf (pipeline/deps.sh test)'
	test_done
	exit 0
fi

test_expect_success 'FY2013 and FY2014: report and slides pass the PDF/UA checks' '
	test_make report YEAR=2013 2>/dev/null && test_make report YEAR=2014 2>/dev/null &&
	set -- "$TRASH"/output/2013/*.pdf "$TRASH"/output/2014/*.pdf &&
	test $# -eq 4 &&
	$CHECK "$@" >"$TRASH/check.out" &&
	test "$(grep -c "PDF/UA checks passed" "$TRASH/check.out")" -eq 4
'

test_expect_success 'the draft, with its watermark an artifact, passes too' '
	test_make draft YEAR=2014 2>/dev/null &&
	$CHECK "$TRASH"/output/2014/annual-report-2014-draft.pdf \
		"$TRASH"/output/2014/summary-slides-2014-draft.pdf
'

test_expect_success 'what the checker passes is there: Lang, XMP, chart Alt from the data, slide Sects' '
	/usr/bin/python3 - "$TRASH/output/2014" <<-\EOF
	import sys, pikepdf
	d = sys.argv[1]
	r = pikepdf.open(d + "/annual-report-2014.pdf")
	assert str(r.Root.Lang) == "ja-JP", r.Root.Lang
	assert bool(r.Root.ViewerPreferences.DisplayDocTitle)
	x = r.Root.Metadata.read_bytes().decode()
	assert "<pdfuaid:part>1</pdfuaid:part>" in x and "ja-JP" in x
	assert "サイバーセキュリティ政策に係る年次報告" in x
	def walk(e, out, parent=None):
	    s = e.get("/S")
	    if s is not None:
	        out.append((str(s), e, parent))
	    k = e.get("/K")
	    for c in (k if isinstance(k, pikepdf.Array) else [k] if k is not None else []):
	        if isinstance(c, pikepdf.Dictionary) and "/S" in c:
	            walk(c, out, s)
	    return out
	els = walk(r.Root.StructTreeRoot, [])
	alts = [str(e.Alt) for s, e, p in els if s == "/Figure"]
	assert len(alts) == 16, len(alts)
	# the first chart of the model, from its data (input/2014)
	assert all(a.startswith("図：") and a.endswith("。") for a in alts), alts
	assert any("2012年度 4回、2013年度 4回、2014年度 5回" in a for a in alts), alts[:3]
	heads = [s for s, e, p in els if s in ("/H1", "/H2", "/H3", "/H4", "/H5", "/H6")]
	assert heads[0] == "/H1" and "/H4" in heads
	assert all(p == "/Sect" for s, e, p in els if s in heads), "a heading outside a Sect"
	s = pikepdf.open(d + "/summary-slides-2014.pdf")
	els = walk(s.Root.StructTreeRoot, [])
	sect = [e for t, e, p in els if t == "/Sect" and p == "/Document"]
	assert len(sect) >= 10, len(sect)
	for e in sect:
	    kids = [c for c in e.K if isinstance(c, pikepdf.Dictionary)]
	    assert kids[0].S == "/H1", kids[0].S
	    panels = [c for c in kids if c.S == "/Sect"]
	    assert all(c.K[0].S == "/H2" for c in panels)
	EOF
'

test_expect_success 'the text layer is unchanged: pdftotext still reads the chapters' '
	pdftotext "$TRASH/output/2014/annual-report-2014.pdf" "$TRASH/r.txt" &&
	grep -q "「強靱な」サイバー空間の構築" "$TRASH/r.txt" &&
	grep -q "政府機関統一基準群" "$TRASH/r.txt"
'

# Each planted fault, and the kind of finding it must give.
test_expect_success 'a PDF with each fault planted fails the checker with that finding' '
	/usr/bin/python3 - "$TRASH/output/2014/annual-report-2014.pdf" "$TRASH/bad" <<-\EOF &&
	import os, re, sys, pikepdf
	src, out = sys.argv[1], sys.argv[2]
	os.makedirs(out, exist_ok=True)
	def walk(e, f):
	    s = e.get("/S")
	    if s is not None and f(str(s), e):
	        return e
	    k = e.get("/K")
	    for c in (k if isinstance(k, pikepdf.Array) else [k] if k is not None else []):
	        if isinstance(c, pikepdf.Dictionary) and "/S" in c:
	            r = walk(c, f)
	            if r is not None:
	                return r
	def first(pdf, tag):
	    return walk(pdf.Root.StructTreeRoot, lambda s, e: s == tag)
	def no_lang(p): del p.Root["/Lang"]
	def no_title(p): del p.Root["/ViewerPreferences"]
	def no_pdfuaid(p):
	    x = p.Root.Metadata.read_bytes().replace(b"<pdfuaid:part>1</pdfuaid:part>", b"")
	    p.Root.Metadata.write(x)
	def no_alt(p): del first(p, "/Figure")["/Alt"]
	def skip(p):
	    h = walk(p.Root.StructTreeRoot, lambda s, e: s == "/H2")
	    h.S = pikepdf.Name("/H4")
	def no_objr(p): first(p, "/Link").K = pikepdf.Array([])
	def no_scope(p): del first(p, "/TH")["/A"]
	def no_id(p): del first(p, "/Note")["/ID"]
	def li_out(p): first(p, "/L").S = pikepdf.Name("/Div")
	def same_id(p):
	    notes = []
	    walk(p.Root.StructTreeRoot, lambda s, e: s == "/Note" and notes.append(e))
	    notes[1].ID = notes[0].ID
	def ref_no_note(p):
	    link = walk(first(p, "/Reference"), lambda s, e: s == "/Link")
	    for k in link.K:
	        if isinstance(k, pikepdf.Dictionary) and "/Obj" in k:
	            k.Obj.Dest = pikepdf.String("intro")
	def note_no_ref(p): first(p, "/Reference").S = pikepdf.Name("/Span")
	def ref_no_mark(p):
	    link = walk(first(p, "/Reference"), lambda s, e: s == "/Link")
	    link.K = pikepdf.Array([k for k in link.K if isinstance(k, pikepdf.Dictionary) and "/Obj" in k])
	def no_toci(p):
	    for c in first(p, "/TOC").K:
	        c.S = pikepdf.Name("/P")
	def no_contents(p):
	    for pg in p.pages:
	        for a in pg.obj.get("/Annots", []):
	            del a["/Contents"]
	def no_tabs(p):
	    for pg in p.pages:
	        if "/Tabs" in pg.obj:
	            del pg.obj["/Tabs"]
	def untagged(p):
	    pg = p.pages[3]
	    pg.contents_add(p.make_stream(b"0 0 m 100 100 l S"), prepend=False)
	def not_in_tree(p):
	    pg = p.pages[3]
	    data = b"".join(c.read_bytes() for c in ([pg.Contents] if isinstance(pg.Contents, pikepdf.Stream) else pg.Contents))
	    pg.Contents = p.make_stream(re.sub(rb"/MCID \d+", b"/MCID 9999", data, count=1))
	def no_tounicode(p):
	    for name, f in p.pages[3].Resources.Font.items():
	        del f["/ToUnicode"]
	        break
	faults = {
	    "no Lang": no_lang, "no DisplayDocTitle": no_title,
	    "XMP without pdfuaid:part 1": no_pdfuaid, "Figure without Alt": no_alt,
	    "heading skip": skip, "Link without OBJR": no_objr,
	    "TH without Scope": no_scope, "Note without ID": no_id,
	    "LI outside L": li_out, "TOC without TOCI": no_toci,
	    "Note ID not unique": same_id, "Reference not tied to a Note": ref_no_note,
	    "Note without Reference": note_no_ref, "Reference without its mark": ref_no_mark,
	    "link without Contents": no_contents, "page without Tabs S": no_tabs,
	    "untagged operators": untagged, "marked content not in tree": not_in_tree,
	    "font without ToUnicode": no_tounicode,
	}
	for i, (kind, f) in enumerate(faults.items()):
	    p = pikepdf.open(src)
	    f(p)
	    p.save("%s/%02d.pdf" % (out, i))
	    open("%s/%02d.kind" % (out, i), "w").write(kind)
	EOF
	n=0 &&
	for f in "$TRASH"/bad/*.pdf; do
		kind=$(cat "${f%.pdf}.kind") &&
		{ ! $CHECK --count "$f" >"$f.out" || { echo "passed: $kind"; exit 1; }; } &&
		grep -q ": [0-9]* $kind\$" "$f.out" || { echo "not found: $kind"; cat "$f.out"; exit 1; }
		n=$((n + 1))
	done &&
	test $n -eq 19
'

test_done
