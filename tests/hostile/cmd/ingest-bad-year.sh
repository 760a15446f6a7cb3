"$BIN/ingest" --year nonsense --registry $FX/ministries.xml --plan $FX/plan.xml --matrix $FX/matrix.xml -o "$TRASH/o.xml" $H/csv/duplicate.csv
