#!/bin/sh
# Sets seed 002 with jltext at three measures and reads the PDFs back
# (tests/jltext/check.py: text layer, kinsoku, boxes inside, flush right).
#   sh tests/jltext/check.sh [BUILD_DIR]      exit 0 when all pass
set -e
B=${1:-/tmp/build-jltext}
SEED=${SEED:-/work/shared/seeds/002_34b977491ed3c271.txt}
sh tests/jltext/build.sh "$B" >/dev/null
fail=0
for w in 166 100 60; do
	"$B/jltext/demo" -w $w "$B/jltext/check-$w.pdf" "$SEED" 2>/dev/null
	echo "== $w mm"
	python3 tests/jltext/check.py "$SEED" "$B/jltext/check-$w.pdf" $w || fail=1
done
exit $fail
