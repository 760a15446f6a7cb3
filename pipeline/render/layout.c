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

#define FN_SEP 10.0 /* room for the rule above the footnotes, pt */

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
	struct fonts *fonts;
	struct diag *d;
	struct diag quiet;        /* layout's messages in the drawing pass
						 * (the measuring pass said them) */
	GHashTable *dests;        /* every destination name (owned) */
	GHashTable *seen;         /* those placed in this pass */
	struct model_tocent *toc; /* every file's TOC entries */
	size_t ntoc;
	struct tocdata tocd;            /* what toc.c sees of them */
	GHashTable *numbers;            /* measured: dest → printed page number */
	struct brkmemo *memo;           /* measured: breaks and shapings */
	int measured;                   /* a measuring pass has run */
	int measure;                    /* this pass measures */
	const struct layout_sink *sink; /* the drawing pass's pages */
	int failed;                     /* a file of this pass failed */
	struct lctx c;                  /* this pass */
	char *title;                    /* the first file's title: the running heads'
						 * (issue 14, input/Y/report.xml) */
};

const char *
layout_run_title(const struct layout_run *r)
{
	return r ? r->title : NULL;
}

/* Whether finished pages leave the layout (drawn, or counted and
 * dropped) rather than staying in it (layout_document). */
static int
pages_leave(const struct layout_run *r)
{
	return r->measure || r->sink != NULL;
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

	for (i = first; i <= j; i++) {
		/* item j's own notes before its k-th only */
		size_t n = i == j ? k : vl->v[i].nnotes;

		for (q = 0; q < n; q++)
			if (strcmp(vl->v[i].notes[q]->key, key) == 0)
				return 1;
	}
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
 * Issue 15: the page that follows a break at *end must not end a chapter
 * (the next page break, or the end of the flow) with fewer than 3 lines:
 * the break then moves back (past kept items) until that page carries 3,
 * as long as the page starting at `first` keeps some.  Returns 0 when the
 * items that decide it are not all there yet (not `final`).
 */
static int
chapter_tail(const struct vlist *vl, size_t first, int final, size_t *end)
{
	size_t i, k, n = 0, need;

	for (i = *end; i < vl->n; i++) {
		if (vl->v[i].pagebreak && i > *end)
			break;
		if (vl->v[i].h > 0 && ++n >= 3)
			return 1;
	}
	if (i == vl->n && !final)
		return 0;
	if (n == 0)
		return 1;
	for (k = *end, need = 3 - n; k > first && need > 0;)
		if (vl->v[--k].h > 0)
			need--;
	while (k > first && vl->v[k - 1].keep)
		k--;
	if (k > first)
		*end = k;
	return 1;
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
next_break(const struct vlist *vl, size_t first, double top, double bottom, int final, size_t *end)
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
			return chapter_tail(vl, first, final, end);
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
					p = NULL; /* freed at the end (layout_doc_free) */
		if (p == NULL)
			continue;
		jl_para_free(p);
		ld->paras[c->pfree] = NULL;
	}
}

/* Box k of page pg removed (its name freed); the boxes after it move up. */
static void
page_drop_box(struct layout_page *pg, size_t k)
{
	free(pg->box[k].name);
	memmove(&pg->box[k], &pg->box[k + 1], (pg->n - k - 1) * sizeof(*pg->box));
	pg->n--;
}

/* Frees the boxes of page pg (and their names). */
static void
page_release(struct layout_page *pg)
{
	size_t k;

	for (k = 0; k < pg->n; k++)
		free(pg->box[k].name);
	free(pg->box);
	pg->box = NULL;
	pg->n = pg->alloc = 0;
}

/* Drops a link to a destination that exists nowhere, and a second
 * destination of the same name (names must be unique). */
static void
page_check_links(struct lctx *c, struct layout_page *pg)
{
	struct layout_run *run = c->run;
	size_t k;

	if (run->measure)
		return; /* the destinations of later files are not known yet */
	for (k = 0; k < pg->n; k++) {
		struct layout_box *b = &pg->box[k];
		int drop = 0;

		if (b->kind == BOX_LINK && !g_hash_table_contains(run->dests, b->name)) {
			diag_warning(run->d, c->doc->path, 0,
			             "link to '#%s': no such anchor; link dropped", b->name);
			drop = 1;
		} else if (b->kind == BOX_DEST) {
			if (g_hash_table_contains(run->seen, b->name)) {
				diag_warning(run->d, c->doc->path, 0,
				             "anchor '%s' defined twice; the first is kept",
				             b->name);
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
		page_drop_box(pg, k);
		k--; /* (wraps at 0; the loop's k++ brings it back) */
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

		page_check_links(c, pg);
		if (!pages_leave(r))
			continue;
		if (ret == 0 && !r->measure && r->sink->page(r->sink->arg, pg) < 0)
			ret = -1;
		page_release(pg);
	}
	return ret;
}

struct flowstate {
	const struct model_template *t;
	double top, bottom, width;
	struct vlist vl;
	size_t first;  /* first item of the open page */
	size_t pages;  /* pages made by this flow */
	size_t marked; /* items [0, marked) have pmark */
};

/*
 * The footnote marks' links and their notes' destinations on page `pi`,
 * named by it (FN_PAGE_DEST "pi.N", unique: a note is printed once a
 * page); a mark whose note is not on the page (a table's repeated head
 * row) is left without a link.
 */
static void
page_fn_links(struct lctx *c, struct layout_page *pg, int pi)
{
	const size_t pre = sizeof(FN_DEST) - 1;
	GHashTable *here = g_hash_table_new(g_str_hash, g_str_equal);
	size_t k;

	for (k = 0; k < pg->n; k++) {
		struct layout_box *b = &pg->box[k];
		char *name;

		if (b->name == NULL || strncmp(b->name, FN_DEST, pre) != 0)
			continue;
		name = g_strdup_printf(FN_PAGE_DEST "%d.%s", pi, b->name + pre);
		free(b->name);
		b->name = xstrdup(name);
		g_free(name);
		if (b->kind == BOX_DEST) {
			if (!g_hash_table_contains(c->run->dests, b->name))
				g_hash_table_add(c->run->dests, xstrdup(b->name));
			g_hash_table_add(here, b->name);
		}
	}
	for (k = 0; k < pg->n; k++) {
		struct layout_box *b = &pg->box[k];

		if (b->kind != BOX_LINK ||
		    strncmp(b->name, FN_PAGE_DEST, sizeof(FN_PAGE_DEST) - 1) != 0 ||
		    g_hash_table_contains(here, b->name))
			continue;
		page_drop_box(pg, k);
		k--; /* (wraps at 0; the loop's k++ brings it back) */
	}
	g_hash_table_destroy(here);
}

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
	char *top_running = NULL; /* a running heading at the page's top */
	char *running_before = c->running ? xstrdup(c->running) : NULL;
	int content = 0; /* an item with height placed before */

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
				if (!content && top_running == NULL)
					top_running = xstrdup(ph->text);
			}
		}
		if (it->h > 0)
			content = 1;
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
					continue; /* printed once a page */
				for (q = 0; q < nl->n; q++) {
					place_item(pg, &nl->v[q], y);
					y += nl->v[q].h;
				}
			}
	}
	page_fn_links(c, pg, pi);
	/* issue 15: the running head is the heading in force at the top of
	 * the page (the one it opens with, else the last before it), not the
	 * last heading of the page */
	page_furniture(c, pg, t, t->footer ? c->pageno : 0,
	               top_running ? top_running : running_before);
	free(top_running);
	free(running_before);
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
flow_trim(struct flowstate *fs)
{
	struct vlist *vl = &fs->vl;
	size_t first = fs->first, hf = 0, hc = 0, i, k = 0;

	if (first < 256)
		return; /* amortized: trim in batches */
	if (first < vl->n && repeats_head(vl, first)) {
		head_height(vl, vl->v[first].table, &hf, &hc);
		if (hf + hc > first)
			hc = 0; /* (cannot happen: head rows precede) */
	}
	for (i = 0; i < first; i++) {
		if (hc > 0 && i >= hf && i < hf + hc)
			vl->v[k++] = vl->v[i]; /* a head row, moved down */
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

/*
 * lctx.rows_out: the pages a table's rows decide while the table is still
 * being laid out, so that a table of any length holds a page or two of
 * rows and not all of them (issue 13).  Only for the flow's own list (not
 * a cell's or a box's).  The last ROWS_HELD items stay back: the table's
 * end may still make the one before the last keep with it (table.c,
 * "keep"), and next_break() decides a page only from the items it sees,
 * as when the items come block by block.
 */
#define ROWS_HELD 2
static int
rows_out(struct lctx *c, struct vlist *vl)
{
	struct flowstate *fs = c->flow;
	struct vitem back[ROWS_HELD];
	size_t k;
	int ret;

	if (fs == NULL || vl != &fs->vl || vl->n < fs->first + ROWS_HELD + 1)
		return 0;
	memcpy(back, vl->v + vl->n - ROWS_HELD, sizeof(back));
	vl->n -= ROWS_HELD;
	ret = flow_pages(c, fs, 0);
	for (k = 0; k < ROWS_HELD; k++)
		*vlist_add(vl) = back[k];
	return ret;
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
	c->maxh = (fs.bottom - fs.top) * 0.8; /* room left for repeated head rows */
	if (!has_block_child(flow)) {
		ret = blocks_items(c, flow, "body", fs.t->ml, fs.width, &fs.vl);
	} else {
		/* block by block: pages are made as soon as they are decided */
		c->flow = &fs;
		for (k = flow->first; ret == 0 && k; k = k->next)
			if (block_items(c, k, "body", fs.t->ml, fs.width, &fs.vl) < 0 ||
			    flow_pages(c, &fs, 0) < 0)
				ret = -1;
		c->flow = NULL;
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
	size_t i;

	if (ld == NULL)
		return;
	for (i = 0; i < ld->npages; i++)
		page_release(&ld->pages[i]);
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
	r->seen = g_hash_table_new(g_str_hash, g_str_equal); /* keys: r->dests' */
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
	free(r->title);
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
	r->tocd.e = r->toc;
	r->tocd.n = r->ntoc;
	if (r->title == NULL && doc->title)
		r->title = xstrdup(doc->title);
	return doc->hcount;
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
	c->toc = &r->tocd;
	c->blocks = blocks_items;
	c->rows_out = rows_out;
	r->tocd.numbers = r->measured ? r->numbers : NULL;
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
			paras_free_below(c, c->out->nparas, NULL, 0); /* all drawn */
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
			g_hash_table_replace(r->numbers, xstrdup(h->dest),
			                     GINT_TO_POINTER(h->number));
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
	if (c->fnnum)
		g_hash_table_destroy(c->fnnum);
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
/* --dump */

void
layout_page_lines(const struct layout_page *pg, size_t index, FILE *out)
{
	static const char al[] = "jlcr";
	size_t k;

	fprintf(out, "P\t%zu\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\n", index, pg->width, pg->height,
	        pg->area[0], pg->area[1], pg->area[2], pg->area[3]);
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
		fprintf(
		    out,
		    "L\t%zu\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%d\t%d\t%d\t%d\t%c\t%.2f\t%.2f\t%s\t",
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
	static const char *kn[] = {"text", "rect", "line", "dots", "link", "dest", "image"};
	size_t k;

	fprintf(out, "page %zu %.1fx%.1f\n", index, pg->width, pg->height);
	for (k = 0; k < pg->n; k++) {
		const struct layout_box *b = &pg->box[k];

		fprintf(out, "  %s %.1f %.1f", kn[b->kind], b->x, b->y);
		if (b->kind == BOX_TEXT && b->para) {
			struct jl_line_info li;

			jl_para_line_info(b->para, b->line, &li);
			fprintf(out, " w=%.1f line=%d bytes=%d-%d", li.width, b->line, li.start,
			        li.end);
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
