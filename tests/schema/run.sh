#!/bin/sh
# Schema tests for input/ministries.xml and input/Y/plan.xml (see README).
# Run from the top of the tree:  sh tests/schema/run.sh
# Prints one line per case and a summary; exit status 1 if any case failed.
# Needs xmllint and python3.

cd "$(dirname "$0")/../.." || exit 3
dir=tests/schema
tmp=${TMPDIR:-/tmp}/schema-test.$$
trap 'rm -f "$tmp"' EXIT INT TERM
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; sed 's/^/     | /' "$tmp"; }

schema_for() {
	case $1 in
	plan-*) echo stylesheets/plan.rng ;;
	registry-*) echo stylesheets/registry.rng ;;
	esac
}

run_check() {
	case $1 in
	plan-*) python3 pipeline/tools/checkplan.py --contiguous --registry $dir/registry-valid.xml "$dir/$1" ;;
	registry-*) python3 pipeline/tools/checkplan.py --registry "$dir/$1" $dir/plan-valid.xml ;;
	esac
}

# positive controls and the real inputs must pass
for f in plan-valid.xml registry-valid.xml; do
	if xmllint --noout --relaxng "$(schema_for $f)" "$dir/$f" >"$tmp" 2>&1 &&
	   run_check $f >>"$tmp" 2>&1; then ok "$f is valid"; else bad "$f is valid"; fi
done
# an area numbered past 99 (the 100x year of make bench has 400 areas)
f=plan-area104-valid.xml
if xmllint --noout --relaxng stylesheets/plan.rng "$dir/$f" >"$tmp" 2>&1 &&
   python3 pipeline/tools/checkplan.py --registry $dir/registry-valid.xml "$dir/$f" >>"$tmp" 2>&1
then ok "$f is valid"; else bad "$f is valid"; fi
if xmllint --noout --relaxng stylesheets/registry.rng input/ministries.xml >"$tmp" 2>&1; then
	ok "input/ministries.xml is valid"; else bad "input/ministries.xml is valid"; fi
for plan in input/*/plan.xml; do
	[ -f "$plan" ] || continue
	# only the FY2013 plan is whole; FY2014 lists the measures of 001's annex
	case $plan in input/2013/*) contiguous=--contiguous ;; *) contiguous= ;; esac
	if xmllint --noout --relaxng stylesheets/plan.rng "$plan" >"$tmp" 2>&1 &&
	   python3 pipeline/tools/checkplan.py --registry input/ministries.xml $contiguous "$plan" >>"$tmp" 2>&1; then
		ok "$plan is valid"; else bad "$plan is valid"; fi
done

# every invalid sample is rejected with its message
tab=$(printf '\t')
grep -v '^#' $dir/expected.tsv | while IFS="$tab" read -r file checker msg; do
	[ -n "$file" ] || continue
	case $checker in
	rng) xmllint --noout --relaxng "$(schema_for "$file")" "$dir/$file" >"$tmp" 2>&1 ;;
	check) run_check "$file" >"$tmp" 2>&1 ;;
	esac
	rc=$?
	if [ $rc -ne 0 ] && grep -qF -- "$msg" "$tmp"; then
		echo "ok   $file rejected: $msg"
	else
		echo "FAIL $file (exit $rc), expected: $msg"
		sed 's/^/     | /' "$tmp"
		echo x >>"$tmp.fail"
	fi
done
nfail=$fail
if [ -f "$tmp.fail" ]; then nfail=$((nfail + $(wc -l <"$tmp.fail"))); rm -f "$tmp.fail"; fi
ncases=$(grep -vc '^#' $dir/expected.tsv)
echo "schema tests: $ncases invalid samples, $pass inputs valid, $nfail failed"
[ $nfail -eq 0 ]
