# Tests.  `make test` runs every test:
#   check           unit tests (cmocka, tests/unit/test_*.c, each linked
#                   against every stage library) + end-to-end tests
#                   (tests/e2e/t*.sh, which drive make on their own inputs
#                   and output directories); the quick loop while developing
#   check-sanitize  the same again built with clang under ASan + UBSan
#   leakcheck       valgrind on every stage command of a full FY2014 build
#   test            all of these, lint and format-check, and a total line

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

# TALLY (set by make test): the file each runner appends its closing line to.
# Under check-sanitize (LSAN_OPTIONS set) the unit tests record whole
# stacks, so that tests/lsan.supp can name the library function of a leak
# (the fast unwinder stops at the first frame of a library built without
# frame pointers); only they need it, and it triples their time.
TALLY	?=
unit: $(UNIT_BIN)
	@TALLY='$(TALLY)' LSAN_OPTIONS="$${LSAN_OPTIONS:+$$LSAN_OPTIONS:fast_unwind_on_malloc=0}" \
		sh tests/run-unit.sh $(UNIT_BIN)

e2e: all $(TEST_DEPS)
	@TALLY='$(TALLY)' sh tests/run-e2e.sh

check: deps unit e2e

# make test runs every part to its end, even after one fails: check and
# check-sanitize (-k), whose runners append "unit: …" and "e2e: …" to the
# tally, then lint, format-check and leakcheck, one test each.  A part
# that fails with no failed test in the tally (a build error) counts as
# one failed test.  The last line is the sum, alone, for CI:
#   N passed, N failed, N skipped
test:
	@t=$(abspath $(B))/test.tally; mkdir -p $(B); : >"$$t"; st=0; \
	for g in check check-sanitize lint format-check leakcheck; do \
		n=$$(wc -l <"$$t"); \
		case $$g in check*) a="-k TALLY=$$t" ;; *) a= ;; esac; \
		if $(MAKE) --no-print-directory $$a $$g; then r=0; else r=1; st=1; fi; \
		case $$g in \
		check*) [ $$r -eq 0 ] || tail -n +$$((n + 1)) "$$t" | grep -qv " 0 failed," || \
			echo "$$g: 0 passed, 1 failed, 0 skipped" >>"$$t" ;; \
		*) echo "$$g: $$((1 - r)) passed, $$r failed, 0 skipped" >>"$$t" ;; \
		esac; \
	done; \
	awk '{ p += $$2; f += $$4; s += $$6 } END { print p " passed, " f " failed, " s " skipped" }' "$$t"; \
	exit $$st
