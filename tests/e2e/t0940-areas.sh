#!/bin/sh
# Per-area build (issue 13): each plan area is joined and composed alone
# and render lays the files out as one document, so what the streamed
# build could not do works: a footnote cited from two areas, a relist
# naming a later area, links in both directions; make -j builds the
# areas side by side and the same bytes as -j1.
. "$(dirname "$0")/../lib.sh"

export SOURCE_DATE_EPOCH=1700000000
test_inputs 2014
P=$TRASH/input/2014/plan.xml
W=$TRASH/work/2014
O=$TRASH/output/2014

# Area 3's first measure cites area 1's footnote fn1; area 1 gets a
# relist of area 3's 3-1-イ (forward); the FY2014 plan's own relists name
# earlier areas (3-2-ク → 1-4-ナ: backward).
cat >"$TRASH/cross.py" <<'EOF'
import sys
p = sys.argv[1]; s = open(p, encoding="utf-8").read()
# after the resp of 3-1-ア (the schema has items after resp)
i = s.index("<measure id=\"3-1-ア\""); j = s.index("</resp>", i) + len("</resp>")
s = s[:j] + "<item label=\"z\">脚注の再引用<fnref ref=\"fn1\"/></item>" + s[j:]
# last in section 1-1-1's last group, so its label ン keeps the order
i = s.index("<section id=\"1-1-1\""); e = s.index("</section>", i); g = s.rindex("</group>", i, e)
s = s[:g] + "<relist at=\"1-1-1-ン\" label=\"ン\" ref=\"3-1-イ\" title=\"前方参照\"><resp text=\"外務省\"><ministry ref=\"mofa\"/></resp></relist>" + s[g:]
open(p, "w", encoding="utf-8").write(s)
EOF
test_expect_success 'setup: a plan with references across areas' '
	/usr/bin/python3 "$TRASH/cross.py" "$P" &&
	grep -q "脚注の再引用" "$P" && grep -q "1-1-1-ン" "$P" &&
	test_make validate YEAR=2014 2>/dev/null
'

test_expect_success 'make report builds per area, in parallel (-j2)' '
	test_make report YEAR=2014 -j2 2>"$TRASH/err" &&
	test "$(cat "$W/areas.mk")" = "AREAS := 1 2 3 4" &&
	for a in 1 2 3 4; do
		test -s "$W/submissions/area-$a.xml" && test -s "$W/model/$a.xml" &&
		test -s "$W/report/area-$a.pdoc" && test -s "$W/slides/area-$a.pdoc" || exit 1
	done &&
	test -s "$O/annual-report-2014.pdf"
'

test_expect_success 'the footnote of area 1 is printed in area 3 too' '
	test "$(xmllint --xpath "string(//measure[@id=\"3-1-ア\"]/item[@label=\"z\"]/fnref)" "$W/model/3.xml")" = \
		"Chief Information Security Officerの略。" &&
	pdftotext -q "$O/annual-report-2014.pdf" - | tr -d " \n\f" >"$TRASH/all.txt" &&
	test "$(grep -o "ChiefInformationSecurityOfficerの略。" "$TRASH/all.txt" | wc -l)" -ge 2
'

test_expect_success 'a relist names a later area: found, printed with its path, linked' '
	test "$(xmllint --xpath "string(//relist[@at=\"1-1-1-ン\"]/@ref-found)" "$W/model/1.xml")" = 1 &&
	grep -q "実施状況は3①(イ)「サイバー空間に関する国際的な規範作りへの参画等」に記載。" "$TRASH/all.txt"
'

# Links: "FROM TO" for each link annotation, the pages it is on and goes to
# (qpdf's JSON; named destinations through the catalog's name tree).
links() {
	qpdf --json=2 "$1" | /usr/bin/python3 -c '
import json, sys
j = json.load(sys.stdin)
objs = {k[4:]: v.get("value") for k, v in j["qpdf"][1].items() if k.startswith("obj:")}
pageno = {p["object"]: p["pageposfrom1"] for p in j["pages"]}
text = lambda s: bytes.fromhex(s[2:]).decode() if s.startswith("b:") else s[2:]
names = {}
def tree(ref):
    n = objs.get(ref, {})
    a = n.get("/Names", [])
    for i in range(0, len(a) - 1, 2):
        names[text(a[i])] = a[i + 1]
    for k in n.get("/Kids", []):
        tree(k)
for v in objs.values():
    if isinstance(v, dict) and v.get("/Type") == "/Catalog" and "/Names" in v:
        nd = objs.get(v["/Names"], v["/Names"])
        if isinstance(nd, dict) and "/Dests" in nd:
            tree(nd["/Dests"])
for p in j["pages"]:
    an = objs.get(p["object"], {}).get("/Annots", [])
    an = objs.get(an, an) if isinstance(an, str) else an
    for a in an:
        d = objs.get(a, {}).get("/Dest")
        if isinstance(d, str):
            d = names.get(text(d))
            d = objs.get(d, d) if isinstance(d, str) else d
            if isinstance(d, dict):
                d = d.get("/D")
        if isinstance(d, list):
            print(p["pageposfrom1"], pageno.get(d[0], 0))
'
}
page_of() {	# page_of PDF TEXT: the first page whose text has TEXT
	n=$(pdfinfo "$1" | sed -n "s/^Pages: *//p")
	for p in $(seq 1 "$n"); do
		pdftotext -q -f "$p" -l "$p" "$1" - | tr -d " \n\f" | grep -qF "$2" && { echo "$p"; return 0; }
	done
	return 1
}

test_expect_success 'links go forward (area 1 → 3) and back (area 3 → 1) to the right pages' '
	links "$O/annual-report-2014.pdf" >"$TRASH/links" &&
	from=$(page_of "$O/annual-report-2014.pdf" "前方参照（外務省）（再掲）") &&
	to=$(page_of "$O/annual-report-2014.pdf" "(イ)　サイバー空間に関する国際的な規範作りへの参画等") &&
	test "$from" -lt "$to" && grep -qx "$from $to" "$TRASH/links" &&
	back=$(page_of "$O/annual-report-2014.pdf" "(ナ)　サイバー攻撃事前防止・早期対策に向けた取組の推進") &&
	awk -v b="$back" "\$2 == b && \$1 > b { ok = 1 } END { exit !ok }" "$TRASH/links"
'

test_expect_success 'make -j1 writes the same bytes as -j2' '
	cp "$O/annual-report-2014.pdf" "$O/summary-slides-2014.pdf" "$O/status-2014.csv" "$TRASH/" &&
	rm -rf "$W" &&
	test_make report YEAR=2014 -j1 2>"$TRASH/err1" &&
	cmp "$TRASH/annual-report-2014.pdf" "$O/annual-report-2014.pdf" &&
	cmp "$TRASH/summary-slides-2014.pdf" "$O/summary-slides-2014.pdf" &&
	cmp "$TRASH/status-2014.csv" "$O/status-2014.csv"
'

test_done
