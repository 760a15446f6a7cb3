#!/bin/sh
# make new-year YEAR=2015 FROM=2014 (issue 14): input/YEAR/ ready for work,
# from input/FROM/: plan.xml and matrix.xml carried over (their year="…"
# set to YEAR), report.xml with every block of the year's own words marked
# review="required" and the date empty (stylesheets/new-year.xsl), the
# logo, an empty submissions/ with its README.md; then a checklist.
# Never overwrites: an existing input/YEAR is an error.
# Usage: pipeline/new-year.sh XFORM INPUT YEAR FROM
set -eu
xform=$1 input=$2 year=$3 from=$4
new=$input/$year old=$input/$from

case $year$from in
*[!0-9]*) echo "new-year: YEAR and FROM must be years (make new-year YEAR=2015 FROM=2014)" >&2; exit 2 ;;
esac
if [ -e "$new" ]; then
	echo "$new: error: already exists; make new-year never overwrites a year (move it away first, or choose another YEAR)" >&2
	exit 1
fi
for f in plan.xml matrix.xml report.xml; do
	if [ ! -f "$old/$f" ]; then
		echo "$old/$f: error: not found; FROM must be a year with plan.xml, matrix.xml and report.xml" >&2
		exit 1
	fi
done

# Built in a temporary folder beside it and renamed: all or nothing.
tmp=$input/.new-year-$year.$$
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/submissions"
# the root element's year="FROM" → year="YEAR"; nothing else changes
for f in plan matrix; do
	sed "0,/^<$f /{/^<$f /s/ year=\"$from\"/ year=\"$year\"/}" "$old/$f.xml" >"$tmp/$f.xml"
	if ! grep -q "^<$f [^>]*year=\"$year\"" "$tmp/$f.xml"; then
		echo "$old/$f.xml: warning: no year=\"$from\" on the <$f> line; set year=\"$year\" in $new/$f.xml by hand" >&2
	fi
done
"$xform" --param year "$year" -o "$tmp/report.xml" stylesheets/new-year.xsl "$old/report.xml" 2>/dev/null
logo=$(sed -n 's/.*<logo src="\([^"]*\)".*/\1/p' "$tmp/report.xml" | head -n 1)
if [ -n "$logo" ] && [ -f "$old/$logo" ]; then
	cp "$old/$logo" "$tmp/$logo"
fi
cat >"$tmp/submissions/README.md" <<README
# 提出ファイル（$year 年度）

各府省庁から届いた CSV ファイルを、名前を変えずにこのフォルダへ置きます
（UTF-8・Shift_JIS のどちらでも、ファイル名は自由です）。記入様式は
\`make templates YEAR=$year\` で \`output/$year/templates/\` に作られます。

置いたら \`make validate YEAR=$year\` で確かめ、\`make report YEAR=$year\` で
報告書を作ります。このファイル（README.md）は読み飛ばされます。
README
mv "$tmp" "$new"
trap - EXIT INT TERM

n=$(grep -c '<[a-z]* review="required"' "$new/report.xml" || true)
cat <<MSG
new-year: $new made from $old.  Next:
  1. $new/plan.xml: the new year's plan (make plan-from-text YEAR=$year TEXT=plan.txt
     makes it from the plan as published); until then last year's, year="$year".
  2. $new/matrix.xml: the new year's evaluation matrix (評価等の実施方針); until then
     last year's, year="$year".
  3. $new/report.xml: $n blocks say review="required": reread each (title, body,
     はじめに, 評価の枠組み, おわりに), correct it for $year, delete review="required";
     write <date> (the publication date, on or after $((year + 1))-04-01).
  4. make templates YEAR=$year, send the forms; put the CSV files they return
     in $new/submissions/.
  5. make validate YEAR=$year, then make draft YEAR=$year (案, with every open point
     listed), then make report YEAR=$year.
MSG
