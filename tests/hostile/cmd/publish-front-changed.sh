# publish refuses when report.xml, its logo or REPORT_DATE (front.id, taken
# at the start of the run and again just before publish) changed (issue 12).
d="$TRASH/pubfront"
rm -rf "$d" && mkdir -p "$d/s" "$d/w" "$d/out"
printf 'x\n' >"$d/s/a.csv" && printf 'pdf' >"$d/w/r.pdf"
printf 'REPORT_DATE=\nabc  ./report.xml\n' >"$d/w/front.id"
printf 'REPORT_DATE=\ndef  ./report.xml\n' >"$d/w/front.id.now"
set -- --year 2014 --submissions "$d/s" --registry $FX/ministries.xml \
	--plan $FX/plan.xml --matrix $FX/matrix.xml
"$BIN/inventory" "$@" -o "$d/m.xml"
"$BIN/publish" --manifest "$d/m.xml" "$@" --front-id "$d/w/front.id" \
	--front-id-now "$d/w/front.id.now" --stage-in "$d/w" -o "$d/out/2014" "$d/w/r.pdf"
