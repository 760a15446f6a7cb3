/*
 * ingest/xlsx: workbooks made by an independent writer (openpyxl;
 * tests/fixtures/xlsx/generate.py) read back as Excel displays them:
 * shared, inline and rich-text strings, numbers 0.1 1234 12.3456, dates,
 * number formats, a formula's cached value, a merged range, a hidden
 * row, two sheets, a multi-line cell; an .xls and a non-workbook refused;
 * one sheet as ingest's csvfile with its warnings naming the cell; a
 * form re-saved by LibreOffice Calc (a third writer).
 * Run from the top of the repository.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"
#include "ingest/xlsx.h"

#define FX "tests/fixtures/xlsx/"

/* The cell, or one whose text says it is not there (so that a missing
 * cell fails the comparison instead of crashing the test). */
static const struct xlsxcell *
cell(const struct xlsxsheet *s, long row, size_t col)
{
	static const struct xlsxcell none = {(char *)"(no such cell)", 0};
	size_t i;

	for (i = 0; i < s->nrows; i++)
		if (s->rows[i].row == row && col < s->rows[i].ncells)
			return &s->rows[i].cells[col];
	return &none;
}

static const struct xlsxrow *
row_of(const struct xlsxsheet *s, long row)
{
	size_t i;

	for (i = 0; i < s->nrows; i++)
		if (s->rows[i].row == row)
			return &s->rows[i];
	return NULL;
}

static const struct {
	const char *ref;
	const char *text;
	unsigned flags;
} expect[] = {
    {"A1", "施策番号", 0}, /* shared string */
    {"D1", "備考", 0},
    {"A2", "1-1-1-ア", 0},
    {"C2", "一行目\n二行目", 0},       /* multi-line, shared */
    {"D2", "インライン\r\n文字列", 0}, /* inline, _x000D_ decoded */
    {"B3", "0.1", 0},                  /* General */
    {"C3", "1234", 0},
    {"D3", "12.3456", 0},
    {"B4", "2014-04-01", XLSX_DATE}, /* built-in 14 */
    {"C4", "2015-03-31", XLSX_DATE}, /* yyyy"年"m"月"d"日" */
    {"B5", "12.35", XLSX_ROUNDED},   /* 0.00 */
    {"C5", "1,234", 0},              /* #,##0 */
    {"D5", "45%", 0},                /* 0% */
    {"E5", "1,500件", 0},            /* #,##0"件" */
    {"B6", "1234.1", XLSX_FORMULA},  /* cached value */
    {"C6", "TRUE", 0},
    {"A8", "結合", XLSX_MERGED},
    {"A9", "非表示の行", 0},
    {"A10", "重要 な施策", 0}, /* two runs, no furigana */
    {"B10", "-2.5", 0},
};

static void
parse(const char *ref, size_t *col, long *row)
{
	*col = (size_t)(ref[0] - 'A');
	*row = strtol(ref + 1, NULL, 10);
}

static void
test_cells(void **state)
{
	struct xlsxbook b;
	struct diag d;
	const struct xlsxsheet *s;
	size_t i;

	(void)state;
	diag_init(&d, NULL);
	assert_int_equal(xlsx_read_file(&b, FX "cells.xlsx", &d), 0);
	assert_int_equal(d.errors, 0);
	assert_string_equal(b.name, "cells.xlsx");
	assert_int_equal(b.nsheets, 2);
	s = &b.sheets[0];
	assert_string_equal(s->name, "実施状況");
	assert_string_equal(b.sheets[1].name, "評価指標");
	for (i = 0; i < sizeof(expect) / sizeof(expect[0]); i++) {
		const struct xlsxcell *c;
		size_t col;
		long row;

		parse(expect[i].ref, &col, &row);
		c = cell(s, row, col);
		if (c == NULL)
			fail_msg("%s: no cell", expect[i].ref);
		if (strcmp(c->text, expect[i].text) != 0 || c->flags != expect[i].flags)
			fail_msg("%s: '%s' flags %u, expected '%s' flags %u", expect[i].ref,
			         c->text, c->flags, expect[i].text, expect[i].flags);
	}
	/* the merged range's other cells, the hidden row, an absent row */
	assert_non_null(cell(s, 8, 0));
	assert_int_equal(s->nmerged, 1);
	assert_string_equal(s->merged[0], "A8:C8");
	assert_non_null(row_of(s, 9));
	assert_non_null(row_of(s, 8));
	if (row_of(s, 9) == NULL || row_of(s, 8) == NULL)
		return;
	assert_true(row_of(s, 9)->hidden);
	assert_false(row_of(s, 8)->hidden);
	assert_null(row_of(s, 7));
	/* the second sheet */
	assert_string_equal(cell(&b.sheets[1], 2, 0)->text, "インシデント報告関連件数");
	assert_string_equal(cell(&b.sheets[1], 2, 1)->text, "2014");
	assert_string_equal(cell(&b.sheets[1], 2, 2)->text, "20019");
	xlsxbook_release(&b);
	diag_release(&d);
}

/* A form filled in with openpyxl and saved again by LibreOffice Calc. */
static void
test_libreoffice(void **state)
{
	struct xlsxbook b;
	struct diag d;
	const struct xlsxsheet *s;

	(void)state;
	diag_init(&d, NULL);
	assert_int_equal(xlsx_read_file(&b, FX "libreoffice.xlsx", &d), 0);
	assert_int_equal(b.nsheets, 2);
	s = &b.sheets[0];
	assert_string_equal(s->name, "実施状況");
	assert_string_equal(cell(s, 1, 5)->text, "今年度の取組");
	assert_string_equal(cell(s, 2, 0)->text, "1-1-1-イ");
	assert_string_equal(cell(s, 2, 3)->text, "研修を2回実施した。\n受講者は合計20人。");
	assert_string_equal(cell(s, 2, 6)->text, "○");
	s = &b.sheets[1];
	assert_string_equal(cell(s, 2, 1)->text, "2014");
	assert_string_equal(cell(s, 2, 2)->text, "0.1");
	assert_string_equal(cell(s, 3, 2)->text, "1234");
	assert_string_equal(cell(s, 4, 2)->text, "12.3456");
	assert_string_equal(cell(s, 5, 1)->text, "2015-03-31");
	assert_int_equal(cell(s, 5, 1)->flags, XLSX_DATE);
	assert_int_equal(d.errors, 0);
	xlsxbook_release(&b);
	diag_release(&d);
}

static void
test_refused(void **state)
{
	struct xlsxbook b;
	struct diag d;

	(void)state;
	diag_init(&d, NULL);
	assert_int_equal(xlsx_read_file(&b, FX "legacy.xls", &d), -1);
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.v[0].file, FX "legacy.xls");
	assert_non_null(strstr(d.v[0].message, "(.xls)"));
	assert_non_null(strstr(d.v[0].message, "save it as Excel Workbook (.xlsx)"));
	assert_int_equal(b.nsheets, 0);
	xlsxbook_release(&b);
	assert_int_equal(xlsx_read_file(&b, FX "not-a-workbook.xlsx", &d), -1);
	assert_int_equal(d.errors, 2);
	assert_non_null(strstr(d.v[1].message, "not an Excel workbook (.xlsx)"));
	xlsxbook_release(&b);
	assert_int_equal(xlsx_read_file(&b, FX "no-such.xlsx", &d), -1);
	assert_non_null(strstr(d.v[2].message, "cannot open"));
	xlsxbook_release(&b);
	/* a zip that is no workbook */
	assert_int_equal(xlsx_read_buffer(&b, "x.xlsx", "PK\x03\x04junk", 8, &d), -1);
	assert_int_equal(d.errors, 4);
	xlsxbook_release(&b);
	diag_release(&d);
}

static void
test_refs(void **state)
{
	static const struct {
		size_t col;
		long row;
		const char *ref;
	} cases[] = {{0, 1, "A1"},
	             {2, 12, "C12"},
	             {25, 3, "Z3"},
	             {26, 3, "AA3"},
	             {701, 9, "ZZ9"},
	             {702, 9, "AAA9"},
	             {16383, 1048576, "XFD1048576"}};
	char buf[16];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		xlsx_cellref(buf, cases[i].col, cases[i].row);
		assert_string_equal(buf, cases[i].ref);
	}
}

static void
test_numbers(void **state)
{
	static const struct {
		double v;
		int id;
		const char *code;
		const char *text;
		unsigned flags;
	} cases[] = {
	    {0.1, 0, NULL, "0.1", 0},
	    {1234, 0, NULL, "1234", 0},
	    {12.3456, 0, NULL, "12.3456", 0},
	    {0.0004, 0, NULL, "0.0004", 0},
	    {0.00001, 0, NULL, "0.00001", 0},
	    {123456789012345.0, 0, NULL, "123456789012345", 0},
	    {0.1 + 0.2, 0, NULL, "0.30000000000000004", 0},
	    {1e20, 0, NULL, "1E+20", 0},
	    {-2.5, 0, NULL, "-2.5", 0},
	    {0, 0, NULL, "0", 0},
	    {1500, 49, NULL, "1500", 0},                /* @ (text) */
	    {41730, 14, NULL, "2014-04-01", XLSX_DATE}, /* m/d/yyyy */
	    {41730.75, 22, NULL, "2014-04-01", XLSX_DATE},
	    {41730, 31, NULL, "2014-04-01", XLSX_DATE}, /* yyyy"年"m"月"d"日" (ja) */
	    {61, 14, NULL, "1900-03-01", XLSX_DATE},
	    {60, 14, NULL, "1900-02-29", XLSX_DATE}, /* Excel's fictitious day */
	    {1, 14, NULL, "1900-01-01", XLSX_DATE},
	    {0, 14, NULL, "1899-12-31", XLSX_DATE},
	    {41730, 164, "[$-411]ggge\"年\"m\"月\"d\"日\"", "2014-04-01", XLSX_DATE},
	    {41730, 165, "yyyy/mm/dd", "2014-04-01", XLSX_DATE},
	    {41730, 166, "mmm-yy", "2014-04-01", XLSX_DATE},
	    {0.5, 167, "h:mm", "0.5", 0}, /* a time: not a date */
	    {12.3456, 2, NULL, "12.35", XLSX_ROUNDED},
	    {12.5, 2, NULL, "12.50", 0},
	    {1234567.891, 4, NULL, "1,234,567.89", XLSX_ROUNDED},
	    {-1234, 3, NULL, "-1,234", 0},
	    {0.45, 9, NULL, "45%", 0},
	    {0.4567, 10, NULL, "45.67%", 0},
	    {1.5, 168, "0.##", "1.5", 0},
	    {2, 168, "0.##", "2", 0},
	    {-5, 169, "#,##0;\"▲\"#,##0", "▲5", 0},
	    {1500, 170, "#,##0\"件\"", "1,500件", 0},
	    {1500, 171, "[$¥-411]#,##0", "¥1,500", 0},
	    {1.5, 172, "# ?/?", "1.5", 0}, /* a fraction: General */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		unsigned flags = 0;
		char *t = xlsx_format_number(cases[i].v, cases[i].id, cases[i].code, 0, &flags);

		if (strcmp(t, cases[i].text) != 0 || flags != cases[i].flags)
			fail_msg("case %zu (%g, %d): '%s' flags %u, expected '%s' flags %u", i,
			         cases[i].v, cases[i].id, t, flags, cases[i].text, cases[i].flags);
		free(t);
	}
	{
		unsigned flags = 0;
		char *t = xlsx_format_number(0, 14, NULL, 1, &flags); /* 1904 system */

		assert_string_equal(t, "1904-01-01");
		free(t);
	}
}

static int
has_diag(const struct diag *d, const char *file, const char *part)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (strcmp(d->v[i].file, file) == 0 && strstr(d->v[i].message, part) &&
		    d->v[i].severity == DIAG_WARNING)
			return 1;
	return 0;
}

static void
test_csvfile(void **state)
{
	struct xlsxbook b;
	struct csvfile f;
	struct diag d;

	(void)state;
	diag_init(&d, NULL);
	assert_int_equal(xlsx_read_file(&b, FX "cells.xlsx", &d), 0);
	assert_int_equal(xlsx_sheet_csvfile(&b, &b.sheets[0], &f, &d), 0);
	assert_string_equal(f.path, FX "cells.xlsx:実施状況");
	assert_string_equal(f.name, "cells.xlsx:実施状況");
	assert_int_equal(f.nrows, 9); /* rows 1-6, 8, 9, 10 */
	assert_int_equal(f.rows[0].line, 1);
	assert_int_equal(f.rows[0].ncells, 4);
	assert_string_equal(f.rows[0].cells[2], "実績");
	assert_string_equal(f.rows[1].cells[3], "インライン\n文字列");
	assert_int_equal(f.rows[6].line, 8);
	assert_int_equal(f.rows[6].ncells, 1);
	assert_int_equal(f.rows[8].line, 10);
	assert_string_equal(f.rows[8].cells[0], "重要 な施策");
	assert_true(has_diag(&d, FX "cells.xlsx:実施状況!B6", "formula"));
	assert_true(has_diag(&d, FX "cells.xlsx:実施状況!A8", "A8:C8 are merged"));
	assert_true(has_diag(&d, FX "cells.xlsx:実施状況!A9", "row 9 is hidden"));
	assert_true(has_diag(&d, FX "cells.xlsx:実施状況!B5", "as displayed ('12.35')"));
	assert_int_equal(d.warnings, 4);
	csvfile_release(&f);
	xlsxbook_release(&b);
	diag_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_cells),   cmocka_unit_test(test_libreoffice),
	    cmocka_unit_test(test_refused), cmocka_unit_test(test_refs),
	    cmocka_unit_test(test_numbers), cmocka_unit_test(test_csvfile),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
