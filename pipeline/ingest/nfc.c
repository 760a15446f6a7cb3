#include "nfc.h"

#include <stddef.h>

#include <glib.h>

#include "utf8.h"
#include "xmem.h"

/*
 * Code points with NFC_QC=Yes and combining class 0 that are never the
 * second part of a canonical decomposition: each is NFC alone and cannot
 * compose with what precedes it.  Checked with Python's unicodedata
 * (Unicode 14).  Left out inside these ranges: U+302A-302F (ideographic
 * tone marks, class 218-228) and U+3099-309A (combining voiced marks).
 */
static const struct {
	unsigned long lo, hi;
} safe[] = {
    /* the most frequent in a Japanese text first: kanji, kana, 、。「」 */
    {0x4E00, 0x9FFF}, {0x3030, 0x3098}, {0x309B, 0x30FF}, {0x3000, 0x3029},
    {0xFF00, 0xFFEF}, {0x0000, 0x02FF}, {0x2010, 0x2027}, {0x2030, 0x205E},
    {0x2190, 0x21FF}, {0x2460, 0x24FF}, {0x2500, 0x27BF}, {0x3400, 0x4DBF},
};

int
nfc_quick(const char *s)
{
	const char *p = s;
	size_t i;

	while (*p) {
		unsigned long c;

		if ((unsigned char)*p < 0x80) {
			p++;
			continue;
		}
		c = utf8_next(&p);
		for (i = 0; i < sizeof(safe) / sizeof(safe[0]); i++)
			if (c >= safe[i].lo && c <= safe[i].hi)
				break;
		if (i == sizeof(safe) / sizeof(safe[0]))
			return 0;
	}
	return 1;
}

char *
nfc_dup(const char *s)
{
	if (!g_utf8_validate(s, -1, NULL))
		return NULL;
	return nfc_quick(s) ? xstrdup(s) : utf8_nfc(s);
}
