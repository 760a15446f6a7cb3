#!/bin/sh
# ingest (issue 3 stage 1, issue 6 CSV half): golden files, exit codes,
# strict vs --draft, atomic output, the accounting invariant, large inputs.
#
# INGEST=path overrides the ingest binary (default B/bin/ingest, B from
# MAKEFLAGS, else build/bin/ingest).
. "$(dirname "$0")/../lib.sh"

cd "$TOP" || exit 3
INGEST=${INGEST:-$BD/bin/ingest}
FX=tests/ingest/fixtures
REFS="--year 2014 --registry $FX/ministries.xml --plan $FX/plan.xml --matrix $FX/matrix.xml"

test_expect_success "golden files (tests/ingest/run.sh)" "
	sh tests/ingest/run.sh '$INGEST'
"

test_expect_success "--help prints usage on stdout, exit 0" "
	'$INGEST' --help >'$TRASH/help' &&
	grep -q '^usage: ingest --year Y' '$TRASH/help'
"

test_expect_success "missing options: exit 2" "
	st=0; '$INGEST' -o '$TRASH/x.xml' tests/ingest/progress-ja.csv 2>'$TRASH/err' || st=\$?
	[ \$st -eq 2 ] && grep -q 'are required' '$TRASH/err' && [ ! -e '$TRASH/x.xml' ]
"

# 9 errors: errors.csv's 8, and the two files both report 1-1-1-ア for cas
# (two versions of one submission, issue 12)
test_expect_success "strict: an error keeps the previous output byte-identical" "
	echo previous >'$TRASH/keep.xml' &&
	st=0; '$INGEST' $REFS -o '$TRASH/keep.xml' tests/ingest/progress-ja.csv \
		tests/ingest/errors.csv 2>'$TRASH/err' || st=\$?
	[ \$st -eq 1 ] && [ \"\$(cat '$TRASH/keep.xml')\" = previous ] &&
	[ ! -e '$TRASH/keep.xml.tmp' ] &&
	tail -n 1 '$TRASH/err' >'$TRASH/last' &&
	echo 'ingest: 2 files, 28 rows, 9 errors, 6 warnings' >'$TRASH/want' &&
	test_cmp '$TRASH/want' '$TRASH/last'
"

test_expect_success "--draft: errors are written as <diag>, exit 0" "
	'$INGEST' $REFS --draft -o '$TRASH/d.xml' tests/ingest/errors.csv 2>/dev/null &&
	grep -q '<submissions year=\"2014\" files=\"1\" rows=\"13\" errors=\"8\" warnings=\"5\">' '$TRASH/d.xml' &&
	[ \$(grep -c '<diag severity=\"error\"' '$TRASH/d.xml') -eq 8 ]
"

test_expect_success "unwritable output directory: exit 3" "
	st=0; '$INGEST' $REFS -o '$TRASH/no/such/dir/x.xml' tests/ingest/progress-ja.csv \
		2>'$TRASH/err' || st=\$?
	[ \$st -eq 3 ] && grep -q 'cannot write' '$TRASH/err'
"

test_expect_success "unreadable plan: exit 1, nothing written" "
	st=0; '$INGEST' --year 2014 --registry $FX/ministries.xml --plan '$TRASH/none.xml' \
		--matrix $FX/matrix.xml -o '$TRASH/p.xml' tests/ingest/progress-ja.csv \
		2>'$TRASH/err' || st=\$?
	[ \$st -eq 1 ] && [ ! -e '$TRASH/p.xml' ]
"

test_expect_success "no CSV files: a warning and an empty list, exit 0" "
	'$INGEST' $REFS -o '$TRASH/none.xml' 2>'$TRASH/err' &&
	grep -q '^warning: no submission CSV files given' '$TRASH/err' &&
	grep -q '<submissions year=\"2014\" files=\"0\" rows=\"0\" errors=\"0\" warnings=\"1\">' '$TRASH/none.xml'
"

test_expect_success "duplicates and conflicts across files" "
	printf '指標,年度,値,府省庁\nceptoar,2014,10,総務省\nceptoar,2013,7,MIC\n' >'$TRASH/a.csv' &&
	printf 'indicator,year,value,ministry\nceptoar,H26,11,mic\nceptoar,平成25年度,7,soumu\n' >'$TRASH/b.csv' &&
	'$INGEST' $REFS --draft -o '$TRASH/c.xml' '$TRASH/a.csv' '$TRASH/b.csv' 2>'$TRASH/err' &&
	grep -F \"b.csv:2: error: conflicting values for indicator 'ceptoar', year 2014, ministry mic: '11' here, '10' at a.csv:2\" '$TRASH/err' &&
	grep -F \"a.csv:2: error: conflicting values for indicator 'ceptoar', year 2014, ministry mic: '10' here, '11' at b.csv:2\" '$TRASH/err' &&
	grep -F 'b.csv:3: warning: duplicate of a.csv:3' '$TRASH/err' &&
	[ \$(grep -c '<indicator ' '$TRASH/c.xml') -eq 1 ]
"

test_expect_success "accounting: every cell of the broken samples is kept or quoted" "
	'$INGEST' $REFS --draft -o '$TRASH/all.xml' tests/ingest/*.csv 2>/dev/null &&
	python3 tests/ingest/account.py '$TRASH/all.xml' tests/ingest/*.csv
"

for y in 2013 2014; do
	ls input/$y/submissions/*.csv >/dev/null 2>&1 || continue
	test_expect_success "$y samples: no error, every cell kept" "
		'$INGEST' --year $y --registry input/ministries.xml --plan input/$y/plan.xml \
			--matrix input/$y/matrix.xml -o '$TRASH/s$y.xml' input/$y/submissions/*.csv \
			2>'$TRASH/err$y' &&
		tail -n 1 '$TRASH/err$y' | grep -q ', 0 errors, ' &&
		python3 tests/ingest/account.py '$TRASH/s$y.xml' input/$y/submissions/*.csv
	"
done

test_expect_success "100 000 rows and a multi-line cell of 100 000 lines finish" "
	awk 'BEGIN { print \"施策番号,府省庁,実績\";
		for (i = 0; i < 100000; i++) printf \"1-2-ア,内閣官房,実績%d\\n\", i;
		printf \"4-ア,内閣官房,\\\"\";
		for (i = 0; i < 100000; i++) printf \"行%d\\n\", i;
		print \"\\\"\"; print \"1-2-ロ,総務省,最後\" }' >'$TRASH/big.csv' &&
	timeout 60 '$INGEST' $REFS -o '$TRASH/big.xml' '$TRASH/big.csv' 2>'$TRASH/err' &&
	tail -n 1 '$TRASH/err' | grep -q 'ingest: 1 files, 100002 rows, 0 errors, 0 warnings' &&
	grep -q 'src=\"big.csv:200003\"' '$TRASH/big.xml'
"

test_expect_success "100 000 rows of unknown ids and ministries finish, each reported" "
	awk 'BEGIN { print \"施策番号,府省庁,実績\";
		for (i = 0; i < 100000; i++) printf \"9-9-%d-ア,総務庁,実績%d\\n\", i, i }' >'$TRASH/bad.csv' &&
	st=0; timeout 60 '$INGEST' $REFS -o '$TRASH/bad.xml' '$TRASH/bad.csv' 2>'$TRASH/err' || st=\$?
	[ \$st -eq 1 ] && [ ! -e '$TRASH/bad.xml' ] &&
	tail -n 1 '$TRASH/err' | grep -q 'ingest: 1 files, 100000 rows, 200000 errors, 0 warnings' &&
	grep -q '^$TRASH/bad.csv:100001: error: unknown ministry .総務庁.; no suggestions after 1000 of them' '$TRASH/err'
"

test_expect_success "every message in docs/ingest.md is produced by a golden input" "
	{ echo h && head -c 8388609 /dev/zero | tr '\\0' x && echo; } >'$TRASH/bigcell.csv' &&
	{ '$INGEST' $REFS -o '$TRASH/bigcell.xml' '$TRASH/bigcell.csv' 2>'$TRASH/bigcell.err'; true; } &&
	cat tests/ingest/*.err '$TRASH/bigcell.err' >'$TRASH/all.err' &&
	sed -n '/^## Messages/,\$p' docs/ingest.md | grep '^| \`' | grep -v '(untested)' |
		sed 's/^| \`\([^\`]*\)\`.*/\1/' >'$TRASH/messages' &&
	[ \$(wc -l <'$TRASH/messages') -ge 40 ] &&
	missing=0 &&
	while IFS= read -r m; do
		re=\$(printf '%s' \"\$m\" | sed 's/[][\\.*^\$/()?+{}|]/\\\\&/g; s/…/.*/g')
		grep -Eq \": (error|warning): \$re\" '$TRASH/all.err' ||
			{ echo \"not produced: \$m\"; missing=1; }
	done <'$TRASH/messages' &&
	[ \$missing -eq 0 ]
"

test_done
