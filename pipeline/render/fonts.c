/*
 * fonts: a private fontconfig configuration from fonts/fonts.conf.
 * FcConfigParseAndLoad into a fresh FcConfig (not the process default, so
 * FONTCONFIG_FILE and ~/.fonts play no part), then a PangoCairo FT font map
 * bound to it with pango_fc_font_map_set_config().
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "fonts.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "strbuf.h"
#include "xmem.h"

struct fonts {
	FcConfig *config;
	PangoFontMap *map;
	PangoContext *ctx;
	FcCharSet *cover[3];           /* union of the pinned faces per family */
	int covered;                   /* fonts_covered(): 1 families checked, -1 failed */
	unsigned char ok[0x10000 / 8]; /* fonts_covered(): BMP code points covered */
};

static const char *families[] = {"Report Mincho", "Report Gothic", "Slide Gothic"};
/* The faces fonts.conf may resolve each family to: first choice, fallback. */
static const char *allowed[3][2] = {
    {"BIZ UDMincho", "Noto Serif CJK JP"},
    {"BIZ UDGothic", "Noto Sans CJK JP"},
    {"BIZ UDPGothic", "Noto Sans CJK JP"},
};

const char *
fonts_family(enum model_font font)
{
	return families[font];
}

/* Binds f->map to f->config and makes the context layout measures with. */
static void
context_new(struct fonts *f)
{
	cairo_font_options_t *fo = cairo_font_options_create();

	/* the font map takes its own reference */
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(f->map), f->config);
	f->ctx = pango_font_map_create_context(f->map);
	/* metrics independent of any device: no hinting */
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(f->ctx, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_language(f->ctx, pango_language_from_string("ja"));
}

struct fonts *
fonts_new(const char *conf, struct diag *d)
{
	struct fonts *f;
	FcFontSet *set;
	char *abs = NULL;

	f = xcalloc(1, sizeof(*f));
	/* fontconfig resolves a relative name against its own directory */
	abs = realpath(conf, NULL);
	if (abs == NULL) {
		diag_error(d, conf, 0, "cannot read the font configuration: %s", strerror(errno));
		goto fail;
	}
	f->config = FcConfigCreate();
	if (f->config == NULL || !FcConfigParseAndLoad(f->config, (const FcChar8 *)abs, FcTrue)) {
		diag_error(d, conf, 0, "cannot load the font configuration");
		goto fail;
	}
	if (!FcConfigBuildFonts(f->config)) {
		diag_error(d, conf, 0, "cannot build the font list");
		goto fail;
	}
	set = FcConfigGetFonts(f->config, FcSetSystem);
	if (set == NULL || set->nfont == 0) {
		diag_error(d, conf, 0,
		           "no font found in the directories it names; install "
		           "fonts-morisawa-bizud-mincho, "
		           "fonts-morisawa-bizud-gothic and fonts-noto-cjk (see fonts/README.md)");
		goto fail;
	}
	/* also the process default: pango's font map otherwise loads the
	 * system configuration in a thread of its own (FcInit), which is slow,
	 * leaks, and makes FcFini() assert */
	FcConfigSetCurrent(f->config);
	f->map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	if (f->map == NULL) {
		diag_error(d, conf, 0, "cannot create a FreeType font map");
		goto fail;
	}
	context_new(f);
	free(abs);
	return f;
fail:
	free(abs);
	fonts_free(f);
	return NULL;
}

void
fonts_free(struct fonts *f)
{
	int i;

	if (f == NULL)
		return;
	for (i = 0; i < 3; i++)
		if (f->cover[i])
			FcCharSetDestroy(f->cover[i]);
	if (f->ctx)
		g_object_unref(f->ctx);
	if (f->map) {
		/* pango keeps the map alive in its caches: hand back the config
		 * explicitly so that it is released (valgrind: no leak) */
		pango_fc_font_map_cache_clear(PANGO_FC_FONT_MAP(f->map));
		pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(f->map), NULL);
		g_object_unref(f->map);
	}
	if (f->config)
		FcConfigDestroy(f->config);
	free(f);
}

PangoContext *
fonts_context(struct fonts *f)
{
	return f->ctx;
}

PangoFontDescription *
fonts_desc(enum model_font font, double size, int bold)
{
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, families[font]);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	return fd;
}

/* Resolves family `i`; builds the union charset of its allowed faces. */
static int
check_family(struct fonts *f, int i, const char *conf, struct diag *d)
{
	FcPattern *pat, *match;
	FcResult res;
	FcChar8 *fam = NULL;
	FcFontSet *set;
	int ret = 0, k, j;

	pat = FcPatternCreate();
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)families[i]);
	FcPatternAddString(pat, FC_LANG, (const FcChar8 *)"ja");
	FcConfigSubstitute(f->config, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	match = FcFontMatch(f->config, pat, &res);
	if (match == NULL || FcPatternGetString(match, FC_FAMILY, 0, &fam) != FcResultMatch) {
		ret = diag_error(d, conf, 0, "font family '%s' resolves to no font", families[i]);
		goto out;
	}
	if (strcmp((const char *)fam, allowed[i][0]) == 0)
		;
	else if (strcmp((const char *)fam, allowed[i][1]) == 0)
		diag_warning(d, conf, 0, "font family '%s': %s is not installed, using %s",
		             families[i], allowed[i][0], allowed[i][1]);
	else {
		ret = diag_error(
		    d, conf, 0,
		    "font family '%s' resolves to '%s', not to %s or %s; install "
		    "fonts-morisawa-bizud-mincho, fonts-morisawa-bizud-gothic, fonts-noto-cjk",
		    families[i], fam, allowed[i][0], allowed[i][1]);
		goto out;
	}
	if (f->cover[i])
		FcCharSetDestroy(f->cover[i]); /* checked again (fonts_covered first) */
	f->cover[i] = FcCharSetCreate();
	set = FcConfigGetFonts(f->config, FcSetSystem);
	for (k = 0; set && k < set->nfont; k++) {
		FcChar8 *ff;
		FcCharSet *cs;

		for (j = 0; FcPatternGetString(set->fonts[k], FC_FAMILY, j, &ff) == FcResultMatch;
		     j++) {
			if (strcmp((const char *)ff, allowed[i][0]) == 0 ||
			    strcmp((const char *)ff, allowed[i][1]) == 0) {
				if (FcPatternGetCharSet(set->fonts[k], FC_CHARSET, 0, &cs) ==
				    FcResultMatch)
					FcCharSetMerge(f->cover[i], cs, NULL);
				break;
			}
		}
	}
out:
	if (match)
		FcPatternDestroy(match);
	FcPatternDestroy(pat);
	return ret;
}

struct seen {
	gunichar *v;
	const char **src; /* the submission row it was reported for, or NULL */
	size_t n;
	unsigned char ok[0x10000 / 8]; /* BMP code points found covered: each
						 * is looked up in the charsets once */
};

/*
 * The file of `src` ("file.csv:12", the submission row a text came from:
 * the user fixes it there) as a new string, and its line in *line; NULL
 * when `src` is not FILE:LINE.
 */
static char *
src_file(const char *src, long *line)
{
	const char *colon = src ? strrchr(src, ':') : NULL;
	char *end;

	if (colon == NULL || colon == src)
		return NULL;
	errno = 0;
	*line = strtol(colon + 1, &end, 10);
	if (errno || end == colon + 1 || *end || *line <= 0)
		return NULL;
	return xstrndup(src, (size_t)(colon - src));
}

/* Reports an uncovered character: at `src` (src_file()), else at the .pdoc line. */
static int
report_char(const struct model_doc *doc, long line, const char *src, gunichar ch, const char *utf8,
            struct diag *d)
{
	long l = 0;
	char *file = src_file(src, &l);

	if (file) {
		int ret = diag_error(
		    d, file, l,
		    "character U+%04X '%s' is in none of the pinned fonts (fonts/fonts.conf); "
		    "replace it in the CSV cell (%s line %ld)",
		    (unsigned)ch, utf8, doc->path, line);

		free(file);
		return ret;
	}
	return diag_error(
	    d, doc->path, line,
	    "character U+%04X '%s' is in none of the pinned fonts (fonts/fonts.conf); "
	    "it would print as a blank box",
	    (unsigned)ch, utf8);
}

/* Is `ch` in one of the pinned faces (line breaks and tabs always are)?
 * `ok` remembers the BMP code points found covered. */
static int
char_covered(const struct fonts *f, unsigned char *ok, gunichar ch)
{
	int i;

	if (ch == '\n' || ch == '\r' || ch == '\t')
		return 1;
	if (ch < 0x10000 && (ok[ch >> 3] & (1u << (ch & 7))))
		return 1;
	for (i = 0; i < 3; i++)
		if (f->cover[i] && FcCharSetHasChar(f->cover[i], ch))
			break;
	if (i == 3)
		return 0;
	if (ch < 0x10000)
		ok[ch >> 3] |= (unsigned char)(1u << (ch & 7));
	return 1;
}

/* 1 the first time `ch` is met in row `src` (or outside rows, NULL): it is
 * remembered; 0 after. */
static int
seen_first(struct seen *seen, gunichar ch, const char *src)
{
	size_t k;

	for (k = 0; k < seen->n; k++)
		if (seen->v[k] == ch && (seen->src[k] == src ||
		                         (src && seen->src[k] && strcmp(seen->src[k], src) == 0)))
			return 0;
	seen->v = xreallocarray(seen->v, seen->n + 1, sizeof(*seen->v));
	seen->src = xreallocarray(seen->src, seen->n + 1, sizeof(*seen->src));
	seen->src[seen->n] = src;
	seen->v[seen->n++] = ch;
	return 1;
}

/* Reports each character of `s` that no pinned face covers, once per
 * submission row (`src`, may be NULL) or once in all for the rest. */
static int
check_string(struct fonts *f, const struct model_doc *doc, const char *s, long line,
             const char *src, struct seen *seen, struct diag *d)
{
	const char *p;
	int ret = 0;

	if (!g_utf8_validate(s, -1, NULL))
		return diag_error(d, doc->path, line, "text is not valid UTF-8");
	for (p = s; *p; p = g_utf8_next_char(p)) {
		gunichar ch = g_utf8_get_char(p);

		if (char_covered(f, seen->ok, ch) || !seen_first(seen, ch, src))
			continue;
		{
			char buf[8];
			int len = g_unichar_to_utf8(ch, buf);

			buf[len] = '\0';
			ret = report_char(doc, line, src, ch, buf, d);
		}
	}
	return ret;
}

/* `src` is the nearest src="file.csv:12" of n's ancestors (report.xsl
 * puts it on every <p>, <li> and <td> made from a submission row). */
static int
check_text(struct fonts *f, const struct model_doc *doc, const struct model_node *n,
           const char *src, struct seen *seen, struct diag *d)
{
	const struct model_node *c;
	int ret = 0;
	char **a;

	if (model_attr(n, "src") && *model_attr(n, "src"))
		src = model_attr(n, "src");
	if (n->kind == M_TEXT && n->text &&
	    check_string(f, doc, n->text, n->line, src, seen, d) < 0)
		ret = -1;
	/* titles, labels, chart categories and sources are attributes */
	if (n->attr)
		for (a = n->attr; a[0]; a += 2)
			if (strcmp(a[0], "src") != 0 &&
			    check_string(f, doc, a[1], n->line, src, seen, d) < 0)
				ret = -1;
	for (c = n->first; c; c = c->next)
		if (check_text(f, doc, c, src, seen, d) < 0)
			ret = -1;
	return ret;
}

int
fonts_check(struct fonts *f, const struct model_doc *doc, struct diag *d)
{
	struct seen seen;
	int ret = 0, i;
	size_t t;

	memset(&seen, 0, sizeof(seen));
	for (i = 0; i < 3; i++)
		if (check_family(f, i, "fonts.conf", d) < 0)
			ret = -1;
	if (ret < 0)
		return ret;
	if (check_text(f, doc, doc->root, NULL, &seen, d) < 0)
		ret = -1;
	if ((doc->title && check_string(f, doc, doc->title, 0, NULL, &seen, d) < 0))
		ret = -1;
	for (t = 0; t < doc->ntemplates; t++) {
		if (doc->templates[t].header &&
		    check_text(f, doc, doc->templates[t].header, NULL, &seen, d) < 0)
			ret = -1;
		if (doc->templates[t].footer &&
		    check_text(f, doc, doc->templates[t].footer, NULL, &seen, d) < 0)
			ret = -1;
	}
	free(seen.v);
	free(seen.src);
	return ret;
}

/* Every character of `s` covered by one of the pinned faces? */
static int
covered_string(struct fonts *f, const char *s)
{
	const char *p;

	if (!g_utf8_validate(s, -1, NULL))
		return -1;
	for (p = s; *p; p = g_utf8_next_char(p))
		if (!char_covered(f, f->ok, g_utf8_get_char(p)))
			return -1;
	return 0;
}

int
fonts_covered(struct fonts *f, const struct model_node *n)
{
	const struct model_node *c;
	char **a;

	if (f->covered == 0) {
		struct diag quiet;
		int i;

		diag_init(&quiet, NULL);
		f->covered = 1;
		for (i = 0; i < 3; i++)
			if (check_family(f, i, "fonts.conf", &quiet) < 0)
				f->covered = -1;
		diag_release(&quiet);
	}
	if (f->covered < 0)
		return -1;
	if (n->kind == M_TEXT && n->text && covered_string(f, n->text) < 0)
		return -1;
	if (n->attr)
		for (a = n->attr; a[0]; a += 2)
			if (strcmp(a[0], "src") != 0 && covered_string(f, a[1]) < 0)
				return -1;
	for (c = n->first; c; c = c->next)
		if (fonts_covered(f, c) < 0)
			return -1;
	return 0;
}

/* Resolves the families once (fonts_covered() may have done it quietly). */
int
fonts_resolve(struct fonts *f, struct diag *d)
{
	int i;

	f->covered = 1;
	for (i = 0; i < 3; i++)
		if (check_family(f, i, "fonts.conf", d) < 0)
			f->covered = -1;
	return f->covered < 0 ? -1 : 0;
}

int
fonts_has_char(struct fonts *f, gunichar ch)
{
	return char_covered(f, f->ok, ch);
}

/* The draft's warning for a replaced character: at the CSV row it came
 * from (src_file()), else at the .pdoc line. */
static void
placeholder_warn(const struct model_doc *doc, long line, const char *src, gunichar ch,
                 struct diag *d)
{
	long l = 0;
	char *file = src_file(src, &l);

	if (file) {
		diag_warning(
		    d, file, l,
		    "draft: character U+%04X is in none of the pinned fonts; printed as [U+%04X] "
		    "(%s line %ld)",
		    (unsigned)ch, (unsigned)ch, doc->path, line);
		free(file);
		return;
	}
	diag_warning(d, doc->path, line,
	             "draft: character U+%04X is in none of the pinned fonts; printed as [U+%04X]",
	             (unsigned)ch, (unsigned)ch);
}

/*
 * `s` with each uncovered character replaced by "[U+XXXX]", or NULL when
 * every character is covered (or `s` is not UTF-8: fonts_check() says so).
 * Each replaced character is reported as a warning once per row (`src`).
 */
static char *
placeholder_string(struct fonts *f, const struct model_doc *doc, const char *s, long line,
                   const char *src, struct seen *seen, struct diag *d, long *count)
{
	struct strbuf sb;
	const char *p, *done = s;

	if (!g_utf8_validate(s, -1, NULL))
		return NULL;
	for (p = s; *p; p = g_utf8_next_char(p))
		if (!char_covered(f, f->ok, g_utf8_get_char(p)))
			break;
	if (*p == '\0')
		return NULL;
	strbuf_init(&sb, strlen(s) + 16);
	for (; *p; p = g_utf8_next_char(p)) {
		gunichar ch = g_utf8_get_char(p);

		if (char_covered(f, f->ok, ch))
			continue;
		strbuf_add(&sb, done, (size_t)(p - done));
		strbuf_addf(&sb, "[U+%04X]", (unsigned)ch);
		done = g_utf8_next_char(p);
		(*count)++;
		if (seen_first(seen, ch, src))
			placeholder_warn(doc, line, src, ch, d);
	}
	strbuf_addstr(&sb, done);
	return strbuf_detach(&sb);
}

static void
placeholder_node(struct fonts *f, const struct model_doc *doc, struct model_node *n,
                 const char *src, struct seen *seen, struct diag *d, long *count)
{
	struct model_node *c;
	char **a, *r;

	if (model_attr(n, "src") && *model_attr(n, "src"))
		src = model_attr(n, "src");
	if (n->kind == M_TEXT && n->text &&
	    (r = placeholder_string(f, doc, n->text, n->line, src, seen, d, count)) != NULL) {
		free(n->text);
		n->text = r;
	}
	if (n->attr)
		for (a = n->attr; a[0]; a += 2)
			if (strcmp(a[0], "src") != 0 &&
			    (r = placeholder_string(f, doc, a[1], n->line, src, seen, d, count)) !=
			        NULL) {
				free(a[1]);
				a[1] = r;
			}
	for (c = n->first; c; c = c->next)
		placeholder_node(f, doc, c, src, seen, d, count);
}

static void
placeholder_plain(struct fonts *f, const struct model_doc *doc, char **s, struct seen *seen,
                  struct diag *d, long *count)
{
	char *r;

	if (*s && (r = placeholder_string(f, doc, *s, 0, NULL, seen, d, count)) != NULL) {
		free(*s);
		*s = r;
	}
}

long
fonts_placeholders(struct fonts *f, struct model_doc *doc, struct diag *d)
{
	struct seen seen;
	struct diag quiet;
	long count = 0;
	size_t t;

	diag_init(&quiet, NULL);
	if (fonts_resolve(f, &quiet) < 0) { /* fonts_check() reports it */
		diag_release(&quiet);
		return -1;
	}
	diag_release(&quiet);
	memset(&seen, 0, sizeof(seen));
	placeholder_node(f, doc, doc->root, NULL, &seen, d, &count);
	placeholder_plain(f, doc, &doc->title, &seen, d, &count);
	for (t = 0; t < doc->ntoc; t++)
		placeholder_plain(f, doc, &doc->toc[t].text, &seen, d, &count);
	for (t = 0; t < doc->ntemplates; t++) {
		if (doc->templates[t].header)
			placeholder_node(f, doc, doc->templates[t].header, NULL, &seen, d, &count);
		if (doc->templates[t].footer)
			placeholder_node(f, doc, doc->templates[t].footer, NULL, &seen, d, &count);
	}
	free(seen.v);
	free(seen.src);
	return count;
}
