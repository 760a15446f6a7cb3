#!/bin/sh
# The sample submissions in input/<YEAR>/submissions/ (issue 2 item 5):
# they are what pipeline/tools/gen_samples.py makes of the year's plan,
# matrix and registry; they have the mix of forms real ministries send
# (three encodings, two line-end styles, >= 15 ministries, >= 10 indicators
# with >= 3 years); and ingest reads every file with no error.
#
# INGEST=path overrides the ingest binary (default B/bin/ingest, B from
# MAKEFLAGS, else build/bin/ingest).
. "$(dirname "$0")/../lib.sh"

cd "$TOP" || exit 3
INGEST=${INGEST:-$BD/bin/ingest}
YEARS=
for y in 2013 2014; do
	if [ -f "input/$y/plan.xml" ] && [ -f "input/$y/matrix.xml" ]; then
		YEARS="$YEARS $y"
	else
		test_skip "$y: the samples" "input/$y/plan.xml or matrix.xml not there yet"
	fi
done

# Each helper prints the files of one year in a stable order.
csvs() { ls "input/$1/submissions/"*.csv 2>/dev/null; }

has_bom() { [ "$(head -c 3 "$1" | od -An -tx1 | tr -d ' \n')" = efbbbf ]; }
is_utf8() { iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1; }
is_cp932() { ! is_utf8 "$1" && iconv -f CP932 -t UTF-8 "$1" >/dev/null 2>&1; }
has_cr() { [ "$(tr -cd '\r' <"$1" | wc -c)" -gt 0 ]; }

# The ingest output of one year, made once: $TRASH/sub-YEAR.xml, .err
run_ingest() {
	[ -f "$TRASH/sub-$1.xml" ] && return 0
	# shellcheck disable=SC2046
	"$INGEST" --year "$1" --registry input/ministries.xml \
		--plan "input/$1/plan.xml" --matrix "input/$1/matrix.xml" \
		-o "$TRASH/sub-$1.xml" $(csvs "$1") 2>"$TRASH/sub-$1.err"
}

for y in $YEARS; do
	test_expect_success "$y: README says these are samples and lists the gaps" "
		grep -q 'not real ministry data' input/$y/submissions/README.md &&
		grep -q '^## Deliberate gaps' input/$y/submissions/README.md &&
		n=\$(sed -n '/^## Deliberate gaps/,/^Re-listed/p' input/$y/submissions/README.md | grep -c '^- ') &&
		echo \"\$n missing pairs\" && [ \"\$n\" -ge 5 ] && [ \"\$n\" -le 8 ]
	"

	if command -v python3 >/dev/null 2>&1; then
		test_expect_success "$y: committed samples are what gen_samples.py makes" "
			python3 pipeline/tools/gen_samples.py --out '$TRASH/gen-$y' $y &&
			diff -r '$TRASH/gen-$y' input/$y/submissions
		"
	else
		test_skip "$y: committed samples are what gen_samples.py makes" "python3 absent"
	fi

	test_expect_success "$y: at least 15 ministries submitted" "
		n=\$(csvs $y | sed 's|.*/||; s|-.*||' | sort -u | wc -l) &&
		echo \"\$n ministries\" && [ \"\$n\" -ge 15 ]
	"

	test_expect_success "$y: UTF-8, UTF-8 with BOM and CP932 files present" "
		bom=0 utf=0 sjis=0
		for f in \$(csvs $y); do
			if has_bom \$f; then bom=\$((bom + 1))
			elif is_utf8 \$f; then utf=\$((utf + 1))
			elif is_cp932 \$f; then sjis=\$((sjis + 1))
			else echo \"\$f: neither UTF-8 nor CP932\"; exit 1; fi
		done
		echo \"BOM \$bom, UTF-8 \$utf, CP932 \$sjis\"
		[ \$bom -gt 0 ] && [ \$utf -gt 0 ] && [ \$sjis -gt 0 ]
	"

	test_expect_success "$y: CRLF and LF line ends present" "
		crlf=0 lf=0
		for f in \$(csvs $y); do
			if has_cr \$f; then crlf=\$((crlf + 1)); else lf=\$((lf + 1)); fi
		done
		echo \"CRLF \$crlf, LF \$lf\"
		[ \$crlf -gt 0 ] && [ \$lf -gt 0 ]
	"

	test_expect_success "$y: English headers in some files, Japanese in most" "
		en=0 ja=0
		for f in \$(csvs $y); do
			if head -n 1 \$f | grep -Eq '(^|[,\"])(measure|indicator)'; then
				en=\$((en + 1)); else ja=\$((ja + 1)); fi
		done
		echo \"English \$en, Japanese \$ja\"
		[ \$en -gt 0 ] && [ \$ja -gt \$en ]
	"

	if [ -x "$INGEST" ]; then
		test_expect_success "$y: ingest reads every file with 0 errors" "
			run_ingest $y || { cat '$TRASH/sub-$y.err'; exit 1; }
			tail -n 1 '$TRASH/sub-$y.err'
			tail -n 1 '$TRASH/sub-$y.err' | grep -q ' 0 errors' &&
			grep -q 'errors=\"0\"' '$TRASH/sub-$y.xml' &&
			files=\$(csvs $y | wc -l) && [ \$files -gt 0 ] &&
			grep -q \"files=\\\"\$files\\\"\" '$TRASH/sub-$y.xml'
		"

		test_expect_success "$y: ingest sees the three encodings and both line ends" "
			run_ingest $y
			for e in 'encoding=\"UTF-8\"' 'encoding=\"UTF-8-BOM\"' \
				'encoding=\"CP932\"' 'eol=\"CRLF\"' 'eol=\"LF\"'; do
				grep -q \"\$e\" '$TRASH/sub-$y.xml' || { echo \"no file with \$e\"; exit 1; }
			done
		"

		test_expect_success "$y: >= 15 ministries and an area summary from 内閣官房 for every area" "
			run_ingest $y
			n=\$(grep -o '<progress [^>]*' '$TRASH/sub-$y.xml' |
				sed -n 's/.* ministry=\"\\([^\"]*\\)\".*/\\1/p' | sort -u | wc -l)
			echo \"\$n ministries in rows\"; [ \"\$n\" -ge 15 ]
			for a in \$(grep -o '<area id=\"[^\"]*\"' input/$y/plan.xml | sed 's/.*=\"//; s/\"//'); do
				grep -o '<progress [^>]*' '$TRASH/sub-$y.xml' |
				grep \" measure=\\\"\$a\\\"\" | grep -q ' ministry=\"cas\"' ||
				{ echo \"no summary row for area \$a\"; exit 1; }
			done
		"

		test_expect_success "$y: >= 10 indicators with figures for >= 3 years" "
			run_ingest $y
			grep -o '<indicator [^>]*' '$TRASH/sub-$y.xml' |
				sed -n 's/.* ref=\"\\([^\"]*\\)\".* year=\"\\([^\"]*\\)\".*/\\1 \\2/p' |
				sort -u | cut -d' ' -f1 | uniq -c | awk '\$1 >= 3' >'$TRASH/ind-$y'
			cat '$TRASH/ind-$y'
			[ \$(wc -l <'$TRASH/ind-$y') -ge 10 ]
		"
	else
		for n in "reads every file with 0 errors" "sees the three encodings and both line ends" \
		    "ministries and area summaries" "indicators with figures for >= 3 years"; do
			test_skip "$y: ingest $n" "no ingest binary at $INGEST"
		done
		if command -v python3 >/dev/null 2>&1; then
			test_expect_success "$y: >= 10 indicators with >= 3 years (python3 count)" "
				python3 - input/$y/submissions <<-'EOF'
				import csv, io, os, re, sys
				d = sys.argv[1]; years = {}
				for f in sorted(os.listdir(d)):
				    if not f.endswith('.csv'): continue
				    b = open(os.path.join(d, f), 'rb').read()
				    try: t = b.decode('utf-8-sig')
				    except UnicodeDecodeError: t = b.decode('cp932')
				    rows = list(csv.reader(io.StringIO(t)))
				    h = [c.strip() for c in rows[0]]
				    k = [i for i, c in enumerate(h) if c in ('指標', 'indicator')]
				    y = [i for i, c in enumerate(h) if c in ('年度', 'year')]
				    if not k: continue
				    for r in rows[1:]:
				        if len(r) > max(k[0], y[0]) and r[k[0]]:
				            years.setdefault(r[k[0]], set()).add(r[y[0]])
				n = sum(1 for v in years.values() if len(v) >= 3)
				print(n, 'indicators with >= 3 years')
				sys.exit(0 if n >= 10 else 1)
				EOF
			"
		fi
	fi
done

test_done
