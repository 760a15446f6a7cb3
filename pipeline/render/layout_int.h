/*
 * Internal to the layout modules: the block-level entry points, above the
 * primitives (prim.h).  Layers, each calling only those below it:
 *   prim.c                 vlist, boxes, paragraphs, notes, memo
 *   table.c chart.c toc.c  a table (cells through lctx.blocks), a chart, the 目次
 *   blocks.c               the block dispatcher; headings, lists, boxes;
 *                          header, footer, draft stamp
 *   slides.c               <slide> pages, frames
 *   layout.c               flows → pages (pagination), the run, --dump
 * Not for draw.c or main.c.
 */
#ifndef RENDER_LAYOUT_INT_H
#define RENDER_LAYOUT_INT_H

/* A footnote mark's link and its note's destination, as prim.c makes them
 * (FN_DEST "N"); layout.c names the pair by page: FN_PAGE_DEST (layout.h). */
#define FN_DEST "\x01fn:"

#include "prim.h"

/*
 * Appends the blocks among the children of `parent` (or the inline content
 * of `parent` as one paragraph in `style` when it has no block child) to
 * `vl`, at left edge `x` and measure `width`.
 */
int blocks_items(struct lctx *c, const struct model_node *parent, const char *style, double x,
                 double width, struct vlist *vl);
/* Whether `n` has a block child (else its content is one paragraph). */
int has_block_child(const struct model_node *n);
/* One block node. */
int block_items(struct lctx *c, const struct model_node *n, const char *style, double x,
                double width, struct vlist *vl);
/*
 * The label column of a list; one item of it (slides fit item by item).
 * li_items() returns 0, or -1 after an error (content narrower than the
 * minimum measure: nested too deeply).
 */
double list_label_width(struct lctx *c, const struct model_node *list, double width);
int li_items(struct lctx *c, const struct model_node *li, const struct model_node *list,
             double labw, double x, double width, struct vlist *vl);
int table_items(struct lctx *c, const struct model_node *n, double x, double width,
                struct vlist *vl);
int chart_items(struct lctx *c, const struct model_node *n, double x, double width, double height,
                struct vlist *vl);
int toc_items(struct lctx *c, const struct model_node *n, double x, double width, struct vlist *vl);
int slides_layout(struct lctx *c, const struct model_node *slide);

/* The title of the run's first file (the running heads' <field name="title">),
 * or NULL. */
const char *layout_run_title(const struct layout_run *r);

/* Header, footer and draft stamp of a page; `running` may be NULL. */
void page_furniture(struct lctx *c, struct layout_page *pg, const struct model_template *t,
                    int number, const char *running);

#endif
