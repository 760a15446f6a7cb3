/*
 * image: a picture file (PNG, JPEG or SVG; issue 14, the body's logo on the
 * cover and the title slide) measured for layout and drawn by draw.c.
 * PNG through cairo, JPEG through gdk-pixbuf (the JPEG bytes are kept, so
 * the PDF embeds the file itself), SVG through librsvg (drawn as vectors).
 */
#ifndef RENDER_IMAGE_H
#define RENDER_IMAGE_H

#include <cairo.h>

/*
 * The natural size of the picture at `path` (pixels, or the SVG's own
 * size): 0 with *w and *h > 0, else -1 with a message in `err` (a new
 * string, free()).
 */
int image_size(const char *path, double *w, double *h, char **err);

/* The box within `bw` × `bh` that keeps the aspect ratio `iw` : `ih`,
 * as large as fits: its size in *w, *h. */
void image_fit(double iw, double ih, double bw, double bh, double *w, double *h);

/* Draws the picture at `path` into the rectangle x, y, w, h (its aspect
 * ratio, by image_fit()).  0, or -1 when it cannot be read. */
int image_draw(cairo_t *cr, const char *path, double x, double y, double w, double h);

#endif
