# The middle of the year pipeline: from ingest's output to the three
# files of a year, made in the work directory DIR ($(W) or $(W)/draft).
# The top Makefile makes the inputs' manifest and submissions.xml before
# and publishes the three files to $(OUT) after; this file owns join,
# compose, status and render.
#
# Per area (issue 13): besides DIR/submissions.xml (the whole year, for
# check and the tests), ingest writes DIR/submissions/year.xml (files,
# rows of no area, diagnostics) and DIR/submissions/area-ID.xml (an
# area's rows, its parts of the plan and matrix); join makes DIR/model/AREA.xml of
# each area, independently (make -j runs them side by side), sum.xsl its
# small summary DIR/sum/AREA.xml, and year.xsl the year's model from the
# summaries and the areas.  AREAS comes from the plan ($(W)/areas.mk,
# stylesheets/areas.xsl).
#
# $(call year_pipeline,DIR,DRAFT(0|1),SUFFIX)

# Goals that need no year: areas.mk is neither made nor read for them.
NO_YEAR_GOALS := all clean deps format lint unit check-sanitize leakcheck fuzz
ifneq ($(filter-out $(NO_YEAR_GOALS),$(MAKECMDGOALS)),)
-include $(W)/areas.mk
endif
$(W)/areas.mk: $(IN)/plan.xml stylesheets/areas.xsl $(BIN)/xform
	@mkdir -p $(@D)
	$(BIN)/xform -o $@ stylesheets/areas.xsl $<

YEAR_PARAMS = --param year $(YEAR) --param registry $(abspath $(INPUT)/ministries.xml)

define year_pipeline
$(1)/model/%.xml: $(1)/submissions.xml $(INPUT)/ministries.xml stylesheets/join.xsl $(BIN)/xform
	@mkdir -p $$(@D)
	$(BIN)/xform $(YEAR_PARAMS) --param draft $(2) -o $$@ stylesheets/join.xsl $(1)/submissions/area-$$*.xml

$(1)/sum/%.xml: $(1)/model/%.xml stylesheets/sum.xsl $(BIN)/xform
	@mkdir -p $$(@D)
	$(BIN)/xform -o $$@ stylesheets/sum.xsl $$<

$(1)/model.xml: $(1)/submissions.xml $(AREAS:%=$(1)/sum/%.xml) $(AREAS:%=$(1)/model/%.xml) $(REFS) \
		stylesheets/year.xsl $(BIN)/xform
	$(BIN)/xform $(YEAR_PARAMS) --param draft $(2) --param plan $(abspath $(IN)/plan.xml) \
		--param matrix $(abspath $(IN)/matrix.xml) --param dir $(abspath $(1)) \
		-o $$@ stylesheets/year.xsl $(1)/submissions/year.xml

$(1)/report.pdoc: $(1)/model.xml stylesheets/report.xsl $(wildcard $(XSL_COMPOSE)) $(BIN)/xform
	$(BIN)/xform --param draft $(2) $(if $(REPORT_DATE),--param date $(REPORT_DATE)) -o $$@ stylesheets/report.xsl $$<

$(1)/slides.pdoc: $(1)/model.xml stylesheets/slides.xsl $(wildcard $(XSL_COMPOSE)) $(BIN)/xform
	$(BIN)/xform --param draft $(2) $(if $(REPORT_DATE),--param date $(REPORT_DATE)) -o $$@ stylesheets/slides.xsl $$<

$(1)/status-$(YEAR)$(3).csv: $(1)/model.xml stylesheets/status.xsl $(BIN)/xform
	@mkdir -p $$(@D)
	$(BIN)/xform -o $$@ stylesheets/status.xsl $$<

$(1)/annual-report-$(YEAR)$(3).pdf: $(1)/report.pdoc $(BIN)/render fonts/fonts.conf
	@mkdir -p $$(@D)
	$(RENDER) -o $$@ $$<

$(1)/summary-slides-$(YEAR)$(3).pdf: $(1)/slides.pdoc $(BIN)/render fonts/fonts.conf
	@mkdir -p $$(@D)
	$(RENDER) -o $$@ $$<
endef
