"$BIN/check" --year 2013 --schemas stylesheets --registry tests/schema/registry-valid.xml --plan tests/schema/plan-valid.xml --matrix tests/schema/matrix-valid.xml --report tests/report/not-logo.xml
