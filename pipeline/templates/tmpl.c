#include "tmpl.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "registry.h"
#include "strbuf.h"
#include "xmem.h"
#include "xmlio.h"

const char *const tmpl_progress_cols[8] = {"施策番号", "施策名",       "府省庁", "実績",
                                           "評価",     "今年度の取組", "重点",   "備考"};
const char *const tmpl_indicator_cols[7] = {"指標", "年度",     "値",    "単位",
                                            "出典", "施策番号", "府省庁"};

struct group {
	char *code, *expect;
	xmlNodePtr node;
};

struct loader {
	struct tmpl_set *s;
	struct diag *d;
	const char *plan_path, *matrix_path;
	struct group *groups;
	size_t ngroups;
	unsigned char *expect; /* nmeasures × nministries */
};

static long
ministry_index(const struct tmpl_set *s, const char *code)
{
	size_t i;

	for (i = 0; i < s->nministries; i++)
		if (strcmp(s->ministries[i].code, code) == 0)
			return (long)i;
	return -1;
}

/* The ministries as the one registry reader (common/registry.c) reads
 * them; the groups, with what they expect of whom, from the document. */
static int
load_registry(struct loader *l, xmlDocPtr doc, const char *path)
{
	xmlNodePtr n, root = xmlDocGetRootElement(doc);
	struct tmpl_set *s = l->s;
	struct registry reg;
	int ret = registry_read(&reg, doc, path, l->d);
	size_t i;

	s->ministries = xcalloc(reg.n + 1, sizeof(*s->ministries));
	for (i = 0; i < reg.n; i++)
		if (!reg.entries[i].group) {
			s->ministries[s->nministries].code = xstrdup(reg.entries[i].code);
			s->ministries[s->nministries++].name = xstrdup(reg.entries[i].name);
		}
	registry_release(&reg);
	for (n = root ? root->children : NULL; n; n = n->next)
		if (xmlio_is(n, "group")) {
			l->groups = xreallocarray(l->groups, l->ngroups + 1, sizeof(*l->groups));
			l->groups[l->ngroups].code = xmlio_attr_dup(n, "code");
			l->groups[l->ngroups].expect = xmlio_attr_dup(n, "expect");
			l->groups[l->ngroups].node = n;
			l->ngroups++;
		}
	return ret;
}

/* Marks in `row` (one flag per ministry) who <resp> expects. */
static int
resp_expect(struct loader *l, xmlNodePtr measure, unsigned char *row)
{
	xmlNodePtr r, n, m;
	int ret = 0;

	for (r = measure->children; r; r = r->next) {
		if (!xmlio_is(r, "resp"))
			continue;
		for (n = r->children; n; n = n->next) {
			char *ref;
			size_t g;
			long i;

			if (!xmlio_is(n, "ministry") && !xmlio_is(n, "group"))
				continue;
			ref = xmlio_attr_dup(n, "ref");
			if (xmlio_is(n, "ministry")) {
				i = ministry_index(l->s, ref);
				if (i < 0)
					ret = diag_error(
					    l->d, l->plan_path, xmlGetLineNo(n),
					    "unknown responsible ministry '%s': add it to "
					    "ministries.xml or correct the plan",
					    ref);
				else
					row[i] = 1;
				free(ref);
				continue;
			}
			for (g = 0; g < l->ngroups && strcmp(l->groups[g].code, ref) != 0; g++)
				;
			if (g == l->ngroups) {
				ret = diag_error(l->d, l->plan_path, xmlGetLineNo(n),
				                 "unknown responsible group '%s': add it to "
				                 "ministries.xml or correct the plan",
				                 ref);
			} else if (strcmp(l->groups[g].expect, "all") == 0) {
				memset(row, 1, l->s->nministries);
			} else if (strcmp(l->groups[g].expect, "members") == 0) {
				for (m = l->groups[g].node->children; m; m = m->next) {
					char *mref;

					if (!xmlio_is(m, "member"))
						continue;
					mref = xmlio_attr_dup(m, "ref");
					i = ministry_index(l->s, mref);
					if (i >= 0)
						row[i] = 1;
					free(mref);
				}
			}
			free(ref);
		}
	}
	return ret;
}

static void
count_measures(xmlNodePtr n, size_t *count)
{
	for (; n; n = n->next) {
		if (xmlio_is(n, "measure"))
			(*count)++;
		if (n->type == XML_ELEMENT_NODE)
			count_measures(n->children, count);
	}
}

static int
load_measures(struct loader *l, xmlNodePtr n)
{
	int ret = 0;

	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlio_is(n, "measure")) {
			size_t k = l->s->nmeasures++;

			l->s->measures[k].id = xmlio_attr_dup(n, "id");
			l->s->measures[k].title = xmlio_attr_dup(n, "title");
			if (resp_expect(l, n, l->expect + k * l->s->nministries) < 0)
				ret = -1;
		}
		if (load_measures(l, n->children) < 0)
			ret = -1;
	}
	return ret;
}

static long
measure_index(const struct tmpl_set *s, const char *id)
{
	size_t i;

	for (i = 0; i < s->nmeasures; i++)
		if (strcmp(s->measures[i].id, id) == 0)
			return (long)i;
	return -1;
}

/* The plan element whose @id (or relist @at) is `id`, or NULL. */
static xmlNodePtr
find_node(xmlNodePtr n, const char *id)
{
	for (; n; n = n->next) {
		xmlNodePtr hit;
		char *v;
		int same;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		v = xmlio_attr(n, xmlio_is(n, "relist") ? "at" : "id");
		same = v && strcmp(v, id) == 0 &&
		       (xmlio_is(n, "area") || xmlio_is(n, "field") || xmlio_is(n, "section") ||
		        xmlio_is(n, "group") || xmlio_is(n, "measure") || xmlio_is(n, "relist"));
		xmlFree(v);
		if (same)
			return n;
		if ((hit = find_node(n->children, id)) != NULL)
			return hit;
	}
	return NULL;
}

/* ORs into `row` the expectations of every measure `n` covers. */
static void
cover(struct loader *l, xmlNodePtr n, unsigned char *row)
{
	size_t nm = l->s->nministries, i;
	long k = -1;
	char *v;

	if (xmlio_is(n, "measure") || xmlio_is(n, "relist")) {
		v = xmlio_attr(n, xmlio_is(n, "measure") ? "id" : "ref");
		k = v ? measure_index(l->s, v) : -1;
		xmlFree(v);
		if (k >= 0)
			for (i = 0; i < nm; i++)
				row[i] |= l->expect[(size_t)k * nm + i];
		return;
	}
	for (n = n->children; n; n = n->next)
		if (xmlio_is(n, "measure") || xmlio_is(n, "area") || xmlio_is(n, "field") ||
		    xmlio_is(n, "section") || xmlio_is(n, "group"))
			cover(l, n, row);
}

static void
add_ptr(const void ***v, size_t *n, const void *p)
{
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[(*n)++] = p;
}

static void
ask(struct tmpl_ministry *m, const struct tmpl_indicator *t)
{
	size_t i;

	for (i = 0; i < m->nindicators; i++)
		if (strcmp(m->indicators[i].ind->text, t->text) == 0) {
			if (strcmp(m->indicators[i].target, t->target) != 0)
				m->indicators[i].target = "";
			return;
		}
	m->indicators = xreallocarray(m->indicators, m->nindicators + 1, sizeof(*m->indicators));
	m->indicators[m->nindicators].ind = t;
	m->indicators[m->nindicators++].target = t->target;
}

static int
load_matrix(struct loader *l, xmlDocPtr mdoc, xmlDocPtr pdoc)
{
	xmlNodePtr e, ind, c, root = xmlDocGetRootElement(mdoc);
	xmlNodePtr proot = xmlDocGetRootElement(pdoc);
	struct tmpl_set *s = l->s;
	unsigned char *row = xcalloc(s->nministries ? s->nministries : 1, 1);
	size_t count = 0, i;
	int ret = 0;

	for (e = root ? root->children : NULL; e; e = e->next)
		if (xmlio_is(e, "entry"))
			for (ind = e->children; ind; ind = ind->next)
				count += xmlio_is(ind, "indicator");
	s->indicators = xcalloc(count ? count : 1, sizeof(*s->indicators));
	for (e = root ? root->children : NULL; e; e = e->next) {
		char *target;
		xmlNodePtr tn;

		if (!xmlio_is(e, "entry"))
			continue;
		target = xmlio_attr_dup(e, "target");
		tn = proot ? find_node(proot->children, target) : NULL;
		memset(row, 0, s->nministries);
		if (tn == NULL)
			ret = diag_error(l->d, l->matrix_path, xmlGetLineNo(e),
			                 "entry target '%s' is no id of the plan; correct the "
			                 "target or the plan",
			                 target);
		else
			cover(l, tn, row);
		for (ind = e->children; ind; ind = ind->next) {
			struct tmpl_indicator *t;

			if (!xmlio_is(ind, "indicator"))
				continue;
			t = &s->indicators[s->nindicators++];
			t->target = xstrdup(target);
			t->text = xstrdup("");
			t->source = xstrdup("");
			for (c = ind->children; c; c = c->next) {
				xmlChar *txt;

				if (!xmlio_is(c, "text") && !xmlio_is(c, "source"))
					continue;
				txt = xmlNodeGetContent(c);
				if (xmlio_is(c, "text")) {
					free(t->text);
					t->text = xstrdup(txt ? (const char *)txt : "");
				} else {
					free(t->source);
					t->source = xstrdup(txt ? (const char *)txt : "");
				}
				xmlFree(txt);
			}
			for (i = 0; i < s->nministries; i++)
				if (row[i])
					ask(&s->ministries[i], t);
		}
		free(target);
	}
	free(row);
	return ret;
}

int
tmpl_load(struct tmpl_set *s, const char *year, const char *registry, const char *plan,
          const char *matrix, struct diag *d)
{
	struct loader l;
	xmlDocPtr rdoc = NULL, pdoc = NULL, mdoc = NULL;
	size_t count = 0, k, i;
	int ret = -1;

	memset(s, 0, sizeof(*s));
	memset(&l, 0, sizeof(l));
	s->year = xstrdup(year);
	l.s = s;
	l.d = d;
	l.plan_path = plan;
	l.matrix_path = matrix;
	rdoc = xmlio_load(registry, d);
	pdoc = xmlio_load(plan, d);
	mdoc = xmlio_load(matrix, d);
	if (!rdoc || !pdoc || !mdoc)
		goto out;
	ret = load_registry(&l, rdoc, registry);
	count_measures(xmlDocGetRootElement(pdoc), &count);
	s->measures = xcalloc(count ? count : 1, sizeof(*s->measures));
	l.expect = xcalloc(count ? count : 1, s->nministries ? s->nministries : 1);
	if (load_measures(&l, xmlDocGetRootElement(pdoc)) < 0)
		ret = -1;
	for (k = 0; k < s->nmeasures; k++)
		for (i = 0; i < s->nministries; i++)
			if (l.expect[k * s->nministries + i])
				add_ptr((const void ***)&s->ministries[i].measures,
				        &s->ministries[i].nmeasures, &s->measures[k]);
	if (load_matrix(&l, mdoc, pdoc) < 0)
		ret = -1;
out:
	for (k = 0; k < l.ngroups; k++) {
		free(l.groups[k].code);
		free(l.groups[k].expect);
	}
	free(l.groups);
	free(l.expect);
	xmlFreeDoc(rdoc);
	xmlFreeDoc(pdoc);
	xmlFreeDoc(mdoc);
	return ret;
}

void
tmpl_release(struct tmpl_set *s)
{
	size_t i;

	for (i = 0; i < s->nmeasures; i++) {
		free(s->measures[i].id);
		free(s->measures[i].title);
	}
	for (i = 0; i < s->nindicators; i++) {
		free(s->indicators[i].text);
		free(s->indicators[i].source);
		free(s->indicators[i].target);
	}
	for (i = 0; i < s->nministries; i++) {
		free(s->ministries[i].code);
		free(s->ministries[i].name);
		free(s->ministries[i].measures);
		free(s->ministries[i].indicators);
	}
	free(s->measures);
	free(s->indicators);
	free(s->ministries);
	free(s->year);
	memset(s, 0, sizeof(*s));
}

char *
tmpl_basename(const struct tmpl_ministry *m)
{
	struct strbuf sb = STRBUF_INIT;

	const char *p;

	/* A name is Japanese text; a '/' would make a folder. */
	strbuf_addf(&sb, "%s-", m->code);
	for (p = m->name; *p; p++)
		strbuf_addch(&sb, *p == '/' ? '_' : *p);
	return strbuf_detach(&sb);
}
