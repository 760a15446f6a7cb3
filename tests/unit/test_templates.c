/*
 * templates (issue 16): the FY2014 forms written by libtemplates and read
 * back in process by ingest's own readers — the workbook through
 * ingest/xlsx (a reader independent of libxlsxwriter), the CSV through
 * csvread — and their header rows accepted by ingest's header_read_file().
 * (tests/e2e/t0960-templates.sh checks every ministry with openpyxl.)
 * Run from the top of the repository.
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

#include "diag.h"
#include "ingest/csvread.h"
#include "ingest/header.h"
#include "ingest/xlsx.h"
#include "templates/tmpl.h"

static struct tmpl_set set;
static char dir[] = "/tmp/test_templates.XXXXXX";

static int
setup(void **state)
{
	struct diag d;
	int r;

	(void)state;
	diag_init(&d, stderr);
	r = tmpl_load(&set, "2014", "input/ministries.xml", "input/2014/plan.xml",
	              "input/2014/matrix.xml", &d);
	diag_release(&d);
	return r < 0 || mkdtemp(dir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	tmpl_release(&set);
	return 0;
}

static const struct tmpl_ministry *
ministry(const char *code)
{
	size_t i;

	for (i = 0; i < set.nministries; i++)
		if (strcmp(set.ministries[i].code, code) == 0)
			return &set.ministries[i];
	return NULL;
}

static int
has_measure(const struct tmpl_ministry *m, const char *id)
{
	size_t i;

	if (m == NULL) /* (no such ministry: the assertion fails) */
		return 0;
	for (i = 0; i < m->nmeasures; i++)
		if (strcmp(m->measures[i]->id, id) == 0)
			return 1;
	return 0;
}

static void
test_expected(void **state)
{
	size_t i;

	(void)state;
	assert_int_equal(set.nministries, 17);
	/* 1-1-1-イ: 内閣官房及び全府省庁 → every ministry */
	for (i = 0; i < set.nministries; i++)
		assert_true(has_measure(&set.ministries[i], "1-1-1-イ"));
	/* 1-1-1-ア: 内閣官房及び関係府省庁 → 内閣官房 only (関係府省庁 expects nobody) */
	assert_true(has_measure(ministry("cas"), "1-1-1-ア"));
	assert_non_null(ministry("mic"));
	assert_false(has_measure(ministry("mic"), "1-1-1-ア"));
	{
		char *base = tmpl_basename(ministry("mic"));

		assert_string_equal(base, "mic-総務省");
		free(base);
	}
}

static void
read_sheet(const struct xlsxbook *b, size_t k, struct csvfile *f, struct header *h,
           enum header_kind kind)
{
	struct diag d;

	diag_init(&d, NULL);
	assert_int_equal(xlsx_sheet_csvfile(b, &b->sheets[k], f, &d), 0);
	assert_int_equal(d.warnings, 0);
	assert_int_equal(header_read_file(h, f, 0, &d), 0);
	assert_int_equal(h->kind, kind);
	assert_int_equal(d.errors, 0);
	diag_release(&d);
}

static void
test_xlsx_roundtrip(void **state)
{
	const struct tmpl_ministry *m = ministry("mic");
	struct xlsxbook b;
	struct csvfile f;
	struct header h;
	struct diag d;
	char path[128];
	size_t i;
	assert_non_null(m);
	if (m == NULL)
		return;

	(void)state;
	snprintf(path, sizeof(path), "%s/mic.xlsx", dir);
	diag_init(&d, stderr);
	assert_int_equal(tmpl_write_xlsx(&set, m, path, &d), 0);
	assert_int_equal(xlsx_read_file(&b, path, &d), 0);
	diag_release(&d);
	assert_int_equal(b.nsheets, 3);
	assert_string_equal(b.sheets[0].name, "実施状況");
	assert_string_equal(b.sheets[1].name, "評価指標");
	assert_string_equal(b.sheets[2].name, "記入要領");
	read_sheet(&b, 0, &f, &h, KIND_PROGRESS);
	assert_int_equal(h.col[ROLE_MEASURE], 0);
	assert_int_equal(h.col[ROLE_MINISTRY], 2);
	assert_int_equal(h.col[ROLE_HIGHLIGHT], 6);
	assert_int_equal(f.nrows, m->nmeasures + 1);
	for (i = 0; i < m->nmeasures; i++) {
		assert_int_equal(f.rows[i + 1].line, (long)i + 2);
		assert_string_equal(f.rows[i + 1].cells[0], m->measures[i]->id);
		assert_string_equal(f.rows[i + 1].cells[1], m->measures[i]->title);
		assert_string_equal(f.rows[i + 1].cells[2], "総務省");
	}
	header_release(&h);
	csvfile_release(&f);
	read_sheet(&b, 1, &f, &h, KIND_INDICATORS);
	assert_int_equal(f.nrows, m->nindicators + 1);
	assert_true(m->nindicators > 0);
	assert_string_equal(f.rows[1].cells[0], m->indicators[0].ind->text);
	assert_string_equal(f.rows[1].cells[1], "2014");
	header_release(&h);
	csvfile_release(&f);
	xlsxbook_release(&b);
	unlink(path);
}

static void
test_csv_roundtrip(void **state)
{
	const struct tmpl_ministry *m = ministry("cas");
	struct csvfile f;
	struct diag d;
	char path[128];
	size_t i;
	int c;
	assert_non_null(m);
	if (m == NULL)
		return;

	(void)state;
	snprintf(path, sizeof(path), "%s/cas-実施状況.csv", dir);
	diag_init(&d, stderr);
	assert_int_equal(tmpl_write_progress_csv(&set, m, path, &d), 0);
	assert_int_equal(csvread_file(&f, path, &d), 0);
	assert_int_equal(f.enc, SJIS_UTF8_BOM);
	assert_string_equal(f.eol, "CRLF");
	assert_int_equal(f.nrows, m->nmeasures + 1);
	for (c = 0; c < 8; c++)
		assert_string_equal(f.rows[0].cells[c], tmpl_progress_cols[c]);
	for (i = 0; i < m->nmeasures; i++) {
		assert_string_equal(f.rows[i + 1].cells[0], m->measures[i]->id);
		assert_string_equal(f.rows[i + 1].cells[2], "内閣官房");
	}
	csvfile_release(&f);
	unlink(path);
	snprintf(path, sizeof(path), "%s/cas-評価指標.csv", dir);
	assert_int_equal(tmpl_write_indicators_csv(&set, m, path, &d), 0);
	assert_int_equal(csvread_file(&f, path, &d), 0);
	assert_int_equal(f.nrows, m->nindicators + 1);
	for (c = 0; c < 7; c++)
		assert_string_equal(f.rows[0].cells[c], tmpl_indicator_cols[c]);
	assert_int_equal(d.errors, 0);
	csvfile_release(&f);
	unlink(path);
	diag_release(&d);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_expected),
	    cmocka_unit_test(test_xlsx_roundtrip),
	    cmocka_unit_test(test_csv_roundtrip),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
