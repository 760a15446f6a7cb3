#!/bin/sh
# Issue 5: the summary slides of both real years, and of a year with ten
# times the text per area — panels, headings, highlighted (重点) rows, the
# 5 mm margin, 16:9 pages, one outline entry per slide.  The checks are in
# tests/slides/check.py (pdftotext -bbox-layout against the panels that
# `render --dump` names 'frame …').
. "$(dirname "$0")/../lib.sh"

X=${XFORM:-$BD/bin/xform}
RENDER=${RENDER:-$BD/bin/render}
CHECK="python3 $TOP/tests/slides/check.py"
W=$TRASH/work

dump() {	# dump OUT PDOC…: render's laid-out boxes
	out=$1 && shift &&
	"$RENDER" --fonts "$TOP/fonts/fonts.conf" --dump -o "$TRASH/dump.pdf" "$@" >"$out"
}
# The slides' files of work dir $1 (issue 13: front, areas, back) in order.
slides_of() {
	echo "$1/slides/front.pdoc" &&
	for a in $(sed "s/^AREAS :=//" "$1/areas.mk"); do
		echo "$1/slides/area-$a.pdoc"; done &&
	echo "$1/slides/back.pdoc"
}
# The areas of work dir $1's models in one <model> (check.py areas).
areas_model() {
	{ echo "<model>" && for f in $(slides_of "$1" | sed -n "s|/slides/area-\(.*\)\.pdoc$|/model/\1.xml|p"); do
		xmllint --xpath "/model/area" "$f"; done && echo "</model>"; } >"$2"
}

test_inputs 2013 2014

for y in 2013 2014; do
	P=$TRASH/output/$y/summary-slides-$y.pdf
	test_expect_success "$y: make report builds the slides" "
		test_make report YEAR=$y >/dev/null 2>&1 &&
		test -s '$P' && dump '$TRASH/$y.dump' \$(slides_of '$W/$y')
	"
	test_expect_success "$y: every page is 960x540, every word in its panel, 5 mm clear of the edge" "
		$CHECK geometry '$P' '$TRASH/$y.dump'
	"
	test_expect_success "$y: each area's slide shows its title and the three panel headings" "
		areas_model '$W/$y' '$TRASH/$y-areas.xml' &&
		$CHECK areas '$P' '$TRASH/$y-areas.xml'
	"
	test_expect_success "$y: every summary row's 実績 is in the slides (重点 rows where an area has none)" "
		$CHECK highlighted '$P' '$W/$y/submissions.xml' '$TRASH/$y.dump'
	"
	test_expect_success "$y: one outline entry per slide" "
		$CHECK outline '$P'
	"
	# issue 15: an area's own summary rows speak for the area, uncredited
	# (credited 重点 rows, where an area has none: t1080)
	test_expect_success "$y: area summaries are not credited, the title slide has both calendars" "
		pdftotext -q '$P' - | tr -d ' \n' >'$TRASH/$y.txt' &&
		! grep -qF '（内閣官房）' '$TRASH/$y.txt' &&
		pdftotext -q -f 1 -l 1 '$P' - | tr -d ' \n' | grep -q '平成[0-9]*年度（${y}年度）'
	"
done

# The checker is not vacuous: panels 20 pt narrower than drawn are caught.
test_expect_success 'check.py geometry fails when words stick out of a panel' '
	sed "s/^\(  rect [^ ]* [^ ]*\) \([0-9.]*\) \(.*frame\)/\1 20 \3/" "$TRASH/2014.dump" >"$TRASH/narrow.dump" &&
	! $CHECK geometry "$TRASH/output/2014/summary-slides-2014.pdf" "$TRASH/narrow.dump" >/dev/null
'

test_expect_success 'ten times the text: （続き） slides, every highlighted row kept, nothing outside the panels' '
	"$X" -o "$TRASH/ten-subs.xml" "$TOP/tests/slides/ten.xsl" "$W/2014/submissions.xml" 2>/dev/null &&
	T=$TRASH/ten && mkdir -p "$T/submissions" "$T/model" "$T/sum" "$T/slides" &&
	cp "$W/2014/submissions/year.xml" "$T/submissions/" && cp "$W/2014/areas.mk" "$T/" &&
	for a in $(sed "s/^AREAS :=//" "$T/areas.mk"); do
		"$X" -o "$T/submissions/area-$a.xml" "$TOP/tests/slides/ten.xsl" "$W/2014/submissions/area-$a.xml" &&
		"$X" --param year 2014 --param registry "$TRASH/input/ministries.xml" --param draft 0 \
			-o "$T/model/$a.xml" "$TOP/stylesheets/join.xsl" "$T/submissions/area-$a.xml" &&
		"$X" -o "$T/sum/$a.xml" "$TOP/stylesheets/sum.xsl" "$T/model/$a.xml" &&
		"$X" -o "$T/slides/area-$a.pdoc" "$TOP/stylesheets/slides.xsl" "$T/model/$a.xml" || exit 1
	done 2>/dev/null &&
	"$X" --param year 2014 --param registry "$TRASH/input/ministries.xml" --param dir "$T" \
		-o "$T/year.xml" "$TOP/stylesheets/year.xsl" "$T/submissions/year.xml" 2>/dev/null &&
	"$X" --param report "$TRASH/input/2014/report.xml" \
		-o "$T/slides/front.pdoc" "$TOP/stylesheets/slides-front.xsl" "$T/year.xml" 2>/dev/null &&
	"$X" -o "$T/slides/back.pdoc" "$TOP/stylesheets/slides-back.xsl" "$T/year.xml" 2>/dev/null &&
	"$RENDER" --fonts "$TOP/fonts/fonts.conf" -o "$TRASH/ten.pdf" $(slides_of "$T") 2>/dev/null &&
	dump "$TRASH/ten.dump" $(slides_of "$T") &&
	areas_model "$T" "$TRASH/ten-model.xml" &&
	$CHECK continued "$TRASH/ten.pdf" &&
	test "$(pdfinfo "$TRASH/ten.pdf" | sed -n "s/^Pages: *//p")" -gt 20 &&
	$CHECK geometry "$TRASH/ten.pdf" "$TRASH/ten.dump" &&
	$CHECK areas "$TRASH/ten.pdf" "$TRASH/ten-model.xml" &&
	$CHECK highlighted "$TRASH/ten.pdf" "$TRASH/ten-subs.xml" "$TRASH/ten.dump" &&
	$CHECK outline "$TRASH/ten.pdf"
'

test_expect_success 'continuation slides leave finished panels off and name the continued ones' '
	pdftotext -q "$TRASH/ten.pdf" - | tr -d " \n" | grep -qF "昨年度の実績（続き）" &&
	awk "/^page / { if (n == 1 || n == 2) few++; n = 0 } /frame / { n++ }
		END { if (n == 1 || n == 2) few++; exit !(few > 0) }" "$TRASH/ten.dump"
'

# A character no pinned font has, in a bullet made from a CSV row, is
# reported at that CSV file and line (slides.xsl puts src= on bullets).
test_expect_success 'an uncovered character in a slide bullet names its CSV line' '
	W2=$TRASH/work/2014 &&
	src=$(grep -o "<li src=\"[^\"]*\">" "$W2/slides/area-1.pdoc" | head -n 1 | cut -d\" -f2) &&
	test -n "$src" &&
	sed "0,/<li src=\"[^\"]*\">/s//&😀/" "$W2/slides/area-1.pdoc" >"$TRASH/emoji.pdoc" &&
	! "$RENDER" --fonts "$TOP/fonts/fonts.conf" -o "$TRASH/emoji.pdf" "$TRASH/emoji.pdoc" 2>"$TRASH/emoji.err" &&
	cat "$TRASH/emoji.err" &&
	grep -qF "$src: error: character U+1F600" "$TRASH/emoji.err" &&
	test ! -e "$TRASH/emoji.pdf"
'

test_done
