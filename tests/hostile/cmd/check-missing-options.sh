"$BIN/check" --year 2014 --plan $FX/plan.xml
