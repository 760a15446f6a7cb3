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
 * Writes `ld` to `path` through PATH.tmp and rename(); on any cairo or
 * file error the temporary file is removed, `path` is left as it was and
 * -1 is returned after reporting to `d`.  Returns 0 on success.
 */
int draw_pdf(const struct layout_doc *ld, const struct model_doc *doc, const char *path,
             struct diag *d);

/*
 * The same in steps (pages drawn as layout completes them): draw_open()
 * takes the metadata of `doc` and never fails (errors surface at the
 * first page); draw_page()
 * returns 0 or -1 after reporting (sticky: later pages are refused);
 * draw_close() adds the outline, finishes, renames and frees `dr`, or
 * removes the temporary file and returns -1; draw_abort() frees `dr` and
 * removes the temporary file.  The target is untouched unless close
 * succeeds.
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
