"$BIN/xform" -o /nonexistent/dir/o.mk stylesheets/areas.xsl tests/fixtures/year/plan.xml
