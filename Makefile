# The annual-report pipeline.  See README.md and docs/design.md.
#
#   make report YEAR=2014   strict build of output/YEAR/{annual-report,summary-slides}-YEAR.pdf
#                           and status-YEAR.csv; any input error stops it, old PDFs stay
#   make draft YEAR=2014    renders anyway, to *-YEAR-draft.pdf, with every problem in an annex
#   make validate YEAR=2014 checks the year's inputs and prints a summary line
#   make validate YEAR=2014 FILE=path  checks one file (CSV or .xlsx, anywhere) alone:
#                           its messages and a verdict; exit 0 only if it would be accepted
#   make templates YEAR=2014  the forms each ministry fills in: output/YEAR/templates/
#                           (pipeline/templates/build.mk)
#   make test               every test: unit (cmocka), end to end, again under
#                           ASan/UBSan, and valgrind on a full build (make check:
#                           unit + end to end only)
#   make bench              benchmarks (tests/bench)

YEAR	?= 2014
CC	?= cc
B	?= build
BIN	:= $(B)/bin
PKGS	:= pangocairo pangoft2 pango cairo cairo-pdf libxml-2.0 libxslt libexslt glib-2.0 fontconfig xlsxwriter libzip \
	gdk-pixbuf-2.0 librsvg-2.0 zlib
OPT	?= -O2
# kbuild-style output (issue 14, a newcomer's first run): one short line per
# compile and link, the stages' own progress lines, diagnostics on stderr;
# V=1 prints every command as well.
V	?= 0
Q	= $(if $(filter 1,$(V)),,@)
say	= $(if $(Q),@printf '  %-6s %s\n' '$(1)' '$(2)',@:)
SAN	?=
CFLAGS	?= $(OPT) -g
WARN	:= -Wall -Wextra -Wno-unused-parameter -Wshadow -Wstrict-prototypes
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(CFLAGS) $(SAN) \
	-Ipipeline/common $(PKG_CFLAGS)
LDLIBS	= $(PKG_LIBS) -lcsv -lm
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)

.PHONY: all report draft validate test check unit e2e check-sanitize leakcheck bench clean deps \
	format format-check lint
.DELETE_ON_ERROR:
.SUFFIXES:

all: deps $(BIN)/inventory $(BIN)/ingest $(BIN)/xform $(BIN)/render $(BIN)/check \
	$(BIN)/publish

# Installs missing Debian packages when root, else prints the command.
DEPS_STAMP := $(B)/deps.stamp
deps: $(DEPS_STAMP)
$(DEPS_STAMP): pipeline/deps.sh
	@sh pipeline/deps.sh build $(B)/deps.log
	@mkdir -p $(@D) && touch $@

$(B)/obj/%.o: %.c $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(call say,CC,$<)
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

include pipeline/common/build.mk

# Each stage: pipeline/STAGE/main.c plus a library of its other sources,
# which the unit tests link against.  Extra per-stage rules, if any, go in
# pipeline/STAGE/build.mk.
STAGES := inventory ingest check xform render publish
# A stage may link other stages' libraries: STAGE_USES (ingest reads the
# manifest, publish takes the inventory again).
ingest_USES := $(B)/lib/libinventory.a
publish_USES := $(B)/lib/libinventory.a
define stage
$(1)_SRC := $$(filter-out pipeline/$(1)/main.c,$$(wildcard pipeline/$(1)/*.c))
$(1)_LIB := $(B)/lib/lib$(1).a
$$($(1)_LIB): $$($(1)_SRC:%.c=$(B)/obj/%.o)
	@mkdir -p $$(@D)
	@rm -f $$@
	$$(call say,AR,$$@)
	$(Q)$(AR) rcs $$@ $$^
$(BIN)/$(1): $(B)/obj/pipeline/$(1)/main.o $$($(1)_LIB) $$($(1)_USES) $(COMMON_LIB)
	@mkdir -p $$(@D)
	$$(call say,LD,$$@)
	$(Q)$(CC) $$(ALL_CFLAGS) -o $$@ $$^ $$(LDLIBS)
endef
$(foreach s,$(STAGES),$(eval $(call stage,$(s))))
STAGE_LIBS := $(foreach s,$(STAGES),$($(s)_LIB))
-include $(filter-out pipeline/common/build.mk,$(wildcard pipeline/*/build.mk))
-include tests/build.mk
-include tests/fuzz/build.mk
-include tests/bench/build.mk
-include $(wildcard $(B)/obj/*/*/*.d)

# ---------------------------------------------------------------------------
# The pipeline for one year (docs/design.md "Stages").  Make never sees a
# submission's name: inventory lists input/Y/submissions/ itself and writes
# build/Y/manifest.xml (every entry, its verdict, size and sha256; the
# sha256 of the registry, plan and matrix; REPORT_DATE).  Its rule always
# runs (FORCE) but rewrites the file only when its content changes, and
# everything downstream depends on the manifest: content decides what is
# rebuilt, not mtimes, and nothing changed rebuilds nothing.

# INPUT, OUTDIR and WORK may be set to run the pipeline on other inputs
# (the tests do) with the same binaries.
INPUT	?= input
OUTDIR	?= output
WORK	?= $(B)
IN	:= $(INPUT)/$(YEAR)
W	:= $(WORK)/$(YEAR)
OUT	:= $(OUTDIR)/$(YEAR)
MANIFEST := $(W)/manifest.xml
# What year.mk's rules depend on for the registry, plan and matrix.
REFS	:= $(MANIFEST)
# The date on the cover and the title slide: <date> of input/Y/report.xml;
# REPORT_DATE=YYYY-MM-DD on the command line overrides it (issue 14).  Both
# are checked (a real day, after the fiscal year).  It reaches only the front
# and back matter, through $(W)/front.id (pipeline/year.mk), not the manifest,
# so changing it rebuilds those two and the PDFs, nothing else.
REPORT_DATE ?=
REPORT_DATE_Q = '$(subst ','\'',$(REPORT_DATE))'
INVENTORY_ARGS = --year $(YEAR) --submissions $(IN)/submissions \
	--registry $(INPUT)/ministries.xml --plan $(IN)/plan.xml --matrix $(IN)/matrix.xml
INGEST_ARGS = --year $(YEAR) --registry $(INPUT)/ministries.xml \
	--plan $(IN)/plan.xml --matrix $(IN)/matrix.xml
CHECK_ARGS = --year $(YEAR) --schemas stylesheets --registry $(INPUT)/ministries.xml \
	--plan $(IN)/plan.xml --matrix $(IN)/matrix.xml --fonts fonts/fonts.conf \
	--report $(IN)/report.xml --report-date $(REPORT_DATE_Q)
JOIN_PARAMS = --param year $(YEAR) --param plan $(abspath $(IN)/plan.xml) \
	--param matrix $(abspath $(IN)/matrix.xml) \
	--param registry $(abspath $(INPUT)/ministries.xml)
RENDER	= $(BIN)/render --fonts fonts/fonts.conf
XSL_COMPOSE := stylesheets/common.xsl

.PHONY: FORCE year-report year-draft year-validate tools
FORCE:

$(MANIFEST): FORCE $(BIN)/inventory
	@mkdir -p $(@D)
	$(Q)$(BIN)/inventory $(INVENTORY_ARGS) -o $@

# Ingest: the manifest's 'read' entries → submissions.xml (strict, and --draft).
$(W)/submissions.xml: $(MANIFEST) $(BIN)/ingest
	$(Q)$(BIN)/ingest $(INGEST_ARGS) -o $@ --manifest $(MANIFEST)
$(W)/draft/submissions.xml: $(MANIFEST) $(BIN)/ingest
	@mkdir -p $(@D)
	$(Q)$(BIN)/ingest $(INGEST_ARGS) --draft -o $@ --manifest $(MANIFEST)

# Strict means strict: every error make validate reports (plan, matrix,
# registry as well as submissions) stops make report before join.
$(W)/check.ok: $(W)/submissions.xml $(REFS) $(W)/front.id $(BIN)/check
	@rm -f $@
	$(Q)$(BIN)/check $(CHECK_ARGS) --submissions $(W)/submissions.xml
	@touch $@
# A draft renders anyway and lists in its annex what check finds there
# too (plan, matrix, registry, characters the fonts cannot draw).
$(W)/draft/check.xml: $(W)/draft/submissions.xml $(REFS) $(W)/front.id $(BIN)/check
	$(Q)$(BIN)/check $(CHECK_ARGS) --draft --submissions $< --diags $@ || [ $$? -eq 1 ]

# join, compose, status, render: pipeline/year.mk.
include pipeline/year.mk
$(eval $(call year_pipeline,$(W),0,))
$(eval $(call year_pipeline,$(W)/draft,1,-draft))
# (order-only: a check that passes again, or reruns for report.xml alone,
# does not re-join what did not change)
$(AREAS:%=$(W)/model/%.xml) $(W)/year.xml: | $(W)/check.ok

# make report / make draft use the machine's cores: after join, the report
# and the slides (xform, then render) and the status CSV are independent,
# so the slides render while the report does.  JOBS=1 (or -j1 on the
# command line, which wins) runs one job at a time; under a parent make's
# jobserver nothing is forced.  The PDFs are the same bytes (t0700).
JOBS	?= $(shell nproc 2>/dev/null || echo 1)
ifneq ($(filter report draft,$(MAKECMDGOALS)),)
ifeq ($(findstring jobserver,$(shell printenv MAKEFLAGS)),)
MAKEFLAGS += -j$(JOBS)
endif
endif

REPORT_FILES := annual-report-$(YEAR).pdf summary-slides-$(YEAR).pdf status-$(YEAR).csv
DRAFT_FILES  := annual-report-$(YEAR)-draft.pdf summary-slides-$(YEAR)-draft.pdf \
	status-$(YEAR)-draft.csv
# The HTML edition (issue 17) and the chase list (issue 16): the status
# workbook and the folder of feedback workbooks (publish takes a folder whole).
REPORT_FILES += annual-report-$(YEAR).html status-$(YEAR).xlsx feedback
DRAFT_FILES  += annual-report-$(YEAR)-draft.html status-$(YEAR)-draft.xlsx feedback-draft
REPORT_OUT := $(addprefix $(OUT)/,$(REPORT_FILES))
DRAFT_OUT  := $(addprefix $(OUT)/,$(DRAFT_FILES))

# Publishing: the three files of a year go to output/Y/ together or not at
# all, and only if the inputs are still those of the manifest the build
# used (pipeline/publish).
PUBLISH = $(BIN)/publish --manifest $(MANIFEST) $(INVENTORY_ARGS) --stage-in $(W) -o $(OUT)

# One run at a time per year: make report, draft and validate take
# flock(1) on $(W)/.lock and do the year's work in a sub-make under it;
# the binaries are built first under a lock of their own, so two runs never
# write the same object file.  Different years run in parallel.
BINS := $(foreach s,$(STAGES),$(BIN)/$(s))
tools: deps $(BINS)
	@:
# The message catalogue, and MESSAGES=ja|en: po/build.mk.
include po/build.mk
# The whole output of make report's (draft's) work is kept in $(W)/report.log
# (draft.log) and its path printed on failure (pipeline/logrun.sh).
report draft validate:
	@mkdir -p $(B) $(W) && flock $(B)/.lock $(MAKE) --no-print-directory tools
	@flock $(W)/.lock $(if $(filter validate,$@),,sh pipeline/logrun.sh $(W)/$@.log) \
		$(MAKE) --no-print-directory year-$@

# report.xml, its logo and REPORT_DATE (front.id) taken again: publish
# refuses when they changed during the run (issue 12, "All or nothing").
PUBLISH_FRONT = --front-id $(W)/front.id --front-id-now $(W)/front.id.now
year-report: $(addprefix $(W)/,$(REPORT_FILES))
	@$(FRONT_ID) >$(W)/front.id.now
	$(Q)$(PUBLISH) $(PUBLISH_FRONT) $^
	@echo "report: $(REPORT_OUT)"
year-draft: $(addprefix $(W)/draft/,$(DRAFT_FILES))
	@$(FRONT_ID) >$(W)/front.id.now
	$(Q)$(PUBLISH) $(PUBLISH_FRONT) $^
	@echo "draft: $(DRAFT_OUT)"

# make validate YEAR=2014 FILE=path/to/file: the one-file check (issue 16).
# FILE is never expanded by make ($(value FILE); unexported, so no recipe
# sees it expanded either) and reaches the shell inside single quotes.
unexport FILE
ifeq ($(origin FILE)$(if $(value FILE),,:empty),command line)
VALIDATE_FILE = '$(subst ','\'',$(value FILE))'
V1 := $(W)/validate-file
# The file alone against the year's plan, matrix and registry: ingest as
# make report runs it (strict: its messages and its verdict), then check
# on what it read (a draft read when strict refused: the characters the
# fonts lack, the plan's own errors); the last line is the verdict in
# Japanese.  Exit 0 only when make report would accept the file; nothing
# is written under output/.
year-validate:
	@mkdir -p $(V1) && rm -f $(V1)/one.xml && f=$(VALIDATE_FILE) && \
	if [ ! -f "$$f" ]; then \
		printf '%s: error: no such file\n' "$$f" >&2; \
		echo "確認できません：ファイルがありません"; exit 2; fi; \
	s1=0; $(BIN)/ingest $(INGEST_ARGS) -o $(V1)/one.xml -- "$$f" 2>$(V1)/ingest.err || s1=$$?; \
	sed '$$d' $(V1)/ingest.err >&2; \
	if [ $$s1 -gt 1 ]; then tail -n 1 $(V1)/ingest.err >&2; \
		echo "確認できません：読み取りの途中でシステムのエラーが起きました"; exit $$s1; fi; \
	if [ $$s1 -eq 1 ]; then \
		$(BIN)/ingest $(INGEST_ARGS) --draft -o $(V1)/one.xml -- "$$f" 2>/dev/null || exit 3; fi; \
	s2=0; $(BIN)/check $(CHECK_ARGS) --submissions $(V1)/one.xml >$(V1)/check.out 2>&1 || s2=$$?; \
	cat $(V1)/check.out >&2; \
	e=$$(sed -n 's/.*, \([0-9]*\) errors, [0-9]* warnings$$/\1/p' $(V1)/check.out | tail -n 1); \
	w=$$(sed -n 's/.*, [0-9]* errors, \([0-9]*\) warnings$$/\1/p' $(V1)/check.out | tail -n 1); \
	e1=$$(sed -n 's/.*, \([0-9]*\) errors, [0-9]* warnings$$/\1/p' $(V1)/ingest.err | tail -n 1); \
	e=$${e:-0} w=$${w:-0}; [ "$${e1:-0}" -le "$$e" ] || e=$$e1; \
	if [ $$s2 -gt 1 ]; then echo "確認できません：検査の途中でシステムのエラーが起きました"; exit $$s2; fi; \
	if [ $$s1 -eq 0 ] && [ $$s2 -eq 0 ] && [ "$$e" -eq 0 ]; then \
		if [ "$$w" -gt 0 ]; then echo "受理できます（警告 $$w 件）"; else echo "受理できます"; fi; \
	else \
		[ "$$e" -gt 0 ] || e=1; \
		if [ "$$w" -gt 0 ]; then echo "受理できません：エラー $$e 件（警告 $$w 件）"; \
		else echo "受理できません：エラー $$e 件"; fi; exit 1; \
	fi
else
# Ingest in draft mode reads every row (no output is published); check adds
# schema, id and reference checks and prints the summary line last.
year-validate: $(MANIFEST)
	@mkdir -p $(W)/validate
	@$(BIN)/ingest $(INGEST_ARGS) --draft -o $(W)/validate/submissions.xml \
		--manifest $(MANIFEST) 2>&1 | sed '$$d' >&2
	@$(BIN)/check $(CHECK_ARGS) --submissions $(W)/validate/submissions.xml
endif

# Unit and end-to-end tests again, built with clang under AddressSanitizer
# and UndefinedBehaviorSanitizer in their own build tree (sub-makes, the
# e2e scripts' included, inherit B from MAKEFLAGS).
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
check-sanitize:
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1 \
	$(MAKE) B=$(B)/san CC=clang OPT=-O1 SAN="$(SAN_FLAGS)" unit e2e

# valgrind memcheck on every stage command of one full FY2014 build:
# no invalid reads or writes, nothing definitely lost (tests/valgrind.sh).
leakcheck: all $(TEST_DEPS)
	sh tests/valgrind.sh 2014

# (the published years of OUTDIR, and what a killed publish left beside them)
clean:
	rm -rf $(B) $(OUTDIR)/*/ $(OUTDIR)/.*.publish-*

# Every C source of the tree, for lint and format.
C_SRC	= $(sort $(shell find pipeline tests -name '*.c'))
C_ALL	= $(sort $(shell find pipeline tests -name '*.[ch]'))

# clang-format with .clang-format (the code's own style: tabs, the return
# type of a definition on its own line, Linux braces); format-check fails on
# any file that format would change.
format:
	clang-format -i $(C_ALL)
format-check:
	clang-format --dry-run -Werror $(C_ALL)

# Static checks, zero findings: banned functions (curl checksrc: unbounded
# or locale-dependent calls), cppcheck on every source (pipeline/ and
# tests/), and gcc -fanalyzer on each source file on its own (a stamp per
# file under $(B)/lint, so `make -j2 lint` runs two and a rerun analyses
# only what changed).
LINT_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) -O0 -fanalyzer -Werror \
	-Ipipeline/common -Ipipeline $(PKG_CFLAGS)
# (the sources are listed only when lint is asked for: two finds over
# tests/ cost every make report a tenth of a second)
ifneq ($(filter lint,$(MAKECMDGOALS)),)
LINT_OK	:= $(C_SRC:%.c=$(B)/lint/%.ok)
$(B)/lint/%.ok: %.c $(filter %.h,$(C_ALL)) $(DEPS_STAMP)
	@mkdir -p $(@D)
	gcc $(LINT_CFLAGS) -c $< -o $(@:.ok=.o)
	@rm -f $(@:.ok=.o) && touch $@
endif
lint: $(LINT_OK)
	@! grep -nE '\<(sprintf|strcpy|strcat|atoi|atol|strtok|gets|system)\(' \
		$$(find pipeline -name '*.[ch]') || (echo "lint: banned function" >&2; exit 1)
	cppcheck --quiet --error-exitcode=1 --std=c11 --enable=warning,portability \
		--suppress=missingIncludeSystem -Ipipeline/common -Ipipeline pipeline tests

# A new year from the last (issue 14; README 「新年度の準備」): input/YEAR/
# with the plan, matrix and report.xml of FROM (report.xml's blocks marked
# review="required", its date empty) and an empty submissions/; never
# overwrites a year.
FROM	?= $(shell expr $(YEAR) - 1)
.PHONY: new-year
new-year: $(BIN)/xform
	@sh pipeline/new-year.sh $(BIN)/xform $(INPUT) $(YEAR) $(FROM)

# The plan from its published text (issue 14; README 「新年度の準備」):
# TEXT is the plan as published, as text (pdftotext -layout off, as seed
# 002); every line that cannot be placed is named TEXT:LINE and then
# input/YEAR/plan.xml is left as it was.
TEXT	?=
.PHONY: plan-from-text
plan-from-text:
	@test -n '$(subst ','\'',$(TEXT))' || \
		{ echo "usage: make plan-from-text YEAR=2015 TEXT=plan.txt" >&2; exit 2; }
	@mkdir -p $(IN)
	@/usr/bin/python3 pipeline/tools/seed2plan.py --year $(YEAR) \
		--registry $(INPUT)/ministries.xml -o $(IN)/plan.xml '$(subst ','\'',$(TEXT))'
	@echo "plan-from-text: $(IN)/plan.xml written; next: make validate YEAR=$(YEAR)"
