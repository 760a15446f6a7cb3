/usr/bin/python3 pipeline/tools/seed2plan.py --year 2013 -o "$TRASH/plan.xml" tests/report/stray-item.txt
