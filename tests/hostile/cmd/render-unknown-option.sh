"$BIN/render" --bogus -o "$TRASH/o.pdf" $H/pdoc/dangling-link.pdoc
