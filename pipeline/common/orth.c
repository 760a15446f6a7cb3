/*
 * orth: character widths in Japanese text, decided once (orth.h; issue 15).
 * The text is decoded into code points, URLs are marked off, and three
 * passes edit the code points in place: widths of letters and digits,
 * brackets and quotes, the heading number.
 */
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "orth.h"
#include "strbuf.h"
#include "utf8.h"
#include "xmem.h"

struct cps {
	unsigned long *c;
	unsigned char *url; /* 1: inside a URL, left as written */
	size_t n;
};

/* Japanese: CJK, kana, CJK symbols and punctuation, full-width forms. */
static int
is_ja(unsigned long c)
{
	return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0xFF01 && c <= 0xFF60) || (c >= 0xFF61 && c <= 0xFF9F);
}

static int
at(const struct cps *t, size_t i)
{
	return i < t->n ? (int)(t->c[i] < 0x80 ? t->c[i] : 0) : 0;
}

static int
starts(const struct cps *t, size_t i, const char *ascii)
{
	size_t k;

	for (k = 0; ascii[k]; k++)
		if (at(t, i + k) != ascii[k])
			return 0;
	return 1;
}

static void
mark_urls(struct cps *t)
{
	size_t i = 0;

	while (i < t->n) {
		if (starts(t, i, "http://") || starts(t, i, "https://") ||
		    starts(t, i, "mailto:")) {
			int depth = 0; /* a ) closes the URL unless it opened a ( */

			while (i < t->n && t->c[i] > ' ' && t->c[i] < 0x7f && t->c[i] != '"' &&
			       t->c[i] != '<' && t->c[i] != '>' && (t->c[i] != ')' || depth > 0)) {
				depth += t->c[i] == '(' ? 1 : t->c[i] == ')' ? -1 : 0;
				t->url[i++] = 1;
			}
		} else
			i++;
	}
}

static int
fw_digit(unsigned long c)
{
	return c >= 0xFF10 && c <= 0xFF19;
}

/* Whether the digits from `i` on follow a label: 表１ 図２ 別添３ 別紙４. */
static int
after_label(const struct cps *t, size_t i)
{
	unsigned long p = i > 0 ? t->c[i - 1] : 0, q = i > 1 ? t->c[i - 2] : 0;

	return p == 0x8868 /* 表 */ || p == 0x56F3 /* 図 */ ||
	       (q == 0x5225 /* 別 */ && (p == 0x6DFB /* 添 */ || p == 0x7D19 /* 紙 */));
}

/* ＡＢＣ → ABC, ２０１４ → 2014, but a label's number; [from, n) only. */
static void
widths(struct cps *t, size_t from)
{
	size_t i = from;

	while (i < t->n) {
		unsigned long c = t->c[i];

		if (t->url[i]) {
			i++;
			continue;
		}
		if ((c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) {
			t->c[i++] = c - 0xFEE0;
			continue;
		}
		if (fw_digit(c)) {
			size_t j = i;
			int keep = after_label(t, i);

			while (j < t->n && fw_digit(t->c[j])) {
				if (!keep)
					t->c[j] -= 0xFEE0;
				j++;
			}
			i = j;
			continue;
		}
		i++;
	}
}

/* Whether the nearest character from `i` on in direction `dir` (+1, -1),
 * ASCII spaces skipped, is Japanese: 「(1) 評価」 touches 評 once the space
 * between them is dropped (render drops it). */
static int
ja_near(const struct cps *t, size_t i, int dir)
{
	while (i < t->n && t->c[i] == ' ')
		i = dir > 0 ? i + 1 : i - 1; /* below 0 wraps past n */
	return i < t->n && is_ja(t->c[i]);
}

/* ( ) next to or around Japanese → （ ）; "…" around Japanese → 「…」. */
static void
brackets(struct cps *t)
{
	size_t *stack = xcalloc(t->n + 1, sizeof(*stack)), sp = 0, i, k;
	size_t q = (size_t)-1;

	for (i = 0; i < t->n; i++) {
		if (t->url[i])
			continue;
		if (t->c[i] == '(') {
			stack[sp++] = i;
		} else if (t->c[i] == ')') {
			int ja = ja_near(t, i + 1, 1) || (i > 0 && ja_near(t, i - 1, -1));

			if (sp > 0) {
				size_t o = stack[--sp];

				ja = ja || (o > 0 && ja_near(t, o - 1, -1)) || ja_near(t, o + 1, 1);
				if (ja)
					t->c[o] = 0xFF08; /* （ */
			}
			if (ja)
				t->c[i] = 0xFF09; /* ） */
		} else if (t->c[i] == '"' || t->c[i] == 0x201C || t->c[i] == 0x201D) {
			if (q == (size_t)-1) {
				if (t->c[i] != 0x201D)
					q = i;
				continue;
			}
			{
				/* Japanese inside, and Japanese (or the text's edge)
				 * outside: =HYPERLINK("…","見直し") is left alone */
				int ja = 0, out = (q == 0 || ja_near(t, q - 1, -1)) ||
				                  i + 1 >= t->n || ja_near(t, i + 1, 1);

				for (k = q + 1; out && !ja && k < i; k++)
					ja = is_ja(t->c[k]);
				if (ja) {
					t->c[q] = 0x300C; /* 「 */
					t->c[i] = 0x300D; /* 」 */
				}
			}
			q = (size_t)-1;
		}
	}
	/* ( left open: by what touches it */
	while (sp > 0) {
		size_t o = stack[--sp];

		if ((o > 0 && ja_near(t, o - 1, -1)) || ja_near(t, o + 1, 1))
			t->c[o] = 0xFF08;
	}
	free(stack);
}

static char *
convert(const char *s, int heading)
{
	struct cps t;
	struct strbuf sb;
	const char *p = s;
	size_t i, lead = 0;

	t.n = 0;
	t.c = xcalloc(strlen(s) + 1, sizeof(*t.c));
	t.url = xcalloc(strlen(s) + 1, 1);
	while (*p)
		t.c[t.n++] = utf8_next(&p);
	mark_urls(&t);
	/* a heading's number: digits, then white space, then the title */
	if (heading) {
		while (lead < t.n &&
		       ((t.c[lead] >= '0' && t.c[lead] <= '9') || fw_digit(t.c[lead])))
			lead++;
		if (lead == 0 && t.n > 2 && fw_digit(t.c[1]) && after_label(&t, 1)) /* 表１ */
			for (lead = 1; lead < t.n && fw_digit(t.c[lead]); lead++)
				;
		else if (lead == 0 && t.n > 3 && fw_digit(t.c[2]) &&
		         after_label(&t, 2)) /* 別添１ */
			for (lead = 2; lead < t.n && fw_digit(t.c[lead]); lead++)
				;
		if (lead > 0 && lead < t.n && (t.c[lead] == ' ' || t.c[lead] == 0x3000) &&
		    lead + 1 < t.n && t.c[lead + 1] != ' ') {
			for (i = 0; i < lead; i++)
				if (t.c[i] <= '9')
					t.c[i] += 0xFEE0;
			t.c[lead] = 0x3000;
		} else
			lead = 0;
	}
	widths(&t, lead);
	brackets(&t);
	strbuf_init(&sb, strlen(s) + 8);
	for (i = 0; i < t.n; i++)
		utf8_put(&sb, t.c[i]);
	free(t.c);
	free(t.url);
	return strbuf_detach(&sb);
}

char *
orth_text(const char *s)
{
	return convert(s ? s : "", 0);
}

char *
orth_heading(const char *s)
{
	return convert(s ? s : "", 1);
}

static void
orth_node(xmlNodePtr n)
{
	xmlNodePtr k;
	xmlAttrPtr a;

	if (n->type == XML_TEXT_NODE && n->content) {
		char *o = orth_text((const char *)n->content);

		if (strcmp(o, (const char *)n->content) != 0)
			xmlNodeSetContent(n, BAD_CAST o);
		free(o);
	}
	if (n->type != XML_ELEMENT_NODE)
		return;
	for (a = n->properties; a; a = a->next) {
		xmlChar *v;
		char *o;

		if (!xmlStrEqual(a->name, BAD_CAST "title"))
			continue;
		v = xmlNodeListGetString(n->doc, a->children, 1);
		o = orth_heading(v ? (const char *)v : "");
		if (v && strcmp(o, (const char *)v) != 0)
			xmlSetProp(n, a->name, BAD_CAST o);
		free(o);
		xmlFree(v);
	}
	for (k = n->children; k; k = k->next)
		orth_node(k);
}

void
orth_tree(xmlNodePtr root)
{
	if (root)
		orth_node(root);
}

/*
 * The language of a passage of text `t`: "en" for a passage in Latin script
 * (letters of the Latin alphabets, digits, punctuation, spaces only) with
 * two words or more in lower case letters (not abbreviations such as NISC,
 * which a Japanese reader spells out), of 8 letters or more; NULL (the
 * document's ja-JP) for anything else.  render sets it as the /Lang of a
 * structure element, html-shared.xsl (xform's xf:lang) as the lang of an element.
 */
/* The words of t[0, len) with a lower-case letter, and their letters; 0
 * when t holds a letter of another script, CJK punctuation or a symbol. */
static int
latin_count(const char *t, size_t len, int *letters, int *words)
{
	const char *q, *end = t + len;
	int wlen = 0, lower = 0;

	*letters = *words = 0;
	for (q = t;; q = g_utf8_next_char(q)) {
		int more = q < end && *q;
		gunichar u = more ? g_utf8_get_char(q) : 0;

		if (more && g_unichar_isalpha(u)) {
			if (u > 0x24f && !(u >= 0x1e00 && u <= 0x1eff))
				return 0; /* a letter of another script */
			wlen++;
			lower |= g_unichar_islower(u);
			continue;
		}
		if (more && (u == '-' || u == '\'' || u == 0x2019) && wlen)
			continue;    /* inside a word */
		if (wlen && lower) { /* a word ends */
			(*words)++;
			*letters += wlen;
		}
		wlen = lower = 0;
		if (!more)
			return 1;
		if (u >= 0x3000 || (u > 0x7f && !g_unichar_isspace(u) && !g_unichar_ispunct(u) &&
		                    !(u >= 0xa0 && u <= 0xbf)))
			return 0; /* CJK punctuation (・、。（）), a symbol */
	}
}

const char *
orth_lang(const char *t)
{
	int letters, words;

	return latin_count(t, strlen(t), &letters, &words) && letters >= 8 && words >= 2 ? "en"
	                                                                                 : NULL;
}

int
orth_latin(const char *t, size_t len)
{
	int letters, words;

	return latin_count(t, len, &letters, &words);
}
