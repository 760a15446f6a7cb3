SOURCE_DATE_EPOCH=yesterday "$BIN/render" --fonts fonts/fonts.conf -o "$TRASH/o.pdf" $H/pdoc/dangling-link.pdoc
