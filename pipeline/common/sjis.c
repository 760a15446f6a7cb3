#include "sjis.h"

#include <errno.h>
#include <glib.h>
#include <string.h>
#include <stdlib.h>

#include "utf8.h"
#include "xmem.h"

const char *
sjis_name(enum sjis_encoding enc)
{
	switch (enc) {
	case SJIS_UTF8_BOM:
		return "UTF-8-BOM";
	case SJIS_CP932:
		return "CP932";
	case SJIS_UTF16LE:
		return "UTF-16LE";
	case SJIS_UTF16BE:
		return "UTF-16BE";
	default:
		return "UTF-8";
	}
}

void
sjis_text_release(struct sjis_text *t)
{
	free(t->buf);
	t->buf = NULL;
	t->len = 0;
}

static void
take_copy(struct sjis_text *out, const char *s, size_t len, enum sjis_encoding enc)
{
	out->buf = xmalloc(len + 1);
	memcpy(out->buf, s, len);
	out->buf[len] = '\0';
	out->len = len;
	out->enc = enc;
}

/*
 * raw[skip..len) from the encoding `from` to UTF-8 through iconv (GLib's
 * g_iconv: glibc marks iconv_open's result as allocated, even the
 * (iconv_t)-1 of a failure, which gcc's -fanalyzer then reports as a
 * leak).  `cap` bytes of output are enough.  0, or -1 with *bad = the
 * offset in raw of the failure.
 */
static int
convert(const char *from, const char *raw, size_t skip, size_t len, size_t cap,
        struct sjis_text *out, size_t *bad)
{
	GIConv cd = g_iconv_open("UTF-8", from);
	char *in = (char *)raw + skip, *o;
	size_t inleft = len - skip, oleft = cap;

	if (cd == (GIConv)-1) {
		*bad = 0;
		return -1;
	}
	out->buf = xmalloc(cap + 1);
	o = out->buf;
	if (g_iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1 ||
	    g_iconv(cd, NULL, NULL, &o, &oleft) == (size_t)-1) {
		*bad = (size_t)(in - raw);
		g_iconv_close(cd);
		sjis_text_release(out);
		return -1;
	}
	g_iconv_close(cd);
	out->len = cap - oleft;
	out->buf[out->len] = '\0';
	return 0;
}

/* Decodes CP932.  0, or -1 with *bad = offset of the failure. */
static int
from_cp932(const char *raw, size_t len, struct sjis_text *out, size_t *bad)
{
	/* A NUL is not text in any encoding we accept. */
	const char *nul = memchr(raw, '\0', len);

	if (nul) {
		*bad = (size_t)(nul - raw);
		return -1;
	}
	/* a CP932 byte never needs more than 3 UTF-8 bytes */
	if (convert("CP932", raw, 0, len, len * 3 + 4, out, bad) < 0)
		return -1;
	out->enc = SJIS_CP932;
	return 0;
}

int
sjis_bom_utf16(const char *raw, size_t len)
{
	if (len >= 2 && memcmp(raw, "\xFF\xFE", 2) == 0)
		return 1;
	if (len >= 2 && memcmp(raw, "\xFE\xFF", 2) == 0)
		return 2;
	return 0;
}

/*
 * UTF-16 after its BOM (raw[2..len)) through iconv.  0, or -1 with *bad =
 * the offset in raw of the code unit that fails: U+0000 (not text), a
 * lone surrogate, or a last byte without its pair.
 */
static int
from_utf16(const char *raw, size_t len, int be, struct sjis_text *out, size_t *bad)
{
	size_t i;

	for (i = 2; i + 1 < len; i += 2)
		if (raw[i] == '\0' && raw[i + 1] == '\0') {
			*bad = i;
			return -1;
		}
	/* a code unit never needs more than 3 UTF-8 bytes */
	if (convert(be ? "UTF-16BE" : "UTF-16LE", raw, 2, len, (len / 2) * 3 + 4, out, bad) < 0)
		return -1;
	out->enc = be ? SJIS_UTF16BE : SJIS_UTF16LE;
	return 0;
}

int
sjis_decode(const char *raw, size_t len, struct sjis_text *out, size_t *bad)
{
	size_t bad8 = 0, bad932 = 0;

	out->buf = NULL;
	out->len = 0;
	out->enc = SJIS_UTF8;
	if (sjis_bom_utf16(raw, len))
		return from_utf16(raw, len, sjis_bom_utf16(raw, len) == 2, out, bad);
	if (len >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0) {
		if (utf8_validate(raw + 3, len - 3, &bad8) < 0) {
			*bad = bad8 + 3;
			return -1;
		}
		take_copy(out, raw + 3, len - 3, SJIS_UTF8_BOM);
		return 0;
	}
	if (utf8_validate(raw, len, &bad8) == 0) {
		take_copy(out, raw, len, SJIS_UTF8);
		return 0;
	}
	if (from_cp932(raw, len, out, &bad932) == 0) {
		/* iconv's CP932 is lenient about a few unassigned bytes;
		 * the result must still be valid UTF-8. */
		if (utf8_validate(out->buf, out->len, NULL) == 0)
			return 0;
		sjis_text_release(out);
		bad932 = 0;
	}
	*bad = bad8 > bad932 ? bad8 : bad932;
	return -1;
}
