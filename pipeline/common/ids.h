/*
 * ids: normalization of measure identifiers as ministries write them
 * (inputs.md "Measure identifiers").  A pure function, table-tested in
 * tests/unit/test_ids.c.
 */
#ifndef IDS_H
#define IDS_H

/*
 * Returns the canonical id of `written` as a new string, or NULL when it
 * has no id shape.  Numbers (ASCII, full-width or circled ①…⑳ ⑴…⒇) and
 * one trailing katakana label or group number `G<n>` are joined by `-`;
 * any separators between them are dropped: `1-①-1)-(ア)`, `1①1)(ア)`,
 * `1.1.1.ア`, `１－１－１－ア` and `1-1-1-（ア）` all give `1-1-1-ア`.
 * A hiragana label becomes katakana (`へ`→`ヘ`), and kanji that look like
 * katakana are read as such (`二`→`ニ`, `力`→`カ`, `口`→`ロ`, `夕`→`タ`, …).
 * Whether the id exists is the caller's business.
 */
char *ids_normalize(const char *written);

#endif
