/*
 * The ingest stage's library: header aliases and kinds, and every row
 * message, on CSV text against tests/ingest/fixtures (run from the
 * repository root, as `make unit` does).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <glib.h>
#include <libxml/parser.h>

#include "diag.h"
#include "utf8.h"
#include "ingest/csvread.h"
#include "ingest/emit.h"
#include "ingest/header.h"
#include "ingest/ingest.h"
#include "ingest/nfc.h"
#include "ingest/refs.h"
#include "ingest/rows.h"

#define FX "tests/ingest/fixtures/"

static const struct {
	const char *name;
	int role;
} aliases[] = {
    {"施策番号", ROLE_MEASURE},
    {"measure", ROLE_MEASURE},
    {" 施策番号 ", ROLE_MEASURE},
    {"MEASURE", ROLE_MEASURE},
    {"ｍｅａｓｕｒｅ", ROLE_MEASURE},
    {"　Measure　", ROLE_MEASURE},
    {"府省庁", ROLE_MINISTRY},
    {"ministry", ROLE_MINISTRY},
    {"実績", ROLE_RESULTS},
    {"results", ROLE_RESULTS},
    {"評価", ROLE_EVALUATION},
    {"Evaluation", ROLE_EVALUATION},
    {"今年度の取組", ROLE_NEXT},
    {"next", ROLE_NEXT},
    {"重点", ROLE_HIGHLIGHT},
    {"highlight", ROLE_HIGHLIGHT},
    {"備考", ROLE_NOTE},
    {"note", ROLE_NOTE},
    {"指標", ROLE_INDICATOR},
    {"indicator", ROLE_INDICATOR},
    {"年度", ROLE_YEAR},
    {"year", ROLE_YEAR},
    {"ＹＥＡＲ", ROLE_YEAR},
    {"値", ROLE_VALUE},
    {"value", ROLE_VALUE},
    {"単位", ROLE_UNIT},
    {"unit", ROLE_UNIT},
    {"出典", ROLE_SOURCE},
    {"source", ROLE_SOURCE},
    {"担当課", ROLE_EXTRA},
    {"", ROLE_EXTRA},
    {"measures", ROLE_EXTRA},
};

static void
test_header_aliases(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		if (header_role_of(aliases[i].name) != aliases[i].role)
			fail_msg("'%s': role %d, expected %d", aliases[i].name,
			         header_role_of(aliases[i].name), aliases[i].role);
}

struct run {
	struct refs refs;
	struct diag d;
	struct csvfile f;
	struct emit_file ef;
	struct rows rs;
	size_t nrows;
};

static int
setup(void **state)
{
	struct run *r = calloc(1, sizeof(*r));
	struct diag d;

	diag_init(&d, stderr);
	if (refs_load(&r->refs, 2014, FX "ministries.xml", FX "plan.xml", FX "matrix.xml", &d) < 0)
		return -1;
	diag_release(&d);
	*state = r;
	return 0;
}

static int
teardown(void **state)
{
	struct run *r = *state;

	refs_release(&r->refs);
	free(r);
	return 0;
}

/* Reads `csv` as t.csv: header, rows, cross-checks. */
static void
run(struct run *r, const char *csv)
{
	diag_init(&r->d, NULL);
	rows_init(&r->rs);
	csvread_buffer(&r->f, "t.csv", csv, strlen(csv), &r->d);
	r->nrows = ingest_file(&r->f, &r->ef, &r->rs, &r->refs, &r->d);
	rows_crosscheck(&r->rs, &r->d);
}

static void
done(struct run *r)
{
	rows_release(&r->rs);
	csvfile_release(&r->f);
	diag_release(&r->d);
}

static void
test_kinds(void **state)
{
	static const struct {
		const char *csv;
		int kind;
		size_t errors;
	} cases[] = {
	    {"施策番号,府省庁,実績\n", KIND_PROGRESS, 0},
	    {"measure,ministry,results\n", KIND_PROGRESS, 0},
	    {"results,ministry,measure,note\n", KIND_PROGRESS, 0},
	    {"指標,年度,値\n", KIND_INDICATORS, 0},
	    {"value,indicator,year,unit,source,measure,ministry\n", KIND_INDICATORS, 0},
	    {"施策番号,実績\n", KIND_PROGRESS, 1},
	    {"指標,値\n", KIND_INDICATORS, 1},
	    {"名前,住所\n", KIND_UNKNOWN, 1},
	};
	struct run *r = *state;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		run(r, cases[i].csv);
		if ((int)r->ef.kind != cases[i].kind || r->d.errors != cases[i].errors)
			fail_msg("'%s': kind %d, %zu errors", cases[i].csv, r->ef.kind,
			         r->d.errors);
		done(r);
	}
}

/* One row per case: the header, one data row, the one message expected. */
static const struct {
	const char *csv;
	int error; /* 1 error, 0 warning */
	const char *column;
	const char *message;
} messages[] = {
    {"施策番号,府省庁,実績\n1-1-9-ア,総務省,x\n", 1, "施策番号",
     "unknown measure id '1-1-9-ア'; nearest: 1-1-1-ア "
     "(業務で扱う情報の重要度に応じた枠組みの構…), "
     "1-1-1-イ (政府機関の情報セキュリティ対策のための統…), 1-1-1-ヘ "
     "(政府機関における安全な暗号利用の推進)"},
    {"施策番号,府省庁,実績\n1-②-ツ,総務省,x\n", 1, "施策番号",
     "unknown measure id '1-②-ツ' (read as 1-2-ツ); nearest: 1-2-ア (重要インフラ行動計画の推進), "
     "1-2-ニ (制御システムのセキュリティ確保), 1-2-ロ (情報共有体制の強化)"},
    {"施策番号,府省庁,実績\n施策,総務省,x\n", 1, "施策番号",
     "cannot read measure id '施策' (expected a form like 1-1-1-ア); nearest: 1 "
     "(「強靱な」サイバー空間の構築), 1-1 (政府機関等における対策), 1-1-1 "
     "(情報及び情報システムに係る情報セキュリテ…)"},
    /* issue 16: a measure's exact title stands for its id (a warning); a
     * title nearly right gets that measure as the first suggestion */
    {"施策番号,府省庁,実績\n政府機関の情報セキュリティ対策のための統一基準の見直し,総務省,x\n", 0,
     "施策番号",
     "the title '政府機関の情報セキュリティ対策のための統一基準の見直し' is read as measure "
     "1-1-1-イ: write the id 1-1-1-イ instead"},
    {"施策番号,施策名,府省庁,実績\n,政府機関の情報セキュリティ対策のための統一基準の見直し,総務省,"
     "x\n",
     0, "施策番号",
     "the title '政府機関の情報セキュリティ対策のための統一基準の見直し' is read as measure "
     "1-1-1-イ: write the id 1-1-1-イ instead"},
    {"施策番号,府省庁,実績\n政府機関の情報セキュリティ対策の統一基準,総務省,x\n", 1, "施策番号",
     "cannot read measure id '政府機関の情報セキュリティ対策の統一基準' (expected a form like "
     "1-1-1-ア); nearest: 1-1-1-イ (政府機関の情報セキュリティ対策のための統…), 1-1-1-カ "
     "(複合機等のセキュリティ対策の強化), 1-1 (政府機関等における対策)"},
    {"施策番号,府省庁,実績\n1-1-9-ア 複合機等のセキュリティ,総務省,x\n", 1, "施策番号",
     "unknown measure id '1-1-9-ア 複合機等のセキュリティ' (read as 1-1-9-ア); nearest: 1-1-1-カ "
     "(複合機等のセキュリティ対策の強化), 1-1-1-ア (業務で扱う情報の重要度に応じた枠組みの構…), "
     "1-1-1-イ (政府機関の情報セキュリティ対策のための統…)"},
    {"施策番号,府省庁,実績\n,総務省,x\n", 1, "施策番号",
     "施策番号 is empty: every row needs a measure id"},
    {"measure,ministry,results\n,mic,x\n", 1, "measure",
     "measure is empty: every row needs a measure id"},
    {"施策番号,府省庁,実績\n1-2-チ,内閣官房,x\n", 0, "施策番号",
     "1-2-チ is a re-listing (再掲) of 1-1-1-イ; the row is filed under 1-1-1-イ"},
    {"施策番号,府省庁,実績\n1-2-ア 重要インフラ,内閣官房,x\n", 0, "施策番号",
     "text after the measure id is ignored: '重要インフラ'"},
    {"施策番号,府省庁,実績\n1-2-ア,総務庁,x\n", 1, "府省庁",
     "unknown ministry '総務庁'; nearest: 総務省 (mic)"},
    {"施策番号,府省庁,実績\n1-2-ア,,x\n", 1, "府省庁",
     "府省庁 is empty: name the reporting ministry"},
    {"施策番号,府省庁,実績\n1-2-ア,関係省庁,x\n", 1, "府省庁",
     "'関係省庁' is a group of ministries (関係府省庁), not a ministry: "
     "name the ministry that reports"},
    {"施策番号,府省庁,実績\n1-2-ア,\"総務省 及び METI\",x\n", 1, "府省庁",
     "'総務省 及び METI' names several ministries (mic, meti): one ministry per row"},
    {"施策番号,府省庁,実績\n1-2-ア,総務省,\n", 1, "実績",
     "実績 is empty: a progress row needs its results"},
    {"施策番号,府省庁,実績,重点\n1-2-ア,総務省,x,済\n", 0, "重点",
     "highlight mark '済' is not one of ○ ◯ 〇 1 true yes; the row is not highlighted"},
    {"施策番号,府省庁,実績,担当課\n1-2-ア,総務省,x,\n", 0, "担当課",
     "column '担当課' is not part of the progress format; its cells are kept as extra"},
    {"施策番号,府省庁,実績,,\n1-2-ア,総務省,x,,y\n", 0, "列5",
     "cell in column 5 has no header; cells of that column are kept as extra"},
    {"施策番号,府省庁,実績,施策番号\n", 1, "施策番号",
     "column 施策番号/measure appears twice (columns 1 and 4)"},
    {"施策番号,評価\n", 1, NULL,
     "progress file lacks required column(s): 府省庁/ministry, 実績/results"},
    {"名前\n", 1, NULL,
     "unknown kind of file: the header names neither progress columns (施策番号/measure, "
     "府省庁/ministry, 実績/results) nor indicator columns (指標/indicator, 年度/year, 値/value)"},
    {"", 1, NULL, "empty file: no header row"},
    {"施策番号,府省庁,実績\n", 0, NULL, "header only: the file has no data rows"},
    {"指標,年度,値\nnone,2014,1\n", 1, "指標",
     "unknown indicator 'none'; nearest: ceptoar (セプターカウンシルの活動状況), "
     "incident-reports (インシデント報告関連件数), '各府省庁の対策推進計画の策定状況'"},
    {"指標,年度,値\n,2014,1\n", 1, "指標", "指標 is empty: name the indicator by its id or text"},
    {"指標,年度,値\nceptoar,,1\n", 1, "年度", "年度 is empty"},
    {"指標,年度,値\nceptoar,昭和50年,1\n", 1, "年度",
     "cannot read year '昭和50年' (expected 2014, 平成26年度, H26 or FY2014)"},
    {"指標,年度,値\nceptoar,2015,1\n", 0, "年度", "year '2015' is after the reporting year 2014"},
    {"指標,年度,値\nceptoar,2014,\n", 1, "値", "値 is empty: an indicator row needs a number"},
    {"indicator,year,value\nceptoar,2014,\n", 1, "value",
     "value is empty: an indicator row needs a number"},
    {"指標,年度,値\nceptoar,2014,多数\n", 1, "値",
     "value '多数' is not a number (expected a form like 1,234, 12.5 or 45%)"},
    {"指標,年度,値\nCeptoar,2014,1\n", 0, "指標",
     "indicator 'Ceptoar' differs from the matrix; read as 'ceptoar'"},
    {"指標,年度,値,府省庁\nceptoar,2014,1,mic\nceptoar,H26,1,総務省\n", 0, NULL,
     "duplicate of line 2 (same indicator, year, ministry and value); this row is not used"},
    {"施策番号,府省庁,実績\n4-ア,cas,x\n4-(ア),NISC,x\n", 0, NULL,
     "duplicate of line 2 (same measure, ministry and 実績/results); this row is not used"},
};

static void
test_messages(void **state)
{
	struct run *r = *state;
	size_t i;

	for (i = 0; i < sizeof(messages) / sizeof(messages[0]); i++) {
		const struct diag_entry *e;

		run(r, messages[i].csv);
		if (r->d.n != 1)
			fail_msg("case %zu: %zu diagnostics, expected 1 (first: %s)", i, r->d.n,
			         r->d.n ? r->d.v[0].message : "-");
		e = &r->d.v[0];
		assert_string_equal(e->message, messages[i].message);
		assert_int_equal(e->severity, messages[i].error ? DIAG_ERROR : DIAG_WARNING);
		if (messages[i].column)
			assert_string_equal(e->column, messages[i].column);
		else
			assert_null(e->column);
		/* a rejected row is quoted */
		if (messages[i].error && e->line > 1)
			assert_non_null(e->row);
		done(r);
	}
}

static void
test_conflict(void **state)
{
	struct run *r = *state;

	run(r, "指標,年度,値,府省庁\nceptoar,2014,1,mic\nceptoar,2014,2,MIC\n");
	assert_int_equal(r->d.errors, 2);
	assert_string_equal(r->d.v[0].message, "conflicting values for indicator 'ceptoar', "
	                                       "year 2014, ministry mic: '2' here, '1' at line 2");
	assert_int_equal(r->d.v[0].line, 3);
	assert_string_equal(r->d.v[1].message, "conflicting values for indicator 'ceptoar', "
	                                       "year 2014, ministry mic: '1' here, '2' at line 3");
	assert_int_equal(r->d.v[1].line, 2);
	assert_int_equal(r->rs.v[0].rejected, 1);
	assert_int_equal(r->rs.v[1].rejected, 1);
	done(r);
}

static void
test_records(void **state)
{
	struct run *r = *state;
	const struct rows_record *p, *q;

	run(r, "measure,ministry,results,highlight,note,担当課\n"
	       "1-①-1)-(イ),ＭＩＣ,\"a\nb\",○,n,課\n"
	       "1-2,soumu,c,YES,,\n"
	       "指標,x,y,z,,\n");
	assert_int_equal(r->nrows, 3);
	assert_int_equal(r->ef.kind, KIND_PROGRESS);
	p = &r->rs.v[0];
	assert_int_equal(p->rejected, 0);
	assert_string_equal(p->measure, "1-1-1-イ");
	assert_string_equal(p->written, "1-①-1)-(イ)");
	assert_string_equal(p->level, "measure");
	assert_string_equal(p->ministry, "mic");
	assert_string_equal(p->results, "a\nb");
	assert_int_equal(p->highlight, 1);
	assert_string_equal(p->note, "n");
	assert_int_equal(p->nextra, 1);
	assert_string_equal(p->extra[0].column, "担当課");
	assert_string_equal(p->extra[0].text, "課");
	q = &r->rs.v[1];
	assert_string_equal(q->level, "field");
	assert_int_equal(q->highlight, 1);
	assert_int_equal(r->rs.v[2].rejected, 1);
	done(r);

	run(r, "指標,年度,値,単位,施策番号\nincident-reports,平成25年度,\"1,234\",件,\n"
	       "各府省庁の対策推進計画の策定状況,H26,45%,,1-2-ニ\n");
	p = &r->rs.v[0];
	assert_string_equal(p->indicator->id, "incident-reports");
	assert_int_equal(p->year, 2013);
	assert_string_equal(p->value, "1234");
	assert_string_equal(p->value_written, "1,234");
	assert_string_equal(p->unit, "件");
	q = &r->rs.v[1];
	assert_null(q->indicator->id);
	assert_string_equal(q->indicator->target, "1-2-ニ"); /* the second entry */
	assert_string_equal(q->target, "1-2-ニ");
	assert_string_equal(q->value, "45");
	assert_string_equal(q->unit, "%");
	assert_string_equal(p->target, "1-1-1-ア");
	assert_int_equal(r->d.n, 0);
	done(r);

	/* a text under two entries, no measure: no target, a warning */
	run(r, "指標,年度,値\n各府省庁の対策推進計画の策定状況,2014,1\n");
	assert_null(r->rs.v[0].target);
	assert_int_equal(r->rs.v[0].rejected, 0);
	assert_int_equal(r->d.warnings, 1);
	assert_string_equal(
	    r->d.v[0].message,
	    "indicator '各府省庁の対策推進計画の策定状況' is "
	    "under matrix entries 1-1-1-ア, 1-2-ニ; give 施策番号/measure to attach the value "
	    "to one of them");
	done(r);
}

/*
 * nfc.c's quick check against GLib: no character it passes changes in
 * NFC, alone or after a base that combining marks attach to; the usual
 * cells pass it, decomposed or compatibility forms do not.
 */
static void
test_nfc(void **state)
{
	static const char *const bases[] = {"", "A", "e", "か", "ウ", "ｶ", "가", "ᄀ", "ㇷ"};
	static const struct {
		const char *s;
		int quick;
		const char *nfc;
	} cases[] = {
	    {"1-①-1)-(ア) 業務で扱う情報", 1, NULL},
	    {"ＭＩＣ　総務省、○◯〇 ｶﾞ ５０％ ▲1,234 「“…”」", 1, NULL},
	    {"か\xE3\x82\x99", 0, "が"},         /* か + U+3099 */
	    {"\xE2\x84\xAB", 0, "\xC3\x85"},     /* U+212B ANGSTROM SIGN → Å */
	    {"\xE2\x80\x80", 0, "\xE2\x80\x82"}, /* U+2000 → U+2002 */
	    {"e\xCC\x81", 0, "\xC3\xA9"},        /* e + U+0301 → é */
	    {"\xEF\xA8\x8E", 0, NULL},           /* U+FA0E, a compatibility ideograph (stable) */
	};
	char buf[16], in[32];
	unsigned long c;
	size_t i, b;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *n = nfc_dup(cases[i].s), *g = utf8_nfc(cases[i].s);

		assert_int_equal(nfc_quick(cases[i].s), cases[i].quick);
		assert_string_equal(n, g);
		assert_string_equal(n, cases[i].nfc ? cases[i].nfc : cases[i].s);
		free(n);
		free(g);
	}
	assert_null(nfc_dup("\xE3\x81"));
	for (c = 1; c < 0x10000; c++) {
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		buf[g_unichar_to_utf8((gunichar)c, buf)] = '\0';
		if (!nfc_quick(buf))
			continue;
		for (b = 0; b < sizeof(bases) / sizeof(bases[0]); b++) {
			char *g;

			snprintf(in, sizeof(in), "%s%s", bases[b], buf);
			g = utf8_nfc(in);
			if (strcmp(g, in) != 0)
				fail_msg("U+%04lX after '%s' changes in NFC", c, bases[b]);
			free(g);
		}
	}
}

/* design.md: the area of a plan node or re-listing position, by the plan tree */
static void
test_areas(void **state)
{
	struct run *r = *state;
	static const struct {
		const char *id;
		size_t area;
	} cases[] = {
	    {"1", 0}, {"1-1", 0},  {"1-1-1-G1", 0},     {"1-1-1-ア", 0},        {"1-2-チ", 0},
	    {"4", 1}, {"4-ア", 1}, {"2", REFS_NO_AREA}, {"4-イ", REFS_NO_AREA}, {"", REFS_NO_AREA},
	};
	size_t i;

	assert_int_equal(r->refs.nareas, 2);
	assert_string_equal(r->refs.areas[0], "1");
	assert_string_equal(r->refs.areas[1], "4");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (refs_area(&r->refs, cases[i].id) != cases[i].area)
			fail_msg("'%s': area %zu, expected %zu", cases[i].id,
			         refs_area(&r->refs, cases[i].id), cases[i].area);
}

/* Parses `xml` without blank text and saves it again as xmlSaveFormatFileEnc(…, 1) would. */
static char *
resave(const char *xml, size_t len)
{
	xmlDocPtr doc = xmlReadMemory(xml, (int)len, "out.xml", NULL, XML_PARSE_NOBLANKS);
	xmlChar *buf = NULL;
	char *s;
	int n = 0;

	assert_non_null(doc);
	xmlDocDumpFormatMemoryEnc(doc, &buf, &n, "UTF-8", 1);
	s = strndup((const char *)buf, (size_t)n);
	xmlFree(buf);
	xmlFreeDoc(doc);
	return s;
}

/*
 * xmlTextWriter's output: indented, escaped, and read back by libxml2 to
 * the same text (the serializer writes '"' in text bare, the writer as
 * &quot;: the same document).
 */
static void
test_emit(void **state)
{
	struct run *r = *state;
	struct emit_input in;
	char *buf = NULL, *again;
	size_t len = 0;
	FILE *fp;

	run(r, "施策番号,府省庁,実績,評価,\"担当\"\"&<>\t課\"\n"
	       "1-1-1-ア,MIC,\"a & b < c > \"\"q\"\"\n\n  2行目\t \r\nend\",,\"x\ty\"\n"
	       "1-1-1-ア,MIC,\"a & b < c > \"\"q\"\"\n\n  2行目\t \r\nend\",,dup\n"
	       "9-9,mic,z\n");
	in = (struct emit_input){2014, &r->ef, 1, r->nrows, &r->rs, &r->refs, &r->d, NULL, NULL};
	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	assert_int_equal(emit_write(fp, &in), 0);
	fclose(fp);
	assert_non_null(strstr(buf, "  <area ref=\"1\">\n    <progress src=\"t.csv:2\""));
	assert_non_null(strstr(buf, "        <p>a &amp; b &lt; c &gt; &quot;q&quot;</p>\n"
	                            "        <p>2行目</p>\n"
	                            "        <p>end</p>\n"));
	assert_non_null(strstr(buf, "  </area>\n  <area ref=\"4\"/>\n  <diag "));
	assert_non_null(
	    strstr(buf, "<extra column=\"担当&quot;&amp;&lt;&gt;&#9;課\">x\ty</extra>"));
	assert_non_null(strstr(buf, "<row>9-9 | mic | z</row>"));
	again = resave(buf, len);
	assert_non_null(again);
	if (again == NULL)
		return;
	assert_non_null(strstr(again, "        <p>a &amp; b &lt; c &gt; \"q\"</p>\n"));
	free(again);
	free(buf);
	done(r);
}

/* Reads two files (a, b) into one run and cross-checks them. */
static void
run2(struct run *r, struct csvfile *f, const char *na, const char *a, const char *nb, const char *b,
     int draft)
{
	struct emit_file ef;

	diag_init(&r->d, NULL);
	rows_init(&r->rs);
	r->rs.draft = draft;
	csvread_buffer(&f[0], na, a, strlen(a), &r->d);
	ingest_file(&f[0], &ef, &r->rs, &r->refs, &r->d);
	csvread_buffer(&f[1], nb, b, strlen(b), &r->d);
	ingest_file(&f[1], &ef, &r->rs, &r->refs, &r->d);
	rows_crosscheck(&r->rs, &r->d);
}

static void
done2(struct run *r, struct csvfile *f)
{
	rows_release(&r->rs);
	csvfile_release(&f[0]);
	csvfile_release(&f[1]);
	diag_release(&r->d);
}

/*
 * Issue 12: two files of one ministry that report the same measure are two
 * versions of one submission: an error naming both (a warning in draft),
 * every row kept and marked with the other file.  Files that do not
 * overlap are fine; within one file, today's rule (same 実績 = duplicate).
 */
static void
test_overlap(void **state)
{
	static const char old[] =
	    "施策番号,府省庁,実績\n1-1-1-ア,総務省,古い実績\n1-2-ア,総務省,同じ\n";
	static const char fix[] =
	    "施策番号,府省庁,実績\n1-1-1-ア,MIC,新しい実績\n1-2-ア,総務省,同じ\n";
	struct run *r = *state;
	struct csvfile f[2];
	size_t i;
	int draft;

	for (draft = 0; draft < 2; draft++) {
		run2(r, f, "in/mic-progress.csv", old, "in/mic-progress (2).csv", fix, draft);
		assert_int_equal(r->d.errors, draft ? 0 : 1);
		assert_int_equal(r->d.warnings, draft ? 1 : 0);
		assert_string_equal(r->d.v[0].file, "in/mic-progress (2).csv");
		assert_int_equal(r->d.v[0].line, 2);
		assert_string_equal(
		    r->d.v[0].message,
		    "this file and mic-progress.csv both report measure 1-1-1-ア for "
		    "mic (mic-progress.csv:2; 2 rows overlap): two versions of one "
		    "submission? keep the corrected file and remove the outdated one");
		assert_int_equal(r->rs.n, 4);
		for (i = 0; i < 4; i++) {
			assert_false(r->rs.v[i].rejected);
			assert_false(r->rs.v[i].dropped);
			assert_ptr_equal(r->rs.v[i].overlap, &f[i < 2 ? 1 : 0]);
		}
		done2(r, f);
	}
	/* meti-progress-1 and -2: other measures, no overlap */
	run2(r, f, "meti-progress-1.csv", "施策番号,府省庁,実績\n1-1-1-ア,経済産業省,a\n",
	     "meti-progress-2.csv",
	     "施策番号,府省庁,実績\n1-2-ア,経済産業省,a\n1-1-1-ア,総務省,a\n", 0);
	assert_int_equal(r->d.errors + r->d.warnings, 0);
	assert_null(r->rs.v[0].overlap);
	done2(r, f);
	/* the same measure twice in one file: different 実績 fine, the same a duplicate */
	run(r, "施策番号,府省庁,実績\n1-1-1-ア,総務省,a\n1-1-1-ア,総務省,b\n1-1-1-ア,総務省,a\n");
	assert_int_equal(r->d.errors, 0);
	assert_int_equal(r->d.warnings, 1);
	assert_true(r->rs.v[2].dropped);
	assert_null(r->rs.v[0].overlap);
	done(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_header_aliases), cmocka_unit_test(test_kinds),
	    cmocka_unit_test(test_messages),       cmocka_unit_test(test_conflict),
	    cmocka_unit_test(test_records),        cmocka_unit_test(test_nfc),
	    cmocka_unit_test(test_areas),          cmocka_unit_test(test_emit),
	    cmocka_unit_test(test_overlap),
	};

	return cmocka_run_group_tests_name("ingest", tests, setup, teardown);
}
