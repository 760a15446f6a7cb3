/*
 * toc: the 目次.  The entries are the headings with toc="1" down to
 * `levels`, of every file of the run; their page numbers come from the
 * measuring pass (which sets none: the number column has a fixed width,
 * so the entries take the same room in both passes and pages do not
 * move).  Each entry: title, dot leader, right-aligned page number, and
 * a link.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "layout_int.h"
#include "xmem.h"

/* A page number as the plan's 目次 prints it, like the footer: "- 12 -". */
static void
toc_number(char *buf, size_t len, int number)
{
	snprintf(buf, len, "- %d -", number);
}

int
toc_items(struct lctx *c, const struct model_node *n, double x, double width, struct vlist *vl)
{
	const char *title = model_attr(n, "title");
	long levels = model_attr_long(n, "levels", 2);
	size_t i;
	const struct model_style *t1 = model_style(c->doc, "toc1");
	double em = t1->size, numw = 4.5 * em; /* "- 123 -" */

	if (title == NULL)
		title = "目次";
	if (*title) {
		struct model_style hs = *model_style(c->doc, "h1");
		struct jl_para *p;
		struct vitem *it = vlist_add(vl);
		struct layout_box *b;

		hs.align = ALIGN_CENTER;
		p = text_para(c, title, &hs, hs.size, hs.bold, width, JL_CENTER);
		it->h = hs.size * hs.leading + hs.space_after;
		it->keep = 1;
		b = vitem_box(it, BOX_TEXT);
		b->para = p;
		b->x = x;
		b->y = hs.size * 1.1;
		/* tagged PDF: the title its own paragraph, before the TOC */
		vlist_stamp(c, vl, vl->n - 1, "P");
	}
	/* the headings with toc="1", as the model listed them while reading */
	for (i = 0; i < c->toc->n; i++) {
		const struct model_tocent *e = &c->toc->e[i];
		char sn[16];
		const struct model_style *st;
		double indent, tw, size, lh, base;
		struct jl_para *p;
		int l, nl;
		size_t efrom = vl->n;

		if (e->level > levels)
			continue;
		snprintf(sn, sizeof(sn), "toc%d", e->level < 3 ? e->level : 3);
		st = model_style(c->doc, sn);
		size = st->size;
		lh = size * st->leading;
		base = (lh - size) / 2 + size * 0.88;
		indent = (e->level - 1) * 1.5 * em;
		tw = width - indent - numw - em;
		p = text_para(c, e->text, st, size, st->bold, tw, JL_LEFT);
		nl = jl_para_line_count(p);
		for (l = 0; l < nl; l++) {
			struct vitem *it = vlist_add(vl);
			struct layout_box *b;
			struct jl_line_info li;

			jl_para_line_info(p, l, &li);
			it->h = lh;
			it->keep = l + 1 < nl;
			if (l == 0)
				it->before = st->space_before;
			b = vitem_box(it, BOX_TEXT);
			b->para = p;
			b->line = l;
			b->x = x + indent;
			b->y = base;
			memcpy(b->color, st->color, sizeof(b->color));
			b = vitem_box(it, BOX_LINK);
			b->x = x + indent;
			b->y = 0;
			b->w = width - indent;
			b->h = lh;
			b->name = xstrdup(e->dest);
			if (l + 1 == nl) {
				/* the page number, known once the pages are (not in
				 * the measuring pass: no paragraph is made then) */
				double end = x + indent + li.x + li.width + size * 0.5, numtw = 0;
				/* -1 while measuring: no paragraph is made then */
				int number = c->toc->numbers ? GPOINTER_TO_INT(g_hash_table_lookup(
				                                   c->toc->numbers, e->dest))
				                             : -1;

				b = vitem_box(it, BOX_TEXT);
				b->para = NULL;
				b->x = x + width - numw;
				b->w = numw;
				b->y = base;
				b->h = size;
				memcpy(b->color, st->color, sizeof(b->color));
				if (number >= 0) {
					struct jl_line_info ni;
					char num[16];

					num[0] = '\0';
					if (number > 0)
						toc_number(num, sizeof(num), number);
					b->para = text_para(c, num[0] ? num : " ", st, size,
					                    st->bold, numw, JL_RIGHT);
					jl_para_line_info(b->para, 0, &ni);
					numtw = num[0] ? ni.width : 0;
				}
				b = vitem_box(it, BOX_DOTS);
				b->x = end;
				b->w = x + width - numtw - size * 0.5 - end;
				if (b->w < size)
					b->w = 0;
				b->y = base - size * 0.3;
				b->h = size * 0.5;
			}
		}
		vlist_stamp_sub(c, vl, efrom, 0, "TOCI"); /* tagged PDF */
	}
	if (vl->n > 0)
		vl->v[vl->n - 1].after += 12;
	return 0;
}
