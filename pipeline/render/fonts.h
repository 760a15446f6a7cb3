/*
 * fonts: the pinned fonts (fonts/fonts.conf).  A private FcConfig built
 * from that file only, and a PangoCairo font map bound to it, so nothing
 * outside fonts/ can end up in the PDF.  fonts_check() runs before any
 * drawing: every logical family must resolve to a face it names, and every
 * character of the document must be covered, else exit 1 — never tofu.
 */
#ifndef RENDER_FONTS_H
#define RENDER_FONTS_H

#include <pango/pango.h>

#include "diag.h"
#include "model.h"

struct fonts;

/*
 * Loads `conf` into a new private configuration and a font map over it.
 * Returns a new object (free with fonts_free()) or NULL after reporting
 * to `d` (file missing, no font in its directories).
 */
struct fonts *fonts_new(const char *conf, struct diag *d);
void fonts_free(struct fonts *f);
/* A PangoContext on the pinned font map; owned by `f`. */
PangoContext *fonts_context(struct fonts *f);

/*
 * A font description for `font` at `size` pt, bold or not.  Returns a new
 * description; free with pango_font_description_free().
 */
PangoFontDescription *fonts_desc(enum model_font font, double size, int bold);

/*
 * Checks that the three logical families resolve to the faces fonts.conf
 * prefers (first choice, or the named fallback with a warning), and that
 * every character of every text node in `doc` is covered by the pinned
 * faces of its family.  Reports each uncovered character once, with its
 * code point and .pdoc line, or, in text under an element with
 * src="file.csv:12" (a submission row), once per row at that file and
 * line (the .pdoc line in the message).  Returns 0 or -1.
 */
int fonts_check(struct fonts *f, const struct model_doc *doc, struct diag *d);

/*
 * The streamed form of the character check (model_scan): 0 when every
 * character of `n` and its subtree (text and attributes but src) is
 * covered and the families resolve, -1 otherwise, reporting nothing: the
 * caller then loads the tree and calls fonts_check() for the messages.
 */
int fonts_covered(struct fonts *f, const struct model_node *n);
/*
 * For the check stage (make validate), which reads the inputs and no page
 * description: fonts_resolve() checks the three families as fonts_check()
 * does (reporting to `d`; 0 or -1), then fonts_has_char() says whether `ch`
 * is in one of the pinned faces (1) or not (0); line breaks and tabs are.
 */
int fonts_resolve(struct fonts *f, struct diag *d);
int fonts_has_char(struct fonts *f, gunichar ch);

/*
 * make draft: replaces every character of `doc` (text and attributes but
 * src) that no pinned face covers by a visible placeholder, "[U+1F600]"
 * in the text's own font, so a draft never fails on a ministry's text;
 * each character is reported once per submission row (or once for the
 * rest) as a warning, like fonts_check() reports it as an error.  Call
 * before fonts_check(), on a tree (not streamed) document.  Returns the
 * number of characters replaced, or -1 when the families do not resolve.
 */
long fonts_placeholders(struct fonts *f, struct model_doc *doc, struct diag *d);

/* The family name ("Report Mincho", …) behind a logical font. */
const char *fonts_family(enum model_font font);

#endif
