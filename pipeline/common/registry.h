/*
 * registry: the one reader of the ministry registry, input/ministries.xml
 * (docs/design.md; inputs.md "Ministry registry"), for ingest and check.
 *
 * One rule for every lookup of a name, code or alias: the texts are compared
 * as registry_key() makes them, NFKC, case-folded and without white space, so
 * "ＭＩＣ", "mic", "総務 省" and "総務省" all find 総務省.  Reading the registry
 * enforces that the rule is unambiguous: a key that would name two ministries
 * or groups, or a name or alias written twice, is a registry error.  Plan
 * references (<ministry ref>, <member ref>) are codes, matched exactly by
 * registry_code(), since join looks them up as written.
 */
#ifndef REGISTRY_H
#define REGISTRY_H
#include <stddef.h>

#include <glib.h>
#include <libxml/tree.h>

#include "diag.h"

struct registry_entry {
	char *code; /* NFC, as written */
	char *name; /* NFC, as written */
	int group;  /* a <group> of ministries, not a <ministry> */
	long line;  /* of its element */
};

struct registry_key {
	char *key;   /* registry_key() of text */
	char *text;  /* the name, code or alias as written (NFC) */
	long line;   /* where it is written */
	int is_code; /* the entry's code, not a name or alias */
	size_t entry;
};

struct registry {
	struct registry_entry *entries; /* document order */
	size_t n;
	struct registry_key *keys; /* each distinct key once, document order */
	size_t nkeys;
	GHashTable *by_key; /* key → index in keys + 1 */
};

/*
 * Reads the registry at `path` (common/xmlio) into `r`.  Returns 0, or -1
 * after reporting each problem to `d`: an unreadable file, an entry without
 * code or name, a key that names two entries, a group member that is not a
 * ministry code.  The lookups work on what was read either way.  Release
 * with registry_release(), also after a failure.
 */
int registry_load(struct registry *r, const char *path, struct diag *d);
/* The same on a document already parsed from `path` (check validates it
 * against its schema first).  Does not take ownership of `doc`. */
int registry_read(struct registry *r, xmlDocPtr doc, const char *path, struct diag *d);
void registry_release(struct registry *r);
/*
 * The lookup key of `text`: NFKC, case-folded, without any ASCII or
 * ideographic (U+3000) space.  "" for text that is not UTF-8.  New string.
 */
char *registry_key(const char *text);
/* The ministry or group named by `text` (name, code or alias), or NULL. */
const struct registry_entry *registry_find(const struct registry *r, const char *text);
/* The ministry or group whose code is exactly `code`, or NULL. */
const struct registry_entry *registry_code(const struct registry *r, const char *code);

#endif
