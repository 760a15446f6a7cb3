# Submissions changed between the inventory and ingest: one file's bytes,
# one replaced by a FIFO (docs/errors.md, issue 12).
d="$TRASH/changed"
rm -rf "$d" && mkdir -p "$d/s"
printf 'x\n' >"$d/s/a.csv"
printf 'y\n' >"$d/s/b.csv"
"$BIN/inventory" --year 2014 --submissions "$d/s" --registry $FX/ministries.xml \
	--plan $FX/plan.xml --matrix $FX/matrix.xml -o "$d/m.xml"
printf 'changed\n' >"$d/s/a.csv"
rm "$d/s/b.csv" && mkfifo "$d/s/b.csv"
"$BIN/ingest" --year 2014 --registry $FX/ministries.xml --plan $FX/plan.xml \
	--matrix $FX/matrix.xml --draft -o "$d/o.xml" --manifest "$d/m.xml"
