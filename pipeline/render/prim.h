/*
 * prim: the primitives of layout (prim.c) — the vertical list that flows
 * are paginated from, boxes, paragraphs with inline markup and notes, the
 * line-break memo, structure tags — and the context of a layout pass.
 * Every layout module builds with these; prim.c calls none of them.
 */
#ifndef RENDER_PRIM_H
#define RENDER_PRIM_H

#include "layout.h"
#include "strbuf.h"

struct lctx;
struct vlist;

struct note {
	struct vlist *lines; /* the note, laid out at the text width */
	double h;
	char *key; /* number and text: a note cited twice on
					 * a page is printed once */
};

/* One unbreakable piece of a flow: a line, a table row, a chart, a space. */
struct vitem {
	double h;               /* height */
	double before, after;   /* space, discarded at a page break */
	int keep;               /* no page break after this item */
	int pagebreak;          /* a page break before this item */
	struct layout_box *box; /* y relative to the item's top */
	size_t n, alloc;
	struct note **notes; /* footnotes cited here (owned) */
	size_t nnotes;
	int table;      /* > 0: row of table `table` */
	int head;       /* a head row (repeated) */
	size_t heading; /* first line of heading c->heads[heading - 1]; 0: none */
	int boxid[4];   /* enclosing <box> ids, outermost first */
	int nboxid;
	size_t pmark; /* paragraphs before its top-level block */
};

struct vlist {
	struct vitem *v;
	size_t n, alloc;
};

/* A heading as placed: for the TOC, the outline and the running header. */
struct placed_heading {
	char *text; /* plain text */
	char *dest; /* destination name */
	int level;
	int running; /* running="1": the header's running title */
	int outline; /* outline="1": an outline entry */
	int page;    /* 0-based page index, -1 unknown */
	int number;  /* printed page number, 0 none */
	double y;
};

/* A <box>: its border is drawn per page around its items there. */
struct boxdef {
	double x, w, pad;
	double border[3], fill[3];
	int has_border, has_fill;
};

/* The TOC's entries (the headings with toc="1" of every file, in order)
 * and, once measured, the printed page number of each heading. */
struct tocdata {
	const struct model_tocent *e;
	size_t n;
	void *numbers; /* GHashTable: dest → number; NULL in
						 * the measuring pass */
};

/* Lays out the blocks among the children of a node (see blocks_items()):
 * how a table cell gets its content without calling up into blocks.c. */
typedef int blocks_fn(struct lctx *c, const struct model_node *parent, const char *style, double x,
                      double width, struct vlist *vl);

/* Makes the pages a table's rows so far decide (see layout.c rows_out()):
 * how a long table leaves memory row by row without calling up into
 * layout.c. */
typedef int rows_fn(struct lctx *c, struct vlist *vl);
struct flowstate;

/*
 * One layout pass over the files of a run (layout.c "the run"): what the
 * pass has made so far, and where it is.
 */
struct lctx {
	struct layout_run *run;      /* the files and what passes share */
	const struct model_doc *doc; /* the file being laid out */
	PangoContext *pc;
	struct brkmemo *memo;      /* two passes: line breaks and shapings */
	const struct tocdata *toc; /* the 目次's entries and numbers */
	blocks_fn *blocks;         /* blocks_items() */
	rows_fn *rows_out;         /* layout.c rows_out() */
	struct flowstate *flow;    /* the flow being laid out, or NULL */
	struct diag *d;
	struct layout_doc *out;       /* pages, paragraphs, outline */
	struct placed_heading *heads; /* placed so far */
	size_t nheads;
	int hcount;    /* headings named so far (h.N) */
	int pageno;    /* printed number of the next page */
	char *running; /* the header's running title */
	double scale;  /* slides: frame shrink factor */
	int frame;     /* in a slide frame: keep bullets whole */
	int boxstack[4], nbox, nexttable;
	struct boxdef *boxes; /* the flow's <box>es */
	size_t nboxes;
	double fx, fw;  /* the flow's text block: footnotes */
	double maxh;    /* tallest item a page takes, 0: any */
	int nelem;      /* structure elements numbered so far */
	int hang_label; /* a heading: hang lines after its label */
	size_t flushed; /* pages finished so far */
	size_t pfree;   /* paragraphs [0, pfree) freed */

	/* issue 15: "file\tn" → the footnote's number through the document */
	GHashTable *fnnum;
};

/*
 * Tags the untagged boxes of items [from, vl->n) as one structure element
 * of type `tag` (tagged PDF: headings, paragraphs, lists, tables, figures).
 */
void vlist_stamp(struct lctx *c, struct vlist *vl, size_t from, const char *tag);
/* The same, as element number `elem` (numbered before its items came). */
void vlist_stamp_elem(struct vlist *vl, size_t from, int elem, const char *tag);

/*
 * Tags the boxes of items [from, vl->n) not yet tagged at nesting `level`
 * (0: a row or list item, 1: a cell, label or list body) as one element of
 * type `tag` inside the block's element.
 */
void vlist_stamp_sub(struct lctx *c, struct vlist *vl, size_t from, int level, const char *tag);

/* vlist */
struct vitem *vlist_add(struct vlist *vl);
/* vlist_add() for an item inside the <box>es open in `c` (c->boxstack). */
struct vitem *vlist_add_boxed(struct lctx *c, struct vlist *vl);
void vlist_release(struct vlist *vl);
/* Frees the boxes (and their names) and the notes of `it`. */
void vitem_release(struct vitem *it);
struct layout_box *vitem_box(struct vitem *it, enum layout_box_kind kind);
void note_free(struct note *n);

/* A box appended to a page (copies `b`; takes ownership of b->name). */
struct layout_box *page_add(struct layout_page *pg, const struct layout_box *b);

/*
 * Frees the paragraphs registered after `mark` (a value of out->nparas):
 * for measuring passes whose items were thrown away.  No box may refer
 * to them any more.
 */
void lctx_release_to(struct lctx *c, size_t mark);
/*
 * The line-break memo (prim.c): the measuring pass records each
 * paragraph's line starts and shaping, the drawing pass (`replay`) takes
 * them back in the same order.
 */
struct brkmemo;
struct brkmemo *brkmemo_new(void);
void brkmemo_free(struct brkmemo *m);
void brkmemo_start(struct brkmemo *m, int replay);

/* Registers `p` with the output so it lives as long as the layout. */
struct jl_para *lctx_keep(struct lctx *c, struct jl_para *p);

/*
 * A paragraph of plain `text` in style `st` (scaled by c->scale), `width`
 * wide, with the given alignment.  Kept by the layout.
 */
struct jl_para *text_para(struct lctx *c, const char *text, const struct model_style *st,
                          double size, int bold, double width, enum jl_align align);
/* Width of the widest line of `p`. */
double para_width(const struct jl_para *p);

/* Inline content of `n` as a paragraph in `st`; `indent` overrides st->indent if >= 0. */
int para_items(struct lctx *c, const struct model_node *n, const struct model_style *st,
               double indent, double x, double width, struct vlist *vl);

double style_size(const struct lctx *c, const struct model_style *st);
double style_lh(const struct lctx *c, const struct model_style *st);

#endif
