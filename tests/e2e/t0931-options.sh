#!/bin/sh
# check and render parse their options with getopt_long (issue 13): the
# --opt=VALUE form and options after the input work, and each usage error
# exits 2 with its message.
. "$(dirname "$0")/../lib.sh"

cd "$TOP" || exit 3
make -s all >/dev/null 2>&1 || { echo "t0931: cannot build"; exit 3; }
C=$BD/bin/check R=$BD/bin/render S=tests/schema PDOC=tests/hostile/pdoc/dangling-link.pdoc

# exits CODE CMD...: CMD exits with CODE.
exits() {
	want=$1 st=0
	shift
	"$@" || st=$?
	test "$st" -eq "$want"
}

test_expect_success 'check: --opt=VALUE and --opt VALUE alike' '
	exits 0 "$C" --year=2013 --schemas=stylesheets --registry=$S/registry-valid.xml \
		--plan $S/plan-valid.xml --matrix=$S/matrix-valid.xml 2>"$TRASH/err" &&
	grep -q "^plan: 3 measures, matrix: 2 entries, .* 0 errors" "$TRASH/err"
'

test_expect_success 'check: usage errors exit 2 with their message' '
	exits 2 "$C" --bogus 2>"$TRASH/err" &&
	grep -q "^check: unknown argument '"'"'--bogus'"'"'" "$TRASH/err" &&
	exits 2 "$C" --plan $S/plan-valid.xml --matrix $S/matrix-valid.xml --registry \
		2>"$TRASH/err" &&
	grep -q "^check: missing value for '"'"'--registry'"'"'" "$TRASH/err" &&
	exits 2 "$C" --registry $S/registry-valid.xml --plan $S/plan-valid.xml \
		--matrix $S/matrix-valid.xml extra.xml 2>"$TRASH/err" &&
	grep -q "^check: unknown argument '"'"'extra.xml'"'"'" "$TRASH/err" &&
	"$C" --help | grep -q "^usage: check"
'

test_expect_success 'render: --fonts=FILE, and -o after the input' '
	exits 0 "$R" --fonts=fonts/fonts.conf $PDOC -o "$TRASH/a.pdf" 2>"$TRASH/err" &&
	test -s "$TRASH/a.pdf" && grep -q "1 pages, 0 errors" "$TRASH/err"
'

test_expect_success 'render: usage errors exit 2 with their message' '
	exits 2 "$R" --bogus -o "$TRASH/b.pdf" $PDOC 2>"$TRASH/err" &&
	grep -q "^render: unknown option '"'"'--bogus'"'"'" "$TRASH/err" &&
	exits 2 "$R" $PDOC -o 2>"$TRASH/err" &&
	grep -q "^render: missing value for '"'"'-o'"'"'" "$TRASH/err" &&
	exits 2 "$R" -o "$TRASH/b.pdf" 2>"$TRASH/err" &&
	grep -q "^usage: render" "$TRASH/err" &&
	test ! -e "$TRASH/b.pdf" &&
	"$R" --help | grep -q "^usage: render"
'

test_done
