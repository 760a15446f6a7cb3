# inventory lists a folder with one entry of each kind it refuses or skips;
# ingest --manifest reports them (docs/errors.md, issue 12).
d="$TRASH/entries"
rm -rf "$d" && mkdir -p "$d/s/folder"
cp "$FX/../../hostile/csv/duplicate.csv" "$d/s/ok.csv" 2>/dev/null || printf 'x\n' >"$d/s/ok.csv"
printf 'PK' >"$d/s/book.xlsx"
printf 'x' >"$d/s/old.xls"
ln -s /etc/passwd "$d/s/link.csv"
mkfifo "$d/s/fifo.csv"
printf 'x' >"$d/s/notes.pdf"
printf 'x' >"$d/s/$(printf 'bad\377.csv')"
printf 'x' >"$d/s/~\$book.csv"
printf 'x' >"$d/s/Thumbs.db"
printf 'x' >"$d/s/README.md"
"$BIN/inventory" --year 2014 --submissions "$d/s" --registry $FX/ministries.xml \
	--plan $FX/plan.xml --matrix $FX/matrix.xml -o "$d/m.xml"
"$BIN/ingest" --year 2014 --registry $FX/ministries.xml --plan $FX/plan.xml \
	--matrix $FX/matrix.xml --draft -o "$d/o.xml" --manifest "$d/m.xml"
