#!/bin/sh
# The stylesheets (join, status, report, slides) on tests/fixtures/year,
# and the xform sandbox (issue 6: XSLT may not write files or use the network).
. "$(dirname "$0")/../lib.sh"

X=${XFORM:-$BD/bin/xform}
F=$TOP/tests/fixtures/year
S=$TOP/stylesheets
M=$TRASH/model.xml
A=$M.areas

# model_of OUT DIR YEAR PLAN MATRIX REGISTRY: the year's model from
# ingest's DIR (year.xml, area-ID.xml) as pipeline/year.mk makes it: join
# and sum per area (OUT.d/model/ID.xml), then year.xsl (OUT, year.xml);
# OUT.areas holds the areas' models in one <areas> for the XPath checks.
model_of() {
	w=$1.d && rm -rf "$w" && mkdir -p "$w/model" "$w/sum" &&
	for a in "$2"/area-*.xml; do
		id=${a##*/area-} && id=${id%.xml} &&
		"$X" --param year "$3" --param registry "$6" --param draft 0 \
			-o "$w/model/$id.xml" "$S/join.xsl" "$a" 2>>"$w/err" &&
		"$X" -o "$w/sum/$id.xml" "$S/sum.xsl" "$w/model/$id.xml" 2>>"$w/err" || return 1
	done &&
	"$X" --param year "$3" --param registry "$6" \
		--param draft 0 --param dir "$w" -o "$1" "$S/year.xsl" "$2/year.xml" &&
	{ echo "<areas>" && for f in $(areas_of "$1"); do sed 1d "$w/model/$f.xml"; done &&
	  echo "</areas>"; } >"$1.areas"
}
areas_of() {	# areas_of YEAR.XML: the area ids in plan order
	xmllint --xpath "/model/digest/area/@id" "$1" | sed "s/ id=\"\([^\"]*\)\"/\1\n/g"
}
# compose OUT KIND DRAFT MODEL: KIND (report|slides) front, areas and back
# as pipeline/year.mk writes them (OUT.front.pdoc …; OUT.files lists them in
# render order) and, for the XPath checks, all of them in one <pdocs> (OUT).
# The front and back matter read the year's report.xml (issue 14): FY2014's;
# the report's back reads the areas' rows with 備考 in MODEL.d/sum (dir).
RX="--param report $TOP/input/2014/report.xml --param plan $F/plan.xml"
compose() {
	"$X" --param draft "$3" $RX -o "$1.front.pdoc" "$S/$2-front.xsl" "$4" &&
	echo "$1.front.pdoc" >"$1.files" &&
	for a in $(areas_of "$4"); do
		"$X" --param draft "$3" -o "$1.area-$a.pdoc" "$S/$2.xsl" "$4.d/model/$a.xml" &&
		echo "$1.area-$a.pdoc" >>"$1.files" || return 1
	done &&
	"$X" --param draft "$3" $RX --param dir "$4.d" -o "$1.back.pdoc" "$S/$2-back.xsl" "$4" &&
	echo "$1.back.pdoc" >>"$1.files" &&
	{ echo "<pdocs>" && for f in $(cat "$1.files"); do sed 1d "$f"; done && echo "</pdocs>"; } >"$1"
}
status_of() {	# status_of OUT MODEL: the status CSV as pipeline/year.mk makes it
	{ printf "\357\273\277施策番号,施策名,府省庁,府省庁コード,状況,ファイル:行\r\n" &&
	  for a in $(areas_of "$2"); do "$X" -o "$1.$a" "$S/status.xsl" "$2.d/model/$a.xml" &&
		cat "$1.$a" || return 1; done; } >"$1"
}
join_year() {	# join_year OUT [SUBMISSIONS] [PLAN]: the fixture, split as ingest would
	rm -rf "$1.in" && mkdir -p "$1.in" &&
	/usr/bin/python3 "$TOP/tests/e2e/split_year.py" "${2:-$F/submissions.xml}" "${3:-$F/plan.xml}" \
		"$F/matrix.xml" "$1.in" &&
	model_of "$1" "$1.in" 2014 "$(cd "$(dirname "${3:-$F/plan.xml}")" && pwd)/$(basename "${3:-$F/plan.xml}")" \
		"$F/matrix.xml" "$F/ministries.xml"
}
xp() {	# xp FILE XPATH: the string value, for exact comparisons
	xmllint --xpath "$2" "$1"
}

test_expect_success 'xform exists' '
	test -x "$X"
'

test_expect_success 'join writes the model and a progress line' '
	join_year "$M" 2>"$TRASH/join.err" &&
	test "$(tail -n 1 "$TRASH/join.err" | cut -d, -f1)" = "xform: year.xsl -> $M" &&
	test ! -e "$M.tmp" &&
	test "$(xp "$M" "concat(/model/@measures,\" \",/model/@expected,\" \",/model/@received,\" \",/model/@missing)")" = "6 19 7 12"
'

test_expect_success '重要インフラ所管省庁 expands to its five members plus 内閣官房' '
	test "$(xp "$A" "//measure[@id=\"1-2-ア\"]/status/ministry[@expected=\"1\"]/@code" | tr -d " \n")" = \
		"code=\"cas\"code=\"fsa\"code=\"mic\"code=\"mhlw\"code=\"meti\"code=\"mlit\"" &&
	test "$(xp "$A" "string(//measure[@id=\"1-2-ア\"]/@missing)")" = 4
'

test_expect_success '関係府省庁 expects nobody; a reporter is listed as not expected' '
	test "$(xp "$A" "count(//measure[@id=\"1-1-1-ア\"]/status/ministry[@expected=\"1\"])")" = 1 &&
	test "$(xp "$A" "string(//measure[@id=\"1-1-1-ア\"]/status/ministry[@code=\"npa\"]/@expected)")" = 0 &&
	test "$(xp "$A" "string(//measure[@id=\"1-1-1-ア\"]/status/ministry[@code=\"npa\"]/@status)")" = submitted
'

test_expect_success '全府省庁 expects every ministry of the registry' '
	test "$(xp "$A" "count(//measure[@id=\"1-1-1-イ\"]/status/ministry[@expected=\"1\"])")" = 8 &&
	test "$(xp "$A" "string(//measure[@id=\"1-1-1-イ\"]/status/ministry[@code=\"mod\"]/@status)")" = missing
'

test_expect_success 'rows keep src and get the ministry name; summary rows sit on their area' '
	test "$(xp "$A" "string(//measure[@id=\"1-1-2-ア\"]/progress/@src)")" = cas-progress.csv:5 &&
	test "$(xp "$A" "string(//measure[@id=\"1-1-1-イ\"]/progress[@ministry=\"mic\"]/@name)")" = 総務省 &&
	test "$(xp "$A" "string(//model/area[@id=\"1\"]/summary/progress/@src)")" = cas-progress.csv:2
'

test_expect_success 'indicator series are ordered by year; field-level entries attach to the field' '
	test "$(xp "$A" "//indicator[@id=\"incident-reports\"]/series/value/@year" | tr -d " \n")" = \
		"year=\"2012\"year=\"2013\"year=\"2014\"" &&
	test "$(xp "$A" "string(//field[@id=\"1-2\"]/entry/indicator/series/value/@value)")" = 2000 &&
	test "$(xp "$A" "string(//field[@id=\"1-2\"]/text/@title)")" = 重要インフラ事業者等における対策の評価
'

test_expect_success 'footnotes are inlined; relists know their target; counts per ministry and area' '
	test "$(xp "$A" "string(//measure[@id=\"1-1-1-ア\"]/item/fnref/@n)")" = 1 &&
	test "$(xp "$A" "string(//relist[@at=\"1-2-イ\"]/@ref-label)")" = ア &&
	test "$(xp "$M" "concat(/model/counts/ministry[@code=\"mic\"]/@expected,\"/\",/model/counts/ministry[@code=\"mic\"]/@received)")" = 3/2 &&
	test "$(xp "$M" "string(/model/counts/ministry[@code=\"mic\"]/area[@ref=\"2\"]/@missing)")" = 1 &&
	test "$(xp "$M" "count(/model/diags/diag)")" = 2
'

test_expect_success 'status CSV: header, one row per expected pair, missing rows, CRLF' '
	status_of "$TRASH/status.csv" "$M" &&
	tr -d "\r" <"$TRASH/status.csv" >"$TRASH/status.lf" &&
	test "$(head -n 1 "$TRASH/status.lf")" = "﻿施策番号,施策名,府省庁,府省庁コード,状況,ファイル:行" &&
	test "$(wc -l <"$TRASH/status.lf")" -eq 20 &&
	grep -qx "2-1-ア,情報セキュリティ技術の研究開発の推進,総務省,mic,未提出," "$TRASH/status.lf" &&
	grep -qx "1-2-ア,安全基準等の整備及び浸透,総務省,mic,評価なし,mic-progress.csv:3" "$TRASH/status.lf" &&
	test "$(grep -c ",未提出,$" "$TRASH/status.lf")" -eq 12 &&
	test "$(grep -c "$(printf "\r")\$" "$TRASH/status.csv")" -eq 20
'

test_expect_success 'status CSV quotes a title with a comma and a quote (RFC 4180)' '
	sed "s/title=\"NISCの機能強化\"/title=\"NISC, the \&quot;center\&quot;\"/" "$F/plan.xml" >"$TRASH/plan-q.xml" &&
	join_year "$TRASH/model-q.xml" "$F/submissions.xml" "$TRASH/plan-q.xml" &&
	status_of "$TRASH/status-q.csv" "$TRASH/model-q.xml" &&
	grep -q "^4-ア,\"NISC, the \"\"center\"\"\",内閣官房,cas,評価なし,cas-progress.csv:7" "$TRASH/status-q.csv"
'

test_expect_success 'report: cover, era year, headings with ids, 未提出, relist link, footnote' '
	compose "$TRASH/report.pdoc" report 0 "$M" &&
	R=$TRASH/report.pdoc &&
	test "$(xp "$R" "string(//document/flow[@template=\"cover\"]/p[1])")" = "サイバーセキュリティ政策に係る年次報告（2014年度）" &&
	test "$(xp "$R" "string(//document/flow[@template=\"cover\"]/p[2])")" = "（平成26年度）" &&
	test "$(xp "$R" "string(//document/flow[@template=\"cover\"]/p[3])")" = "平成27年6月25日" &&
	test "$(xp "$R" "string(//h[@id=\"1-2-ア\"])")" = "(ア)　安全基準等の整備及び浸透（内閣官房及び重要インフラ所管省庁）" &&
	test "$(xp "$R" "string(//h[@id=\"2-1-ア\"]/following-sibling::p[@style=\"missing\"][1])")" = "未提出（総務省、経済産業省）" &&
	test "$(xp "$R" "count(//a[@href=\"#1-1-2-ア\"])")" = 1 &&
	test "$(xp "$R" "count(//h[@id=\"1-1-2-ア\"])")" = 1 &&
	test "$(xp "$R" "string(//fn[@n=\"1\"])")" = "Chief Information Security Officer の略。" &&
	test "$(xp "$R" "count(//h[@level=\"1\"][@running=\"1\"][@id=\"4\"])")" = 1 &&
	test "$(xp "$R" "string(//h[@id=\"1-1-1-ア\"]/following-sibling::p[@style=\"body\"][1])")" = "CISO連絡会議を開催し、対策推進計画の策定を支援した。（内閣官房）"
'

test_expect_success 'report: indicator table and chart, annexes, no draft annex without draft' '
	R=$TRASH/report.pdoc &&
	test "$(xp "$R" "count(//chart[@title=\"インシデント報告関連件数\"]/series/pt)")" = 3 &&
	test "$(xp "$R" "count(//chart[@title=\"分野横断的演習の参加者数\"])")" = 0 &&
	test "$(xp "$R" "count(//table[@alt=\"分野横断的演習の参加者数\"]/tr)")" = 2 &&
	test "$(xp "$R" "count(//h[@id=\"annex-resp\"] | //h[@id=\"annex-status\"] | //h[@id=\"annex-notes\"])")" = 3 &&
	test "$(xp "$R" "count(//document[@draft = 0])")" = "$(wc -l <"$R.files")" &&
	test "$(xp "$R" "count(//h[@id=\"annex-diags\"])")" = 0 &&
	! grep -q "1-1-9-ア" "$R"
'

test_expect_success 'report with draft=1: the validation annex quotes file, line and row' '
	compose "$TRASH/report-d.pdoc" report 1 "$M" &&
	R=$TRASH/report-d.pdoc &&
	test "$(xp "$R" "count(//document[@draft = 1])")" = "$(wc -l <"$R.files")" &&
	test "$(xp "$R" "count(//h[@id=\"annex-diags\"])")" = 1 &&
	test "$(xp "$R" "string(//h[@id=\"annex-diags\"]/following-sibling::table[1]/tr[2]/td[1])")" = mic-progress.csv:4 &&
	grep -q "「1-1-9-ア | 総務省 | 研究会を開催した。」" "$R"
'

test_expect_success 'slides: 16:9 template, one slide per area with three frames, credits, status grid' '
	compose "$TRASH/slides.pdoc" slides 0 "$M" &&
	P=$TRASH/slides.pdoc &&
	test "$(xp "$P" "concat(//template[@name=\"slide\"]/@width,\"x\",//template[@name=\"slide\"]/@height)")" = 960ptx540pt &&
	test "$(xp "$P" "count(//slide[textbox=\"主な昨年度の取組実績、評価及び今年度の取組\"])")" = 3 &&
	test "$(xp "$P" "count(//slide[@outline=\"1 「強靱な」サイバー空間の構築\"]/frame[@min-scale=\"0.8\"])")" = 3 &&
	test "$(xp "$P" "string(//slide[@outline=\"1 「強靱な」サイバー空間の構築\"]/frame[@title=\"昨年度の実績\"]/list/li[1])")" = 政府機関の情報セキュリティ対策を総合的に推進した。 &&
	test "$(xp "$P" "count(//slide[@outline=\"1 「強靱な」サイバー空間の構築\"]/frame[@title=\"昨年度の実績\"]/list/li)")" = 2 &&
	test "$(xp "$P" "string(//slide[@outline=\"4 推進体制等\"]/frame[@title=\"昨年度の実績\"]/list/li[1])")" = "NISCの人員を増強した。（内閣官房）" &&
	test "$(xp "$P" "string(//slide[@outline=\"提出状況\"]/table/tr[td=\"総務省\"]/td[5])")" = 2／3 &&
	test "$(xp "$P" "string(//slide[@outline=\"提出状況\"]/table/tr[td=\"総務省\"]/td[5]/@fill)")" = "#f4cccc" &&
	test "$(xp "$P" "count(//slide[@outline=\"主な評価指標\"]/chart)")" = 1
'

test_expect_success 'slides: nothing but rectangles within 5 mm of an edge' '
	P=$TRASH/slides.pdoc &&
	xmllint --xpath "//slide/*[not(self::rect)]" "$P" | tr " " "\n" |
		sed -n "s/^\([xy]\)=\"\([0-9.]*\)mm\"/\1 \2/p" >"$TRASH/pos" &&
	test -s "$TRASH/pos" &&
	! awk "\$2 < 5 { print; bad = 1 } END { exit !bad }" "$TRASH/pos"
'

if [ -f "$S/pdoc.rng" ]; then
	test_expect_success 'report and slides pdoc validate against pdoc.rng (draft and not)' '
		xmllint --noout --relaxng "$S/pdoc.rng" $(cat "$TRASH/report.pdoc.files" \
			"$TRASH/report-d.pdoc.files" "$TRASH/slides.pdoc.files")
	'
fi

# Issue 5 through the whole chain: ten times the text per area gives
# （続き） slides, every bullet still printed, no word near the slide edge
# (issue 15: area 1 has a summary row, so its 重点 rows are not shown).
RENDER=${RENDER:-$BD/bin/render}
if [ -x "$RENDER" ] && [ -f "$TOP/fonts/fonts.conf" ]; then
	cat >"$TRASH/ten.xsl" <<'EOF'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
 <xsl:template match="@*|node()"><xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy></xsl:template>
 <xsl:template match="progress[@highlight = '1' or @level != 'measure']/*/p">
  <xsl:variable name="p" select="."/>
  <xsl:for-each select="(//node())[position() &lt;= 10]">
   <p><xsl:value-of select="concat('第', position(), '項：', $p)"/></p>
  </xsl:for-each>
 </xsl:template>
</xsl:stylesheet>
EOF
	test_expect_success 'slides with ten times the text continue on （続き） slides, all text kept' '
		"$X" -o "$TRASH/ten-subs.xml" "$TRASH/ten.xsl" "$F/submissions.xml" &&
		join_year "$TRASH/ten-model.xml" "$TRASH/ten-subs.xml" &&
		compose "$TRASH/ten.pdoc" slides 0 "$TRASH/ten-model.xml" &&
		"$RENDER" --fonts "$TOP/fonts/fonts.conf" -o "$TRASH/ten.pdf" $(cat "$TRASH/ten.pdoc.files") &&
		pdftotext -q "$TRASH/ten.pdf" - | tr -d " \n\f" >"$TRASH/ten.txt" &&
		grep -qF "「強靱な」サイバー空間の構築（続き）" "$TRASH/ten.txt" &&
		for i in 1 5 10; do
			grep -qF "第${i}項：政府機関の情報セキュリティ対策を総合的に推進した。" "$TRASH/ten.txt" &&
			! grep -qF "第${i}項：CISO連絡会議を開催し" "$TRASH/ten.txt" ||
			{ echo "bullet $i missing"; exit 1; }
		done &&
		pdftotext -q -bbox "$TRASH/ten.pdf" "$TRASH/ten.html" &&
		awk -F"\"" "/<word/ { if (\$2 < 14.17 || \$4 < 14.17 || \$6 > 945.83 || \$8 > 525.83) { print; bad = 1 } }
			END { exit bad }" "$TRASH/ten.html"
	'
fi

# --- the sandbox ---------------------------------------------------------

cat >"$TRASH/write.xsl" <<EOF
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
 <xsl:template match="/"><exsl:document href="$TRASH/pwned.txt" method="text">x</exsl:document><out/></xsl:template>
</xsl:stylesheet>
EOF
cat >"$TRASH/write11.xsl" <<EOF
<xsl:stylesheet version="1.1" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
 <xsl:template match="/"><xsl:document href="$TRASH/pwned11.txt" method="text">x</xsl:document><out/></xsl:template>
</xsl:stylesheet>
EOF
cat >"$TRASH/net.xsl" <<'EOF'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
 <xsl:template match="/"><out><xsl:copy-of select="document('http://127.0.0.1:9/x.xml')"/></out></xsl:template>
</xsl:stylesheet>
EOF
cat >"$TRASH/stop.xsl" <<'EOF'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
 <xsl:template match="/"><xsl:message terminate="yes">in.xml:1: error: stop here</xsl:message><out/></xsl:template>
</xsl:stylesheet>
EOF
printf '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<r>&x;</r>\n' >"$TRASH/xxe.xml"
echo '<r/>' >"$TRASH/in.xml"

test_expect_success 'xform refuses a stylesheet that writes a file (exsl:document)' '
	echo old >"$TRASH/out.xml" &&
	test_must_fail_1() { "$@"; test $? -eq 1; } &&
	test_must_fail_1 "$X" -o "$TRASH/out.xml" "$TRASH/write.xsl" "$TRASH/in.xml" 2>"$TRASH/err" &&
	test ! -e "$TRASH/pwned.txt" &&
	test "$(cat "$TRASH/out.xml")" = old &&
	test ! -e "$TRASH/out.xml.tmp" &&
	grep -q "write.xsl:3: error: .*refused" "$TRASH/err"
'

test_expect_success 'xform refuses xsl:document (XSLT 1.1)' '
	{ "$X" -o "$TRASH/out11.xml" "$TRASH/write11.xsl" "$TRASH/in.xml"; test $? -eq 1; } &&
	test ! -e "$TRASH/pwned11.txt" && test ! -e "$TRASH/out11.xml"
'

test_expect_success 'xform refuses a stylesheet that reads an http:// URL' '
	{ "$X" -o "$TRASH/outn.xml" "$TRASH/net.xsl" "$TRASH/in.xml" 2>"$TRASH/err"; test $? -eq 1; } &&
	test ! -e "$TRASH/outn.xml" &&
	grep -q "http://127.0.0.1:9/x.xml" "$TRASH/err"
'

test_expect_success 'xsl:message terminate="yes" is an error, nothing written' '
	{ "$X" -o "$TRASH/outs.xml" "$TRASH/stop.xsl" "$TRASH/in.xml" 2>"$TRASH/err"; test $? -eq 1; } &&
	test ! -e "$TRASH/outs.xml" &&
	grep -q "^in.xml:1: error: stop here$" "$TRASH/err"
'

test_expect_success 'an input with entity declarations (XXE) is refused' '
	{ "$X" -o "$TRASH/outx.xml" "$S/status.xsl" "$TRASH/xxe.xml" 2>"$TRASH/err"; test $? -eq 1; } &&
	test ! -e "$TRASH/outx.xml" &&
	! grep -q "root:" "$TRASH/err"
'

test_expect_success 'a registry read through document() with an XXE entity is refused' '
	{ printf "<?xml version=\"1.0\"?>\n<!DOCTYPE registry [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
	  sed 1d "$F/ministries.xml" | sed "0,/name=\"/s/name=\"/name=\"\&x;/"; } >"$TRASH/xxereg.xml" &&
	{ "$X" --param year 2014 --param registry "$TRASH/xxereg.xml" \
		-o "$TRASH/outxx.xml" "$S/join.xsl" "$M.in/area-1.xml" 2>"$TRASH/err"; test $? -eq 1; } &&
	test ! -e "$TRASH/outxx.xml" &&
	grep -q "xxereg.xml:1: error: entity declarations are not allowed" "$TRASH/err" &&
	! grep -q "root:" "$TRASH/err"
'

test_expect_success 'join without its parameters stops with a message' '
	{ "$X" -o "$TRASH/outp.xml" "$S/join.xsl" "$M.in/area-1.xml" 2>"$TRASH/err"; test $? -eq 1; } &&
	grep -q "the parameter registry is required" "$TRASH/err" &&
	{ "$X" -o "$TRASH/outp.xml" "$S/year.xsl" "$M.in/year.xml" 2>"$TRASH/err"; test $? -eq 1; } &&
	grep -q "parameters registry and dir are required" "$TRASH/err"
'

test_expect_success 'usage errors exit 2; --help exits 0' '
	{ "$X" -o "$TRASH/u.xml" "$S/status.xsl"; test $? -eq 2; } &&
	{ "$X" --bogus -o u "$S/status.xsl" "$M"; test $? -eq 2; } &&
	"$X" --help | grep -q "^usage: xform"
'

test_expect_success 'an unwritable output directory is a system error (3)' '
	st=0 &&
	"$X" -o "$TRASH/no/such/dir/out.csv" "$S/status.xsl" "$M.d/model/1.xml" || st=$? &&
	test $st -eq 3
'

# On the real inputs, when ingest is built: nothing a ministry sent is lost
# between submissions.xml and the model (issue 6, accounting invariant).
I=${INGEST:-$BD/bin/ingest}
for Y in 2013 2014; do
	[ -x "$I" ] && [ -f "$TOP/input/$Y/plan.xml" ] && [ -f "$TOP/input/$Y/matrix.xml" ] || continue
	test_expect_success "FY$Y: every progress and indicator row lands in the model" '
		"$I" --year $Y --registry "$TOP/input/ministries.xml" --plan "$TOP/input/$Y/plan.xml" \
			--matrix "$TOP/input/$Y/matrix.xml" --draft -o "$TRASH/s$Y.xml" \
			"$TOP"/input/$Y/submissions/*.csv 2>/dev/null &&
		model_of "$TRASH/m$Y.xml" "$TRASH/s$Y" $Y "$TOP/input/$Y/plan.xml" \
			"$TOP/input/$Y/matrix.xml" "$TOP/input/ministries.xml" &&
		test "$(($(xp "$TRASH/m$Y.xml.areas" "count(//measure/progress | //summary/progress)") + $(xp "$TRASH/m$Y.xml" "count(/model/orphans/progress)")))" = \
			"$(xp "$TRASH/s$Y.xml" "count(/submissions/progress | /submissions/area/progress)")" &&
		test "$(($(xp "$TRASH/m$Y.xml.areas" "count(//series/value)") + $(xp "$TRASH/m$Y.xml" "count(/model/orphans/indicator)")))" = \
			"$(xp "$TRASH/s$Y.xml" "count(/submissions/indicator | /submissions/area/indicator)")" &&
		test "$(xp "$TRASH/m$Y.xml" "count(/model/diags/diag)")" = \
			"$(xp "$TRASH/s$Y.xml" "count(/submissions/diag)")" &&
		status_of "$TRASH/st$Y.csv" "$TRASH/m$Y.xml" &&
		test $(($(wc -l <"$TRASH/st$Y.csv") - 1)) -eq "$(xp "$TRASH/m$Y.xml" "string(/model/@expected)")"
	'
done

# Streaming (issue 7, docs/stylesheets.md "Streaming"): xform runs the four
# stylesheets a few areas at a time; a run per area, and files read as a
# stream rather than parsed at once (XFORM_STREAM_ABOVE=0, what a 100x
# year gets), must write the same bytes as the default (all of FY2014
# parsed at once, in one chunk run).
test_expect_success 'FY2013: each area joined alone; relists of other areas are found' '
	test "$(xp "$TRASH/m2013.xml.areas" "count(/areas/model/area)")" = 4 &&
	test "$(xp "$TRASH/m2013.xml.areas" "count(//relist[@ref-found = 1][@ref-path != \"\"])")" = 18
'

test_expect_success 'a footnote cited from two areas, a relist naming a later area (issue 13)' '
	sed -e "s|<relist at=\"1-2-イ\" label=\"イ\" ref=\"1-1-2-ア\"|<relist at=\"1-2-イ\" label=\"イ\" ref=\"2-1-ア\"|" \
	    -e "s|title=\"情報セキュリティ技術の研究開発の推進\">|&<item label=\"z\">x<fnref ref=\"fn1\"/></item>|" \
		"$F/plan.xml" >"$TRASH/plan-x.xml" &&
	join_year "$TRASH/model-x.xml" "$F/submissions.xml" "$TRASH/plan-x.xml" &&
	test "$(xp "$TRASH/model-x.xml.areas" "string(//measure[@id=\"2-1-ア\"]/item[@label=\"z\"]/fnref)")" = \
		"Chief Information Security Officer の略。" &&
	test "$(xp "$TRASH/model-x.xml.areas" "string(//measure[@id=\"1-1-1-ア\"]/item/fnref/@n)")" = 1 &&
	test "$(xp "$TRASH/model-x.xml.areas" "string(//relist[@at=\"1-2-イ\"]/@ref-found)")" = 1 &&
	xp "$TRASH/model-x.xml.areas" "string(//relist[@at=\"1-2-イ\"]/@ref-path)" | grep -q "^2.*(ア)「情報セキュリティ技術の研究開発の推進」$"
'

test_done
