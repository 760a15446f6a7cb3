# The middle of the year pipeline: from ingest's output to the three
# files of a year, made in the work directory DIR ($(W) or $(W)/draft).
# The top Makefile makes the inputs' manifest and submissions.xml before
# and publishes the three files to $(OUT) after; this file owns join,
# compose, status and render.
#
# $(call year_pipeline,DIR,DRAFT(0|1),SUFFIX)
define year_pipeline
$(1)/model.xml: $(1)/submissions.xml $(REFS) stylesheets/join.xsl $(BIN)/xform
	$(BIN)/xform $(JOIN_PARAMS) --param draft $(2) -o $$@ stylesheets/join.xsl $$<

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

