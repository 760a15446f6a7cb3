#include "i18n.h"
#include "check.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <glib.h>
#include <libxml/hash.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "../render/fonts.h"
#include "strbuf.h"
#include "xmem.h"
#include "xmlio.h"

/* Element names whose @id is a plan node (docs/design.md "input/Y/plan.xml"). */
static const char *const plan_nodes[] = {"area", "field", "section", "group", "measure", NULL};

static int
is_plan_node(xmlNodePtr n)
{
	size_t i;

	for (i = 0; plan_nodes[i]; i++)
		if (xmlio_is(n, plan_nodes[i]))
			return 1;
	return 0;
}

static void
hash_free(void *t)
{
	if (t)
		xmlHashFree(t, NULL);
}

void
check_init(struct check *c, struct diag *d, const char *year)
{
	memset(c, 0, sizeof(*c));
	c->d = d;
	c->year = year;
	c->planids = xmlHashCreate(1024);
}

void
check_release(struct check *c)
{
	registry_release(&c->reg);
	hash_free(c->planids);
	hash_free(c->chars_seen);
	fonts_free(c->fonts);
	xmlFreeDoc(c->registry);
	xmlFreeDoc(c->plan);
	xmlFreeDoc(c->matrix);
	memset(c, 0, sizeof(*c));
}

/* ---------------------------------------------------------------------- */
/* RELAX NG */

struct schema_ctx {
	struct check *c;
	const char *path; /* file named in the messages */
};

/* libxml2 names the element but not which one: add its identifying
 * attribute, " (<entry target="1-1-9-ア">)", so the message is useful
 * where many elements share a name. */
static void
describe(xmlNodePtr n, struct strbuf *sb)
{
	static const char *const keys[] = {"id", "target", "ref", "at", "code", NULL};
	size_t i;

	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return;
	for (i = 0; keys[i]; i++) {
		char *v = xmlio_attr(n, keys[i]);

		if (v) {
			strbuf_addf(sb, " (<%s %s=\"%s\">)", (const char *)n->name, keys[i], v);
			xmlFree(v);
			return;
		}
	}
	strbuf_addf(sb, " (<%s>)", (const char *)n->name);
}

static void
schema_error(void *ctx, xmlErrorPtr err)
{
	struct schema_ctx *sc = ctx;
	xmlNodePtr node;
	struct strbuf msg = STRBUF_INIT;

	if (err == NULL || err->level == XML_ERR_WARNING)
		return;
	strbuf_addstr(&msg, err->message ? err->message : "invalid");
	strbuf_trim(&msg);
	node = err->node;
	if (node && node->type == XML_ELEMENT_NODE &&
	    strcmp(msg.buf, "Expecting an element , got nothing") == 0) {
		/* libxml2 leaves the name out: say which element is incomplete */
		strbuf_reset(&msg);
		strbuf_addf(&msg, "<%s> lacks a required child element", (const char *)node->name);
	} else if (node && node->name && strstr(msg.buf, (const char *)node->name)) {
		describe(node, &msg);
	}
	/* libxml2's own words, in English: said so in the user's language */
	if (strncmp(msg.buf, "xmlRelaxNG", 10) == 0) /* the schema itself */
		diag_error(sc->c->d, sc->path, err->line, "%s", msg.buf);
	else
		diag_error(sc->c->d, sc->path, err->line, "does not follow the file's schema: %s",
		           msg.buf);
	strbuf_release(&msg);
}

int
check_schema(struct check *c, const char *rng, xmlDocPtr doc, const char *path)
{
	xmlRelaxNGParserCtxtPtr pctxt;
	xmlRelaxNGValidCtxtPtr vctxt = NULL;
	xmlRelaxNGPtr schema = NULL;
	struct schema_ctx sc = {c, rng};
	size_t before = c->d->errors;
	int ret = -1, r;

	pctxt = xmlRelaxNGNewParserCtxt(rng);
	if (pctxt == NULL) {
		c->internal = 1;
		return diag_error(c->d, rng, 0, "cannot create a RELAX NG parser");
	}
	xmlRelaxNGSetParserStructuredErrors(pctxt, schema_error, &sc);
	xmlSetStructuredErrorFunc(&sc, schema_error); /* I/O errors too */
	schema = xmlRelaxNGParse(pctxt);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlRelaxNGFreeParserCtxt(pctxt);
	if (schema == NULL) {
		c->internal = 1;
		if (c->d->errors == before)
			diag_error(c->d, rng, 0, "cannot read the schema");
		goto out;
	}
	vctxt = xmlRelaxNGNewValidCtxt(schema);
	if (vctxt == NULL) {
		c->internal = 1;
		diag_error(c->d, rng, 0, "cannot create a RELAX NG validator");
		goto out;
	}
	sc.path = path;
	xmlRelaxNGSetValidStructuredErrors(vctxt, schema_error, &sc);
	/* ID/IDREF errors bypass the context's handler: catch them too. */
	xmlSetStructuredErrorFunc(&sc, schema_error);
	r = xmlRelaxNGValidateDoc(vctxt, doc);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (r == 0)
		ret = 0;
	else if (c->d->errors == before)
		diag_error(c->d, path, 0, "does not validate against %s", rng);
out:
	if (vctxt)
		xmlRelaxNGFreeValidCtxt(vctxt);
	if (schema)
		xmlRelaxNGFree(schema);
	return ret;
}

/* ---------------------------------------------------------------------- */
/* Registry: common/registry reads it and reports its own errors. */

/* ---------------------------------------------------------------------- */
/* Plan */

static void
check_year(struct check *c, xmlDocPtr doc, const char *path)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	char *year;

	if (c->year == NULL || root == NULL)
		return;
	year = xmlio_attr(root, "year");
	if (year && strcmp(year, c->year) != 0)
		diag_error(c->d, path, xmlGetLineNo(root),
		           "year=\"%s\" but this is the input for %s", year, c->year);
	xmlFree(year);
}

/* Adds `id` of node `n` to `table`; a second use is an error. */
static void
add_id(struct check *c, xmlHashTablePtr table, xmlNodePtr n, const char *id, const char *path)
{
	xmlNodePtr first = xmlHashLookup(table, (const xmlChar *)id);

	if (first)
		diag_error(c->d, path, xmlGetLineNo(n), "duplicate id '%s' (first at line %ld)", id,
		           xmlGetLineNo(first));
	else
		xmlHashAddEntry(table, (const xmlChar *)id, n);
}

/* inputs.md "Measure identifiers": a node's id is its parent's id, a `-`,
 * then its number, G<n> (groups) or label.  `scope` is the id of the nearest
 * area, field or section (groups do not count for measures). */
static void
expect_id(struct check *c, xmlNodePtr n, const char *id, const char *scope, const char *parent)
{
	struct strbuf want = STRBUF_INIT;
	char *num = xmlio_attr(n, "num"), *label = xmlio_attr(n, "label");
	int ok = 1;

	if (xmlio_is(n, "area") && num)
		strbuf_addstr(&want, num);
	else if ((xmlio_is(n, "field") || xmlio_is(n, "section")) && num && parent)
		strbuf_addf(&want, "%s-%s", parent, num);
	else if ((xmlio_is(n, "measure") || xmlio_is(n, "relist")) && label && scope)
		strbuf_addf(&want, "%s-%s", scope, label);
	if (want.len && strcmp(want.buf, id) != 0)
		ok = 0;
	if (xmlio_is(n, "group") && parent) {
		size_t pl = strlen(parent);

		ok = strncmp(id, parent, pl) == 0 && strncmp(id + pl, "-G", 2) == 0;
		if (!ok)
			strbuf_addf(&want, "%s-G<n>", parent);
	}
	if (!ok)
		diag_error(c->d, c->plan_path, xmlGetLineNo(n),
		           "%s id '%s' does not match its place in the plan (expected '%s')",
		           (const char *)n->name, id, want.buf);
	strbuf_release(&want);
	xmlFree(num);
	xmlFree(label);
}

/* First pass: every node id, relist position and footnote id. */
static void
plan_collect(struct check *c, xmlNodePtr parent, const char *scope, const char *pid,
             xmlHashTablePtr footnotes)
{
	xmlNodePtr n;

	for (n = parent->children; n; n = n->next) {
		char *id;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlio_is(n, "footnote")) {
			id = xmlio_attr(n, "id");
			if (id)
				add_id(c, footnotes, n, id, c->plan_path);
			xmlFree(id);
			continue;
		}
		if (xmlio_is(n, "relist")) {
			id = xmlio_attr(n, "at");
			if (id) {
				add_id(c, c->planids, n, id, c->plan_path);
				expect_id(c, n, id, scope, pid);
			}
			xmlFree(id);
			continue;
		}
		if (!is_plan_node(n)) {
			plan_collect(c, n, scope, pid, footnotes);
			continue;
		}
		if (xmlio_is(n, "measure"))
			c->measures++;
		id = xmlio_attr(n, "id");
		if (id == NULL) {
			plan_collect(c, n, scope, pid, footnotes);
			continue;
		}
		add_id(c, c->planids, n, id, c->plan_path);
		expect_id(c, n, id, scope, pid);
		plan_collect(c, n, xmlio_is(n, "group") ? scope : id, id, footnotes);
		xmlFree(id);
	}
}

/* A plan's <ministry ref> or <group ref>: a code of that kind, exactly. */
static void
resolve(struct check *c, xmlNodePtr n, int group, const char *attr, const char *what)
{
	char *ref = xmlio_attr(n, attr);
	const struct registry_entry *e = ref ? registry_code(&c->reg, ref) : NULL;

	if (ref && (e == NULL || e->group != group))
		diag_error(c->d, c->plan_path, xmlGetLineNo(n), "%s '%s' is not in %s", what, ref,
		           c->registry_path);
	xmlFree(ref);
}

/* Labels in the order printed plans use (inputs.md "Labels are katakana as
 * printed: ア イ ウ … ン"). */
static const char *const kana[] = {
    "ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ", "サ", "シ", "ス", "セ", "ソ", "タ",
    "チ", "ツ", "テ", "ト", "ナ", "ニ", "ヌ", "ネ", "ノ", "ハ", "ヒ", "フ", "ヘ", "ホ", "マ", "ミ",
    "ム", "メ", "モ", "ヤ", "ユ", "ヨ", "ラ", "リ", "ル", "レ", "ロ", "ワ", "ヲ", "ン", NULL};

static int
kana_index(const char *label)
{
	int i;

	for (i = 0; kana[i]; i++)
		if (strcmp(kana[i], label) == 0)
			return i;
	return -1;
}

/* One label of a scope: `next` is the index the label should have. */
static void
label_step(struct check *c, xmlNodePtr n, const char *scope, int complete, int *next)
{
	char *label = xmlio_attr(n, "label");
	int k = label ? kana_index(label) : -1;

	if (k < 0) {
		/* a continuation beyond ン: no order known */
	} else if (complete && k != *next) {
		diag_error(c->d, c->plan_path, xmlGetLineNo(n),
		           "%s: label %s out of sequence (expected %s)", scope, label,
		           *next < 46 ? kana[*next] : "?");
	} else if (!complete && k < *next) {
		diag_error(c->d, c->plan_path, xmlGetLineNo(n),
		           "%s: label %s out of order (after %s)", scope, label,
		           *next > 0 ? kana[*next - 1] : "-");
	}
	if (k >= 0)
		*next = k + 1;
	xmlFree(label);
}

/*
 * Labels run ア イ ウ … through each area, field or section (groups do not
 * restart them).  A complete plan has them consecutive from ア; a plan that
 * carries measures over (FY2014, built from the annex of 001, which lists
 * only some) has them increasing with gaps.
 */
static void
plan_labels(struct check *c, xmlNodePtr scope, int complete)
{
	xmlNodePtr n, k;
	char *id = xmlio_attr(scope, "id");
	int next = 0;

	for (n = scope->children; n; n = n->next) {
		if (xmlio_is(n, "measure") || xmlio_is(n, "relist")) {
			label_step(c, n, id ? id : "?", complete, &next);
		} else if (xmlio_is(n, "group")) {
			for (k = n->children; k; k = k->next)
				if (xmlio_is(k, "measure") || xmlio_is(k, "relist"))
					label_step(c, k, id ? id : "?", complete, &next);
		} else if (xmlio_is(n, "area") || xmlio_is(n, "field") || xmlio_is(n, "section")) {
			plan_labels(c, n, complete);
		}
	}
	xmlFree(id);
}

static int
has_from(xmlNodePtr parent)
{
	xmlNodePtr n;

	for (n = parent->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlio_is(n, "measure") && xmlHasProp(n, (const xmlChar *)"from"))
			return 1;
		if (has_from(n))
			return 1;
	}
	return 0;
}

/* Second pass: references (再掲, ministries, groups, footnote marks). */
static void
plan_refs(struct check *c, xmlNodePtr parent, xmlHashTablePtr footnotes)
{
	xmlNodePtr n;

	for (n = parent->children; n; n = n->next) {
		char *ref;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlio_is(n, "relist")) {
			xmlNodePtr target;

			ref = xmlio_attr(n, "ref");
			target = ref ? xmlHashLookup(c->planids, (xmlChar *)ref) : NULL;
			if (ref && target == NULL)
				diag_error(c->d, c->plan_path, xmlGetLineNo(n),
				           "再掲 reference '%s' is not a measure of the plan", ref);
			else if (target && !xmlio_is(target, "measure"))
				diag_error(c->d, c->plan_path, xmlGetLineNo(n),
				           "再掲 reference '%s' is a %s, not a measure", ref,
				           (const char *)target->name);
			xmlFree(ref);
		} else if (xmlio_is(n, "ministry") && c->registry) {
			resolve(c, n, 0, "ref", "ministry");
		} else if (xmlio_is(n, "group") && n->parent && xmlio_is(n->parent, "resp") &&
		           c->registry) {
			resolve(c, n, 1, "ref", "group");
			continue;
		} else if (xmlio_is(n, "fnref")) {
			ref = xmlio_attr(n, "ref");
			if (ref && xmlHashLookup(footnotes, (xmlChar *)ref) == NULL)
				diag_error(c->d, c->plan_path, xmlGetLineNo(n),
				           "footnote mark '%s' has no <footnote id=\"%s\">", ref,
				           ref);
			xmlFree(ref);
		}
		plan_refs(c, n, footnotes);
	}
}

/* ---------------------------------------------------------------------- */
/* Matrix */

static void
matrix_target(struct check *c, xmlNodePtr n, const char *attr)
{
	char *ref = xmlio_attr(n, attr);

	if (ref && c->plan && xmlHashLookup(c->planids, (xmlChar *)ref) == NULL)
		diag_error(c->d, c->matrix_path, xmlGetLineNo(n), "%s %s '%s' is not a node of %s",
		           (const char *)n->name, attr, ref, c->plan_path);
	xmlFree(ref);
}

static void
matrix_walk(struct check *c, xmlNodePtr parent, xmlHashTablePtr indicators)
{
	xmlNodePtr n;

	for (n = parent->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlio_is(n, "entry")) {
			c->entries++;
			matrix_target(c, n, "target");
		} else if (xmlio_is(n, "domain")) {
			matrix_target(c, n, "ref");
		} else if (xmlio_is(n, "text") && parent == xmlDocGetRootElement(c->matrix)) {
			matrix_target(c, n, "target");
			continue;
		} else if (xmlio_is(n, "indicator")) {
			char *id = xmlio_attr(n, "id");

			if (id)
				add_id(c, indicators, n, id, c->matrix_path);
			xmlFree(id);
			continue;
		}
		matrix_walk(c, n, indicators);
	}
}

/* ---------------------------------------------------------------------- */

/* ---------------------------------------------------------------------- */
/* Characters the pinned fonts cannot draw (issue 12) */

int
check_fonts(struct check *c, const char *conf)
{
	c->fonts_path = conf;
	c->fonts = fonts_new(conf, c->d);
	if (c->fonts == NULL || fonts_resolve(c->fonts, c->d) < 0) {
		c->internal = 1;
		return -1;
	}
	c->chars_seen = xmlHashCreate(64);
	return 0;
}

/* Reports each character of `s` no pinned face has, at FILE:LINE, once
 * per character and line. */
static void
chars_string(struct check *c, const char *s, const char *file, long line)
{
	const char *p;

	if (s == NULL || !g_utf8_validate(s, -1, NULL))
		return; /* the parser or ingest says so */
	for (p = s; *p; p = g_utf8_next_char(p)) {
		gunichar ch = g_utf8_get_char(p);
		struct strbuf key = STRBUF_INIT;
		char utf8[8];
		int len;

		if (fonts_has_char(c->fonts, ch))
			continue;
		strbuf_addf(&key, "%s:%ld:%X", file, line, (unsigned)ch);
		if (xmlHashAddEntry(c->chars_seen, (xmlChar *)key.buf, c) == 0) {
			len = g_unichar_to_utf8(ch, utf8);
			utf8[len] = '\0';
			diag_error(c->d, file, line,
			           "character U+%04X '%s' is in none of the pinned fonts (%s); "
			           "replace it (write it in words or with a character the fonts "
			           "have) and run again",
			           (unsigned)ch, utf8, c->fonts_path);
		}
		strbuf_release(&key);
	}
}

static long
newlines(const xmlChar *t)
{
	long k = 0;

	for (; t && *t; t++)
		k += *t == '\n';
	return k;
}

/* The line a text node starts on: libxml2 numbers a text node where its
 * first chunk ended, so count from the element before it (its start tag
 * and content) or from its parent's start tag. */
static long
text_start_line(xmlNodePtr n)
{
	xmlNodePtr p = n->prev;
	xmlChar *t;
	long line;

	if (p == NULL)
		return n->parent && n->parent->type == XML_ELEMENT_NODE ? xmlGetLineNo(n->parent)
		                                                        : xmlGetLineNo(n);
	if (p->type != XML_ELEMENT_NODE)
		return text_start_line(p) + newlines(p->content);
	t = xmlNodeGetContent(p);
	line = xmlGetLineNo(p) + newlines(t);
	xmlFree(t);
	return line;
}

/* Has `s` a character no pinned face has? */
static int
chars_any(struct check *c, const char *s)
{
	const char *p;

	if (s == NULL || !g_utf8_validate(s, -1, NULL))
		return 0;
	for (p = s; *p; p = g_utf8_next_char(p))
		if (!fonts_has_char(c->fonts, g_utf8_get_char(p)))
			return 1;
	return 0;
}

/* Every text node and attribute value of an input XML under `n`. */
static void
chars_xml(struct check *c, xmlNodePtr n, const char *file)
{
	xmlAttrPtr a;

	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			const char *t = (const char *)n->content, *from = t, *q;
			long line;

			if (!chars_any(c, t))
				continue;
			/* line by line, so each character gets its own line */
			line = text_start_line(n);
			for (q = t; *q; q++)
				if (*q == '\n') {
					char *piece = xstrndup(from, (size_t)(q - from));

					chars_string(c, piece, file, line++);
					free(piece);
					from = q + 1;
				}
			chars_string(c, from, file, line);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (a = n->properties; a; a = a->next) {
			xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);

			chars_string(c, (const char *)v, file, xmlGetLineNo(n));
			xmlFree(v);
		}
		chars_xml(c, n->children, file);
	}
}

/* `s` of a submission row (src="file.csv:12"): at that CSV file and line,
 * else at `line` of the ingest output `path`. */
static void
chars_at(struct check *c, const char *s, const char *path, long line, const char *src)
{
	const char *colon = src ? strrchr(src, ':') : NULL;
	char *end = NULL, *file;
	long l = 0;

	if (colon && colon > src)
		l = strtol(colon + 1, &end, 10);
	if (l > 0 && end && *end == '\0') {
		const char *full;

		file = xstrndup(src, (size_t)(colon - src));
		full = c->csv_paths ? xmlHashLookup(c->csv_paths, (xmlChar *)file) : NULL;
		chars_string(c, s, full ? full : file, l);
		free(file);
	} else {
		chars_string(c, s, path, line);
	}
}

/* The rows of an ingest output, their text and attributes. */
static void
chars_row(struct check *c, xmlNodePtr n, const char *path, const char *src)
{
	xmlAttrPtr a;

	for (; n; n = n->next) {
		char *own;
		const char *s;

		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			chars_at(c, (const char *)n->content, path, xmlGetLineNo(n), src);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE || xmlio_is(n, "diag") || xmlio_is(n, "file"))
			continue; /* ingest's own words; file names */
		own = xmlio_attr(n, "src");
		s = own && *own ? own : src;
		for (a = n->properties; a; a = a->next) {
			xmlChar *v;

			if (strcmp((const char *)a->name, "src") == 0 ||
			    strcmp((const char *)a->name, "path") == 0)
				continue;
			v = xmlNodeListGetString(n->doc, a->children, 1);
			chars_at(c, (const char *)v, path, xmlGetLineNo(n), s);
			xmlFree(v);
		}
		chars_row(c, n->children, path, s);
		xmlFree(own);
	}
}

/* ---------------------------------------------------------------------- */

static xmlDocPtr
load_valid(struct check *c, const char *schemas, const char *name, const char *path)
{
	struct strbuf rng = STRBUF_INIT;
	xmlDocPtr doc = xmlio_load(path, c->d);

	if (doc == NULL)
		return NULL;
	strbuf_addf(&rng, "%s/%s.rng", schemas, name);
	check_schema(c, rng.buf, doc, path);
	strbuf_release(&rng);
	return doc;
}

int
check_inputs(struct check *c, const char *schemas, const char *registry, const char *plan,
             const char *matrix)
{
	size_t before = c->d->errors;

	c->registry_path = registry;
	c->plan_path = plan;
	c->matrix_path = matrix;
	c->registry = load_valid(c, schemas, "registry", registry);
	c->plan = load_valid(c, schemas, "plan", plan);
	c->matrix = load_valid(c, schemas, "matrix", matrix);
	if (c->registry)
		registry_read(&c->reg, c->registry, registry, c->d);
	if (c->plan) {
		xmlHashTablePtr footnotes = xmlHashCreate(256);
		xmlNodePtr root = xmlDocGetRootElement(c->plan);

		check_year(c, c->plan, plan);
		if (root) {
			plan_collect(c, root, NULL, NULL, footnotes);
			plan_refs(c, root, footnotes);
			plan_labels(c, root, !has_from(root));
		}
		xmlHashFree(footnotes, NULL);
	}
	if (c->matrix) {
		xmlHashTablePtr indicators = xmlHashCreate(256);
		xmlNodePtr root = xmlDocGetRootElement(c->matrix);

		check_year(c, c->matrix, matrix);
		if (root)
			matrix_walk(c, root, indicators);
		xmlHashFree(indicators, NULL);
	}
	if (c->fonts) {
		if (c->registry)
			chars_xml(c, c->registry->children, registry);
		if (c->plan)
			chars_xml(c, c->plan->children, plan);
		if (c->matrix)
			chars_xml(c, c->matrix->children, matrix);
	}
	return c->d->errors > before ? -1 : 0;
}

/* What check_submissions() keeps while the file streams by. */
struct subs {
	struct check *c;
	const char *path;
	xmlHashTablePtr who; /* ministry codes with a row (a set: no values) */
	size_t counted;      /* rows met */
	/* ministries with a row, ingest's <diag> errors and warnings: added
	 * to c's only once the whole file is read */
	size_t submitters, errors, warnings;
	int started, bad; /* the root seen; it is not <submissions> */
};

/* The root, once: its name and its year. */
static void
subs_start(struct subs *s, xmlDocPtr doc)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);

	s->started = 1;
	if (root == NULL || !xmlio_is(root, "submissions")) {
		diag_error(s->c->d, s->path, root ? xmlGetLineNo(root) : 0,
		           "not an ingest output: the root element is not <submissions>");
		s->bad = 1;
		return;
	}
	check_year(s->c, doc, s->path);
}

/* One row of the file (a child of the root, or of an <area>: design.md,
 * rows of no plan area, then one <area> per plan area holding its rows),
 * as xmlio_load_each() hands it over; 1: free it. */
static int
subs_row(xmlNodePtr n, int depth, void *arg)
{
	struct subs *s = arg;
	struct check *c = s->c;

	if (depth == 2 && !xmlio_is(n->parent, "area"))
		return 0; /* part of a row, checked with it */
	if (!s->started)
		subs_start(s, n->doc);
	if (s->bad)
		return 1;
	if (c->fonts && xmlio_is(n, "file")) {
		/* the CSV files by name (src="name:line"), as ingest read them */
		char *name = xmlio_attr(n, "name"), *fp = xmlio_attr(n, "path");

		if (name && fp && xmlHashAddEntry(c->csv_paths, (xmlChar *)name, fp) == 0)
			fp = NULL;
		xmlFree(name);
		xmlFree(fp);
	}
	if (c->fonts)
		chars_row(c, n, s->path, NULL); /* n is its parent's last child */
	if (xmlio_is(n, "progress") || xmlio_is(n, "indicator")) {
		char *m = xmlio_attr(n, "ministry");
		const struct registry_entry *e = NULL;

		s->counted++;
		if (m && *m && c->registry) {
			/* the rule ingest filed the row by */
			e = registry_find(&c->reg, m);
			if (e == NULL || e->group)
				diag_error(c->d, s->path, xmlGetLineNo(n),
				           "the row's ministry '%s' is not a ministry of %s: "
				           "make the file again with ingest and this registry",
				           m, c->registry_path);
		}
		if (m && *m && xmlHashAddEntry(s->who, (const xmlChar *)(e ? e->code : m), s) == 0)
			s->submitters++;
		xmlFree(m);
	} else if (xmlio_is(n, "diag")) {
		char *sev = xmlio_attr(n, "severity");

		if (sev && strcmp(sev, "error") == 0)
			s->errors++;
		else if (sev && strcmp(sev, "warning") == 0)
			s->warnings++;
		xmlFree(sev);
	}
	return 1;
}

/* The file is read row by row and each row freed once checked, so a
 * year of any size is checked in the memory of one row (issue 13). */
int
check_submissions(struct check *c, const char *path)
{
	struct stat st;
	struct subs s = {c, path, NULL, 0, 0, 0, 0, 0, 0};
	xmlDocPtr doc;
	char *rows;

	if (stat(path, &st) < 0 && errno == ENOENT)
		return 0;
	s.who = xmlHashCreate(64);
	if (c->fonts)
		c->csv_paths = xmlHashCreate(64);
	doc = xmlio_load_each(path, c->d, subs_row, &s);
	if (c->csv_paths)
		xmlHashFree(c->csv_paths, xmlHashDefaultDeallocator);
	c->csv_paths = NULL;
	xmlHashFree(s.who, NULL);
	if (doc == NULL)
		return -1;
	if (!s.started)
		subs_start(&s, doc);
	if (s.bad) {
		xmlFreeDoc(doc);
		return -1;
	}
	/* design.md: rows="…" is ingest's count of rows read; without it,
	 * the rows emitted. */
	rows = xmlio_attr(xmlDocGetRootElement(doc), "rows");
	if (rows && *rows) {
		char *end;
		unsigned long v;

		errno = 0;
		v = strtoul(rows, &end, 10);
		if (errno || *end)
			diag_error(c->d, path, xmlGetLineNo(xmlDocGetRootElement(doc)),
			           "rows=\"%s\" is not a count", rows);
		else
			s.counted = v;
	}
	c->rows += s.counted;
	c->submitters += s.submitters;
	c->sub_errors += s.errors;
	c->sub_warnings += s.warnings;
	xmlFree(rows);
	xmlFreeDoc(doc);
	return 0;
}

size_t
check_errors(const struct check *c)
{
	return c->d->errors + c->sub_errors;
}

void
check_summary(const struct check *c, FILE *out)
{
	fprintf(out,
	        _("plan: %zu measures, matrix: %zu entries, submissions: %zu rows "
	          "from %zu ministries, %zu errors, %zu warnings\n"),
	        c->measures, c->entries, c->rows, c->submitters, check_errors(c),
	        c->d->warnings + c->sub_warnings);
}

/* ---------------------------------------------------------------------- */
/* report.xml (issue 14): the year's own words */

/* "YYYY-MM-DD", a real day: 0 and the fields, else -1. */
int
check_parse_date(const char *s, int *y, int *m, int *d)
{
	size_t i;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	*d = (s[8] - '0') * 10 + (s[9] - '0');
	if (*y < 1 || !g_date_valid_dmy((GDateDay)*d, (GDateMonth)*m, (GDateYear)*y))
		return -1;
	return 0;
}

/*
 * The publication date `s` of fiscal year `fy` (from `file`:`line`): a
 * real day, on or after FY+1-04-01 (the year has ended) and before
 * FY+2-04-01.  An error, or a warning in a draft.
 */
static void
report_date(struct check *c, const char *s, int fy, const char *file, long line, int draft)
{
	enum diag_severity sev = draft ? DIAG_WARNING : DIAG_ERROR;
	int y, m, d;
	long v;

	if (check_parse_date(s, &y, &m, &d) < 0) {
		diag_add(c->d, sev, file, line, NULL, NULL,
		         "'%s' is not a date: write the publication date as YYYY-MM-DD "
		         "(2015-06-25)",
		         s);
		return;
	}
	if (fy <= 0)
		return;
	v = (long)y * 10000 + m * 100 + d;
	if (v < (long)(fy + 1) * 10000 + 401 || v > (long)(fy + 2) * 10000 + 331)
		diag_add(c->d, sev, file, line, NULL, NULL,
		         "date %s is not in the year after fiscal year %d ended: the annual "
		         "report is published between %d-04-01 and %d-03-31",
		         s, fy, fy + 1, fy + 2);
}

/* Every review="required", <ref to> and the logo under `n`. */
static void
report_walk(struct check *c, xmlNodePtr n, const char *path, int draft)
{
	for (; n; n = n->next) {
		char *v;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if ((v = xmlio_attr(n, "review")) != NULL) {
			if (strcmp(v, "required") == 0)
				diag_add(c->d, draft ? DIAG_WARNING : DIAG_ERROR, path,
				         xmlGetLineNo(n), NULL, NULL,
				         "<%s> still says review=\"required\": reread it (it was "
				         "carried over from last year), correct it, then delete "
				         "review=\"required\"",
				         (const char *)n->name);
			xmlFree(v);
		}
		if (xmlio_is(n, "ref") && (v = xmlio_attr(n, "to")) != NULL) {
			xmlNodePtr target = xmlHashLookup(c->planids, (xmlChar *)v);

			if (c->plan && target == NULL)
				diag_error(c->d, path, xmlGetLineNo(n),
				           "<ref to=\"%s\"> is not a measure of the plan", v);
			xmlFree(v);
		}
		report_walk(c, n->children, path, draft);
	}
}

/* The logo `src` beside `path`: a PNG, JPEG or SVG file that can be read. */
static void
report_logo(struct check *c, xmlNodePtr logo, const char *path)
{
	char *src = xmlio_attr(logo, "src");
	struct strbuf full = STRBUF_INIT;
	unsigned char head[256];
	size_t n = 0;
	FILE *f;

	if (src == NULL || *src == '\0' || strchr(src, '/')) {
		xmlFree(src);
		return; /* the schema said so */
	}
	strbuf_add(&full, path, (size_t)(path_base(path) - path)); /* its folder */
	strbuf_addstr(&full, src);
	if ((f = fopen(full.buf, "rb")) != NULL) {
		n = fread(head, 1, sizeof(head) - 1, f);
		fclose(f);
	}
	head[n] = '\0';
	if (f == NULL)
		diag_error(c->d, path, xmlGetLineNo(logo),
		           "logo '%s' cannot be read (%s): put the file beside report.xml",
		           full.buf, strerror(errno));
	else if (!(n >= 8 && memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0) &&
	         !(n >= 3 && memcmp(head, "\xff\xd8\xff", 3) == 0) &&
	         strstr((const char *)head, "<svg") == NULL &&
	         strstr((const char *)head, "<?xml") == NULL)
		diag_error(c->d, path, xmlGetLineNo(logo),
		           "logo '%s' is not a PNG, JPEG or SVG file: save it as one of them",
		           full.buf);
	strbuf_release(&full);
	xmlFree(src);
}

int
check_report(struct check *c, const char *schemas, const char *path, const char *report_date_arg,
             int draft)
{
	size_t before = c->d->errors;
	xmlDocPtr doc;
	xmlNodePtr root, n, date = NULL, logo = NULL;
	int fy = c->year ? (int)strtol(c->year, NULL, 10) : 0;

	doc = load_valid(c, schemas, "report", path);
	if (doc == NULL || (root = xmlDocGetRootElement(doc)) == NULL) {
		xmlFreeDoc(doc);
		return -1;
	}
	check_year(c, doc, path);
	for (n = root->children; n; n = n->next) {
		if (xmlio_is(n, "date"))
			date = n;
		else if (xmlio_is(n, "logo"))
			logo = n;
	}
	if (report_date_arg && *report_date_arg) {
		report_date(c, report_date_arg, fy, "REPORT_DATE", 0, draft);
	} else if (date) {
		xmlChar *t = xmlNodeGetContent(date);
		char *s = g_strstrip(g_strdup((const char *)t));

		if (*s == '\0')
			diag_add(c->d, draft ? DIAG_WARNING : DIAG_ERROR, path, xmlGetLineNo(date),
			         NULL, NULL,
			         "<date> is empty: write the publication date as YYYY-MM-DD "
			         "(or give REPORT_DATE=YYYY-MM-DD to make)");
		else
			report_date(c, s, fy, path, xmlGetLineNo(date), draft);
		g_free(s);
		xmlFree(t);
	}
	if (logo)
		report_logo(c, logo, path);
	report_walk(c, root, path, draft);
	if (c->fonts)
		chars_xml(c, root, path);
	xmlFreeDoc(doc);
	return c->d->errors > before ? -1 : 0;
}
