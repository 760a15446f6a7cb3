#include "refs.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "nfc.h"
#include "numbers.h"
#include "strbuf.h"
#include "utf8.h"
#include "xmem.h"
#include "xmlio.h"

#define SUGGEST_N 3

/* Attribute as a malloc()ed NFC string, or NULL. */
static char *
attr(xmlNodePtr n, const char *name)
{
	char *v = xmlio_attr(n, name);
	char *r;

	if (v == NULL)
		return NULL;
	r = nfc_dup(v);
	xmlFree(v);
	return r;
}

/* Text content, NFC and trimmed. */
static char *
content(xmlNodePtr n)
{
	xmlChar *c = xmlNodeGetContent(n);
	struct strbuf sb = STRBUF_INIT;
	char *nfc = nfc_dup(c ? (const char *)c : "");

	if (nfc != NULL) /* libxml2 gives valid UTF-8 */
		strbuf_addstr(&sb, nfc);
	strbuf_trim(&sb);
	free(nfc);
	xmlFree(c);
	return strbuf_detach(&sb);
}

/* The root's year attribute (0 if absent or unreadable); warns on a mismatch. */
static int
check_year(xmlDocPtr doc, const char *path, int year, struct diag *d)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	char *v = root ? xmlio_attr(root, "year") : NULL;
	int y = 0;

	if (v && numbers_year(v, &y) == 0 && year && y != year)
		diag_warning(d, path, xmlGetLineNo(root),
		             "this file is for year %d, but the reporting year is %d", y, year);
	xmlFree(v);
	return y;
}

/* ---- plan ---- */

static const char *const levels[] = {"area", "field", "section", "group", "measure"};

struct plan_walk {
	size_t alloc, ralloc, aalloc; /* of nodes, relists, areas */
	size_t area;                  /* the <area> being walked, or REFS_NO_AREA */
};

static void
walk_plan(struct refs *r, xmlNodePtr n, struct plan_walk *w)
{
	size_t i, outer;

	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		outer = w->area;
		if (xmlio_is(n, "area")) {
			if (r->nareas == w->aalloc) {
				w->aalloc = w->aalloc ? w->aalloc * 2 : 16;
				r->areas = xreallocarray(r->areas, w->aalloc, sizeof(*r->areas));
			}
			w->area = r->nareas;
			r->areas[r->nareas++] = attr(n, "id");
		}
		for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++) {
			struct refs_node *node;
			char *id;

			if (!xmlio_is(n, levels[i]) || (id = attr(n, "id")) == NULL)
				continue;
			if (g_hash_table_contains(r->node_by_id, id)) {
				free(id);
				continue;
			}
			if (r->nnodes == w->alloc) {
				w->alloc = w->alloc ? w->alloc * 2 : 256;
				r->nodes = xreallocarray(r->nodes, w->alloc, sizeof(*r->nodes));
			}
			node = &r->nodes[r->nnodes++];
			node->id = id;
			node->level = xstrdup(levels[i]);
			node->title = attr(n, "title");
			if (node->title == NULL)
				node->title = xstrdup("");
			node->area = w->area;
		}
		if (xmlio_is(n, "relist")) {
			char *at = attr(n, "at"), *ref = attr(n, "ref");

			if (at && ref) {
				if (r->nrelist == w->ralloc) {
					w->ralloc = w->ralloc ? w->ralloc * 2 : 32;
					r->relists = xreallocarray(r->relists, w->ralloc,
					                           sizeof(*r->relists));
				}
				r->relists[r->nrelist].at = at;
				r->relists[r->nrelist].ref = ref;
				r->relists[r->nrelist++].area = w->area;
			} else {
				free(at);
				free(ref);
			}
		}
		walk_plan(r, n->children, w);
		w->area = outer;
	}
}

static int
load_plan(struct refs *r, const char *path, struct diag *d)
{
	xmlDocPtr doc = xmlio_load(path, d);
	struct plan_walk w = {0, 0, 0, REFS_NO_AREA};
	size_t i;

	if (doc == NULL)
		return -1;
	r->plan_year = check_year(doc, path, r->year, d);
	walk_plan(r, xmlDocGetRootElement(doc), &w);
	/* Node ids are fixed now; the table points into the array. */
	for (i = 0; i < r->nnodes; i++)
		g_hash_table_insert(r->node_by_id, r->nodes[i].id, &r->nodes[i]);
	for (i = 0; i < r->nrelist; i++) /* a repeated position: the last one */
		g_hash_table_insert(r->relist, r->relists[i].at, &r->relists[i]);
	xmlFreeDoc(doc);
	if (r->nnodes == 0)
		return diag_error(d, path, 0,
		                  "the plan has no area, field, section or measure with an id");
	return 0;
}

/* ---- matrix ---- */

static void
walk_matrix(struct refs *r, xmlNodePtr n, const char *target, size_t *alloc)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlio_is(n, "entry")) {
			char *t = attr(n, "target");

			walk_matrix(r, n->children, t, alloc);
			free(t);
			continue;
		}
		if (xmlio_is(n, "indicator")) {
			struct refs_indicator *ind;
			xmlNodePtr c;

			if (r->nindicators == *alloc) {
				*alloc = *alloc ? *alloc * 2 : 64;
				r->indicators =
				    xreallocarray(r->indicators, *alloc, sizeof(*r->indicators));
			}
			ind = &r->indicators[r->nindicators++];
			memset(ind, 0, sizeof(*ind));
			ind->id = attr(n, "id");
			ind->target = xstrdup(target ? target : "");
			for (c = n->children; c; c = c->next) {
				if (xmlio_is(c, "text") && ind->text == NULL)
					ind->text = content(c);
				else if (xmlio_is(c, "source") && ind->source == NULL)
					ind->source = content(c);
			}
			if (ind->text == NULL)
				ind->text = xstrdup("");
			continue;
		}
		walk_matrix(r, n->children, target, alloc);
	}
}

static int
load_matrix(struct refs *r, const char *path, struct diag *d)
{
	xmlDocPtr doc = xmlio_load(path, d);
	size_t alloc = 0, i;

	if (doc == NULL)
		return -1;
	r->matrix_year = check_year(doc, path, r->year, d);
	walk_matrix(r, xmlDocGetRootElement(doc), NULL, &alloc);
	xmlFreeDoc(doc);
	/* The array is fixed now.  Backwards, so each text's chain ends up
	 * in matrix order and each table keeps the first of its key. */
	for (i = r->nindicators; i-- > 0;) {
		struct refs_indicator *ind = &r->indicators[i];

		if (ind->id)
			g_hash_table_insert(r->indicator_by_id, ind->id, ind);
		ind->same_text = g_hash_table_lookup(r->indicator_by_text, ind->text);
		g_hash_table_insert(r->indicator_by_text, ind->text, ind);
	}
	return 0;
}

int
refs_load(struct refs *r, int year, const char *registry, const char *plan, const char *matrix,
          struct diag *d)
{
	int ret = 0;

	memset(r, 0, sizeof(*r));
	r->year = year;
	r->node_by_id = g_hash_table_new(g_str_hash, g_str_equal);
	r->relist = g_hash_table_new(g_str_hash, g_str_equal);
	r->indicator_by_id = g_hash_table_new(g_str_hash, g_str_equal);
	r->indicator_by_text = g_hash_table_new(g_str_hash, g_str_equal);
	if (registry_load(&r->registry, registry, d) < 0)
		ret = -1;
	if (load_plan(r, plan, d) < 0)
		ret = -1;
	if (load_matrix(r, matrix, d) < 0)
		ret = -1;
	return ret;
}

void
refs_release(struct refs *r)
{
	size_t i;

	for (i = 0; i < r->nnodes; i++) {
		free(r->nodes[i].id);
		free(r->nodes[i].level);
		free(r->nodes[i].title);
	}
	free(r->nodes);
	for (i = 0; i < r->nareas; i++)
		free(r->areas[i]);
	free(r->areas);
	for (i = 0; i < r->nrelist; i++) {
		free(r->relists[i].at);
		free(r->relists[i].ref);
	}
	free(r->relists);
	registry_release(&r->registry);
	for (i = 0; i < r->nindicators; i++) {
		free(r->indicators[i].id);
		free(r->indicators[i].text);
		free(r->indicators[i].source);
		free(r->indicators[i].target);
	}
	free(r->indicators);
	if (r->node_by_id)
		g_hash_table_destroy(r->node_by_id);
	if (r->relist)
		g_hash_table_destroy(r->relist);
	if (r->indicator_by_id)
		g_hash_table_destroy(r->indicator_by_id);
	if (r->indicator_by_text)
		g_hash_table_destroy(r->indicator_by_text);
	memset(r, 0, sizeof(*r));
}

const struct refs_node *
refs_node(const struct refs *r, const char *id)
{
	return g_hash_table_lookup(r->node_by_id, id);
}

const char *
refs_relist(const struct refs *r, const char *at)
{
	const struct refs_relist *rl = g_hash_table_lookup(r->relist, at);

	return rl ? rl->ref : NULL;
}

size_t
refs_area(const struct refs *r, const char *id)
{
	const struct refs_node *n = g_hash_table_lookup(r->node_by_id, id);
	const struct refs_relist *rl;

	if (n)
		return n->area;
	rl = g_hash_table_lookup(r->relist, id);
	return rl ? rl->area : REFS_NO_AREA;
}

const struct registry_entry *
refs_ministry(const struct refs *r, const char *name)
{
	return registry_find(&r->registry, name);
}

size_t
refs_indicators(const struct refs *r, const char *key, const struct refs_indicator **v, size_t max)
{
	const struct refs_indicator *ind = g_hash_table_lookup(r->indicator_by_id, key);
	size_t n = 0;

	if (ind) {
		if (max > 0)
			v[0] = ind;
		return 1;
	}
	for (ind = g_hash_table_lookup(r->indicator_by_text, key); ind; ind = ind->same_text) {
		if (n < max)
			v[n] = ind;
		n++;
	}
	return n;
}

/* `key` without a trailing "（…）" or "(…)"; a new string, or NULL. */
static char *
strip_paren(const char *key)
{
	size_t n = strlen(key), olen;
	const char *open = NULL, *p, *last = NULL;
	struct strbuf sb = STRBUF_INIT;

	if (n >= 3 && strcmp(key + n - 3, "）") == 0)
		open = "（";
	else if (n >= 1 && key[n - 1] == ')')
		open = "(";
	if (open == NULL)
		return NULL;
	olen = strlen(open);
	for (p = key; (p = strstr(p, open)) != NULL; p += olen)
		last = p;
	if (last == NULL || last == key)
		return NULL;
	strbuf_add(&sb, key, (size_t)(last - key));
	strbuf_trim(&sb);
	return strbuf_detach(&sb);
}

const struct refs_indicator *
refs_indicator_loose(const struct refs *r, const char *key)
{
	const struct refs_indicator *found = NULL;
	char *k = utf8_fold(key), *bare = strip_paren(key);
	char *kb = bare ? utf8_fold(bare) : NULL;
	size_t i;

	for (i = 0; k != NULL && i < r->nindicators && found == NULL; i++) {
		const struct refs_indicator *ind = &r->indicators[i];
		char *t = utf8_fold(ind->text), *id = ind->id ? utf8_fold(ind->id) : NULL;

		if (t == NULL)
			t = xstrdup("");
		if (strcmp(k, t) == 0 || (id && strcmp(k, id) == 0) || (kb && strcmp(kb, t) == 0))
			found = ind;
		free(t);
		free(id);
	}
	free(k);
	free(bare);
	free(kb);
	return found;
}

/* ---- suggestions ---- */

struct cand {
	size_t i;           /* index in its table */
	size_t dist, dist2; /* primary and tie-breaking distance */
};

static int
cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->dist != y->dist)
		return x->dist < y->dist ? -1 : 1;
	if (x->dist2 != y->dist2)
		return x->dist2 < y->dist2 ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Edit distance per thousand of the longer string: ids and titles of
 * different lengths compare on one scale. */
static size_t
scaled_distance(const char *a, const char *b)
{
	size_t la = (size_t)g_utf8_strlen(a, -1), lb = (size_t)g_utf8_strlen(b, -1),
	       m = la > lb ? la : lb;

	return m ? utf8_distance(a, b) * 1000 / m : 0;
}

char *
refs_suggest_id(const struct refs *r, const char *id, const char *hint)
{
	struct cand *c = xcalloc(r->nnodes + 1, sizeof(*c));
	struct strbuf sb = STRBUF_INIT;
	size_t i, hlen = hint ? (size_t)g_utf8_strlen(hint, -1) : 0;

	/*
	 * Without a title to go by, the nearest ids.  With one (the text
	 * after the id, or a cell that is no id at all, perhaps a title),
	 * each measure is as near as the nearer of its id and its title
	 * (the title cut to the length of the text; 0 when the title holds
	 * the text), issue 16.
	 */
	for (i = 0; i < r->nnodes; i++) {
		c[i].i = i;
		if (hlen == 0) {
			c[i].dist = utf8_distance(id, r->nodes[i].id);
			continue;
		}
		c[i].dist2 = scaled_distance(id, r->nodes[i].id);
		c[i].dist = c[i].dist2;
		if (r->nodes[i].title && r->nodes[i].title[0]) {
			char *t = utf8_truncate(r->nodes[i].title, hlen);
			size_t dt = strstr(r->nodes[i].title, hint) ? 0 : scaled_distance(hint, t);

			if (dt < c[i].dist)
				c[i].dist = dt;
			free(t);
		}
	}
	qsort(c, r->nnodes, sizeof(*c), cand_cmp);
	strbuf_addstr(&sb, "nearest: ");
	for (i = 0; i < r->nnodes && i < SUGGEST_N; i++) {
		char *t = utf8_truncate(r->nodes[c[i].i].title, 20);

		strbuf_addf(&sb, "%s%s (%s)", i ? ", " : "", r->nodes[c[i].i].id, t);
		free(t);
	}
	if (r->nnodes == 0)
		strbuf_addstr(&sb, "none (the plan is empty)");
	free(c);
	return strbuf_detach(&sb);
}

size_t
refs_nodes_by_title(const struct refs *r, const char *title, const struct refs_node **v, size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < r->nnodes; i++)
		if (r->nodes[i].title && strcmp(r->nodes[i].title, title) == 0) {
			if (n < max)
				v[n] = &r->nodes[i];
			n++;
		}
	return n;
}

char *
refs_suggest_ministry(const struct refs *r, const char *name)
{
	const struct registry *reg = &r->registry;
	struct cand *c = xcalloc(reg->nkeys + 1, sizeof(*c));
	struct strbuf sb = STRBUF_INIT;
	char *key = registry_key(name);
	size_t i, shown = 0;
	const struct registry_entry *seen[SUGGEST_N];

	for (i = 0; i < reg->nkeys; i++) {
		c[i].i = i;
		c[i].dist = utf8_distance(key, reg->keys[i].key);
		c[i].dist2 = reg->entries[reg->keys[i].entry].group;
	}
	qsort(c, reg->nkeys, sizeof(*c), cand_cmp);
	strbuf_addstr(&sb, "nearest: ");
	for (i = 0; i < reg->nkeys && shown < 1; i++) {
		const struct registry_entry *m = &reg->entries[reg->keys[c[i].i].entry];
		size_t k;
		int dup = 0;

		for (k = 0; k < shown; k++)
			dup |= seen[k] == m;
		if (dup)
			continue;
		seen[shown++] = m;
		strbuf_addf(&sb, "%s (%s)", m->name, m->code);
	}
	if (shown == 0)
		strbuf_addstr(&sb, "none (the registry is empty)");
	free(key);
	free(c);
	return strbuf_detach(&sb);
}

char *
refs_suggest_indicator(const struct refs *r, const char *key)
{
	struct cand *c = xcalloc(r->nindicators + 1, sizeof(*c));
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < r->nindicators; i++) {
		size_t a = utf8_distance(key, r->indicators[i].text);
		size_t b = r->indicators[i].id ? utf8_distance(key, r->indicators[i].id) : a;

		c[i].i = i;
		c[i].dist = a < b ? a : b;
	}
	qsort(c, r->nindicators, sizeof(*c), cand_cmp);
	strbuf_addstr(&sb, "nearest: ");
	for (i = 0; i < r->nindicators && i < SUGGEST_N; i++) {
		const struct refs_indicator *ind = &r->indicators[c[i].i];
		char *t = utf8_truncate(ind->text, 20);

		if (ind->id)
			strbuf_addf(&sb, "%s%s (%s)", i ? ", " : "", ind->id, t);
		else
			strbuf_addf(&sb, "%s'%s'", i ? ", " : "", t);
		free(t);
	}
	if (r->nindicators == 0)
		strbuf_addstr(&sb, "none (the matrix has no indicators)");
	free(c);
	return strbuf_detach(&sb);
}
