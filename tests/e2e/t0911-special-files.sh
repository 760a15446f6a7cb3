#!/bin/sh
# Issue 12: ingest opens only regular files.  A symlink is not followed, a
# FIFO does not hang it, a device or a folder is not read: each is an error
# naming the file (exit 1, nothing written; --draft lists it).
. "$(dirname "$0")/../lib.sh"

cd "$TOP" || exit 3
INGEST=${INGEST:-$BD/bin/ingest}
FX=tests/ingest/fixtures
REFS="--year 2014 --registry $FX/ministries.xml --plan $FX/plan.xml --matrix $FX/matrix.xml"
OK=tests/ingest/progress-ja.csv

# strict NAME MESSAGE: ingest of $OK and NAME exits 1, writes nothing and
# says NAME: error: MESSAGE (a hang is a failure: the guard kills it).
strict() {
	st=0; rm -f "$TRASH/o.xml"
	timeout 30 "$INGEST" $REFS -o "$TRASH/o.xml" "$OK" "$1" 2>"$TRASH/err" || st=$?
	cat "$TRASH/err"
	[ $st -eq 1 ] && [ ! -e "$TRASH/o.xml" ] &&
	grep -F "$1: error: $2" "$TRASH/err"
}

test_expect_success "a FIFO named x.csv: an error, no hang" "
	mkfifo '$TRASH/x.csv' &&
	strict '$TRASH/x.csv' 'not a regular file (a FIFO)'
"

test_expect_success "a symlink to a good CSV is not followed" "
	ln -s '$TOP/$OK' '$TRASH/link.csv' &&
	strict '$TRASH/link.csv' 'is a symbolic link; it is not followed'
"

test_expect_success "a symlink to /etc/passwd: its text appears nowhere, even in --draft" "
	ln -s /etc/passwd '$TRASH/zz.csv' &&
	strict '$TRASH/zz.csv' 'is a symbolic link' &&
	'$INGEST' $REFS --draft -o '$TRASH/d.xml' '$TRASH/zz.csv' 2>/dev/null &&
	! grep -q 'root:' '$TRASH/d.xml' && ! grep -q 'root:' '$TRASH/err'
"

test_expect_success "a device is not read" "
	strict /dev/zero 'not a regular file (a device)'
"

test_expect_success "a folder is not read" "
	mkdir '$TRASH/dir.csv' &&
	strict '$TRASH/dir.csv' 'not a regular file (a folder)'
"

test_expect_success "a missing file: an error naming it" "
	strict '$TRASH/none.csv' 'cannot open: No such file or directory'
"

test_expect_success "an unreadable file: an error naming it (skipped as root)" "
	cp '$OK' '$TRASH/locked.csv' && chmod 000 '$TRASH/locked.csv' &&
	if cat '$TRASH/locked.csv' >/dev/null 2>&1; then echo 'root: skipped'; else
		strict '$TRASH/locked.csv' 'cannot open: Permission denied'; fi
"

test_done
