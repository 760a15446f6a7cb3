sh pipeline/new-year.sh "$BIN/xform" input 2014 2013
