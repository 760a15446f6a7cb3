#!/bin/sh
# valgrind on one full FY2014 build (issue 6): every stage command that
# `make report YEAR=2014` runs (inventory, ingest, check, xform per area and
# for the year, render ×2, chase, publish), taken from
# `make -n` so it follows the Makefile, is run under memcheck.  Fails if
# any reports an invalid read/write, a use of uninitialised memory or a
# block "definitely lost".  Library caches that live until exit by design
# (fontconfig, pango, GLib types) are only ever "still reachable" or
# "possibly lost" and are not counted.
#
#   sh tests/valgrind.sh [YEAR]     (B=... make variable honoured via MAKEFLAGS or $B)
# Logs: $WORK/valgrind-*.log; prints one line per stage and a summary.
set -u
YEAR=${1:-2014}
TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP" || exit 3
BD=${B:-build}
for w in ${MAKEFLAGS:-}; do case $w in B=*) BD=${w#B=} ;; esac; done
command -v valgrind >/dev/null || { echo "valgrind: not installed (apt-get install valgrind)"; exit 3; }
make -s B="$BD" all >/dev/null || exit 3
T=$(mktemp -d "${TMPDIR:-/tmp}/valgrind.XXXXXX")
OUT=$T/out WORK=$T/work
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
# The commands of a full build, in order (make -n -B: all of them).
make -n -B -s B="$BD" OUTDIR="$OUT" WORK="$WORK" report YEAR="$YEAR" 2>/dev/null |
	grep -E "^($BD|$(realpath -m "$BD"))/bin/(inventory|ingest|check|xform|render|chase|publish) |^mkdir -p $WORK|^install -C |set -C|front\.id" >"$T/cmds"
n=$(grep -c "/bin/" "$T/cmds")
[ "$n" -ge 5 ] || { echo "valgrind: found only $n stage commands in make -n"; cat "$T/cmds"; exit 3; }
mkdir -p "$OUT/$YEAR" "$WORK/$YEAR"
fail=0 i=0
while IFS= read -r cmd; do
	# the folders of the per-area files, the HTML index files (install -C),
	# the concatenations (status CSV, HTML edition) and front.id (taken at the start and again before publish)
	# run as they are; every stage command under memcheck
	case $cmd in */bin/*) ;; *) sh -c "$cmd" || fail=1; continue ;; esac
	i=$((i + 1))
	stage=$(echo "$cmd" | sed 's|^[^ ]*/bin/\([a-z]*\) .*|\1|')
	what=$(echo "$cmd" | awk '{print $NF}' | sed 's|.*/||')
	log=$T/valgrind-$i-$stage.log
	t0=$(date +%s)
	# shellcheck disable=SC2086
	eval "valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite \
		--errors-for-leak-kinds=definite --track-origins=no --num-callers=30 \
		--error-exitcode=99 --log-file='$log' $cmd" >/dev/null 2>"$T/stderr-$i"
	st=$?
	t1=$(date +%s)
	def=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tail -n 1)
	errs=$(sed -n 's/.*ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' "$log" | tail -n 1)
	inv=$(grep -c 'Invalid read\|Invalid write\|uninitialised\|Invalid free' "$log")
	echo "valgrind $i $stage $what: exit $st, ${errs:-?} errors, ${inv} invalid accesses, definitely lost ${def:-0} bytes, $((t1 - t0)) s"
	if [ "$st" -ne 0 ] || [ "${errs:-1}" -ne 0 ]; then
		fail=1
		grep -A12 'Invalid\|uninitialised\|definitely lost in' "$log" | head -n 40
		tail -n 3 "$T/stderr-$i"
	fi
done <"$T/cmds"
if [ $fail -eq 0 ]; then
	echo "valgrind: ok, $n commands, logs in $T"
	rm -rf "$T"
else
	echo "valgrind: FAILED, logs in $T"
fi
exit $fail
