/*
 * prim: the primitives every layout module builds with — the vertical
 * list and its items (vlist, vitem, boxes), paragraphs (text_para,
 * para_items: inline markup, footnotes, the line-break memo) and
 * structure tags.  It calls no other layout module: the blocks
 * (layout.c), tables, charts, the TOC and slides are made of these.
 * See docs/render.md "Modules".
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <pango/pangocairo.h>

#include "layout_int.h"
#include "xmem.h"

/* ------------------------------------------------------------------ */
/* lists and boxes */

struct vitem *
vlist_add(struct vlist *vl)
{
	struct vitem *it;

	if (vl->n == vl->alloc) {
		vl->alloc = vl->alloc ? 2 * vl->alloc : 64;
		vl->v = xreallocarray(vl->v, vl->alloc, sizeof(*vl->v));
	}
	it = &vl->v[vl->n++];
	memset(it, 0, sizeof(*it));
	return it;
}

struct vitem *
vlist_add_boxed(struct lctx *c, struct vlist *vl)
{
	struct vitem *it = vlist_add(vl);

	memcpy(it->boxid, c->boxstack, sizeof(it->boxid));
	it->nboxid = c->nbox;
	return it;
}

void
note_free(struct note *n)
{
	if (n == NULL)
		return;
	vlist_release(n->lines);
	free(n->lines);
	free(n->key);
	free(n);
}

void
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

void
vlist_release(struct vlist *vl)
{
	size_t i;

	if (vl == NULL)
		return;
	for (i = 0; i < vl->n; i++)
		vitem_release(&vl->v[i]);
	free(vl->v);
	vl->v = NULL;
	vl->n = vl->alloc = 0;
}

void
vlist_stamp(struct lctx *c, struct vlist *vl, size_t from, const char *tag)
{
	vlist_stamp_elem(vl, from, ++c->nelem, tag);
}

void
vlist_stamp_elem(struct vlist *vl, size_t from, int elem, const char *tag)
{
	size_t i, k;

	for (i = from; i < vl->n; i++)
		for (k = 0; k < vl->v[i].n; k++)
			if (vl->v[i].box[k].elem == 0 && vl->v[i].box[k].kind != BOX_DEST) {
				vl->v[i].box[k].elem = elem;
				vl->v[i].box[k].tag = tag;
			}
}

void
vlist_stamp_sub(struct lctx *c, struct vlist *vl, size_t from, int level, const char *tag)
{
	size_t i, k;
	int elem = ++c->nelem;

	for (i = from; i < vl->n; i++)
		for (k = 0; k < vl->v[i].n; k++) {
			struct layout_box *b = &vl->v[i].box[k];

			if (b->subelem[level] == 0 && b->kind != BOX_DEST) {
				b->subelem[level] = elem;
				b->sub[level] = tag;
			}
		}
}

struct layout_box *
vitem_box(struct vitem *it, enum layout_box_kind kind)
{
	struct layout_box *b;

	if (it->n == it->alloc) {
		/* from one: most items are one line of text (a long slide
		 * bullet is ~50,000 of them), and a box is ~170 bytes */
		it->alloc = it->alloc ? 2 * it->alloc : 1;
		it->box = xreallocarray(it->box, it->alloc, sizeof(*it->box));
	}
	b = &it->box[it->n++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->lw = 0.5;
	return b;
}

struct layout_box *
page_add(struct layout_page *pg, const struct layout_box *b)
{
	if (pg->n == pg->alloc) {
		pg->alloc = pg->alloc ? 2 * pg->alloc : 64;
		pg->box = xreallocarray(pg->box, pg->alloc, sizeof(*pg->box));
	}
	pg->box[pg->n] = *b;
	return &pg->box[pg->n++];
}

struct jl_para *
lctx_keep(struct lctx *c, struct jl_para *p)
{
	struct layout_doc *ld = c->out;

	if (ld->nparas == ld->aparas) {
		ld->aparas = ld->aparas ? 2 * ld->aparas : 256;
		ld->paras = xreallocarray(ld->paras, ld->aparas, sizeof(*ld->paras));
	}
	jl_para_set_id(p, (int)ld->nparas + 1);
	ld->paras[ld->nparas++] = p;
	return p;
}

/*
 * The drawing pass sets the same paragraphs in the same order as the
 * measuring pass (docs/render.md "Two passes"), so the measuring pass
 * records each paragraph's line starts under a key of its text, font and
 * style, and the drawing pass hands them to jl_para_new_shaped(), skipping
 * the breaker.  A paragraph whose key differs (a TOC number) is broken
 * anew.  Output is the same bytes either way.
 */
struct brkmemo {
	struct {
		guint64 key;
		guint32 n;   /* line starts */
		guint32 off; /* in pool */
	} * e;               /* 16 bytes a paragraph */
	size_t n, alloc, next;
	struct jl_shaping **sh; /* pass 1's shapings of e[0, nsh) */
	size_t nsh, ash;
	size_t shbytes; /* held in sh[] */
	int *pool;
	size_t npool, apool;
	int replay; /* 0: record, 1: replay */
	int full;   /* MEMO_MAX reached: no more recorded */
	size_t hits;
};

/*
 * The measuring pass also keeps each paragraph's shaping (shaping was a
 * third of render), up to this many bytes; past it the drawing pass shapes again,
 * so memory stays bounded on a document of any size.  The line starts
 * are kept for at most MEMO_MAX paragraphs and lines (16 MiB; a 100× year
 * has 420 000 paragraphs and 1.2 M lines); past it the drawing pass breaks again.
 */
#define SHAPING_MEMO_MAX ((size_t)16 << 20)
#define MEMO_MAX ((size_t)1 << 20)

struct brkmemo *
brkmemo_new(void)
{
	return xcalloc(1, sizeof(struct brkmemo));
}

void
brkmemo_free(struct brkmemo *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->nsh; i++)
		jl_shaping_free(m->sh[i]);
	free(m->sh);
	free(m->e);
	free(m->pool);
	free(m);
}

void
brkmemo_start(struct brkmemo *m, int replay)
{
	m->replay = replay;
	m->next = 0;
}

static guint64
para_key(const char *text, int len, const PangoFontDescription *fd, const struct jl_style *js)
{
	guint64 h = 1469598103934665603ULL;
	const unsigned char *q = (const unsigned char *)text;
	double v[5] = {js->width, js->first_indent, js->left_indent, js->line_height, js->align};
	int i;

	for (i = 0; i < len; i++)
		h = (h ^ q[i]) * 1099511628211ULL;
	q = (const unsigned char *)v;
	for (i = 0; i < (int)sizeof(v); i++)
		h = (h ^ q[i]) * 1099511628211ULL;
	return h ^ ((guint64)pango_font_description_hash(fd) << 17);
}

/* The next paragraph of `m` if it is the one asked for (same key), made
 * from its line starts and shaping; NULL, and the order kept, if not. */
static struct jl_para *
brkmemo_take(struct brkmemo *m, struct lctx *c, const char *text, int len, PangoAttrList *al,
             const PangoFontDescription *fd, const struct jl_style *js, guint64 key)
{
	struct jl_shaping *sh;
	struct jl_para *p;

	if (m->next >= m->n || m->e[m->next].key != key)
		return NULL;
	sh = m->next < m->nsh ? m->sh[m->next] : NULL;
	if (m->next < m->nsh)
		m->sh[m->next] = NULL;
	p = jl_para_new_shaped(c->pc, text, len, al, fd, js, m->pool + m->e[m->next].off,
	                       (int)m->e[m->next].n - 1, sh);
	m->hits++;
	m->next++;
	return p;
}

static struct jl_para *
para_new(struct lctx *c, const char *text, int len, PangoAttrList *al,
         const PangoFontDescription *fd, const struct jl_style *js)
{
	struct brkmemo *m = c->memo;
	struct jl_para *p;
	guint64 key;
	size_t size;
	int n;

	if (m == NULL)
		return jl_para_new(c->pc, text, len, al, fd, js);
	if (len < 0)
		len = (int)strlen(text);
	key = para_key(text, len, fd, js);
	if (m->replay) {
		/* a paragraph the measuring pass did not make (the TOC's
		 * numbers) leaves the order as it is */
		if ((p = brkmemo_take(m, c, text, len, al, fd, js, key)) == NULL)
			p = jl_para_new(c->pc, text, len, al, fd, js);
		return p;
	}
	p = jl_para_new(c->pc, text, len, al, fd, js);
	n = jl_para_line_count(p);
	if (m->full || m->n >= MEMO_MAX || m->npool + (size_t)n > MEMO_MAX) {
		m->full = 1; /* the order is kept: the next pass replays up to here */
		return p;
	}
	if (m->n == m->alloc) {
		m->alloc = m->alloc ? 2 * m->alloc : 1024;
		m->e = xreallocarray(m->e, m->alloc, sizeof(*m->e));
	}
	if (m->npool + (size_t)n > m->apool) {
		while (m->npool + (size_t)n > m->apool)
			m->apool = m->apool ? 2 * m->apool : 4096;
		m->pool = xreallocarray(m->pool, m->apool, sizeof(*m->pool));
	}
	m->e[m->n].key = key;
	m->e[m->n].n = (guint32)n;
	m->e[m->n].off = (guint32)m->npool;
	/* (a paragraph whose shaping would pass the cap is shaped again:
	 * one of 2,000,000 characters held ~170 MB twice, issue 12) */
	size = jl_para_shaping_size(p);
	if (m->nsh == m->n && m->shbytes + size <= SHAPING_MEMO_MAX) {
		if (m->nsh == m->ash) {
			m->ash = m->ash ? 2 * m->ash : 1024;
			m->sh = xreallocarray(m->sh, m->ash, sizeof(*m->sh));
		}
		m->sh[m->nsh++] = jl_para_shaping(p);
		m->shbytes += size;
	}
	m->n++;
	jl_para_breaks(p, m->pool + m->npool, n);
	m->npool += (size_t)n;
	return p;
}

void
lctx_release_to(struct lctx *c, size_t mark)
{
	struct layout_doc *ld = c->out;

	while (ld->nparas > mark && ld->nparas > c->pfree)
		jl_para_free(ld->paras[--ld->nparas]);
}

double
style_size(const struct lctx *c, const struct model_style *st)
{
	return st->size * c->scale;
}

double
style_lh(const struct lctx *c, const struct model_style *st)
{
	return st->size * st->leading * c->scale;
}

static enum jl_align
jl_align_of(enum model_align a)
{
	switch (a) {
	case ALIGN_LEFT:
		return JL_LEFT;
	case ALIGN_CENTER:
		return JL_CENTER;
	case ALIGN_RIGHT:
		return JL_RIGHT;
	default:
		return JL_JUSTIFY;
	}
}

struct jl_para *
text_para(struct lctx *c, const char *text, const struct model_style *st, double size, int bold,
          double width, enum jl_align align)
{
	PangoFontDescription *fd = fonts_desc(st->font, size, bold);
	struct jl_style js;
	struct jl_para *p;

	memset(&js, 0, sizeof(js));
	js.width = width > 1 ? width : 1;
	js.line_height = size * st->leading;
	js.align = align;
	p = para_new(c, text, -1, NULL, fd, &js);
	pango_font_description_free(fd);
	return lctx_keep(c, p);
}

double
para_width(const struct jl_para *p)
{
	struct jl_line_info li;
	double w = 0;
	int i;

	for (i = 0; i < jl_para_line_count(p); i++) {
		jl_para_line_info(p, i, &li);
		if (li.x + li.width > w)
			w = li.x + li.width;
	}
	return w;
}

/* ------------------------------------------------------------------ */
/* inline content → text + attributes */

struct inl_link {
	int start, end;
	char *dest;
};

struct inl_fn {
	int pos, len; /* byte offset and length of the mark */
	const struct model_node *node;
};

struct inl {
	struct strbuf text;
	PangoAttrList *attrs;
	struct inl_link *links;
	size_t nlinks;
	struct inl_fn *fns;
	size_t nfns;
	int *brs;
	size_t nbrs;
	struct inl_link *anchors; /* start = position, dest = id */
	size_t nanchors;
	int space; /* a collapsed space is pending */
	const struct model_style *st;
	double size;
};

static void
inl_attr(struct inl *in, PangoAttribute *a, size_t start)
{
	a->start_index = (guint)start;
	a->end_index = (guint)in->text.len;
	pango_attr_list_insert(in->attrs, a);
}

/*
 * Issue 15: footnote numbers run through the whole document (each file's
 * own restart): the k-th distinct footnote (file, n) met in layout order
 * is numbered k, the same in both passes; a footnote cited again keeps
 * its number.
 */
static const char *
fn_number(struct lctx *c, const struct model_node *fn)
{
	const char *n = model_attr(fn, "n");
	char *key, *num;

	if (c->fnnum == NULL)
		c->fnnum = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	key = g_strdup_printf("%s\t%s", c->doc ? c->doc->path : "", n ? n : "*");
	num = g_hash_table_lookup(c->fnnum, key);
	if (num) {
		g_free(key);
		return num;
	}
	num = g_strdup_printf("%u", g_hash_table_size(c->fnnum) + 1);
	g_hash_table_insert(c->fnnum, key, num);
	return num;
}

static void
inl_walk(struct lctx *c, struct inl *in, const struct model_node *n)
{
	const struct model_node *k;

	for (k = n->first; k; k = k->next) {
		size_t start = in->text.len;

		switch (k->kind) {
		case M_TEXT:
			model_add_text(&in->text, k->text, &in->space);
			break;
		case M_B:
			inl_walk(c, in, k);
			if (in->text.len > start) {
				inl_attr(in, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start);
				if (in->st->font ==
				    FONT_MINCHO) /* bold in mincho text is set in gothic */
					inl_attr(in,
					         pango_attr_family_new(fonts_family(FONT_GOTHIC)),
					         start);
			}
			break;
		case M_SPAN: {
			const char *sn = model_attr(k, "style");
			const char *col = model_attr(k, "color");
			double rgb[3];

			inl_walk(c, in, k);
			if (in->text.len == start)
				break;
			if (sn) {
				const struct model_style *ss = model_style(c->doc, sn);

				inl_attr(in, pango_attr_family_new(fonts_family(ss->font)), start);
				inl_attr(in,
				         pango_attr_size_new_absolute(
				             (int)(ss->size * c->scale * PANGO_SCALE)),
				         start);
				if (ss->bold)
					inl_attr(in, pango_attr_weight_new(PANGO_WEIGHT_BOLD),
					         start);
			}
			if (model_attr(k, "keep") && strcmp(model_attr(k, "keep"), "1") == 0)
				inl_attr(in, pango_attr_allow_breaks_new(FALSE),
				         start); /* issue 15 */
			if (col && model_color(col, rgb) == 0)
				inl_attr(in,
				         pango_attr_foreground_new((guint16)(rgb[0] * 65535),
				                                   (guint16)(rgb[1] * 65535),
				                                   (guint16)(rgb[2] * 65535)),
				         start);
			break;
		}
		case M_A: {
			const char *href = model_attr(k, "href");

			inl_walk(c, in, k);
			if (href && href[0] == '#' && in->text.len > start) {
				in->links =
				    xreallocarray(in->links, in->nlinks + 1, sizeof(*in->links));
				in->links[in->nlinks].start = (int)start;
				in->links[in->nlinks].end = (int)in->text.len;
				in->links[in->nlinks].dest = xstrdup(href + 1);
				in->nlinks++;
			}
			break;
		}
		case M_FN: {
			const char *num = fn_number(c, k);

			in->space = 0;
			in->fns = xreallocarray(in->fns, in->nfns + 1, sizeof(*in->fns));
			in->fns[in->nfns].pos = (int)start;
			in->fns[in->nfns].node = k;
			strbuf_addstr(&in->text, num ? num : "*");
			in->fns[in->nfns].len = (int)(in->text.len - start);
			in->nfns++;
			/* outputs.md: raised small digits in the body font, not U+00B9 */
			inl_attr(in,
			         pango_attr_size_new_absolute((int)(in->size * 0.6 * PANGO_SCALE)),
			         start);
			inl_attr(in, pango_attr_rise_new((int)(in->size * 0.38 * PANGO_SCALE)),
			         start);
			break;
		}
		case M_ANCHOR:
			if (model_attr(k, "id")) {
				in->anchors = xreallocarray(in->anchors, in->nanchors + 1,
				                            sizeof(*in->anchors));
				in->anchors[in->nanchors].start = (int)start;
				in->anchors[in->nanchors].end = (int)start;
				in->anchors[in->nanchors].dest = xstrdup(model_attr(k, "id"));
				in->nanchors++;
			}
			break;
		case M_BR:
			in->space = 0;
			in->brs = xreallocarray(in->brs, in->nbrs + 1, sizeof(*in->brs));
			in->brs[in->nbrs++] = (int)in->text.len;
			break;
		default:
			/* a block inside inline content: take its text */
			inl_walk(c, in, k);
			break;
		}
	}
}

static void
inl_init(struct inl *in, const struct model_style *st, double size)
{
	memset(in, 0, sizeof(*in));
	strbuf_init(&in->text, 256);
	in->attrs = pango_attr_list_new();
	in->st = st;
	in->size = size;
}

static void
inl_release(struct inl *in)
{
	size_t i;

	strbuf_release(&in->text);
	pango_attr_list_unref(in->attrs);
	for (i = 0; i < in->nlinks; i++)
		free(in->links[i].dest);
	free(in->links);
	for (i = 0; i < in->nanchors; i++)
		free(in->anchors[i].dest);
	free(in->anchors);
	free(in->fns);
	free(in->brs);
}

/* Attributes of [s, e) of `src`, shifted to start at 0. */
static PangoAttrList *
attrs_slice(PangoAttrList *src, int s, int e)
{
	PangoAttrList *dst = pango_attr_list_new();
	GSList *all = pango_attr_list_get_attributes(src), *l;

	for (l = all; l; l = l->next) {
		PangoAttribute *a = l->data;

		if ((int)a->end_index > s && (int)a->start_index < e) {
			a->start_index =
			    (guint)(((int)a->start_index > s ? (int)a->start_index : s) - s);
			a->end_index = (guint)(((int)a->end_index < e ? (int)a->end_index : e) - s);
			pango_attr_list_insert(dst, a);
		} else
			pango_attribute_destroy(a);
	}
	g_slist_free(all);
	return dst;
}

/* ------------------------------------------------------------------ */
/* paragraphs */

/* A footnote's link and destination until layout.c names them by page
 * (FN_DEST "N": the mark of note N and the note on the same page). */
static char *
fn_dest_name(const char *num)
{
	struct strbuf sb;

	strbuf_init(&sb, 16);
	strbuf_addf(&sb, "%s%s", FN_DEST, num ? num : "*");
	return strbuf_detach(&sb);
}

static struct note *
note_make(struct lctx *c, const struct model_node *fn, double x, double width)
{
	const struct model_style *st = model_style(c->doc, "note");
	struct note *nt = xcalloc(1, sizeof(*nt));
	const char *num = fn_number(c, fn);
	double size = style_size(c, st), lab = 2.0 * size;
	size_t i;
	struct jl_para *lp;

	nt->lines = xcalloc(1, sizeof(*nt->lines));
	{
		char *t = model_plain_text(fn);
		struct strbuf sb;

		strbuf_init(&sb, 64);
		strbuf_addf(&sb, "%s\t%s", num ? num : "*", t);
		nt->key = strbuf_detach(&sb);
		free(t);
	}
	para_items(c, fn, st, 0, x + lab, width - lab, nt->lines);
	/* the number, raised and small as in the text, in a hanging column */
	lp = text_para(c, num ? num : "*", st, size * 0.75, 0, lab, JL_LEFT);
	if (nt->lines->n > 0) {
		struct vitem *first = &nt->lines->v[0];

		for (i = 0; i < first->n; i++) {
			if (first->box[i].kind == BOX_TEXT) {
				struct layout_box *b = vitem_box(first, BOX_TEXT);

				b->para = lp;
				b->line = 0;
				b->x = x;
				b->y = first->box[i].y - size * 0.3;
				memcpy(b->color, st->color, sizeof(b->color));
				/* read before the note's text (reading order) */
				{
					struct layout_box nb = *b;

					memmove(&first->box[i + 1], &first->box[i],
					        (first->n - 1 - i) * sizeof(*first->box));
					first->box[i] = nb;
				}
				break;
			}
		}
	}
	/* the destination of the marks' links (layout.c names it by page) */
	if (nt->lines->n > 0) {
		struct layout_box *b = vitem_box(&nt->lines->v[0], BOX_DEST);

		b->x = x;
		b->name = fn_dest_name(num);
	}
	vlist_stamp(c, nt->lines, 0, "Note");
	for (i = 0; i < nt->lines->n; i++)
		nt->h += nt->lines->v[i].h;
	return nt;
}

/* Lines of one paragraph segment [s, e) of `in` as items. */
static void
segment_items(struct lctx *c, struct inl *in, int s, int e, const struct model_style *st,
              double indent, double hang, double x, double width, struct vlist *vl)
{
	PangoFontDescription *fd = fonts_desc(st->font, style_size(c, st), st->bold);
	PangoAttrList *al = attrs_slice(in->attrs, s, e);
	struct jl_style js;
	struct jl_para *p;
	double size = style_size(c, st), lh = style_lh(c, st);
	int i, nl;
	size_t k;

	memset(&js, 0, sizeof(js));
	js.width = width > 1 ? width : 1;
	js.first_indent = indent - hang;
	js.left_indent = hang;
	js.line_height = lh;
	js.align = jl_align_of(st->align);
	p = lctx_keep(c, para_new(c, in->text.buf + s, e - s, al, fd, &js));
	pango_attr_list_unref(al);
	pango_font_description_free(fd);
	nl = jl_para_line_count(p);
	for (i = 0; i < nl; i++) {
		struct jl_line_info li;
		struct vitem *it = vlist_add_boxed(c, vl);
		struct layout_box *b;
		double base = (lh - size) / 2 + size * 0.88;

		jl_para_line_info(p, i, &li);
		it->h = lh;
		b = vitem_box(it, BOX_TEXT);
		b->para = p;
		b->line = i;
		b->x = x;
		b->y = base;
		memcpy(b->color, st->color, sizeof(b->color));
		for (k = 0; k < in->nlinks; k++) {
			double x0, x1;

			if (in->links[k].end <= s || in->links[k].start >= e)
				continue;
			if (jl_para_range_extent(p, i, in->links[k].start - s, in->links[k].end - s,
			                         &x0, &x1)) {
				struct layout_box *lb = vitem_box(it, BOX_LINK);

				lb->x = x + x0;
				lb->w = x1 - x0;
				lb->y = base - size * 0.95;
				lb->h = size * 1.2;
				lb->name = xstrdup(in->links[k].dest);
			}
		}
		for (k = 0; k < in->nanchors; k++) {
			int pos = in->anchors[k].start - s;

			/* on the line holding the position (the last line for the end) */
			if (pos < li.start || (pos >= li.end && !(i == nl - 1 && pos <= li.end)) ||
			    in->anchors[k].start < s || in->anchors[k].start > e)
				continue;
			b = vitem_box(it, BOX_DEST);
			b->x = x;
			b->y = 0;
			b->name = xstrdup(in->anchors[k].dest);
		}
		for (k = 0; k < in->nfns; k++) {
			int pos = in->fns[k].pos - s;

			if (pos < li.start || pos >= li.end || pos < 0 || in->fns[k].pos >= e)
				continue;
			if (c->frame) /* no foot in a slide frame */
				continue;
			it->notes = xreallocarray(it->notes, it->nnotes + 1, sizeof(*it->notes));
			it->notes[it->nnotes++] = note_make(c, in->fns[k].node, c->fx, c->fw);
			/* the mark: a link to its note (tagged PDF: Reference, Link) */
			{
				double x0, x1;

				if (jl_para_range_extent(p, i, pos, pos + in->fns[k].len, &x0,
				                         &x1)) {
					struct layout_box *lb = vitem_box(it, BOX_LINK);

					lb->x = x + x0;
					lb->w = x1 - x0;
					lb->y = base - size * 0.95;
					lb->h = size * 1.2;
					lb->name = fn_dest_name(fn_number(c, in->fns[k].node));
				}
			}
		}
	}
}

/*
 * A heading that opens with a label and an ideographic space — (ア)　,
 * 1)　, ①　, 1　 — hangs its following lines under the title, as the plan
 * sets its measures.  Returns the label's width (with the space), or 0
 * when there is no such label or it would take over a third of the line.
 */
static double
label_width(struct lctx *c, const char *text, int len, const struct model_style *st, double width)
{
	const char *sp = NULL, *q;
	char label[64];
	double w;
	int nch = 0;

	for (q = text; q < text + len && nch < 6; q = g_utf8_next_char(q), nch++)
		if (g_utf8_get_char(q) == 0x3000) {
			sp = q;
			break;
		}
	if (sp == NULL || sp == text || (size_t)(sp - text) + 3 >= sizeof(label))
		return 0;
	memcpy(label, text, (size_t)(sp - text) + 3);
	label[sp - text + 3] = '\0';
	w = para_width(text_para(c, label, st, style_size(c, st), st->bold, 1e4, JL_LEFT));
	return w < width / 3 ? w : 0;
}

int
para_items(struct lctx *c, const struct model_node *n, const struct model_style *st, double indent,
           double x, double width, struct vlist *vl)
{
	struct inl in;
	size_t first = vl->n, k;
	int s = 0;

	inl_init(&in, st, style_size(c, st));
	inl_walk(c, &in, n);
	for (k = 0; k <= in.nbrs; k++) {
		int e = k < in.nbrs ? in.brs[k] : (int)in.text.len;
		double hang = 0;

		if (k == 0 && c->hang_label)
			hang = label_width(c, in.text.buf, e, st, width);
		segment_items(c, &in, s, e, st,
		              k == 0 ? (indent >= 0 ? indent : st->indent * c->scale) : 0, hang, x,
		              width, vl);
		s = e;
	}
	inl_release(&in);
	if (vl->n > first) {
		size_t last = vl->n - 1, nl = vl->n - first;

		vl->v[first].before += st->space_before * c->scale;
		vl->v[last].after += st->space_after * c->scale;
		/* widows and orphans: never one line alone at a page foot or head */
		if (nl >= 2) {
			vl->v[first].keep = 1;
			vl->v[last - 1].keep = 1;
		}
		if (st->keep_with_next)
			for (k = first; k <= last; k++)
				vl->v[k].keep = 1;
	}
	return 0;
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
