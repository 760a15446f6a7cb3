/*
 * floor: the bench's lower bound (issue 7).  It only shapes and draws text
 * with pango and cairo: one PangoLayout per paragraph, wrapped to the A4
 * text block of the report, lines placed top to bottom at a fixed pitch,
 * a new page when the block is full.  No headings, kinsoku, justification
 * of our own, tables, links or outline: what render does beyond this is
 * the overhead the bench measures.
 *
 *   floor [--fonts FONTS.conf] [--family NAME] [--size PT] -o OUT.pdf TEXT
 *
 * TEXT is UTF-8, one paragraph per line; a leading "TAG<TAB>" (as written
 * by tests/bench/pdoc2text.xsl: h1..h4, p) is dropped.  With --fonts the
 * fontconfig file is loaded into a private FcConfig, as render does.
 * Exit codes: 0 ok, 2 usage, 3 system error.  Last stderr line:
 * "floor: N paragraphs, N lines, N pages".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#define MM (72.0 / 25.4)
#define PAGE_W (210.0 * MM)
#define PAGE_H (297.0 * MM)
#define MARGIN_X (22.0 * MM)
#define MARGIN_Y (25.0 * MM)

struct floor_opts {
	const char *fonts;  /* fontconfig file, or NULL: system config */
	const char *family; /* font family, as in the report body */
	double size;        /* pt */
	double leading;     /* baseline distance / size */
	const char *out;
	const char *in;
};

struct floor_stats {
	long paras, lines, pages;
};

static void
usage(FILE *f)
{
	fputs("usage: floor [--fonts FONTS.conf] [--family NAME] [--size PT] "
	      "-o OUT.pdf TEXT\n"
	      "Shapes and draws TEXT (one paragraph a line) as plain A4 pages.\n",
	      f);
}

static int
parse_args(struct floor_opts *o, int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(a, "--help") == 0) {
			usage(stdout);
			exit(0);
		} else if (strcmp(a, "--fonts") == 0 && v) {
			o->fonts = v;
			i++;
		} else if (strcmp(a, "--family") == 0 && v) {
			o->family = v;
			i++;
		} else if (strcmp(a, "--size") == 0 && v) {
			char *end;

			o->size = strtod(v, &end);
			if (*end || o->size <= 0)
				return -1;
			i++;
		} else if (strcmp(a, "-o") == 0 && v) {
			o->out = v;
			i++;
		} else if (a[0] == '-' && a[1]) {
			return -1;
		} else if (!o->in) {
			o->in = a;
		} else {
			return -1;
		}
	}
	return o->in && o->out ? 0 : -1;
}

/* A font map over a private FcConfig loaded from `path` (render's manner). */
static PangoFontMap *
fontmap_new(const char *path)
{
	PangoFontMap *fm;
	FcConfig *cfg;
	char *abs;
	int ok;

	fm = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	if (!fm || !path)
		return fm;
	/* fontconfig reads a relative name from its own directory, not ours */
	abs = g_canonicalize_filename(path, NULL);
	cfg = FcConfigCreate();
	ok = abs && cfg && FcConfigParseAndLoad(cfg, (const FcChar8 *)abs, FcTrue) &&
	     FcConfigBuildFonts(cfg);
	g_free(abs);
	if (!ok) {
		fprintf(stderr, "%s: error: cannot load the fontconfig file\n", path);
		if (cfg)
			FcConfigDestroy(cfg);
		g_object_unref(fm);
		return NULL;
	}
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fm), cfg);
	FcConfigDestroy(cfg); /* the font map keeps its own reference */
	return fm;
}

/* Sets one paragraph, line by line, starting a page whenever `*y` passes the block. */
static int
draw_para(cairo_t *cr, PangoLayout *lay, const char *text, int len, double pitch, double *y,
          struct floor_stats *st)
{
	PangoLayoutIter *it;

	pango_layout_set_text(lay, text, len);
	it = pango_layout_get_iter(lay);
	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);

		if (*y + pitch > PAGE_H - MARGIN_Y) {
			cairo_show_page(cr);
			st->pages++;
			*y = MARGIN_Y;
		}
		cairo_move_to(cr, MARGIN_X, *y + pitch * 0.8);
		pango_cairo_show_layout_line(cr, line);
		*y += pitch;
		st->lines++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	st->paras++;
	return cairo_status(cr) == CAIRO_STATUS_SUCCESS ? 0 : -1;
}

static int
floor_run(const struct floor_opts *o, const char *text, size_t n, struct floor_stats *st)
{
	PangoFontDescription *fd = NULL;
	cairo_surface_t *surf = NULL;
	PangoFontMap *fm = NULL;
	PangoContext *ctx = NULL;
	PangoLayout *lay = NULL;
	cairo_t *cr = NULL;
	const char *p = text, *end = text + n;
	double pitch = o->size * o->leading, y = MARGIN_Y;
	int ret = -1;

	fm = fontmap_new(o->fonts);
	if (!fm)
		goto out;
	surf = cairo_pdf_surface_create(o->out, PAGE_W, PAGE_H);
	cr = cairo_create(surf);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "%s: error: %s\n", o->out,
		        cairo_status_to_string(cairo_status(cr)));
		goto out;
	}
	ctx = pango_font_map_create_context(fm);
	pango_cairo_update_context(cr, ctx);
	lay = pango_layout_new(ctx);
	fd = pango_font_description_from_string(o->family);
	pango_font_description_set_size(fd, (int)(o->size * PANGO_SCALE));
	pango_layout_set_font_description(lay, fd);
	pango_layout_set_width(lay, (int)((PAGE_W - 2 * MARGIN_X) * PANGO_SCALE));
	pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_indent(lay, (int)(o->size * PANGO_SCALE));
	cairo_set_source_rgb(cr, 0, 0, 0);
	st->pages = 1;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		const char *tab = memchr(p, '\t', (size_t)(e - p));

		if (tab && tab - p <= 3)
			p = tab + 1;
		if (e > p && draw_para(cr, lay, p, (int)(e - p), pitch, &y, st) < 0)
			goto out;
		p = e + 1;
	}
	cairo_show_page(cr);
	cairo_destroy(cr);
	cr = NULL;
	cairo_surface_finish(surf);
	if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "%s: error: %s\n", o->out,
		        cairo_status_to_string(cairo_surface_status(surf)));
		goto out;
	}
	ret = 0;
out:
	if (fd)
		pango_font_description_free(fd);
	if (lay)
		g_object_unref(lay);
	if (ctx)
		g_object_unref(ctx);
	if (cr)
		cairo_destroy(cr);
	if (surf)
		cairo_surface_destroy(surf);
	if (fm)
		g_object_unref(fm);
	return ret;
}

int
main(int argc, char **argv)
{
	struct floor_opts o = {NULL, "Report Mincho", 10.5, 1.75, NULL, NULL};
	struct floor_stats st = {0, 0, 0};
	GError *err = NULL;
	gchar *text = NULL;
	gsize n = 0;

	if (parse_args(&o, argc, argv) < 0) {
		usage(stderr);
		return 2;
	}
	if (!o.fonts)
		o.family = strcmp(o.family, "Report Mincho") ? o.family : "BIZ UDMincho";
	if (!g_file_get_contents(o.in, &text, &n, &err)) {
		fprintf(stderr, "%s: error: %s\n", o.in, err->message);
		g_error_free(err);
		return 3;
	}
	if (!g_utf8_validate(text, (gssize)n, NULL)) {
		fprintf(stderr, "%s: error: not UTF-8\n", o.in);
		g_free(text);
		return 3;
	}
	if (floor_run(&o, text, n, &st) < 0) {
		g_free(text);
		return 3;
	}
	g_free(text);
	fprintf(stderr, "floor: %ld paragraphs, %ld lines, %ld pages\n", st.paras, st.lines,
	        st.pages);
	return 0;
}
