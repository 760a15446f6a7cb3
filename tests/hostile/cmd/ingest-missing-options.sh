"$BIN/ingest" --year 2014 --plan $FX/plan.xml -o "$TRASH/o.xml" $H/csv/duplicate.csv
