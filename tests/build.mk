# Tests.  `make test` runs every test:
#   check           unit tests (cmocka, tests/unit/test_*.c, each linked
#                   against every stage library) + end-to-end tests
#                   (tests/e2e/t*.sh, which drive make on their own inputs
#                   and output directories); the quick loop while developing
#   check-sanitize  the same again built with clang under ASan + UBSan
#   leakcheck       valgrind on every stage command of a full FY2014 build

UNIT_SRC  := $(wildcard tests/unit/test_*.c)
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
TEST_DEPS := $(B)/test-deps.stamp

$(TEST_DEPS): pipeline/deps.sh
	@sh pipeline/deps.sh test
	@mkdir -p $(@D) && touch $@

$(B)/tests/%: tests/unit/%.c $(STAGE_LIBS) $(COMMON_LIB) $(TEST_DEPS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Ipipeline -o $@ $< -Wl,--start-group $(STAGE_LIBS) \
		$(COMMON_LIB) -Wl,--end-group $(LDLIBS) -lcmocka

unit: $(UNIT_BIN)
	@sh tests/run-unit.sh $(UNIT_BIN)

e2e: all $(TEST_DEPS)
	@sh tests/run-e2e.sh

check: deps unit e2e

test: check
	$(MAKE) --no-print-directory check-sanitize
	$(MAKE) --no-print-directory leakcheck
