# The middle of the year pipeline: from ingest's output to the three
# files of a year, made in the work directory DIR ($(W) or $(W)/draft).
# The top Makefile makes the inputs' manifest and submissions.xml before
# and publishes the three files to $(OUT) after; this file owns join,
# compose, status and render.
#
# Per area (issue 13): besides DIR/submissions.xml (the whole year, for
# check and the tests), ingest writes DIR/submissions/year.xml (files,
# rows of no area, diagnostics) and DIR/submissions/area-ID.xml (an
# area's rows, its parts of the plan and matrix).  Each area is then made
# alone, so make -j runs areas side by side:
#   join.xsl    area-ID.xml   → model/ID.xml
#   sum.xsl     model/ID.xml  → sum/ID.xml (its totals, counts, annex rows)
#   report.xsl, slides.xsl, status.xsl   model/ID.xml → report/area-ID.pdoc,
#               slides/area-ID.pdoc, status/ID.csv
# and the year from small files only:
#   year.xsl    year.xml + sum/*.xml (+ plan, matrix, registry) → year.xml
#   report-front/back.xsl, slides-front/back.xsl   year.xml → */front.pdoc,
#               */back.pdoc (cover, 目次, framework; annexes, status grid;
#               report-back.xsl reads 別添３'s rows in sum/*.xml)
# render lays the front, the areas in plan order and the back out as one
# document (page numbers, 目次, links across files).  AREAS comes from
# the plan: $(W)/areas.mk, made by stylesheets/areas.xsl.
#
# $(call year_pipeline,DIR,DRAFT(0|1),SUFFIX)

# Only the year's own work (the sub-make that make report, draft and
# validate run under the year's lock, or a file of the work folder) reads
# areas.mk, so it is made under the lock, from the plan as the manifest
# saw it.
ifneq ($(filter year-report year-draft $(WORK)/%,$(MAKECMDGOALS)),)
-include $(W)/areas.mk
endif
$(W)/areas.mk: $(REFS) stylesheets/areas.xsl $(BIN)/xform
	@mkdir -p $(@D)
	$(Q)$(BIN)/xform -o $@ stylesheets/areas.xsl $(IN)/plan.xml

YEAR_PARAMS = --param year $(YEAR) --param registry $(abspath $(INPUT)/ministries.xml)

# The front and back matter also read input/Y/report.xml (its title, date,
# logo and prose; the plan for its <ref>s): $(W)/front.id holds the sha256
# of every file beside plan.xml and matrix.xml (report.xml, the logo) and
# REPORT_DATE, rewritten only when that changes (issue 14).
COMPOSE_PARAMS = $(if $(REPORT_DATE),--param date $(REPORT_DATE_Q)) \
	--param report $(abspath $(IN)/report.xml) --param plan $(abspath $(IN)/plan.xml)
XSL_FRONT := stylesheets/front.xsl $(W)/front.id
# FRONT_ID prints it; make report and draft print it again just before
# publish, which refuses when it changed during the run (Makefile).
FRONT_ID = { printf 'REPORT_DATE=%s\n' $(REPORT_DATE_Q) && (cd $(IN) && find . -maxdepth 1 \
	-type f ! -name plan.xml ! -name matrix.xml -exec sha256sum {} + | LC_ALL=C sort); }
$(W)/front.id: FORCE
	@mkdir -p $(@D)
	@$(FRONT_ID) >$@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi
# status.xsl writes the rows; the file starts with a UTF-8 BOM (Excel on
# Japanese Windows reads it as UTF-8) and this header line (RFC 4180, CRLF).
STATUS_HEAD := 施策番号,施策名,府省庁,府省庁コード,状況,ファイル:行

# The HTML edition's parts (html/F.html, F a pdoc file), in reading order.
HTML_PARTS = front $(AREAS:%=area-%) back
XSL_HTML := stylesheets/html-shared.xsl stylesheets/common.xsl
# $(call html_part,DIR,F,PARTS BEFORE F): F's index follows the index of
# the part before it (its footnotes are numbered after that one's); F's
# part, from F's pdoc and index; i: its place (1 for front), in its ids.
define html_part
$(1)/html/$(2).idx.ok: $(if $(wildcard $(1)/html/$(2).idx.xml),,FORCE) \
		$(patsubst %,$(1)/html/%.idx.xml,$(lastword $(3)))
$(1)/html/$(2).html: $(1)/report/$(2).pdoc $(1)/html/$(2).idx.xml \
		$(1)/html/parts stylesheets/html-body.xsl $(XSL_HTML) $(BIN)/xform
	$(Q)$(BIN)/xform --param i $(words $(3) $(2)) \
		--param idx "$$(abspath $$(filter %.idx.xml,$$^))" -o $$@ stylesheets/html-body.xsl $$<
endef

define year_pipeline
# the per-area files are kept (make would delete them as intermediate)
.PRECIOUS: $(1)/submissions/area-%.xml $(1)/model/%.xml $(1)/chase/%.xml $(1)/sum/%.xml $(1)/report/%.pdoc $(1)/slides/%.pdoc $(1)/status/%.csv

# ingest rewrites an area's file only when its bytes change, so a change to
# one area's rows re-joins that area alone (make re-stats the file after
# this empty recipe and finds it unchanged).
$(1)/submissions/area-%.xml: $(1)/submissions.xml ;

$(1)/model/%.xml: $(1)/submissions/area-%.xml $(INPUT)/ministries.xml stylesheets/join.xsl $(BIN)/xform
	@mkdir -p $$(@D)
	$(Q)$(BIN)/xform $(YEAR_PARAMS) --param draft $(2) -o $$@ stylesheets/join.xsl $$<

$(1)/sum/%.xml: $(1)/model/%.xml stylesheets/sum.xsl $(BIN)/xform
	@mkdir -p $$(@D)
	$(Q)$(BIN)/xform -o $$@ stylesheets/sum.xsl $$<

$(1)/year.xml: $(1)/submissions.xml $(AREAS:%=$(1)/sum/%.xml) $(REFS) stylesheets/year.xsl $(BIN)/xform \
		$(if $(filter 1,$(2)),$(1)/check.xml)
	$(Q)$(BIN)/xform $(YEAR_PARAMS) --param draft $(2) --param dir $(abspath $(1)) \
		$(if $(filter 1,$(2)),--param checks $(abspath $(1)/check.xml)) \
		-o $$@ stylesheets/year.xsl $(1)/submissions/year.xml

$(1)/report/area-%.pdoc: $(1)/model/%.xml stylesheets/report.xsl $(XSL_COMPOSE) $(BIN)/xform
	@mkdir -p $$(@D)
	$(Q)$(BIN)/xform --param draft $(2) -o $$@ stylesheets/report.xsl $$<

$(1)/slides/area-%.pdoc: $(1)/model/%.xml stylesheets/slides.xsl $(XSL_COMPOSE) $(BIN)/xform
	@mkdir -p $$(@D)
	$(Q)$(BIN)/xform --param draft $(2) -o $$@ stylesheets/slides.xsl $$<

# (the back's 別添３ reads the areas' rows with 備考 in sum/ID.xml, dir)
$(1)/report/back.pdoc: $(AREAS:%=$(1)/sum/%.xml)
$(1)/report/%.pdoc: $(1)/year.xml stylesheets/report-%.xsl stylesheets/report.xsl $(XSL_COMPOSE) \
		$(XSL_FRONT) $(BIN)/xform
	@mkdir -p $$(@D)
	$(Q)$(BIN)/xform --param draft $(2) $(COMPOSE_PARAMS) --param dir $$(abspath $(1)) \
		-o $$@ stylesheets/report-$$*.xsl $$<

$(1)/slides/%.pdoc: $(1)/year.xml stylesheets/slides-%.xsl stylesheets/slides.xsl $(XSL_COMPOSE) \
		$(XSL_FRONT) $(BIN)/xform
	@mkdir -p $$(@D)
	$(Q)$(BIN)/xform --param draft $(2) $(COMPOSE_PARAMS) -o $$@ stylesheets/slides-$$*.xsl $$<

$(1)/status/%.csv: $(1)/model/%.xml $(1)/submissions/area-%.xml stylesheets/status.xsl \
		$(XSL_COMPOSE) $(BIN)/xform
	@mkdir -p $$(@D)
	$(Q)$(BIN)/xform --param diags $(abspath $(1)/submissions/area-$$*.xml) -o $$@ stylesheets/status.xsl $$<

$(1)/status-$(YEAR)$(3).csv: $(AREAS:%=$(1)/status/%.csv)
	@# a planted PATH.tmp (a link) is removed, never followed: noclobber opens with O_EXCL
	$(Q)rm -f $$@.tmp && set -C && { printf '\357\273\277%s\r\n' '$(STATUS_HEAD)' && cat $$^; } >$$@.tmp && mv $$@.tmp $$@

# The chase list (issue 16): what each ministry still owes → the status
# workbook and feedback$(3)/, one workbook per ministry with something to
# fix (pipeline/chase), published with the other files.
# chase-area.xsl: an area's pairs and who sent which file; chase.xsl
# merges these small files, never the models.
$(1)/chase/%.xml: $(1)/model/%.xml $(1)/submissions/area-%.xml stylesheets/chase-area.xsl \
		stylesheets/status.xsl $(XSL_COMPOSE) $(BIN)/xform
	@mkdir -p $$(@D)
	$(Q)$(BIN)/xform --param diags $(abspath $(1)/submissions/area-$$*.xml) -o $$@ stylesheets/chase-area.xsl $$<

$(1)/chase.xml: $(1)/submissions.xml $(AREAS:%=$(1)/chase/%.xml) $(INPUT)/ministries.xml \
		stylesheets/chase.xsl $(BIN)/xform
	$(Q)$(BIN)/xform $(YEAR_PARAMS) --param draft $(2) --param dir $(abspath $(1)) \
		-o $$@ stylesheets/chase.xsl $(1)/submissions/year.xml

$(1)/status-$(YEAR)$(3).xlsx: $(1)/chase.xml $(BIN)/chase
	$(Q)$(BIN)/chase --feedback $(1)/feedback$(3) -o $$@ $$<
$(1)/feedback$(3): $(1)/status-$(YEAR)$(3).xlsx
	@test -d $$@

$(1)/annual-report-$(YEAR)$(3).pdf: $(1)/report/front.pdoc $(AREAS:%=$(1)/report/area-%.pdoc) \
		$(1)/report/back.pdoc $(BIN)/render fonts/fonts.conf
	$(Q)$(RENDER) -o $$@ $(1)/report/front.pdoc $(AREAS:%=$(1)/report/area-%.pdoc) $(1)/report/back.pdoc

# The HTML edition (issue 17), made per pdoc file (issue 13) so that no
# process holds the whole report (stylesheets/html-shared.xsl):
#   html-index.xsl  report/F.pdoc + the index of the part before F →
#                   html/F.idx.xml (F's footnote count, the count of the
#                   notes before F, F's 目次 entries; install -C leaves it
#                   untouched when the same, so the parts after F are made
#                   again only when their footnote numbers move); each
#                   step reads two files, so the edition grows linearly
#   html-body.xsl   report/F.pdoc + F's index → html/F.html
#   html-head.xsl   report/front.pdoc + every index file → html/head.html
# then head + the parts in reading order + the closing tags → the edition
# (each part's one closing newline taken off).  html/parts lists the parts
# (rewritten only when the areas change): a part after an area taken out
# of the plan is made again, its place and numbers changed.
$(1)/html/parts: FORCE
	@mkdir -p $$(@D)
	@rm -f $$@.tmp && set -C && echo '$(HTML_PARTS)' >$$@.tmp
	@if cmp -s $$@.tmp $$@; then rm -f $$@.tmp; else mv $$@.tmp $$@; fi
# html/F.idx.ok says when F's index was last made, whether or not its
# bytes changed, so that an unchanged index is not made again on every run
# (made again too when the index file is missing: html_part).
$(1)/html/%.idx.xml: $(1)/html/%.idx.ok ;
$(1)/html/%.idx.ok: $(1)/report/%.pdoc stylesheets/html-index.xsl $(XSL_HTML) $(BIN)/xform
	@mkdir -p $$(@D)
	$(Q)$(BIN)/xform --param prev "$$(abspath $$(filter %.idx.xml,$$^))" \
		-o $$(@:.ok=.xml).tmp stylesheets/html-index.xsl $$<
	$(Q)install -C -m 644 $$(@:.ok=.xml).tmp $$(@:.ok=.xml)
	@rm -f $$(@:.ok=.xml).tmp
	@touch $$@
$(eval html_seen :=)
$(foreach f,$(HTML_PARTS),$(eval $(call html_part,$(1),$(f),$(html_seen)))$(eval html_seen += $(f)))
$(1)/html/head.html: $(1)/report/front.pdoc $(HTML_PARTS:%=$(1)/html/%.idx.xml) $(1)/html/parts \
		stylesheets/html-head.xsl $(XSL_HTML) $(BIN)/xform
	$(Q)$(BIN)/xform --param index "$$(abspath $$(filter %.idx.xml,$$^))" \
		-o $$@ stylesheets/html-head.xsl $$<
$(1)/annual-report-$(YEAR)$(3).html: $(1)/html/head.html $(HTML_PARTS:%=$(1)/html/%.html) $(1)/html/parts
	@# a planted PATH.tmp (a link) is removed, never followed: noclobber opens with O_EXCL;
	@# a part that cannot be read fails the join (perl -p only warns: the warning dies)
	$(Q)rm -f $$@.tmp && set -C && { perl -0777 -pe 'BEGIN { $$$$SIG{__WARN__} = sub { die @_ } } s/\n\z//' \
		$$(filter %.html,$$^) && \
		printf '</main></body></html>\n'; } >$$@.tmp && mv $$@.tmp $$@ || { rm -f $$@.tmp; exit 1; }

$(1)/summary-slides-$(YEAR)$(3).pdf: $(1)/slides/front.pdoc $(AREAS:%=$(1)/slides/area-%.pdoc) \
		$(1)/slides/back.pdoc $(BIN)/render fonts/fonts.conf
	$(Q)$(RENDER) -o $$@ $(1)/slides/front.pdoc $(AREAS:%=$(1)/slides/area-%.pdoc) $(1)/slides/back.pdoc
endef
