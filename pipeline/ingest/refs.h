/*
 * refs: what ingest checks rows against — the ministry registry
 * (common/registry, the reader check uses too), the year's plan (ids,
 * levels, titles, re-listings) and the matrix (indicators by id or text).
 * Read with common/xmlio; vocabularies in
 * docs/design.md.  Lookups never fail loudly: they return NULL and the
 * caller reports, with refs_suggest_*() for the "nearest" part.
 */
#ifndef INGEST_REFS_H
#define INGEST_REFS_H
#include <stddef.h>

#include <glib.h>

#include "diag.h"
#include "registry.h"

#define REFS_NO_AREA ((size_t)-1)

struct refs_node {
	char *id;    /* canonical id */
	char *level; /* measure, area, field, section, group */
	char *title;
	size_t area; /* index in refs.areas of the <area> holding it, or REFS_NO_AREA */
};

struct refs_relist {
	char *at;    /* the re-listing's position id */
	char *ref;   /* the canonical id it stands for */
	size_t area; /* the <area> holding the <relist>, or REFS_NO_AREA */
};

struct refs_indicator {
	char *id;                               /* may be NULL */
	char *text;                             /* NFC, trimmed */
	char *source;                           /* may be NULL */
	char *target;                           /* the entry's target */
	const struct refs_indicator *same_text; /* the next with this text (matrix order) */
};

struct refs {
	int year;                   /* the reporting year (--year) */
	int plan_year, matrix_year; /* their year attributes, or 0 */
	struct refs_node *nodes;    /* plan order */
	size_t nnodes;
	GHashTable *node_by_id; /* id → struct refs_node * */
	char **areas;           /* id of each <area>, plan order; NULL for one without */
	size_t nareas;
	struct refs_relist *relists; /* plan order */
	size_t nrelist;
	GHashTable *relist; /* at → struct refs_relist * */
	struct registry registry;
	struct refs_indicator *indicators;
	size_t nindicators;
	GHashTable *indicator_by_id;   /* id → the first indicator with it */
	GHashTable *indicator_by_text; /* text → the first with it; then ->same_text */
};

/*
 * Loads the three files for reporting year `year`.  Returns 0, or -1
 * after reporting each problem (unreadable file, no ids) to `d`; a plan
 * or matrix whose year attribute is not `year` is a warning.  Release
 * with refs_release(), also after a failure.
 */
int refs_load(struct refs *r, int year, const char *registry, const char *plan, const char *matrix,
              struct diag *d);
void refs_release(struct refs *r);
/* The plan node with canonical id `id`, or NULL. */
const struct refs_node *refs_node(const struct refs *r, const char *id);
/* The canonical id a re-listing position `at` stands for, or NULL. */
const char *refs_relist(const struct refs *r, const char *at);
/*
 * The index in r->areas of the plan <area> that holds `id`: a node's id
 * (the area's own included) or a re-listing position.  REFS_NO_AREA for
 * an id the plan does not have, or one outside every <area>.
 */
size_t refs_area(const struct refs *r, const char *id);
/* The ministry (or group) named by a name, code or alias (registry_find()),
 * or NULL. */
const struct registry_entry *refs_ministry(const struct refs *r, const char *name);
/*
 * Every indicator named by `key`: the one with that id, else each with
 * that exact text (a text may recur under several entries).  Stores up
 * to `max` in `v`, in matrix order; returns how many there are.
 */
size_t refs_indicators(const struct refs *r, const char *key, const struct refs_indicator **v,
                       size_t max);
/*
 * A looser match, for a warning rather than an error: `key` equal to an
 * indicator's id or text after NFKC and case folding, or its text followed
 * by its source in parentheses as printed in the matrix seed
 * (`インシデント報告関連件数（JPCERT/CC …）`).  NULL when none.
 */
const struct refs_indicator *refs_indicator_loose(const struct refs *r, const char *key);
/*
 * "nearest: A (title), B (title), C (title)" for an unknown id: the plan
 * ids closest to `id` by edit distance; with a `hint` (the text after the
 * id, or the whole cell when it is no id: may be NULL), each node ranks by
 * the nearer of its id to `id` and its title to `hint` (edit distances
 * relative to length), then by its id's distance, then plan order.  New
 * string.
 */
char *refs_suggest_id(const struct refs *r, const char *id, const char *hint);
/*
 * The plan nodes whose title is exactly `title`: up to `max` in `v`, in
 * plan order; returns how many there are.
 */
size_t refs_nodes_by_title(const struct refs *r, const char *title, const struct refs_node **v,
                           size_t max);
/* "nearest: 総務省 (mic)" for an unknown ministry name.  New string. */
char *refs_suggest_ministry(const struct refs *r, const char *name);
/* "nearest: incident-reports (インシデント報告関連件数), …".  New string. */
char *refs_suggest_indicator(const struct refs *r, const char *key);

#endif
