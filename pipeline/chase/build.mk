# chase: the chase list of make report / make draft (issue 16;
# pipeline/chase/chase.h): build/Y/chase.xml → status-Y.xlsx and feedback/.
STAGES += chase
$(eval $(call stage,chase))
STAGE_LIBS += $(chase_LIB)
all: $(BIN)/chase
