"$BIN/ingest" --year 2014 --registry $FX/ministries.xml --plan $FX/plan.xml --matrix $FX/matrix.xml -o /nonexistent/dir/o.xml $H/csv/duplicate.csv
