/*
 * orth: the width of characters in Japanese text, decided once, before the
 * model (issue 15; 公用文作成の考え方 (2022), JIS X 4051).  ingest passes
 * every text it copies into the per-area files through it: the plan's and
 * the matrix's text and titles, and the submissions' cells.
 *
 *   - full-width Latin letters and digits become ASCII (ＤＩＩ → DII,
 *     ２０１４ → 2014), but for a heading number and a label's number
 *     (表１, 図２, 別添３, 別紙４: the seeds' form);
 *   - half-width brackets ( ) touching Japanese become （ ）, and ASCII
 *     double quotes around Japanese with Japanese outside become 「 」
 *     (a formula =HYPERLINK("…","見直し") is left as written);
 *   - a heading's number keeps the seeds' form, full-width digits and a
 *     full-width space: 「1 評価等の対象」「１ 評価等の対象」 → 「１　評価等の対象」;
 *   - a URL (http://, https://, mailto:) is left exactly as written.
 *
 * Ids and other attributes are not text: never pass them here.  Pure: no
 * I/O, no stage knowledge.  Returns a malloc()ed string; `s` must be valid
 * UTF-8.
 */
#ifndef ORTH_H
#define ORTH_H

#include <libxml/tree.h>

/* Running text (a paragraph, a cell). */
char *orth_text(const char *s);
/* A heading or title: running text whose leading number is a heading number. */
char *orth_heading(const char *s);
/*
 * Every text node under `root` as running text and every `title`
 * attribute as a heading, in place (the plan's and the matrix's trees as
 * ingest loads them); ids, refs and other attributes are left alone.
 */
void orth_tree(xmlNodePtr root);
/*
 * The language of a passage in Latin script only (issue 17): "en" for
 * two words or more in lower case, eight letters or more; NULL (the
 * document's Japanese) for anything else.
 */
const char *orth_lang(const char *t);
/* Whether t[0, len) is in Latin script only (no other letter, no CJK
 * punctuation, no symbol): a text that may still be such a passage. */
int orth_latin(const char *t, size_t len);

#endif
