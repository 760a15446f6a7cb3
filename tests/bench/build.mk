# `make bench` and `make bench-peers` (issue 7); see tests/bench/README.md.
# Included by the top Makefile, whose B, BIN, CC, ALL_CFLAGS, LDLIBS,
# DEPS_STAMP and YEAR it uses.  The bench never writes into input/, output/
# or $(B)/$(YEAR): it runs the pipeline on scratch copies and keeps its
# results in $(B)/bench/.  BENCH_ARGS passes options to bench.py
# (e.g. BENCH_ARGS="--runs 3 --no-peers").

BENCH_DIR   := $(B)/bench
BENCH_FLOOR := $(BENCH_DIR)/floor
BENCH_ARGS  ?=

.PHONY: bench bench-peers

# The floor also needs pangoft2, for pango_fc_font_map_set_config().
$(BENCH_FLOOR): tests/bench/floor.c $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LDLIBS) $$(pkg-config --libs pangoft2)

bench: deps $(BIN)/ingest $(BIN)/xform $(BIN)/render $(BENCH_FLOOR)
	python3 tests/bench/bench.py --build $(B) --floor $(BENCH_FLOOR) --year $(YEAR) \
		--make "$(MAKE)" $(BENCH_ARGS)

# Installs the peers the bench compares with: Debian packages as root (else
# prints the command), Typst from npm into tests/bench/node_modules.
bench-peers:
	sh tests/bench/install-peers.sh
