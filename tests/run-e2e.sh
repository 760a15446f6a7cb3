#!/bin/sh
# Runs the given e2e scripts (default: every tests/e2e/t*.sh) and adds up
# their closing lines "NAME: N passed, N failed, N skipped" (tests, not
# scripts) into "e2e: N passed, N failed, N skipped".  A script that
# exits non-zero with no failed test, or prints no closing line, counts as
# one failed test.  With TALLY set, the closing line is also appended to
# that file (make test adds the tallies up).
pass=0 fail=0 skip=0
[ $# -gt 0 ] || set -- tests/e2e/t*.sh
for t in "$@"; do
	[ -f "$t" ] || continue
	out=$(sh "$t" 2>&1)
	st=$?
	echo "$out"
	line=$(echo "$out" | grep -E '^[^ ]+: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' | tail -n 1)
	p=$(echo "$line" | sed -n 's/.*: \([0-9]*\) passed, .*/\1/p')
	f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed, .*/\1/p')
	s=$(echo "$line" | sed -n 's/.* \([0-9]*\) skipped$/\1/p')
	pass=$((pass + ${p:-0}))
	fail=$((fail + ${f:-0}))
	skip=$((skip + ${s:-0}))
	if [ -z "$line" ]; then
		fail=$((fail + 1)); echo "FAILED: $t printed no closing line (exit $st)"
	elif [ "$st" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then
		fail=$((fail + 1)); echo "FAILED: $t exited $st"
	fi
done
echo "e2e: $pass passed, $fail failed, $skip skipped"
[ -z "${TALLY:-}" ] || echo "e2e: $pass passed, $fail failed, $skip skipped" >>"$TALLY"
[ "$fail" -eq 0 ]
