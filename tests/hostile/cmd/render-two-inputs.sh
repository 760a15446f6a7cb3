"$BIN/render" -o "$TRASH/o.pdf" $H/pdoc/dangling-link.pdoc $H/pdoc/anchor-twice.pdoc
