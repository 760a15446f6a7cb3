#include "registry.h"

#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "utf8.h"
#include "xmem.h"
#include "xmlio.h"

/* Attribute or text as a malloc()ed NFC string; NULL for a missing one. */
static char *
nfc_of(char *v)
{
	char *r = v ? utf8_nfc(v) : NULL;

	xmlFree(v);
	return r;
}

char *
registry_key(const char *text)
{
	char *k = utf8_fold(text);
	const char *p = k;
	struct strbuf sb = STRBUF_INIT;

	if (k == NULL) /* not UTF-8: matches nothing */
		return xstrdup("");
	while (*p) {
		const char *q = p;
		unsigned long c = utf8_next(&p);

		if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != 0x3000)
			strbuf_add(&sb, q, (size_t)(p - q));
	}
	free(k);
	return strbuf_detach(&sb);
}

/*
 * Adds `text` (owned) as a key of entry `e`.  A key already taken is fine
 * only when it is the same entry's code on one side (<alias>CAS</alias> of
 * code "cas"); anything else makes the lookup ambiguous and is an error.
 */
static int
add_key(struct registry *r, size_t *alloc, char *text, long line, int is_code, size_t e,
        const char *path, struct diag *d)
{
	char *key = registry_key(text);
	size_t at = GPOINTER_TO_SIZE(g_hash_table_lookup(r->by_key, key));
	const struct registry_key *first = at ? &r->keys[at - 1] : NULL;
	int ret = 0;

	if (key[0] == '\0') {
		/* an empty alias names nothing */
	} else if (first && first->entry == e && first->is_code != is_code) {
		/* the entry's own code again, as a name or alias */
	} else if (first && first->is_code && is_code) {
		ret = diag_error(d, path, line, "duplicate code '%s' (first at line %ld)", text,
		                 first->line);
	} else if (first && !first->is_code && !is_code && strcmp(first->text, text) == 0) {
		ret = diag_error(d, path, line,
		                 "name or alias '%s' is used twice (first at line %ld)", text,
		                 first->line);
	} else if (first) {
		ret = diag_error(d, path, line,
		                 "'%s' is the same as '%s' (line %ld) once case, width and spaces "
		                 "are ignored: a name, code or alias must name one ministry or "
		                 "group",
		                 text, first->text, first->line);
	} else {
		if (r->nkeys == *alloc) {
			*alloc = *alloc ? *alloc * 2 : 64;
			r->keys = xreallocarray(r->keys, *alloc, sizeof(*r->keys));
		}
		r->keys[r->nkeys].key = key;
		r->keys[r->nkeys].text = text;
		r->keys[r->nkeys].line = line;
		r->keys[r->nkeys].is_code = is_code;
		r->keys[r->nkeys].entry = e;
		r->nkeys++;
		g_hash_table_insert(r->by_key, key, GSIZE_TO_POINTER(r->nkeys));
		return 0;
	}
	free(key);
	free(text);
	return ret;
}

/* Every <member ref> of a group is the code of a ministry. */
static int
check_members(struct registry *r, xmlNodePtr group, const char *path, struct diag *d)
{
	xmlNodePtr k;
	int ret = 0;

	for (k = group->children; k; k = k->next) {
		const struct registry_entry *m;
		char *ref;

		if (!xmlio_is(k, "member"))
			continue;
		ref = xmlio_attr(k, "ref");
		m = ref ? registry_code(r, ref) : NULL;
		if (ref && (m == NULL || m->group))
			ret = diag_error(d, path, xmlGetLineNo(k),
			                 "member '%s' is not a ministry code of the registry", ref);
		xmlFree(ref);
	}
	return ret;
}

int
registry_read(struct registry *r, xmlDocPtr doc, const char *path, struct diag *d)
{
	xmlNodePtr root = xmlDocGetRootElement(doc), n, a;
	size_t alloc = 0, kalloc = 0;
	int ret = 0;

	memset(r, 0, sizeof(*r));
	r->by_key = g_hash_table_new(g_str_hash, g_str_equal);
	for (n = root ? root->children : NULL; n; n = n->next)
		if (xmlio_is(n, "ministry") || xmlio_is(n, "group"))
			alloc++;
	r->entries = xcalloc(alloc + 1, sizeof(*r->entries));
	for (n = root ? root->children : NULL; n; n = n->next) {
		struct registry_entry *e = &r->entries[r->n];

		if (!xmlio_is(n, "ministry") && !xmlio_is(n, "group"))
			continue;
		e->code = nfc_of(xmlio_attr(n, "code"));
		e->name = nfc_of(xmlio_attr(n, "name"));
		e->group = xmlio_is(n, "group");
		e->line = xmlGetLineNo(n);
		if (e->code == NULL || e->name == NULL) {
			ret = diag_error(d, path, e->line, "<%s> without code or name",
			                 (const char *)n->name);
			free(e->code);
			free(e->name);
			memset(e, 0, sizeof(*e));
			continue;
		}
		if (add_key(r, &kalloc, xstrdup(e->code), e->line, 1, r->n, path, d) < 0)
			ret = -1;
		if (add_key(r, &kalloc, xstrdup(e->name), e->line, 0, r->n, path, d) < 0)
			ret = -1;
		for (a = n->children; a; a = a->next) {
			char *t;

			if (!xmlio_is(a, "alias"))
				continue;
			t = nfc_of((char *)xmlNodeGetContent(a));
			if (t && add_key(r, &kalloc, t, xmlGetLineNo(a), 0, r->n, path, d) < 0)
				ret = -1;
		}
		r->n++;
	}
	for (n = root ? root->children : NULL; n; n = n->next)
		if (xmlio_is(n, "group") && check_members(r, n, path, d) < 0)
			ret = -1;
	return ret;
}

int
registry_load(struct registry *r, const char *path, struct diag *d)
{
	xmlDocPtr doc = xmlio_load(path, d);
	int ret;

	if (doc == NULL) {
		memset(r, 0, sizeof(*r));
		r->by_key = g_hash_table_new(g_str_hash, g_str_equal);
		return -1;
	}
	ret = registry_read(r, doc, path, d);
	xmlFreeDoc(doc);
	return ret;
}

void
registry_release(struct registry *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->entries[i].code);
		free(r->entries[i].name);
	}
	free(r->entries);
	for (i = 0; i < r->nkeys; i++) {
		free(r->keys[i].key);
		free(r->keys[i].text);
	}
	free(r->keys);
	if (r->by_key)
		g_hash_table_destroy(r->by_key);
	memset(r, 0, sizeof(*r));
}

const struct registry_entry *
registry_find(const struct registry *r, const char *text)
{
	char *key = registry_key(text);
	size_t at = r->by_key ? GPOINTER_TO_SIZE(g_hash_table_lookup(r->by_key, key)) : 0;

	free(key);
	return at ? &r->entries[r->keys[at - 1].entry] : NULL;
}

const struct registry_entry *
registry_code(const struct registry *r, const char *code)
{
	const struct registry_entry *e = registry_find(r, code);

	return e && strcmp(e->code, code) == 0 ? e : NULL;
}
