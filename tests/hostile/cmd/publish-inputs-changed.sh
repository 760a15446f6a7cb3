# publish re-takes the inventory and refuses when it differs from the
# manifest the build used; and when OUT is not a folder (issue 12).
d="$TRASH/pub"
rm -rf "$d" && mkdir -p "$d/s" "$d/w" "$d/out"
printf 'x\n' >"$d/s/a.csv" && printf 'pdf' >"$d/w/r.pdf"
set -- --year 2014 --submissions "$d/s" --registry $FX/ministries.xml \
	--plan $FX/plan.xml --matrix $FX/matrix.xml
"$BIN/inventory" "$@" -o "$d/m.xml"
printf 'changed\n' >"$d/s/a.csv"
"$BIN/publish" --manifest "$d/m.xml" "$@" --stage-in "$d/w" -o "$d/out/2014" "$d/w/r.pdf"
"$BIN/inventory" "$@" -o "$d/m.xml"
printf 'file' >"$d/out/2015"
"$BIN/publish" --manifest "$d/m.xml" "$@" --stage-in "$d/w" -o "$d/out/2015" "$d/w/r.pdf"
