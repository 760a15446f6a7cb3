/*
 * chase (issue 16): the names the chase list gives its sheets and files
 * are valid Excel sheet names (at most 31 characters, none of [ ] : * ? /
 * \, no ' at either end) and safe file names (no folder, no character
 * Windows refuses).  (tests/e2e/t1022-chase-workbooks.sh reads the
 * workbooks with openpyxl.)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "chase/chase.h"

static void
sheet(const char *in, const char *want)
{
	char *s = chase_sheet_name(in);

	assert_string_equal(s, want);
	free(s);
}

static void
test_sheet_name(void **state)
{
	(void)state;
	sheet("総務省", "総務省");
	sheet("a[b]c:d*e?f/g\\h", "a_b_c_d_e_f_g_h");
	sheet("'quoted'", "quoted");
	sheet("''", "_");
	sheet("", "_");
	/* 35 characters → the first 31 */
	sheet("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五",
	      "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一");
	sheet("abcdefghijklmnopqrstuvwxyz0123456789", "abcdefghijklmnopqrstuvwxyz01234");
}

static void
base(const char *code, const char *name, const char *want)
{
	struct chase_ministry m;
	char *s;

	memset(&m, 0, sizeof(m));
	m.code = (char *)code;
	m.name = (char *)name;
	s = chase_file_base(&m);
	assert_string_equal(s, want);
	free(s);
}

static void
test_file_base(void **state)
{
	(void)state;
	base("mic", "総務省", "mic-総務省");
	base("cas", "内閣官房/NISC:*?\"<>|\\x", "cas-内閣官房_NISC________x");
	base("x", "..", "x-.._");
	base("x", "", "x-_");
	base("x", "a\tb", "x-a_b");
}

static void
test_to_fix(void **state)
{
	struct chase_ministry m;

	(void)state;
	memset(&m, 0, sizeof(m));
	m.noeval = 3;
	m.warnings = 2;
	assert_false(chase_to_fix(&m));
	m.missing = 1;
	assert_true(chase_to_fix(&m));
	m.missing = 0;
	m.refused = 1;
	assert_true(chase_to_fix(&m));
	m.refused = 0;
	m.errors = 1;
	assert_true(chase_to_fix(&m));
}

/* The era of a fiscal year (令和 from 2019) and of a date (from May 2019). */
static void
test_era(void **state)
{
	char b[32];

	(void)state;
	assert_string_equal(chase_era(2014, 0, b, sizeof(b)), "平成26");
	assert_string_equal(chase_era(1989, 0, b, sizeof(b)), "平成元");
	assert_string_equal(chase_era(2019, 0, b, sizeof(b)), "平成31");
	assert_string_equal(chase_era(2019, 1, b, sizeof(b)), "令和元");
	assert_string_equal(chase_era(2026, 1, b, sizeof(b)), "令和8");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sheet_name),
	    cmocka_unit_test(test_file_base),
	    cmocka_unit_test(test_to_fix),
	    cmocka_unit_test(test_era),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
