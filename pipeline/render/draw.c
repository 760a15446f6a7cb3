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
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo-pdf.h>
#include <cairo.h>

#include "atomicfile.h"
#include "image.h"
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

/* A name inside a cairo attribute string: quotes and backslashes escaped. */
static void
add_quoted(struct strbuf *sb, const char *s)
{
	strbuf_addch(sb, '\'');
	for (; *s; s++) {
		if (*s == '\'' || *s == '\\')
			strbuf_addch(sb, '\\');
		strbuf_addch(sb, *s);
	}
	strbuf_addch(sb, '\'');
}

static void
draw_box(cairo_t *cr, const struct layout_box *b)
{
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
		cairo_tag_begin(cr, CAIRO_TAG_LINK, sb.buf);
		cairo_tag_end(cr, CAIRO_TAG_LINK);
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

struct drawer {
	char *meta[4]; /* title, author, subject, keywords */
	char *path;
	struct atomicfile af; /* PATH.tmp, open from the first page */
	int werr;             /* errno of the first failed write */
	struct diag *d;
	cairo_surface_t *s;
	cairo_t *cr;
	double w, h; /* size of the last page */
	size_t pages;
	int failed;
};

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
	return dr;
}

/* cairo's output: into the temporary file, keeping the first errno. */
static cairo_status_t
write_out(void *closure, const unsigned char *data, unsigned int len)
{
	struct drawer *dr = closure;

	errno = 0;
	if (fwrite(data, 1, len, dr->af.fp) != len) {
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

	if (atomicfile_open(&dr->af, dr->path) < 0)
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
	cairo_tag_begin(dr->cr, "Document", NULL);
	dr->w = w;
	dr->h = h;
	return 0;
}

int
draw_page(struct drawer *dr, const struct layout_page *pg)
{
	cairo_t *cr;
	cairo_status_t st;
	size_t k;
	int open[3] = {0, 0, 0}, lv;
	const char *opentag[3] = {NULL, NULL, NULL};

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
	for (k = 0; k < pg->n; k++) {
		const struct layout_box *b = &pg->box[k];

		/* tagged PDF: consecutive boxes of one element in one tag,
		 * with its rows/items and cells/labels nested inside; links
		 * nest inside, destinations are not content */
		if (b->kind != BOX_LINK && b->kind != BOX_DEST) {
			int want[3] = {b->elem, b->elem ? b->subelem[0] : 0, 0};
			const char *wtag[3] = {b->tag, b->sub[0], b->sub[1]};
			int from;

			want[2] = want[1] ? b->subelem[1] : 0;
			for (lv = 0; lv < 3; lv++)
				if (!wtag[lv])
					want[lv] = 0;
			for (from = 0; from < 3 && open[from] == want[from]; from++)
				;
			for (lv = 2; lv >= from; lv--)
				if (open[lv]) {
					cairo_tag_end(cr, opentag[lv]);
					open[lv] = 0;
				}
			for (lv = from; lv < 3 && want[lv]; lv++) {
				cairo_tag_begin(cr, wtag[lv], NULL);
				open[lv] = want[lv];
				opentag[lv] = wtag[lv];
			}
		}
		draw_box(cr, b);
	}
	for (lv = 2; lv >= 0; lv--)
		if (open[lv])
			cairo_tag_end(cr, opentag[lv]);
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

	for (i = 0; i < 4; i++)
		free(dr->meta[i]);
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
	/* flush, fsync, rename: a full disk may show only here */
	if (atomicfile_commit(&dr->af) < 0) {
		diag_error(dr->d, dr->path, 0, "cannot finish the PDF: %s", strerror(errno));
		drawer_free(dr);
		return -1;
	}
	drawer_free(dr);
	return 0;
}

int
draw_pdf(const struct layout_doc *ld, const struct model_doc *doc, const char *path, struct diag *d)
{
	struct drawer *dr = draw_open(doc, path, d);
	size_t p;

	for (p = 0; p < ld->npages; p++)
		if (draw_page(dr, &ld->pages[p]) < 0)
			break;
	return draw_close(dr, ld->outline, ld->noutline);
}
