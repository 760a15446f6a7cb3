#!/bin/sh
# Issue 16: every message of every stage has its Japanese form.  The
# template po/pipeline.pot must be what `make pot` extracts from the
# sources now (C: _(), ngettext and the diag functions' formats;
# stylesheets: xsl:message), and po/ja.po must translate each of its
# messages, none fuzzy; msgfmt --check checks the printf formats.  After
# changing a message: make po, then translate the new entries of po/ja.po.
. "$(dirname "$0")/../lib.sh"

cd "$TOP" || exit 3
if ! command -v xgettext >/dev/null || ! command -v msgcmp >/dev/null; then
	test_skip 'catalogue' 'gettext is not installed (pipeline/deps.sh)'
	test_done
	exit
fi

test_expect_success 'po/pipeline.pot is current with the sources (make po after a change)' '
	make -s pot POT="$TRASH/now.pot" &&
	test_cmp po/pipeline.pot "$TRASH/now.pot"
'

test_expect_success 'po/ja.po translates every message of the sources, none fuzzy' '
	msgcmp po/ja.po "$TRASH/now.pot" &&
	msgfmt --check --statistics -o "$TRASH/ja.mo" po/ja.po 2>"$TRASH/stat" &&
	cat "$TRASH/stat" &&
	grep "^[0-9]* translated messages\.$" "$TRASH/stat" &&
	test "$(msgattrib --untranslated po/ja.po | grep -c "^msgid ")" -eq 0 &&
	test "$(msgattrib --only-fuzzy po/ja.po | grep -c "^msgid ")" -eq 0
'

test_expect_success 'the check fails for a message without its Japanese form' '
	printf "\n#, c-format\nmsgid \"a new message %%s\"\nmsgstr \"\"\n" >>"$TRASH/now.pot" &&
	! msgcmp po/ja.po "$TRASH/now.pot" 2>"$TRASH/new.err" &&
	grep "used but not defined in po/ja.po" "$TRASH/new.err"
'

test_expect_success 'the stages'"'"' message formats are all in the template' '
	grep -q "^msgid \"unknown measure id %s; %s\"$" po/pipeline.pot &&
	grep -q "^msgid \"value '"'"'%s'"'"' has more than 15 significant digits" po/pipeline.pot &&
	grep -q "^msgid \"the input is not an area'"'"'s model (run join.xsl first)\"$" po/pipeline.pot &&
	grep -q "^msgid \"check: unknown argument '"'"'%s'"'"'\\\\n\"$" po/pipeline.pot
'

test_expect_success 'make builds the catalogue the binaries load (BUILD/locale beside BUILD/bin)' '
	make -s all >/dev/null 2>&1 &&
	test -s "$BD/locale/ja/LC_MESSAGES/pipeline.mo" &&
	cmp "$TRASH/ja.mo" "$BD/locale/ja/LC_MESSAGES/pipeline.mo"
'

test_done
