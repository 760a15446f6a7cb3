# A cell one byte over the 8 MiB limit (CSVREAD_MAX_CELL): an error naming
# the cell and its size; made here rather than kept as an 8 MiB file.
d="$TRASH/huge"
rm -rf "$d" && mkdir -p "$d"
{ printf '施策番号,府省庁,実績\n1-1-1-ア,内閣官房,' && head -c 8388609 /dev/zero | tr '\0' x &&
	printf '\n'; } >"$d/huge-cell.csv"
"$BIN/ingest" --year 2014 --registry $FX/ministries.xml --plan $FX/plan.xml \
	--matrix $FX/matrix.xml --draft -o "$d/o.xml" "$d/huge-cell.csv"
