/*
 * check (issue 2 item 4): cross-file rules on small inputs written to a
 * scratch directory, the submissions summary, and the matrix schema.
 * Run from the top of the tree (stylesheets/matrix.rng is read).
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

#include "check/check.h"
#include "diag.h"
#include "strbuf.h"
#include "xmlio.h"

static char dir[] = "/tmp/test_check.XXXXXX";

/* Writes `text` to DIR/name; returns the path (static buffer per slot). */
static const char *
put(int slot, const char *name, const char *text)
{
	static char paths[8][256];
	FILE *fp;

	snprintf(paths[slot], sizeof(paths[slot]), "%s/%s", dir, name);
	fp = fopen(paths[slot], "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	return paths[slot];
}

/* A schema accepting any element tree: the tests below are about the
 * rules no schema states. */
static const char any_rng[] =
    "<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\"><start><ref name=\"a\"/></start>"
    "<define name=\"a\"><element><anyName/><zeroOrMore><choice><attribute><anyName/>"
    "</attribute><text/><ref name=\"a\"/></choice></zeroOrMore></element></define></grammar>";

static const char registry[] =
    "<registry>\n"
    "  <ministry code=\"cas\" name=\"内閣官房\"><alias>NISC</alias></ministry>\n"
    "  <ministry code=\"mic\" name=\"総務省\"/>\n"
    "  <group code=\"all\" name=\"全府省庁\" expect=\"all\"/>\n"
    "  <group code=\"ci\" name=\"重要インフラ所管省庁\" expect=\"members\"><member "
    "ref=\"mic\"/></group>\n"
    "</registry>\n";

static const char plan_ok[] =
    "<plan year=\"2014\">\n"
    "  <area id=\"1\" num=\"1\">\n"
    "    <field id=\"1-1\" num=\"1\">\n"
    "      <group id=\"1-1-G1\">\n"
    "        <measure id=\"1-1-ア\" label=\"ア\" from=\"1-1-ア\"><resp><ministry "
    "ref=\"cas\"/><group ref=\"ci\"/></resp></measure>\n"
    "        <measure id=\"1-1-ウ\" label=\"ウ\"/>\n"
    "      </group>\n"
    "      <relist at=\"1-1-エ\" label=\"エ\" ref=\"1-1-ア\"/>\n"
    "    </field>\n"
    "  </area>\n"
    "  <area id=\"4\" num=\"4\"><measure id=\"4-ア\" label=\"ア\"/></area>\n"
    "</plan>\n";

static const char matrix_ok[] =
    "<matrix year=\"2014\">\n"
    "  <domains><domain ref=\"1\"><domain ref=\"1-1\"/></domain></domains>\n"
    "  <text target=\"1-1\"><p>x</p></text>\n"
    "  <entry target=\"1-1-ア\"><indicator id=\"a\"/><indicator id=\"b\"/></entry>\n"
    "  <entry target=\"1-1-G1\"/>\n"
    "  <entry target=\"1-1-エ\"/>\n"
    "</matrix>\n";

static int
setup(void **state)
{
	assert_non_null(mkdtemp(dir));
	put(0, "registry.rng", any_rng);
	put(0, "plan.rng", any_rng);
	put(0, "matrix.rng", any_rng);
	return 0;
}

static int
teardown(void **state)
{
	static const char *const names[] = {"registry.rng", "plan.rng", "matrix.rng",
	                                    "registry.xml", "plan.xml", "matrix.xml",
	                                    "sub.xml",      NULL};
	char path[256];
	size_t i;

	for (i = 0; names[i]; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);
	return 0;
}

/* Runs check_inputs on the three texts; the diag is left in `d`. */
static int
run(struct diag *d, struct check *c, const char *year, const char *reg, const char *plan,
    const char *matrix)
{
	const char *r = put(1, "registry.xml", reg);
	const char *p = put(2, "plan.xml", plan);
	const char *m = put(3, "matrix.xml", matrix);

	diag_init(d, NULL);
	check_init(c, d, year);
	return check_inputs(c, dir, r, p, m);
}

static void
finish(struct diag *d, struct check *c)
{
	check_release(c);
	diag_release(d);
}

static void
test_valid_inputs(void **state)
{
	struct diag d;
	struct check c;

	assert_int_equal(run(&d, &c, "2014", registry, plan_ok, matrix_ok), 0);
	assert_int_equal(d.errors, 0);
	assert_int_equal(c.measures, 3);
	assert_int_equal(c.entries, 3);
	finish(&d, &c);
}

/* Replaces the first `from` in `text` by `to` into `out`. */
static void
edit(struct strbuf *out, const char *text, const char *from, const char *to)
{
	const char *p = strstr(text, from);

	assert_non_null(p);
	strbuf_reset(out);
	strbuf_add(out, text, (size_t)(p - text));
	strbuf_addstr(out, to);
	strbuf_addstr(out, p + strlen(from));
}

static const struct {
	const char *name;
	int which; /* 0 registry, 1 plan, 2 matrix */
	const char *from, *to;
	long line;
	const char *message; /* of the first error */
	size_t errors;
} faults[] = {
    {"duplicate measure id", 1, "id=\"1-1-ウ\" label=\"ウ\"", "id=\"1-1-ア\" label=\"ウ\"", 6,
     "duplicate id '1-1-ア' (first at line 5)", 2}, /* and its label ウ */
    {"id off its place", 1, "<measure id=\"4-ア\"", "<measure id=\"4-1-ア\"", 11,
     "measure id '4-1-ア' does not match its place in the plan (expected '4-ア')", 1},
    {"relist to nothing", 1, "ref=\"1-1-ア\"/>", "ref=\"1-1-オ\"/>", 8,
     "再掲 reference '1-1-オ' is not a measure of the plan", 1},
    {"relist to a group", 1, "ref=\"1-1-ア\"/>", "ref=\"1-1-G1\"/>", 8,
     "再掲 reference '1-1-G1' is a group, not a measure", 1},
    {"unknown ministry", 1, "<ministry ref=\"cas\"/>", "<ministry ref=\"nisc\"/>", 5,
     "ministry 'nisc' is not in ", 1},
    {"group as ministry", 1, "<ministry ref=\"cas\"/>", "<ministry ref=\"ci\"/>", 5,
     "ministry 'ci' is not in ", 1},
    {"labels out of order", 1, "<relist at=\"1-1-エ\" label=\"エ\"",
     "<relist at=\"1-1-イ\" label=\"イ\"", 8, "1-1: label イ out of order (after ウ)",
     2}, /* and entry 1-1-エ dangles */
    {"plan of another year", 1, "<plan year=\"2014\">", "<plan year=\"2013\">", 1,
     "year=\"2013\" but this is the input for 2014", 1},
    {"entry to nothing", 2, "<entry target=\"1-1-G1\"/>", "<entry target=\"1-1-G2\"/>", 5,
     "entry target '1-1-G2' is not a node of ", 1},
    {"domain to nothing", 2, "<domain ref=\"1-1\"/>", "<domain ref=\"1-2\"/>", 2,
     "domain ref '1-2' is not a node of ", 1},
    {"text to nothing", 2, "<text target=\"1-1\">", "<text target=\"2\">", 3,
     "text target '2' is not a node of ", 1},
    {"duplicate indicator id", 2, "id=\"b\"", "id=\"a\"", 4, "duplicate id 'a' (first at line 4)",
     1},
    {"member not a ministry", 0, "<member ref=\"mic\"/>", "<member ref=\"all\"/>", 5,
     "member 'all' is not a ministry code of the registry", 1},
    {"alias used twice", 0, "name=\"総務省\"/>", "name=\"総務省\"><alias>NISC</alias></ministry>",
     3, "name or alias 'NISC' is used twice (first at line 2)", 1},
    {"code used twice", 0, "<group code=\"all\"", "<group code=\"mic\"", 4,
     "duplicate code 'mic' (first at line 3)", 1},
};

static void
test_faults(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(faults) / sizeof(faults[0]); i++) {
		const char *texts[3] = {registry, plan_ok, matrix_ok};
		struct diag d;
		struct check c;

		edit(&sb, texts[faults[i].which], faults[i].from, faults[i].to);
		texts[faults[i].which] = sb.buf;
		print_message("%s\n", faults[i].name);
		assert_int_equal(run(&d, &c, "2014", texts[0], texts[1], texts[2]), -1);
		assert_int_equal(d.errors, faults[i].errors);
		assert_int_equal(d.v[0].line, faults[i].line);
		assert_non_null(strstr(d.v[0].message, faults[i].message));
		assert_non_null(strstr(d.v[0].file, faults[i].which == 0   ? "registry.xml"
		                                    : faults[i].which == 1 ? "plan.xml"
		                                                           : "matrix.xml"));
		finish(&d, &c);
	}
	strbuf_release(&sb);
}

/* A plan without any `from` is complete: labels run ア イ ウ without gaps. */
static void
test_complete_plan_labels(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct diag d;
	struct check c;

	edit(&sb, plan_ok, " from=\"1-1-ア\"", "");
	assert_int_equal(run(&d, &c, NULL, registry, sb.buf, matrix_ok), -1);
	/* ア then ウ: イ is missing; エ follows ウ, 4-ア starts its own scope */
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.v[0].message, "1-1: label ウ out of sequence (expected イ)");
	assert_int_equal(d.v[0].line, 6);
	finish(&d, &c);
	strbuf_release(&sb);
}

static void
test_submissions(void **state)
{
	struct diag d;
	struct check c;
	const char *sub = put(
	    4, "sub.xml",
	    "<submissions year=\"2014\" rows=\"7\">\n"
	    "  <progress ministry=\"mic\"/><progress ministry=\"mic\"/>\n"
	    "  <progress ministry=\"cas\"/><indicator ref=\"a\" ministry=\"meti\"/>\n"
	    "  <indicator ref=\"a\"/>\n"
	    "  <diag severity=\"error\"/><diag severity=\"warning\"/><diag severity=\"warning\"/>\n"
	    "</submissions>\n");
	char buf[256];
	FILE *fp;

	diag_init(&d, NULL);
	check_init(&c, &d, "2014");
	assert_int_equal(check_submissions(&c, sub), 0);
	assert_int_equal(c.rows, 7);
	assert_int_equal(c.submitters, 3);
	assert_int_equal(c.sub_errors, 1);
	assert_int_equal(c.sub_warnings, 2);
	assert_int_equal(check_errors(&c), 1);
	fp = tmpfile();
	assert_non_null(fp);
	check_summary(&c, fp);
	rewind(fp);
	assert_non_null(fgets(buf, sizeof(buf), fp));
	fclose(fp);
	assert_string_equal(buf, "plan: 0 measures, matrix: 0 entries, submissions: 7 rows "
	                         "from 3 ministries, 1 errors, 2 warnings\n");
	finish(&d, &c);
}

static void
test_submissions_without_rows_attribute(void **state)
{
	struct diag d;
	struct check c;
	const char *sub = put(4, "sub.xml",
	                      "<submissions year=\"2014\"><progress ministry=\"cas\"/>"
	                      "<indicator ref=\"a\" ministry=\"cas\"/></submissions>\n");

	diag_init(&d, NULL);
	check_init(&c, &d, "2014");
	assert_int_equal(check_submissions(&c, sub), 0);
	assert_int_equal(c.rows, 2);
	assert_int_equal(c.submitters, 1);
	assert_int_equal(d.errors, 0);
	finish(&d, &c);
}

/* design.md: the rows of each plan area are inside its <area> */
static void
test_submissions_in_areas(void **state)
{
	struct diag d;
	struct check c;
	const char *sub = put(4, "sub.xml",
	                      "<submissions year=\"2014\">\n  <indicator ref=\"b\"/>\n"
	                      "  <area ref=\"1\">\n    <progress ministry=\"cas\"/>\n"
	                      "    <indicator ref=\"a\" ministry=\"mic\"/>\n  </area>\n"
	                      "  <area ref=\"2\"/>\n"
	                      "  <area ref=\"4\">\n    <progress ministry=\"meti\"/>\n  </area>\n"
	                      "  <diag severity=\"warning\"/>\n</submissions>\n");

	diag_init(&d, NULL);
	check_init(&c, &d, "2014");
	assert_int_equal(check_submissions(&c, sub), 0);
	assert_int_equal(c.rows, 4);
	assert_int_equal(c.submitters, 3);
	assert_int_equal(c.sub_warnings, 1);
	assert_int_equal(d.errors, 0);
	finish(&d, &c);
}

/* Errors check finds in the rows (a year or a ministry) are about the
 * rows: the file was read, its rows are counted (as before issue 13's
 * row-by-row read, which dropped the count on any such error). */
static void
test_submissions_row_errors_keep_count(void **state)
{
	struct diag d;
	struct check c;
	const char *sub;

	assert_int_equal(run(&d, &c, "2014", registry, plan_ok, matrix_ok), 0);
	sub = put(4, "sub.xml",
	          "<submissions year=\"2013\" rows=\"3\">\n  <progress ministry=\"cas\"/>\n"
	          "  <progress ministry=\"meti\"/>\n  <indicator ref=\"a\" ministry=\"mic\"/>\n"
	          "</submissions>\n");
	assert_int_equal(check_submissions(&c, sub), 0);
	assert_int_equal(d.errors, 2); /* year="2013"; meti is no ministry */
	assert_int_equal(c.rows, 3);
	assert_int_equal(c.submitters, 3);
	finish(&d, &c);
}

/* A file that breaks off: its parse errors, and none of its rows counted (the
 * rows read before the break are not a year's submissions). */
static void
test_submissions_broken_counts_nothing(void **state)
{
	struct diag d;
	struct check c;
	const char *sub =
	    put(4, "sub.xml",
	        "<submissions year=\"2014\" rows=\"3\">\n  <progress ministry=\"cas\"/>\n"
	        "  <diag severity=\"error\"/><diag severity=\"warning\"/>\n"
	        "  <progress ministry=\"mic\">\n</submissions>\n");

	diag_init(&d, NULL);
	check_init(&c, &d, "2014");
	assert_int_equal(check_submissions(&c, sub), -1);
	assert_int_equal(d.errors, 2); /* libxml2: the mismatched tag, the end */
	assert_int_equal(c.rows, 0);
	assert_int_equal(c.submitters, 0);
	assert_int_equal(c.sub_errors, 0);
	assert_int_equal(c.sub_warnings, 0);
	assert_int_equal(check_errors(&c), 2);
	finish(&d, &c);
}

static void
test_submissions_missing_file(void **state)
{
	struct diag d;
	struct check c;

	diag_init(&d, NULL);
	check_init(&c, &d, "2014");
	assert_int_equal(check_submissions(&c, "/nonexistent/submissions.xml"), 0);
	assert_int_equal(c.rows, 0);
	assert_int_equal(c.submitters, 0);
	assert_int_equal(d.errors, 0);
	finish(&d, &c);
}

static void
test_submissions_wrong_root(void **state)
{
	struct diag d;
	struct check c;
	const char *sub = put(4, "sub.xml", "<plan year=\"2014\"/>\n");

	diag_init(&d, NULL);
	check_init(&c, &d, "2014");
	assert_int_equal(check_submissions(&c, sub), -1);
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.v[0].message,
	                    "not an ingest output: the root element is not <submissions>");
	finish(&d, &c);
}

/* The real matrix schema: an indicator id must be [a-z0-9][a-z0-9-]*. */
static void
test_matrix_schema(void **state)
{
	struct diag d;
	struct check c;
	const char *m = put(3, "matrix.xml",
	                    "<matrix year=\"2014\" title=\"t\" body=\"b\" date=\"2015-02-10\">\n"
	                    "  <entry target=\"1-1-1-ア\" title=\"x\">\n"
	                    "    <indicator id=\"Bad_Id\"><text>t</text></indicator>\n"
	                    "  </entry>\n"
	                    "</matrix>\n");
	xmlDocPtr doc;

	diag_init(&d, NULL);
	check_init(&c, &d, "2014");
	doc = xmlio_load(m, &d);
	assert_non_null(doc);
	assert_int_equal(check_schema(&c, "stylesheets/matrix.rng", doc, m), -1);
	assert_int_equal(c.internal, 0);
	assert_true(d.errors >= 1);
	assert_int_equal(d.v[0].line, 3);
	assert_string_equal(
	    d.v[0].message,
	    "does not follow the file's schema: "
	    "Invalid attribute id for element indicator (<indicator id=\"Bad_Id\">)");
	xmlFreeDoc(doc);
	finish(&d, &c);
}

/* A schema message naming a 3,000-byte id is reported whole (issue 13:
 * no silent truncation; it was cut at 1,024 bytes). */
static void
test_long_schema_message_whole(void **state)
{
	struct diag d;
	struct check c;
	struct strbuf sb = STRBUF_INIT, want = STRBUF_INIT;
	const char *m;
	xmlDocPtr doc;
	size_t i;

	(void)state;
	for (i = 0; i < 3000; i++)
		strbuf_addch(&sb, i % 2 ? 'B' : '_');
	strbuf_addf(&want,
	            "does not follow the file's schema: "
	            "Invalid attribute id for element indicator (<indicator id=\"%s\">)",
	            sb.buf);
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "<matrix year=\"2014\" title=\"t\" body=\"b\" date=\"2015-02-10\">\n"
	                   "  <entry target=\"1-1-1-ア\" title=\"x\">\n    <indicator id=\"");
	for (i = 0; i < 3000; i++)
		strbuf_addch(&sb, i % 2 ? 'B' : '_');
	strbuf_addstr(&sb, "\"><text>t</text></indicator>\n  </entry>\n</matrix>\n");
	m = put(3, "matrix.xml", sb.buf);
	diag_init(&d, NULL);
	check_init(&c, &d, "2014");
	doc = xmlio_load(m, &d);
	assert_non_null(doc);
	assert_int_equal(check_schema(&c, "stylesheets/matrix.rng", doc, m), -1);
	assert_true(d.errors >= 1);
	assert_string_equal(d.v[0].message, want.buf);
	xmlFreeDoc(doc);
	finish(&d, &c);
	strbuf_release(&sb);
	strbuf_release(&want);
}

static void
test_missing_schema_is_internal(void **state)
{
	struct diag d;
	struct check c;
	const char *m = put(3, "matrix.xml", "<matrix/>\n");
	xmlDocPtr doc;

	diag_init(&d, NULL);
	check_init(&c, &d, NULL);
	doc = xmlio_load(m, &d);
	assert_non_null(doc);
	assert_int_equal(check_schema(&c, "/nonexistent/matrix.rng", doc, m), -1);
	assert_int_equal(c.internal, 1);
	xmlFreeDoc(doc);
	finish(&d, &c);
}

/* issue 14: a publication date is a real day, YYYY-MM-DD exactly */
static void
test_parse_date(void **state)
{
	int y = 0, m = 0, d = 0;

	(void)state;
	assert_int_equal(check_parse_date("2015-06-25", &y, &m, &d), 0);
	assert_int_equal(y, 2015);
	assert_int_equal(m, 6);
	assert_int_equal(d, 25);
	assert_int_equal(check_parse_date("2016-02-29", &y, &m, &d), 0);
	assert_int_equal(check_parse_date("2015-02-29", &y, &m, &d), -1);
	assert_int_equal(check_parse_date("2015-13-45", &y, &m, &d), -1);
	assert_int_equal(check_parse_date("2015-04-31", &y, &m, &d), -1);
	assert_int_equal(check_parse_date("2015-6-25", &y, &m, &d), -1);
	assert_int_equal(check_parse_date("2015-06-25 ", &y, &m, &d), -1);
	assert_int_equal(check_parse_date("２０１５-06-25", &y, &m, &d), -1);
	assert_int_equal(check_parse_date("", &y, &m, &d), -1);
	assert_int_equal(check_parse_date(NULL, &y, &m, &d), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_valid_inputs),
	    cmocka_unit_test(test_faults),
	    cmocka_unit_test(test_complete_plan_labels),
	    cmocka_unit_test(test_submissions),
	    cmocka_unit_test(test_submissions_without_rows_attribute),
	    cmocka_unit_test(test_submissions_in_areas),
	    cmocka_unit_test(test_submissions_row_errors_keep_count),
	    cmocka_unit_test(test_submissions_broken_counts_nothing),
	    cmocka_unit_test(test_submissions_missing_file),
	    cmocka_unit_test(test_submissions_wrong_root),
	    cmocka_unit_test(test_matrix_schema),
	    cmocka_unit_test(test_long_schema_message_whole),
	    cmocka_unit_test(test_missing_schema_is_internal),
	    cmocka_unit_test(test_parse_date),
	};
	int ret;

	LIBXML_TEST_VERSION
	ret = cmocka_run_group_tests_name("check", tests, setup, teardown);
	xmlCleanupParser();
	return ret;
}
