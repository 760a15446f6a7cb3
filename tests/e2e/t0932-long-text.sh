#!/bin/sh
# No silent truncation (issue 13): a 5,000-byte anchor name links, and a
# 2 MiB heading is printed whole and is whole in the PDF outline.
. "$(dirname "$0")/../lib.sh"

cd "$TOP" || exit 3
make -s all >/dev/null 2>&1 || { echo "t0932: cannot build"; exit 3; }
R="$BD/bin/render --fonts fonts/fonts.conf"

/usr/bin/python3 - "$TRASH" <<'EOF'
import sys
t = sys.argv[1]
head = ('<?xml version="1.0" encoding="UTF-8"?>\n<document kind="report" draft="0">\n'
        '<meta title="t" author="a" subject="s" keywords="k"/>\n'
        '<template name="body" width="210mm" height="297mm" margin-top="25mm" '
        'margin-bottom="25mm" margin-left="22mm" margin-right="22mm"/>\n<flow template="body">\n')
name = "".join("a%04d" % i for i in range(1000))  # 5,000 bytes
open(t + "/name", "w").write(name)
open(t + "/anchor.pdoc", "w", encoding="utf-8").write(
    head + '<p><a href="#%s">リンク</a></p><pagebreak/>\n'
    '<h level="1" id="%s" outline="1">行き先</h><p>本文。</p></flow></document>\n' % (name, name))
parts, n, i = [], 0, 0
while n <= 2 * 1024 * 1024:
    s = "第%d項、" % i
    parts.append(s)
    n += len(s.encode())
    i += 1
text = "".join(parts)
open(t + "/heading.txt", "w", encoding="utf-8").write(text)
open(t + "/heading.pdoc", "w", encoding="utf-8").write(
    head + '<h level="1" outline="1">%s</h><p>本文。</p></flow></document>\n' % text)
EOF

test_expect_success 'a 5,000-byte anchor: exit 0, and the link names a destination on page 2' '
	$R -o "$TRASH/anchor.pdf" "$TRASH/anchor.pdoc" 2>"$TRASH/err" &&
	grep -q "2 pages, 0 errors, 0 warnings" "$TRASH/err" &&
	qpdf --json "$TRASH/anchor.pdf" >"$TRASH/anchor.json" &&
	/usr/bin/python3 - "$TRASH/anchor.json" "$TRASH/name" <<-EOF
	import json, sys
	j = json.load(open(sys.argv[1]))
	name = open(sys.argv[2]).read()
	objs = {k.replace("obj:", ""): v.get("value", v) for k, v in j["qpdf"][1].items()}
	pages = [p["object"] for p in j["pages"]]
	links = [objs[a] for a in objs[pages[0]].get("/Annots", [])]
	links = [a for a in links if a.get("/Subtype") == "/Link"]
	assert len(links) == 1, links
	assert links[0]["/Dest"] == "u:" + name, ("the link names", len(links[0]["/Dest"]))
	root = objs[objs["trailer"]["/Root"]]
	tree = objs[objs[root["/Names"]]["/Dests"]]["/Names"]
	dests = dict(zip(tree[0::2], tree[1::2]))
	assert dests["u:" + name][0] == pages[1], "the destination is not on page 2"
	EOF
'

test_expect_success 'a 2 MiB heading: printed whole, and whole in the outline' '
	$R -o "$TRASH/heading.pdf" "$TRASH/heading.pdoc" 2>"$TRASH/err" &&
	grep -q " 0 errors, 0 warnings" "$TRASH/err" &&
	pdftotext -q "$TRASH/heading.pdf" "$TRASH/heading.out" &&
	qpdf --json --json-key=outlines "$TRASH/heading.pdf" >"$TRASH/outline.json" &&
	/usr/bin/python3 - "$TRASH" <<-EOF
	import json, re, sys
	t = sys.argv[1]
	want = open(t + "/heading.txt", encoding="utf-8").read()
	got = re.sub(r"[\s\u3000]+", "", open(t + "/heading.out", encoding="utf-8").read())
	assert len(want.encode()) > 2 * 1024 * 1024
	assert got.startswith(want + "本文。"), "the printed heading is not whole"
	titles = [o["title"] for o in json.load(open(t + "/outline.json"))["outlines"]]
	assert titles == [want], [len(x.encode()) for x in titles]
	EOF
'

test_done
