/*
 * chart: <chart kind="bar|line"> as vector boxes in one item: title,
 * unit, legend, axis with "nice" ticks and grid, bars or lines with value
 * labels, category labels, and the source line.  Labels are text boxes in
 * the gothic face, so pdftotext reads them.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout_int.h"
#include "xmem.h"

#define MAXSER 8
#define MAXCAT 64

static const double palette[MAXSER][3] = {
    {0.12, 0.22, 0.39}, {0.77, 0.35, 0.07}, {0.33, 0.51, 0.21}, {0.50, 0.50, 0.50},
    {0.18, 0.46, 0.71}, {0.75, 0.56, 0.0},  {0.44, 0.19, 0.63}, {0.60, 0.20, 0.20},
};

/* 1234567 → "1,234,567"; 12.5 → "12.5" */
static void
fmt_num(char *buf, size_t len, double v)
{
	char tmp[64], *p = tmp;
	size_t o = 0;
	int digits, i;

	if (fabs(v - round(v)) > 1e-9) {
		snprintf(buf, len, "%.1f", v);
		return;
	}
	snprintf(tmp, sizeof(tmp), "%.0f", v);
	if (*p == '-' && o + 1 < len)
		buf[o++] = *p++;
	digits = (int)strlen(p);
	for (i = 0; i < digits && o + 2 < len; i++) {
		if (i > 0 && (digits - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = p[i];
	}
	buf[o] = '\0';
}

static double
nice_step(double range)
{
	double raw = range / 5, mag, f;

	if (raw <= 0)
		return 1;
	mag = pow(10, floor(log10(raw)));
	f = raw / mag;
	if (f <= 1)
		f = 1;
	else if (f <= 2)
		f = 2;
	else if (f <= 2.5)
		f = 2.5;
	else if (f <= 5)
		f = 5;
	else
		f = 10;
	return f * mag;
}

/* Text from baseline y, every line of it; returns the number of lines. */
static int
text_at(struct lctx *c, struct vitem *it, const char *s, const struct model_style *st, double size,
        int bold, double x, double y, double w, enum jl_align al, const double *rgb)
{
	struct jl_para *p = text_para(c, s, st, size, bold, w, al);
	int i, n = jl_para_line_count(p);

	for (i = 0; i < n; i++) {
		struct layout_box *b = vitem_box(it, BOX_TEXT);

		b->para = p;
		b->line = i;
		b->x = x;
		b->y = y + i * size * st->leading;
		if (rgb)
			memcpy(b->color, rgb, sizeof(b->color));
	}
	return n;
}

/* Lines `s` takes at width w. */
static int
text_lines(struct lctx *c, const char *s, const struct model_style *st, double size, int bold,
           double w)
{
	return jl_para_line_count(text_para(c, s, st, size, bold, w, JL_LEFT));
}

static void
line_at(struct vitem *it, double x0, double y0, double x1, double y1, double lw, const double *rgb)
{
	struct layout_box *b = vitem_box(it, BOX_LINE);

	b->x = x0;
	b->y = y0;
	b->w = x1 - x0;
	b->h = y1 - y0;
	b->lw = lw;
	b->stroked = 1;
	if (rgb)
		memcpy(b->color, rgb, sizeof(b->color));
}

/*
 * Bars side by side need each category label to fit under its bar; with
 * many categories (17 ministries) the labels collide.  Then the bars lie
 * down: one row per category, its label in a column on the left.
 */
static int
horizontal(struct lctx *c, const struct model_style *st, double fs, const char **cats, size_t nc,
           double width)
{
	double cw = (width - 4 * fs) / (double)nc;
	size_t j;

	if (nc > 8)
		return 1;
	for (j = 0; j < nc; j++)
		if (para_width(text_para(c, cats[j], st, fs, 0, 1e4, JL_LEFT)) > cw * 0.95)
			return 1;
	return 0;
}

struct hbar {
	const char **cats, **names;
	double (*val)[MAXCAT];
	const char *(*lab)[MAXCAT]; /* the y as written: the value labels */
	int (*has)[MAXCAT];
	size_t nc, ns;
	double vmin, vmax;
};

/* Title, legend and unit; returns the y below them. */
static double
chart_head(struct lctx *c, struct vitem *it, const struct model_node *n,
           const struct model_style *st, double fs, double x, double width, const char **names,
           size_t ns)
{
	const char *title = model_attr(n, "title"), *unit = model_attr(n, "unit");
	static const double black[3] = {0, 0, 0};
	double y = 0;
	char buf[64];
	size_t i;

	if (title && *title) {
		int nl = text_at(c, it, title, st, fs * 1.2, 1, x, y + fs * 1.2, width, JL_CENTER,
		                 black);

		y += fs * 1.2 * st->leading * nl + fs * 0.3;
	}
	if (ns > 1 || (ns == 1 && names[0][0])) {
		double lx = x + width, sw = fs * 0.9;

		for (i = ns; i-- > 0;) {
			struct jl_para *p = text_para(c, names[i], st, fs, 0, width / 2, JL_LEFT);
			double tw = para_width(p);
			struct layout_box *b;

			lx -= tw;
			b = vitem_box(it, BOX_TEXT);
			b->para = p;
			b->x = lx;
			b->y = y + fs;
			lx -= sw + fs * 0.3;
			b = vitem_box(it, BOX_RECT);
			b->x = lx;
			b->y = y + fs * 0.1;
			b->w = sw;
			b->h = sw;
			b->filled = 1;
			memcpy(b->fill, palette[i], sizeof(b->fill));
			lx -= fs;
		}
	}
	if (unit && *unit) {
		snprintf(buf, sizeof(buf), "（%s）", unit);
		text_at(c, it, strlen(unit) < 40 ? buf : unit, st, fs, 0, x, y + fs, width / 2,
		        JL_LEFT, black);
	}
	return y + fs * 1.3 * 1.4;
}

/* Value labels and the source line are set a little smaller than the
 * axis labels, but on slides never under 12 pt (issue 15: the axis labels
 * are 12 pt there, and nothing smaller is read from across a room). */
#define SUB(f, k) (c->doc->slides ? (f) : (f) * (k))

static int
hbar_items(struct lctx *c, const struct model_node *n, const struct hbar *hb,
           const struct model_style *st, double fs, double x, double width, double height,
           int fixed, struct vlist *vl)
{
	static const double grey[3] = {0.75, 0.75, 0.75}, black[3] = {0, 0, 0};
	const char *source = model_attr(n, "source");
	double lh = fs * st->leading, labw = 0, valw = 0, top, rowh, plot_l, plot_r, plot_b;
	double step, lo, hi, v, srch = 0, need;
	struct vitem *it;
	char buf[64], *src = NULL;
	size_t i, j;
	int sl = 0, guard;

	for (j = 0; j < hb->nc; j++) {
		double w = para_width(text_para(c, hb->cats[j], st, fs, 0, width * 0.3, JL_RIGHT));

		if (w > labw)
			labw = w;
	}
	for (i = 0; i < hb->ns; i++) /* room for the widest value label */
		for (j = 0; j < hb->nc; j++) {
			double w;

			if (!hb->has[i][j])
				continue;
			w = para_width(
			    text_para(c, hb->lab[i][j], st, SUB(fs, 0.9), 0, width, JL_LEFT));
			if (w + fs * 0.4 > valw)
				valw = w + fs * 0.4;
		}
	if (source && *source) {
		struct strbuf sb;

		strbuf_init(&sb, 64);
		strbuf_addf(&sb, "出典：%s", source);
		src = strbuf_detach(&sb);
		sl = text_lines(c, src, st, SUB(fs, 0.95), 0, width);
		srch = sl * SUB(fs, 0.95) * st->leading + fs * 0.3;
	}
	it = vlist_add_boxed(c, vl);
	it->before = 6 * c->scale;
	it->after = 8 * c->scale;
	top = chart_head(c, it, n, st, fs, x, width, hb->names, hb->ns) + fs * 0.3;
	/* a row per category, at least a label's line high; each bar as
	 * high as its value label, the bars 72% of the row */
	rowh = hb->ns * SUB(fs, 0.95) / 0.72;
	if (rowh < lh * 1.15)
		rowh = lh * 1.15;
	need = top + hb->nc * rowh + lh * 1.4 + srch;
	if (fixed || need < height) {
		if (need > height && hb->nc > 0) /* squeeze the rows into the room */
			rowh -= (need - height) / (double)hb->nc;
		if (!fixed)
			rowh += (height - need) / (double)hb->nc;
	} else
		height = need;
	it->h = height;
	plot_b = top + hb->nc * rowh;
	plot_l = x + labw + fs * 0.6;
	plot_r = x + width - valw;
	step = nice_step(hb->vmax - hb->vmin > 0 ? hb->vmax - hb->vmin : 1);
	lo = floor(hb->vmin / step) * step;
	hi = ceil(hb->vmax / step) * step;
	if (hi <= lo)
		hi = lo + step;
	/* value axis: grid lines and tick labels under the plot */
	for (v = lo, guard = 0; v <= hi + step / 2 && guard < 100; v += step, guard++) {
		double gx = plot_l + (v - lo) / (hi - lo) * (plot_r - plot_l);

		fmt_num(buf, sizeof(buf), v);
		text_at(c, it, buf, st, fs, 0, gx - 2 * fs, plot_b + fs * 1.2, 4 * fs, JL_CENTER,
		        black);
		line_at(it, gx, top, gx, plot_b, 0.3, v == lo ? black : grey);
	}
	line_at(it, plot_l, plot_b, plot_r, plot_b, 0.6, black);
	for (j = 0; j < hb->nc; j++) {
		double ry = top + j * rowh, gh = rowh * 0.72, bh = gh / (double)hb->ns;
		double zero = plot_l + (0 - lo) / (hi - lo) * (plot_r - plot_l);

		text_at(c, it, hb->cats[j], st, fs, 0, x, ry + rowh / 2 + fs * 0.35, labw, JL_RIGHT,
		        black);
		for (i = 0; i < hb->ns; i++) {
			struct layout_box *b;
			double vx, by = ry + (rowh - gh) / 2 + i * bh;

			if (!hb->has[i][j])
				continue;
			vx = plot_l + (hb->val[i][j] - lo) / (hi - lo) * (plot_r - plot_l);
			b = vitem_box(it, BOX_RECT);
			b->x = vx < zero ? vx : zero;
			b->w = fabs(vx - zero);
			b->y = by + bh * 0.06;
			b->h = bh * 0.88;
			b->filled = 1;
			memcpy(b->fill, palette[i], sizeof(b->fill));
			text_at(c, it, hb->lab[i][j], st, SUB(fs, 0.9), 0,
			        (vx > zero ? vx : zero) + fs * 0.25, by + bh / 2 + fs * 0.3, valw,
			        JL_LEFT, black);
		}
	}
	if (src) {
		text_at(c, it, src, st, SUB(fs, 0.95), 0, x,
		        height - fs * 0.3 - (sl - 1) * SUB(fs, 0.95) * st->leading, width, JL_LEFT,
		        black);
		free(src);
	}
	return 0;
}

/* The alternative text (the pdoc's @alt, which common.xsl's chart-alt
 * makes from the data) rides on the chart's first box: draw.c's
 * figure_alt() takes it to the Figure's /Alt. */
static void
chart_name_alt(const struct model_node *n, struct vlist *vl, size_t from)
{
	const char *alt = model_attr(n, "alt");
	size_t i;

	if (alt == NULL || *alt == '\0')
		return;
	for (i = from; i < vl->n; i++)
		if (vl->v[i].n > 0 && vl->v[i].box[0].name == NULL) {
			vl->v[i].box[0].name = xstrdup(alt);
			return;
		}
}

static int chart_draw(struct lctx *c, const struct model_node *n, double x, double width,
                      double height, struct vlist *vl);

int
chart_items(struct lctx *c, const struct model_node *n, double x, double width, double height,
            struct vlist *vl)
{
	size_t from = vl->n;
	int r = chart_draw(c, n, x, width, height, vl);

	chart_name_alt(n, vl, from);
	return r;
}

static int
chart_draw(struct lctx *c, const struct model_node *n, double x, double width, double height,
           struct vlist *vl)
{
	const char *kind = model_attr(n, "kind"), *source = model_attr(n, "source");
	const struct model_node *s, *pt;
	const char *cats[MAXCAT] = {NULL}, *names[MAXSER] = {NULL};
	double val[MAXSER][MAXCAT];
	const char *lab[MAXSER][MAXCAT]; /* issue 12: labels print the decimal as written */
	int has[MAXSER][MAXCAT];
	size_t ns = 0, nc = 0, i, j;
	struct model_style st = *model_style(c->doc, "small");
	double fs, lh, y, plot_top, plot_bot, plot_l, plot_r, vmin = 0, vmax = 0, step, lo, hi;
	static const double grey[3] = {0.75, 0.75, 0.75}, black[3] = {0, 0, 0};
	int bar = kind == NULL || strcmp(kind, "line") != 0, fixed, years;
	struct vitem *it;
	char buf[64];

	st.font = c->doc->slides ? FONT_PGOTHIC : FONT_GOTHIC;
	st.leading = 1.3;
	fs = (c->doc->slides ? 12 : 8) * c->scale;
	lh = fs * 1.3;
	memset(has, 0, sizeof(has));
	for (s = n->first; s; s = s->next) {
		if (s->kind != M_SERIES || ns == MAXSER)
			continue;
		names[ns] = model_attr(s, "name") ? model_attr(s, "name") : "";
		for (pt = s->first; pt; pt = pt->next) {
			const char *px = model_attr(pt, "x"), *py = model_attr(pt, "y");
			char *end;
			double v;

			if (pt->kind != M_PT || px == NULL || py == NULL)
				continue;
			v = strtod(py, &end);
			if (end == py || !isfinite(v) || fabs(v) > 1e15) {
				diag_warning(c->d, c->doc->path, pt->line,
				             "<pt y=\"%s\">: not a number of at most 15 digits; "
				             "point left out",
				             py);
				continue;
			}
			for (j = 0; j < nc; j++)
				if (strcmp(cats[j], px) == 0)
					break;
			if (j == nc) {
				if (nc == MAXCAT)
					continue;
				cats[nc++] = px;
			}
			val[ns][j] = v;
			lab[ns][j] = model_attr(pt, "label") ? model_attr(pt, "label") : py;
			has[ns][j] = 1;
			if (v > vmax)
				vmax = v;
			if (v < vmin)
				vmin = v;
		}
		ns++;
	}
	if (model_attr(n, "width")) {
		double w = width;

		if (model_length(model_attr(n, "width"), 10.5, width, &w) == 0 && w > 0 &&
		    w < width) {
			x += (width - w) / 2; /* a narrower chart is centred */
			width = w;
		}
	}
	fixed = height > 0; /* a slide frame's room; a flow chart may grow */
	if (height <= 0) {
		height = 62 * 72 / 25.4;
		if (model_attr(n, "height"))
			model_length(model_attr(n, "height"), 10.5, 0, &height);
	}
	if (bar && nc > 0 && ns > 0 && horizontal(c, &st, fs, cats, nc, width)) {
		struct hbar hb = {cats, names, val, lab, has, nc, ns, vmin, vmax};

		return hbar_items(c, n, &hb, &st, fs, x, width, height, fixed, vl);
	}
	it = vlist_add_boxed(c, vl);
	it->h = height;
	it->before = 6 * c->scale;
	it->after = 8 * c->scale;
	y = chart_head(c, it, n, &st, fs, x, width, names, ns);
	plot_top = y + fs * 0.5;
	{
		char *src = NULL;
		int sl = 0;

		if (source && *source) {
			struct strbuf sb;

			strbuf_init(&sb, 64);
			strbuf_addf(&sb, "出典：%s", source);
			src = strbuf_detach(&sb);
			sl = text_lines(c, src, &st, SUB(fs, 0.95), 0, width);
			text_at(c, it, src, &st, SUB(fs, 0.95), 0, x,
			        height - fs * 0.3 - (sl - 1) * SUB(fs, 0.95) * st.leading, width,
			        JL_LEFT, black);
			free(src);
		}
		plot_bot =
		    height - lh * 1.3 - sl * SUB(fs, 0.95) * st.leading - (sl ? fs * 0.3 : 0);
	}
	/* categories that are fiscal years: the x axis is labelled （年度）
	 * under them, at the right (issue 15) */
	for (j = 0, years = nc > 0; j < nc; j++)
		if (strspn(cats[j], "0123456789") != strlen(cats[j]) || strlen(cats[j]) != 4)
			years = 0;
	if (years)
		plot_bot -= lh;
	/* ticks */
	step = nice_step(vmax - vmin > 0 ? vmax - vmin : 1);
	lo = floor(vmin / step) * step;
	hi = ceil(vmax / step) * step;
	if (hi <= lo)
		hi = lo + step;
	if (hi - vmax < step * 0.15 && bar)
		hi += step; /* room for the value labels */
	{
		double labw = 0, v;
		int guard = 0;

		for (v = lo; v <= hi + step / 2 && guard < 100; v += step, guard++) {
			double w;

			fmt_num(buf, sizeof(buf), v);
			w = para_width(text_para(c, buf, &st, fs, 0, width, JL_LEFT));
			if (w > labw)
				labw = w;
		}
		plot_l = x + labw + fs * 0.6;
		plot_r = x + width - fs * 0.5;
		for (v = lo, guard = 0; v <= hi + step / 2 && guard < 100; v += step, guard++) {
			double gy = plot_bot - (v - lo) / (hi - lo) * (plot_bot - plot_top);

			fmt_num(buf, sizeof(buf), v);
			text_at(c, it, buf, &st, fs, 0, x, gy + fs * 0.35, labw, JL_RIGHT, black);
			line_at(it, plot_l, gy, plot_r, gy, 0.3, v == lo ? black : grey);
		}
	}
	line_at(it, plot_l, plot_top, plot_l, plot_bot, 0.6, black);
	if (nc > 0 && ns > 0) {
		double cw = (plot_r - plot_l) / (double)nc;
		double zero = plot_bot - (0 - lo) / (hi - lo) * (plot_bot - plot_top);
		double px[MAXCAT] = {0}, py[MAXCAT] = {0};

		for (j = 0; j < nc; j++)
			text_at(c, it, cats[j], &st, fs, 0, plot_l + j * cw, plot_bot + fs * 1.3,
			        cw, JL_CENTER, black);
		if (years)
			text_at(c, it, "（年度）", &st, fs, 0, plot_l, plot_bot + fs * 1.3 + lh,
			        plot_r - plot_l, JL_RIGHT, black);
		for (i = 0; i < ns; i++) {
			int prev = 0;

			for (j = 0; j < nc; j++) {
				double vy, cx;

				if (!has[i][j]) {
					prev = 0;
					continue;
				}
				vy =
				    plot_bot - (val[i][j] - lo) / (hi - lo) * (plot_bot - plot_top);
				if (bar) {
					double gw = cw * 0.7, bw = gw / (double)ns;
					double bx = plot_l + j * cw + (cw - gw) / 2 + i * bw;
					struct layout_box *b = vitem_box(it, BOX_RECT);

					b->x = bx + bw * 0.06;
					b->w = bw * 0.88;
					b->y = vy < zero ? vy : zero;
					b->h = fabs(zero - vy);
					b->filled = 1;
					memcpy(b->fill, palette[i], sizeof(b->fill));
					text_at(c, it, lab[i][j], &st, SUB(fs, 0.9), 0, bx - fs,
					        vy - fs * 0.35, bw + 2 * fs, JL_CENTER, black);
				} else {
					struct layout_box *b;

					cx = plot_l + j * cw + cw / 2;
					if (prev)
						line_at(it, px[j - 1], py[j - 1], cx, vy, 1.5,
						        palette[i]);
					b = vitem_box(it, BOX_RECT);
					b->x = cx - 2;
					b->y = vy - 2;
					b->w = b->h = 4;
					b->filled = 1;
					memcpy(b->fill, palette[i], sizeof(b->fill));
					text_at(c, it, lab[i][j], &st, SUB(fs, 0.9), 0, cx - cw / 2,
					        vy - fs * 0.6, cw, JL_CENTER, black);
					px[j] = cx;
					py[j] = vy;
					prev = 1;
				}
			}
		}
	}
	return 0;
}
