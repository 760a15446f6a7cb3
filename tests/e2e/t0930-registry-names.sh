#!/bin/sh
# One registry reader (issue 13): every code, name and alias of
# input/ministries.xml, written as is and with its case and width changed,
# files a row under its ministry in ingest, and check accepts the rows and
# counts the ministries by the same rule.  A group's name files nothing.
. "$(dirname "$0")/../lib.sh"

cd "$TOP" || exit 3
make -s all >/dev/null 2>&1 || { echo "t0930: cannot build"; exit 3; }
REG=input/ministries.xml IN=input/2014

# exits CODE CMD...: CMD exits with CODE.
exits() {
	want=$1 st=0
	shift
	"$@" || st=$?
	test "$st" -eq "$want"
}

# One row per key, a ministry's keys each on its own measure (no duplicate
# rows): rows.csv for the ministries, groups.csv for the groups; the .tsv
# beside each holds line, key, the code the row must be filed under ('' for
# a group: the row is an error).
/usr/bin/python3 - "$REG" "$IN/plan.xml" "$TRASH" <<'EOF'
import sys
import xml.etree.ElementTree as ET
reg, plan, trash = sys.argv[1:]
measures = [m.get("id") for m in ET.parse(plan).iter("measure")]
keys = []
for e in ET.parse(reg).getroot():
    if e.tag not in ("ministry", "group"):
        continue
    code = e.get("code") if e.tag == "ministry" else ""
    texts = [e.get("code"), e.get("name")] + [a.text for a in e.findall("alias")]
    wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in e.get("code"))
    for j, t in enumerate(texts + [e.get("code").upper(), wide, " " + e.get("name") + "　"]):
        keys.append((t, code, measures[j]))
for name, want in (("rows", True), ("groups", False)):
    some = [k for k in keys if bool(k[1]) == want]
    with open(trash + "/" + name + ".csv", "w", encoding="utf-8") as f, \
            open(trash + "/" + name + ".tsv", "w", encoding="utf-8") as g:
        f.write("施策番号,府省庁,実績,評価,今年度の取組,重点,備考\n")
        for i, (t, code, m) in enumerate(some):
            f.write('%s,"%s",実施した。,順調。,推進する。,,\n' % (m, t.replace('"', '""')))
            g.write("%d\t%s\t%s\n" % (i + 2, t, code))
EOF

test_expect_success 'ingest files each code, name and alias under its ministry' '
	exits 0 "$BD/bin/ingest" --year 2014 --registry $REG --plan $IN/plan.xml \
		--matrix $IN/matrix.xml -o "$TRASH/sub.xml" "$TRASH/rows.csv" &&
	exits 0 "$BD/bin/ingest" --year 2014 --registry $REG --plan $IN/plan.xml \
		--matrix $IN/matrix.xml --draft -o "$TRASH/g.xml" "$TRASH/groups.csv" \
		2>"$TRASH/groups.err" &&
	cat "$TRASH/rows.tsv" "$TRASH/groups.tsv" >"$TRASH/keys.tsv" &&
	/usr/bin/python3 - "$TRASH/sub.xml" "$TRASH/keys.tsv" "$TRASH/groups.err" <<-EOF
	import sys
	import xml.etree.ElementTree as ET
	got = {}
	for r in ET.parse(sys.argv[1]).iter("progress"):
	    got[int(r.get("src").rsplit(":", 1)[1])] = r.get("ministry") or ""
	err = open(sys.argv[3], encoding="utf-8").read()
	bad = 0
	for line in open(sys.argv[2], encoding="utf-8"):
	    n, key, code = line.rstrip("\n").split("\t")
	    n = int(n)
	    if code and got.get(n) != code:
	        print("row %d %r: filed under %r, want %r" % (n, key, got.get(n), code)); bad += 1
	    if not code and ("groups.csv:%d: error: " % n) + "\x27" not in err:
	        print("row %d %r: a group, but no error" % (n, key)); bad += 1
	print(len(got), "rows filed,", bad, "wrong")
	sys.exit(1 if bad or not got else 0)
	EOF
'

test_expect_success 'check accepts those rows and counts each ministry once' '
	n=$(grep -c "<ministry " $REG) &&
	exits 0 "$BD/bin/check" --year 2014 --schemas stylesheets --registry $REG \
		--plan $IN/plan.xml --matrix $IN/matrix.xml --submissions "$TRASH/sub.xml" \
		2>"$TRASH/check.err" &&
	tail -n 1 "$TRASH/check.err" >"$TRASH/last" &&
	grep -q "submissions: [0-9]* rows from $n ministries, 0 errors" "$TRASH/last" &&
	! grep -q ": error: " "$TRASH/check.err"
'

# A registry on which the rule is ambiguous (ｎｉｓｃ of 総務省 = NISC of
# 内閣官房): ingest and check both refuse it, naming the same line.
test_expect_success 'ingest and check reject the same ambiguous registry alike' '
	bad=tests/schema/registry-folded-alias.xml
	want="$bad:8: error: '"'"'ｎｉｓｃ'"'"' is the same as '"'"'NISC'"'"' (line 5)"
	exits 1 "$BD/bin/ingest" --year 2014 --registry $bad --plan $IN/plan.xml \
		--matrix $IN/matrix.xml -o "$TRASH/bad.xml" "$TRASH/rows.csv" 2>"$TRASH/i.err" &&
	grep -qF "$want" "$TRASH/i.err" && test ! -e "$TRASH/bad.xml" &&
	exits 1 "$BD/bin/check" --year 2013 --schemas stylesheets --registry $bad \
		--plan tests/schema/plan-valid.xml --matrix tests/schema/matrix-valid.xml \
		2>"$TRASH/c.err" &&
	grep -qF "$want" "$TRASH/c.err"
'

test_done
