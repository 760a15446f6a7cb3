#!/bin/sh
# Issue 12: Excel's 「Unicode テキスト」 (UTF-16LE or BE with a BOM,
# tab-separated, CRLF) and a .CSV in upper case are read by ingest like
# the CSV they come from: the same rows, the same text, the same lines.
. "$(dirname "$0")/../lib.sh"

cd "$TOP" || exit 3
INGEST=${INGEST:-$BD/bin/ingest}
FX=tests/ingest/fixtures
REFS="--year 2014 --registry $FX/ministries.xml --plan $FX/plan.xml --matrix $FX/matrix.xml"

# tsv SRC DST ENCODING: SRC (a UTF-8 CSV) as Excel's Unicode text.
tsv() {
	/usr/bin/python3 - "$1" "$2" "$3" <<'PY'
import csv, io, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
out = io.StringIO()
csv.writer(out, delimiter="\t", lineterminator="\r\n").writerows(rows)
bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[sys.argv[3]]
open(sys.argv[2], "wb").write(bom + out.getvalue().encode(sys.argv[3]))
PY
}

# rows XML: the rows and diagnostics of an ingest output, without the
# file's name, encoding and line ends.
rows() {
	grep -v '^  <file ' "$1" | sed 's/src="[^":]*:/src="F:/; s/ file="[^"]*"//'
}

for f in progress-ja indicators progress-en; do
	for enc in utf-16-le utf-16-be; do
		test_expect_success "$f.csv as Unicode text ($enc): the same rows" "
			'$INGEST' $REFS --draft -o '$TRASH/$f.xml' tests/ingest/$f.csv 2>'$TRASH/$f.err' &&
			tsv tests/ingest/$f.csv '$TRASH/$f-$enc.txt' $enc &&
			file '$TRASH/$f-$enc.txt' | grep -q 'UTF-16' &&
			'$INGEST' $REFS --draft -o '$TRASH/$f-$enc.xml' '$TRASH/$f-$enc.txt' 2>'$TRASH/$f-$enc.err' &&
			grep -q 'encoding=\"UTF-16[LB]E\" eol=\"CRLF\"' '$TRASH/$f-$enc.xml' &&
			rows '$TRASH/$f.xml' >'$TRASH/want' && rows '$TRASH/$f-$enc.xml' >'$TRASH/got' &&
			test_cmp '$TRASH/want' '$TRASH/got' &&
			sed 's|^[^:]*:|F:|' '$TRASH/$f.err' >'$TRASH/want' &&
			sed 's|^[^:]*:|F:|' '$TRASH/$f-$enc.err' >'$TRASH/got' &&
			test_cmp '$TRASH/want' '$TRASH/got'
		"
	done
done

test_expect_success "a tab inside a quoted cell of Unicode text is kept" "
	printf '施策番号\t府省庁\t実績\r\n1-1-1-ア\t総務省\t\"a\tb, c\"\r\n' |
		iconv -f UTF-8 -t UTF-16LE >'$TRASH/body' &&
	printf '\377\376' | cat - '$TRASH/body' >'$TRASH/tab.txt' &&
	'$INGEST' $REFS -o '$TRASH/tab.xml' '$TRASH/tab.txt' 2>'$TRASH/err' &&
	grep -q '<p>a	b, c</p>' '$TRASH/tab.xml'
"

test_expect_success "UTF-16 cut in the middle of a character: an error naming the file" "
	printf '\377\376h\000\n\000x' >'$TRASH/cut.txt' &&
	st=0; '$INGEST' $REFS -o '$TRASH/cut.xml' '$TRASH/cut.txt' 2>'$TRASH/err' || st=\$?
	[ \$st -eq 1 ] &&
	grep -F '$TRASH/cut.txt:2: error: byte offset 6 is not valid UTF-16' '$TRASH/err'
"

test_expect_success "an upper-case .CSV reads as the .csv (nothing depends on the extension)" "
	cp tests/ingest/progress-ja.csv '$TRASH/PROGRESS.CSV' &&
	'$INGEST' $REFS -o '$TRASH/a.xml' tests/ingest/progress-ja.csv 2>/dev/null &&
	'$INGEST' $REFS -o '$TRASH/b.xml' '$TRASH/PROGRESS.CSV' 2>/dev/null &&
	rows '$TRASH/a.xml' >'$TRASH/want' && rows '$TRASH/b.xml' >'$TRASH/got' &&
	test_cmp '$TRASH/want' '$TRASH/got' && grep -q 'name=\"PROGRESS.CSV\"' '$TRASH/b.xml'
"

test_done
