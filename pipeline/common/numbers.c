#include "numbers.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>

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

/* "E+3", "e-2", "E5" at p: an exponent (after at least one digit). */
static int
exponent(const char *p)
{
	if (*p != 'e' && *p != 'E')
		return 0;
	p++;
	if (*p == '+' || *p == '-')
		p++;
	return is_digit(*p);
}

/* Infinity, inf, NaN (any case) or ∞: what strtod would take as a number. */
static int
not_finite(const char *p)
{
	static const char *const words[] = {"inf", "infinity", "nan", "∞"};
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (g_ascii_strcasecmp(p, words[i]) == 0)
			return 1;
	return 0;
}

int
numbers_value(const char *s, char **canon, int *percent)
{
	char *t = prepare(s), *p = t;
	struct strbuf sb = STRBUF_INIT;
	int neg = 0, pct = 0, ndig = 0, group = -1, nonzero = 0, sig = 0;
	int ret = NUMBERS_NOT_NUMBER;
	size_t len;

	if (t == NULL) /* not UTF-8 */
		return NUMBERS_NOT_NUMBER;
	if (strncmp(p, "▲", strlen("▲")) == 0 || strncmp(p, "△", strlen("△")) == 0) {
		neg = 1;
		p += strlen("▲");
	} else if (*p == '-' || strncmp(p, "−", strlen("−")) == 0) {
		neg = 1;
		p += *p == '-' ? 1 : strlen("−");
	} else if (*p == '+')
		p++;
	if (not_finite(p)) {
		ret = NUMBERS_NOT_FINITE;
		goto fail;
	}
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
			if (nonzero)
				sig++;
		} else if (ndig > 0 && exponent(p)) {
			ret = NUMBERS_EXPONENT;
			goto fail;
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
			if (nfrac > 0 && exponent(p))
				ret = NUMBERS_EXPONENT;
			if (!is_digit(*p))
				goto fail;
			if (*p != '0')
				nonzero = 1;
			if (nonzero)
				sig++;
			strbuf_addch(&sb, *p);
			nfrac++;
		}
		if (nfrac == 0)
			goto fail;
	}
	if (sig > NUMBERS_MAX_DIGITS) {
		ret = NUMBERS_TOO_LONG;
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
	return ret;
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

/* s without sign, leading zeros, trailing fraction zeros: *i integer
 * digits (points into s), *il their count, *f fraction digits, *fl. */
static void
decimal_parts(const char *s, const char **i, size_t *il, const char **f, size_t *fl)
{
	const char *dot;

	while (*s == '0')
		s++;
	dot = strchr(s, '.');
	*i = s;
	*il = dot ? (size_t)(dot - s) : strlen(s);
	*f = dot ? dot + 1 : "";
	*fl = strlen(*f);
	while (*fl > 0 && (*f)[*fl - 1] == '0')
		(*fl)--;
}

/* |a| against |b|, both canonical without sign. */
static int
cmp_abs(const char *a, const char *b)
{
	const char *ai, *af, *bi, *bf;
	size_t ail, afl, bil, bfl, k;
	int c;

	decimal_parts(a, &ai, &ail, &af, &afl);
	decimal_parts(b, &bi, &bil, &bf, &bfl);
	if (ail != bil)
		return ail < bil ? -1 : 1;
	if ((c = strncmp(ai, bi, ail)) != 0)
		return c < 0 ? -1 : 1;
	for (k = 0; k < afl || k < bfl; k++) {
		char x = k < afl ? af[k] : '0', y = k < bfl ? bf[k] : '0';

		if (x != y)
			return x < y ? -1 : 1;
	}
	return 0;
}

int
numbers_cmp(const char *a, const char *b)
{
	int na = *a == '-', nb = *b == '-', c = cmp_abs(a + na, b + nb);

	if (c == 0 && na == nb)
		return 0;
	if (na != nb && (c != 0 || cmp_abs(a + na, "0") != 0))
		return na ? -1 : 1;
	if (na != nb)
		return 0; /* -0 and 0 */
	return na ? -c : c;
}
