sh pipeline/new-year.sh "$BIN/xform" "$TRASH" 2016 2009
