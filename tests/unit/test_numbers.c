/* numbers_value() and numbers_year(): inputs.md "Kind 2: indicators". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
    /* issue 12: kept exactly as written */
    {"0.0004", "0.0004", 0},
    {"12.3456", "12.3456", 0},
    {"123456789012345", "123456789012345", 0},
    {"123,456,789,012,345", "123456789012345", 0},
    {"１２３，４５６，７８９，０１２，３４５", "123456789012345", 0},
    {"0.000000000000000000001", "0.000000000000000000001", 0},
    {"1.50", "1.50", 0},
    {"99999999999999.9", "99999999999999.9", 0},
};

/* issue 12: what cannot be kept exactly, or is not a decimal at all. */
static const struct {
	const char *written;
	int ret;
} refused[] = {
    {"1234567890123456", NUMBERS_TOO_LONG},
    {"12345678901234567890", NUMBERS_TOO_LONG},
    {"1234567890.123456", NUMBERS_TOO_LONG},
    {"0.1234567890123456", NUMBERS_TOO_LONG},
    {"1e5", NUMBERS_EXPONENT},
    {"1.2E+3", NUMBERS_EXPONENT},
    {"１．２Ｅ－３", NUMBERS_EXPONENT},
    {"-4e-2", NUMBERS_EXPONENT},
    {"Infinity", NUMBERS_NOT_FINITE},
    {"-inf", NUMBERS_NOT_FINITE},
    {"NaN", NUMBERS_NOT_FINITE},
    {"∞", NUMBERS_NOT_FINITE},
    {"e5", NUMBERS_NOT_NUMBER},
    {"abc", NUMBERS_NOT_NUMBER},
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
test_refused(void **state)
{
	char digits[420];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		char *canon = NULL;
		int pct, r = numbers_value(refused[i].written, &canon, &pct);

		if (r != refused[i].ret)
			fail_msg("'%s': %d, expected %d", refused[i].written, r, refused[i].ret);
		assert_null(canon);
	}
	/* 400 digits: once read as Infinity */
	memset(digits, '9', 400);
	digits[400] = '\0';
	{
		char *canon = NULL;
		int pct;

		assert_int_equal(numbers_value(digits, &canon, &pct), NUMBERS_TOO_LONG);
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
	/* exact decimals, no double in between */
	assert_int_equal(numbers_cmp("0.0004", "0.00040"), 0);
	assert_int_equal(numbers_cmp("007", "7"), 0);
	assert_int_equal(numbers_cmp("0", "0.000"), 0);
	assert_int_equal(numbers_cmp("-0.5", "-0.25"), -1);
	assert_int_equal(numbers_cmp("99999999999999.9", "99999999999999.8"), 1);
	assert_int_equal(numbers_cmp("123456789012345", "123456789012344"), 1);
	assert_int_equal(numbers_cmp("0.1", "0.09"), 1);
	assert_int_equal(numbers_cmp("10", "9.99"), 1);
	assert_int_equal(numbers_cmp("-10", "-9.99"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_values),
	    cmocka_unit_test(test_refused),
	    cmocka_unit_test(test_years),
	    cmocka_unit_test(test_cmp),
	};

	return cmocka_run_group_tests_name("numbers", tests, NULL, NULL);
}
