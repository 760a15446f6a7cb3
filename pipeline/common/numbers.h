/*
 * numbers: the number and fiscal-year forms of the indicators CSV
 * (inputs.md "Kind 2: indicators"; era arithmetic from seeds/README.md).
 * Pure functions over UTF-8 strings.
 */
#ifndef NUMBERS_H
#define NUMBERS_H

/*
 * Parses a value as written: `1,234`, `１２３４`, `12.5`, `-3`, `▲3`, `45%`
 * (full-width forms and surrounding spaces allowed).  Thousands
 * separators must group by three.  On success returns 0, sets *canon to a
 * new string (plain ASCII decimal, no separators, no sign for zero: "1234",
 * "12.5", "-3") and *percent to 1 when the value ended in `%`.  Returns -1
 * for an empty or non-numeric text (*canon untouched).
 */
int numbers_value(const char *s, char **canon, int *percent);
/*
 * Parses a fiscal year: `2014`, `２０１４`, `2014年度`, `FY2014`, `H26`,
 * `平成26年度`, `平成元年度`, `R1`, `令和元年度`, `㍻26年度`.  平成 N = 1988 + N,
 * 令和 N = 2018 + N.  Returns 0 with *year set (1900..2100), or -1.
 */
int numbers_year(const char *s, int *year);
/* Compares two canonical values numerically: 0 when equal. */
int numbers_cmp(const char *a, const char *b);

#endif
