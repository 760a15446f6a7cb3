#!/bin/sh
# The paragraph builder on the whole text of seed 002 (the plan), at three
# measures (166, 100 and 60 mm), read back from the PDF by
# tests/jltext/check.py: every character in order with no space added, no
# kinsoku violation, no line outside the block.
. "$(dirname "$0")/../lib.sh"

SEED=$TOP/../shared/seeds/002_34b977491ed3c271.txt
if [ ! -f "$SEED" ]; then
	test_skip 'the jltext demo builds' "seed 002 not found at $SEED"
	for w in 166 100 60; do
		test_skip "seed 002 at $w mm: text, kinsoku and bounds read back from the PDF" \
			"seed 002 not found at $SEED"
	done
	test_done
	exit 0
fi
cd "$TOP" || exit 3

test_expect_success 'the jltext demo builds' '
	sh tests/jltext/build.sh "$TRASH/b" >/dev/null
'

for w in 166 100 60; do
	test_expect_success "seed 002 at $w mm: text, kinsoku and bounds read back from the PDF" "
		\"$TRASH/b/jltext/demo\" -w $w \"$TRASH/s$w.pdf\" \"$SEED\" 2>/dev/null &&
		python3 tests/jltext/check.py \"$SEED\" \"$TRASH/s$w.pdf\" $w >\"$TRASH/c$w\" &&
		cat \"$TRASH/c$w\" &&
		grep -q '^kinsoku: 0 violations' \"$TRASH/c$w\" &&
		grep -q '^inside: 0 lines' \"$TRASH/c$w\" &&
		grep -q 'none added' \"$TRASH/c$w\"
	"
done

test_done
