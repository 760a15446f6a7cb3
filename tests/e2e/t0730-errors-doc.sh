#!/bin/sh
# docs/errors.md lists every message a user can see with an input that
# produces it (issue 6).  For each table row of sections 1-4 ending in
# `PATH` (RUNNER), run RUNNER on PATH and check that stderr has a line
# matching the message (`…` = anything; "error: M" / "warning: M" match
# after "FILE[:LINE]: " or alone; other messages match a whole line).
. "$(dirname "$0")/../lib.sh"

cd "$TOP" || exit 3
make -s all >/dev/null 2>&1 || { echo "t0730: cannot build"; exit 3; }
BIN=$BD/bin FX=tests/ingest/fixtures H=tests/hostile
export BIN FX H TRASH
DOC=docs/errors.md
echo '<r/>' >"$TRASH/in.xml"

python3 - "$DOC" >"$TRASH/entries" <<'EOF'
import re, sys
row = re.compile(r"^\| `([^`]+)` \|.*\| `([^`]+)` \(([a-z-]+)\) \|$")
for line in open(sys.argv[1], encoding="utf-8"):
    m = row.match(line.rstrip("\n"))
    if m:
        print("%s\t%s\t%s" % (m.group(3), m.group(2), m.group(1)))
EOF

cat >"$TRASH/match.py" <<'EOF'
import re, sys
msg, path = sys.argv[1], sys.argv[2]
pat = re.escape(msg).replace("…", ".*")
if re.match(r"(error|warning): ", msg):
    rx = re.compile(r"^(?:.*?: )?" + pat + r"$")
else:
    rx = re.compile(r"^" + pat + r"$")
lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
sys.exit(0 if any(rx.match(l) for l in lines) else 1)
EOF

# run RUNNER PATH: the stage on the input, stderr to $TRASH/err.
run() {
	case $1 in
	ingest) "$BIN/ingest" --year 2014 --registry $FX/ministries.xml --plan $FX/plan.xml \
		--matrix $FX/matrix.xml --draft -o "$TRASH/o.xml" "$2" ;;
	ingest-plan) "$BIN/ingest" --year 2014 --registry $FX/ministries.xml --plan "$2" \
		--matrix $FX/matrix.xml --draft -o "$TRASH/o.xml" $H/csv/duplicate.csv ;;
	ingest-registry) "$BIN/ingest" --year 2014 --registry "$2" --plan $FX/plan.xml \
		--matrix $FX/matrix.xml --draft -o "$TRASH/o.xml" $H/csv/duplicate.csv ;;
	check)
		reg=tests/schema/registry-valid.xml plan=tests/schema/plan-valid.xml
		mat=tests/schema/matrix-valid.xml
		case $2 in */plan-*) plan=$2 ;; */registry-*) reg=$2 ;; */matrix-*) mat=$2 ;; esac
		"$BIN/check" --year 2013 --schemas stylesheets --registry $reg --plan $plan --matrix $mat ;;
	xform-style) "$BIN/xform" --param target "$TRASH/pwned" -o "$TRASH/o.xml" "$2" "$TRASH/in.xml" ;;
	xform-input) "$BIN/xform" -o "$TRASH/o.csv" stylesheets/status.xsl "$2" ;;
	render) timeout 120 "$BIN/render" --fonts fonts/fonts.conf -o "$TRASH/o.pdf" "$2" ;;
	cmd) sh -c ". ./$2" ;;
	*) echo "unknown runner $1"; return 3 ;;
	esac >/dev/null 2>"$TRASH/err"
	return 0
}

test_expect_success 'docs/errors.md lists at least 100 messages, each with an input' '
	test "$(wc -l <"$TRASH/entries")" -ge 100
'

test_expect_success 'every input named in docs/errors.md exists' '
	cut -f 2 "$TRASH/entries" | sort -u | while IFS= read -r p; do
		test -f "$p" || { echo "missing: $p"; exit 1; }
	done
'

TAB=$(printf '\t')
while IFS=$TAB read -r runner path msg; do
	test_expect_success "$msg ($path)" '
		run "$runner" "$path" &&
		python3 "$TRASH/match.py" "$msg" "$TRASH/err" || { cat "$TRASH/err"; false; }
	'
done <"$TRASH/entries"

# Every literal message format in the stages' diag_error / diag_warning /
# diag_add / row_error / row_warning calls has its start in docs/errors.md
# (so a new message cannot be added without documenting it).
test_expect_success 'every diagnostic format string of pipeline/ is documented' '
	python3 - "$DOC" pipeline/*/*.c <<-EOF
	import re, sys
	doc = open(sys.argv[1], encoding="utf-8").read()
	call = re.compile(r"\\b(?:diag_error|diag_warning|diag_add|row_error|row_warning)\\s*\\(", re.S)
	missing = []
	for path in sys.argv[2:]:
	    src = open(path, encoding="utf-8").read()
	    for m in call.finditer(src):
	        s = src[m.end():m.end() + 600]
	        lit = re.search(r"\"((?:[^\"\\\\\\\\]|\\\\\\\\.)*)\"", s)
	        if not lit:
	            continue
	        fmt = lit.group(1)
	        head = re.split(r"%|\\\\\\\\", fmt)[0].strip()
	        if len(head) < 8 or head in ("%s",):
	            continue
	        if head not in doc:
	            missing.append("%s: %s" % (path, head))
	for x in sorted(set(missing)):
	    print("undocumented:", x)
	sys.exit(1 if missing else 0)
	EOF
'

test_done
