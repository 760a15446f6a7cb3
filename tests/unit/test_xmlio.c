/*
 * xmlio (pipeline/common/xmlio.h): the parser never reaches the network
 * or the file system on an input's behalf, refuses entity declarations at
 * once (XXE, parameter-entity XXE, billion laughs), bounds nesting depth,
 * and reports every problem as FILE:LINE through the diag.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <libxml/parser.h>

#include "diag.h"
#include "strbuf.h"
#include "xmlio.h"

static const char XXE[] = "<?xml version=\"1.0\"?>\n"
                          "<!DOCTYPE plan [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                          "<plan year=\"2014\" title=\"&e;\">&e;</plan>\n";

static const char XXE_PARAM[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE plan [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>\n"
    "<plan year=\"2014\"/>\n";

/* Parses `text` from memory as "t.xml" with a silent diag. */
static xmlDocPtr
load(const char *text, size_t len, struct diag *d)
{
	diag_init(d, NULL);
	return xmlio_load_memory(text, len, "t.xml", d);
}

/* The one message recorded, with its line. */
static void
assert_one(const struct diag *d, long line, const char *msg)
{
	assert_int_equal(d->errors, 1);
	assert_string_equal(d->v[0].file, "t.xml");
	assert_int_equal(d->v[0].line, line);
	assert_string_equal(d->v[0].message, msg);
}

static void
test_plain_document(void **state)
{
	static const char t[] =
	    "<?xml version=\"1.0\"?>\n<plan year=\"2014\">\n<area id=\"1\"/></plan>\n";
	struct diag d;
	xmlDocPtr doc = load(t, sizeof(t) - 1, &d);

	(void)state;
	assert_non_null(doc);
	assert_int_equal(d.errors, 0);
	assert_int_equal(xmlGetLineNo(xmlDocGetRootElement(doc)->children->next), 3);
	xmlFreeDoc(doc);
	diag_release(&d);
}

static void
test_xxe_refused(void **state)
{
	struct diag d;
	xmlDocPtr doc = load(XXE, sizeof(XXE) - 1, &d);

	(void)state;
	assert_null(doc);
	assert_one(&d, 1,
	           "entity declarations are not allowed in pipeline inputs; remove the DOCTYPE");
	diag_release(&d);
}

static void
test_xxe_parameter_refused(void **state)
{
	struct diag d;
	xmlDocPtr doc = load(XXE_PARAM, sizeof(XXE_PARAM) - 1, &d);

	(void)state;
	assert_null(doc);
	assert_one(&d, 1,
	           "entity declarations are not allowed in pipeline inputs; remove the DOCTYPE");
	diag_release(&d);
}

static void
test_internal_entity_refused(void **state)
{
	static const char t[] = "<!DOCTYPE r [<!ENTITY a \"x\">]><r>&a;</r>";
	struct diag d;
	xmlDocPtr doc = load(t, sizeof(t) - 1, &d);

	(void)state;
	assert_null(doc);
	assert_int_equal(d.errors, 1);
	diag_release(&d);
}

/* A plain DOCTYPE naming an external DTD is neither fetched nor an error. */
static void
test_external_dtd_not_loaded(void **state)
{
	static const char t[] = "<!DOCTYPE r SYSTEM \"http://127.0.0.1:9/x.dtd\"><r a=\"1\"/>";
	struct diag d;
	xmlDocPtr doc = load(t, sizeof(t) - 1, &d);

	(void)state;
	assert_non_null(doc);
	assert_int_equal(d.errors, 0);
	assert_null(doc->extSubset);
	xmlFreeDoc(doc);
	diag_release(&d);
}

/* Billion laughs: refused at the first declaration, one error, at once. */
static void
test_billion_laughs(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct diag d;
	xmlDocPtr doc;
	int i, j;

	(void)state;
	strbuf_addstr(&sb, "<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n<!ENTITY l0 \"lol\">\n");
	for (i = 1; i < 10; i++) {
		strbuf_addf(&sb, "<!ENTITY l%d \"", i);
		for (j = 0; j < 10; j++)
			strbuf_addf(&sb, "&l%d;", i - 1);
		strbuf_addstr(&sb, "\">\n");
	}
	strbuf_addstr(&sb, "]>\n<r a=\"&l9;\">&l9;</r>\n");
	doc = load(sb.buf, sb.len, &d);
	assert_null(doc);
	assert_int_equal(d.errors, 1);
	xmlFreeDoc(doc);
	strbuf_release(&sb);
	diag_release(&d);
}

/* Nesting 10000 deep: one clear error, no crash, no XML_PARSE_HUGE advice. */
static void
test_deep_nesting(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct diag d;
	xmlDocPtr doc;
	int i;

	(void)state;
	strbuf_addstr(&sb, "<r>\n");
	for (i = 0; i < 10000; i++)
		strbuf_addstr(&sb, "<a>");
	for (i = 0; i < 10000; i++)
		strbuf_addstr(&sb, "</a>");
	strbuf_addstr(&sb, "</r>\n");
	doc = load(sb.buf, sb.len, &d);
	assert_null(doc);
	assert_true(d.errors >= 1);
	assert_string_equal(d.v[0].file, "t.xml");
	assert_int_equal(d.v[0].line, 2);
	assert_string_equal(
	    d.v[0].message,
	    "elements nested deeper than 256 levels; pipeline inputs never need that");
	strbuf_release(&sb);
	diag_release(&d);
}

/* 200 levels are fine (the real plans nest fewer than 10). */
static void
test_depth_200_ok(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct diag d;
	xmlDocPtr doc;
	int i;

	(void)state;
	for (i = 0; i < 200; i++)
		strbuf_addstr(&sb, "<a>");
	for (i = 0; i < 200; i++)
		strbuf_addstr(&sb, "</a>");
	doc = load(sb.buf, sb.len, &d);
	assert_non_null(doc);
	assert_int_equal(d.errors, 0);
	xmlFreeDoc(doc);
	strbuf_release(&sb);
	diag_release(&d);
}

static void
test_syntax_error_line(void **state)
{
	static const char t[] = "<r>\n<a>\n</b>\n</r>\n";
	struct diag d;
	xmlDocPtr doc = load(t, sizeof(t) - 1, &d);

	(void)state;
	assert_null(doc);
	assert_true(d.errors >= 1);
	assert_string_equal(d.v[0].file, "t.xml");
	assert_int_equal(d.v[0].line, 3);
	assert_non_null(strstr(d.v[0].message, "mismatch"));
	diag_release(&d);
}

/* A libxml2 message longer than any fixed buffer is reported whole
 * (issue 13: no silent truncation): here it names a 3,000-byte tag. */
static void
test_long_message_whole(void **state)
{
	struct diag d;
	char *t = malloc(3000 * 2 + 16), *open = t + 1;
	xmlDocPtr doc;

	(void)state;
	assert_non_null(t);
	t[0] = '<';
	memset(open, 'a', 3000);
	strcpy(open + 3000, "></b>");
	doc = load(t, strlen(t), &d);
	assert_null(doc);
	assert_true(d.n >= 1);
	assert_non_null(strstr(d.v[0].message, "Opening and ending tag mismatch"));
	assert_true(strlen(d.v[0].message) > 3000);
	assert_non_null(strstr(d.v[0].message, " and b"));
	diag_release(&d);
	free(t);
}

static void
test_empty_input(void **state)
{
	struct diag d;
	xmlDocPtr doc = load("", 0, &d);

	(void)state;
	assert_null(doc);
	assert_true(d.errors >= 1);
	diag_release(&d);
}

static void
test_file_errors(void **state)
{
	char dir[] = "/tmp/test_xmlio.XXXXXX", path[64];
	struct diag d;
	FILE *fp;
	xmlDocPtr doc;

	(void)state;
	assert_non_null(mkdtemp(dir));
	diag_init(&d, NULL);
	snprintf(path, sizeof(path), "%s/none.xml", dir);
	assert_null(xmlio_load(path, &d));
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.v[0].message, "cannot read: No such file or directory");
	assert_null(xmlio_load(dir, &d));
	assert_int_equal(d.errors, 2);
	assert_string_equal(d.v[1].message, "cannot read: Is a directory");
	/* the XXE file on disk: refused, named by its path */
	snprintf(path, sizeof(path), "%s/xxe.xml", dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(XXE, fp);
	fclose(fp);
	doc = xmlio_load(path, &d);
	assert_null(doc);
	assert_int_equal(d.errors, 3);
	assert_string_equal(d.v[2].file, path);
	assert_int_equal(d.v[2].line, 1);
	unlink(path);
	rmdir(dir);
	diag_release(&d);
}

static int caller_calls;

static void
caller_handler(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	(void)err;
	caller_calls++;
}

/* The caller's structured error handler is in force again after a load. */
static void
test_handler_restored(void **state)
{
	static const char bad[] = "<r><a></r>";
	static int tag;
	struct diag d;

	(void)state;
	xmlSetStructuredErrorFunc(&tag, caller_handler);
	assert_null(load(bad, sizeof(bad) - 1, &d));
	assert_true(d.errors >= 1);
	assert_int_equal(caller_calls, 0);
	assert_ptr_equal(xmlStructuredError, caller_handler);
	assert_ptr_equal(xmlStructuredErrorContext, &tag);
	xmlSetStructuredErrorFunc(NULL, NULL);
	diag_release(&d);
}

/* xmlio_load_dict (libxslt's loader) shares the dictionary and refuses XXE alike. */
static void
test_load_dict(void **state)
{
	char dir[] = "/tmp/test_xmlio.XXXXXX", path[64];
	xmlDictPtr dict = xmlDictCreate();
	struct diag d;
	xmlDocPtr doc;
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	diag_init(&d, NULL);
	snprintf(path, sizeof(path), "%s/ok.xml", dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("<r a=\"1\"/>", fp);
	fclose(fp);
	doc = xmlio_load_dict(path, dict, &d);
	assert_non_null(doc);
	assert_ptr_equal(doc->dict, dict);
	xmlFreeDoc(doc);
	unlink(path);
	snprintf(path, sizeof(path), "%s/xxe.xml", dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(XXE_PARAM, fp);
	fclose(fp);
	assert_null(xmlio_load_dict(path, dict, &d));
	assert_int_equal(d.errors, 1);
	assert_string_equal(
	    d.v[0].message,
	    "entity declarations are not allowed in pipeline inputs; remove the DOCTYPE");
	unlink(path);
	rmdir(dir);
	xmlDictFree(dict);
	diag_release(&d);
}

/* What each_row() saw: "name@depth line" of each element, in order. */
static struct strbuf seen = STRBUF_INIT;

/* Frees every element but <keep> and the children of <part>. */
static int
each_row(xmlNodePtr n, int depth, void *arg)
{
	(void)arg;
	strbuf_addf(&seen, "%s@%d:%ld ", (const char *)n->name, depth, xmlGetLineNo(n));
	if (depth == 2 && xmlStrcmp(n->parent->name, (const xmlChar *)"part") == 0)
		return 0;
	return xmlStrcmp(n->name, (const xmlChar *)"keep") != 0;
}

/*
 * xmlio_load_each (check's reading of a whole year): every element of
 * depth 1 and 2 is handed over complete, in document order, with its
 * line; the ones freed are gone, the text around them (whitespace the
 * parser joins after a free) stays whole; XXE is refused alike.
 */
static void
test_load_each(void **state)
{
	static const char t[] =
	    "<r year=\"2014\">\n  <row n=\"1\">日本語</row>\n  <keep/>\n"
	    "  <area>\n    <row n=\"2\"/>  \n    <row n=\"3\"><x/></row>\n  </area>\n"
	    "  <part><y/></part>\n  text\n</r>\n";
	char dir[] = "/tmp/test_xmlio.XXXXXX", path[64];
	struct diag d;
	xmlDocPtr doc;
	xmlNodePtr root, n;
	struct strbuf text = STRBUF_INIT;
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	diag_init(&d, NULL);
	snprintf(path, sizeof(path), "%s/each.xml", dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(t, fp);
	fclose(fp);
	doc = xmlio_load_each(path, &d, each_row, NULL);
	assert_non_null(doc);
	assert_int_equal(d.errors, 0);
	assert_string_equal(seen.buf, "row@1:2 keep@1:3 row@2:5 row@2:6 area@1:4 y@2:8 part@1:8 ");
	root = xmlDocGetRootElement(doc);
	for (n = root->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			strbuf_addf(&text, "<%s>", (const char *)n->name);
		else
			strbuf_addf(&text, "[%s]", (const char *)n->content);
	assert_string_equal(text.buf, "[\n  \n  ]<keep>[\n  \n  \n  text\n]");
	xmlFreeDoc(doc);
	strbuf_release(&text);
	strbuf_release(&seen);
	unlink(path);
	snprintf(path, sizeof(path), "%s/xxe.xml", dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(XXE, fp);
	fclose(fp);
	assert_null(xmlio_load_each(path, &d, each_row, NULL));
	assert_int_equal(d.errors, 1);
	assert_int_equal(seen.len, 0);
	unlink(path);
	rmdir(dir);
	diag_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plain_document),
	    cmocka_unit_test(test_xxe_refused),
	    cmocka_unit_test(test_long_message_whole),
	    cmocka_unit_test(test_xxe_parameter_refused),
	    cmocka_unit_test(test_internal_entity_refused),
	    cmocka_unit_test(test_external_dtd_not_loaded),
	    cmocka_unit_test(test_billion_laughs),
	    cmocka_unit_test(test_deep_nesting),
	    cmocka_unit_test(test_depth_200_ok),
	    cmocka_unit_test(test_syntax_error_line),
	    cmocka_unit_test(test_empty_input),
	    cmocka_unit_test(test_file_errors),
	    cmocka_unit_test(test_handler_restored),
	    cmocka_unit_test(test_load_dict),
	    cmocka_unit_test(test_load_each),
	};
	int rc;

	LIBXML_TEST_VERSION
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
