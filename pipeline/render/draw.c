/*
 * draw: the only module that calls cairo's drawing functions.  Errors are
 * sticky in cairo; we check cairo_status() once per page and
 * cairo_surface_status() after cairo_surface_finish().  The PDF is
 * written through our own stream function into common/atomicfile, so a
 * failed write keeps its errno ("No space left on device"), which
 * cairo's "error while writing to output stream" does not say.
 */
#include "draw.h"

#include <errno.h>
#include <limits.h>
#include <malloc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>

#include "atomicfile.h"
#include "image.h"
#include "orth.h"
#include "pdfua.h"
#include "strbuf.h"
#include "xmem.h"

int
draw_epoch_date(const char *epoch, char *buf, size_t len)
{
	char *end;
	long long v;
	time_t t;
	struct tm tm;

	if (epoch == NULL || *epoch < '0' || *epoch > '9')
		return -1;
	errno = 0;
	v = strtoll(epoch, &end, 10);
	if (*end || errno || v < 0)
		return -1;
	t = (time_t)v;
	if (gmtime_r(&t, &tm) == NULL)
		return -1;
	if (strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		return -1;
	return 0;
}

struct drawer {
	char *meta[4]; /* title, author, subject, keywords */
	char *path;
	struct atomicfile af; /* PATH.tmp, open from the first page */
	int werr;             /* errno of the first failed write */
	struct diag *d;
	cairo_surface_t *s;
	cairo_t *cr;
	FILE *raw;   /* cairo's PDF, for pdfua_fix() */
	char **alts; /* each Figure's alternative text, in order */
	size_t nalts;
	char **links; /* each link's text, in order */
	size_t nlinks;
	char **etags;         /* each structure element begun, in order */
	struct strbuf *etext; /* its text (the lines drawn in it) while it */
	unsigned char *ejp;   /* may be Latin only; ejp[k]: it is not */
	size_t nelems;
	GHashTable *rows; /* table rows drawn on the pages before */
	int sects;        /* Sects open: the level of the last heading */
	int head_elem;    /* element number of the last heading */
	double w, h;      /* size of the last page */
	size_t pages;
	int failed;
};

/* A destination name inside a cairo attribute string: quotes escaped, and
 * ( ) \ % and each byte of a non-ASCII character as %XX, since cairo 1.16
 * writes the name into the /Dests name tree as a literal string as it is
 * (an unbalanced parenthesis made a PDF pdfua_fix() cannot parse; UTF-8
 * there is read as PDFDocEncoding, and matches no link's /Dest, which cairo
 * writes in UTF-16). */
static void
add_quoted(struct strbuf *sb, const char *s)
{
	strbuf_addch(sb, '\'');
	for (; *s; s++) {
		if (*s == '(' || *s == ')' || *s == '\\' || *s == '%' ||
		    (unsigned char)*s >= 0x80) {
			strbuf_addf(sb, "%%%02X", (unsigned char)*s);
			continue;
		}
		if (*s == '\'')
			strbuf_addch(sb, '\\');
		strbuf_addch(sb, *s);
	}
	strbuf_addch(sb, '\'');
}

/* cairo_tag_begin() of a structure element, recorded in begin order (the
 * tree's depth-first order: pdfua_fix() finds the element by it).
 * Returns its number. */
static size_t
elem_begin(struct drawer *dr, const char *tag, const char *attrs)
{
	dr->etags = xreallocarray(dr->etags, dr->nelems + 1, sizeof(*dr->etags));
	dr->etext = xreallocarray(dr->etext, dr->nelems + 1, sizeof(*dr->etext));
	dr->ejp = xreallocarray(dr->ejp, dr->nelems + 1, sizeof(*dr->ejp));
	dr->ejp[dr->nelems] = 0;
	dr->etags[dr->nelems] = xstrdup(tag);
	strbuf_init(&dr->etext[dr->nelems], 0);
	cairo_tag_begin(dr->cr, tag, attrs);
	return dr->nelems++;
}

/* The characters of text box `b`'s line: into every open element's text. */
static void
elem_text(struct drawer *dr, const size_t *open, int n, const struct layout_box *b)
{
	struct jl_line_info li;
	const char *t;
	size_t len;
	int i, latin;

	if (b->kind != BOX_TEXT || b->para == NULL)
		return;
	jl_para_line_info(b->para, b->line, &li);
	t = jl_para_text(b->para) + li.start;
	len = (size_t)(li.end - li.start);
	latin = orth_latin(t, len);
	for (i = 0; i < n; i++) {
		size_t k = open[i];

		if (k >= dr->nelems || dr->ejp[k])
			continue;
		if (!latin) { /* Japanese: its text is no longer needed */
			dr->ejp[k] = 1;
			strbuf_release(&dr->etext[k]);
			strbuf_init(&dr->etext[k], 0);
			continue;
		}
		if (dr->etext[k].len)
			strbuf_addch(&dr->etext[k], ' ');
		strbuf_add(&dr->etext[k], t, len);
	}
}

/* A footnote mark's link to its note (layout.c's FN_PAGE_DEST names). */
static int
is_fn_link(const struct layout_box *b)
{
	return b->kind == BOX_LINK && b->name &&
	       strncmp(b->name, FN_PAGE_DEST, sizeof(FN_PAGE_DEST) - 1) == 0;
}

static void
draw_box(struct drawer *dr, const struct layout_box *b)
{
	cairo_t *cr = dr->cr;
	struct strbuf sb;
	double x;

	switch (b->kind) {
	case BOX_TEXT:
		if (b->para == NULL)
			break;
		cairo_set_source_rgb(cr, b->color[0], b->color[1], b->color[2]);
		jl_para_draw_line(b->para, b->line, cr, b->x, b->y);
		break;
	case BOX_RECT:
		cairo_rectangle(cr, b->x, b->y, b->w, b->h);
		if (b->filled) {
			cairo_set_source_rgb(cr, b->fill[0], b->fill[1], b->fill[2]);
			if (b->stroked)
				cairo_fill_preserve(cr);
			else
				cairo_fill(cr);
		}
		if (b->stroked) {
			cairo_set_line_width(cr, b->lw);
			cairo_set_source_rgb(cr, b->color[0], b->color[1], b->color[2]);
			cairo_stroke(cr);
		}
		cairo_new_path(cr);
		break;
	case BOX_LINE:
		cairo_move_to(cr, b->x, b->y);
		cairo_line_to(cr, b->x + b->w, b->y + b->h);
		cairo_set_line_width(cr, b->lw);
		cairo_set_source_rgb(cr, b->color[0], b->color[1], b->color[2]);
		cairo_stroke(cr);
		break;
	case BOX_DOTS:
		if (b->h <= 0)
			break;
		cairo_set_source_rgb(cr, b->color[0], b->color[1], b->color[2]);
		/* on a grid from the page's left edge, so leaders line up */
		for (x = ceil(b->x / b->h) * b->h; x <= b->x + b->w; x += b->h) {
			cairo_new_sub_path(cr);
			cairo_arc(cr, x, b->y, 0.55, 0, 6.283185307179586);
		}
		cairo_fill(cr);
		break;
	case BOX_LINK:
		strbuf_init(&sb, 64);
		strbuf_addstr(&sb, "dest=");
		add_quoted(&sb, b->name);
		strbuf_addf(&sb, " rect=[%.2f %.2f %.2f %.2f]", b->x, b->y, b->w, b->h);
		/* a footnote mark: a Reference holding the Link to its Note */
		if (is_fn_link(b))
			elem_begin(dr, "Reference", NULL);
		elem_begin(dr, CAIRO_TAG_LINK, sb.buf);
		cairo_tag_end(cr, CAIRO_TAG_LINK);
		if (is_fn_link(b))
			cairo_tag_end(cr, "Reference");
		strbuf_release(&sb);
		break;
	case BOX_IMAGE:
		/* read at layout (image_size); a file gone since draws nothing */
		(void)image_draw(cr, b->name, b->x, b->y, b->w, b->h);
		break;
	case BOX_DEST:
		strbuf_init(&sb, 64);
		strbuf_addstr(&sb, "name=");
		add_quoted(&sb, b->name);
		strbuf_addf(&sb, " x=%.2f y=%.2f", b->x, b->y > 12 ? b->y - 12 : 0);
		cairo_tag_begin(cr, CAIRO_TAG_DEST, sb.buf);
		cairo_tag_end(cr, CAIRO_TAG_DEST);
		strbuf_release(&sb);
		break;
	}
}

static void
set_meta(cairo_surface_t *s, cairo_pdf_metadata_t m, const char *v)
{
	if (v && *v)
		cairo_pdf_surface_set_metadata(s, m, v);
}

struct drawer *
draw_open(const struct model_doc *doc, const char *path, struct diag *d)
{
	struct drawer *dr = xcalloc(1, sizeof(*dr));

	dr->meta[0] = doc->title ? xstrdup(doc->title) : NULL;
	dr->meta[1] = doc->author ? xstrdup(doc->author) : NULL;
	dr->meta[2] = doc->subject ? xstrdup(doc->subject) : NULL;
	dr->meta[3] = doc->keywords ? xstrdup(doc->keywords) : NULL;
	dr->path = xstrdup(path);
	dr->d = d;
	dr->rows = g_hash_table_new(g_direct_hash, g_direct_equal);
	return dr;
}

/* cairo's output: into an anonymous temporary file as it comes, keeping the
 * first errno, for pdfua_fix() to read (twice) and finish into PATH.tmp. */
static cairo_status_t
write_out(void *closure, const unsigned char *data, unsigned int len)
{
	struct drawer *dr = closure;

	errno = 0;
	if (fwrite(data, 1, len, dr->raw) != len) {
		if (dr->werr == 0)
			dr->werr = errno ? errno : EIO;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

/* cairo's message for `st`, or the cause of the failed write. */
static const char *
status_text(const struct drawer *dr, cairo_status_t st)
{
	if (st == CAIRO_STATUS_WRITE_ERROR && dr->werr != 0)
		return strerror(dr->werr);
	return cairo_status_to_string(st);
}

/* The surface is made with the first page's size: cairo 1.16 writes
 * dangling structure references when set_size precedes a page's links. */
static int
surface_start(struct drawer *dr, double w, double h)
{
	cairo_status_t st;
	char date[32];
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	cairo_surface_t *s;

	if (atomicfile_open(&dr->af, dr->path) < 0 || (dr->raw = tmpfile()) == NULL)
		return diag_error(dr->d, dr->path, 0, "cannot create the PDF: %s", strerror(errno));
	s = dr->s = cairo_pdf_surface_create_for_stream(write_out, dr, w, h);
	if ((st = cairo_surface_status(s)) != CAIRO_STATUS_SUCCESS)
		return diag_error(dr->d, dr->path, 0, "cannot create the PDF: %s",
		                  status_text(dr, st));
	cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5);
	set_meta(s, CAIRO_PDF_METADATA_TITLE, dr->meta[0]);
	set_meta(s, CAIRO_PDF_METADATA_AUTHOR, dr->meta[1]);
	set_meta(s, CAIRO_PDF_METADATA_SUBJECT, dr->meta[2]);
	set_meta(s, CAIRO_PDF_METADATA_KEYWORDS, dr->meta[3]);
	set_meta(s, CAIRO_PDF_METADATA_CREATOR, "render (annual-report pipeline)");
	if (epoch && *epoch) {
		if (draw_epoch_date(epoch, date, sizeof(date)) < 0)
			diag_warning(dr->d, dr->path, 0,
			             "SOURCE_DATE_EPOCH='%s' is not a number of seconds; ignored",
			             epoch);
		else {
			cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
			cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
		}
	}
	dr->cr = cairo_create(s);
	/* A structure root: cairo 1.16 writes the struct elements of link
	 * annotations only inside a structure tree (else dangling refs). */
	elem_begin(dr, "Document", NULL);
	dr->w = w;
	dr->h = h;
	return 0;
}

/* The alternative text of the Figure that starts at box k: the name its
 * boxes carry (chart.c), else a plain 「図」. */
static void
figure_alt(struct drawer *dr, const struct layout_page *pg, size_t k)
{
	size_t i;
	const char *alt = "図";

	for (i = k; i < pg->n && pg->box[i].elem == pg->box[k].elem; i++)
		if (pg->box[i].name && pg->box[i].kind != BOX_LINK && pg->box[i].kind != BOX_DEST) {
			alt = pg->box[i].name;
			break;
		}
	dr->alts = xreallocarray(dr->alts, dr->nalts + 1, sizeof(*dr->alts));
	dr->alts[dr->nalts++] = xstrdup(alt);
}

/* The bytes [*ms, *me) of text box b's line under link box lb. */
static int
mark_range(const struct layout_box *b, const struct layout_box *lb, int *ms, int *me)
{
	struct jl_line_info li;
	const char *t = jl_para_text(b->para);
	int i, n;

	*ms = *me = -1;
	jl_para_line_info(b->para, b->line, &li);
	for (i = li.start; i < li.end; i = n) {
		double x0, x1, mid;

		for (n = i + 1; n < li.end && (t[n] & 0xc0) == 0x80; n++)
			;
		if (!jl_para_range_extent(b->para, b->line, i, n, &x0, &x1))
			continue;
		mid = b->x + (x0 + x1) / 2;
		if (mid >= lb->x && mid <= lb->x + lb->w) {
			if (*ms < 0)
				*ms = i;
			*me = n;
		}
	}
	return *ms >= 0;
}

/* The text under link box `lb` (the characters of the page's lines whose
 * middle falls in its rectangle): the annotation's /Contents. */
static void
link_text(struct drawer *dr, const struct layout_page *pg, const struct layout_box *lb)
{
	struct strbuf sb;
	size_t k;

	strbuf_init(&sb, 64);
	if (is_fn_link(lb)) /* a footnote mark: 「注3」 */
		strbuf_addstr(&sb, "注");
	for (k = 0; k < pg->n; k++) {
		const struct layout_box *b = &pg->box[k];
		int ms, me;

		if (b->kind != BOX_TEXT || b->para == NULL || b->y < lb->y ||
		    b->y > lb->y + lb->h || !mark_range(b, lb, &ms, &me))
			continue;
		if (sb.len > 0 && !is_fn_link(lb)) /* a line after another */
			strbuf_addch(&sb, ' ');
		strbuf_add(&sb, jl_para_text(b->para) + ms, (size_t)(me - ms));
	}
	strbuf_trim(&sb);
	if (sb.len == 0)
		strbuf_addstr(&sb, "リンク");
	dr->links = xreallocarray(dr->links, dr->nlinks + 1, sizeof(*dr->links));
	dr->links[dr->nlinks++] = strbuf_detach(&sb);
}

/*
 * A heading `tag` (H1…H6, element `elem`) as written: its level at most one
 * below the last heading's (PDF/UA: no skipped level; the first is H1),
 * inside a Sect of that level, which the next heading of the same or a
 * higher level ends.  Other tags are returned as they are.
 */
static const char *
heading(struct drawer *dr, int elem, const char *tag)
{
	static const char *names[] = {"H1", "H2", "H3", "H4", "H5", "H6"};
	int lv;

	if (tag[0] != 'H' || tag[1] < '1' || tag[1] > '6' || tag[2])
		return tag;
	if (elem == dr->head_elem) /* the rest of a heading cut by the page */
		return names[dr->sects - 1];
	lv = tag[1] - '0';
	if (lv > dr->sects + 1)
		lv = dr->sects + 1;
	for (; dr->sects >= lv; dr->sects--)
		cairo_tag_end(dr->cr, "Sect");
	elem_begin(dr, "Sect", NULL);
	dr->sects = lv;
	dr->head_elem = elem;
	return names[lv - 1];
}

#define DEPTH 4 /* element, row or item, cell or label, and one more */

/* The open tags of draw_page(): element numbers (< 0: made up here). */
struct tags {
	int open[DEPTH];
	const char *tag[DEPTH];
	size_t idx[DEPTH];               /* their numbers (elem_begin()); SIZE_MAX: none */
	const struct layout_box **links; /* link boxes waiting for their element's end */
	size_t nlinks;
	GHashTable *parents; /* elements with a child on this page */
	GHashTable *done;    /* footnote links drawn with their mark (fn_marks()) */
};

/* The structure path of box `b`: its element, row or item, cell or label
 * (what the layout stamped); untagged boxes are an artifact, "Private"
 * here and /Artifact after pdfua_fix().  Returns the depth. */
static int
box_path(const struct drawer *dr, const struct layout_box *b, size_t k, int want[DEPTH],
         const char *wtag[DEPTH])
{
	int d;
	/* a table's head row repeated after a page break (a row drawn on
	 * an earlier page) is an artifact of the split */
	int tagged = b->elem && !(b->sub[0] && strcmp(b->sub[0], "TR") == 0 &&
	                          g_hash_table_contains(dr->rows, GINT_TO_POINTER(b->subelem[0])));

	want[0] = tagged ? b->elem : -1 - (int)k;
	wtag[0] = tagged ? b->tag : "Private";
	want[1] = tagged ? b->subelem[0] : 0;
	wtag[1] = b->sub[0];
	want[2] = want[1] ? b->subelem[1] : 0;
	wtag[2] = b->sub[1];
	want[3] = 0;
	wtag[3] = NULL;
	for (d = 0; d < DEPTH && want[d] && wtag[d]; d++)
		;
	for (int lv = d; lv < DEPTH; lv++)
		want[lv] = 0;
	return d;
}

/* Whether the element at the end of a path of depth d keeps its content
 * in children: cairo 1.16 marks no content of an element that has a
 * child (a row with cells, a TOC entry with its link). */
static int
wraps(const struct tags *t, const int want[DEPTH], const char *wtag[DEPTH], int d)
{
	return d > 0 && d < DEPTH && strcmp(wtag[d - 1], "Figure") != 0 &&
	       strcmp(wtag[d - 1], "Private") != 0 &&
	       g_hash_table_contains(t->parents, GINT_TO_POINTER(want[d - 1]));
}

/* Ends the tags open at levels >= `from`.  The links of the innermost
 * element come last in it, after its made-up children are closed. */
static void
tags_close(struct drawer *dr, const struct layout_page *pg, struct tags *t, int from)
{
	int lv, real;
	size_t i;

	for (real = 0; real < DEPTH && t->open[real] > 0; real++)
		;
	if (from >= real && from < DEPTH && t->open[from] == 0)
		return;
	for (lv = DEPTH - 1; lv >= real; lv--)
		if (t->open[lv]) {
			cairo_tag_end(dr->cr, t->tag[lv]);
			t->open[lv] = 0;
			t->idx[lv] = SIZE_MAX;
		}
	if (t->nlinks && from < real) {
		for (i = 0; i < t->nlinks; i++) {
			if (g_hash_table_contains(t->done, t->links[i]))
				continue;
			link_text(dr, pg, t->links[i]);
			draw_box(dr, t->links[i]);
		}
		t->nlinks = 0;
	}
	for (lv = real - 1; lv >= from; lv--) {
		cairo_tag_end(dr->cr, t->tag[lv]);
		t->open[lv] = 0;
		t->idx[lv] = SIZE_MAX;
	}
}

/*
 * Text box `b` (in a Span, level lv) with the footnote marks of its line:
 * each mark drawn inside its Reference and Link (PDF/UA-1 7.9: the mark is
 * the Reference's content), the text around it in Spans.  The links so
 * drawn are left out at the element's end.  Returns 0 when the box holds
 * no mark (the caller draws it whole).
 */
static int
fn_marks(struct drawer *dr, const struct layout_page *pg, struct tags *t, int lv,
         const struct layout_box *b)
{
	struct jl_line_info li;
	size_t k;
	int at, drawn = 0;

	if (b->kind != BOX_TEXT || b->para == NULL || lv < 0 || strcmp(t->tag[lv], "Span") != 0)
		return 0;
	jl_para_line_info(b->para, b->line, &li);
	at = li.start;
	for (k = 0; k < pg->n; k++) {
		const struct layout_box *lb = &pg->box[k];
		struct strbuf sb;
		int ms, me;

		if (!is_fn_link(lb) || g_hash_table_contains(t->done, lb) || b->y < lb->y ||
		    b->y > lb->y + lb->h || !mark_range(b, lb, &ms, &me) || ms < at)
			continue;
		cairo_set_source_rgb(dr->cr, b->color[0], b->color[1], b->color[2]);
		jl_para_draw_line_part(b->para, b->line, dr->cr, b->x, b->y, at, ms);
		cairo_tag_end(dr->cr, "Span");
		link_text(dr, pg, lb);
		strbuf_init(&sb, 64);
		strbuf_addstr(&sb, "dest=");
		add_quoted(&sb, lb->name);
		strbuf_addf(&sb, " rect=[%.2f %.2f %.2f %.2f]", lb->x, lb->y, lb->w, lb->h);
		elem_begin(dr, "Reference", NULL);
		elem_begin(dr, CAIRO_TAG_LINK, sb.buf);
		cairo_set_source_rgb(dr->cr, b->color[0], b->color[1], b->color[2]);
		jl_para_draw_line_part(b->para, b->line, dr->cr, b->x, b->y, ms, me);
		cairo_tag_end(dr->cr, CAIRO_TAG_LINK);
		cairo_tag_end(dr->cr, "Reference");
		strbuf_release(&sb);
		t->idx[lv] = elem_begin(dr, "Span", NULL);
		g_hash_table_add(t->done, (gpointer)lb);
		at = me;
		drawn = 1;
	}
	if (!drawn)
		return 0;
	cairo_set_source_rgb(dr->cr, b->color[0], b->color[1], b->color[2]);
	jl_para_draw_line_part(b->para, b->line, dr->cr, b->x, b->y, at, INT_MAX);
	return 1;
}

int
draw_page(struct drawer *dr, const struct layout_page *pg)
{
	cairo_t *cr;
	cairo_status_t st;
	size_t k;
	int lv;
	struct tags t;

	if (dr->failed)
		return -1;
	if (dr->s == NULL && surface_start(dr, pg->width, pg->height) < 0) {
		dr->failed = 1;
		return -1;
	}
	cr = dr->cr;
	if (pg->width != dr->w || pg->height != dr->h) {
		cairo_pdf_surface_set_size(dr->s, pg->width, pg->height);
		dr->w = pg->width;
		dr->h = pg->height;
	}
	if (pg->number > 0) {
		/* the viewer shows the printed number (- 12 -) as the page label */
		char label[16];

		snprintf(label, sizeof(label), "%d", pg->number);
		cairo_pdf_surface_set_page_label(dr->s, label);
	}
	memset(&t, 0, sizeof(t));
	for (lv = 0; lv < DEPTH; lv++)
		t.idx[lv] = SIZE_MAX;
	t.links = xcalloc(pg->n + 1, sizeof(*t.links));
	t.parents = g_hash_table_new(g_direct_hash, g_direct_equal);
	t.done = g_hash_table_new(g_direct_hash, g_direct_equal);
	/* destinations first: cairo 1.16 ends the open marked content at
	 * any tag, a destination's too */
	for (k = 0; k < pg->n; k++)
		if (pg->box[k].kind == BOX_DEST)
			draw_box(dr, &pg->box[k]);
	/* which elements have children: deeper boxes, links, or drawing
	 * beside text (a cell's border, a TOC entry's leader) */
	for (k = 0; k < pg->n; k++) {
		const struct layout_box *b = &pg->box[k];
		int want[DEPTH], d;
		const char *wtag[DEPTH];

		if (b->kind == BOX_DEST)
			continue;
		d = box_path(dr, b, k, want, wtag);
		for (lv = 0; lv + 1 < d; lv++)
			g_hash_table_add(t.parents, GINT_TO_POINTER(want[lv]));
		if (d > 0 && want[d - 1] > 0 && b->kind != BOX_TEXT)
			g_hash_table_add(t.parents, GINT_TO_POINTER(want[d - 1]));
	}
	for (k = 0; k < pg->n; k++) {
		const struct layout_box *b = &pg->box[k];
		int want[DEPTH], d, from;
		const char *wtag[DEPTH];

		/* tagged PDF: consecutive boxes of one element in one tag,
		 * with its rows/items and cells/labels nested inside; links
		 * nest inside, destinations are not content */
		if (b->kind == BOX_LINK) {
			t.links[t.nlinks++] = b;
			continue;
		}
		if (b->kind == BOX_DEST)
			continue;
		{
			d = box_path(dr, b, k, want, wtag);
			/* an element with children: its text in a Span, its
			 * rules and fills an artifact (a Figure keeps all) */
			if (wraps(&t, want, wtag, d)) {
				want[d] = -1 - (int)k; /* one per box: see box_path() */
				wtag[d] = b->kind == BOX_TEXT ? "Span" : "Private";
				d++;
			}
			for (from = 0; from < DEPTH && t.open[from] == want[from]; from++)
				;
			tags_close(dr, pg, &t, from);
			if (from == 0 && want[0] > 0 && strcmp(wtag[0], "Figure") == 0)
				figure_alt(dr, pg, k);
			if (from == 0 && want[0] > 0)
				wtag[0] = heading(dr, want[0], wtag[0]);
			for (lv = from; lv < d; lv++) {
				t.idx[lv] = elem_begin(dr, wtag[lv], NULL);
				t.open[lv] = want[lv];
				t.tag[lv] = wtag[lv];
			}
		}
		elem_text(dr, t.idx, DEPTH, b);
		if (!fn_marks(dr, pg, &t, d - 1, b))
			draw_box(dr, b);
	}
	tags_close(dr, pg, &t, 0);
	for (k = 0; k < pg->n; k++)
		if (pg->box[k].sub[0] && strcmp(pg->box[k].sub[0], "TR") == 0)
			g_hash_table_add(dr->rows, GINT_TO_POINTER(pg->box[k].subelem[0]));
	free(t.links);
	g_hash_table_destroy(t.parents);
	g_hash_table_destroy(t.done);
	cairo_show_page(cr);
	dr->pages++;
	if ((st = cairo_status(cr)) != CAIRO_STATUS_SUCCESS) {
		dr->failed = 1;
		return diag_error(dr->d, dr->path, 0, "page %zu: %s", dr->pages,
		                  status_text(dr, st));
	}
	return 0;
}

static void
drawer_free(struct drawer *dr)
{
	int i;
	size_t k;

	for (i = 0; i < 4; i++)
		free(dr->meta[i]);
	for (k = 0; k < dr->nalts; k++)
		free(dr->alts[k]);
	free(dr->alts);
	for (k = 0; k < dr->nlinks; k++)
		free(dr->links[k]);
	free(dr->links);
	for (k = 0; k < dr->nelems; k++) {
		free(dr->etags[k]);
		strbuf_release(&dr->etext[k]);
	}
	free(dr->etags);
	free(dr->etext);
	free(dr->ejp);
	if (dr->raw)
		fclose(dr->raw);
	g_hash_table_destroy(dr->rows);
	free(dr->path);
	free(dr);
}

int
draw_failed(const struct drawer *dr)
{
	return dr->failed;
}

void
draw_abort(struct drawer *dr)
{
	if (dr == NULL)
		return;
	if (dr->cr)
		cairo_destroy(dr->cr);
	if (dr->s) {
		cairo_surface_finish(dr->s);
		cairo_surface_destroy(dr->s);
	}
	atomicfile_abort(&dr->af);
	drawer_free(dr);
}

/* PDF/UA (pdfua.h): what cairo 1.16 cannot write, then the bytes to the file. */
static int
finish_pdfua(struct drawer *dr)
{
	struct pdfua_info in = {dr->meta[0], dr->meta[1], "ja-JP",   dr->alts, dr->nalts,
	                        dr->links,   dr->nlinks,  dr->etags, NULL,     dr->nelems};
	size_t k;
	char err[512];
	int fixed;

	if (dr->werr == 0 && fflush(dr->raw) != 0)
		dr->werr = errno ? errno : EIO;
	if (dr->werr != 0) /* cairo 1.16 may finish without the stream's error */
		return diag_error(dr->d, dr->path, 0, "cannot finish the PDF: %s",
		                  strerror(dr->werr));
	in.elangs = xcalloc(dr->nelems + 1, sizeof(*in.elangs));
	for (k = 0; k < dr->nelems; k++)
		in.elangs[k] =
		    !dr->ejp[k] && dr->etext[k].len ? (char *)orth_lang(dr->etext[k].buf) : NULL;
	fixed = pdfua_fix(dr->raw, &in, dr->af.fp, err, sizeof(err));
	free(in.elangs);
	if (fixed < 0)
		return diag_error(dr->d, dr->path, 0, "cannot finish the PDF: %s", err);
	return 0;
}

int
draw_close(struct drawer *dr, const struct layout_outline *outline, size_t noutline)
{
	cairo_status_t st;
	size_t k;
	int parents[8] = {0};

	if (dr->failed || dr->s == NULL) {
		if (!dr->failed)
			diag_error(dr->d, dr->path, 0, "no page to write");
		draw_abort(dr);
		return -1;
	}
	for (k = 0; k < noutline; k++) {
		const struct layout_outline *o = &outline[k];
		struct strbuf sb;
		int lv = o->level < 1 ? 1 : o->level > 7 ? 7 : o->level;

		strbuf_init(&sb, 64);
		strbuf_addf(&sb, "page=%d pos=[%.2f %.2f]", o->page + 1, 0.0,
		            o->y > 12 ? o->y - 12 : 0.0);
		parents[lv] =
		    cairo_pdf_surface_add_outline(dr->s, parents[lv - 1], o->title, sb.buf,
		                                  lv == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
		strbuf_release(&sb);
	}
	for (; dr->sects > 0; dr->sects--)
		cairo_tag_end(dr->cr, "Sect");
	cairo_tag_end(dr->cr, "Document");
	cairo_destroy(dr->cr);
	dr->cr = NULL;
	cairo_surface_finish(dr->s);
	if ((st = cairo_surface_status(dr->s)) != CAIRO_STATUS_SUCCESS) {
		diag_error(dr->d, dr->path, 0, "cannot finish the PDF: %s", status_text(dr, st));
		draw_abort(dr);
		return -1;
	}
	cairo_surface_destroy(dr->s);
	dr->s = NULL;
	/* cairo's pages and structure tree are freed: give their memory back
	 * before pdfua_fix() takes its own (its large arrays are mmap()ed and
	 * would not reuse the heap's free chunks), so the peak is the larger
	 * of the two and not their sum (issue 13) */
	malloc_trim(0);
	if (finish_pdfua(dr) < 0) {
		draw_abort(dr);
		return -1;
	}
	/* flush, fsync, rename: a full disk may show only here */
	if (atomicfile_commit(&dr->af) < 0) {
		diag_error(dr->d, dr->path, 0, "cannot finish the PDF: %s", strerror(errno));
		drawer_free(dr);
		return -1;
	}
	drawer_free(dr);
	return 0;
}
