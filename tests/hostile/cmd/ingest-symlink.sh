ln -s /etc/passwd "$TRASH/zz.csv" && "$BIN/ingest" --year 2014 --registry $FX/ministries.xml --plan $FX/plan.xml --matrix $FX/matrix.xml --draft -o "$TRASH/o.xml" "$TRASH/zz.csv"
