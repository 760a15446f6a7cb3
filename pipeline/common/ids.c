#include "ids.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "strbuf.h"
#include "utf8.h"
#include "xmem.h"

#define IDS_MAXPARTS 8 /* deeper than any plan: area-field-section-measure */
#define IDS_MAXPART 64 /* bytes of one part: a longer one is no id shape */

/* Kanji printed (or OCRed) in place of a katakana label. */
static const struct {
	unsigned long from, to;
} lookalike[] = {
    {0x4E8C, 0x30CB}, /* 二 → ニ */
    {0x529B, 0x30AB}, /* 力 → カ */
    {0x53E3, 0x30ED}, /* 口 → ロ */
    {0x56D7, 0x30ED}, /* 囗 → ロ */
    {0x5915, 0x30BF}, /* 夕 → タ */
    {0x5DE5, 0x30A8}, /* 工 → エ */
    {0x624D, 0x30AA}, /* 才 → オ */
    {0x535C, 0x30C8}, /* 卜 → ト */
    {0x516B, 0x30CF}, /* 八 → ハ */
    {0x4E09, 0x30DF}, /* 三 → ミ */
    {0x5343, 0x30C1}, /* 千 → チ */
    {0x53C8, 0x30CC}, /* 又 → ヌ */
    {0x5315, 0x30D2}, /* 匕 → ヒ */
};

static unsigned long
label_char(unsigned long c)
{
	size_t i;

	if (c >= 0x30A1 && c <= 0x30F6) /* katakana */
		return c;
	if (c >= 0x3041 && c <= 0x3096) /* hiragana look-alike */
		return c + 0x60;
	if ((c >= 0xFF71 && c <= 0xFF9D) || c == 0xFF66) { /* half-width ｱ…ﾝ, ｦ */
		gunichar full = 0;

		g_unichar_fully_decompose((gunichar)c, TRUE, &full,
		                          1); /* its one full-width kana */
		return full;
	}
	for (i = 0; i < sizeof(lookalike) / sizeof(lookalike[0]); i++)
		if (lookalike[i].from == c)
			return lookalike[i].to;
	return 0;
}

static int
separator(unsigned long c)
{
	if (c < 0x80)
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == '.' ||
		       c == '(' || c == ')' || c == '_' || c == '/' || c == ',' || c == '[' ||
		       c == ']';
	switch (c) {
	case 0x3000:
	case 0x3001:
	case 0x3002: /* 　、。 */
	case 0x2010:
	case 0x2011:
	case 0x2012:
	case 0x2013:
	case 0x2014:
	case 0x2015:
	case 0x2212:
	case 0x30FC:
	case 0x30FB:
	case 0x4E00: /* −ー・一 */
	case 0xFF08:
	case 0xFF09:
	case 0xFF0C:
	case 0xFF0D:
	case 0xFF0E:
	case 0xFF0F:
	case 0xFF3F:
	case 0xFF3B:
	case 0xFF3D:
	case 0xFF61:
	case 0xFF64:
	case 0xFF70:
	case 0x3014:
	case 0x3015:
		return 1;
	}
	return 0;
}

/* Circled and parenthesized numbers ①…⑳, ⑴…⒇, ⒈…⒛: the number, or 0. */
static int
enclosed_number(unsigned long c)
{
	if (c >= 0x2460 && c <= 0x2473)
		return (int)(c - 0x2460 + 1);
	if (c >= 0x2474 && c <= 0x2487)
		return (int)(c - 0x2474 + 1);
	if (c >= 0x2488 && c <= 0x249B)
		return (int)(c - 0x2488 + 1);
	if (c >= 0x24F5 && c <= 0x24FE) /* ⓵…⓾ */
		return (int)(c - 0x24F5 + 1);
	return 0;
}

static int
digit_of(unsigned long c)
{
	if (c >= '0' && c <= '9')
		return (int)(c - '0');
	if (c >= 0xFF10 && c <= 0xFF19)
		return (int)(c - 0xFF10);
	return -1;
}

enum part_kind { PART_NUM, PART_LABEL, PART_GROUP };

char *
ids_normalize(const char *written)
{
	struct strbuf part[IDS_MAXPARTS];
	enum part_kind kind[IDS_MAXPARTS] = {PART_NUM};
	struct strbuf out = STRBUF_INIT;
	char *nfc = utf8_nfc(written);
	const char *p = nfc;
	int n = 0, open = 0, i, ok = 1, want_group = 0;

	if (nfc == NULL) /* not UTF-8: no id shape */
		return NULL;
	for (i = 0; i < IDS_MAXPARTS; i++)
		strbuf_init(&part[i], 0);
	while (*p && ok) {
		unsigned long c = utf8_next(&p), l;
		int d = digit_of(c), e;

		if (d >= 0) {
			if (!(open && (kind[n - 1] == PART_NUM || kind[n - 1] == PART_GROUP))) {
				if (n == IDS_MAXPARTS) {
					ok = 0;
					break;
				}
				kind[n++] = want_group ? PART_GROUP : PART_NUM;
				if (want_group)
					strbuf_addch(&part[n - 1], 'G');
				want_group = 0;
			}
			/* leading zeros dropped: "01" is 1 */
			if (!(d == 0 && part[n - 1].len == (kind[n - 1] == PART_GROUP)))
				strbuf_addch(&part[n - 1], '0' + d);
			if (part[n - 1].len > IDS_MAXPART)
				ok = 0;
			open = 1;
			continue;
		}
		if (want_group) { /* G not followed by digits */
			ok = 0;
			break;
		}
		if ((e = enclosed_number(c)) > 0) {
			if (n == IDS_MAXPARTS) {
				ok = 0;
				break;
			}
			kind[n] = PART_NUM;
			strbuf_addf(&part[n++], "%d", e);
			open = 0;
			continue;
		}
		if (c == 'G' || c == 'g' || c == 0xFF27 || c == 0xFF47) {
			want_group = 1;
			open = 0;
			continue;
		}
		if ((l = label_char(c)) != 0) {
			if (!(open && kind[n - 1] == PART_LABEL)) {
				if (n == IDS_MAXPARTS) {
					ok = 0;
					break;
				}
				kind[n++] = PART_LABEL;
			}
			utf8_put(&part[n - 1], l);
			if (part[n - 1].len > IDS_MAXPART)
				ok = 0;
			open = 1;
			continue;
		}
		if (separator(c)) {
			open = 0;
			continue;
		}
		ok = 0;
	}
	if (want_group || n == 0 || kind[0] != PART_NUM)
		ok = 0;
	/* Numbers first, then at most one label or group number, last. */
	for (i = 1; ok && i < n; i++)
		if (kind[i] != PART_NUM && i != n - 1)
			ok = 0;
	for (i = 0; ok && i < n; i++) {
		if (kind[i] == PART_NUM && part[i].len == 0) /* all zeros: "0" */
			strbuf_addch(&part[i], '0');
		if (kind[i] == PART_GROUP && part[i].len == 1)
			strbuf_addch(&part[i], '0');
		if (i > 0)
			strbuf_addch(&out, '-');
		strbuf_addstr(&out, part[i].buf);
	}
	for (i = 0; i < IDS_MAXPARTS; i++)
		strbuf_release(&part[i]);
	free(nfc);
	if (!ok) {
		strbuf_release(&out);
		return NULL;
	}
	return strbuf_detach(&out);
}
