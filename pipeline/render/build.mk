# render: pango_fc_font_map_set_config() lives in pangoft2, which the top
# Makefile's PKGS does not name; add it for the render binary and for the
# unit tests (which link every stage library).
RENDER_EXTRA_LIBS := $(shell pkg-config --libs pangoft2 2>/dev/null)
$(BIN)/render: LDLIBS += $(RENDER_EXTRA_LIBS)
$(B)/tests/%: LDLIBS += $(RENDER_EXTRA_LIBS)
