"$BIN/ingest" --year 2014 --registry $FX/ministries.xml --plan $FX/plan.xml --matrix $FX/matrix.xml -o "$TRASH/o.xml" tests/ingest/overlap/mic-progress.csv "tests/ingest/overlap/mic-progress (2).csv"
