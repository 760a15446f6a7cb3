"$BIN/render" --fonts fonts/fonts.conf -o /nonexistent/dir/o.pdf $H/pdoc/dangling-link.pdoc
