"$BIN/xform" -o /nonexistent/dir/o.csv stylesheets/status.xsl tests/fixtures/year/submissions.xml
