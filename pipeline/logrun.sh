#!/bin/sh
# pipeline/logrun.sh LOG COMMAND…: runs COMMAND as usual (its output on
# stdout, its diagnostics on stderr) and keeps all of it in LOG too; when
# it fails, says where LOG is.  make report and make draft run the year's
# work through it, so build/Y/report.log (draft.log) holds the whole of
# the last run.  Exit: COMMAND's status.
log=$1
shift
mkdir -p "$(dirname "$log")" && : >"$log" || exit 3
rcf=$log.rc
rm -f "$rcf"
# stderr through one tee (back to stderr), stdout through another (fd 9:
# make's jobserver passes its own descriptors, 3 and 4, to COMMAND)
{ { "$@"; echo $? >"$rcf"; } 2>&1 1>&9 9>&- | tee -a "$log" >&2 9>&-; } 9>&1 | tee -a "$log"
rc=$(cat "$rcf" 2>/dev/null) || rc=3
rm -f "$rcf"
[ "$rc" -eq 0 ] || echo "the whole output of this run: $log" >&2
exit "$rc"
