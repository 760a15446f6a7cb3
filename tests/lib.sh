# Test helpers in the manner of git's t/test-lib.sh, small.
# A test script sources this, calls test_expect_success NAME 'commands'
# any number of times, then test_done.
#
# $TOP is the repository; $TRASH a scratch directory per script.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
# $BD is the build directory whose binaries the tests run: B from MAKEFLAGS
# (make B=/tmp/x e2e passes it down), else build; always absolute.
BD=build
for w in ${MAKEFLAGS:-}; do case $w in B=*) BD=${w#B=} ;; esac; done
case $BD in /*) ;; *) BD=$TOP/$BD ;; esac
TRASH=$(mktemp -d "${TMPDIR:-/tmp}/e2e.XXXXXX")
trap 'rm -rf "$TRASH"' EXIT
t_pass=0 t_fail=0 t_name=$(basename "$0" .sh)

test_expect_success() {
	if (set -e; eval "$2") >"$TRASH/.out" 2>&1; then
		t_pass=$((t_pass + 1))
		echo "ok - $t_name: $1"
	else
		t_fail=$((t_fail + 1))
		echo "not ok - $t_name: $1"
		sed 's/^/#   /' "$TRASH/.out" | tail -n 40
	fi
}

# A known bug: the test is expected to fail; a pass is reported.
test_expect_failure() {
	if (set -e; eval "$2") >"$TRASH/.out" 2>&1; then
		echo "ok - $t_name: $1 # known breakage vanished"
	else
		echo "not ok - $t_name: $1 # TODO known breakage"
	fi
}

test_cmp() {
	diff -u "$1" "$2"
}

# Runs the pipeline from the repository with the binaries already built,
# on inputs under $TRASH/input (see test_inputs), writing to $TRASH/output
# and $TRASH/work.  Extra arguments go to make.
test_make() {
	make -s --no-print-directory -C "$TOP" INPUT="$TRASH/input" OUTDIR="$TRASH/output" WORK="$TRASH/work" "$@"
}

# Copies the real inputs (input/ministries.xml and input/YEAR/) to $TRASH/input.
test_inputs() {
	mkdir -p "$TRASH/input"
	cp "$TOP/input/ministries.xml" "$TRASH/input/"
	for y in "$@"; do cp -r "$TOP/input/$y" "$TRASH/input/"; done
}

test_done() {
	echo "$t_name: $t_pass passed, $t_fail failed"
	[ "$t_fail" -eq 0 ]
}
