/*
 * nfc: NFC normalization with a quick check in front (issue 7).  Every
 * CSV cell and every plan and matrix attribute is normalized, and nearly
 * all of them are NFC already; GLib's g_utf8_normalize() decodes, sorts
 * and recomposes each of them all the same (half of ingest's time on
 * FY2014).  The quick check passes a string whose every character is
 * NFC by itself and never combines with a neighbour.
 */
#ifndef INGEST_NFC_H
#define INGEST_NFC_H

/*
 * 1 when the valid UTF-8 string `s` is certainly NFC (ASCII, kana,
 * kanji, full-width forms, common punctuation and symbols only), 0 when
 * only normalizing can tell.
 */
int nfc_quick(const char *s);
/*
 * `s` in NFC as a new string (free()), or NULL when `s` is not valid
 * UTF-8: common/utf8.c utf8_nfc() without its cost on the common case.
 */
char *nfc_dup(const char *s);

#endif
