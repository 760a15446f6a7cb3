"$BIN/ingest" --year 2014 --registry $FX/ministries.xml --plan $FX/plan.xml --matrix $FX/matrix.xml --draft -o "$TRASH/o.xml" $H/csv/no-such-file.csv
