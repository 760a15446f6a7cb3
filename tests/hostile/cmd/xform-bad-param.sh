"$BIN/xform" --param "bad name" x -o "$TRASH/o.xml" stylesheets/status.xsl tests/fixtures/year/submissions.xml
