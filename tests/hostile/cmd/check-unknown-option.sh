"$BIN/check" --year 2014 --bogus x
