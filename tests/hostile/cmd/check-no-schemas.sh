"$BIN/check" --year 2013 --schemas "$TRASH/none" --registry tests/schema/registry-valid.xml --plan tests/schema/plan-valid.xml --matrix tests/schema/matrix-valid.xml
