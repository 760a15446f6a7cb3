/*
 * utf8: validation with byte offsets, normalization, code point iteration
 * and a code point edit distance: thin wrappers over GLib's g_utf8_* and
 * g_unichar_* (the distance is ours; GLib has none).  Pure helpers: no I/O,
 * no stage knowledge.  Every returned string is malloc()ed: free() it.
 */
#ifndef UTF8_H
#define UTF8_H
#include <stddef.h>

#include "strbuf.h"

/*
 * Checks that s[0..len) is well-formed UTF-8 without NUL bytes.
 * Returns 0, or -1 with *bad set to the offset of the first byte that
 * does not start a valid sequence.
 */
int utf8_validate(const char *s, size_t len, size_t *bad);
/*
 * NFC of the UTF-8 string `s` (inputs.md "Text is ... normalized to NFC").
 * Returns NULL when `s` is not valid UTF-8.
 */
char *utf8_nfc(const char *s);
/*
 * NFKC of `s`: full-width digits and letters become ASCII, ㍻ becomes 平成.
 * Returns NULL when `s` is not valid UTF-8.
 */
char *utf8_nfkc(const char *s);
/*
 * A key for matching names, never for output: NFKC, case-folded, with
 * leading and trailing white space (ASCII and U+3000) removed.  Returns
 * NULL when `s` is not valid UTF-8.
 */
char *utf8_fold(const char *s);
/*
 * Decodes the code point at *p (not at the NUL) and advances *p past it.
 * Returns the code point; a byte that starts no valid sequence is U+FFFD
 * and advances one byte.
 */
unsigned long utf8_next(const char **p);
/* Appends the UTF-8 encoding of `cp`. */
void utf8_put(struct strbuf *sb, unsigned long cp);
/* Levenshtein distance between `a` and `b`, counted in code points. */
size_t utf8_distance(const char *a, const char *b);
/*
 * The first `max` code points of `s`, followed by "…" when `s` was
 * longer.  Returns a new string.
 */
char *utf8_truncate(const char *s, size_t max);

#endif
