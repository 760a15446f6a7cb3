#!/bin/sh
# Issue 12: every CSV the pipeline writes neutralises a cell beginning with
# =, +, -, @, tab or CR (OWASP CSV injection: a single quote in front)
# unless the cell is a number.  Hostile text from a file name (src), the
# plan (measure title) and the registry (ministry name) reaches the status
# CSV through join and status.xsl (stylesheets/common.xsl csv-field).
. "$(dirname "$0")/../lib.sh"

X=$BD/bin/xform
F=$TOP/tests/fixtures/year
S=$TOP/stylesheets
H=$TRASH/hostile
mkdir -p "$H"

# The fixture year with hostile text in each input, through the whole
# pipeline (make report): a measure title of the plan, a ministry name of
# the registry, and the name of the CSV file that the status CSV cites.
I=$TRASH/input
mkdir -p "$I/2014/submissions"
sed 's|title="政府機関統一基準群の見直し"|title="=HYPERLINK(\&quot;http://x.example/\&quot;,\&quot;見直し\&quot;)"|' \
	"$F/plan.xml" >"$I/2014/plan.xml"
sed 's|name="内閣官房"|name="@SUM(1+1)*cmd"|' "$F/ministries.xml" >"$I/ministries.xml"
cp "$F/matrix.xml" "$I/2014/matrix.xml"
cp "$F/report.xml" "$I/2014/report.xml"
printf '施策番号,府省庁,実績\n1-1-1-イ,cas,見直しを進めた。\n' \
	>"$I/2014/submissions/-2+3+cmd|' -C calc'!A0.csv"

status() {
	test_make draft YEAR=2014 >/dev/null 2>&1 &&
	cp "$TRASH/output/2014/status-2014-draft.csv" "$TRASH/status.csv"
}

# check CSV [CELL...]: no cell of CSV begins with = + - @ tab or CR unless
# it is a number; each CELL is one of its cells.
check() {
	/usr/bin/python3 - "$@" <<'PY'
import csv, re, sys
cells = [c for row in csv.reader(open(sys.argv[1], encoding="utf-8", newline="")) for c in row]
bad = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")
       and not re.fullmatch(r"[+-]?[0-9]+(\.[0-9]+)?", c)]
missing = [w for w in sys.argv[2:] if w not in cells]
for c in bad: print("formula cell:", repr(c))
for w in missing: print("missing cell:", repr(w))
sys.exit(1 if bad or missing else 0)
PY
}

test_expect_success 'the hostile inputs reach the status CSV' '
	status && grep -F "HYPERLINK" "$TRASH/status.csv" && grep -F "@SUM(1+1)" "$TRASH/status.csv" &&
	grep -F "+cmd|" "$TRASH/status.csv"
'

test_expect_success 'status CSV: no formula cell; each kept whole behind a single quote' '
	check "$TRASH/status.csv" \
		"'"'"'=HYPERLINK(\"http://x.example/\",\"見直し\")" "'"'"'@SUM(1+1)*cmd" \
		"'"'"'-2+3+cmd|'"'"' -C calc'"'"'!A0.csv:2"
'

test_expect_success 'csv-field: numbers stay numbers; a tab or CR in front is neutralised' '
	cat >"$TRASH/t.xsl" <<-XSL &&
	<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
	  <xsl:include href="$S/common.xsl"/>
	  <xsl:output method="text" encoding="UTF-8"/>
	  <xsl:template match="/">
	    <xsl:for-each select="//c">
	      <xsl:call-template name="csv-field"><xsl:with-param name="text" select="string(.)"/></xsl:call-template>
	      <xsl:text>&#13;&#10;</xsl:text>
	    </xsl:for-each>
	  </xsl:template>
	</xsl:stylesheet>
	XSL
	printf "<r><c>-3</c><c>+5</c><c>-1.25</c><c>12</c><c>-</c><c>=1+2</c><c>@x</c><c>&#9;=1</c><c>&#13;=1</c><c>-1-1</c><c>1-1-1-ア</c><c>+</c><c>- 3</c></r>" >"$TRASH/t.xml" &&
	"$X" -o "$TRASH/t.csv" "$TRASH/t.xsl" "$TRASH/t.xml" &&
	check "$TRASH/t.csv" -3 +5 -1.25 12 "'"'"'-" "'"'"'=1+2" "'"'"'@x" "'"'"'	=1" \
		"$(printf "'"'"'\r=1")" "'"'"'-1-1" 1-1-1-ア "'"'"'+" "'"'"'- 3"
'

test_done
