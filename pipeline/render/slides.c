/*
 * slides: <slide> fixed pages of positioned items (docs/design.md "Page
 * description", outputs.md "Summary slides").  A frame's content is cut
 * into units (a paragraph, one bullet, a table, a chart) and fitted with
 * place(): set at the style's size, shrunk in 5% steps down to the frame's
 * min-scale (never below 0.6); what still does not fit continues on a
 * repeat of the slide whose title gains the `continued` text (（続き）), and
 * then every frame of that slide is set at the design size (a slide that
 * continues is not shrunk).  A repeat leaves finished frames off; the others take their room
 * (frames_reflow).
 * Frames with a `group` attribute (the panels 昨年度の実績, 評価, 今年度の
 * 取組) share one size across the whole document (issue 15): every frame
 * that fits at the floor notes the largest step at which it fits, the
 * group takes the smallest of them, and every frame of the group is set
 * there (a continued one too).  The measuring pass lays out every file
 * before the drawing pass, so the drawing pass sets every slide at the
 * group's final size; the number of slides does not depend on it (a frame
 * continues when it does not fit at the floor).
 * Nothing is drawn outside a frame; a bullet is never split from its
 * marker (a unit is split between lines only when it alone is taller than
 * the frame at the smallest scale).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "image.h"
#include "layout_int.h"
#include "strbuf.h"
#include "xmem.h"

#define SHRINK_STEP 0.05
#define MAX_REPEATS 10000 /* a guard only: every repeat places something */

struct unit {
	const struct model_node *node;
	const struct model_node *list; /* for <li>: its <list> */
};

struct frame_state {
	const struct model_node *node;
	struct unit *u;
	size_t n;
	size_t next;       /* first unit not yet placed */
	size_t skip;       /* items of unit `next` already placed */
	double x, y, w, h; /* content rect */
	/* label column of the list last asked for (a list's bullets are
	 * fitted one by one; measuring every label each time is quadratic) */
	const struct model_node *lab_list;
	double lab_w;          /* at scale 1 */
	double ox, oy, ow, oh; /* the frame as the pdoc places it */
	double gx, gy, gw, gh; /* the frame on the current slide */
	/* unit `next` when split between slides (skip > 0): laid out once,
	 * on the slide it was split on, at `split_w` and `split_scale`, and
	 * its lines placed from there on the continuation slides (laying it
	 * out again per slide made one long bullet quadratic, issue 12) */
	struct vlist split;
	double split_w, split_scale;
};

static const double slide_w = 960, slide_h = 540;

/* The groups' sizes: what the render process has learned so far. */
static struct group_scale {
	char *name;
	double scale;
} groups[32];
static size_t ngroups;

static struct group_scale *
group_of(const struct frame_state *fs)
{
	const char *g = model_attr(fs->node, "group");
	size_t i;

	if (g == NULL || *g == '\0')
		return NULL;
	for (i = 0; i < ngroups; i++)
		if (strcmp(groups[i].name, g) == 0)
			return &groups[i];
	if (ngroups == sizeof(groups) / sizeof(groups[0]))
		return NULL; /* more groups than any deck has: each frame alone */
	groups[ngroups].name = xstrdup(g);
	groups[ngroups].scale = 1;
	return &groups[ngroups++];
}

/* A frame's min-scale as a slide's frames are tried at: 0.6 unless it is
 * in [0.6, 1] (frame_fill() clamps it instead). */
static double
min_scale(const struct model_node *frame)
{
	const char *ms = model_attr(frame, "min-scale");
	double min = ms ? strtod(ms, NULL) : 0.6;

	return min >= 0.6 && min <= 1 ? min : 0.6;
}

/* The largest scale a frame starts at: its group's, else the design size. */
static double
start_scale(const struct frame_state *fs)
{
	const char *g = model_attr(fs->node, "group");
	size_t i;

	for (i = 0; g && i < ngroups; i++)
		if (strcmp(groups[i].name, g) == 0)
			return groups[i].scale;
	return 1;
}

static double
len_attr(const struct model_node *n, const char *name, double ref, double def)
{
	const char *s = model_attr(n, name);
	double v;

	if (s && model_length(s, 10.5, ref, &v) == 0)
		return v;
	return def;
}

static void
collect_units(const struct model_node *frame, struct frame_state *fs)
{
	const struct model_node *k, *li;

	for (k = frame->first; k; k = k->next) {
		if (k->kind == M_TEXT)
			continue;
		if (k->kind == M_LIST) {
			for (li = k->first; li; li = li->next) {
				if (li->kind != M_LI)
					continue;
				fs->u = xreallocarray(fs->u, fs->n + 1, sizeof(*fs->u));
				fs->u[fs->n].node = li;
				fs->u[fs->n++].list = k;
			}
			continue;
		}
		fs->u = xreallocarray(fs->u, fs->n + 1, sizeof(*fs->u));
		fs->u[fs->n].node = k;
		fs->u[fs->n++].list = NULL;
	}
}

/* Lays out one unit at the current scale into `vl` (x = 0). */
static void
unit_items(struct lctx *c, struct frame_state *fs, const struct unit *u, double width,
           struct vlist *vl)
{
	const char *sn = model_attr(fs->node, "style");
	size_t from = vl->n;

	if (u->list && fs->lab_list != u->list) {
		/* measured once at the design size; labels scale with the text */
		double scale = c->scale;

		c->scale = 1;
		fs->lab_list = u->list;
		fs->lab_w = list_label_width(c, u->list, 1e6);
		c->scale = scale;
	}
	if (u->list)
		li_items(c, u->node, u->list, fmin(fs->lab_w * c->scale, width / 3), 0, width, vl);
	else
		block_items(c, u->node, sn ? sn : "panel-body", 0, width, vl);
	/* tagged PDF: an item (LI, from li_items()) inside an L */
	vlist_stamp(c, vl, from, u->list ? "L" : "P");
}

static double
items_height(const struct vlist *vl, size_t from)
{
	double h = 0;
	size_t i;

	for (i = from; i < vl->n; i++)
		h += (i > from ? vl->v[i - 1].after + vl->v[i].before : 0) + vl->v[i].h;
	return h;
}

/* The kept layout of the split unit `next`, if it can be used at the
 * current scale and width (continuation frames are never narrower). */
static const struct vlist *
split_items(const struct lctx *c, const struct frame_state *fs, double width)
{
	if (fs->skip == 0 || fs->split.n == 0 || fs->split_scale != c->scale ||
	    fs->split_w > width + 1e-6)
		return NULL;
	return &fs->split;
}

/* Unit `next` + i laid out into `tmp`, or the split unit's kept layout. */
static const struct vlist *
unit_vl(struct lctx *c, struct frame_state *fs, size_t i, double width, struct vlist *tmp)
{
	const struct vlist *kept = i == 0 ? split_items(c, fs, width) : NULL;

	if (kept)
		return kept;
	unit_items(c, fs, &fs->u[fs->next + i], width, tmp);
	return tmp;
}

static void
split_drop(struct frame_state *fs)
{
	vlist_release(&fs->split);
	fs->split_w = fs->split_scale = 0;
}

/*
 * place(): how many of the units [first, n) fit into the content rect at
 * `scale`; the heights are measured by laying the units out.
 */
static enum layout_fit
place(struct lctx *c, struct frame_state *fs, double scale, size_t *fitted)
{
	double *h, gap;
	size_t i, cnt = fs->n - fs->next, mark = c->out->nparas;
	const struct model_style *st = model_style(
	    c->doc, model_attr(fs->node, "style") ? model_attr(fs->node, "style") : "panel-body");

	c->scale = scale;
	gap = st->size * scale * 0.35;
	h = xcalloc(cnt ? cnt : 1, sizeof(*h));
	for (i = 0; i < cnt; i++) {
		struct vlist vl = {NULL, 0, 0};

		h[i] = items_height(unit_vl(c, fs, i, fs->w, &vl), i == 0 ? fs->skip : 0);
		vlist_release(&vl);
		if (i > 0 && layout_fit_count(h, i + 1, gap, fs->h) <= i)
			break; /* no need to measure further */
	}
	*fitted = layout_fit_count(h, i < cnt ? i + 1 : cnt, gap, fs->h);
	free(h);
	lctx_release_to(c, mark); /* measured only */
	return *fitted == cnt ? LAYOUT_FITTED : LAYOUT_MORE;
}

static void
put_items(struct layout_page *pg, const struct vlist *vl, size_t from, size_t to, double x,
          double *y)
{
	size_t i, k;

	for (i = from; i < to; i++) {
		const struct vitem *it = &vl->v[i];

		if (i > from)
			*y += vl->v[i - 1].after + it->before;
		for (k = 0; k < it->n; k++) {
			struct layout_box b = it->box[k];

			b.x += x;
			b.y += *y;
			b.name = b.name ? xstrdup(b.name) : NULL;
			page_add(pg, &b);
		}
		*y += it->h;
	}
}

/* Fits and places the rest of a frame's units on `pg`; with `fixed` (the
 * slide is continued anyway) at the design size unless not even one unit
 * fits there. */
static void
frame_fill(struct lctx *c, struct frame_state *fs, struct layout_page *pg, int fixed)
{
	const char *ms = model_attr(fs->node, "min-scale");
	double min = ms ? strtod(ms, NULL) : 0.6, scale = start_scale(fs), top, gap, y = fs->y;
	size_t fitted = 0, i;
	enum layout_fit r;
	const struct model_style *st = model_style(
	    c->doc, model_attr(fs->node, "style") ? model_attr(fs->node, "style") : "panel-body");

	if (!(min >= 0.6)) /* outputs.md: never below 60% of the design size */
		min = 0.6;
	if (min > 1)
		min = 1;
	if (fs->next >= fs->n)
		return;
	if (scale < min)
		scale = min;
	top = scale;
	/* a unit split between lines continues at the scale it was split at */
	if (fs->skip > 0)
		scale = min;
	for (;;) {
		double nx;

		r = place(c, fs, scale, &fitted);
		if (r == LAYOUT_FITTED)
			break;
		nx = layout_next_scale(scale, SHRINK_STEP, min);
		if (nx == 0 || fs->skip > 0)
			break;
		scale = nx;
	}
	/* Continued anyway: shrinking would only make this slide denser than
	 * the next, so the units that fit at the design size are set there
	 * (a unit too tall even then keeps the floor). */
	if ((r == LAYOUT_MORE || fixed) && fs->skip == 0 && scale < top) {
		size_t f1 = 0;

		place(c, fs, top, &f1);
		if (f1 > 0) {
			scale = top;
			fitted = f1;
		}
	}
	c->scale = scale;
	gap = st->size * scale * 0.35;
	for (i = 0; i < fitted; i++) {
		struct vlist vl = {NULL, 0, 0};
		const struct vlist *uv;

		if (i > 0)
			y += gap;
		uv = unit_vl(c, fs, 0, fs->w, &vl);
		put_items(pg, uv, i == 0 ? fs->skip : 0, uv->n, fs->x, &y);
		vlist_release(&vl);
		split_drop(fs);
		fs->next++;
		fs->skip = 0;
	}
	if (fitted == 0 && fs->next < fs->n) {
		/* one unit taller than the frame: its lines that fit, the rest next time */
		const struct vlist *sv = &fs->split;
		size_t j = fs->skip, from = fs->skip;
		double yy = 0;

		if (split_items(c, fs, fs->w) == NULL) {
			split_drop(fs);
			unit_items(c, fs, &fs->u[fs->next], fs->w, &fs->split);
			fs->split_w = fs->w;
			fs->split_scale = c->scale;
		}
		for (; j < sv->n; j++) {
			double add =
			    (j > from ? sv->v[j - 1].after + sv->v[j].before : 0) + sv->v[j].h;

			if (yy + add > fs->h + 1e-6)
				break;
			yy += add;
		}
		if (j == from) {
			/* a line taller than the frame: placed anyway, never lost */
			diag_warning(c->d, c->doc->path, fs->node->line,
			             "<frame>: too small for one line of its text even at %.0f%%; "
			             "the line overflows",
			             min * 100);
			j = from + 1;
		}
		put_items(pg, sv, from, j, fs->x, &y);
		if (j >= sv->n) {
			split_drop(fs);
			fs->next++;
			fs->skip = 0;
		} else
			fs->skip = j; /* fs->split kept for the next slide */
	}
	c->scale = 1;
}

static void
textbox_place(struct lctx *c, const struct model_node *n, struct layout_page *pg,
              const char *suffix)
{
	double x = len_attr(n, "x", pg->width, 0), y = len_attr(n, "y", pg->height, 0);
	double w = len_attr(n, "w", pg->width, pg->width - x), h = len_attr(n, "h", pg->height, 0);
	const char *sn = model_attr(n, "style");
	const struct model_style *st = model_style(c->doc, sn ? sn : "panel-body");
	struct vlist vl = {NULL, 0, 0};
	double scale = 1, th, yy;
	size_t mark = c->out->nparas;

	for (;;) {
		c->scale = scale;
		para_items(c, n, st, 0, 0, w, &vl);
		if (suffix && *suffix) {
			/* the continued slide's title: the text plus （続き） */
			struct model_node tmp, txt;

			vlist_release(&vl);
			memset(&tmp, 0, sizeof(tmp));
			memset(&txt, 0, sizeof(txt));
			txt.kind = M_TEXT;
			{
				char *plain = model_plain_text(n);
				struct strbuf sb;

				strbuf_init(&sb, 64);
				strbuf_addstr(&sb, plain);
				strbuf_addstr(&sb, suffix);
				txt.text = strbuf_detach(&sb);
				free(plain);
			}
			tmp.kind = M_P;
			tmp.first = tmp.last = &txt;
			para_items(c, &tmp, st, 0, 0, w, &vl);
			free(txt.text);
		}
		vlist_stamp(c, &vl, 0, model_attr(n, "role") ? "H1" : "P");
		th = items_height(&vl, 0);
		if (h <= 0 || th <= h + 0.5)
			break;
		scale = layout_next_scale(scale, SHRINK_STEP, 0.6);
		if (scale == 0)
			break;
		vlist_release(&vl);
		lctx_release_to(c, mark); /* too big: measured only */
	}
	yy = y + (h > th ? (h - th) / 2 : 0); /* centred vertically in its box */
	put_items(pg, &vl, 0, vl.n, x, &yy);
	vlist_release(&vl);
	c->scale = 1;
}

static void
rect_place(const struct model_node *n, struct layout_page *pg)
{
	struct layout_box b;
	const char *fill = model_attr(n, "fill"), *stroke = model_attr(n, "border");

	memset(&b, 0, sizeof(b));
	b.kind = BOX_RECT;
	b.x = len_attr(n, "x", pg->width, 0);
	b.y = len_attr(n, "y", pg->height, 0);
	b.w = len_attr(n, "w", pg->width, 0);
	b.h = len_attr(n, "h", pg->height, 0);
	b.filled = fill && model_color(fill, b.fill) == 0;
	b.stroked = stroke && model_color(stroke, b.color) == 0;
	b.lw = 1;
	page_add(pg, &b);
}

/* <image src x y w h>: the picture, as large as fits in the rectangle at
 * its own aspect ratio, centred in it (issue 14: the logo). */
static void
image_place(struct lctx *c, const struct model_node *n, struct layout_page *pg)
{
	struct layout_box b;
	const char *src = model_attr(n, "src"), *alt = model_attr(n, "alt");
	double x = len_attr(n, "x", pg->width, 0), y = len_attr(n, "y", pg->height, 0);
	double w = len_attr(n, "w", pg->width, pg->width - x);
	double h = len_attr(n, "h", pg->height, pg->height - y), iw, ih;
	char *err = NULL;

	if (src == NULL || image_size(src, &iw, &ih, &err) < 0) {
		diag_error(c->d, c->doc->path, n->line, "<image>: %s",
		           err ? err : "no src (the picture's path)");
		free(err);
		return;
	}
	memset(&b, 0, sizeof(b));
	if (alt && *alt) {
		/* a Figure; its alternative text rides on an empty first box
		 * (draw.c's figure_alt()) */
		b.kind = BOX_RECT;
		b.x = x;
		b.y = y;
		b.name = xstrdup(alt);
		b.elem = ++c->nelem;
		b.tag = "Figure";
		page_add(pg, &b);
	}
	b.kind = BOX_IMAGE;
	image_fit(iw, ih, w, h, &b.w, &b.h);
	b.x = x + (w - b.w) / 2;
	b.y = y + (h - b.h) / 2;
	b.name = xstrdup(src);
	page_add(pg, &b);
}

/* Height of the frame's title band (0 without a title). */
static double
frame_band(struct lctx *c, const struct frame_state *fs)
{
	const char *title = model_attr(fs->node, "title");

	return title && *title ? model_style(c->doc, "panel-head")->size * 1.9 : 0;
}

/*
 * The frame's border and title band at its current geometry (gx gy gw gh);
 * sets the content rect.  The border rect is named "frame TITLE" so that
 * `render --dump` shows the panels (tests/slides/check.py reads them); a
 * frame continuing from an earlier slide gets `cont` after its title.
 */
static void
frame_chrome(struct lctx *c, struct frame_state *fs, struct layout_page *pg, const char *cont)
{
	const struct model_node *n = fs->node;
	double x = fs->gx, y = fs->gy, w = fs->gw, h = fs->gh;
	const char *border = model_attr(n, "border"), *title = model_attr(n, "title");
	double pad = 3 * 72 / 25.4, top = y;
	struct layout_box b;
	struct strbuf sb;

	memset(&b, 0, sizeof(b));
	b.kind = BOX_RECT;
	b.x = x;
	b.y = y;
	b.w = w;
	b.h = h;
	b.stroked = 1;
	b.lw = 1;
	if (border == NULL || model_color(border, b.color) < 0)
		b.color[0] = b.color[1] = b.color[2] = 0.3;
	strbuf_init(&sb, 64);
	strbuf_addstr(&sb, "frame ");
	strbuf_addstr(&sb, title ? title : "");
	b.name = strbuf_detach(&sb);
	page_add(pg, &b);
	b.name = NULL;
	if (title && *title) {
		const struct model_style *hs = model_style(c->doc, "panel-head");
		double bh = frame_band(c, fs);
		struct jl_para *p;

		b.kind = BOX_RECT;
		b.h = bh;
		b.filled = 1;
		memcpy(b.fill, b.color, sizeof(b.fill));
		page_add(pg, &b);
		strbuf_init(&sb, 64);
		strbuf_addstr(&sb, title);
		if (cont && (fs->next > 0 || fs->skip > 0))
			strbuf_addstr(&sb, cont);
		p = text_para(c, sb.buf, hs, hs->size, hs->bold, w - 2 * pad, JL_LEFT);
		strbuf_release(&sb);
		memset(&b, 0, sizeof(b));
		b.kind = BOX_TEXT;
		b.para = p;
		b.x = x + pad;
		b.y = y + bh / 2 + hs->size * 0.36;
		memcpy(b.color, hs->color, sizeof(b.color));
		b.elem = ++c->nelem; /* tagged PDF: the panel's heading */
		b.tag = "H2";
		page_add(pg, &b);
		top = y + bh;
	}
	fs->x = x + pad;
	fs->y = top + pad;
	fs->w = w - 2 * pad;
	fs->h = y + h - pad - fs->y;
}

/* The content rect (x y w h) of a frame at its current geometry: inside
 * the border, under the title band, inset 3 mm (as frame_chrome sets it). */
static void
frame_content(struct lctx *c, struct frame_state *fs)
{
	double pad = 3 * 72 / 25.4;

	fs->x = fs->gx + pad;
	fs->y = fs->gy + frame_band(c, fs) + pad;
	fs->w = fs->gw - 2 * pad;
	fs->h = fs->gy + fs->gh - pad - fs->y;
}

/* Height the frame needs for the rest of its units at the design size,
 * at width `w` (border, band and insets included); a split unit as it is
 * kept.  Measuring stops once the height passes `limit` (the caller only
 * compares it with less). */
static double
frame_need(struct lctx *c, struct frame_state *fs, double w, double limit)
{
	double pad = 3 * 72 / 25.4, inner = w - 2 * pad, total = 0;
	const struct model_style *st = model_style(
	    c->doc, model_attr(fs->node, "style") ? model_attr(fs->node, "style") : "panel-body");
	size_t i, mark = c->out->nparas;

	c->scale = 1;
	for (i = fs->next; i < fs->n && total <= limit; i++) {
		struct vlist vl = {NULL, 0, 0};
		const struct vlist *uv = NULL;

		if (i == fs->next && fs->skip > 0 && fs->split.n > 0)
			uv = &fs->split;
		else {
			unit_items(c, fs, &fs->u[i], inner, &vl);
			uv = &vl;
		}
		total += (i > fs->next ? st->size * 0.35 : 0) +
		         items_height(uv, i == fs->next ? fs->skip : 0);
		vlist_release(&vl);
	}
	lctx_release_to(c, mark); /* measured only */
	return total + frame_band(c, fs) + 2 * pad + 1;
}

/*
 * A continuation slide shows only the frames with units left, and they
 * take the room of the finished ones (docs/render.md "Slides"): frames of
 * one x and width form a column; a column with nothing left gives its
 * width to the others (in proportion to their widths, gaps kept); in a
 * column, each frame but the last gets what it needs at the design size
 * when it and the frames below it all fit, else at most its share of the
 * height (in proportion to the pdoc heights); the last frame the rest.  Columns that overlap keep the pdoc geometry.
 */
static void
frames_reflow(struct lctx *c, struct frame_state *fr, size_t nfr)
{
	size_t col[64], ncol = 0, i, j, k;
	int colof[64], active[64];
	double gap = -1, span_l = 1e9, span_r = -1e9, wsum = 0, x;

	if (nfr > 64)
		return;
	for (i = 0; i < nfr; i++) {
		fr[i].gx = fr[i].ox;
		fr[i].gy = fr[i].oy;
		fr[i].gw = fr[i].ow;
		fr[i].gh = fr[i].oh;
		for (j = 0; j < ncol; j++)
			if (fabs(fr[col[j]].ox - fr[i].ox) < 0.5 &&
			    fabs(fr[col[j]].ow - fr[i].ow) < 0.5)
				break;
		if (j == ncol)
			col[ncol++] = i;
		colof[i] = (int)j;
	}
	/* columns in x order; give up on overlapping columns */
	for (j = 1; j < ncol; j++)
		for (k = j; k > 0 && fr[col[k]].ox < fr[col[k - 1]].ox; k--) {
			size_t t = col[k];
			int a;

			col[k] = col[k - 1];
			col[k - 1] = t;
			for (a = 0; a < (int)nfr; a++) /* keep colof in step */
				colof[a] = colof[a] == (int)k       ? (int)k - 1
				           : colof[a] == (int)k - 1 ? (int)k
				                                    : colof[a];
		}
	for (j = 0; j < ncol; j++) {
		const struct frame_state *f = &fr[col[j]];

		if (j > 0) {
			double g = f->ox - (fr[col[j - 1]].ox + fr[col[j - 1]].ow);

			if (g < -0.5)
				return;
			gap = gap < 0 || g < gap ? g : gap;
		}
		span_l = fmin(span_l, f->ox);
		span_r = fmax(span_r, f->ox + f->ow);
		active[j] = 0;
	}
	if (gap < 0)
		gap = 0;
	for (i = 0; i < nfr; i++)
		if (fr[i].next < fr[i].n)
			active[colof[i]] = 1;
	k = 0;
	for (j = 0; j < ncol; j++)
		if (active[j]) {
			wsum += fr[col[j]].ow;
			k++;
		}
	if (k == 0)
		return;
	x = span_l;
	for (j = 0; j < ncol; j++) {
		double w, top = 1e9, bot = -1e9, vgap = -1, avail, hsum = 0, prev_end = -1;
		size_t m = 0, ord[64];
		double need[64];

		if (!active[j])
			continue;
		w = fr[col[j]].ow * (span_r - span_l - (k - 1) * gap) / wsum;
		/* the column's frames in y order */
		for (i = 0; i < nfr; i++) {
			if (colof[i] != (int)j)
				continue;
			top = fmin(top, fr[i].oy);
			bot = fmax(bot, fr[i].oy + fr[i].oh);
			fr[i].gx = x;
			fr[i].gw = w;
			if (fr[i].next >= fr[i].n)
				continue;
			for (k = m; k > 0 && fr[ord[k - 1]].oy > fr[i].oy; k--)
				ord[k] = ord[k - 1];
			ord[k] = i;
			m++;
		}
		for (i = 0; i < nfr; i++) /* the smallest gap between the column's frames */
			if (colof[i] == (int)j)
				for (k = 0; k < nfr; k++)
					if (colof[k] == (int)j &&
					    fr[k].oy >= fr[i].oy + fr[i].oh - 0.5) {
						double g = fr[k].oy - (fr[i].oy + fr[i].oh);

						vgap = vgap < 0 || g < vgap ? g : vgap;
					}
		if (vgap < 0)
			vgap = 0;
		avail = bot - top - (m - 1) * vgap;
		for (i = 0; i < m; i++) {
			hsum += fr[ord[i]].oh;
			need[i] = frame_need(c, &fr[ord[i]], w, bot - top);
		}
		for (i = 0; i < m; i++) {
			struct frame_state *f = &fr[ord[i]];
			double share = avail * f->oh / hsum, h = share, rest = 0;

			for (k = i; k < m; k++)
				rest += need[k];
			if (i + 1 == m)
				h = avail;
			else if (rest <= avail)
				h = need[i]; /* all the rest fits: each what it needs */
			else
				h = fmin(share, need[i]);
			f->gy = prev_end < 0 ? top : prev_end + vgap;
			f->gh = h;
			prev_end = f->gy + h;
			avail -= h;
			hsum -= f->oh;
		}
		x += w + gap;
		for (k = 0, i = 0; i < ncol; i++) /* restore the active-column count */
			k += active[i];
	}
	c->scale = 1;
}

static void
item_place(struct lctx *c, const struct model_node *n, struct layout_page *pg)
{
	struct vlist vl = {NULL, 0, 0};
	double x = len_attr(n, "x", pg->width, 10 * 72 / 25.4);
	double y = len_attr(n, "y", pg->height, 0);
	double w = len_attr(n, "w", pg->width, pg->width - 2 * x);
	double h = len_attr(n, "h", pg->height, 0);

	if (n->kind == M_CHART) {
		chart_items(c, n, 0, w, h > 0 ? h : pg->height / 3, &vl);
		vlist_stamp(c, &vl, 0, "Figure");
	} else {
		table_items(c, n, 0, w, &vl); /* tagged "Table" there */
	}
	if (vl.n > 0)
		vl.v[0].before = 0;
	put_items(pg, &vl, 0, vl.n, x, &y);
	vlist_release(&vl);
}

int
slides_layout(struct lctx *c, const struct model_node *slide)
{
	const char *tn = model_attr(slide, "template");
	const struct model_template *t = model_template(c->doc, tn ? tn : "slide");
	const char *outline = model_attr(slide, "outline");
	const char *cont = model_attr(slide, "continued");
	struct frame_state *fr = NULL;
	size_t nfr = 0, i;
	const struct model_node *k;
	int rep, more = 1, fixed;

	if (cont == NULL)
		cont = "（続き）";
	for (k = slide->first; k; k = k->next) {
		if (k->kind != M_FRAME)
			continue;
		fr = xreallocarray(fr, nfr + 1, sizeof(*fr));
		memset(&fr[nfr], 0, sizeof(fr[nfr]));
		fr[nfr].node = k;
		collect_units(k, &fr[nfr]);
		nfr++;
	}
	c->frame = 1;
	for (rep = 0; more && rep < MAX_REPEATS; rep++) {
		struct layout_page *pg;
		int pno;

		c->out->pages =
		    xreallocarray(c->out->pages, c->out->npages + 1, sizeof(*c->out->pages));
		pg = &c->out->pages[c->out->npages++];
		memset(pg, 0, sizeof(*pg));
		pg->width = t ? t->width : slide_w;
		pg->height = t ? t->height : slide_h;
		pno = (int)c->out->npages;
		pg->number = pno;
		if (outline && *outline) {
			struct strbuf sb;
			struct layout_outline *o;

			strbuf_init(&sb, 64);
			strbuf_addstr(&sb, outline);
			if (rep > 0)
				strbuf_addstr(&sb, cont);
			c->out->outline = xreallocarray(c->out->outline, c->out->noutline + 1,
			                                sizeof(*c->out->outline));
			o = &c->out->outline[c->out->noutline++];
			o->title = strbuf_detach(&sb);
			o->level = 1;
			o->page = pno - 1;
			o->y = 0;
		}
		if (rep == 0)
			for (i = 0; i < nfr; i++) {
				const struct model_node *f = fr[i].node;
				struct frame_state *fs = &fr[i];

				fs->ox = len_attr(f, "x", pg->width, 0);
				fs->oy = len_attr(f, "y", pg->height, 0);
				fs->ow = len_attr(f, "w", pg->width, pg->width - fs->ox);
				fs->oh = len_attr(f, "h", pg->height, pg->height - fs->oy);
				fs->gx = fs->ox;
				fs->gy = fs->oy;
				fs->gw = fs->ow;
				fs->gh = fs->oh;
			}
		else
			frames_reflow(c, fr, nfr);
		/* a frame of a group that fits notes the largest step it fits at */
		for (i = 0; rep == 0 && i < nfr; i++) {
			struct group_scale *gs = group_of(&fr[i]);
			double s = 1;
			size_t nf;

			if (gs == NULL || fr[i].n == 0)
				continue;
			frame_content(c, &fr[i]);
			while (s > 0 && place(c, &fr[i], s, &nf) == LAYOUT_MORE)
				s = layout_next_scale(s, SHRINK_STEP, min_scale(fr[i].node));
			if (s > 0 && s < gs->scale)
				gs->scale = s;
		}
		c->scale = 1;
		/* a slide continued anyway sets all its frames at the design size */
		fixed = 0;
		for (i = 0; i < nfr; i++) {
			size_t nf;

			if (fr[i].next >= fr[i].n || fr[i].skip > 0)
				continue;
			frame_content(c, &fr[i]);
			if (place(c, &fr[i], min_scale(fr[i].node), &nf) == LAYOUT_MORE)
				fixed = 1;
		}
		c->scale = 1;
		i = 0;
		for (k = slide->first; k; k = k->next) {
			const char *role = model_attr(k, "role");

			switch (k->kind) {
			case M_RECT:
				rect_place(k, pg);
				break;
			case M_IMAGE:
				if (rep == 0)
					image_place(c, k, pg);
				break;
			case M_TEXTBOX:
				if (rep > 0 && !(role && strcmp(role, "title") == 0) && nfr == 0)
					break;
				textbox_place(c, k, pg,
				              rep > 0 && role && strcmp(role, "title") == 0 ? cont
				                                                            : NULL);
				break;
			case M_FRAME:
				/* finished frames are left off continuation slides */
				if (i < nfr && (rep == 0 || fr[i].next < fr[i].n)) {
					frame_chrome(c, &fr[i], pg, cont);
					frame_fill(c, &fr[i], pg, fixed);
				}
				i++;
				break;
			case M_CHART:
			case M_TABLE:
				if (rep == 0)
					item_place(c, k, pg);
				break;
			case M_ANCHOR: {
				struct layout_box b;

				memset(&b, 0, sizeof(b));
				b.kind = BOX_DEST;
				b.name = xstrdup(model_attr(k, "id") ? model_attr(k, "id") : "");
				if (rep == 0)
					page_add(pg, &b);
				else
					free(b.name);
				break;
			}
			case M_TEXT:
				break;
			default:
				diag_warning(c->d, c->doc->path, k->line,
				             "<%s> is not a slide item (rect, textbox, frame, "
				             "chart, table); ignored",
				             model_kind_name(k->kind));
				break;
			}
		}
		if (t)
			page_furniture(c, pg, t, pno, NULL);
		else if (c->doc->draft) {
			struct model_template def;

			memset(&def, 0, sizeof(def));
			def.width = pg->width;
			def.height = pg->height;
			page_furniture(c, pg, &def, pno, NULL);
		}
		more = 0;
		for (i = 0; i < nfr; i++)
			if (fr[i].next < fr[i].n)
				more = 1;
	}
	if (more)
		diag_error(c->d, c->doc->path, slide->line,
		           "slide content does not fit in %d continuation slides", MAX_REPEATS);
	c->frame = 0;
	for (i = 0; i < nfr; i++) {
		free(fr[i].u);
		split_drop(&fr[i]);
	}
	free(fr);
	return more ? -1 : 0;
}
