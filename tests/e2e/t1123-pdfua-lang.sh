#!/bin/sh
# Issue 17 (gaps): a passage in Latin script (an English paragraph, a long
# English name on its own) gets /Lang (en) in the structure tree, so that a
# screen reader set to the catalogue's ja-JP does not read it as Japanese;
# Japanese text, mixed text and abbreviations keep the document's language.
# tests/pdfua.py fails on a Latin passage without a /Lang.
. "$(dirname "$0")/../lib.sh"

export SOURCE_DATE_EPOCH=1700000000
test_inputs 2014
R=$TRASH/input/2014/report.xml
O=$TRASH/output/2014
CHECK="/usr/bin/python3 $TOP/tests/pdfua.py"
EN1="This report is also published in English as the Cybersecurity Annual Report 2014."
EN2="National center of Incident readiness and Strategy for Cybersecurity (NISC)"

if ! /usr/bin/python3 -c 'import pikepdf' 2>/dev/null; then
	test_skip 'PDF/UA Lang' 'no python3-pikepdf (pipeline/deps.sh test)'
	test_done
	exit 0
fi

test_expect_success 'two English paragraphs (preface, closing): /Lang (en) on each, on nothing else' '
	/usr/bin/python3 - "$R" "$EN1" "$EN2" <<-\EOF &&
	import sys
	p, en1, en2 = sys.argv[1:]
	s = open(p, encoding="utf-8").read()
	i = s.index("<p>", s.index("\n  <preface>"))
	s = s[:i] + "<p>%s</p>\n    " % en1 + s[i:]
	i = s.index("<p>", s.index("\n  <closing>"))
	s = s[:i] + "<p>%s</p>\n    " % en2 + s[i:]
	open(p, "w", encoding="utf-8").write(s)
	EOF
	test_make report YEAR=2014 >/dev/null 2>&1 &&
	$CHECK "$O/annual-report-2014.pdf" "$O/summary-slides-2014.pdf" &&
	/usr/bin/python3 - "$O/annual-report-2014.pdf" "$TOP/tests" "$EN1" "$EN2" <<-\EOF
	import re, sys
	sys.path.insert(0, sys.argv[2])
	from pdfstruct import Doc
	d = Doc(sys.argv[1])
	langs = [(str(e.S), str(e.Lang), re.sub(r"\s+", " ", d.text(e)).strip())
	         for e, _ in d.elements() if "/Lang" in e]
	assert langs == [("/P", "en", sys.argv[3]), ("/P", "en", sys.argv[4])], langs
	# a note that only begins in English keeps the language of the document
	notes = [d.text(e) for e, _ in d.elements() if e.S == "/Note"]
	assert any("Chief Information Security Officer" in n for n in notes)
	EOF
'

test_expect_success 'the HTML edition: lang="en" on the same two paragraphs, on nothing else' '
	/usr/bin/python3 - "$O/annual-report-2014.html" "$EN1" "$EN2" <<-\EOF
	import re, sys
	from html.parser import HTMLParser
	class P(HTMLParser):
	    def __init__(self):
	        super().__init__()
	        self.open, self.found = [], []
	    def handle_starttag(self, tag, attrs):
	        a = dict(attrs)
	        if tag in ("br", "hr", "img", "meta", "link", "line", "rect", "path", "circle"):
	            return
	        self.open.append([tag, a.get("lang"), ""])
	    def handle_endtag(self, tag):
	        while self.open:
	            t, lang, text = self.open.pop()
	            if lang and t != "html":
	                self.found.append((t, lang, re.sub(r"\s+", " ", text).strip()))
	            if self.open:
	                self.open[-1][2] += text
	            if t == tag:
	                break
	    def handle_data(self, d):
	        if self.open:
	            self.open[-1][2] += d
	p = P()
	p.feed(open(sys.argv[1], encoding="utf-8").read())
	assert p.found == [("p", "en", sys.argv[2]), ("p", "en", sys.argv[3])], p.found
	EOF
'

test_expect_success 'the checker fails on the English paragraph without its /Lang' '
	/usr/bin/python3 - "$O/annual-report-2014.pdf" "$TRASH/bad.pdf" <<-\EOF &&
	import sys, pikepdf
	p = pikepdf.open(sys.argv[1])
	def walk(e):
	    if isinstance(e, pikepdf.Dictionary) and "/Lang" in e and "/S" in e:
	        del e["/Lang"]
	        return True
	    k = e.get("/K") if isinstance(e, pikepdf.Dictionary) else None
	    return any(walk(c) for c in (k if isinstance(k, pikepdf.Array) else [k] if k is not None else []))
	assert walk(p.Root.StructTreeRoot)
	p.save(sys.argv[2])
	EOF
	! $CHECK "$TRASH/bad.pdf" >"$TRASH/bad.out" &&
	grep -q "in Latin script without /Lang" "$TRASH/bad.out" &&
	grep -q ": 1 Latin passage without Lang$" "$TRASH/bad.out"
'

test_done
