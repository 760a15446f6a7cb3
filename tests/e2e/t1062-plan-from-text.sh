#!/bin/sh
# Issue 14: the plan from its published text.  make plan-from-text turns
# seed 002 (サイバーセキュリティ2013 as text) into plan.xml, the committed
# FY2013 plan byte for byte; a line it cannot place is an error naming
# the text's line, and then plan.xml is left as it was.
. "$(dirname "$0")/../lib.sh"

SEED=${SEEDS:-$TOP/../shared/seeds}/002_34b977491ed3c271.txt
if [ ! -f "$SEED" ]; then
	test_skip 'seed 002 → plan.xml' "seed 002 not found at $SEED"
	test_done
	exit
fi
test_inputs 2013
P=$TRASH/input/2013/plan.xml

test_expect_success 'seed 002 → plan.xml: the committed FY2013 plan, byte for byte' '
	rm "$P" &&
	test_make plan-from-text YEAR=2013 TEXT="$SEED" >"$TRASH/out" 2>"$TRASH/err" &&
	cmp "$TOP/input/2013/plan.xml" "$P" &&
	grep -q "257 measures, 18 relists, 102 footnotes, 0 errors" "$TRASH/err" &&
	test_make validate YEAR=2013 2>&1 | tail -n 1 | grep -q " 0 errors"
'

test_expect_success 'a line it cannot place: TEXT:LINE: error, plan.xml left as it was' '
	n=$(grep -n "^I はじめに" "$SEED" | cut -d: -f1) &&
	sed "${n}a z) 迷子の項目" "$SEED" >"$TRASH/plan.txt" &&
	sed "$((n + 5))a ※再掲" "$TRASH/plan.txt" >"$TRASH/plan2.txt" &&
	! test_make plan-from-text YEAR=2013 TEXT="$TRASH/plan2.txt" >/dev/null 2>"$TRASH/err" &&
	grep -q "plan2.txt:$((n + 1)): error: item z) outside a measure" "$TRASH/err" &&
	grep -q "plan2.txt:$((n + 6)): error: ※再掲 without a measure heading" "$TRASH/err" &&
	grep -q "not written: 2 lines" "$TRASH/err" &&
	cmp "$TOP/input/2013/plan.xml" "$P"
'

test_expect_success 'not a plan: an error at line 1; no TEXT: the usage' '
	echo "ただの文章。" >"$TRASH/x.txt" &&
	! test_make plan-from-text YEAR=2013 TEXT="$TRASH/x.txt" >/dev/null 2>"$TRASH/err" &&
	grep -q "x.txt:1: error: no line .I はじめに." "$TRASH/err" &&
	! test_make plan-from-text YEAR=2013 >/dev/null 2>"$TRASH/err" &&
	grep -q "usage: make plan-from-text" "$TRASH/err"
'

test_done
