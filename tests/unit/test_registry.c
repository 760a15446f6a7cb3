/*
 * registry (issue 13): the one reader of the ministry registry.  One rule
 * for every name, code and alias (NFKC, case folding, no spaces), codes
 * matched exactly for plan references, and a registry on which the rule
 * would be ambiguous refused with the line of each clash.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>

#include "diag.h"
#include "registry.h"

static const char good[] = "<registry>\n"                                          /* 1 */
                           "  <ministry code=\"cas\" name=\"内閣官房\">\n"         /* 2 */
                           "    <alias>NISC</alias><alias>CAS</alias>\n"           /* 3 */
                           "  </ministry>\n"                                       /* 4 */
                           "  <ministry code=\"mic\" name=\"総務省\"/>\n"          /* 5 */
                           "  <group code=\"ci\" name=\"重要インフラ所管省庁\">\n" /* 6 */
                           "    <member ref=\"mic\"/>\n"                           /* 7 */
                           "  </group>\n"                                          /* 8 */
                           "</registry>\n";

/* Reads `text` as the registry "reg.xml"; returns registry_read()'s result. */
static int
read_text(struct registry *r, struct diag *d, const char *text)
{
	xmlDocPtr doc = xmlReadMemory(text, (int)strlen(text), "reg.xml", NULL, XML_PARSE_NONET);
	int ret;

	assert_non_null(doc);
	diag_init(d, NULL);
	ret = registry_read(r, doc, "reg.xml", d);
	xmlFreeDoc(doc);
	return ret;
}

static void
test_key(void **state)
{
	char *k;

	(void)state;
	k = registry_key(" ＭＩＣ ");
	assert_string_equal(k, "mic");
	free(k);
	k = registry_key("総務　省");
	assert_string_equal(k, "総務省");
	free(k);
	k = registry_key("Cabinet Office");
	assert_string_equal(k, "cabinetoffice");
	free(k);
}

static void
test_find(void **state)
{
	static const struct {
		const char *text, *code; /* code NULL: names nothing */
	} cases[] = {
	    {"cas", "cas"},       {"CAS", "cas"},
	    {"ｃａｓ", "cas"},    {"内閣官房", "cas"},
	    {"内閣 官房", "cas"}, {"nisc", "cas"},
	    {"ＮＩＳＣ", "cas"},  {"mic", "mic"},
	    {"総務省", "mic"},    {"重要インフラ所管省庁", "ci"},
	    {"CI", "ci"},         {"meti", NULL},
	    {"", NULL},           {"総務", NULL},
	};
	struct registry r;
	struct diag d;
	size_t i;

	(void)state;
	assert_int_equal(read_text(&r, &d, good), 0);
	assert_int_equal(d.errors, 0);
	assert_int_equal(r.n, 3);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct registry_entry *e = registry_find(&r, cases[i].text);

		if (cases[i].code == NULL) {
			assert_null(e);
		} else {
			assert_non_null(e);
			assert_string_equal(e->code, cases[i].code);
		}
	}
	assert_int_equal(registry_find(&r, "ci")->group, 1);
	assert_int_equal(registry_find(&r, "mic")->group, 0);
	/* plan references are codes, exactly */
	assert_non_null(registry_code(&r, "cas"));
	assert_null(registry_code(&r, "CAS"));
	assert_null(registry_code(&r, "内閣官房"));
	registry_release(&r);
	diag_release(&d);
}

static const struct {
	const char *name, *from, *to;
	long line;
	const char *message;
} clashes[] = {
    {"alias twice", "<ministry code=\"mic\" name=\"総務省\"/>",
     "<ministry code=\"mic\" name=\"総務省\"><alias>NISC</alias></ministry>", 5,
     "name or alias 'NISC' is used twice (first at line 3)"},
    {"alias equal once folded", "<ministry code=\"mic\" name=\"総務省\"/>",
     "<ministry code=\"mic\" name=\"総務省\"><alias>ｎｉｓｃ</alias></ministry>", 5,
     "'ｎｉｓｃ' is the same as 'NISC' (line 3) once case, width and spaces are ignored"},
    {"alias equal to another's code", "<ministry code=\"mic\" name=\"総務省\"/>",
     "<ministry code=\"mic\" name=\"総務省\"><alias>Cas</alias></ministry>", 5,
     "'Cas' is the same as 'cas' (line 2) once case"},
    {"name with a space", "name=\"総務省\"", "name=\"内閣 官房\"", 5,
     "'内閣 官房' is the same as '内閣官房' (line 2)"},
    {"code twice", "<group code=\"ci\"", "<group code=\"mic\"", 6,
     "duplicate code 'mic' (first at line 5)"},
    {"member not a ministry", "<member ref=\"mic\"/>", "<member ref=\"ci\"/>", 7,
     "member 'ci' is not a ministry code of the registry"},
    {"no name", " name=\"重要インフラ所管省庁\"", "", 6, "<group> without code or name"},
};

static char *
replace(const char *text, const char *from, const char *to)
{
	const char *p = strstr(text, from);
	char *s;

	assert_non_null(p);
	s = malloc(strlen(text) + strlen(to) + 1);
	assert_non_null(s);
	memcpy(s, text, (size_t)(p - text));
	strcpy(s + (p - text), to);
	strcat(s, p + strlen(from));
	return s;
}

static void
test_clashes(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(clashes) / sizeof(clashes[0]); i++) {
		char *text = replace(good, clashes[i].from, clashes[i].to);
		struct registry r;
		struct diag d;

		print_message("%s\n", clashes[i].name);
		assert_int_equal(read_text(&r, &d, text), -1);
		assert_int_equal(d.errors, 1);
		assert_int_equal(d.v[0].line, clashes[i].line);
		assert_non_null(strstr(d.v[0].message, clashes[i].message));
		/* what was read still works */
		assert_non_null(registry_find(&r, "内閣官房"));
		registry_release(&r);
		diag_release(&d);
		free(text);
	}
}

static void
test_unreadable(void **state)
{
	struct registry r;
	struct diag d;

	(void)state;
	diag_init(&d, NULL);
	assert_int_equal(registry_load(&r, "/nonexistent/reg.xml", &d), -1);
	assert_true(d.errors >= 1);
	assert_null(registry_find(&r, "cas"));
	registry_release(&r);
	diag_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_key),
	    cmocka_unit_test(test_find),
	    cmocka_unit_test(test_clashes),
	    cmocka_unit_test(test_unreadable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
