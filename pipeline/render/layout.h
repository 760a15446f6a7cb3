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
	BOX_TEXT, /* line `line` of `para`; x = block left, y = baseline */
	BOX_RECT, /* x, y, w, h; filled and/or stroked */
	BOX_LINE, /* from (x, y) to (x + w, y + h) */
	BOX_DOTS, /* dot leader from x to x + w on baseline y, pitch h */
	BOX_LINK, /* link rectangle x, y, w, h to destination `name` */
	BOX_DEST, /* named destination `name` at (x, y) */
	BOX_IMAGE /* the picture file `name` (a path) in x, y, w, h */
};

/* The destination of a footnote mark's link, its note on page P (0-based)
 * numbered N: FN_PAGE_DEST "P.N" (draw.c tags the link a Reference). */
#define FN_PAGE_DEST "_fn."

struct layout_box {
	enum layout_box_kind kind;
	double x, y, w, h;
	struct jl_para *para; /* TEXT: owned by the layout_doc */
	int line;             /* TEXT: line index in para */
	double color[3];      /* text or stroke colour */
	double fill[3];
	int filled, stroked;
	double lw;          /* stroke width, pt */
	char *name;         /* LINK, DEST: owned */
	const char *tag;    /* structure type ("P", "H1", "Table"…) or NULL */
	int elem;           /* structure element number, 0: untagged */
	const char *sub[2]; /* nested inside it: TR / LI, then TD TH /
						 * Lbl LBody; NULL when none */
	int subelem[2];     /* their element numbers */
};

struct layout_page {
	double width, height;
	int number;     /* printed page number (PDF page label), 0: none */
	double area[4]; /* flow pages: text block left, top, right,
						 * bottom; all 0 on slides */
	struct layout_box *box;
	size_t n, alloc;
};

struct layout_outline {
	char *title; /* owned */
	int level;   /* 1.. */
	int page;    /* 0-based */
	double y;
};

struct layout_doc {
	struct layout_page *pages;
	size_t npages;
	struct jl_para **paras;
	size_t nparas, aparas;
	struct layout_outline *outline;
	size_t noutline;
};

/*
 * A run lays out one or more .pdoc files, in order, as one document:
 * continuous page numbers, one outline, links and destinations across
 * files, the TOC filled from the headings of every file.  Each file is a
 * model_doc that the caller loads, hands to layout_file() and frees
 * before the next, so memory is bounded by the largest file.
 *
 *   r = layout_run_new(fonts, d);
 *   for each file, in order: layout_learn(r, doc);  (its destinations
 *       and TOC entries; returns the headings so far, the next file's
 *       model_load() hbase)
 *   layout_begin(r, 1, NULL); layout_file(r, doc)…; layout_end(r);
 *       the measuring pass, needed when any file has a <toc> or there is
 *       more than one file: pages counted and dropped, every heading's
 *       page number recorded (the TOC's numbers) with each paragraph's
 *       line breaks and shaping, which the next pass takes over;
 *   layout_begin(r, 0, sink); layout_file(r, doc)…; ld = layout_end(r);
 *       the drawing pass: each page is handed to `sink->page` as soon as
 *       it is final, then its boxes are freed (with a NULL sink the pages
 *       stay in `ld`).  The result has the outline and the page sizes.
 *
 * Every file must be learned before the drawing pass begins (links are
 * checked against every destination then) and before the measuring pass
 * lays out a <toc>.  Messages go to `d` once: layout's in the first pass,
 * link checks in the drawing pass.  layout_file() returns 0, or -1 after
 * an error (or when the sink failed); layout_end() returns NULL when any
 * file of the pass failed.
 */
struct layout_sink {
	int (*page)(void *arg, const struct layout_page *pg);
	void *arg;
};
struct layout_run;
struct layout_run *layout_run_new(struct fonts *fonts, struct diag *d);
void layout_run_free(struct layout_run *r);
int layout_learn(struct layout_run *r, const struct model_doc *doc);
void layout_begin(struct layout_run *r, int measure, const struct layout_sink *sink);
int layout_file(struct layout_run *r, const struct model_doc *doc);
struct layout_doc *layout_end(struct layout_run *r);

/* One document laid out whole, pages kept (tests, the fuzzer).  Returns a
 * new layout (free with layout_doc_free()) or NULL after reporting. */
struct layout_doc *layout_document(const struct model_doc *doc, struct fonts *fonts,
                                   struct diag *d);
void layout_doc_free(struct layout_doc *ld);

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
void layout_page_lines(const struct layout_page *pg, size_t index, FILE *out);

/* Prints the pages and boxes as text (render --dump): page `index`
 * (1-based), or the outline. */
void layout_dump_page(const struct layout_page *pg, size_t index, FILE *out);
void layout_dump_outline(const struct layout_doc *ld, FILE *out);

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
size_t layout_fit_count(const double *h, size_t n, double gap, double avail);

/*
 * The shrink schedule: the scale to try after `scale`, stepping down by
 * `step` (e.g. 0.05), or 0 when the next step would go below `min`.
 * Scales are rounded to 1/1000 so that 1 - 8 * 0.05 is exactly 0.6.
 */
double layout_next_scale(double scale, double step, double min);

#endif
