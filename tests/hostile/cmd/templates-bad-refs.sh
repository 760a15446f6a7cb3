# templates on a plan whose first responsible ministry and group are unknown
# and a matrix entry aimed at no plan id (docs/errors.md section 6).
sed -e '0,/<ministry ref="cas"\/>/s//<ministry ref="nosuch"\/>/' \
	-e '0,/<group ref="related"\/>/s//<group ref="nogroup"\/>/' $FX/plan.xml >"$TRASH/tplan.xml"
sed '0,/<entry target="[^"]*"/s//<entry target="9-9-9"/' $FX/matrix.xml >"$TRASH/tmatrix.xml"
"$BIN/templates" --year 2014 --registry $FX/ministries.xml --plan "$TRASH/tplan.xml" \
	--matrix "$TRASH/tmatrix.xml" -o "$TRASH/templates"
