"$BIN/xform" --bogus -o "$TRASH/o.xml" stylesheets/status.xsl tests/fixtures/year/submissions.xml
