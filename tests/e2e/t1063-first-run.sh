#!/bin/sh
# Issue 14, a newcomer's first run: make prints one short line per compile
# (kbuild style, V=1 for the commands) and make report one progress line
# per stage and its diagnostics, never the commands; the whole output of
# the run is kept in the work folder, and its path printed when it fails.
. "$(dirname "$0")/../lib.sh"

test_year 2014

test_expect_success 'a compile is one short line; V=1 shows the command' '
	make -s --no-print-directory -C "$TOP" B="$TRASH/b" WORK="$TRASH/w" "$TRASH/b/obj/pipeline/common/strbuf.o" >"$TRASH/out" 2>&1 &&
	test "$(cat "$TRASH/out")" = "  CC     pipeline/common/strbuf.c" &&
	rm "$TRASH/b/obj/pipeline/common/strbuf.o" &&
	make --no-print-directory -C "$TOP" B="$TRASH/b" WORK="$TRASH/w" V=1 "$TRASH/b/obj/pipeline/common/strbuf.o" >"$TRASH/out" 2>&1 &&
	grep -q -- "-c pipeline/common/strbuf.c -o $TRASH/b/obj/pipeline/common/strbuf.o" "$TRASH/out"
'

test_expect_success 'make report: progress lines and diagnostics, no command; the log kept' '
	test_make report YEAR=2014 >"$TRASH/out" 2>"$TRASH/err" &&
	! grep -q "bin/\(inventory\|ingest\|check\|xform\|render\|publish\) " "$TRASH/out" "$TRASH/err" &&
	grep -q "^report: " "$TRASH/out" && grep -q "^ingest: " "$TRASH/err" &&
	grep -q "^render: .*, 0 errors" "$TRASH/err" &&
	test "$(wc -l <"$TRASH/err")" -lt 60 &&
	grep -q "^ingest: " "$W/report.log" && grep -q "^report: " "$W/report.log"
'

test_expect_success 'a failing run names its log, which holds the error' '
	sed "s|<date>[^<]*</date>|<date>2015-02-10</date>|" "$TRASH/input/2014/report.xml" >"$TRASH/r.xml" &&
	mv "$TRASH/r.xml" "$TRASH/input/2014/report.xml" &&
	! test_make report YEAR=2014 >"$TRASH/out" 2>"$TRASH/err" &&
	grep -q "^the whole output of this run: $W/report.log$" "$TRASH/err" &&
	grep -q "report.xml:[0-9]*: error: date 2015-02-10" "$W/report.log"
'

test_done
