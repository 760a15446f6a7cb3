/* numbers_value() and numbers_year(): inputs.md "Kind 2: indicators". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "numbers.h"

static const struct {
	const char *written;
	const char *canon; /* NULL: not a number */
	int percent;
} values[] = {
    {"1,234", "1234", 0},
    {"１２３４", "1234", 0},
    {"12.5", "12.5", 0},
    {"45%", "45", 1},
    {"45％", "45", 1},
    {"４５％", "45", 1},
    {"12.5 %", "12.5", 1},
    {"0", "0", 0},
    {"1,234,567", "1234567", 0},
    {"１，２３４", "1234", 0},
    {" 42 ", "42", 0},
    {"-3", "-3", 0},
    {"▲3", "-3", 0},
    {"-0", "0", 0},
    {"+7", "7", 0},
    {"", NULL, 0},
    {"abc", NULL, 0},
    {"12,34", NULL, 0},
    {",123", NULL, 0},
    {"1.", NULL, 0},
    {".5", NULL, 0},
    {"1.2.3", NULL, 0},
    {"%", NULL, 0},
    {"12件", NULL, 0},
    {"約100", NULL, 0},
};

static const struct {
	const char *written;
	int year; /* 0: not a year */
} years[] = {
    {"2014", 2014},
    {"２０１４", 2014},
    {"平成26年度", 2014},
    {"平成２６年度", 2014},
    {"H26", 2014},
    {"h26", 2014},
    {"H26年度", 2014},
    {"FY2014", 2014},
    {"fy2014", 2014},
    {"2014年度", 2014},
    {"2014年", 2014},
    {"平成25年度", 2013},
    {"平成元年度", 1989},
    {"令和元年度", 2019},
    {"令和2年度", 2020},
    {"R3", 2021},
    {"㍻26年度", 2014},
    {"", 0},
    {"26", 0},
    {"平成", 0},
    {"H", 0},
    {"20145", 0},
    {"2014/4", 0},
    {"昭和60年度", 0},
    {"平成100年度", 0},
};

static void
test_values(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		char *canon = NULL;
		int pct = -1, r = numbers_value(values[i].written, &canon, &pct);

		if (values[i].canon == NULL) {
			if (r != -1)
				fail_msg("'%s' read as '%s', expected not a number",
				         values[i].written, canon);
			continue;
		}
		if (r != 0)
			fail_msg("'%s' not read, expected '%s'", values[i].written,
			         values[i].canon);
		assert_string_equal(canon, values[i].canon);
		assert_int_equal(pct, values[i].percent);
		free(canon);
	}
}

static void
test_years(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(years) / sizeof(years[0]); i++) {
		int y = 0, r = numbers_year(years[i].written, &y);

		if (years[i].year == 0) {
			if (r != -1)
				fail_msg("'%s' read as %d, expected not a year", years[i].written,
				         y);
			continue;
		}
		if (r != 0)
			fail_msg("'%s' not read, expected %d", years[i].written, years[i].year);
		assert_int_equal(y, years[i].year);
	}
}

static void
test_cmp(void **state)
{
	(void)state;
	assert_int_equal(numbers_cmp("1234", "1234.0"), 0);
	assert_int_equal(numbers_cmp("12.5", "12.50"), 0);
	assert_int_equal(numbers_cmp("1", "2"), -1);
	assert_int_equal(numbers_cmp("3", "-3"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_values),
	    cmocka_unit_test(test_years),
	    cmocka_unit_test(test_cmp),
	};

	return cmocka_run_group_tests_name("numbers", tests, NULL, NULL);
}
