# libcommon.a: stand-alone helpers shared by every stage (no stage knowledge).
COMMON_SRC = $(wildcard pipeline/common/*.c)
COMMON_OBJ = $(COMMON_SRC:%.c=$(B)/obj/%.o)
COMMON_LIB = $(B)/lib/libcommon.a

$(COMMON_LIB): $(COMMON_OBJ)
	@mkdir -p $(@D)
	$(call say,AR,$@)
	$(Q)$(AR) rcs $@ $^
