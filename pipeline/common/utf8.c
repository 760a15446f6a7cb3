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
	const unsigned char *s = (const unsigned char *)*p;
	unsigned long cp;
	int n, i;

	if (s[0] < 0x80) {
		*p += 1;
		return s[0];
	}
	if ((s[0] & 0xE0) == 0xC0) {
		cp = s[0] & 0x1F;
		n = 1;
	} else if ((s[0] & 0xF0) == 0xE0) {
		cp = s[0] & 0x0F;
		n = 2;
	} else if ((s[0] & 0xF8) == 0xF0) {
		cp = s[0] & 0x07;
		n = 3;
	} else { /* not valid UTF-8: step one byte, U+FFFD */
		*p += 1;
		return 0xFFFD;
	}
	for (i = 1; i <= n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*p += i;
			return 0xFFFD;
		}
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	*p += n + 1;
	return cp;
}

void
utf8_put(struct strbuf *sb, unsigned long cp)
{
	char b[4];
	size_t n;

	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	strbuf_add(sb, b, n);
}

size_t
utf8_length(const char *s)
{
	size_t n = 0;

	while (*s) {
		utf8_next(&s);
		n++;
	}
	return n;
}

/* Decodes into v[0..max); returns the count, or max + 1 when longer. */
static size_t
decode_into(const char *s, unsigned long *v, size_t max)
{
	size_t i = 0;

	while (*s) {
		if (i == max)
			return max + 1;
		v[i++] = utf8_next(&s);
	}
	return i;
}

#define DIST_STACK 128 /* code points handled without allocating */

size_t
utf8_distance(const char *a, const char *b)
{
	unsigned long sa[DIST_STACK], sb[DIST_STACK], *va = sa, *vb = sb;
	size_t row0[DIST_STACK + 1], row1[DIST_STACK + 1];
	size_t na, nb, i, j, r, *prev = row0, *cur = row1;

	na = decode_into(a, sa, DIST_STACK);
	nb = decode_into(b, sb, DIST_STACK);
	if (na > DIST_STACK) {
		na = utf8_length(a);
		va = xcalloc(na + 1, sizeof(*va));
		decode_into(a, va, na);
	}
	if (nb > DIST_STACK) {
		nb = utf8_length(b);
		vb = xcalloc(nb + 1, sizeof(*vb));
		decode_into(b, vb, nb);
		prev = xcalloc(nb + 1, sizeof(*prev));
		cur = xcalloc(nb + 1, sizeof(*cur));
	}
	for (j = 0; j <= nb; j++)
		prev[j] = j;
	for (i = 1; i <= na; i++) {
		size_t *t;

		cur[0] = i;
		for (j = 1; j <= nb; j++) {
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
	if (va != sa)
		free(va);
	if (vb != sb) {
		free(vb);
		free(prev);
		free(cur);
	}
	return r;
}

char *
utf8_truncate(const char *s, size_t max)
{
	const char *p = s;
	size_t n = 0;

	while (*p && n < max) {
		utf8_next(&p);
		n++;
	}
	if (*p == '\0')
		return xstrdup(s);
	{
		struct strbuf sb = STRBUF_INIT;

		strbuf_add(&sb, s, (size_t)(p - s));
		strbuf_addstr(&sb, "…");
		return strbuf_detach(&sb);
	}
}
