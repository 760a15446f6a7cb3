#!/bin/sh
# Builds tests/jltext/demo against jltext.c: sh tests/jltext/build.sh [BUILD_DIR]
set -e
B=${1:-/tmp/build-jltext}
mkdir -p "$B/jltext"
cc -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -g -Wall -Wextra -Wno-unused-parameter \
	-Ipipeline -Ipipeline/common $(pkg-config --cflags pangocairo cairo-pdf) \
	-o "$B/jltext/demo" tests/jltext/demo.c pipeline/render/jltext.c pipeline/common/xmem.c \
	$(pkg-config --libs pangocairo cairo-pdf) -lm
echo "$B/jltext/demo"
# the unit test, without the other stages' libraries
cc -std=c11 -D_POSIX_C_SOURCE=200809L -O0 -g -Wall -Wextra -Wno-unused-parameter \
	-Ipipeline -Ipipeline/common $(pkg-config --cflags pangocairo cairo-pdf) \
	-o "$B/jltext/test_jltext" tests/unit/test_jltext.c pipeline/render/jltext.c \
	pipeline/common/xmem.c $(pkg-config --libs pangocairo cairo-pdf) -lcmocka -lm
echo "$B/jltext/test_jltext"
