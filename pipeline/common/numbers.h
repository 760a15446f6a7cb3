/*
 * numbers: the number and fiscal-year forms of the indicators CSV
 * (inputs.md "Kind 2: indicators"; era arithmetic from seeds/README.md).
 * Pure functions over UTF-8 strings.
 */
#ifndef NUMBERS_H
#define NUMBERS_H

/* numbers_value()'s results other than 0. */
enum {
	NUMBERS_NOT_NUMBER = -1, /* empty or not a decimal */
	NUMBERS_TOO_LONG = -2,   /* more than NUMBERS_MAX_DIGITS significant digits */
	NUMBERS_EXPONENT = -3,   /* 1.2E+3: a decimal with an exponent */
	NUMBERS_NOT_FINITE = -4, /* Infinity, NaN, ∞ */
};
/* Significant digits a value may have: what a double holds exactly
 * (DBL_DIG), so a chart drawing it never shows another number. */
#define NUMBERS_MAX_DIGITS 15

/*
 * Parses a value as written: `1,234`, `１２３４`, `12.5`, `-3`, `▲3`, `45%`
 * (full-width forms and surrounding spaces allowed).  Thousands
 * separators must group by three.  On success returns 0, sets *canon to a
 * new string and *percent to 1 when the value ended in `%`.  The canonical
 * form is the decimal exactly as written (issue 12: `0.0004`, `12.3456`,
 * `123456789012345` stay so), only made plain: ASCII, no separators, `-`
 * for ▲, no sign for zero ("1234", "12.50", "-3").  It is never turned
 * into a double.  Returns a NUMBERS_* code (*canon untouched) for an
 * empty or non-numeric text, more than NUMBERS_MAX_DIGITS significant
 * digits (counted from the first non-zero digit to the last written),
 * an exponent, or Infinity/NaN.
 */
int numbers_value(const char *s, char **canon, int *percent);
/*
 * Parses a fiscal year: `2014`, `２０１４`, `2014年度`, `FY2014`, `H26`,
 * `平成26年度`, `平成元年度`, `R1`, `令和元年度`, `㍻26年度`.  平成 N = 1988 + N,
 * 令和 N = 2018 + N.  Returns 0 with *year set (1900..2100), or -1.
 */
int numbers_year(const char *s, int *year);
/* Compares two canonical values numerically, exactly (as decimals, not
 * doubles): -1, 0 when equal ("12.5" = "12.50"), 1. */
int numbers_cmp(const char *a, const char *b);

#endif
