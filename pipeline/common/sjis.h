/*
 * sjis: per-file encoding detection and decoding to UTF-8 (inputs.md
 * "Encoding and syntax").  A UTF-8 BOM means UTF-8; a UTF-16 BOM (FF FE or
 * FE FF) means UTF-16LE or BE (Excel's 「Unicode テキスト」, issue 12); bytes
 * that are valid UTF-8 are UTF-8; otherwise the bytes are decoded as CP932
 * (what Excel writes on Japanese Windows) through iconv.  Decoding happens before any
 * CSV parsing, so a CP932 trail byte 0x5C (表 = 0x95 0x5C) is never seen
 * as a backslash or anything else.
 */
#ifndef SJIS_H
#define SJIS_H
#include <stddef.h>

enum sjis_encoding { SJIS_UTF8, SJIS_UTF8_BOM, SJIS_CP932, SJIS_UTF16LE, SJIS_UTF16BE };

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
 * invalid in both.  A file with a UTF-16 BOM is UTF-16 or nothing: an odd
 * length, a lone surrogate or U+0000 fails with *bad at that code unit
 * (sjis_bom_utf16() tells the caller which message to give).
 */
int sjis_decode(const char *raw, size_t len, struct sjis_text *out, size_t *bad);
/* 1 (LE) or 2 (BE) when raw starts with a UTF-16 byte order mark, else 0. */
int sjis_bom_utf16(const char *raw, size_t len);
/* Frees the text; safe on an empty or released one. */
void sjis_text_release(struct sjis_text *t);
/* "UTF-8", "UTF-8-BOM", "CP932", "UTF-16LE" or "UTF-16BE", as written in
 * submissions.xml. */
const char *sjis_name(enum sjis_encoding enc);

#endif
