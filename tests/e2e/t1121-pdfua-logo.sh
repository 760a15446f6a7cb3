#!/bin/sh
# Issue 17 (gaps): a year whose report.xml carries a <logo> (PNG or SVG)
# still meets PDF/UA-1: the logo on the cover and on the title slide is a
# Figure with /Alt (the body's name and 「のロゴ」), not untagged content.
. "$(dirname "$0")/../lib.sh"

export SOURCE_DATE_EPOCH=1700000000
test_inputs 2014
I=$TRASH/input
R=$I/2014/report.xml
O=$TRASH/output/2014
CHECK="/usr/bin/python3 $TOP/tests/pdfua.py"

if ! /usr/bin/python3 -c 'import pikepdf' 2>/dev/null; then
	test_skip 'PDF/UA checks' 'no python3-pikepdf (pipeline/deps.sh test)'
	test_done
	exit 0
fi

edit() { sed "$1" "$R" >"$TRASH/r.xml" && mv "$TRASH/r.xml" "$R"; }
# The /Alt of every Figure of a PDF, one a line.
alts() {
	/usr/bin/python3 - "$1" <<-\EOF
	import sys, pikepdf
	def walk(e):
	    if isinstance(e, pikepdf.Dictionary) and e.get("/S") == "/Figure":
	        print(str(e.get("/Alt", "")))
	    k = e.get("/K") if isinstance(e, pikepdf.Dictionary) else None
	    for c in (k if isinstance(k, pikepdf.Array) else [k] if k is not None else []):
	        if isinstance(c, pikepdf.Dictionary):
	            walk(c)
	p = pikepdf.open(sys.argv[1])
	walk(p.Root.StructTreeRoot)
	# the picture on the first page: drawn inside the Figure's content
	st = []
	for ops, op in pikepdf.parse_content_stream(p.pages[0]):
	    op = str(op)
	    if op in ("BDC", "BMC"):
	        st.append(str(ops[0]))
	    elif op == "EMC":
	        st.pop()
	    elif op == "Do" or (op in ("f", "f*") and st and st[-1] == "/Figure"):
	        print("painted in", st[-1] if st else "nothing")
	EOF
}

for kind in png svg; do
	case $kind in
	png) file=logo-3x1.png ;;
	svg) file=logo-4x1.svg ;;
	esac
	test_expect_success "a $kind logo: both PDFs pass the PDF/UA checks" '
		cp "$TOP/tests/report/'$file'" "$I/2014/logo.'$kind'" &&
		edit "s|<logo [^>]*/>||;s|<date>[^<]*</date>|&<logo src=\"logo.'$kind'\"/>|" &&
		test_make report YEAR=2014 >/dev/null 2>&1 &&
		$CHECK "$O/annual-report-2014.pdf" "$O/summary-slides-2014.pdf"
	'
	test_expect_success "a $kind logo: a Figure with its Alt on the cover and the title slide" '
		alts "$O/annual-report-2014.pdf" >"$TRASH/r.alt" &&
		alts "$O/summary-slides-2014.pdf" >"$TRASH/s.alt" &&
		test "$(head -n 1 "$TRASH/r.alt")" = "サイバーセキュリティ戦略本部のロゴ" &&
		test "$(head -n 1 "$TRASH/s.alt")" = "サイバーセキュリティ戦略本部のロゴ" &&
		test "$(grep -c "のロゴ$" "$TRASH/r.alt")" -eq 1 &&
		test "$(grep -c "のロゴ$" "$TRASH/s.alt")" -eq 1 &&
		grep -q "^painted in /Figure$" "$TRASH/r.alt" &&
		grep -q "^painted in /Figure$" "$TRASH/s.alt" &&
		! grep "^painted in" "$TRASH/r.alt" "$TRASH/s.alt" | grep -v "/Figure$"
	'
done

test_done
