#include "utf8.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "xmem.h"

int
utf8_validate(const char *s, size_t len, size_t *bad)
{
	const gchar *end = NULL;

	/* g_utf8_validate_len() treats an embedded NUL as invalid, as we want. */
	if (g_utf8_validate_len(s, len, &end))
		return 0;
	if (bad)
		*bad = (size_t)(end - s);
	return -1;
}

static char *
normalize(const char *s, GNormalizeMode mode)
{
	gchar *g;
	char *r;

	/* GLib's behaviour on invalid UTF-8 is undefined (it reads past the
	 * end: found by tests/fuzz/fuzz_norm). */
	if (!g_utf8_validate(s, -1, NULL))
		return NULL;
	g = g_utf8_normalize(s, -1, mode);
	if (g == NULL)
		return NULL;
	r = xstrdup(g);
	g_free(g);
	return r;
}

char *
utf8_nfc(const char *s)
{
	return normalize(s, G_NORMALIZE_NFC);
}

char *
utf8_nfkc(const char *s)
{
	return normalize(s, G_NORMALIZE_NFKC);
}

char *
utf8_fold(const char *s)
{
	char *k = utf8_nfkc(s);
	gchar *f;
	struct strbuf sb = STRBUF_INIT;

	if (k == NULL)
		return NULL;
	f = g_utf8_casefold(k, -1);
	strbuf_addstr(&sb, f);
	strbuf_trim(&sb);
	g_free(f);
	free(k);
	return strbuf_detach(&sb);
}

unsigned long
utf8_next(const char **p)
{
	gunichar c = g_utf8_get_char_validated(*p, -1);

	if (c == (gunichar)-1 || c == (gunichar)-2) { /* not UTF-8: one byte, U+FFFD */
		*p += 1;
		return 0xFFFD;
	}
	*p = g_utf8_next_char(*p);
	return c;
}

void
utf8_put(struct strbuf *sb, unsigned long cp)
{
	char b[6];

	strbuf_add(sb, b, (size_t)g_unichar_to_utf8((gunichar)cp, b));
}

/* Levenshtein distance over code points (GLib decodes; it has no distance). */
size_t
utf8_distance(const char *a, const char *b)
{
	glong na, nb;
	gunichar *va = g_utf8_to_ucs4_fast(a, -1, &na), *vb = g_utf8_to_ucs4_fast(b, -1, &nb);
	size_t *prev = xcalloc((size_t)nb + 1, sizeof(*prev));
	size_t *cur = xcalloc((size_t)nb + 1, sizeof(*cur));
	size_t i, j, r;

	for (j = 0; j <= (size_t)nb; j++)
		prev[j] = j;
	for (i = 1; i <= (size_t)na; i++) {
		size_t *t;

		cur[0] = i;
		for (j = 1; j <= (size_t)nb; j++) {
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
			size_t sub = prev[j - 1] + (va[i - 1] != vb[j - 1]);

			cur[j] = del < ins ? del : ins;
			if (sub < cur[j])
				cur[j] = sub;
		}
		t = prev;
		prev = cur;
		cur = t;
	}
	r = prev[nb];
	g_free(va);
	g_free(vb);
	free(prev);
	free(cur);
	return r;
}

char *
utf8_truncate(const char *s, size_t max)
{
	struct strbuf sb = STRBUF_INIT;
	const char *end;

	if ((size_t)g_utf8_strlen(s, -1) <= max)
		return xstrdup(s);
	end = g_utf8_offset_to_pointer(s, (glong)max);
	strbuf_add(&sb, s, (size_t)(end - s));
	strbuf_addstr(&sb, "…");
	return strbuf_detach(&sb);
}
