#!/bin/sh
# Runs each cmocka binary given and adds up its test cases from cmocka's
# summary ("[  PASSED  ] N", "[  FAILED  ] N", "[  SKIPPED ] N").  A
# binary that exits non-zero with no failed case (a crash, a sanitizer
# report, a leak) counts as one failed test.  Prints the closing line
# "unit: N passed, N failed, N skipped"; with TALLY set, also appends it
# to that file (make test adds the tallies up).
pass=0 fail=0 skip=0
out=$(mktemp "${TMPDIR:-/tmp}/unit.XXXXXX")
trap 'rm -f "$out"' EXIT
for t in "$@"; do
	"$t" >"$out" 2>&1
	st=$?
	cat "$out"
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$out" | tail -n 1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$out" | tail -n 1)
	s=$(sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' "$out" | tail -n 1)
	pass=$((pass + ${p:-0}))
	fail=$((fail + ${f:-0}))
	skip=$((skip + ${s:-0}))
	if [ "$st" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then
		fail=$((fail + 1))
		echo "FAILED: $t exited $st"
	fi
done
echo "unit: $pass passed, $fail failed, $skip skipped"
[ -z "${TALLY:-}" ] || echo "unit: $pass passed, $fail failed, $skip skipped" >>"$TALLY"
[ "$fail" -eq 0 ]
