/*
 * render layout: the fitting arithmetic of place(), the shrink schedule,
 * lengths and colours of the page description, the SOURCE_DATE_EPOCH date,
 * and pagination on small documents laid out with the pinned fonts
 * (head rows repeated, keep-with-next, footnotes on the citing page).
 * Run from the top of the tree (fonts/fonts.conf is read).
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
#include "orth.h"
#include "render/draw.h"
#include "render/fonts.h"
#include "render/layout.h"
#include "render/model.h"
#include "strbuf.h"

static void
fit_count(void **state)
{
	static const struct {
		double h[4];
		size_t n;
		double gap, avail;
		size_t want;
	} t[] = {
	    {{10, 10, 10}, 3, 0, 30, 3}, /* exactly full */
	    {{10, 10, 10}, 3, 0, 29.9, 2},
	    {{10, 10, 10}, 3, 2, 34, 3}, /* 10+2+10+2+10 */
	    {{10, 10, 10}, 3, 2, 33.9, 2},
	    {{50}, 1, 0, 40, 0},       /* one unit taller than the frame */
	    {{0}, 0, 5, 10, 0},        /* nothing to fit */
	    {{5, 50, 5}, 3, 0, 40, 1}, /* stops at the first misfit */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		assert_int_equal(layout_fit_count(t[i].h, t[i].n, t[i].gap, t[i].avail), t[i].want);
}

static void
shrink_schedule(void **state)
{
	double s = 1, seen[16];
	int n = 0;

	(void)state;
	while (s != 0 && n < 16) {
		seen[n++] = s;
		s = layout_next_scale(s, 0.05, 0.6);
	}
	/* 1, 0.95, …, 0.6: nine sizes, the floor exactly 0.6 */
	assert_int_equal(n, 9);
	assert_true(seen[1] == 0.95);
	assert_true(seen[8] == 0.6);
	assert_true(layout_next_scale(0.6, 0.05, 0.6) == 0);
	assert_true(layout_next_scale(1, 0.1, 0.75) == 0.9);
	assert_true(layout_next_scale(0.8, 0.1, 0.75) == 0);
}

static void
lengths(void **state)
{
	double v;

	(void)state;
	assert_int_equal(model_length("12", 10, 0, &v), 0);
	assert_true(v == 12);
	assert_int_equal(model_length("12pt", 10, 0, &v), 0);
	assert_true(v == 12);
	assert_int_equal(model_length("25.4mm", 10, 0, &v), 0);
	assert_true(v > 71.9999 && v < 72.0001);
	assert_int_equal(model_length("1.5em", 10.5, 0, &v), 0);
	assert_true(v == 15.75);
	assert_int_equal(model_length("100%", 10, 960, &v), 0);
	assert_true(v == 960);
	assert_int_equal(model_length("10px", 10, 0, &v), -1);
	assert_int_equal(model_length("mm", 10, 0, &v), -1);
	assert_int_equal(model_length("", 10, 0, &v), -1);
}

static void
colors(void **state)
{
	double rgb[3];

	(void)state;
	assert_int_equal(model_color("#1f3864", rgb), 0);
	assert_true(rgb[0] == 0x1f / 255.0 && rgb[1] == 0x38 / 255.0 && rgb[2] == 0x64 / 255.0);
	assert_int_equal(model_color("1f3864", rgb), -1);
	assert_int_equal(model_color("#1f386", rgb), -1);
	assert_int_equal(model_color("#1g3864", rgb), -1);
}

static void
epoch_date(void **state)
{
	char buf[32];

	(void)state;
	assert_int_equal(draw_epoch_date("1700000000", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "2023-11-14T22:13:20Z");
	assert_int_equal(draw_epoch_date("0", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "1970-01-01T00:00:00Z");
	assert_int_equal(draw_epoch_date("-5", buf, sizeof(buf)), -1);
	assert_int_equal(draw_epoch_date("12x", buf, sizeof(buf)), -1);
	assert_int_equal(draw_epoch_date("", buf, sizeof(buf)), -1);
}

/* Issue 17: which passages get /Lang (en): Latin script only, two words
 * and eight letters or more; Japanese, mixed text and abbreviations not. */
static void
text_lang(void **state)
{
	(void)state;
	assert_string_equal(orth_lang("Cybersecurity Annual Report 2014."), "en");
	assert_string_equal(orth_lang("National center of Incident readiness (NISC)"), "en");
	assert_string_equal(orth_lang("Agence nationale de la sécurité des systèmes"), "en");
	assert_null(orth_lang("Chief Information Security Officer の略。"));
	assert_null(orth_lang("サイバーセキュリティ戦略本部"));
	assert_null(orth_lang("IPA"));
	assert_null(orth_lang("CSIRT NISC JPCERT"));
	assert_string_equal(orth_lang("Computer Security Incident Response Team (CSIRT)"), "en");
	assert_null(orth_lang("Officer ・ Security")); /* a Japanese middle dot */
	assert_null(orth_lang("2012年度 1,200人"));
	assert_null(orth_lang(""));
	assert_null(orth_lang("Plan Do"));
}

/* Lays out `text` (a .pdoc) with the pinned fonts. */
static struct layout_doc *
lay(const char *text, struct fonts **fonts, struct model_doc **doc)
{
	char path[] = "/tmp/test_layout.XXXXXX";
	int fd = mkstemp(path);
	struct diag d;
	struct layout_doc *ld;
	FILE *fp;

	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	if (fp == NULL) /* (not assert_non_null: cmocka's fail() is not noreturn) */
		abort();
	fputs(text, fp);
	fclose(fp);
	diag_init(&d, stderr);
	*doc = model_load(path, 0, &d);
	assert_non_null(*doc);
	*fonts = fonts_new("fonts/fonts.conf", &d);
	assert_non_null(*fonts);
	assert_int_equal(fonts_check(*fonts, *doc, &d), 0);
	ld = layout_document(*doc, *fonts, &d);
	assert_non_null(ld);
	assert_int_equal(d.errors, 0);
	diag_release(&d);
	unlink(path);
	return ld;
}

static void
lay_free(struct layout_doc *ld, struct fonts *fonts, struct model_doc *doc)
{
	layout_doc_free(ld);
	jl_cache_free(); /* its shapings hold the fonts' patterns (as render's main) */
	fonts_free(fonts);
	model_free(doc);
}

/* A filled rect (a head-row cell) whose top is at `y` on page p. */
static int
head_at(const struct layout_page *pg, double y)
{
	size_t k;

	for (k = 0; k < pg->n; k++)
		if (pg->box[k].kind == BOX_RECT && pg->box[k].filled && pg->box[k].y > y - 0.01 &&
		    pg->box[k].y < y + 0.01)
			return 1;
	return 0;
}

static void
table_head_repeats(void **state)
{
	struct strbuf sb;
	struct fonts *fonts;
	struct model_doc *doc;
	struct layout_doc *ld;
	size_t p;
	int i;

	(void)state;
	strbuf_init(&sb, 4096);
	strbuf_addstr(&sb, "<document><template name=\"body\" margin-top=\"100pt\"/><flow>"
	                   "<table widths=\"1 3\"><tr head=\"1\"><td>番号</td><td>内容</td></tr>");
	for (i = 1; i <= 120; i++)
		strbuf_addf(&sb, "<tr><td>%d</td><td>行%d</td></tr>", i, i);
	strbuf_addstr(&sb, "</table></flow></document>");
	ld = lay(sb.buf, &fonts, &doc);
	assert_true(ld->npages >= 3);
	/* the table starts 6pt (space before) below the top margin on page 1
	 * (discarded at the page top), and each later page opens with the head */
	for (p = 0; p < ld->npages; p++)
		assert_true(head_at(&ld->pages[p], 100));
	lay_free(ld, fonts, doc);
	strbuf_release(&sb);
}

/* Page and baseline of the text box whose paragraph holds `needle`'s line. */
static void
heading_kept(void **state)
{
	struct strbuf sb;
	struct fonts *fonts;
	struct model_doc *doc;
	struct layout_doc *ld;
	size_t p, k;
	int i, found = 0;

	(void)state;
	strbuf_init(&sb, 4096);
	strbuf_addstr(&sb, "<document><flow>");
	/* 36 one-line paragraphs (10.5pt × 1.75 = 18.375pt each) fill most of
	 * the A4 text block (about 692pt); the heading would land at the foot */
	for (i = 0; i < 36; i++)
		strbuf_addstr(&sb, "<p>一行。</p>");
	strbuf_addstr(&sb, "<h level=\"2\" id=\"kept\">見出し</h><p>次の段落の一行目。</p>"
	                   "<p>二つ目。</p></flow></document>");
	ld = lay(sb.buf, &fonts, &doc);
	assert_int_equal(ld->npages, 2);
	/* the heading's destination is on page 2, at its top */
	for (p = 0; p < ld->npages; p++)
		for (k = 0; k < ld->pages[p].n; k++)
			if (ld->pages[p].box[k].kind == BOX_DEST &&
			    strcmp(ld->pages[p].box[k].name, "kept") == 0) {
				assert_int_equal(p, 1);
				assert_true(ld->pages[p].box[k].y < 25 * 72 / 25.4 + 0.01);
				found = 1;
			}
	assert_true(found);
	lay_free(ld, fonts, doc);
	strbuf_release(&sb);
}

static void
outline_levels(void **state)
{
	struct fonts *fonts;
	struct model_doc *doc;
	struct layout_doc *ld;

	(void)state;
	ld = lay("<document><flow>"
	         "<h level=\"1\" outline=\"1\">第1章</h><h level=\"2\" outline=\"1\">①</h>"
	         "<h level=\"3\">no outline</h><h level=\"1\" outline=\"1\">第2章</h>"
	         "<pagebreak/><h level=\"1\" outline=\"1\">第3章</h></flow></document>",
	         &fonts, &doc);
	assert_int_equal(ld->noutline, 4);
	assert_string_equal(ld->outline[0].title, "第1章");
	assert_int_equal(ld->outline[1].level, 2);
	assert_string_equal(ld->outline[2].title, "第2章");
	assert_int_equal(ld->outline[2].page, 0);
	assert_int_equal(ld->outline[3].page, 1);
	lay_free(ld, fonts, doc);
}

struct counter {
	size_t pages, boxes, texts;
};

static int
count_page(void *arg, const struct layout_page *pg)
{
	struct counter *n = arg;
	size_t k;

	n->pages++;
	n->boxes += pg->n;
	for (k = 0; k < pg->n; k++)
		if (pg->box[k].kind == BOX_TEXT && pg->box[k].para)
			n->texts++;
	return 0;
}

/* A run with a sink hands over the same pages as one that keeps them,
 * complete, and keeps no boxes. */
static void
stream_same_pages(void **state)
{
	struct strbuf sb;
	struct fonts *fonts;
	struct model_doc *doc;
	struct layout_doc *ld, *ls;
	struct counter n = {0, 0, 0};
	struct layout_sink sink = {count_page, &n};
	struct layout_run *run;
	struct diag d;
	size_t p, boxes = 0, texts = 0, k;
	int i;

	(void)state;
	strbuf_init(&sb, 4096);
	strbuf_addstr(&sb,
	              "<document><template name=\"body\"><footer><center><field name=\"page\"/>"
	              "</center></footer></template><flow><toc levels=\"1\"/>");
	for (i = 1; i <= 12; i++) {
		int j;

		strbuf_addf(&sb, "<h level=\"1\" toc=\"1\" outline=\"1\">第%d章</h>", i);
		for (j = 0; j < 12; j++)
			strbuf_addstr(&sb,
			              "<p>本文の段落であり、二行以上になるように長く書いてある。"
			              "本文の段落であり、二行以上になるように長く書いてある。</p>");
	}
	strbuf_addstr(&sb, "</flow></document>");
	ld = lay(sb.buf, &fonts, &doc);
	for (p = 0; p < ld->npages; p++) {
		boxes += ld->pages[p].n;
		for (k = 0; k < ld->pages[p].n; k++)
			if (ld->pages[p].box[k].kind == BOX_TEXT)
				texts++;
	}
	diag_init(&d, stderr);
	run = layout_run_new(fonts, &d);
	layout_learn(run, doc);
	layout_begin(run, 1, NULL);
	assert_int_equal(layout_file(run, doc), 0);
	layout_doc_free(layout_end(run));
	layout_begin(run, 0, &sink);
	assert_int_equal(layout_file(run, doc), 0);
	ls = layout_end(run);
	layout_run_free(run);
	assert_non_null(ls);
	assert_int_equal(d.errors, 0);
	assert_true(ld->npages >= 4);
	assert_int_equal(n.pages, ld->npages);
	assert_int_equal(ls->npages, ld->npages);
	assert_int_equal(n.boxes, boxes);
	assert_int_equal(n.texts, texts); /* the TOC numbers were drawn too */
	assert_int_equal(ls->noutline, 12);
	assert_int_equal(ls->outline[11].page, ld->outline[11].page);
	for (p = 0; p < ls->npages; p++)
		assert_int_equal(ls->pages[p].n, 0); /* freed once drawn */
	layout_doc_free(ls);
	diag_release(&d);
	lay_free(ld, fonts, doc);
	strbuf_release(&sb);
}

/* What the sink saw of a long table: pages, and the diag's warnings when
 * the first page came. */
struct early {
	const struct diag *d;
	size_t pages, warnings_at_first;
};

static int
early_page(void *arg, const struct layout_page *pg)
{
	struct early *e = arg;

	(void)pg;
	if (e->pages++ == 0)
		e->warnings_at_first = e->d->warnings;
	return 0;
}

/*
 * Issue 13: a long table's rows go to pages as they come, not once the
 * whole table is laid out (a 14,000-row table held ~90 MB of rows at
 * 100×).  Its last row warns (a <space h> that is not a length) when it is
 * laid out: the first page must reach the sink before that warning.
 */
static void
long_table_streams(void **state)
{
	struct strbuf sb;
	struct fonts *fonts;
	struct model_doc *doc;
	struct layout_doc *ld;
	struct layout_run *run;
	struct diag d;
	struct early e = {&d, 0, 0};
	struct layout_sink sink = {early_page, &e};
	int i;

	(void)state;
	strbuf_init(&sb, 4096);
	strbuf_addstr(&sb, "<document><flow><table widths=\"1 3\"><tr head=\"1\"><td>番号</td>"
	                   "<td>内容</td></tr>");
	for (i = 1; i <= 300; i++)
		strbuf_addf(&sb, "<tr><td>%d</td><td>表の行の本文。</td></tr>", i);
	strbuf_addstr(&sb, "<tr><td>終</td><td><p>最後の行</p><space h=\"x\"/></td></tr>"
	                   "</table></flow></document>");
	ld = lay(sb.buf, &fonts, &doc); /* (its warning goes to lay()'s diag) */
	layout_doc_free(ld);
	diag_init(&d, NULL);
	run = layout_run_new(fonts, &d);
	layout_learn(run, doc);
	layout_begin(run, 0, &sink);
	assert_int_equal(layout_file(run, doc), 0);
	layout_doc_free(layout_end(run));
	layout_run_free(run);
	assert_true(e.pages >= 5);
	assert_int_equal(d.warnings, 1);
	assert_int_equal(e.warnings_at_first, 0);
	diag_release(&d);
	lay_free(NULL, fonts, doc);
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(fit_count),
	    cmocka_unit_test(shrink_schedule),
	    cmocka_unit_test(lengths),
	    cmocka_unit_test(colors),
	    cmocka_unit_test(epoch_date),
	    cmocka_unit_test(text_lang),
	    cmocka_unit_test(table_head_repeats),
	    cmocka_unit_test(heading_kept),
	    cmocka_unit_test(outline_levels),
	    cmocka_unit_test(stream_same_pages),
	    cmocka_unit_test(long_table_streams),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
