/*
 * demo: sets paragraphs of Japanese text with jltext into an A4 PDF, for
 * looking at (pdftoppm) and reading back (pdftotext).
 *
 *   demo [-w WIDTH_MM] [-s SIZE_PT] [-f FAMILY] [-n MAXPARAS] [-g] OUT.pdf FILE
 *
 * Every line of FILE with at least 40 characters is one paragraph, set on
 * as many pages as needed (at most MAXPARAS paragraphs).  -g draws the text
 * block's edges in grey.  -t prints the time spent in jltext (build and
 * draw) to stderr.  -p sets the same text with a plain justified PangoLayout
 * instead (the bare pango+cairo floor, for comparison).  Build: sh tests/jltext/build.sh
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "render/jltext.h"

#define MM (72.0 / 25.4)
#define PT(u) ((double)(u) / PANGO_SCALE)

int
main(int argc, char **argv)
{
	double wmm = 166, size = 10.5, y, left = 22 * MM, top = 25 * MM;
	const char *family = "BIZ UDMincho";
	int maxparas = 1000000, guides = 0, timing = 0, plain = 0, nparas = 0, i;
	gint64 t0, tlay = 0;
	PangoFontMap *fm;
	PangoContext *ctx;
	PangoFontDescription *fd;
	cairo_font_options_t *fo;
	cairo_surface_t *surf;
	cairo_t *cr;
	FILE *in;
	char line[65536];
	struct jl_style st;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-w") == 0 && i + 1 < argc)
			wmm = strtod(argv[++i], NULL);
		else if (strcmp(argv[i], "-s") == 0 && i + 1 < argc)
			size = strtod(argv[++i], NULL);
		else if (strcmp(argv[i], "-f") == 0 && i + 1 < argc)
			family = argv[++i];
		else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
			maxparas = (int)strtol(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "-g") == 0)
			guides = 1;
		else if (strcmp(argv[i], "-t") == 0)
			timing = 1;
		else if (strcmp(argv[i], "-p") == 0)
			plain = 1;
		else
			break;
	}
	if (argc - i != 2) {
		fprintf(stderr,
		        "usage: demo [-w MM] [-s PT] [-f FAMILY] [-n N] [-g] OUT.pdf FILE\n");
		return 2;
	}
	in = fopen(argv[i + 1], "r");
	if (in == NULL) {
		perror(argv[i + 1]);
		return 1;
	}
	fm = pango_cairo_font_map_new();
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(fm), 72);
	ctx = pango_font_map_create_context(fm);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(ctx, fo);
	fd = pango_font_description_from_string(family);
	pango_font_description_set_size(fd, (int)(size * PANGO_SCALE));

	surf = cairo_pdf_surface_create(argv[i], 210 * MM, 297 * MM);
	cr = cairo_create(surf);
	st.width = wmm * MM;
	st.first_indent = size;
	st.left_indent = 0;
	st.line_height = size * 1.75;
	st.align = JL_JUSTIFY;
	y = 297 * MM; /* start a page at the first paragraph */
	while (fgets(line, sizeof line, in) && nparas < maxparas) {
		size_t n = strcspn(line, "\r\n");
		struct jl_para *p;
		int k, nl;

		line[n] = '\0';
		if (g_utf8_strlen(line, -1) < 40)
			continue;
		if (plain) {
			PangoLayout *pl;
			PangoLayoutIter *it;

			t0 = g_get_monotonic_time();
			pl = pango_layout_new(ctx);
			pango_layout_set_font_description(pl, fd);
			pango_layout_set_width(pl, (int)(st.width * PANGO_SCALE));
			pango_layout_set_justify(pl, TRUE);
			pango_layout_set_indent(pl, (int)(size * PANGO_SCALE));
			pango_layout_set_text(pl, line, -1);
			it = pango_layout_get_iter(pl);
			do {
				if (y + st.line_height > 297 * MM - top) {
					if (y < 297 * MM)
						cairo_show_page(cr);
					y = top;
				}
				cairo_move_to(
				    cr,
				    left + PT(pango_layout_iter_get_baseline(it) * 0) +
				        (pango_layout_iter_get_line_readonly(it)->is_paragraph_start
				             ? size
				             : 0),
				    y + size);
				pango_cairo_show_layout_line(
				    cr, pango_layout_iter_get_line_readonly(it));
				y += st.line_height;
			} while (pango_layout_iter_next_line(it));
			pango_layout_iter_free(it);
			g_object_unref(pl);
			tlay += g_get_monotonic_time() - t0;
			y += st.line_height * 0.5;
			nparas++;
			continue;
		}
		t0 = g_get_monotonic_time();
		p = jl_para_new(ctx, line, -1, NULL, fd, &st);
		tlay += g_get_monotonic_time() - t0;
		nl = jl_para_line_count(p);
		for (k = 0; k < nl; k++) {
			if (y + st.line_height > 297 * MM - top) {
				if (y < 297 * MM)
					cairo_show_page(cr);
				y = top;
				if (guides) {
					cairo_set_source_rgb(cr, 0.7, 0.7, 0.7);
					cairo_set_line_width(cr, 0.2);
					cairo_move_to(cr, left, top - 10);
					cairo_line_to(cr, left, 297 * MM - top);
					cairo_move_to(cr, left + st.width, top - 10);
					cairo_line_to(cr, left + st.width, 297 * MM - top);
					cairo_stroke(cr);
				}
				cairo_set_source_rgb(cr, 0, 0, 0);
			}
			t0 = g_get_monotonic_time();
			jl_para_draw_line(p, k, cr, left, y + size);
			tlay += g_get_monotonic_time() - t0;
			y += st.line_height;
		}
		y += st.line_height * 0.5;
		jl_para_free(p);
		nparas++;
	}
	fclose(in);
	cairo_destroy(cr);
	cairo_surface_finish(surf);
	if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "demo: %s\n", cairo_status_to_string(cairo_surface_status(surf)));
		return 3;
	}
	cairo_surface_destroy(surf);
	cairo_font_options_destroy(fo);
	pango_font_description_free(fd);
	g_object_unref(ctx);
	g_object_unref(fm);
	fprintf(stderr, "demo: %d paragraphs\n", nparas);
	if (timing)
		fprintf(stderr, "demo: jltext %.1f ms\n", tlay / 1000.0);
	return 0;
}
