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
int	 draw_pdf(const struct layout_doc *ld, const struct model_doc *doc, const char *path,
	    struct diag *d);

/*
 * SOURCE_DATE_EPOCH (the value `epoch`) as "YYYY-MM-DDThh:mm:ssZ" into
 * buf.  Returns 0, or -1 when `epoch` is not a non-negative integer.
 */
int	 draw_epoch_date(const char *epoch, char *buf, size_t len);

#endif
