#!/bin/sh
# The harness itself (issue 13, "tests that fail when they should"): a
# command that fails in the middle of a body fails the test; skips and
# known breakages are counted in the closing line; a failing script, or
# one that dies before its closing line, fails tests/run-e2e.sh.
# Each case is a small script run in a copy of the harness under $TRASH.
. "$(dirname "$0")/../lib.sh"
# The runs of run-e2e.sh below are on made-up scripts: their closing lines
# must not reach make test's tally (they counted 12 failures and 24 skips
# that were no test of the pipeline).
unset TALLY

mkdir -p "$TRASH/h/tests/e2e"
cp "$TOP/tests/lib.sh" "$TOP/tests/run-e2e.sh" "$TRASH/h/tests/"

# t NAME BODY: writes $TRASH/h/tests/e2e/NAME.sh with BODY between the
# harness's first and last lines.
t() {
	{
		echo '. "$(dirname "$0")/../lib.sh"'
		cat
		echo 'test_done'
	} >"$TRASH/h/tests/e2e/$1.sh"
}

t t9001-middle <<'EOF2'
test_expect_success 'middle command fails' '
	true
	false
	true
'
test_expect_success 'middle command of a function fails' '
	f() { false; true; }
	f
	true
'
test_expect_success 'a failing command substitution fails' '
	x=$(false)
	true
'
test_expect_success 'passes' '
	true
	echo fine
'
EOF2

t t9002-skip <<'EOF2'
test_expect_success 'passes' 'true'
test_skip 'needs a unicorn' 'no unicorn here'
test_expect_failure 'a known bug' 'false; true'
EOF2

t t9003-cond <<'EOF2'
if test_expect_success 'called in a condition' 'false; true'; then :; fi
EOF2

t t9004-dies <<'EOF2'
test_expect_success 'passes' 'true'
exit 0
EOF2

t t9005-exit <<'EOF2'
test_expect_success 'passes' 'true'
exit 1
EOF2

test_expect_success 'a body whose middle command fails is reported failed' '
	(cd "$TRASH/h" && sh tests/e2e/t9001-middle.sh) >"$TRASH/o1" 2>&1 && exit 1
	cat "$TRASH/o1"
	grep -x "not ok - t9001-middle: middle command fails (exit 1)" "$TRASH/o1"
	grep -x "not ok - t9001-middle: middle command of a function fails (exit 1)" "$TRASH/o1"
	grep -x "not ok - t9001-middle: a failing command substitution fails (exit 1)" "$TRASH/o1"
	grep -x "ok - t9001-middle: passes" "$TRASH/o1"
	grep -x "t9001-middle: 1 passed, 3 failed, 0 skipped" "$TRASH/o1"
'

test_expect_success 'a skip and a known breakage are counted as skipped' '
	(cd "$TRASH/h" && sh tests/e2e/t9002-skip.sh) >"$TRASH/o2" 2>&1
	cat "$TRASH/o2"
	grep -x "ok - t9002-skip: needs a unicorn # SKIP no unicorn here" "$TRASH/o2"
	grep -x "not ok - t9002-skip: a known bug # TODO known breakage" "$TRASH/o2"
	grep -x "t9002-skip: 1 passed, 0 failed, 2 skipped" "$TRASH/o2"
'

test_expect_success 'test_expect_success inside a condition stops the script' '
	(cd "$TRASH/h" && sh tests/e2e/t9003-cond.sh) >"$TRASH/o3" 2>&1 && exit 1
	cat "$TRASH/o3"
	grep "BUG: t9003-cond: test_expect_\* called inside a condition" "$TRASH/o3"
'

test_expect_success 'run-e2e adds up the closing lines' '
	(cd "$TRASH/h" && sh tests/run-e2e.sh tests/e2e/t9002-skip.sh tests/e2e/t9002-skip.sh) >"$TRASH/o4" 2>&1
	cat "$TRASH/o4"
	tail -n 1 "$TRASH/o4" | grep -x "e2e: 2 passed, 0 failed, 4 skipped"
'

for s in t9001-middle t9003-cond t9004-dies t9005-exit; do
	test_expect_success "a failing script ($s) fails run-e2e" "
		(cd \"\$TRASH/h\" && sh tests/run-e2e.sh tests/e2e/t9002-skip.sh tests/e2e/$s.sh) >\"\$TRASH/o-$s\" 2>&1 && exit 1
		cat \"\$TRASH/o-$s\"
		tail -n 1 \"\$TRASH/o-$s\" | grep -E '^e2e: [0-9]+ passed, [1-9][0-9]* failed, 2 skipped\$'
	"
done

test_done
