#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "i18n.h"
#include "strbuf.h"
#include "xmem.h"

void
diag_init(struct diag *d, FILE *out)
{
	memset(d, 0, sizeof(*d));
	d->out = out;
}

void
diag_release(struct diag *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].column);
		free(d->v[i].message);
		free(d->v[i].shown);
		free(d->v[i].row);
	}
	free(d->v);
	memset(d->v ? d : d, 0, sizeof(*d) - sizeof(d->out));
	d->v = NULL;
	d->n = d->alloc = d->errors = d->warnings = 0;
}

/*
 * The pieces some stages build into a message's %s (ingest's suggestions
 * and the places of other rows), translated in the printed message only:
 * a regular expression and, as the msgid, its replacement.
 */
static const char *const pieces[][2] = {
    {"\\bnearest: ", N_("nearest: ")},
    {"\\bno suggestions after (\\d+) of them", N_("no suggestions after \\1 of them")},
    {"\\bline (\\d+)", N_("line \\1")},
    {"\\brow (\\d+)", N_("row \\1")},
};

/* MSG with the pieces above in the user's language (a new string). */
static char *
translate_pieces(const char *msg)
{
	char *s = g_strdup(msg);
	size_t i;

	for (i = 0; i < sizeof(pieces) / sizeof(pieces[0]); i++) {
		const char *to = _(pieces[i][1]);
		GRegex *re;
		char *t;

		if (to == pieces[i][1])
			continue; /* not translated: English */
		re = g_regex_new(pieces[i][0], 0, 0, NULL);
		t = re ? g_regex_replace(re, s, -1, 0, to, 0, NULL) : NULL;
		if (re)
			g_regex_unref(re);
		if (t) {
			g_free(s);
			s = t;
		}
	}
	return s;
}

static int
vadd(struct diag *d, enum diag_severity sev, const char *file, long line, const char *column,
     const char *row, const char *fmt, va_list ap)
{
	struct diag_entry *e;
	struct strbuf sb = STRBUF_INIT, shown = STRBUF_INIT;
	const char *tfmt = _(fmt);
	va_list ap2;

	/* The record keeps the English message (the draft annex and the
	 * outputs do not depend on the locale); stderr gets the user's
	 * language.  The severity word stays "error"/"warning" so that
	 * FILE:LINE: error: is parsed alike in every language. */
	va_copy(ap2, ap);
	strbuf_vaddf(&sb, fmt, ap);
	if (tfmt != fmt)
		strbuf_vaddf(&shown, tfmt, ap2);
	va_end(ap2);
	if (d->n == d->alloc) {
		d->alloc = d->alloc ? d->alloc * 2 : 16;
		d->v = xreallocarray(d->v, d->alloc, sizeof(*d->v));
	}
	e = &d->v[d->n++];
	e->severity = sev;
	e->file = xstrdup(file ? file : "");
	e->line = line;
	e->column = column ? xstrdup(column) : NULL;
	e->row = row ? xstrdup(row) : NULL;
	e->message = strbuf_detach(&sb);
	/* A message passed whole ("%s", text), such as inventory's verdict
	 * on a file, may itself be in the catalogue. */
	if (strcmp(fmt, "%s") == 0 && shown.buf == NULL && *e->message) {
		const char *t = _(e->message);

		if (t != e->message)
			strbuf_addstr(&shown, t);
	}
	e->shown = NULL;
	if (shown.buf) {
		char *t = translate_pieces(shown.buf);

		e->shown = xstrdup(t);
		g_free(t);
	}
	strbuf_release(&shown);
	if (sev == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
	if (d->out) {
		const char *what = sev == DIAG_ERROR ? "error" : "warning";
		const char *msg = e->shown ? e->shown : e->message;

		if (file && *file && line > 0)
			fprintf(d->out, "%s:%ld: %s: %s\n", file, line, what, msg);
		else if (file && *file)
			fprintf(d->out, "%s: %s: %s\n", file, what, msg);
		else
			fprintf(d->out, "%s: %s\n", what, msg);
	}
	return sev == DIAG_ERROR ? -1 : 0;
}

int
diag_error(struct diag *d, const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vadd(d, DIAG_ERROR, file, line, NULL, NULL, fmt, ap);
	va_end(ap);
	return r;
}

int
diag_warning(struct diag *d, const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vadd(d, DIAG_WARNING, file, line, NULL, NULL, fmt, ap);
	va_end(ap);
	return r;
}

int
diag_add(struct diag *d, enum diag_severity sev, const char *file, long line, const char *column,
         const char *row, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vadd(d, sev, file, line, column, row, fmt, ap);
	va_end(ap);
	return r;
}
