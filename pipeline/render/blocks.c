/*
 * blocks: the block dispatcher — a model block (heading, paragraph, list,
 * table, chart, 目次, box, space, rule, anchor) → items of a vertical
 * list, tagged with its structure type — and the page furniture (header,
 * footer, draft stamp).  Built on prim.c; tables, charts and the 目次 are
 * the modules below it.  See docs/render.md "Modules".
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "image.h"
#include "layout_int.h"
#include "xmem.h"

/* ------------------------------------------------------------------ */
/* blocks */

/*
 * <image src w h>: the picture, centred in the measure, as large as fits in
 * w × h (default: the measure, 60mm) at its own aspect ratio.
 */
static int
image_items(struct lctx *c, const struct model_node *n, double x, double width, struct vlist *vl)
{
	const char *src = model_attr(n, "src");
	double bw = width, bh = 170, iw, ih, w, h;
	struct layout_box *b;
	struct vitem *it;
	char *err = NULL;

	if ((model_attr(n, "w") && model_length(model_attr(n, "w"), 10.5, width, &bw) < 0) ||
	    (model_attr(n, "h") && model_length(model_attr(n, "h"), 10.5, 0, &bh) < 0))
		diag_warning(c->d, c->doc->path, n->line, "<image> w or h: not a length");
	if (bw > width)
		bw = width;
	if (src == NULL || image_size(src, &iw, &ih, &err) < 0) {
		diag_error(c->d, c->doc->path, n->line, "<image>: %s",
		           err ? err : "no src (the picture's path)");
		free(err);
		return -1;
	}
	image_fit(iw, ih, bw * c->scale, bh * c->scale, &w, &h);
	it = vlist_add(vl);
	it->h = h;
	it->keep = 0;
	if (model_attr(n, "alt") && *model_attr(n, "alt")) {
		/* the Figure's alternative text rides on an empty first box
		 * (draw.c's figure_alt()) */
		b = vitem_box(it, BOX_RECT);
		b->x = x + (width - w) / 2;
		b->name = xstrdup(model_attr(n, "alt"));
	}
	b = vitem_box(it, BOX_IMAGE);
	b->x = x + (width - w) / 2;
	b->y = 0;
	b->w = w;
	b->h = h;
	b->name = xstrdup(src);
	return 0;
}

int
has_block_child(const struct model_node *n)
{
	const struct model_node *k;

	for (k = n->first; k; k = k->next)
		switch (k->kind) {
		case M_H:
		case M_P:
		case M_LIST:
		case M_TABLE:
		case M_CHART:
		case M_TOC:
		case M_BOX:
		case M_PAGEBREAK:
		case M_SPACE:
		case M_RULE:
		case M_IMAGE:
			return 1;
		default:
			break;
		}
	return 0;
}

static int
heading_items(struct lctx *c, const struct model_node *n, double x, double width, struct vlist *vl)
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
		vl->v[k].keep = 1; /* never split; kept with the next block */
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
	ph->text = model_plain_text(n);
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
	lctx_release_to(c, mark); /* measured only */
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
li_items(struct lctx *c, const struct model_node *li, const struct model_node *list, double labw,
         double x, double width, struct vlist *vl)
{
	const char *sn = model_attr(list, "style");
	const struct model_style *st = model_style(c->doc, sn ? sn : "bullet");
	const char *lab = model_attr(li, "label");
	double size = style_size(c, st);
	size_t first = vl->n, k;
	struct flowstate *flow = c->flow;
	int ret;

	if (check_measure(c, li, width - labw) < 0)
		return -1;
	if (has_block_child(li)) {
		/* `first` indexes vl: a long table in the item stays whole in
		 * it until the item ends (no rows_out, which moves the items) */
		c->flow = NULL;
		ret = blocks_items(c, li, sn ? sn : "bullet", x + labw, width - labw, vl);
		c->flow = flow;
	} else
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
	if (c->frame) /* a bullet stays whole in a frame */
		for (k = first; k + 1 < vl->n; k++)
			vl->v[k].keep = 1;
	return ret;
}

static int
list_items(struct lctx *c, const struct model_node *n, double x, double width, struct vlist *vl)
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
box_items(struct lctx *c, const struct model_node *n, const char *style, double x, double width,
          struct vlist *vl)
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
	pushed = c->nbox < 4; /* deeper boxes share the fourth's border */
	if (pushed)
		c->boxstack[c->nbox++] = id;
	it = vlist_add_boxed(c, vl);
	it->h = pad;
	it->before = 6 * c->scale;
	it->keep = 1;
	ret = blocks_items(c, n, sn ? sn : style, x + pad, width - 2 * pad, vl);
	it = vlist_add_boxed(c, vl);
	it->h = pad;
	it->after = 6 * c->scale;
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
	case M_IMAGE:
		return image_items(c, n, x, width, vl);
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
block_items(struct lctx *c, const struct model_node *n, const char *style, double x, double width,
            struct vlist *vl)
{
	static const char *htag[] = {"H1", "H2", "H3", "H4"};
	size_t from = vl->n;
	const char *tag;
	long lv;
	int ret = block_dispatch(c, n, style, x, width, vl);

	switch (n->kind) {
	case M_H:
		lv = model_attr_long(n, "level", 1);
		tag = htag[lv < 1 ? 0 : lv > 4 ? 3 : lv - 1];
		break;
	case M_LIST:
		tag = "L";
		break;
	case M_TABLE: /* table.c tags its rows as they come */
		tag = NULL;
		break;
	case M_CHART:
		tag = "Figure";
		break;
	case M_TOC:
		tag = "TOC";
		break;
	case M_IMAGE: /* a picture with its alt is a Figure; without, decoration */
		tag = model_attr(n, "alt") && *model_attr(n, "alt") ? "Figure" : NULL;
		break;
	case M_RULE:
	case M_SPACE:
	case M_PAGEBREAK:
	case M_ANCHOR:
	case M_BOX:
		tag = NULL;
		break;
	default:
		tag = "P";
		break;
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
			else if (strcmp(f, "title") == 0 && layout_run_title(c->run))
				strbuf_addstr(sb, layout_run_title(c->run));
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
		strbuf_init(&sb, 64);
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
page_furniture(struct lctx *c, struct layout_page *pg, const struct model_template *t, int number,
               const char *running)
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
