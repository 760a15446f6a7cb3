/*
 * draw: boxes → PDF with cairo.  Decides nothing: every position, colour
 * and string comes from the layout.  Adds links, destinations, the
 * outline and the metadata; with SOURCE_DATE_EPOCH set, the dates come
 * from it so that identical input gives identical bytes.
 */
#ifndef RENDER_DRAW_H
#define RENDER_DRAW_H

#include "diag.h"
#include "layout.h"
#include "model.h"

/*
 * Writes a PDF to `path` through PATH.tmp and rename(), page by page as
 * layout completes them: draw_open() takes the metadata of `doc` and never
 * fails (errors surface at the first page); draw_page() returns 0 or -1
 * after reporting to `d` (sticky: later pages are refused); draw_close()
 * adds the outline, finishes, renames and frees `dr`, or removes the
 * temporary file and returns -1; draw_abort() frees `dr` and removes the
 * temporary file.  The target is untouched unless close succeeds.
 */
struct drawer;
struct drawer *draw_open(const struct model_doc *doc, const char *path, struct diag *d);
int draw_page(struct drawer *dr, const struct layout_page *pg);
int draw_close(struct drawer *dr, const struct layout_outline *outline, size_t n);
void draw_abort(struct drawer *dr);
/* Whether drawing (not layout) failed: exit 3 rather than 1. */
int draw_failed(const struct drawer *dr);

/*
 * SOURCE_DATE_EPOCH (the value `epoch`) as "YYYY-MM-DDThh:mm:ssZ" into
 * buf.  Returns 0, or -1 when `epoch` is not a non-negative integer.
 */
int draw_epoch_date(const char *epoch, char *buf, size_t len);

#endif
