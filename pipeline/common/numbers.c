#include "numbers.h"

#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "utf8.h"
#include "xmem.h"

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* NFKC then trimmed: full-width digits, ％, －, ，, ． become ASCII.  NULL if not UTF-8. */
static char *
prepare(const char *s)
{
	char *k = utf8_nfkc(s);
	struct strbuf sb = STRBUF_INIT;

	if (k == NULL)
		return NULL;
	strbuf_addstr(&sb, k);
	strbuf_trim(&sb);
	free(k);
	return strbuf_detach(&sb);
}

int
numbers_value(const char *s, char **canon, int *percent)
{
	char *t = prepare(s), *p = t;
	struct strbuf sb = STRBUF_INIT;
	int neg = 0, pct = 0, ndig = 0, group = -1, nonzero = 0;
	size_t len;

	if (t == NULL) /* not UTF-8 */
		return -1;
	if (strncmp(p, "▲", strlen("▲")) == 0 || strncmp(p, "△", strlen("△")) == 0) {
		neg = 1;
		p += strlen("▲");
	} else if (*p == '-' || strncmp(p, "−", strlen("−")) == 0) {
		neg = 1;
		p += *p == '-' ? 1 : strlen("−");
	} else if (*p == '+')
		p++;
	len = strlen(p);
	if (len > 0 && p[len - 1] == '%') {
		pct = 1;
		p[--len] = '\0';
		while (len > 0 && p[len - 1] == ' ')
			p[--len] = '\0';
	}
	if (neg)
		strbuf_addch(&sb, '-');
	/* Integer part, with optional thousands separators grouped by three. */
	for (; *p && *p != '.'; p++) {
		if (is_digit(*p)) {
			strbuf_addch(&sb, *p);
			ndig++;
			if (group >= 0)
				group++;
			if (*p != '0')
				nonzero = 1;
		} else if (*p == ',' && ndig > 0 && (group < 0 || group == 3)) {
			group = 0;
		} else
			goto fail;
	}
	if (ndig == 0 || (group >= 0 && group != 3))
		goto fail;
	if (*p == '.') {
		int nfrac = 0;

		strbuf_addch(&sb, '.');
		for (p++; *p; p++) {
			if (!is_digit(*p))
				goto fail;
			if (*p != '0')
				nonzero = 1;
			strbuf_addch(&sb, *p);
			nfrac++;
		}
		if (nfrac == 0)
			goto fail;
	}
	free(t);
	if (neg && !nonzero) { /* "-0" is 0 */
		char *z = xstrdup(sb.buf + 1);

		strbuf_release(&sb);
		*canon = z;
	} else
		*canon = strbuf_detach(&sb);
	*percent = pct;
	return 0;
fail:
	strbuf_release(&sb);
	free(t);
	return -1;
}

/* Reads ASCII digits (1 to 4); returns the number or -1. */
static int
read_int(const char **pp)
{
	const char *p = *pp;
	int v = 0, n = 0;

	while (is_digit(*p) && n < 5) {
		v = v * 10 + (*p - '0');
		p++;
		n++;
	}
	if (n == 0 || n > 4)
		return -1;
	*pp = p;
	return v;
}

static int
skip(const char **pp, const char *word)
{
	size_t n = strlen(word);

	if (strncmp(*pp, word, n) == 0) {
		*pp += n;
		return 1;
	}
	return 0;
}

int
numbers_year(const char *s, int *year)
{
	char *t = prepare(s);
	const char *p = t;
	int base = 0, v;

	if (t == NULL) /* not UTF-8 */
		return -1;
	if (skip(&p, "平成") || skip(&p, "H") || skip(&p, "h"))
		base = 1988;
	else if (skip(&p, "令和") || skip(&p, "R") || skip(&p, "r"))
		base = 2018;
	else if (!skip(&p, "FY") && !skip(&p, "fy") && !skip(&p, "Fy"))
		skip(&p, "");
	while (*p == ' ')
		p++;
	if (base && skip(&p, "元"))
		v = 1;
	else if ((v = read_int(&p)) < 0)
		goto fail;
	while (*p == ' ')
		p++;
	if (!skip(&p, "年度"))
		skip(&p, "年");
	if (*p != '\0')
		goto fail;
	if (base) {
		if (v < 1 || v > 99)
			goto fail;
		v += base;
	}
	if (v < 1900 || v > 2100)
		goto fail;
	free(t);
	*year = v;
	return 0;
fail:
	free(t);
	return -1;
}

int
numbers_cmp(const char *a, const char *b)
{
	double x = strtod(a, NULL), y = strtod(b, NULL);

	if (strcmp(a, b) == 0 || x == y)
		return 0;
	return x < y ? -1 : 1;
}
