"$BIN/render" --fonts "$TRASH/none.conf" -o "$TRASH/o.pdf" $H/pdoc/dangling-link.pdoc
