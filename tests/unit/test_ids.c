/* ids_normalize(): every written form of inputs.md "Measure identifiers". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ids.h"

static const struct {
	const char *written;
	const char *canonical; /* NULL: no id shape */
} cases[] = {
    /* inputs.md table */
    {"1", "1"},
    {"1-1", "1-1"},
    {"1-1-1", "1-1-1"},
    {"1-1-1-ア", "1-1-1-ア"},
    {"1-2-ア", "1-2-ア"},
    {"4-ア", "4-ア"},
    /* the accepted forms */
    {"1-①-1)-(ア)", "1-1-1-ア"},
    {"1①1)(ア)", "1-1-1-ア"},
    {"1.1.1.ア", "1-1-1-ア"},
    {"１－１－１－ア", "1-1-1-ア"},
    {"1-1-1-（ア）", "1-1-1-ア"},
    {"①", "1"},
    {"1-⑫-ア", "1-12-ア"},
    {"2-③-(ソ)", "2-3-ソ"},
    {" 1-1-1-ア ", "1-1-1-ア"},
    {"1ー1ー1ーア", "1-1-1-ア"},
    {"1．1．1．ア", "1-1-1-ア"},
    {"1-1-1-ｱ", "1-1-1-ア"},
    {"1-1-1-ﾝ", "1-1-1-ン"},
    {"1-1-1-ｦ", "1-1-1-ヲ"},
    {"01-1-1-ア", "1-1-1-ア"},
    {"1-10-ア", "1-10-ア"},
    /* look-alike labels */
    {"1-1-1-へ", "1-1-1-ヘ"},
    {"1-1-1-(へ)", "1-1-1-ヘ"},
    {"1-1-1-二", "1-1-1-ニ"},
    {"1-1-1-力", "1-1-1-カ"},
    {"1-1-1-口", "1-1-1-ロ"},
    {"1-1-1-夕", "1-1-1-タ"},
    {"1-1-1-あ", "1-1-1-ア"},
    /* groups */
    {"1-1-1-G1", "1-1-1-G1"},
    {"1-1-1-g2", "1-1-1-G2"},
    {"1-1-1-\nア", "1-1-1-ア"},
    /* no id shape */
    {"", NULL},
    {"ア", NULL},
    {"施策", NULL},
    {"1-1-1-ア-1", NULL},
    {"1-ア-1", NULL},
    {"1-1-1-a", NULL},
    {"1-1-G", NULL},
    {"1-1-1-ア 業務", NULL},
    {"-", NULL},
};

static void
test_forms(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *got = ids_normalize(cases[i].written);

		if (cases[i].canonical == NULL) {
			if (got != NULL)
				fail_msg("'%s' → '%s', expected no id", cases[i].written, got);
		} else {
			if (got == NULL)
				fail_msg("'%s' → no id, expected '%s'", cases[i].written,
				         cases[i].canonical);
			assert_string_equal(got, cases[i].canonical);
		}
		free(got);
	}
}

static void
test_long_number(void **state)
{
	char buf[300];

	(void)state;
	memset(buf, '9', sizeof(buf) - 1);
	buf[sizeof(buf) - 1] = '\0';
	/* more digits than any id part may hold: no id, no crash */
	assert_null(ids_normalize(buf));
}

/* Invalid UTF-8 (tests/hostile/fuzz/norm/invalid-utf8.bin: a truncated
 * sequence at the end) is no id, and no read past the string. */
static void
test_invalid_utf8(void **state)
{
	(void)state;
	assert_null(ids_normalize("1-1-\xE2\x96"
	                          "0\xE4"));
	assert_null(ids_normalize("1-1-1-\xE3\x82"));
	assert_null(ids_normalize("\xFF"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_forms),
	    cmocka_unit_test(test_long_number),
	    cmocka_unit_test(test_invalid_utf8),
	};

	return cmocka_run_group_tests_name("ids", tests, NULL, NULL);
}
