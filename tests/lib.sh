# Test helpers in the manner of git's t/test-lib.sh, small.
# A test script sources this, calls test_expect_success NAME 'commands'
# any number of times (test_skip NAME REASON for one that cannot run
# here), then test_done, which prints the closing line
#   NAME: N passed, N failed, N skipped
# that tests/run-e2e.sh adds up.
#
# A body runs in a subshell under `set -e`, with its exit status taken
# outside any condition, so a command that fails anywhere in the body,
# not only the last one, fails the test.  The exceptions are the shell's
# own: a command tested by if/while/&&/|| and a pipeline that starts
# with `!` do not stop the body (write `! cmd || exit 1`, or put `! cmd`
# last or inside an && chain whose end is last), and only a pipeline's
# last command counts.  The body sees the script's functions and
# variables; what it sets does not outlive it.
#
# $TOP is the repository; $TRASH a scratch directory per script.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
# Messages in English whatever the machine's locale (issue 16): the tests
# match the English texts; t1040-t1043 check the Japanese ones.
MESSAGES=en LANGUAGE=en
export MESSAGES LANGUAGE
# $BD is the build directory whose binaries the tests run: B from MAKEFLAGS
# (make B=/tmp/x e2e passes it down), else build; always absolute.
BD=build
for w in ${MAKEFLAGS:-}; do case $w in B=*) BD=${w#B=} ;; esac; done
case $BD in /*) ;; *) BD=$TOP/$BD ;; esac
TRASH=$(mktemp -d "${TMPDIR:-/tmp}/e2e.XXXXXX")
trap 'rm -rf "$TRASH"' EXIT
t_pass=0 t_fail=0 t_skip=0 t_name=$(basename "$0" .sh)

# Runs body $1; sets t_status to its exit status.  Not to be called from
# a condition (if, &&, ||, !): the shell would then ignore set -e inside
# the body too, and a failing middle command would pass unseen; this is
# checked, and such a call is a failure of the script.
test_run_() {
	set +e
	(set -e; false; true) 2>/dev/null
	if [ $? -eq 0 ]; then
		echo "BUG: $t_name: test_expect_* called inside a condition (if, &&, ||, !): set -e would be ignored" >&2
		exit 3
	fi
	(set -e; eval "$1") </dev/null >"$TRASH/.out" 2>&1
	t_status=$?
}

test_expect_success() {
	test_run_ "$2"
	if [ "$t_status" -eq 0 ]; then
		t_pass=$((t_pass + 1))
		echo "ok - $t_name: $1"
	else
		t_fail=$((t_fail + 1))
		echo "not ok - $t_name: $1 (exit $t_status)"
		sed 's/^/#   /' "$TRASH/.out" | tail -n 40
	fi
}

# A known bug: the test is expected to fail.  It is counted as skipped
# (what it checks does not work yet); when it passes, as passed, with a
# note to turn it into test_expect_success.
test_expect_failure() {
	test_run_ "$2"
	if [ "$t_status" -eq 0 ]; then
		t_pass=$((t_pass + 1))
		echo "ok - $t_name: $1 # known breakage vanished: make it test_expect_success"
	else
		t_skip=$((t_skip + 1))
		echo "not ok - $t_name: $1 # TODO known breakage"
	fi
}

# A test that cannot run here (a missing tool, seed or privilege): counted
# as skipped, with the reason.  test_skip NAME REASON
test_skip() {
	t_skip=$((t_skip + 1))
	echo "ok - $t_name: $1 # SKIP $2"
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

# test_year Y: the real inputs of year Y (test_inputs), SOURCE_DATE_EPOCH
# fixed (PDFs compared byte for byte) and the names the tests use: I the
# input folder, S Y's submissions, O output/Y, W work/Y.
test_year() {
	export SOURCE_DATE_EPOCH=1700000000
	test_inputs "$1"
	I=$TRASH/input S=$TRASH/input/$1/submissions O=$TRASH/output/$1 W=$TRASH/work/$1
}

# test_small_year: a small 2013 (tests/schema's minimal plan, matrix and
# registry; one CSV) for tests that build many times; S, O, W as above.
test_small_year() {
	export SOURCE_DATE_EPOCH=1700000000
	mkdir -p "$TRASH/input/2013/submissions"
	cp "$TOP/tests/schema/plan-valid.xml" "$TRASH/input/2013/plan.xml"
	cp "$TOP/input/2013/report.xml" "$TRASH/input/2013/report.xml"
	cp "$TOP/tests/schema/matrix-valid.xml" "$TRASH/input/2013/matrix.xml"
	cp "$TOP/tests/schema/registry-valid.xml" "$TRASH/input/ministries.xml"
	printf '施策番号,府省庁,実績\n1-1-1-ア,内閣官房,小さな年の実績。\n' \
		>"$TRASH/input/2013/submissions/cas-progress.csv"
	S=$TRASH/input/2013/submissions O=$TRASH/output/2013 W=$TRASH/work/2013
}

# test_mounts: mounts made by a test (a subshell) and listed with
# `mounted DIR` are undone at exit, last first, even when a test fails
# half-way; then $TRASH is removed.
test_mounts() {
	trap test_unmount_ EXIT
}
test_unmount_() {
	if [ -f "$TRASH/.mounts" ]; then
		tac "$TRASH/.mounts" | while IFS= read -r m; do umount "$m" 2>/dev/null; done
	fi
	rm -rf "$TRASH"
}
mounted() { echo "$1" >>"$TRASH/.mounts"; }

# test_need_openpyxl NAME: sets PY to Debian's python3; without its
# openpyxl, NAME is skipped and the script ends here.
PY=/usr/bin/python3
test_need_openpyxl() {
	$PY -c 'import openpyxl' 2>/dev/null && return
	test_skip "$1" 'python3-openpyxl is not installed (pipeline/deps.sh)'
	test_done
	exit
}

# axe_setup: axe-core and puppeteer-core from npm (tests/a11y/package-lock.json),
# installed with npm ci into the build tree ($AXE), once per lock file;
# then `node "$AXE/axe.js" FILE.html…` runs axe in Debian's headless
# Chromium.  has_axe: whether Chromium and npm are here.
AXE=$BD/a11y
axe_setup() {
	mkdir -p "$AXE" && (
		flock 9 &&
		if ! cmp -s "$TOP/tests/a11y/package-lock.json" "$AXE/package-lock.json" ||
			! test -d "$AXE/node_modules/axe-core"; then
			cp "$TOP/tests/a11y/package.json" "$TOP/tests/a11y/package-lock.json" "$AXE/" &&
			(cd "$AXE" && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
		fi &&
		cp "$TOP/tests/a11y/axe.js" "$AXE/"
	) 9>"$AXE/.lock"
}
has_axe() {
	test -x /usr/bin/chromium && command -v npm >/dev/null
}

# pdocs WORK KIND: the files render lays out as the KIND (report|slides)
# document of the work folder WORK (the year's, or its draft/), in order
# (front, areas, back); the year's areas.mk lists the areas.
pdocs() {
	mk=$1/areas.mk && { [ -f "$mk" ] || mk=$1/../areas.mk; } &&
	echo "$1/$2/front.pdoc" &&
	for a in $(sed -n "s/^AREAS *:= *//p" "$mk"); do echo "$1/$2/area-$a.pdoc"; done &&
	echo "$1/$2/back.pdoc"
}

test_done() {
	echo "$t_name: $t_pass passed, $t_fail failed, $t_skip skipped"
	[ "$t_fail" -eq 0 ]
}
