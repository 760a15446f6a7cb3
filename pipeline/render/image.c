/*
 * image: PNG, JPEG and SVG pictures (image.h).
 */
#include "image.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib.h>
#include <librsvg/rsvg.h>

enum image_kind { IMAGE_NONE, IMAGE_PNG, IMAGE_JPEG, IMAGE_SVG };

/* By the file's first bytes, never its name. */
static enum image_kind
image_kind(const char *path)
{
	unsigned char head[256];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (f == NULL)
		return IMAGE_NONE;
	n = fread(head, 1, sizeof(head) - 1, f);
	fclose(f);
	head[n] = '\0';
	if (n >= 8 && memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0)
		return IMAGE_PNG;
	if (n >= 3 && memcmp(head, "\xff\xd8\xff", 3) == 0)
		return IMAGE_JPEG;
	if (strstr((const char *)head, "<svg") || strstr((const char *)head, "<?xml"))
		return IMAGE_SVG;
	return IMAGE_NONE;
}

static RsvgHandle *
svg_open(const char *path, double *w, double *h)
{
	RsvgHandle *svg = rsvg_handle_new_from_file(path, NULL);
	gdouble sw = 0, sh = 0;

	if (svg == NULL)
		return NULL;
	if (!rsvg_handle_get_intrinsic_size_in_pixels(svg, &sw, &sh)) {
		RsvgRectangle vb;
		gboolean has_vb = FALSE;

		rsvg_handle_get_intrinsic_dimensions(svg, NULL, NULL, NULL, NULL, &has_vb, &vb);
		if (has_vb) {
			sw = vb.width;
			sh = vb.height;
		}
	}
	*w = sw;
	*h = sh;
	return svg;
}

int
image_size(const char *path, double *w, double *h, char **err)
{
	enum image_kind k = image_kind(path);
	int pw = 0, ph = 0;

	*w = *h = 0;
	if (k == IMAGE_PNG || k == IMAGE_JPEG) {
		if (gdk_pixbuf_get_file_info(path, &pw, &ph) != NULL) {
			*w = pw;
			*h = ph;
		}
	} else if (k == IMAGE_SVG) {
		RsvgHandle *svg = svg_open(path, w, h);

		if (svg)
			g_object_unref(svg);
	} else {
		*err = g_strdup_printf("cannot read '%s' as a PNG, JPEG or SVG picture", path);
		return -1;
	}
	if (!(*w > 0 && *h > 0)) {
		*err = g_strdup_printf("cannot read '%s' as a PNG, JPEG or SVG picture", path);
		return -1;
	}
	return 0;
}

void
image_fit(double iw, double ih, double bw, double bh, double *w, double *h)
{
	double s = bw / iw;

	if (ih * s > bh)
		s = bh / ih;
	*w = iw * s;
	*h = ih * s;
}

/* A JPEG as a cairo surface that carries its own bytes (the PDF embeds them). */
static cairo_surface_t *
jpeg_surface(const char *path)
{
	GdkPixbuf *pb = gdk_pixbuf_new_from_file(path, NULL);
	cairo_surface_t *s;
	gchar *bytes = NULL;
	gsize len = 0;
	int w, h, n, stride, x, y;
	const guchar *src;
	unsigned char *dst;

	if (pb == NULL)
		return NULL;
	w = gdk_pixbuf_get_width(pb);
	h = gdk_pixbuf_get_height(pb);
	n = gdk_pixbuf_get_n_channels(pb);
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	stride = cairo_image_surface_get_stride(s);
	dst = cairo_image_surface_get_data(s);
	src = gdk_pixbuf_read_pixels(pb);
	cairo_surface_flush(s);
	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++) {
			const guchar *p =
			    src + (size_t)y * gdk_pixbuf_get_rowstride(pb) + (size_t)x * n;
			guint32 v = (guint32)p[0] << 16 | (guint32)p[1] << 8 | p[2];

			memcpy(dst + (size_t)y * stride + (size_t)x * 4, &v, 4);
		}
	cairo_surface_mark_dirty(s);
	g_object_unref(pb);
	if (g_file_get_contents(path, &bytes, &len, NULL))
		cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, (unsigned char *)bytes, len,
		                            g_free, bytes);
	return s;
}

int
image_draw(cairo_t *cr, const char *path, double x, double y, double w, double h)
{
	enum image_kind k = image_kind(path);
	cairo_surface_t *s = NULL;
	double iw, ih;

	if (k == IMAGE_SVG) {
		RsvgHandle *svg = svg_open(path, &iw, &ih);
		RsvgRectangle vp = {x, y, w, h};
		int ok;

		if (svg == NULL)
			return -1;
		ok = rsvg_handle_render_document(svg, cr, &vp, NULL);
		g_object_unref(svg);
		return ok ? 0 : -1;
	}
	if (k == IMAGE_PNG)
		s = cairo_image_surface_create_from_png(path);
	else if (k == IMAGE_JPEG)
		s = jpeg_surface(path);
	if (s == NULL || cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		if (s)
			cairo_surface_destroy(s);
		return -1;
	}
	iw = cairo_image_surface_get_width(s);
	ih = cairo_image_surface_get_height(s);
	cairo_save(cr);
	cairo_translate(cr, x, y);
	cairo_scale(cr, w / iw, h / ih);
	cairo_set_source_surface(cr, s, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
	cairo_paint(cr);
	cairo_restore(cr);
	cairo_surface_destroy(s);
	return 0;
}
