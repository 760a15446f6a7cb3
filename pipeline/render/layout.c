/*
 * layout: blocks → a vertical list of unbreakable items → pages.
 *
 * A flow becomes a list of items (a line of a paragraph, a table row, a
 * chart), each with boxes relative to its top, its height, the space
 * around it and whether a page break may follow it.  Pagination walks the
 * list once: when an item does not fit, the break goes before it, or
 * further back past items that must be kept with their successor (headings,
 * the first line of a paragraph, a paragraph's next-to-last line, head
 * rows).  Footnotes cited on a page take room at its foot; a table row
 * that starts a page brings the table's head rows with it.
 * See docs/render.md.
 */
#include "layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <pango/pangocairo.h>

#include "layout_int.h"
#include "xmem.h"

#define FN_SEP	10.0	/* room for the rule above the footnotes, pt */

static struct layout_page *
doc_page(struct layout_doc *ld, double w, double h)
{
	struct layout_page *pg;

	ld->pages = xreallocarray(ld->pages, ld->npages + 1, sizeof(*ld->pages));
	pg = &ld->pages[ld->npages++];
	memset(pg, 0, sizeof(*pg));
	pg->width = w;
	pg->height = h;
	return pg;
}

/*
 * The run: what the passes over the files share.  Destinations and TOC
 * entries are learned from each file as it is first read; the measuring
 * pass leaves the printed page number of every heading and the memo.
 */
struct layout_run {
	struct fonts		*fonts;
	struct diag		*d;
	struct diag		 quiet;		/* layout's messages in the drawing pass
						 * (the measuring pass said them) */
	GHashTable		*dests;		/* every destination name (owned) */
	GHashTable		*seen;		/* those placed in this pass */
	struct model_tocent	*toc;		/* every file's TOC entries */
	size_t			 ntoc;
	int			 hcount;	/* headings of the files learned */
	GHashTable		*numbers;	/* measured: dest → printed page number */
	struct brkmemo		*memo;		/* measured: breaks and shapings */
	int			 measured;	/* a measuring pass has run */
	int			 measure;	/* this pass measures */
	const struct layout_sink *sink;		/* the drawing pass's pages */
	int			 failed;	/* a file of this pass failed */
	struct lctx		 c;		/* this pass */
};

/* Whether finished pages leave the layout (drawn, or counted and
 * dropped) rather than staying in it (layout_document). */
static int
pages_leave(const struct layout_run *r)
{
	return r->measure || r->sink != NULL;
}


/* ------------------------------------------------------------------ */
/* blocks */

static int
has_block_child(const struct model_node *n)
{
	const struct model_node *k;

	for (k = n->first; k; k = k->next)
		switch (k->kind) {
		case M_H: case M_P: case M_LIST: case M_TABLE: case M_CHART: case M_TOC:
		case M_BOX: case M_PAGEBREAK: case M_SPACE: case M_RULE:
			return 1;
		default:
			break;
		}
	return 0;
}

static int
heading_items(struct lctx *c, const struct model_node *n, double x, double width,
    struct vlist *vl)
{
	long level = model_attr_long(n, "level", 1);
	const char *sn = model_attr(n, "style");
	char name[8], dest[32];
	const struct model_style *st;
	size_t first = vl->n, k;
	struct placed_heading *ph;
	const char *id = model_attr(n, "id");
	struct layout_box *b;

	if (level < 1 || level > 4)
		level = level < 1 ? 1 : 4;
	snprintf(name, sizeof(name), "h%ld", level);
	st = model_style(c->doc, sn ? sn : name);
	c->hang_label = 1;
	para_items(c, n, st, 0, x, width, vl);
	c->hang_label = 0;
	for (k = first; k < vl->n; k++)
		vl->v[k].keep = 1;	/* never split; kept with the next block */
	/* a heading in a slide frame is laid out once per trial scale: it
	 * names no destination and enters no TOC (toc.c skips slides too) */
	if (vl->n == first || c->frame)
		return 0;
	snprintf(dest, sizeof(dest), "h.%d", ++c->hcount);
	b = vitem_box(&vl->v[first], BOX_DEST);
	b->x = x;
	b->y = 0;
	b->name = xstrdup(dest);
	if (id && *id) {
		b = vitem_box(&vl->v[first], BOX_DEST);
		b->x = x;
		b->name = xstrdup(id);
	}
	c->heads = xreallocarray(c->heads, c->nheads + 1, sizeof(*c->heads));
	ph = &c->heads[c->nheads++];
	memset(ph, 0, sizeof(*ph));
	vl->v[first].heading = c->nheads;
	ph->running = model_attr(n, "running") && strcmp(model_attr(n, "running"), "1") == 0;
	ph->outline = model_attr(n, "outline") && strcmp(model_attr(n, "outline"), "1") == 0;
	ph->text = inline_plain(n);
	ph->dest = xstrdup(dest);
	ph->level = (int)level;
	ph->page = -1;
	return 0;
}

double
list_label_width(struct lctx *c, const struct model_node *n, double width)
{
	const char *sn = model_attr(n, "style");
	const struct model_style *st = model_style(c->doc, sn ? sn : "bullet");
	const struct model_node *li;
	double size = style_size(c, st), labw = size;
	size_t mark = c->out->nparas;

	/* the label column: the widest label plus a half-em gap */
	for (li = n->first; li; li = li->next) {
		const char *lab = model_attr(li, "label");
		struct jl_para *lp;
		double w;

		if (li->kind != M_LI)
			continue;
		lp = text_para(c, lab ? lab : "・", st, size, st->bold, width, JL_LEFT);
		w = para_width(lp) + (lab ? size * 0.5 : 0);
		if (w > labw)
			labw = w;
	}
	lctx_release_to(c, mark);	/* measured only */
	if (labw > width / 3)
		labw = width / 3;
	return labw;
}

/*
 * The narrowest measure a box or list item may leave for its content:
 * each nesting level takes its padding or label column off the width,
 * and a measure below this (or below zero) would set text outside the
 * page.  An error at the element that would cross it.
 */
#define MIN_MEASURE_EM 4.0

static int
check_measure(struct lctx *c, const struct model_node *n, double inner)
{
	double min = MIN_MEASURE_EM * 10.5 * c->scale;

	if (inner >= min)
		return 0;
	return diag_error(c->d, c->doc->path, n->line,
	                  "<%s> nested too deeply: its content would be %.0f pt wide, less "
	                  "than the minimum of %.0f pt; nest fewer boxes and lists",
	                  n->kind == M_BOX ? "box" : "li", inner, min);
}

int
li_items(struct lctx *c, const struct model_node *li, const struct model_node *list,
    double labw, double x, double width, struct vlist *vl)
{
	const char *sn = model_attr(list, "style");
	const struct model_style *st = model_style(c->doc, sn ? sn : "bullet");
	const char *lab = model_attr(li, "label");
	double size = style_size(c, st);
	size_t first = vl->n, k;
	int ret;

	if (check_measure(c, li, width - labw) < 0)
		return -1;
	if (has_block_child(li))
		ret = blocks_items(c, li, sn ? sn : "bullet", x + labw, width - labw, vl);
	else
		ret = para_items(c, li, st, 0, x + labw, width - labw, vl);
	if (vl->n == first)
		return ret;
	if (!c->frame)
		vlist_stamp_sub(c, vl, first, 1, "LBody");
	for (k = 0; k < vl->v[first].n; k++) {
		if (vl->v[first].box[k].kind == BOX_TEXT) {
			struct vitem *it = &vl->v[first];
			struct layout_box *b, lb;
			double y = it->box[k].y;

			b = vitem_box(it, BOX_TEXT);
			b->para = text_para(c, lab ? lab : "・", st, size, st->bold, labw, JL_LEFT);
			b->x = x;
			b->y = y;
			memcpy(b->color, st->color, sizeof(b->color));
			if (!c->frame) {
				/* the label first, in reading order: LI (Lbl, LBody) */
				b->sub[1] = "Lbl";
				b->subelem[1] = ++c->nelem;
				lb = *b;
				memmove(&it->box[1], &it->box[0], (it->n - 1) * sizeof(*it->box));
				it->box[0] = lb;
			}
			break;
		}
	}
	if (!c->frame)
		vlist_stamp_sub(c, vl, first, 0, "LI");
	vl->v[first].before += size * 0.15;
	if (c->frame)	/* a bullet stays whole in a frame */
		for (k = first; k + 1 < vl->n; k++)
			vl->v[k].keep = 1;
	return ret;
}

static int
list_items(struct lctx *c, const struct model_node *n, double x, double width,
    struct vlist *vl)
{
	const struct model_node *li;
	double labw = list_label_width(c, n, width);
	int ret = 0;

	for (li = n->first; li; li = li->next)
		if (li->kind == M_LI && li_items(c, li, n, labw, x, width, vl) < 0)
			ret = -1;
	return ret;
}

static int
box_items(struct lctx *c, const struct model_node *n, const char *style, double x,
    double width, struct vlist *vl)
{
	struct boxdef bd;
	const char *border = model_attr(n, "border"), *fill = model_attr(n, "fill");
	const char *sn = model_attr(n, "style");
	double pad = 8 * c->scale;
	struct vitem *it;
	int id, ret, pushed;

	if (check_measure(c, n, width - 2 * pad) < 0)
		return -1;
	memset(&bd, 0, sizeof(bd));
	bd.x = x;
	bd.w = width;
	bd.pad = pad;
	bd.has_border = border == NULL || model_color(border, bd.border) == 0;
	if (border && strcmp(border, "none") == 0)
		bd.has_border = 0;
	bd.has_fill = fill && model_color(fill, bd.fill) == 0;
	c->boxes = xreallocarray(c->boxes, c->nboxes + 1, sizeof(*c->boxes));
	c->boxes[c->nboxes++] = bd;
	id = (int)c->nboxes;
	pushed = c->nbox < 4;	/* deeper boxes share the fourth's border */
	if (pushed)
		c->boxstack[c->nbox++] = id;
	it = vlist_add(vl);
	it->h = pad;
	it->before = 6 * c->scale;
	it->keep = 1;
	memcpy(it->boxid, c->boxstack, sizeof(it->boxid));
	it->nboxid = c->nbox;
	ret = blocks_items(c, n, sn ? sn : style, x + pad, width - 2 * pad, vl);
	it = vlist_add(vl);
	it->h = pad;
	it->after = 6 * c->scale;
	memcpy(it->boxid, c->boxstack, sizeof(it->boxid));
	it->nboxid = c->nbox;
	if (pushed)
		c->nbox--;
	return ret;
}

static int
block_dispatch(struct lctx *c, const struct model_node *n, const char *style, double x,
    double width, struct vlist *vl)
{
	struct vitem *it;
	struct layout_box *b;
	const char *sn;

	switch (n->kind) {
	case M_H:
		return heading_items(c, n, x, width, vl);
	case M_P:
		sn = model_attr(n, "style");
		return para_items(c, n, model_style(c->doc, sn ? sn : style), -1, x, width, vl);
	case M_LIST:
		return list_items(c, n, x, width, vl);
	case M_TABLE:
		return table_items(c, n, x, width, vl);
	case M_CHART:
		return chart_items(c, n, x, width, 0, vl);
	case M_TOC:
		return toc_items(c, n, x, width, vl);
	case M_BOX:
		return box_items(c, n, style, x, width, vl);
	case M_PAGEBREAK:
		it = vlist_add(vl);
		it->pagebreak = 1;
		return 0;
	case M_SPACE: {
		double h = 12;

		if (model_attr(n, "h") && model_length(model_attr(n, "h"), 10.5, 0, &h) < 0)
			diag_warning(c->d, c->doc->path, n->line, "<space h>: not a length");
		it = vlist_add(vl);
		it->before = h * c->scale;
		return 0;
	}
	case M_ANCHOR:
		it = vlist_add(vl);
		b = vitem_box(it, BOX_DEST);
		b->x = x;
		b->name = xstrdup(model_attr(n, "id") ? model_attr(n, "id") : "");
		it->keep = 1;
		return 0;
	case M_RULE:
		it = vlist_add(vl);
		it->h = 8 * c->scale;
		b = vitem_box(it, BOX_LINE);
		b->x = x;
		b->y = it->h / 2;
		b->w = width;
		b->lw = 0.6;
		b->stroked = 1;
		return 0;
	case M_TEXT:
		return 0;
	default:
		return para_items(c, n, model_style(c->doc, style), -1, x, width, vl);
	}
}

int
block_items(struct lctx *c, const struct model_node *n, const char *style, double x,
    double width, struct vlist *vl)
{
	static const char *htag[] = { "H1", "H2", "H3", "H4" };
	size_t from = vl->n;
	const char *tag;
	long lv;
	int ret = block_dispatch(c, n, style, x, width, vl);

	switch (n->kind) {
	case M_H:
		lv = model_attr_long(n, "level", 1);
		tag = htag[lv < 1 ? 0 : lv > 4 ? 3 : lv - 1];
		break;
	case M_LIST: tag = "L"; break;
	case M_TABLE: tag = "Table"; break;
	case M_CHART: tag = "Figure"; break;
	case M_TOC: tag = "TOC"; break;
	case M_RULE: case M_SPACE: case M_PAGEBREAK: case M_ANCHOR: case M_BOX:
		tag = NULL;
		break;
	default: tag = "P"; break;
	}
	if (tag)
		vlist_stamp(c, vl, from, tag);
	return ret;
}

int
blocks_items(struct lctx *c, const struct model_node *parent, const char *style, double x,
    double width, struct vlist *vl)
{
	const struct model_node *k;
	int ret = 0;

	if (!has_block_child(parent)) {
		/* inline content only: one paragraph */
		for (k = parent->first; k; k = k->next)
			if (k->kind != M_TEXT || strspn(k->text, " \t\r\n") != strlen(k->text))
				break;
		if (k) {
			size_t from = vl->n;
			int r = para_items(c, parent, model_style(c->doc, style), -1, x, width, vl);

			vlist_stamp(c, vl, from, "P");
			return r;
		}
		return 0;
	}
	for (k = parent->first; k; k = k->next)
		if (block_items(c, k, style, x, width, vl) < 0)
			ret = -1;
	return ret;
}

/* ------------------------------------------------------------------ */
/* pagination */

static double
head_height(const struct vlist *vl, int table, size_t *first, size_t *count)
{
	size_t i;
	double h = 0;

	*count = 0;
	for (i = 0; i < vl->n; i++) {
		if (vl->v[i].table == table && vl->v[i].head) {
			if (*count == 0)
				*first = i;
			(*count)++;
			h += vl->v[i].h;
		} else if (*count > 0)
			break;
	}
	return h;
}

/* Whether note k of item j was cited before on the page that starts at item `first`. */
static int
note_repeated(const struct vlist *vl, size_t first, size_t j, size_t k)
{
	const char *key = vl->v[j].notes[k]->key;
	size_t i, q;

	for (i = first; i <= j; i++)
		for (q = 0; q < vl->v[i].nnotes && (i < j || q < k); q++)
			if (strcmp(vl->v[i].notes[q]->key, key) == 0)
				return 1;
	return 0;
}

/* Room the notes cited by item j take at the foot of a page starting at `first`. */
static double
notes_height(const struct vlist *vl, size_t first, size_t j)
{
	const struct vitem *it = &vl->v[j];
	size_t k;
	double h = 0;

	for (k = 0; k < it->nnotes; k++)
		if (!note_repeated(vl, first, j, k))
			h += it->notes[k]->h;
	return h;
}

/* Whether item i starts a page with repeated head rows. */
static int
repeats_head(const struct vlist *vl, size_t i)
{
	return vl->v[i].table > 0 && !vl->v[i].head;
}

/*
 * The end of the page that starts at item `first`: sets *end and returns
 * 1 when the page is decided — an item did not fit (the break then moves
 * back over kept items), a page break, or the last item of a `final` list
 * — and 0 when more items are needed to decide.  The decision depends
 * only on items [first, overflow], so feeding items block by block gives
 * the same pages as feeding them all at once.
 */
static int
next_break(const struct vlist *vl, size_t first, double top, double bottom, int final,
    size_t *end)
{
	size_t j;
	double y = top, fnh = 0;

	if (first < vl->n && repeats_head(vl, first)) {
		size_t hf, hc;

		y += head_height(vl, vl->v[first].table, &hf, &hc);
	}
	for (j = first; j < vl->n; j++) {
		const struct vitem *it = &vl->v[j];
		double gap = j == first ? 0 : vl->v[j - 1].after + it->before;
		double nh = notes_height(vl, first, j);

		if (nh > 0 && fnh == 0)
			nh += FN_SEP;
		if (it->pagebreak && j > first) {
			*end = j;
			return 1;
		}
		if (j > first && y + gap + it->h > bottom - (fnh + nh) + 0.01) {
			size_t k = j;

			while (k > first && vl->v[k - 1].keep)
				k--;
			*end = k > first ? k : j;
			return 1;
		}
		y += gap + it->h;
		fnh += nh;
	}
	if (final && first < vl->n) {
		*end = vl->n;
		return 1;
	}
	return 0;
}

static void
place_item(struct layout_page *pg, const struct vitem *it, double y)
{
	size_t k;

	for (k = 0; k < it->n; k++) {
		struct layout_box b = it->box[k];

		b.y += y;
		b.name = b.name ? xstrdup(b.name) : NULL;
		page_add(pg, &b);
	}
}

/* Frees the paragraphs registered before `mark` (their pages are drawn). */
static void
paras_free_below(struct lctx *c, size_t mark, const struct vitem *keep, size_t nkeep)
{
	struct layout_doc *ld = c->out;
	size_t j, k;

	if (mark > ld->nparas)
		mark = ld->nparas;
	for (; c->pfree < mark; c->pfree++) {
		struct jl_para *p = ld->paras[c->pfree];

		for (j = 0; p && j < nkeep; j++)
			for (k = 0; k < keep[j].n; k++)
				if (keep[j].box[k].para == p)
					p = NULL;	/* freed at the end (layout_doc_free) */
		if (p == NULL)
			continue;
		jl_para_free(p);
		ld->paras[c->pfree] = NULL;
	}
}
/* Drops a link to a destination that exists nowhere, and a second
 * destination of the same name (names must be unique). */
static void
page_check_links(struct lctx *c, struct layout_page *pg)
{
	struct layout_run *run = c->run;
	size_t k, r;

	if (run->measure)
		return;		/* the destinations of later files are not known yet */
	for (k = 0; k < pg->n; k++) {
		struct layout_box *b = &pg->box[k];
		int drop = 0;

		if (b->kind == BOX_LINK && !g_hash_table_contains(run->dests, b->name)) {
			diag_warning(run->d, c->doc->path, 0, "link to '#%s': no such anchor; link dropped",
			    b->name);
			drop = 1;
		} else if (b->kind == BOX_DEST) {
			if (g_hash_table_contains(run->seen, b->name)) {
				diag_warning(run->d, c->doc->path, 0,
				    "anchor '%s' defined twice; the first is kept", b->name);
				drop = 1;
			} else {
				/* the run's own copy of the name (every
				 * destination placed was learned) */
				gpointer key = NULL;

				if (g_hash_table_lookup_extended(run->dests, b->name, &key, NULL))
					g_hash_table_add(run->seen, key);
			}
		}
		if (!drop)
			continue;
		free(b->name);
		for (r = k; r + 1 < pg->n; r++)
			pg->box[r] = pg->box[r + 1];
		pg->n--;
		k--;
	}
}

/* Pages up to the last one are final: check them, and unless they are
 * kept, hand them to the sink (not when measuring) and free their boxes. */
static int
pages_done(struct lctx *c)
{
	struct layout_run *r = c->run;
	struct layout_doc *ld = c->out;
	int ret = 0;

	for (; c->flushed < ld->npages; c->flushed++) {
		struct layout_page *pg = &ld->pages[c->flushed];
		size_t k;

		page_check_links(c, pg);
		if (!pages_leave(r))
			continue;
		if (ret == 0 && !r->measure && r->sink->page(r->sink->arg, pg) < 0)
			ret = -1;
		for (k = 0; k < pg->n; k++)
			free(pg->box[k].name);
		free(pg->box);
		pg->box = NULL;
		pg->n = pg->alloc = 0;
	}
	return ret;
}

struct flowstate {
	const struct model_template	*t;
	double				 top, bottom, width;
	struct vlist			 vl;
	size_t				 first;		/* first item of the open page */
	size_t				 pages;		/* pages made by this flow */
	size_t				 marked;	/* items [0, marked) have pmark */
};

/* Makes the page of items [first, end). */
static void
emit_page(struct lctx *c, struct flowstate *fs, size_t first, size_t end)
{
	const struct model_template *t = fs->t;
	struct vlist *vl = &fs->vl;
	struct layout_page *pg = doc_page(c->out, t->width, t->height);
	double y = fs->top, fy;
	double *btop = NULL, *bbot = NULL;
	size_t nb = c->nboxes, nbox0, j, k;
	int pi = (int)c->out->npages - 1;

	/* box borders first, so that text is drawn over a fill */
	if (nb > 0) {
		btop = xcalloc(nb, sizeof(double));
		bbot = xcalloc(nb, sizeof(double));
		for (k = 0; k < nb; k++)
			btop[k] = -1;
	}
	nbox0 = pg->n;
	if (first < vl->n && repeats_head(vl, first)) {
		size_t hf = 0, hc;

		head_height(vl, vl->v[first].table, &hf, &hc);
		for (k = hf; k < hf + hc; k++) {
			place_item(pg, &vl->v[k], y);
			y += vl->v[k].h;
		}
	}
	for (j = first; j < end; j++) {
		const struct vitem *it = &vl->v[j];
		int q;

		y += j == first ? 0 : vl->v[j - 1].after + it->before;
		for (q = 0; q < it->nboxid && q < 4; q++) {
			size_t id = (size_t)it->boxid[q] - 1;

			if (id >= nb)
				continue;
			if (btop[id] < 0)
				btop[id] = y;
			bbot[id] = y + it->h;
		}
		place_item(pg, it, y);
		if (it->heading > 0 && it->heading <= c->nheads) {
			struct placed_heading *ph = &c->heads[it->heading - 1];

			ph->page = pi;
			ph->number = c->pageno;
			ph->y = y;
			if (ph->running) {
				free(c->running);
				c->running = xstrdup(ph->text);
			}
		}
		y += it->h;
	}
	for (k = 0; k < nb; k++) {
		struct layout_box b;
		const struct boxdef *bd = &c->boxes[k];

		if (btop[k] < 0)
			continue;
		memset(&b, 0, sizeof(b));
		b.kind = BOX_RECT;
		b.x = bd->x;
		b.y = btop[k];
		b.w = bd->w;
		b.h = bbot[k] - btop[k];
		b.lw = 0.75;
		b.stroked = bd->has_border;
		memcpy(b.color, bd->border, sizeof(b.color));
		b.filled = bd->has_fill;
		memcpy(b.fill, bd->fill, sizeof(b.fill));
		page_add(pg, &b);
		/* move it before the page's content */
		if (pg->n - 1 > nbox0) {
			struct layout_box tmp = pg->box[pg->n - 1];

			memmove(&pg->box[nbox0 + 1], &pg->box[nbox0],
			    (pg->n - 1 - nbox0) * sizeof(*pg->box));
			pg->box[nbox0] = tmp;
		}
	}
	free(btop);
	free(bbot);
	/* footnotes at the foot */
	fy = 0;
	for (j = first; j < end; j++)
		fy += notes_height(vl, first, j);
	if (fy > 0) {
		struct layout_box b;

		y = fs->bottom - fy;
		memset(&b, 0, sizeof(b));
		b.kind = BOX_LINE;
		b.x = t->ml;
		b.y = y - FN_SEP / 2;
		b.w = fs->width / 3;
		b.lw = 0.5;
		b.stroked = 1;
		page_add(pg, &b);
		for (j = first; j < end; j++)
			for (k = 0; k < vl->v[j].nnotes; k++) {
				struct vlist *nl = vl->v[j].notes[k]->lines;
				size_t q;

				if (note_repeated(vl, first, j, k))
					continue;	/* printed once a page */
				for (q = 0; q < nl->n; q++) {
					place_item(pg, &nl->v[q], y);
					y += nl->v[q].h;
				}
			}
	}
	page_furniture(c, pg, t, t->footer ? c->pageno : 0, c->running);
	pg->area[0] = t->ml;
	pg->area[1] = fs->top;
	pg->area[2] = t->width - t->mr;
	pg->area[3] = fs->bottom;
	pg->number = t->footer ? c->pageno : 0;
	c->pageno++;
	fs->pages++;
}

/*
 * Items before the open page are on emitted pages (copied there): they are
 * dropped, all but the head rows of a table that goes on, which every page
 * it continues on repeats.  Without this the flow's items (a box list per
 * line) grew with the document: 10× FY2014 streamed took 98 MB, not 33.
 */
static void
vitem_release(struct vitem *it)
{
	size_t j;

	for (j = 0; j < it->n; j++)
		free(it->box[j].name);
	free(it->box);
	for (j = 0; j < it->nnotes; j++)
		note_free(it->notes[j]);
	free(it->notes);
}

static void
flow_trim(struct flowstate *fs)
{
	struct vlist *vl = &fs->vl;
	size_t first = fs->first, hf = 0, hc = 0, i, k = 0;

	if (first < 256)
		return;		/* amortized: trim in batches */
	if (first < vl->n && repeats_head(vl, first)) {
		head_height(vl, vl->v[first].table, &hf, &hc);
		if (hf + hc > first)
			hc = 0;	/* (cannot happen: head rows precede) */
	}
	for (i = 0; i < first; i++) {
		if (hc > 0 && i >= hf && i < hf + hc)
			vl->v[k++] = vl->v[i];	/* a head row, moved down */
		else
			vitem_release(&vl->v[i]);
	}
	memmove(vl->v + k, vl->v + first, (vl->n - first) * sizeof(*vl->v));
	vl->n -= first - k;
	fs->marked -= first - k;
	fs->first = k;
}

/* The index in out->paras of the first paragraph item `it` (its boxes and
 * its notes') refers to, or SIZE_MAX. */
static size_t
item_first_para(const struct vitem *it)
{
	size_t m = SIZE_MAX, k, j, q;

	for (k = 0; k < it->n; k++)
		if (it->box[k].para && (size_t)jl_para_id(it->box[k].para) - 1 < m)
			m = (size_t)jl_para_id(it->box[k].para) - 1;
	for (j = 0; j < it->nnotes; j++) {
		const struct vlist *nl = it->notes[j]->lines;

		for (q = 0; q < nl->n; q++) {
			size_t f = item_first_para(&nl->v[q]);

			if (f < m)
				m = f;
		}
	}
	return m;
}

/* Emits every page that is decided; `final` at the end of the flow. */
static int
flow_pages(struct lctx *c, struct flowstate *fs, int final)
{
	size_t end, i, pm = c->out->nparas;

	/* the items made since the last call (a block, or rows of a table):
	 * the first paragraph any of them from here on refers to.  Those
	 * before it are freed once their pages are out, even inside a block
	 * that runs over many pages (the TOC of a large document).  Later
	 * items refer to later paragraphs, but for a table's head rows. */
	for (i = fs->vl.n; i-- > fs->marked;) {
		size_t m = item_first_para(&fs->vl.v[i]);

		if (m < pm)
			pm = m;
		fs->vl.v[i].pmark = pm;
	}
	fs->marked = fs->vl.n;

	while (next_break(&fs->vl, fs->first, fs->top, fs->bottom, final, &end)) {
		emit_page(c, fs, fs->first, end);
		fs->first = end;
		if (pages_done(c) < 0)
			return -1;
		/* paragraphs no item still to be placed refers to are done with */
		if (pages_leave(c->run)) {
			size_t mark = end < fs->vl.n ? fs->vl.v[end].pmark : c->out->nparas;
			size_t hf = 0, hc = 0;

			/* but a table's head rows, repeated on the next page */
			if (end < fs->vl.n && repeats_head(&fs->vl, end))
				head_height(&fs->vl, fs->vl.v[end].table, &hf, &hc);
			paras_free_below(c, mark, fs->vl.v + hf, hc);
		}
	}
	flow_trim(fs);
	return 0;
}

/* Lays out one <flow> into pages, emitting each as soon as it is final. */
static int
flow_layout(struct lctx *c, const struct model_node *flow)
{
	const char *tn = model_attr(flow, "template");
	struct model_template def;
	struct flowstate fs;
	const struct model_node *k;
	long from = model_attr_long(flow, "number-from", 0);
	int ret = 0;

	memset(&fs, 0, sizeof(fs));
	fs.t = model_template(c->doc, tn ? tn : "body");
	if (fs.t == NULL) {
		memset(&def, 0, sizeof(def));
		def.width = 595.2756;
		def.height = 841.8898;
		def.mt = def.mb = 25 * 72 / 25.4;
		def.ml = def.mr = 22 * 72 / 25.4;
		fs.t = &def;
		if (tn)
			diag_warning(c->d, c->doc->path, flow->line,
			    "<flow template=\"%s\">: no such template; using A4", tn);
	}
	fs.top = fs.t->mt;
	fs.bottom = fs.t->height - fs.t->mb;
	fs.width = fs.t->width - fs.t->ml - fs.t->mr;
	if (from > 0)
		c->pageno = (int)from;
	c->nboxes = 0;
	c->fx = fs.t->ml;
	c->fw = fs.width;
	c->maxh = (fs.bottom - fs.top) * 0.8;	/* room left for repeated head rows */
	if (!has_block_child(flow)) {
		ret = blocks_items(c, flow, "body", fs.t->ml, fs.width, &fs.vl);
	} else {
		/* block by block: pages are made as soon as they are decided */
		for (k = flow->first; ret == 0 && k; k = k->next)
			if (block_items(c, k, "body", fs.t->ml, fs.width, &fs.vl) < 0 ||
			    flow_pages(c, &fs, 0) < 0)
				ret = -1;
	}
	if (ret == 0 && flow_pages(c, &fs, 1) < 0)
		ret = -1;
	if (ret == 0 && fs.pages == 0) {
		/* an empty flow is still a page (a blank page the author asked for) */
		emit_page(c, &fs, 0, 0);
		if (pages_done(c) < 0)
			ret = -1;
	}
	vlist_release(&fs.vl);
	c->maxh = 0;
	return ret;
}

/* ------------------------------------------------------------------ */
/* header, footer, draft stamp */

static void
field_text(const struct model_node *n, struct strbuf *sb, const struct lctx *c, int number,
    const char *running)
{
	const struct model_node *k;

	for (k = n->first; k; k = k->next) {
		if (k->kind == M_TEXT) {
			const char *p;

			for (p = k->text; *p; p++)
				if (*p != '\n' && *p != '\r' && *p != '\t')
					strbuf_addch(sb, *p);
		} else if (k->kind == M_FIELD) {
			const char *f = model_attr(k, "name");

			if (f == NULL)
				continue;
			if (strcmp(f, "page") == 0)
				strbuf_addf(sb, "%d", number);
			else if (strcmp(f, "title") == 0 && c->doc->title)
				strbuf_addstr(sb, c->doc->title);
			else if (strcmp(f, "running") == 0 && running)
				strbuf_addstr(sb, running);
		} else
			field_text(k, sb, c, number, running);
	}
}

static void
furniture_part(struct lctx *c, struct layout_page *pg, const struct model_template *t,
    const struct model_node *holder, const char *style, double baseline, int number,
    const char *running)
{
	const struct model_node *k;
	const struct model_style *st = model_style(c->doc, style);
	double width = t->width - t->ml - t->mr;

	for (k = holder->first; k; k = k->next) {
		struct strbuf sb;
		enum jl_align al;
		struct layout_box b;
		char *s;

		if (k->kind == M_LEFT)
			al = JL_LEFT;
		else if (k->kind == M_CENTER)
			al = JL_CENTER;
		else if (k->kind == M_RIGHT)
			al = JL_RIGHT;
		else
			continue;
		strbuf_init(&sb, 64, 4096);
		field_text(k, &sb, c, number, running);
		strbuf_trim(&sb);
		s = strbuf_detach(&sb);
		if (*s) {
			memset(&b, 0, sizeof(b));
			b.kind = BOX_TEXT;
			b.para = text_para(c, s, st, st->size, st->bold, width, al);
			b.x = t->ml;
			b.y = baseline;
			memcpy(b.color, st->color, sizeof(b.color));
			page_add(pg, &b);
		}
		free(s);
	}
}

void
page_furniture(struct lctx *c, struct layout_page *pg, const struct model_template *t,
    int number, const char *running)
{
	double scale = c->scale;

	c->scale = 1;
	if (t->header)
		furniture_part(c, pg, t, t->header, t->header_style ? t->header_style : "small",
		    t->mt - 9 * 72 / 25.4, number, running);
	if (t->footer)
		furniture_part(c, pg, t, t->footer, t->footer_style ? t->footer_style : "small",
		    t->height - t->mb / 2, number, running);
	if (c->doc->draft) {
		/* 「案」 in a red square at the top right (bottom left on a
		 * landscape slide, whose top is a title band), DRAFT beside it */
		struct model_style st = *model_style(c->doc, "small");
		struct layout_box b;
		double s = 14, mm = 72 / 25.4, x, y;
		int land = pg->width > pg->height;

		x = land ? 7 * mm + 64 : pg->width - 12 * mm - s * 1.6;
		y = land ? pg->height - 6 * mm - s * 1.6 : 8 * mm;
		st.font = FONT_GOTHIC;
		st.color[0] = 0.8;
		st.color[1] = st.color[2] = 0;
		memset(&b, 0, sizeof(b));
		b.kind = BOX_RECT;
		b.x = x;
		b.y = y;
		b.w = b.h = s * 1.6;
		b.stroked = 1;
		b.filled = 1;
		b.fill[0] = b.fill[1] = b.fill[2] = 1;
		b.lw = 1.2;
		memcpy(b.color, st.color, sizeof(b.color));
		page_add(pg, &b);
		memset(&b, 0, sizeof(b));
		b.kind = BOX_TEXT;
		memcpy(b.color, st.color, sizeof(b.color));
		b.para = text_para(c, "案", &st, s, 1, s * 1.6, JL_CENTER);
		b.x = x;
		b.y = y + s * 1.6 / 2 + s * 0.36;
		page_add(pg, &b);
		b.para = text_para(c, "DRAFT", &st, 9, 1, 60, JL_RIGHT);
		b.x = x - 64;
		b.y = y + s * 1.6 / 2 + 9 * 0.36;
		page_add(pg, &b);
	}
	c->scale = scale;
}

/* ------------------------------------------------------------------ */
/* the document */

static void
heads_free(struct placed_heading *h, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(h[i].text);
		free(h[i].dest);
	}
	free(h);
}

void
layout_doc_free(struct layout_doc *ld)
{
	size_t i, j;

	if (ld == NULL)
		return;
	for (i = 0; i < ld->npages; i++) {
		for (j = 0; j < ld->pages[i].n; j++)
			free(ld->pages[i].box[j].name);
		free(ld->pages[i].box);
	}
	free(ld->pages);
	for (i = 0; i < ld->nparas; i++)
		if (ld->paras[i])
			jl_para_free(ld->paras[i]);
	free(ld->paras);
	for (i = 0; i < ld->noutline; i++)
		free(ld->outline[i].title);
	free(ld->outline);
	free(ld);
}

static void
outline_add(struct layout_doc *ld, const char *title, int level, int page, double y)
{
	struct layout_outline *o;

	ld->outline = xreallocarray(ld->outline, ld->noutline + 1, sizeof(*ld->outline));
	o = &ld->outline[ld->noutline++];
	o->title = xstrdup(title);
	o->level = level;
	o->page = page;
	o->y = y;
}

/* ------------------------------------------------------------------ */
/* the run: files in order, one or two passes */

struct layout_run *
layout_run_new(struct fonts *fonts, struct diag *d)
{
	struct layout_run *r = xcalloc(1, sizeof(*r));

	r->fonts = fonts;
	r->d = d;
	diag_init(&r->quiet, NULL);
	r->dests = g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL);
	r->seen = g_hash_table_new(g_str_hash, g_str_equal);	/* keys: r->dests' */
	r->numbers = g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL);
	r->memo = brkmemo_new();
	return r;
}

void
layout_run_free(struct layout_run *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->ntoc; i++)
		free(r->toc[i].text);
	free(r->toc);
	g_hash_table_destroy(r->seen);
	g_hash_table_destroy(r->dests);
	g_hash_table_destroy(r->numbers);
	brkmemo_free(r->memo);
	diag_release(&r->quiet);
	free(r);
}

int
layout_learn(struct layout_run *r, const struct model_doc *doc)
{
	size_t i;

	for (i = 0; i < doc->ndests; i++)
		if (!g_hash_table_contains(r->dests, doc->dests[i]))
			g_hash_table_add(r->dests, xstrdup(doc->dests[i]));
	r->toc = xreallocarray(r->toc, r->ntoc + doc->ntoc + 1, sizeof(*r->toc));
	for (i = 0; i < doc->ntoc; i++) {
		r->toc[r->ntoc] = doc->toc[i];
		r->toc[r->ntoc++].text = xstrdup(doc->toc[i].text);
	}
	r->hcount = doc->hcount;
	return r->hcount;
}

const struct model_tocent *
layout_run_toc(const struct layout_run *r, size_t *n)
{
	*n = r->ntoc;
	return r->toc;
}

int
layout_run_number(const struct layout_run *r, const char *dest)
{
	if (!r->measured)
		return -1;
	return GPOINTER_TO_INT(g_hash_table_lookup(r->numbers, dest));
}

void
layout_begin(struct layout_run *r, int measure, const struct layout_sink *sink)
{
	struct lctx *c = &r->c;

	memset(c, 0, sizeof(*c));
	c->run = r;
	c->pc = fonts_context(r->fonts);
	c->d = r->measured ? &r->quiet : r->d;
	c->out = xcalloc(1, sizeof(*c->out));
	c->scale = 1;
	c->pageno = 1;
	r->measure = measure;
	r->sink = measure ? NULL : sink;
	r->failed = 0;
	c->memo = measure || r->measured ? r->memo : NULL;
	brkmemo_start(r->memo, r->measured);
	g_hash_table_remove_all(r->seen);
}

int
layout_file(struct layout_run *r, const struct model_doc *doc)
{
	struct lctx *c = &r->c;
	const struct model_node *n;
	int ret = 0;

	c->doc = doc;
	c->hcount = doc->hbase;
	if (doc->ntop == 0)
		ret = diag_error(c->d, doc->path, doc->root->line,
		    "nothing to render: the document has no <flow> or <slide>");
	for (n = doc->root->first; ret == 0 && n; n = n->next) {
		if (n->kind == M_FLOW)
			ret = flow_layout(c, n);
		else if (n->kind == M_SLIDE && (slides_layout(c, n) < 0 || pages_done(c) < 0))
			ret = -1;
		if (pages_leave(r))
			paras_free_below(c, c->out->nparas, NULL, 0);	/* all drawn */
	}
	c->doc = NULL;
	if (ret < 0)
		r->failed = 1;
	return ret;
}

struct layout_doc *
layout_end(struct layout_run *r)
{
	struct lctx *c = &r->c;
	struct layout_doc *ld = c->out;
	size_t i;

	for (i = 0; i < c->nheads; i++) {
		const struct placed_heading *h = &c->heads[i];

		if (r->measure)
			g_hash_table_replace(r->numbers, xstrdup(h->dest), GINT_TO_POINTER(h->number));
		else if (h->outline && h->page >= 0)
			outline_add(ld, h->text, h->level, h->page, h->y);
	}
	/* the outline must be ordered by level steps of one */
	for (i = 0; i < ld->noutline; i++) {
		int max = i == 0 ? 1 : ld->outline[i - 1].level + 1;

		if (ld->outline[i].level > max)
			ld->outline[i].level = max;
	}
	if (r->measure)
		r->measured = 1;
	heads_free(c->heads, c->nheads);
	free(c->running);
	free(c->boxes);
	memset(c, 0, sizeof(*c));
	if (r->failed) {
		layout_doc_free(ld);
		return NULL;
	}
	return ld;
}

struct layout_doc *
layout_document(const struct model_doc *doc, struct fonts *fonts, struct diag *d)
{
	struct layout_run *r = layout_run_new(fonts, d);
	struct layout_doc *ld = NULL;

	layout_learn(r, doc);
	if (doc->has_toc) {
		layout_begin(r, 1, NULL);
		layout_file(r, doc);
		ld = layout_end(r);
		if (ld == NULL)
			goto out;
		layout_doc_free(ld);
	}
	layout_begin(r, 0, NULL);
	layout_file(r, doc);
	ld = layout_end(r);
out:
	layout_run_free(r);
	return ld;
}

/* ------------------------------------------------------------------ */
/* fitting arithmetic (unit-tested) */

size_t
layout_fit_count(const double *h, size_t n, double gap, double avail)
{
	double y = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		double next = y + (i > 0 ? gap : 0) + h[i];

		if (next > avail + 1e-6)
			break;
		y = next;
	}
	return i;
}

double
layout_next_scale(double scale, double step, double min)
{
	double next = round((scale - step) * 1000) / 1000;

	if (next < min - 1e-9)
		return 0;
	return next;
}

/* ------------------------------------------------------------------ */
/* --dump */

void
layout_page_lines(const struct layout_page *pg, size_t index, FILE *out)
{
	static const char al[] = "jlcr";
	size_t k;

	fprintf(out, "P\t%zu\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\n", index, pg->width,
	    pg->height, pg->area[0], pg->area[1], pg->area[2], pg->area[3]);
	for (k = 0; k < pg->n; k++) {
		const struct layout_box *b = &pg->box[k];
		const struct jl_style *st;
		const char *text, *s;
		struct jl_line_info li;

		if (b->kind != BOX_TEXT || b->para == NULL)
			continue;
		jl_para_line_info(b->para, b->line, &li);
		st = jl_para_style(b->para);
		text = jl_para_text(b->para);
		fprintf(out, "L\t%zu\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%d\t%d\t%d\t%d\t%c\t%.2f\t%.2f\t%s\t",
		    index, b->x + li.x, b->x + li.x + li.width, b->y, li.ascent, li.descent,
		    jl_para_id(b->para), b->line, jl_para_line_count(b->para),
		    jl_para_line_is_last(b->para, b->line), al[st->align & 3], b->x,
		    b->x + st->width, b->tag ? b->tag : "-");
		for (s = text + li.start; s < text + li.end; s++)
			fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
		fputc('\n', out);
	}
}

void
layout_dump_page(const struct layout_page *pg, size_t index, FILE *out)
{
	static const char *kn[] = { "text", "rect", "line", "dots", "link", "dest" };
	size_t k;

	fprintf(out, "page %zu %.1fx%.1f\n", index, pg->width, pg->height);
	for (k = 0; k < pg->n; k++) {
		const struct layout_box *b = &pg->box[k];

		fprintf(out, "  %s %.1f %.1f", kn[b->kind], b->x, b->y);
		if (b->kind == BOX_TEXT && b->para) {
			struct jl_line_info li;

			jl_para_line_info(b->para, b->line, &li);
			fprintf(out, " w=%.1f line=%d bytes=%d-%d", li.width, b->line, li.start, li.end);
		} else if (b->kind != BOX_DEST)
			fprintf(out, " %.1f %.1f", b->w, b->h);
		if (b->name)
			fprintf(out, " '%s'", b->name);
		fputc('\n', out);
	}
}

void
layout_dump_outline(const struct layout_doc *ld, FILE *out)
{
	size_t k;

	for (k = 0; k < ld->noutline; k++)
		fprintf(out, "outline %d page %d '%s'\n", ld->outline[k].level,
		    ld->outline[k].page + 1, ld->outline[k].title);
}

void
layout_dump(const struct layout_doc *ld, FILE *out)
{
	size_t p;

	for (p = 0; p < ld->npages; p++)
		layout_dump_page(&ld->pages[p], p + 1, out);
	layout_dump_outline(ld, out);
}
