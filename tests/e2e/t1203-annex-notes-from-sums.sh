#!/bin/sh
# Issue 13 (the 100x year's memory): year.xml no longer copies the areas'
# rows with 備考 or extra columns (at 100x they were most of its 15 MB, held
# twice by year.xsl); report-back.xsl reads them from each area's
# sum/ID.xml.  別添３ still lists every such row of the models, in plan
# order, then the rows of no area; the draft still names each row's file
# by its path (the file list is year.xml's, the row a sum file's).
. "$(dirname "$0")/../lib.sh"

test_year 2014

test_expect_success 'report and draft' '
	test_make report YEAR=2014 2>/dev/null && test_make draft YEAR=2014 2>/dev/null
'

test_expect_success 'year.xml holds no copy of the areas rows' '
	/usr/bin/python3 - "$W/year.xml" <<-\PY
	import sys
	import xml.etree.ElementTree as ET
	y = ET.parse(sys.argv[1]).getroot()
	assert y.find("digest") is not None and y.find("digest/exp") is not None
	assert len(y.findall(".//progress")) == len(y.findall("orphans/progress")), \
	    len(y.findall(".//progress"))
	PY
'

# expected: from the models themselves, plan order (areas.mk), then the
# orphans of year.xml; each (measure, ministry name, PATH:LINE) where PATH
# is year.xml's path of the file, or its name when it has none
check_annex() {
	/usr/bin/python3 - "$W/areas.mk" "$1" "$2" <<-\PY
	import sys
	import xml.etree.ElementTree as ET
	mk, wd, pdoc = sys.argv[1:4]
	areas = open(mk).read().split(":=")[1].split()
	year = ET.parse(wd + "/year.xml").getroot()
	paths = {}
	for f in year.findall("input/file"):
	    paths.setdefault(f.get("name"), f.get("path") or f.get("name"))
	def noted(r):
	    return any((p.text or "").strip() for p in r.findall("note/p")) or \
	        any((x.text or "").strip() for x in r.findall("extra"))
	rows = []
	for a in areas:
	    rows += ET.parse("%s/model/%s.xml" % (wd, a)).getroot().iter("progress")
	rows += year.findall("orphans/progress")
	want = [(r.get("measure"), r.get("name"), paths[r.get("file")] + ":" + r.get("line"))
	        for r in rows if noted(r)]
	kids = list(ET.parse(pdoc).getroot().iter())
	i = next(i for i, e in enumerate(kids) if e.tag == "h" and e.get("id") == "annex-notes")
	table = next(t for t in kids[i:] if t.tag == "table")
	got = [(tr[0].text, tr[1].text, tr[2].get("src")) for tr in table.findall("tr")
	       if tr.get("head") != "1"]
	assert len(want) > 10, len(want)
	assert got == want, [(g, w) for g, w in zip(got, want) if g != w][:3] or (len(got), len(want))
	PY
}

test_expect_success '別添３: every row with 備考, plan order, as the models have them' '
	check_annex "$W" "$W/report/back.pdoc"
'

test_expect_success 'the draft: the same, each row named by its file path' '
	check_annex "$W/draft" "$W/draft/report/back.pdoc" &&
	grep -q "<td src=\"[^\"]*/submissions/[^\"]*:[0-9]*\">" "$W/draft/report/back.pdoc"
'

test_done
