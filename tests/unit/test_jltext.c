/*
 * jltext (outputs.md "Typesetting", issue 4): exact break positions and
 * glyph positions for kinsoku, Latin words, Japanese-Latin gaps,
 * punctuation squeezing, justification and indents.  BIZ UDMincho at
 * 10pt, a PangoCairo font map at 72 dpi, unhinted metrics: 1 em = 10pt,
 * kana and kanji 1 em, Latin letters and digits 0.5 em.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "render/jltext.h"
#include "xmem.h"

#define EM 10.0
#define EPS 0.01

static PangoFontMap *fm;
static PangoContext *ctx;
static PangoFontDescription *fd;

static int
setup(void **state)
{
	cairo_font_options_t *fo;

	fm = pango_cairo_font_map_new();
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(fm), 72);
	ctx = pango_font_map_create_context(fm);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	fd = pango_font_description_from_string("BIZ UDMincho 10");
	return 0;
}

static int
teardown(void **state)
{
	jl_cache_free(); /* its shapings hold the fonts' patterns (as render's main) */
	pango_font_description_free(fd);
	g_object_unref(ctx);
	g_object_unref(fm);
	return 0;
}

static struct jl_para *
para(const char *text, double width_em, enum jl_align align)
{
	struct jl_style st = {width_em * EM, 0, 0, 1.75 * EM, align};

	return jl_para_new(ctx, text, -1, NULL, fd, &st);
}

/* Byte index of the start of each line after the first, as "i,j,k". */
static void
starts(const struct jl_para *p, char *buf, size_t n)
{
	struct jl_line_info li;
	size_t used = 0;
	int i;

	buf[0] = '\0';
	for (i = 1; i < jl_para_line_count(p) && used < n; i++) {
		jl_para_line_info(p, i, &li);
		used += snprintf(buf + used, n - used, "%s%d", i > 1 ? "," : "", li.start);
	}
}

/* Byte offset of the first occurrence of `needle` in `text` (the n-th with n > 1). */
static int
at(const char *text, const char *needle, int nth)
{
	const char *s = text;

	while (nth-- > 0) {
		s = strstr(s, needle);
		assert_non_null(s);
		if (nth > 0)
			s += strlen(needle);
	}
	return (int)(s - text);
}

static double
xpos(const struct jl_para *p, int index, int expect_line)
{
	int line;
	double x;

	assert_int_equal(jl_para_char_pos(p, index, &line, &x), 1);
	assert_int_equal(line, expect_line);
	return x;
}

static void
assert_near(double got, double want)
{
	if (got < want - EPS || got > want + EPS)
		fail_msg("got %.4f, want %.4f", got, want);
}

/* 、 and 。 never start a line: the line before gives up a character. */
static void
test_kinsoku_comma(void **state)
{
	const char *t = "あいうえおかきくけこ、さしすせそ";
	struct jl_para *p = para(t, 10, JL_JUSTIFY);
	struct jl_line_info li;
	char buf[64];

	starts(p, buf, sizeof buf);
	assert_string_equal(buf, "27"); /* こ、 moves down */
	jl_para_line_info(p, 0, &li);
	assert_near(li.width, 10 * EM); /* 9 characters stretched */
	/* the stretch is even: 1 em over 8 gaps */
	assert_near(xpos(p, at(t, "く", 1), 0), 7 * (EM + EM / 8));
	jl_para_free(p);

	t = "あいうえおかきくけこ。さしすせそ";
	p = para(t, 10, JL_JUSTIFY);
	starts(p, buf, sizeof buf);
	assert_string_equal(buf, "27");
	jl_para_free(p);

	t = "あいうえおかきくけ」、さしすせそ"; /* 」、 both prohibited */
	p = para(t, 9.5, JL_JUSTIFY);
	starts(p, buf, sizeof buf);
	assert_string_equal(buf, "24");
	jl_para_free(p);
}

/* 「 and （ never end a line. */
static void
test_kinsoku_open(void **state)
{
	const char *t = "あいうえおかきく「けこ」さしすせそ";
	struct jl_para *p = para(t, 9, JL_JUSTIFY);
	char buf[64];

	/* あ…く 8 em + aki 0.5 + 「 0.5 = 9 em exactly: 「 would end the line */
	starts(p, buf, sizeof buf);
	assert_string_equal(buf, "24");
	/* at the line start 「 keeps its aki: its glyph box starts at 0 */
	assert_near(xpos(p, 24, 1), 0.5 * EM);
	assert_near(xpos(p, at(t, "け", 1), 1), 1.0 * EM);
	jl_para_free(p);

	t = "あいうえおかきく（けこ）さしすせそ";
	p = para(t, 9, JL_JUSTIFY);
	starts(p, buf, sizeof buf);
	assert_string_equal(buf, "24");
	jl_para_free(p);
}

/* ー っ ゃ never start a line. */
static void
test_kinsoku_small(void **state)
{
	const char *cases[] = {
	    "あいうえおかきくけっこさしすせそ",
	    "あいうえおかきくコーヒーさしすせ",
	    "あいうえおかきくちゃちゃちゃちゃ",
	};
	char buf[64];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct jl_para *p = para(cases[i], 9, JL_JUSTIFY);

		starts(p, buf, sizeof buf);
		assert_string_equal(buf, "24"); /* the 9th character goes down too */
		jl_para_free(p);
	}
}

/* A Latin word stays whole; "PDCA" breaks only at the space after it. */
static void
test_latin_word(void **state)
{
	const char *t = "あいうえおかきPDCA サイクルの確立";
	struct jl_para *p = para(t, 9, JL_JUSTIFY);
	char buf[64], want[32];

	/* 7 em + gap 0.25 + PDCA 2 em = 9.25 em: PDCA moves down whole */
	starts(p, buf, sizeof buf);
	snprintf(want, sizeof want, "%d,", at(t, "PDCA", 1));
	assert_memory_equal(buf, want, strlen(want));
	jl_para_free(p);

	/* "2014年度": the number is not split */
	t = "あいうえおかきく2014年度の計画";
	p = para(t, 9.5, JL_JUSTIFY);
	starts(p, buf, sizeof buf);
	snprintf(want, sizeof want, "%d", at(t, "2014", 1));
	assert_string_equal(buf, want);
	jl_para_free(p);
}

/* A quarter em between kana/kanji and Latin letters or digits. */
static void
test_jl_gap(void **state)
{
	const char *t = "平成2014年度";
	struct jl_para *p = para(t, 30, JL_LEFT);
	double x2, x4, xn;

	assert_int_equal(jl_para_line_count(p), 1);
	x2 = xpos(p, at(t, "2", 1), 0);
	x4 = xpos(p, at(t, "4", 1), 0);
	xn = xpos(p, at(t, "年", 1), 0);
	assert_near(x2, 2 * EM + 0.25 * EM);        /* 成|2 */
	assert_near(x4, x2 + 3 * 0.5 * EM);         /* digits solid */
	assert_near(xn, x4 + 0.5 * EM + 0.25 * EM); /* 4|年 */
	jl_para_free(p);

	/* none inside the Latin word, none next to a Latin space */
	t = "はPDCA サイクル";
	p = para(t, 30, JL_LEFT);
	assert_near(xpos(p, at(t, "P", 1), 0), 1.25 * EM);
	assert_near(xpos(p, at(t, "D", 1), 0),
	            1.25 * EM + xpos(p, at(t, "D", 1), 0) - xpos(p, at(t, "P", 1), 0));
	jl_para_free(p);
}

/* 「」 are half-width glyphs; consecutive punctuation collapses to one half em. */
static void
test_squeeze(void **state)
{
	const char *t = "あ「い」「う」、「え」。お";
	struct jl_para *p = para(t, 30, JL_LEFT);

	assert_near(xpos(p, at(t, "「", 1), 0), 1.5 * EM); /* aki 0.5 before */
	assert_near(xpos(p, at(t, "い", 1), 0), 2.0 * EM);
	assert_near(xpos(p, at(t, "」", 1), 0), 3.0 * EM);
	assert_near(xpos(p, at(t, "「", 2), 0), 4.0 * EM); /* 」「: one half em */
	assert_near(xpos(p, at(t, "う", 1), 0), 4.5 * EM);
	assert_near(xpos(p, at(t, "」", 2), 0), 5.5 * EM);
	assert_near(xpos(p, at(t, "、", 1), 0), 6.0 * EM); /* 」、 solid */
	assert_near(xpos(p, at(t, "「", 3), 0), 7.0 * EM); /* 、「: one half em */
	assert_near(xpos(p, at(t, "え", 1), 0), 7.5 * EM);
	assert_near(xpos(p, at(t, "。", 1), 0), 9.0 * EM); /* 」。 solid */
	assert_near(xpos(p, at(t, "お", 1), 0), 10.0 * EM);
	jl_para_free(p);

	/* the middle dot: a quarter em either side */
	t = "安全・安心";
	p = para(t, 30, JL_LEFT);
	assert_near(xpos(p, at(t, "・", 1), 0), 2.25 * EM);
	assert_near(xpos(p, at(t, "安", 2), 0), 3.0 * EM);
	jl_para_free(p);
}

/*
 * Shrink before stretch: the comma's aki gives way first, the aki of the
 * line-end 、 last (so its glyph box stays inside the measure).
 */
static void
test_shrink(void **state)
{
	const char *t = "あいう、えおかきくけこ、さしす";
	struct jl_para *p = para(t, 11.5, JL_JUSTIFY);
	struct jl_line_info li;
	char buf[64], want[32];

	/* natural 12 em up to the second 、 and its aki: shrink 0.5 em */
	starts(p, buf, sizeof buf);
	snprintf(want, sizeof want, "%d", at(t, "さ", 1));
	assert_string_equal(buf, want);
	jl_para_line_info(p, 0, &li);
	assert_near(li.width, 11.5 * EM);
	assert_near(xpos(p, at(t, "え", 1), 0), 3.5 * EM);  /* mid-line aki shrunk */
	assert_near(xpos(p, at(t, "、", 2), 0), 10.5 * EM); /* line-end aki kept */
	jl_para_free(p);

	/* a mid-line 。 keeps its aki; the comma's aki gives way */
	t = "あ。い、うえおかきく";
	p = para(t, 9.5, JL_JUSTIFY);
	assert_int_equal(jl_para_line_count(p), 1);
	assert_near(xpos(p, at(t, "い", 1), 0), 2 * EM);
	assert_near(xpos(p, at(t, "う", 1), 0), 3.5 * EM); /* 、 aki shrunk away */
	jl_para_free(p);
}

/* Every line but the last ends flush at the measure. */
static void
test_justify(void **state)
{
	const char *t = "情報セキュリティ問題への取組を抜本的に強化することを目的に、"
	                "2005年4月に内閣官房に情報セキュリティセンター(NISC)が、同年5月に"
	                "高度情報通信ネットワーク社会推進戦略本部(IT戦略本部)に情報セキュリティ"
	                "政策会議がそれぞれ設置されて以来、8年が経過した。";
	struct jl_style st = {33.3 * EM, EM, 0, 17.5, JL_JUSTIFY};
	struct jl_para *p = jl_para_new(ctx, t, -1, NULL, fd, &st);
	struct jl_line_info li;
	int i, n = jl_para_line_count(p), prev_end = 0;

	assert_true(n >= 3);
	for (i = 0; i < n; i++) {
		jl_para_line_info(p, i, &li);
		assert_int_equal(li.start, prev_end); /* no text lost */
		prev_end = li.end;
		assert_near(li.x, i == 0 ? EM : 0);
		if (i < n - 1)
			assert_near(li.x + li.width, st.width);
		else
			assert_true(li.x + li.width < st.width);
	}
	assert_int_equal(prev_end, (int)strlen(t));
	/* first-line indent of 1 em */
	assert_near(xpos(p, 0, 0), EM);
	jl_para_free(p);
}

/* Hanging indent: label at 0, text and following lines at 2 em. */
static void
test_hanging(void **state)
{
	const char *t =
	    "a)　内閣官房において、各府省庁の情報セキュリティ対策の推進体制を強化する。";
	struct jl_style st = {12 * EM, -2 * EM, 2 * EM, 17.5, JL_JUSTIFY};
	struct jl_para *p = jl_para_new(ctx, t, -1, NULL, fd, &st);
	struct jl_line_info li;
	int i;

	jl_para_line_info(p, 0, &li);
	assert_near(li.x, 0);
	assert_near(li.x + li.width, 12 * EM);
	assert_near(xpos(p, 0, 0), 0);
	for (i = 1; i < jl_para_line_count(p); i++) {
		jl_para_line_info(p, i, &li);
		assert_near(li.x, 2 * EM);
		if (i < jl_para_line_count(p) - 1)
			assert_near(li.x + li.width, 12 * EM);
	}
	jl_para_free(p);
}

/* An unbreakable run longer than the measure is broken between characters. */
static void
test_overlong(void **state)
{
	const char *t = "参照https://www.example.go.jp/very/long/path/index.html";
	struct jl_para *p = para(t, 8, JL_JUSTIFY);
	struct jl_line_info li;
	int i, n = jl_para_line_count(p), prev_end = 0;

	assert_true(n >= 4);
	for (i = 0; i < n; i++) {
		jl_para_line_info(p, i, &li);
		assert_int_equal(li.start, prev_end);
		prev_end = li.end;
		assert_true(li.x + li.width <= 8 * EM + EPS);
	}
	assert_int_equal(prev_end, (int)strlen(t));
	jl_para_free(p);
}

static void
test_empty(void **state)
{
	struct jl_para *p = para("", 10, JL_JUSTIFY);
	struct jl_line_info li;
	double x0, x1;

	assert_int_equal(jl_para_line_count(p), 1);
	jl_para_line_info(p, 0, &li);
	assert_int_equal(li.start, 0);
	assert_int_equal(li.end, 0);
	assert_true(li.ascent > 5 && li.ascent < 12);
	assert_int_equal(jl_para_range_extent(p, 0, 0, 1, &x0, &x1), 0);
	jl_para_free(p);
}

/* ――/…… are not broken (BIZ UD sets U+2014 half width; U+2015 is full) and not stretched inside. */
static void
test_inseparable(void **state)
{
	const char *t = "あいうえおかき――くけこさしすせそたちつてと";
	struct jl_para *p = para(t, 8.5, JL_JUSTIFY);
	struct jl_line_info li;
	char want[32], buf[64];
	double x1, x2;

	/* あ…き 7 em, —— 2 em: —— goes down whole */
	starts(p, buf, sizeof buf);
	snprintf(want, sizeof want, "%d,", at(t, "―", 1));
	assert_memory_equal(buf, want, strlen(want));
	jl_para_line_info(p, 1, &li);
	assert_near(li.width, 8.5 * EM); /* stretched by 0.5 em */
	x1 = xpos(p, at(t, "―", 1), 1);
	x2 = xpos(p, at(t, "―", 2), 1);
	assert_near(x2 - x1, EM); /* but not inside —— */
	/* ――くけこさしす: 7 gaps, one inside ―― */
	assert_near(xpos(p, at(t, "く", 1), 1), 2 * EM + 0.5 * EM / 6);
	jl_para_free(p);
}

/* Forced breaks, a narrower style, natural and minimum widths, extents. */
static void
test_misc(void **state)
{
	const char *t = "あいう\nえお PDCA";
	struct jl_para *p = para(t, 30, JL_JUSTIFY);
	struct jl_line_info li;
	struct jl_style st = {2.5 * EM, 0, 0, 17.5, JL_LEFT};
	double x0, x1, xp;

	assert_int_equal(jl_para_line_count(p), 2);
	jl_para_line_info(p, 1, &li);
	assert_int_equal(li.start, at(t, "え", 1));
	jl_para_line_info(p, 0, &li);
	assert_near(li.width, 3 * EM);             /* not justified */
	assert_near(jl_para_min_width(p), 2 * EM); /* PDCA */
	xp = xpos(p, at(t, "P", 1), 1);
	assert_near(xp, 2 * EM + EM / 3); /* a Latin space: 1/3 em */
	assert_near(jl_para_natural_width(p), xp + 2 * EM);
	assert_int_equal(jl_para_range_extent(p, 1, at(t, "P", 1), at(t, "A", 1) + 1, &x0, &x1), 1);
	assert_near(x0, xp);
	assert_near(x1, xp + 2 * EM);
	jl_para_free(p);
	p = jl_para_new(ctx, t, -1, NULL, fd, &st);
	assert_int_equal(jl_para_line_count(p), 4); /* あい / う / えお / PDCA */
	jl_para_free(p);

	/* ragged alignments: the line moves, its glyphs with it */
	p = para("あいう", 10, JL_CENTER);
	jl_para_line_info(p, 0, &li);
	assert_near(li.x, 3.5 * EM);
	assert_near(li.width, 3 * EM);
	assert_near(xpos(p, 3, 0), 4.5 * EM);
	jl_para_free(p);
	p = para("あいう。", 10, JL_RIGHT); /* the final aki counts */
	jl_para_line_info(p, 0, &li);
	assert_near(li.x, 6 * EM);
	assert_near(xpos(p, 9, 0), 9 * EM);
	jl_para_free(p);

	/* CR LF is one break */
	p = para("あ\r\nい\nう", 30, JL_JUSTIFY);
	assert_int_equal(jl_para_line_count(p), 3);
	jl_para_line_info(p, 1, &li);
	assert_int_equal(li.start, 5);
	jl_para_free(p);
}

/* A raised footnote mark: no J-L gap around it, never at a line start. */
static void
test_footnote_mark(void **state)
{
	const char *t = "あいうえおかきくけ1等の計画";
	PangoAttrList *al = pango_attr_list_new();
	PangoAttribute *a;
	struct jl_style st = {10 * EM, 0, 0, 17.5, JL_JUSTIFY};
	struct jl_para *p;
	char buf[64], want[32];
	int m = at(t, "1", 1);

	a = pango_attr_size_new_absolute(6 * PANGO_SCALE);
	a->start_index = m;
	a->end_index = m + 1;
	pango_attr_list_insert(al, a);
	a = pango_attr_rise_new(4 * PANGO_SCALE);
	a->start_index = m;
	a->end_index = m + 1;
	pango_attr_list_insert(al, a);
	p = jl_para_new(ctx, t, -1, al, fd, &st);
	pango_attr_list_unref(al);
	/* け1 is 9 em + 3pt: fits; 等 does not and cannot start alone */
	starts(p, buf, sizeof buf);
	snprintf(want, sizeof want, "%d", at(t, "等", 1));
	assert_string_equal(buf, want);
	jl_para_free(p);

	/* width 9.2 em: the mark cannot go down alone, け goes with it */
	al = pango_attr_list_new();
	a = pango_attr_size_new_absolute(6 * PANGO_SCALE);
	a->start_index = m;
	a->end_index = m + 1;
	pango_attr_list_insert(al, a);
	a = pango_attr_rise_new(4 * PANGO_SCALE);
	a->start_index = m;
	a->end_index = m + 1;
	pango_attr_list_insert(al, a);
	st.width = 9.2 * EM;
	p = jl_para_new(ctx, t, -1, al, fd, &st);
	pango_attr_list_unref(al);
	starts(p, buf, sizeof buf);
	snprintf(want, sizeof want, "%d", at(t, "け", 1));
	assert_memory_equal(buf, want, strlen(want));
	/* set solid: the mark right after け (no quarter em), 等 right after it */
	assert_near(xpos(p, m, 1), 1 * EM);
	assert_near(xpos(p, at(t, "等", 1), 1), 1 * EM + 3);
	jl_para_free(p);
}

/* Drawing: every glyph lands inside the block (draws into a PDF stream). */
static cairo_status_t
discard(void *closure, const unsigned char *data, unsigned int length)
{
	*(size_t *)closure += length;
	return CAIRO_STATUS_SUCCESS;
}

static void
test_draw(void **state)
{
	const char *t =
	    "「サイバーセキュリティ立国」の実現に向け、2013年度及び2014年度に実施する。";
	struct jl_para *p = para(t, 12, JL_JUSTIFY);
	size_t bytes = 0;
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(discard, &bytes, 200, 200);
	cairo_t *cr = cairo_create(s);
	int i;

	for (i = 0; i < jl_para_line_count(p); i++)
		jl_para_draw_line(p, i, cr, 10, 20 + 17.5 * i);
	assert_int_equal(cairo_status(cr), CAIRO_STATUS_SUCCESS);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
	assert_true(bytes > 1000);
	jl_para_free(p);
}

/* Hostile text (issue 6): whatever comes, lines cover it, nothing overflows. */
static const char *jl_text; /* the text check_cover() sets */

static int
clusters(const struct jl_para *p, int start, int end)
{
	int i, n = 0, line;
	double x;

	/* trailing spaces and breaks take no room */
	for (i = start; i < end; i++) {
		gunichar ch = g_utf8_get_char_validated(p == NULL ? "" : jl_text + i, -1);

		if (!g_unichar_isspace(ch) && ch != 0x200B && ch != 0x2028)
			n += jl_para_char_pos(p, i, &line, &x);
	}
	return n;
}

static void
check_cover(const char *t, double width)
{
	struct jl_style st = {width, 0, 0, 17.5, JL_JUSTIFY};
	struct jl_para *p = jl_para_new(ctx, t, -1, NULL, fd, &st);
	struct jl_line_info li;
	size_t bytes = 0;

	jl_text = t;
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(discard, &bytes, 200, 200);
	cairo_t *cr = cairo_create(s);
	int i, prev = 0;

	for (i = 0; i < jl_para_line_count(p); i++) {
		jl_para_line_info(p, i, &li);
		assert_int_equal(li.start, prev);
		assert_true(li.end >= li.start);
		prev = li.end;
		if (clusters(p, li.start, li.end) > 1 && li.x + li.width > width + EPS)
			fail_msg("line %d of '%s' at %g: width %g", i, t, width, li.x + li.width);
		jl_para_draw_line(p, i, cr, 0, 20);
	}
	assert_int_equal(prev, (int)strlen(t));
	assert_int_equal(cairo_status(cr), CAIRO_STATUS_SUCCESS);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	jl_para_free(p);
}

static void
test_hostile(void **state)
{
	static const char *cases[] = {
	    "\t\tタブ\tと\x01制御\x7f文字",
	    "العربية と עברית の混在 mixed",
	    "e\xcc\x81\xcc\x81\xcc\x81 結合文字 \u200b幅なし\u200b空白",
	    "絵文字😀👍🏽と異体字葛\U000E0101",
	    "」」」」」」」」」」」」」」」」」」」」」」」",
	    "「「「「「「「「「「「「「「「「「「「「「「「「",
	    "ーーーーーーーーーーーーーーーーーーーーーーーーーーー",
	    "     先頭と末尾の空白     ",
	    "\n\n\n",
	    "a\nb\r\nc\xe2\x80\xa8"
	    "d",
	    "ＡＢＣ１２３全角英数と ｶﾀｶﾅ半角",
	};
	double widths[] = {1, 35, 100, 1e6};
	size_t i, k;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		for (k = 0; k < sizeof widths / sizeof widths[0]; k++)
			check_cover(cases[i], widths[k]);
}

/* Long paragraphs stay linear: 30 000 characters, narrow and very wide. */
static void
test_long(void **state)
{
	size_t n = 10000, i;
	char *t = xmalloc(n * 3 + 1);
	gint64 t0;

	for (i = 0; i < n; i++)
		memcpy(t + 3 * i, i % 37 == 36 ? "、" : "あ", 3);
	t[3 * n] = '\0';
	t0 = g_get_monotonic_time();
	check_cover(t, 400);
	check_cover(t, 1e7);
	memset(t, 'x', 3 * n); /* one unbreakable Latin run */
	check_cover(t, 400);
	check_cover(t, 1e7);
	assert_true(g_get_monotonic_time() - t0 < 20 * G_USEC_PER_SEC); /* ~0.05 s; valgrind ~3 s */
	free(t);
}

/*
 * Line starts handed over from an earlier layout give the same lines and
 * positions as breaking anew; starts off the cluster boundaries are
 * ignored.
 */
/* Line i's text, as a new string. */
static char *
line_text(const struct jl_para *p, const char *t, int i)
{
	struct jl_line_info li;

	jl_para_line_info(p, i, &li);
	return g_strndup(t + li.start, li.end - li.start);
}

/*
 * Issue 12 "Linear": the breaker works in windows of clusters.  A
 * paragraph shorter than a window is broken exactly as one total fit (a
 * window wider than everything); a long one keeps every line within the
 * measure and kinsoku at the seams between windows.
 */
static void
test_window(void **state)
{
	static const char *sentence =
	    "「情報セキュリティ」対策の強化に向けて、関係府省庁と連携し、"
	    "CSIRT 訓練（計 12 回）を計画どおり実施した。ソフトウェアっぽいー々、";
	static const char *no_start =
	    "、。，．・：；？！）］｝〕〉》」』】ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー々";
	static const char *no_end = "（［｛〔〈《「『【";
	GString *g = g_string_new(NULL);
	struct jl_para *p, *q;
	struct jl_line_info li, lj;
	char a[8192], b[8192];
	int i, old, n;

	(void)state;
	while (g_utf8_strlen(g->str, -1) < 3000)
		g_string_append(g, sentence);
	/* shorter than the default window: the same lines as one total fit */
	p = para(g->str, 23, JL_JUSTIFY);
	old = jl_set_window(1 << 30);
	q = para(g->str, 23, JL_JUSTIFY);
	jl_set_window(old);
	starts(p, a, sizeof a);
	starts(q, b, sizeof b);
	assert_string_equal(a, b);
	assert_true(jl_para_line_count(p) > 100);
	for (i = 0; i < jl_para_line_count(p); i++) {
		jl_para_line_info(p, i, &li);
		jl_para_line_info(q, i, &lj);
		assert_true(li.x == lj.x && li.width == lj.width);
	}
	jl_para_free(q);
	jl_para_free(p);

	/* windows of 150 clusters: 20 seams and more */
	old = jl_set_window(150);
	p = para(g->str, 23, JL_JUSTIFY);
	n = jl_para_line_count(p);
	assert_true(n > 100);
	for (i = 0; i < n; i++) {
		char *l = line_text(p, g->str, i);
		char first[8] = "", last[8] = "";
		const char *e = g_utf8_find_prev_char(l, l + strlen(l));

		jl_para_line_info(p, i, &li);
		if (li.x + li.width > 23 * EM + EPS)
			fail_msg("line %d is %g pt wide: '%s'", i, li.x + li.width, l);
		if (i + 1 < n && li.width < 23 * EM - EPS)
			fail_msg("line %d is not justified (%g pt): '%s'", i, li.width, l);
		g_utf8_strncpy(first, l, 1);
		if (e)
			g_utf8_strncpy(last, e, 1);
		if (i > 0 && strstr(no_start, first))
			fail_msg("line %d starts with %s: '%s'", i, first, l);
		if (i + 1 < n && *last && strstr(no_end, last))
			fail_msg("line %d ends with %s: '%s'", i, last, l);
		g_free(l);
	}
	jl_para_free(p);
	check_cover(g->str, 23 * EM);
	check_cover(g->str, 400);
	jl_set_window(old);
	g_string_free(g, TRUE);
}

static void
test_broken(void **state)
{
	const char *t =
	    "内閣官房において、各府省庁のCISOがガバナンス機能を発揮し、機微な取扱い"
	    "が必要な情報を扱う業務等を特定してリスク評価を行い、限られた人員・予算の中で"
	    "外部の脅威（標的型攻撃等）から重要な情報資産を守る。";
	struct jl_style st = {17 * EM, EM, 0, 1.75 * EM, JL_JUSTIFY};
	struct jl_para *a = jl_para_new(ctx, t, -1, NULL, fd, &st), *b, *c;
	int br[16], bad[2] = {1, 2}, n, i;

	(void)state;
	n = jl_para_breaks(a, br, 16);
	assert_true(n >= 4);
	b = jl_para_new_shaped(ctx, t, -1, NULL, fd, &st, br, n - 1, NULL);
	assert_int_equal(jl_para_line_count(b), n);
	for (i = 0; i < n; i++) {
		struct jl_line_info la, lb;

		jl_para_line_info(a, i, &la);
		jl_para_line_info(b, i, &lb);
		assert_int_equal(la.start, lb.start);
		assert_int_equal(la.end, lb.end);
		assert_true(la.x == lb.x && la.width == lb.width);
	}
	/* byte 1 and 2 are inside 内: no such cluster, broken as usual */
	c = jl_para_new_shaped(ctx, t, -1, NULL, fd, &st, bad, 2, NULL);
	assert_int_equal(jl_para_line_count(c), n);
	jl_para_free(a);
	jl_para_free(b);
	jl_para_free(c);
}

/* The binary-search class table says what the kinsoku lists say. */
static void
test_class_table(void **state)
{
	(void)state;
	assert_int_equal(jl_classify_check(), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_class_table),   cmocka_unit_test(test_broken),
	    cmocka_unit_test(test_kinsoku_comma), cmocka_unit_test(test_kinsoku_open),
	    cmocka_unit_test(test_kinsoku_small), cmocka_unit_test(test_latin_word),
	    cmocka_unit_test(test_jl_gap),        cmocka_unit_test(test_squeeze),
	    cmocka_unit_test(test_shrink),        cmocka_unit_test(test_justify),
	    cmocka_unit_test(test_hanging),       cmocka_unit_test(test_overlong),
	    cmocka_unit_test(test_empty),         cmocka_unit_test(test_inseparable),
	    cmocka_unit_test(test_misc),          cmocka_unit_test(test_draw),
	    cmocka_unit_test(test_footnote_mark), cmocka_unit_test(test_hostile),
	    cmocka_unit_test(test_long),          cmocka_unit_test(test_window),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
