#!/bin/sh
# render A.pdoc B.pdoc …: several page descriptions laid out as one
# document (issue 13).  The fixture report is cut into three files — the
# cover; the 目次 and chapter 1; the annex — and must give the very bytes
# of one file holding the same flows: page numbers run on, the 目次 (in
# the middle file) lists the headings of the file after it, links go
# forward and back across files, one outline.
. "$(dirname "$0")/../lib.sh"

R=${RENDER:-$BD/bin/render}
F=$TOP/fonts/fonts.conf
FX=$TOP/tests/render/report.pdoc
export SOURCE_DATE_EPOCH=1700000000

# Pieces of the fixture (its line numbers: the head, the cover flow, the
# TOC and chapter 1, the annex), and a link back from the annex.
head_() { sed -n 1,13p "$FX"; }
cover() { sed -n 15,21p "$FX"; }
ch1() { echo '  <flow template="body" number-from="1">'; sed -n 24,54p "$FX"; echo '  </flow>'; }
annex() {
	echo '  <flow template="body">'
	sed -n 55,56p "$FX"
	echo '    <p>戻る：<a href="#area-1">第1章</a>、<a href="#field-1-2">②</a></p>'
	sed -n 57,261p "$FX"
	echo '  </flow>'
}

test_expect_success 'setup: one file and the same cut into three' '
	{ head_; cover; ch1; annex; echo "</document>"; } >"$TRASH/one.pdoc" &&
	{ head_; cover; echo "</document>"; } >"$TRASH/a.pdoc" &&
	{ head_; ch1; echo "</document>"; } >"$TRASH/b.pdoc" &&
	{ head_; annex; echo "</document>"; } >"$TRASH/c.pdoc" &&
	"$R" --fonts "$F" -o "$TRASH/one.pdf" "$TRASH/one.pdoc" 2>"$TRASH/one.err" &&
	! grep -q ": warning:" "$TRASH/one.err"
'

test_expect_success 'three files give the bytes of one, without a warning' '
	"$R" --fonts "$F" -o "$TRASH/three.pdf" "$TRASH/a.pdoc" "$TRASH/b.pdoc" \
	    "$TRASH/c.pdoc" 2>"$TRASH/three.err" &&
	! grep -q ": warning:" "$TRASH/three.err" &&
	tail -n 1 "$TRASH/three.err" | grep -q "^render: .*a.pdoc … .*c.pdoc, [0-9]* pages, 0 errors" &&
	cmp "$TRASH/one.pdf" "$TRASH/three.pdf"
'

test_expect_success 'the 目次 lists the annex with the page it prints' '
	toc=$(pdftotext -layout -q -f 2 -l 2 "$TRASH/three.pdf" - | tr -d " \n\f") &&
	n=$(printf "%s" "$toc" | sed -n "s/.*提出状況一覧-\([0-9]*\)-.*/\1/p") &&
	test -n "$n" &&
	pages=$(pdfinfo "$TRASH/three.pdf" | sed -n "s/^Pages: *//p") &&
	found= &&
	for p in $(seq 3 "$pages"); do
		t=$(pdftotext -layout -q -f "$p" -l "$p" "$TRASH/three.pdf" - | tr -d " \n\f")
		case "$t" in *別添*提出状況一覧*戻る*) found=$p; break ;; esac
	done &&
	test -n "$found" &&
	pdftotext -layout -q -f "$found" -l "$found" "$TRASH/three.pdf" - | tr -d " \n\f" |
		grep -q -- "-$n-$"
'

test_expect_success 'links across files both ways, one outline' '
	qpdf --json=2 "$TRASH/three.pdf" >"$TRASH/json" &&
	grep -qF "\"title\": \"第1章　「強靱な」サイバー空間の構築\"" "$TRASH/json" &&
	grep -qF "\"title\": \"別添　提出状況一覧\"" "$TRASH/json" &&
	test "$(grep -c "\"/Subtype\": \"/Link\"" "$TRASH/json")" -ge 7
'

test_expect_success 'an error in a later file: exit 1, named, no PDF' '
	sed "s/<p>戻る/<nosuch\/><p>戻る/" "$TRASH/c.pdoc" >"$TRASH/bad.pdoc" &&
	st=0 &&
	"$R" --fonts "$F" -o "$TRASH/bad.pdf" "$TRASH/a.pdoc" "$TRASH/bad.pdoc" \
	    2>"$TRASH/bad.err" || st=$? &&
	test "$st" -eq 1 &&
	grep -q "bad.pdoc:[0-9]*: error: unknown element <nosuch>" "$TRASH/bad.err" &&
	test ! -e "$TRASH/bad.pdf" && test ! -e "$TRASH/bad.pdf.tmp"
'

test_expect_success 'a link to a name in no file is a warning naming its file' '
	sed "s/#area-1/#area-9/" "$TRASH/c.pdoc" >"$TRASH/c9.pdoc" &&
	"$R" --fonts "$F" -o "$TRASH/c9.pdf" "$TRASH/b.pdoc" "$TRASH/c9.pdoc" \
	    2>"$TRASH/c9.err" &&
	grep -q "c9.pdoc: warning: link to .#area-9.: no such anchor" "$TRASH/c9.err" &&
	test "$(grep -c ": warning:" "$TRASH/c9.err")" -eq 1
'

test_done
