#!/bin/sh
# Issue 17, "How it is checked": the reading order of one chapter read out
# from the structure tree (the text of its elements, depth first, from the
# content streams: tests/pdfstruct.py) is the text of its pages as
# pdftotext reads them without running heads and folios, white space
# aside: FY2014's chapter 3 (「世界を率先する」サイバー空間の構築: headings,
# measures, lists, footnotes); a change of order in the tree is caught.
. "$(dirname "$0")/../lib.sh"

export SOURCE_DATE_EPOCH=1700000000
test_inputs 2014
O=$TRASH/output/2014

if ! /usr/bin/python3 -c 'import pikepdf' 2>/dev/null; then
	test_skip 'reading order' 'no python3-pikepdf (pipeline/deps.sh test)'
	test_done
	exit 0
fi

# order.py TESTS PDF [--swap OUT]: compares the chapter's tree text with
# its pages; with --swap, writes OUT with the chapter's first two
# paragraphs of one section swapped in the tree instead.
cat >"$TRASH/order.py" <<\PY
import re, subprocess, sys
sys.path.insert(0, sys.argv[1])
from pdfstruct import Doc

pdf = sys.argv[2]
d = Doc(pdf)


def squash(s):
    return re.sub(r"\s+", "", s)


sect = None
for e, _ in d.elements():
    heads = [k for k in d.kids(e) if hasattr(k, "get") and k.get("/S") == "/H1"]
    if e.S == "/Sect" and heads and "世界を率先する" in d.text(heads[0]):
        sect = e
        break
assert sect is not None, "no chapter 「世界を率先する」"
if len(sys.argv) > 3:
    for e, _ in d.elements(sect):
        ps = [i for i, k in enumerate(d.kids(e)) if hasattr(k, "get") and k.get("/S") == "/P"]
        if e.S == "/Sect" and len(ps) >= 2:
            x, y = e.K[ps[0]], e.K[ps[1]]
            e.K[ps[0]], e.K[ps[1]] = y, x
            d.pdf.save(sys.argv[4])
            sys.exit(0)
    sys.exit("no two paragraphs to swap")
pages = sorted(d.pages(sect))
tree = squash(d.text(sect))
out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(pages[0]), "-l", str(pages[-1]),
                      "-x", "0", "-y", "57", "-W", "595", "-H", "725", pdf, "-"],
                     check=True, capture_output=True, text=True).stdout
# the text block of those pages (no running head, no folio)
page = squash("".join(ln for ln in out.splitlines() if not re.fullmatch(r"\s*- \d+ -\s*", ln)))
assert len(pages) >= 10 and len(tree) > 10000, (pages, len(tree))
if tree != page:
    i = next((i for i in range(min(len(tree), len(page))) if tree[i] != page[i]),
             min(len(tree), len(page)))
    print("pages %d-%d: the structure tree reads 「…%s…」 where the page has 「…%s…」"
          % (pages[0], pages[-1], tree[max(0, i - 20):i + 30], page[max(0, i - 20):i + 30]))
    sys.exit(1)
print("pages %d-%d: %d characters in the same order" % (pages[0], pages[-1], len(tree)))
PY

test_expect_success 'chapter 3: the structure tree reads as the pages do' '
	test_make report YEAR=2014 >/dev/null 2>&1 &&
	/usr/bin/python3 "$TRASH/order.py" "$TOP/tests" "$O/annual-report-2014.pdf" >"$TRASH/out" &&
	grep -q "characters in the same order" "$TRASH/out"
'

test_expect_success 'two paragraphs of the chapter swapped in the tree: caught' '
	/usr/bin/python3 "$TRASH/order.py" "$TOP/tests" "$O/annual-report-2014.pdf" \
		--swap "$TRASH/swapped.pdf" &&
	! /usr/bin/python3 "$TRASH/order.py" "$TOP/tests" "$TRASH/swapped.pdf" >"$TRASH/out2" &&
	grep -q "the structure tree reads" "$TRASH/out2"
'

test_done
