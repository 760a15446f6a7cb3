# templates: `make templates YEAR=…` (issue 16; pipeline/templates/tmpl.h).
# A stage like the others, kept out of `make report`: the forms each
# ministry fills in, written to output/YEAR/templates/.
$(eval $(call stage,templates))
STAGE_LIBS += $(templates_LIB)
all: $(BIN)/templates

.PHONY: templates
templates: deps $(BIN)/templates
	$(BIN)/templates --year $(YEAR) --registry $(INPUT)/ministries.xml \
		--plan $(IN)/plan.xml --matrix $(IN)/matrix.xml -o $(OUT)/templates
