/*
 * layout: model → pages of positioned boxes (MuPDF manner).  Plain data:
 * nothing here draws; draw.c turns boxes into PDF operators and decides
 * nothing.  Text is measured through the pinned PangoCairo font map.
 *
 * Coordinates are PDF points from the page's top-left corner, y down.
 */
#ifndef RENDER_LAYOUT_H
#define RENDER_LAYOUT_H

#include <stddef.h>

#include "diag.h"
#include "fonts.h"
#include "jltext.h"
#include "model.h"

enum layout_box_kind {
	BOX_TEXT,	/* line `line` of `para`; x = block left, y = baseline */
	BOX_RECT,	/* x, y, w, h; filled and/or stroked */
	BOX_LINE,	/* from (x, y) to (x + w, y + h) */
	BOX_DOTS,	/* dot leader from x to x + w on baseline y, pitch h */
	BOX_LINK,	/* link rectangle x, y, w, h to destination `name` */
	BOX_DEST	/* named destination `name` at (x, y) */
};

struct layout_box {
	enum layout_box_kind	 kind;
	double			 x, y, w, h;
	struct jl_para		*para;		/* TEXT: owned by the layout_doc */
	int			 line;		/* TEXT: line index in para */
	double			 color[3];	/* text or stroke colour */
	double			 fill[3];
	int			 filled, stroked;
	double			 lw;		/* stroke width, pt */
	char			*name;		/* LINK, DEST: owned */
	const char		*tag;		/* structure type ("P", "H1", "Table"…) or NULL */
	int			 elem;		/* structure element number, 0: untagged */
	const char		*sub[2];	/* nested inside it: TR / LI, then TD TH /
						 * Lbl LBody; NULL when none */
	int			 subelem[2];	/* their element numbers */
};

struct layout_page {
	double			 width, height;
	int			 number;	/* printed page number (PDF page label), 0: none */
	double			 area[4];	/* flow pages: text block left, top, right,
						 * bottom; all 0 on slides */
	struct layout_box	*box;
	size_t			 n, alloc;
};

struct layout_outline {
	char	*title;		/* owned */
	int	 level;		/* 1.. */
	int	 page;		/* 0-based */
	double	 y;
};

struct layout_doc {
	struct layout_page	*pages;
	size_t			 npages;
	struct jl_para		**paras;
	size_t			 nparas, aparas;
	struct layout_outline	*outline;
	size_t			 noutline;
};

/*
 * Lays out the whole document: flows into paginated pages (two passes
 * when there is a <toc>), slides into fixed pages.  Problems that make the
 * output wrong (an unknown link target) are warnings; input that cannot be
 * laid out is an error reported to `d`.  Returns a new layout (free with
 * layout_doc_free()) or NULL after reporting.
 */
struct layout_doc	*layout_document(const struct model_doc *doc, struct fonts *fonts,
			    struct diag *d);
void			 layout_doc_free(struct layout_doc *ld);

/*
 * Streaming: the same layout, but each page is handed to `sink->page` as
 * soon as it is final and its boxes and paragraphs are freed, so memory
 * stays bounded by the largest top-level block, not the document.  With a
 * <toc>, a measuring pass (pages discarded) finds the page numbers first.
 * The returned layout has the outline and the page sizes, no boxes.  A
 * sink returning -1 stops the layout (NULL is returned).
 */
struct layout_sink {
	int	(*page)(void *arg, const struct layout_page *pg);
	void	*arg;
};
struct layout_doc	*layout_stream(const struct model_doc *doc, struct fonts *fonts,
			    struct diag *d, const struct layout_sink *sink);

/*
 * render --lines: one tab-separated record per drawn text line of page
 * `pg` (`index` is its 1-based position in the PDF), so that tests can
 * tell which lines of the PDF are inner lines of justified paragraphs:
 *   P page width height left top right bottom   (text block; 0s on slides)
 *   L page x0 x1 baseline ascent descent para line nlines last align
 *     block_left block_right tag text
 * x0/x1 are the set line's ends, block_* the paragraph's measure, `last`
 * 1 for a line set unjustified (final or before a forced break), align
 * j|l|c|r, tag the structure type or -, text with tabs and newlines as
 * spaces.
 */
void			 layout_page_lines(const struct layout_page *pg, size_t index, FILE *out);

/* Prints the pages and boxes as text (render --dump). */
void			 layout_dump(const struct layout_doc *ld, FILE *out);

/*
 * place(): fitting for slide frames (fz_story manner).  Lays out the
 * units [first, nunits) of a frame's content at `scale` into a column
 * `width` wide and `height` tall.  Sets *fitted to the number of whole
 * units that fit.  Returns LAYOUT_FITTED when all of them fit,
 * LAYOUT_MORE otherwise.  Pure arithmetic over measured heights: see
 * layout_fit_count() for the rule, which the unit tests pin down.
 */
enum layout_fit { LAYOUT_FITTED, LAYOUT_MORE };

/*
 * The fitting rule on its own: given unit heights h[0..n) and gaps
 * between units `gap`, the number of leading units whose stacked height
 * (h[0] + gap + h[1] + …) is at most `avail`.
 */
size_t			 layout_fit_count(const double *h, size_t n, double gap, double avail);

/*
 * The shrink schedule: the scale to try after `scale`, stepping down by
 * `step` (e.g. 0.05), or 0 when the next step would go below `min`.
 * Scales are rounded to 1/1000 so that 1 - 8 * 0.05 is exactly 0.6.
 */
double			 layout_next_scale(double scale, double step, double min);

#endif
