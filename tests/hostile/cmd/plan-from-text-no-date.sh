/usr/bin/python3 pipeline/tools/seed2plan.py --year 2013 tests/report/no-date.txt
