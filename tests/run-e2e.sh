#!/bin/sh
# Runs every tests/e2e/t*.sh; prints "e2e: N passed, N failed" (tests, not scripts).
pass=0 fail=0
for t in tests/e2e/t*.sh; do
	[ -f "$t" ] || continue
	out=$(sh "$t" 2>&1)
	st=$?
	echo "$out"
	p=$(echo "$out" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p' | tail -n 1)
	f=$(echo "$out" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p' | tail -n 1)
	pass=$((pass + ${p:-0}))
	fail=$((fail + ${f:-0}))
	if [ "$st" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then fail=$((fail + 1)); echo "FAILED: $t exited $st"; fi
done
echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
