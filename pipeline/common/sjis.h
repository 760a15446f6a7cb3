/*
 * sjis: per-file encoding detection and decoding to UTF-8 (inputs.md
 * "Encoding and syntax").  A UTF-8 BOM means UTF-8; bytes that are valid
 * UTF-8 are UTF-8; otherwise the bytes are decoded as CP932 (what Excel
 * writes on Japanese Windows) through iconv.  Decoding happens before any
 * CSV parsing, so a CP932 trail byte 0x5C (表 = 0x95 0x5C) is never seen
 * as a backslash or anything else.
 */
#ifndef SJIS_H
#define SJIS_H
#include <stddef.h>

enum sjis_encoding { SJIS_UTF8, SJIS_UTF8_BOM, SJIS_CP932 };

struct sjis_text {
	char *buf;              /* UTF-8, NUL-terminated, BOM removed */
	size_t len;             /* bytes in buf, without the NUL */
	enum sjis_encoding enc; /* what the input was */
};

/*
 * Decodes raw[0..len) into `out` (release with sjis_text_release()).
 * Returns 0, or -1 when the bytes are valid in neither UTF-8 nor CP932;
 * then *bad is the offset in `raw` of the first byte that neither
 * encoding accepts (the farther of the two failures, which is where the
 * more plausible encoding broke) and `out` is left empty.  A NUL byte is
 * invalid in both.
 */
int sjis_decode(const char *raw, size_t len, struct sjis_text *out, size_t *bad);
/* Frees the text; safe on an empty or released one. */
void sjis_text_release(struct sjis_text *t);
/* "UTF-8", "UTF-8-BOM" or "CP932", as written in submissions.xml. */
const char *sjis_name(enum sjis_encoding enc);

#endif
