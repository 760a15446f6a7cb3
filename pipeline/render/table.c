/*
 * table: a <table> as one item per row.  Cells are laid out as their own
 * small flows and stacked; the row's height is the tallest cell.  Head
 * rows (tr head="1") are kept with the next row and repeated by the
 * paginator at the top of every page the table continues on.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "layout_int.h"
#include "xmem.h"

#define MAXCOLS 64

static size_t
parse_widths(const char *s, double *w)
{
	size_t n = 0;
	char *end;

	while (s && *s && n < MAXCOLS) {
		double v = strtod(s, &end);

		if (end == s)
			break;
		w[n++] = v > 0 ? v : 1;
		s = end;
	}
	return n;
}

static double
vlist_height(const struct vlist *vl)
{
	double h = 0;
	size_t i;

	for (i = 0; i < vl->n; i++)
		h += (i > 0 ? vl->v[i - 1].after + vl->v[i].before : 0) + vl->v[i].h;
	return h;
}

static int
cell_has_blocks(const struct model_node *td)
{
	const struct model_node *k;

	for (k = td->first; k; k = k->next)
		if (k->kind == M_P || k->kind == M_LIST || k->kind == M_TABLE ||
		    k->kind == M_CHART || k->kind == M_BOX)
			return 1;
	return 0;
}

/* Top and bottom of a box, relative to its item. */
static void
box_extent(const struct layout_box *b, double *top, double *bot)
{
	if (b->kind == BOX_TEXT) {
		struct jl_line_info li;

		jl_para_line_info(b->para, b->line, &li);
		*top = b->y - li.ascent;
		*bot = b->y + li.descent;
	} else if (b->kind == BOX_RECT || b->kind == BOX_LINK) {
		*top = b->y;
		*bot = b->y + b->h;
	} else {
		*top = *bot = b->y;
	}
}

/*
 * A row taller than `maxh` (issue: "a row taller than a page is split
 * between its lines") becomes several items, cut where no line straddles;
 * each piece repeats the cell borders at its own height.
 */
static void
split_row(struct vlist *vl, size_t idx, double maxh)
{
	struct vitem row = vl->v[idx];
	double start = 0, pad = 2.5;
	size_t k;
	int first = 1;

	vl->n--; /* the row is replaced by its pieces */
	while (start < row.h - 0.01) {
		double end, limit = start + maxh;
		struct vitem *it;

		if (limit >= row.h)
			end = row.h;
		else {
			/* the lowest line bottom under the limit that no line straddles */
			end = start;
			for (k = 0; k < row.n; k++) {
				double t, b, cand;
				size_t q;
				int ok = 1;

				if (row.box[k].kind != BOX_TEXT)
					continue;
				box_extent(&row.box[k], &t, &b);
				cand = b + pad / 2;
				if (cand > limit || cand <= end)
					continue;
				for (q = 0; q < row.n && ok; q++) {
					double t2, b2;

					if (row.box[q].kind != BOX_TEXT)
						continue;
					box_extent(&row.box[q], &t2, &b2);
					if (t2 < cand && b2 > cand)
						ok = 0;
				}
				if (ok)
					end = cand;
			}
			if (end <= start + 1)
				end = limit; /* one line taller than the page: cut anyway */
		}
		it = vlist_add(vl);
		it->h = end - start;
		it->table = row.table;
		it->keep = 0;
		it->before = first ? row.before : 0;
		it->after = end >= row.h ? row.after : 0;
		memcpy(it->boxid, row.boxid, sizeof(it->boxid));
		it->nboxid = row.nboxid;
		if (first) {
			it->notes = row.notes;
			it->nnotes = row.nnotes;
		}
		for (k = 0; k < row.n; k++) {
			const struct layout_box *src = &row.box[k];
			struct layout_box *b;
			double t, bot;

			box_extent(src, &t, &bot);
			if (src->kind == BOX_RECT && src->y == 0 && src->h >= row.h - 0.01) {
				/* a cell border: repeated at the piece's height */
				b = vitem_box(it, BOX_RECT);
				*b = *src;
				b->h = it->h;
				continue;
			}
			if (t < start - 0.01 || t >= end - 0.01)
				continue;
			b = vitem_box(it, src->kind);
			*b = *src;
			b->y -= start;
			b->name = src->name ? xstrdup(src->name) : NULL;
		}
		start = end;
		first = 0;
	}
	for (k = 0; k < row.n; k++)
		free(row.box[k].name);
	free(row.box);
}

/*
 * Issue 15, page make-up: a table of 4 body rows or fewer is never split;
 * a longer one keeps 2 body rows at least on each page (its first two,
 * its last two).  Rows cut by split_row() count as their pieces.  Kept
 * as the rows come, since the rows of a long table go to pages before it
 * ends (lctx.rows_out): `b0` its first body row, `nb` how many so far.
 */
struct keep {
	size_t b0, nb;
};

/* The body rows of items [from, vl->n): the first keeps with the second. */
static void
keep_rows(struct vlist *vl, size_t from, struct keep *kp)
{
	size_t k;

	for (k = from; k < vl->n; k++) {
		if (vl->v[k].head)
			continue;
		if (kp->nb++ == 0)
			kp->b0 = k;
		if (kp->nb == 2)
			vl->v[kp->b0].keep = 1;
	}
}

/* At the table's end: a short table whole, a long one's last two rows
 * together (the last two body items are still in vl: rows_out, called
 * after body rows only, holds them; head rows may follow them). */
static void
keep_end(struct vlist *vl, const struct keep *kp)
{
	size_t k, last;

	if (kp->nb < 2)
		return;
	for (last = vl->n - 1; vl->v[last].head; last--)
		;
	if (kp->nb <= 4) { /* no row has left vl yet: see table_items() */
		for (k = kp->b0; k < last; k++)
			vl->v[k].keep = 1;
		return;
	}
	for (k = last; k-- > 0;)
		if (!vl->v[k].head) {
			vl->v[k].keep = 1;
			return;
		}
}

int
table_items(struct lctx *c, const struct model_node *n, double x, double width, struct vlist *vl)
{
	double w[MAXCOLS], colx[MAXCOLS + 1], total = 0;
	size_t ncols, i, first = vl->n;
	const struct model_node *tr, *td;
	const char *sn = model_attr(n, "style"), *hn = model_attr(n, "head-style");
	const struct model_style *body = model_style(c->doc, sn ? sn : "cell");
	const struct model_style *head = model_style(c->doc, hn ? hn : "cell-head");
	double padx = 4 * c->scale, pady = 2.5 * c->scale;
	int id = ++c->nexttable, ret = 0, rows = 0;
	int elem = ++c->nelem; /* the Table's structure element */
	struct keep kp = {0, 0};

	ncols = parse_widths(model_attr(n, "widths"), w);
	for (tr = n->first; tr; tr = tr->next) {
		size_t cnt = 0;

		if (tr->kind != M_TR)
			continue;
		for (td = tr->first; td; td = td->next)
			if (td->kind == M_TD)
				cnt += (size_t)(model_attr_long(td, "colspan", 1) > 0
				                    ? model_attr_long(td, "colspan", 1)
				                    : 1);
		while (ncols < cnt && ncols < MAXCOLS)
			w[ncols++] = 1;
	}
	if (ncols == 0)
		return 0;
	for (i = 0; i < ncols; i++)
		total += w[i];
	colx[0] = x;
	for (i = 0; i < ncols; i++)
		colx[i + 1] = colx[i] + width * w[i] / total;
	for (tr = n->first; tr; tr = tr->next) {
		const char *hd = model_attr(tr, "head");
		int is_head = hd && strcmp(hd, "1") == 0;
		const struct model_style *st = is_head ? head : body;
		struct vlist cells[MAXCOLS];
		double cx0[MAXCOLS], cx1[MAXCOLS], rowh = 0;
		const struct model_node *tdn[MAXCOLS];
		size_t nc = 0, col = 0, k, q, row;
		struct vitem *it;

		if (tr->kind != M_TR)
			continue;
		row = vl->n;
		for (td = tr->first; td && col < ncols; td = td->next) {
			long span = model_attr_long(td, "colspan", 1);
			const char *an = model_attr(td, "align");
			int al = an ? model_align(an) : -1;
			struct model_style cs = *st;
			double cw;

			if (td->kind != M_TD)
				continue;
			if (span < 1)
				span = 1;
			if (col + (size_t)span > ncols)
				span = (long)(ncols - col);
			tdn[nc] = td;
			cx0[nc] = colx[col];
			cx1[nc] = colx[col + (size_t)span];
			col += (size_t)span;
			cw = cx1[nc] - cx0[nc] - 2 * padx;
			if (al >= 0)
				cs.align = (enum model_align)al;
			memset(&cells[nc], 0, sizeof(cells[nc]));
			if (cell_has_blocks(td))
				ret |= c->blocks(
				    c, td, is_head ? (hn ? hn : "cell-head") : (sn ? sn : "cell"),
				    cx0[nc] + padx, cw, &cells[nc]);
			else
				ret |= para_items(c, td, &cs, 0, cx0[nc] + padx, cw, &cells[nc]);
			vlist_stamp_sub(c, &cells[nc], 0, 1, is_head ? "TH" : "TD");
			if (vlist_height(&cells[nc]) > rowh)
				rowh = vlist_height(&cells[nc]);
			nc++;
		}
		if (rowh == 0)
			rowh = style_lh(c, st);
		rowh += 2 * pady;
		it = vlist_add_boxed(c, vl);
		it->h = rowh;
		it->table = id;
		it->head = is_head;
		it->keep = is_head;
		for (k = 0; k < nc; k++) {
			struct layout_box *b = vitem_box(it, BOX_RECT);
			const char *fill = model_attr(tdn[k], "fill");

			b->x = cx0[k];
			b->y = 0;
			b->w = cx1[k] - cx0[k];
			b->h = rowh;
			b->stroked = 1;
			b->lw = 0.5;
			if (is_head) {
				b->filled = 1;
				b->fill[0] = 0.87;
				b->fill[1] = 0.89;
				b->fill[2] = 0.93;
			}
			if (fill && model_color(fill, b->fill) == 0)
				b->filled = 1; /* extension: a cell's own background */
		}
		for (k = 0; k < nc; k++) {
			double y = pady;

			for (i = 0; i < cells[k].n; i++) {
				struct vitem *ci = &cells[k].v[i];

				if (i > 0)
					y += cells[k].v[i - 1].after + ci->before;
				for (q = 0; q < ci->n; q++) {
					struct layout_box *b = vitem_box(it, ci->box[q].kind);
					char *name = ci->box[q].name;

					*b = ci->box[q];
					b->y += y;
					b->name = name ? xstrdup(name) : NULL;
				}
				if (ci->nnotes) {
					it->notes = xreallocarray(
					    it->notes, it->nnotes + ci->nnotes, sizeof(*it->notes));
					memcpy(it->notes + it->nnotes, ci->notes,
					       ci->nnotes * sizeof(*ci->notes));
					it->nnotes += ci->nnotes;
					free(ci->notes);
					ci->notes = NULL;
					ci->nnotes = 0;
				}
				y += ci->h;
			}
			vlist_release(&cells[k]);
		}
		vlist_stamp_sub(c, vl, vl->n - 1, 0, "TR");
		if (c->maxh > 0 && rowh > c->maxh && !is_head)
			split_row(vl, vl->n - 1, c->maxh);
		vlist_stamp_elem(vl, row, elem, "Table");
		if (rows++ == 0)
			vl->v[first].before += 6 * c->scale;
		keep_rows(vl, row, &kp);
		/* a long table's rows go to pages as they come, but never
		 * before it is known not to be short (it would stay whole),
		 * nor after a head row (the last body rows stay in vl) */
		if (kp.nb > 4 && !is_head && c->rows_out && c->rows_out(c, vl) < 0) {
			ret = -1;
			break;
		}
	}
	keep_end(vl, &kp);
	if (rows > 0)
		vl->v[vl->n - 1].after += 8 * c->scale;
	return ret < 0 ? -1 : 0;
}
