# check reports the characters the pinned fonts cannot draw (issue 12) with
# render's font coverage (pipeline/render/fonts.h): render's objects go
# into libcheck.a too, so the link line keeps common's library after them.
$(check_LIB): $(render_SRC:%.c=$(B)/obj/%.o)
