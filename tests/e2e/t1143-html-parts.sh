#!/bin/sh
# Issue 13 for the HTML edition (issue 17): it is made per pdoc file (an
# index, a part per file, a head, then the parts put together), so no
# process holds the whole report.  The footnotes keep one numbering and
# the 目次 every file's headings across the files; one area's change
# makes only its part again; every HTML step reads one pdoc.
. "$(dirname "$0")/../lib.sh"

test_year 2014
H=$O/annual-report-2014.html

test_expect_success 'report publishes the HTML edition' '
	test_make report YEAR=2014 2>/dev/null && test -s "$H"
'

# expected: the numbers render prints, from the pdocs themselves: per
# file in reading order, each note numbered at its first citation after
# all the notes of the files before
test_expect_success 'footnotes numbered across the files as one document, marks and notes alike' '
	pdocs "$W" report >"$TRASH/files" &&
	/usr/bin/python3 - "$TRASH/files" "$H" <<-\PY
	import re, sys
	import xml.etree.ElementTree as ET
	files = open(sys.argv[1]).read().split()
	html = open(sys.argv[2], encoding="utf-8").read()
	want, base = {}, 0
	for i, f in enumerate(files, 1):
	    seen = []
	    for fn in ET.parse(f).iter("fn"):
	        if fn.get("n") not in seen:
	            seen.append(fn.get("n"))
	    for k, n in enumerate(seen, 1):
	        want[(str(i), n)] = str(base + k)
	    base += len(seen)
	marks = re.findall(r"<a href=\"#fn-(\d+)-([^\"]+)\" aria-label=\"注(\d+)\"", html)
	notes = re.findall(r"<a class=\"back\" href=\"#fnref-(\d+)-([^\"]+)\" aria-label=\"注(\d+)（", html)
	areas = {i for (i, n) in want if 1 < int(i) < len(files)}
	assert len(areas) >= 2, "notes in fewer than two areas"
	assert len(notes) == len(want) and base > 20, (len(notes), len(want))
	for i, n, num in marks + notes:
	    assert want[(i, n)] == num, (i, n, num, want[(i, n)])
	assert sorted(want.values(), key=int) == [num for i, n, num in notes]
	PY
'

test_expect_success 'the 目次 nav: every toc heading of every file, in reading order' '
	/usr/bin/python3 - "$TRASH/files" "$H" <<-\PY
	import re, sys
	import xml.etree.ElementTree as ET
	files = open(sys.argv[1]).read().split()
	html = open(sys.argv[2], encoding="utf-8").read()
	levels = int(ET.parse(files[0]).find(".//toc").get("levels", "2"))
	want, areas = [], 0
	for f in files:
	    ids = [h.get("id") for h in ET.parse(f).iter("h")
	           if h.get("toc") == "1" and h.get("id") and int(h.get("level")) <= levels]
	    want += ids
	    areas += "/area-" in f and len(ids) > 0
	nav = re.search(r"<nav [^>]*class=\"toc\">(.*?)</nav>", html).group(1)
	got = re.findall(r"<a href=\"#([^\"]+)\">", nav)
	assert areas == len(files) - 2, areas
	assert got == want, (got[:5], want[:5])
	PY
'

test_expect_success 'one area changed: its part made again, not the other parts' '
	ls "$W"/html/*.html >"$TRASH/parts" && test "$(wc -l <"$TRASH/parts")" -eq 7 &&
	for f in $(cat "$TRASH/parts"); do stat -c "%n %.9Y" "$f"; done >"$TRASH/before" &&
	touch "$W/report/area-2.pdoc" &&
	test_make YEAR=2014 "$W/annual-report-2014.html" 2>/dev/null &&
	for f in $(cat "$TRASH/parts"); do stat -c "%n %.9Y" "$f"; done >"$TRASH/after" &&
	diff "$TRASH/before" "$TRASH/after" >"$TRASH/diff" || :
	grep "^>" "$TRASH/diff" >"$TRASH/changed" &&
	test "$(wc -l <"$TRASH/changed")" -eq 1 && grep -q "/html/area-2.html " "$TRASH/changed" &&
	test "$W/annual-report-2014.html" -nt "$W/report/area-2.pdoc" &&
	cmp "$W/annual-report-2014.html" "$H"
'

# a heading's words changed in area 1: its index changes, the next index
# is made again but stays the same (the notes before it did not move), so
# no later part is made again
test_expect_success 'a heading changed: its part and the head made again, no later part' '
	for f in $(cat "$TRASH/parts"); do stat -c "%n %.9Y" "$f"; done >"$TRASH/before" &&
	/usr/bin/python3 - "$W/report/area-1.pdoc" <<-\PY &&
	import sys
	import xml.etree.ElementTree as ET
	t = ET.parse(sys.argv[1])
	h = next(h for h in t.iter("h") if h.get("toc") == "1" and h.get("id") and h.text)
	h.text = h.text + "（改）"
	t.write(sys.argv[1], encoding="UTF-8", xml_declaration=True)
	PY
	test_make YEAR=2014 "$W/annual-report-2014.html" 2>/dev/null &&
	grep -q "（改）" "$W/annual-report-2014.html" &&
	for f in $(cat "$TRASH/parts"); do stat -c "%n %.9Y" "$f"; done >"$TRASH/after" &&
	diff "$TRASH/before" "$TRASH/after" >"$TRASH/diff" || :
	grep "^>" "$TRASH/diff" | sed "s/ [0-9.]*$//" | sort >"$TRASH/changed" &&
	printf "> %s\n" "$W/html/area-1.html" "$W/html/head.html" | sort >"$TRASH/want" &&
	test_cmp "$TRASH/want" "$TRASH/changed"
'

test_expect_success 'an area with fewer notes: the parts after it renumbered, as made afresh' '
	/usr/bin/python3 - "$W/report/area-2.pdoc" <<-\PY &&
	import sys
	import xml.etree.ElementTree as ET
	t = ET.parse(sys.argv[1])
	for parent in list(t.iter()):
	    for k in [c for c in parent if c.tag == "fn"]:
	        i = list(parent).index(k)
	        if k.tail:
	            if i:
	                parent[i - 1].tail = (parent[i - 1].tail or "") + k.tail
	            else:
	                parent.text = (parent.text or "") + k.tail
	        parent.remove(k)
	t.write(sys.argv[1], encoding="UTF-8", xml_declaration=True)
	PY
	cp "$W/html/area-3.html" "$TRASH/area-3.before" &&
	test_make YEAR=2014 "$W/annual-report-2014.html" 2>/dev/null &&
	! cmp -s "$W/html/area-3.html" "$TRASH/area-3.before" &&
	cp "$W/annual-report-2014.html" "$TRASH/incremental.html" &&
	rm -r "$W/html" && test_make YEAR=2014 "$W/annual-report-2014.html" 2>/dev/null &&
	cmp "$TRASH/incremental.html" "$W/annual-report-2014.html"
'

# a part gone when the edition is joined (make -o: as if another run had
# just removed it): the join fails and leaves no edition, rather than an
# edition without that part
test_expect_success 'a part missing at the join: no edition, and make fails' '
	test_make YEAR=2014 "$W/annual-report-2014.html" 2>/dev/null &&
	rm "$W/annual-report-2014.html" "$W/html/area-2.html" &&
	! test_make -o "$W/html/area-2.html" YEAR=2014 "$W/annual-report-2014.html" 2>"$TRASH/err" &&
	grep -q "area-2.html" "$TRASH/err" &&
	! test -e "$W/annual-report-2014.html" && ! test -e "$W/annual-report-2014.html.tmp"
'

test_expect_success 'every HTML step reads one pdoc' '
	rm -rf "$W/html" "$W/annual-report-2014.html" &&
	test_make -n YEAR=2014 "$W/annual-report-2014.html" >"$TRASH/n" 2>/dev/null &&
	grep "stylesheets/html-[a-z]*\.xsl" "$TRASH/n" >"$TRASH/steps" &&
	test "$(wc -l <"$TRASH/steps")" -eq 13 &&
	while read -r l; do
		test "$(printf "%s\n" "$l" | grep -o "[^ ]*\.pdoc" | wc -l)" -eq 1 || exit 1
	done <"$TRASH/steps"
'

# linear in the number of files: a part's index reads the index before
# it, a part its own; only the head reads every index
test_expect_success 'every HTML step but the head reads at most one index file' '
	grep -v "html-head\.xsl" "$TRASH/steps" >"$TRASH/parts-steps" &&
	test "$(wc -l <"$TRASH/parts-steps")" -eq 12 &&
	while read -r l; do
		test "$(printf "%s\n" "$l" | grep -o "\.idx\.xml[\" ]" | wc -l)" -le 1 || exit 1
	done <"$TRASH/parts-steps"
'

test_done
