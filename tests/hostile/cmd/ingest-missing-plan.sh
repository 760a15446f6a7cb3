"$BIN/ingest" --year 2014 --registry $FX/ministries.xml --plan $H/xml/no-such-plan.xml --matrix $FX/matrix.xml -o "$TRASH/o.xml" $H/csv/duplicate.csv
