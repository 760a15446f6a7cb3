/*
 * jltext: the JLReq paragraph builder.  See jltext.h for the contract and
 * docs/jltext.md for the classes, the adjustment order and the breaker.
 *
 * The paragraph is itemized and shaped once (pango_itemize + pango_shape_item,
 * no rounding).  Every glyph cluster becomes a `struct jl_cluster` with its
 * natural width; between two clusters sits a glue (`struct jl_glue`) whose
 * natural width, shrink and stretch depend on the JLReq classes of the
 * neighbours and on whether a line break falls there.  A total-fit breaker
 * (Knuth-Plass over break opportunities) chooses the lines; each line is
 * then justified by distributing the difference over the glues in JLReq's
 * order.  Drawing copies the line's glyphs into fresh glyph strings whose
 * widths and offsets realize the computed positions.
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "jltext.h"
#include "xmem.h"

/* Character classes (JLReq appendix A, reduced to what the rules need). */
enum jl_class {
	JC_IDEO,  /* kanji, kana, full-width symbols: break either side */
	JC_OPEN,  /* （「『【〔［｛〈《〝‘“: glyph right half, no break after */
	JC_CLOSE, /* ）」』】〕］｝〉》〟’” 、，: glyph left half, no break before */
	JC_STOP,  /* 。．: like CLOSE, the aki after a mid-line stop is fixed */
	JC_MIDDLE, /* ・：；: glyph centred, quarter-em aki either side */
	JC_NS,     /* small kana, ー, 々, ！？ …: no line start, no aki */
	JC_INSEP,  /* —―…‥: no break and no stretch between two of them */
	JC_LATIN,  /* letters, digits, Latin punctuation: words stay whole */
	JC_LOPEN,  /* ASCII ( [ {: Latin, gap allowed before only */
	JC_LCLOSE, /* ASCII ) ] } and . , ; : ! ?: Latin, gap after only */
	JC_SPACE,  /* U+0020, tab: adjustable word space, break after */
	JC_NBSP,   /* U+00A0: a space that never breaks */
	JC_ZWSP,   /* U+200B: an empty break opportunity */
	JC_NEWLINE /* '\n', U+2028: forced break */
};

/*
 * Shrink priorities (JLReq 3.8), in the order they are used.  The aki of
 * punctuation ending a line comes last, not second: a shrunk line-end 、
 * leaves its 1-em glyph box (what pdftotext and readers measure) sticking
 * out past the measure, while a kept aki ends the box exactly flush.  With
 * JL_LINEEND_SHRINK 0 it does not shrink at all, so no glyph box ever
 * leaves the text block (outputs.md "Typesetting").
 */
#define JL_LINEEND_SHRINK 0
enum {
	SH_SPACE,   /* Latin word spaces */
	SH_MIDDLE,  /* the quarter-em aki around middle dots */
	SH_BRACKET, /* the half-em aki of commas and brackets */
	SH_JL,      /* Japanese-Latin gaps (issue 4 gives them no rank;
			 * shrunk first they were at 1/8 em on most lines) */
	SH_LINEEND, /* the aki of punctuation ending a line */
	SH_N
};

/* Break kinds at a cluster boundary. */
enum { BRK_NO, BRK_OK, BRK_FORCED, BRK_EMERG };

struct jl_cluster {
	int start, end; /* bytes of text */
	int item;       /* index of the item */
	int g0, g1;     /* glyphs [g0, g1) of the item's glyph string */
	int line;
	/* exact in single precision: pango units / 1024, font sizes, ±em/2 */
	float shaped; /* advance as shaped, pt */
	float xoff;   /* shift of the glyphs (opening brackets), pt */
	float em;     /* font size, pt */
	unsigned char cls;
	unsigned char brk;      /* break kind before this cluster */
	unsigned char istretch; /* inter-character stretch allowed before it */
	double w;               /* natural set width, pt (after half-width trimming) */
	double x;               /* set position from the block's left edge */
	double adv;             /* set advance (to the next cluster's x) */
};

/*
 * The glue before cluster i.  `mid*` apply when clusters i-1 and i are on
 * one line; `end` is the aki kept after cluster i-1 when a line ends there
 * (shrinkable as line-end punctuation); `open` is the aki kept before
 * cluster i when a line starts there.
 */
struct jl_glue {
	double mid;          /* natural width */
	double shrink[SH_N]; /* shrinkability by priority */
	double stretch_sp;   /* stretch of a Latin space (inside the cluster) */
	double stretch_jl;   /* stretch of a Japanese-Latin gap */
	double end;          /* kept at a line end */
	double open;         /* opening aki, kept at the paragraph start */
	int kind;            /* 0 plain, 1 aki (punctuation), 2 J-L gap */
};

struct jl_prefix {
	double w, mid, shrink[SH_N], st_sp, st_jl;
	int nist;
};

struct jl_lineinfo {
	int a, b; /* clusters [a, b) */
	struct jl_line_info info;
};

/* The shaping of a paragraph: its pango items and glyph strings (owned). */
struct jl_items {
	int nitems;
	PangoItem **itemv;
	PangoGlyphString **glyphv;
	/* per item; exact in single precision (pango units / 1024), and
	 * half the size of doubles for the ~0.4 items a character of
	 * Japanese text has (pango starts one at each kana-kanji change) */
	float *ascent, *descent, *rise, *em;
	double base_ascent, base_descent;
};

struct jl_para {
	PangoContext *ctx;
	char *text;
	int len;
	struct jl_style st;
	struct jl_items it;
	struct jl_cluster *c;
	int n;
	/*
	 * Glue, prefix sums and trim exist for one window of clusters
	 * [gw0, gw1] at a time (glue_window()): G(p, i), PRE(p, i) and
	 * TRIM(p, i) index them by cluster, gw0 <= i <= gw1.
	 */
	struct jl_glue *g;     /* gw1 - gw0 + 1 glues */
	struct jl_prefix *pre; /* gw1 - gw0 + 2 prefix sums */
	int *trim;             /* while breaking: trim[b] = b less
						 * trailing spaces (line_sums) */
	int gw0, gw1;
	int wend; /* while breaking: the end of the window being broken */
	struct jl_lineinfo *lines;
	int nlines;
	int id;          /* the caller's number */
	const int *hint; /* jl_para_new_shaped(): line starts */
	int nhint;
	int *keep; /* byte ranges [keep[2k], keep[2k+1]) no line breaks inside
		    * (pango_attr_allow_breaks FALSE: a credit 「（警察庁）」) */
	int nkeep;
};

#define PT(u) ((double)(u) / PANGO_SCALE)
#define INF 1e300
#define MAX_SCAN 2000 /* candidate line starts tried per break */
/*
 * Clusters a window of the breaker spans (docs/jltext.md "Windows"): a
 * paragraph up to this long is broken in one window, exactly as a
 * whole-paragraph total fit; a longer one window by window, each broken
 * optimally and all its lines but the last two kept, the next window
 * starting where the kept lines end.  Glue and prefix sums (~170 bytes a
 * cluster) are held for one window, so memory stays bounded and time linear
 * in the length of the paragraph (issue 12 "Linear").
 */
#define JL_WINDOW 16384
static int jl_win = JL_WINDOW; /* jl_set_window(), for tests */
#define G(p, i) ((p)->g[(i) - (p)->gw0])
#define PRE(p, i) ((p)->pre[(i) - (p)->gw0])
#define TRIM(p, i) ((p)->trim[(i) - (p)->gw0])

/* ---------------------------------------------------------------------- */
/* Classes */

/*
 * outputs.md "Typesetting": the kinsoku classes (line-start and line-end
 * prohibitions) of the characters from U+2000 on, in code-point order for
 * classify()'s binary search; every other character is classed by rule.
 * « and » are listed but classify() decides below U+2000 before it looks.
 */
struct jl_special {
	gunichar ch;
	unsigned char cls;
};
static const struct jl_special specials[] = {
    {0x00AB, JC_OPEN /* « */},    {0x00BB, JC_CLOSE /* » */},   {0x2014, JC_INSEP /* — */},
    {0x2015, JC_INSEP /* ― */},   {0x2018, JC_OPEN /* ‘ */},    {0x2019, JC_CLOSE /* ’ */},
    {0x201C, JC_OPEN /* “ */},    {0x201D, JC_CLOSE /* ” */},   {0x2025, JC_INSEP /* ‥ */},
    {0x2026, JC_INSEP /* … */},   {0x203C, JC_NS /* ‼ */},      {0x2047, JC_NS /* ⁇ */},
    {0x2048, JC_NS /* ⁈ */},      {0x2049, JC_NS /* ⁉ */},      {0x3001, JC_CLOSE /* 、 */},
    {0x3002, JC_STOP /* 。 */},   {0x3005, JC_NS /* 々 */},     {0x3008, JC_OPEN /* 〈 */},
    {0x3009, JC_CLOSE /* 〉 */},  {0x300A, JC_OPEN /* 《 */},   {0x300B, JC_CLOSE /* 》 */},
    {0x300C, JC_OPEN /* 「 */},   {0x300D, JC_CLOSE /* 」 */},  {0x300E, JC_OPEN /* 『 */},
    {0x300F, JC_CLOSE /* 』 */},  {0x3010, JC_OPEN /* 【 */},   {0x3011, JC_CLOSE /* 】 */},
    {0x3014, JC_OPEN /* 〔 */},   {0x3015, JC_CLOSE /* 〕 */},  {0x301C, JC_NS /* 〜 */},
    {0x301D, JC_OPEN /* 〝 */},   {0x301F, JC_CLOSE /* 〟 */},  {0x3033, JC_INSEP /* 〳 */},
    {0x3034, JC_INSEP /* 〴 */},  {0x3035, JC_INSEP /* 〵 */},  {0x303B, JC_NS /* 〻 */},
    {0x3041, JC_NS /* ぁ */},     {0x3043, JC_NS /* ぃ */},     {0x3045, JC_NS /* ぅ */},
    {0x3047, JC_NS /* ぇ */},     {0x3049, JC_NS /* ぉ */},     {0x3063, JC_NS /* っ */},
    {0x3083, JC_NS /* ゃ */},     {0x3085, JC_NS /* ゅ */},     {0x3087, JC_NS /* ょ */},
    {0x308E, JC_NS /* ゎ */},     {0x3095, JC_NS /* ゕ */},     {0x3096, JC_NS /* ゖ */},
    {0x309D, JC_NS /* ゝ */},     {0x309E, JC_NS /* ゞ */},     {0x30A1, JC_NS /* ァ */},
    {0x30A3, JC_NS /* ィ */},     {0x30A5, JC_NS /* ゥ */},     {0x30A7, JC_NS /* ェ */},
    {0x30A9, JC_NS /* ォ */},     {0x30C3, JC_NS /* ッ */},     {0x30E3, JC_NS /* ャ */},
    {0x30E5, JC_NS /* ュ */},     {0x30E7, JC_NS /* ョ */},     {0x30EE, JC_NS /* ヮ */},
    {0x30F5, JC_NS /* ヵ */},     {0x30F6, JC_NS /* ヶ */},     {0x30FB, JC_MIDDLE /* ・ */},
    {0x30FC, JC_NS /* ー */},     {0x30FD, JC_NS /* ヽ */},     {0x30FE, JC_NS /* ヾ */},
    {0x31F0, JC_NS /* ㇰ */},     {0x31F1, JC_NS /* ㇱ */},     {0x31F2, JC_NS /* ㇲ */},
    {0x31F3, JC_NS /* ㇳ */},     {0x31F4, JC_NS /* ㇴ */},     {0x31F5, JC_NS /* ㇵ */},
    {0x31F6, JC_NS /* ㇶ */},     {0x31F7, JC_NS /* ㇷ */},     {0x31F8, JC_NS /* ㇸ */},
    {0x31F9, JC_NS /* ㇹ */},     {0x31FA, JC_NS /* ㇺ */},     {0x31FB, JC_NS /* ㇻ */},
    {0x31FC, JC_NS /* ㇼ */},     {0x31FD, JC_NS /* ㇽ */},     {0x31FE, JC_NS /* ㇾ */},
    {0x31FF, JC_NS /* ㇿ */},     {0xFF01, JC_NS /* ！ */},     {0xFF08, JC_OPEN /* （ */},
    {0xFF09, JC_CLOSE /* ） */},  {0xFF0C, JC_CLOSE /* ， */},  {0xFF0E, JC_STOP /* ． */},
    {0xFF1A, JC_MIDDLE /* ： */}, {0xFF1B, JC_MIDDLE /* ； */}, {0xFF1F, JC_NS /* ？ */},
    {0xFF3B, JC_OPEN /* ［ */},   {0xFF3D, JC_CLOSE /* ］ */},  {0xFF5B, JC_OPEN /* ｛ */},
    {0xFF5D, JC_CLOSE /* ｝ */},  {0xFF5E, JC_NS /* ～ */},     {0xFF5F, JC_OPEN /* ｟ */},
    {0xFF60, JC_CLOSE /* ｠ */},  {0xFF61, JC_STOP /* ｡ */},    {0xFF64, JC_CLOSE /* ､ */},
    {0xFF65, JC_MIDDLE /* ･ */},  {0xFF70, JC_NS /* ｰ */}};

static enum jl_class
classify(gunichar ch)
{
	if (ch == '\n' || ch == 0x2028 || ch == 0x2029 || ch == '\r')
		return JC_NEWLINE;
	if (ch == ' ' || ch == '\t')
		return JC_SPACE;
	if (ch == 0xA0 || ch == 0x202F)
		return JC_NBSP;
	if (ch == 0x200B)
		return JC_ZWSP;
	if (ch == '(' || ch == '[' || ch == '{')
		return JC_LOPEN;
	if (ch == ')' || ch == ']' || ch == '}' || ch == '.' || ch == ',' || ch == ';' ||
	    ch == ':' || ch == '!' || ch == '?' || ch == '%')
		return JC_LCLOSE;
	if (ch < 0x2000)
		return JC_LATIN;
	{
		size_t lo = 0, hi = sizeof(specials) / sizeof(specials[0]);

		while (lo < hi) {
			size_t mid = (lo + hi) / 2;

			if (specials[mid].ch < ch)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < sizeof(specials) / sizeof(specials[0]) && specials[lo].ch == ch)
			return specials[lo].cls;
	}
	if (ch >= 0x2000 && ch < 0x2070 && !g_unichar_iswide_cjk(ch))
		return JC_LATIN;
	if (g_unichar_iswide_cjk(ch) || g_unichar_iswide(ch))
		return JC_IDEO;
	/* Latin-like scripts beyond U+2000 (e.g. ﬁ, ℃ is wide) */
	return JC_LATIN;
}

int
jl_classify_check(void)
{
	size_t k, n = sizeof(specials) / sizeof(specials[0]);
	int bad = 0;

	for (k = 1; k < n; k++)
		bad += specials[k - 1].ch >= specials[k].ch;
	return bad;
}

static int
is_latin(int cls)
{
	return cls == JC_LATIN || cls == JC_LOPEN || cls == JC_LCLOSE;
}

static int
is_japanese(int cls)
{
	return cls == JC_IDEO || cls == JC_OPEN || cls == JC_CLOSE || cls == JC_STOP ||
	       cls == JC_MIDDLE || cls == JC_NS || cls == JC_INSEP;
}

/* UAX #14 tailored by JLReq 3.1.7: may a line break between a and b? */
static int
can_break(const struct jl_cluster *a, const struct jl_cluster *b, gunichar ca, gunichar cb)
{
	if (a->cls == JC_NEWLINE)
		return ca == '\r' && cb == '\n' ? BRK_NO : BRK_FORCED;
	if (b->cls == JC_NEWLINE || b->cls == JC_SPACE || b->cls == JC_NBSP)
		return BRK_NO;
	if (a->cls == JC_NBSP)
		return BRK_NO;
	if (a->cls == JC_SPACE || a->cls == JC_ZWSP || b->cls == JC_ZWSP)
		return a->cls == JC_ZWSP || b->cls != JC_ZWSP ? BRK_OK : BRK_NO;
	if (b->cls == JC_CLOSE || b->cls == JC_STOP || b->cls == JC_MIDDLE || b->cls == JC_NS ||
	    b->cls == JC_LCLOSE)
		return BRK_NO;
	if (a->cls == JC_OPEN || a->cls == JC_LOPEN)
		return BRK_NO;
	if (a->cls == JC_INSEP && b->cls == JC_INSEP && ca == cb)
		return BRK_NO;
	if (is_latin(a->cls) && is_latin(b->cls))
		return BRK_NO;
	/* e-ネット, http://…/パス: a break after - or / reads as hyphenation */
	if (ca == '-' || ca == '/')
		return BRK_NO;
	/* a Latin word followed by a combining or Japanese: fine; but keep
	 * a Latin word glued to a following Japanese closing mark (above) */
	return BRK_OK;
}

/* ---------------------------------------------------------------------- */
/* Shaping */

static double
font_em(PangoFont *font)
{
	PangoFontDescription *d;
	double em;

	d = pango_font_describe_with_absolute_size(font);
	em = PT(pango_font_description_get_size(d));
	pango_font_description_free(d);
	return em > 0 ? em : 10;
}

static void
item_metrics(PangoFont *font, PangoLanguage *lang, double *asc, double *desc)
{
	PangoFontMetrics *m;

	m = pango_font_get_metrics(font, lang);
	*asc = PT(pango_font_metrics_get_ascent(m));
	*desc = PT(pango_font_metrics_get_descent(m));
	pango_font_metrics_unref(m);
}

static double
item_rise(const PangoItem *it)
{
	GSList *l;

	for (l = it->analysis.extra_attrs; l; l = l->next) {
		PangoAttribute *a = l->data;
		if (a->klass->type == PANGO_ATTR_RISE)
			return PT(((PangoAttrInt *)a)->value);
	}
	return 0;
}

/*
 * Shaping cache.  Japanese text itemizes into many short runs (pango
 * starts a run at every change of script, Han / Hiragana / Katakana: 13
 * runs a paragraph in FY2014), most of them repeated (「の」「、」「する」),
 * and HarfBuzz costs mostly per call.  So a run is shaped once per font,
 * script, gravity, language and text; the next occurrence copies its glyph
 * string (log clusters are relative to the run, so a copy fits anywhere).
 * Only runs whose extra attributes cannot change shaping (rise, colour:
 * all layout sets) are cached; the run's neighbours are no context for
 * the CJK and Latin fonts pinned here.  The same table keeps each font's
 * metrics and em.  Entries hold a reference on their font, so a font's
 * address is never reused for another while it is a key.  Bounded: runs
 * of at most SHAPE_MAX_LEN bytes, at most SHAPE_MAX_ENTRIES of them.
 */
#define SHAPE_MAX_LEN 64
#define SHAPE_MAX_ENTRIES 16384 /* FY2014 has 4 449 distinct runs, 10x 7 639 */

struct shape_key {
	PangoFont *font;
	PangoLanguage *lang;
	int script, gravity, flags, len; /* len -1: the font's metrics */
	char text[SHAPE_MAX_LEN];
};

struct shape_val {
	PangoGlyphString *gs; /* runs */
	double asc, desc, em; /* metrics entries */
};

static _Thread_local GHashTable *shape_cache; /* per thread: the fonts are */

static guint
shape_key_hash(gconstpointer v)
{
	const struct shape_key *k = v;
	guint h = g_direct_hash(k->font) ^ (g_direct_hash(k->lang) << 7);
	int i;

	h = h * 31 + (guint)k->script;
	h = h * 31 + (guint)(k->gravity * 8 + k->flags);
	h = h * 31 + (guint)k->len;
	for (i = 0; i < k->len; i++)
		h = h * 31 + (unsigned char)k->text[i];
	return h;
}

static gboolean
shape_key_equal(gconstpointer va, gconstpointer vb)
{
	const struct shape_key *a = va, *b = vb;

	return a->font == b->font && a->lang == b->lang && a->script == b->script &&
	       a->gravity == b->gravity && a->flags == b->flags && a->len == b->len &&
	       (a->len <= 0 || memcmp(a->text, b->text, a->len) == 0);
}

static void
shape_key_free(gpointer v)
{
	struct shape_key *k = v;

	g_object_unref(k->font);
	free(k);
}

static void
shape_val_free(gpointer v)
{
	struct shape_val *sv = v;

	if (sv->gs)
		pango_glyph_string_free(sv->gs);
	free(sv);
}

void
jl_cache_free(void)
{
	if (shape_cache)
		g_hash_table_destroy(shape_cache);
	shape_cache = NULL;
}

/* Fills `k` for run `it` (len -1: the font's metrics); 0 if not cacheable. */
static int
shape_key_make(struct shape_key *k, const PangoItem *it, const char *text, int len)
{
	GSList *l;

	if (len > SHAPE_MAX_LEN || it->analysis.font == NULL)
		return 0;
	for (l = it->analysis.extra_attrs; l; l = l->next) {
		PangoAttrType t = ((PangoAttribute *)l->data)->klass->type;

		if (t != PANGO_ATTR_RISE && t != PANGO_ATTR_FOREGROUND)
			return 0;
	}
	memset(k, 0, sizeof *k);
	k->font = it->analysis.font;
	k->lang = it->analysis.language;
	if (len >= 0) {
		k->script = it->analysis.script;
		k->gravity = it->analysis.gravity;
		k->flags = it->analysis.flags;
		memcpy(k->text, text, len);
	}
	k->len = len;
	return 1;
}

static struct shape_val *
shape_cache_get(const struct shape_key *k)
{
	return shape_cache ? g_hash_table_lookup(shape_cache, k) : NULL;
}

/* Takes ownership of `sv`; frees it when the cache is full. */
static void
shape_cache_put(const struct shape_key *k, struct shape_val *sv)
{
	struct shape_key *nk;

	if (shape_cache == NULL)
		shape_cache = g_hash_table_new_full(shape_key_hash, shape_key_equal, shape_key_free,
		                                    shape_val_free);
	if (g_hash_table_size(shape_cache) >= SHAPE_MAX_ENTRIES) {
		shape_val_free(sv);
		return;
	}
	nk = xmalloc(sizeof *nk);
	*nk = *k;
	g_object_ref(nk->font);
	g_hash_table_insert(shape_cache, nk, sv);
}

/* Metrics and em of the run's font, from the cache when known. */
static void
run_metrics(const PangoItem *it, double *asc, double *desc, double *em)
{
	struct shape_key k;
	struct shape_val *sv;
	int cacheable = shape_key_make(&k, it, NULL, -1);

	if (cacheable && (sv = shape_cache_get(&k)) != NULL) {
		*asc = sv->asc;
		*desc = sv->desc;
		*em = sv->em;
		return;
	}
	item_metrics(it->analysis.font, it->analysis.language, asc, desc);
	*em = font_em(it->analysis.font);
	if (cacheable) {
		sv = xcalloc(1, sizeof *sv);
		sv->asc = *asc;
		sv->desc = *desc;
		sv->em = *em;
		shape_cache_put(&k, sv);
	}
}

/* pango_shape_item(), or a copy of the same run shaped before. */
static PangoGlyphString *
shape_run(const PangoItem *it, const char *text, int len)
{
	struct shape_key k;
	struct shape_val *sv;
	PangoGlyphString *gs;
	int cacheable = shape_key_make(&k, it, text + it->offset, it->length);

	if (cacheable && (sv = shape_cache_get(&k)) != NULL)
		return pango_glyph_string_copy(sv->gs);
	gs = pango_glyph_string_new();
	pango_shape_item((PangoItem *)it, text, len, NULL, gs, PANGO_SHAPE_NONE);
	if (cacheable) {
		sv = xcalloc(1, sizeof *sv);
		sv->gs = pango_glyph_string_copy(gs);
		shape_cache_put(&k, sv);
	}
	return gs;
}

static void
shape(struct jl_para *p, PangoAttrList *attrs, const PangoFontDescription *font)
{
	PangoAttrList *al;
	PangoAttribute *a;
	GList *items, *l;
	int i;

	al = attrs ? pango_attr_list_copy(attrs) : pango_attr_list_new();
	if (font) {
		a = pango_attr_font_desc_new(font);
		a->start_index = 0;
		a->end_index = G_MAXUINT;
		pango_attr_list_insert_before(al, a);
	}
	a = pango_attr_language_new(pango_language_from_string("ja"));
	a->start_index = 0;
	a->end_index = G_MAXUINT;
	pango_attr_list_insert_before(al, a);

	items = p->len > 0 ? pango_itemize(p->ctx, p->text, 0, p->len, al, NULL) : NULL;
	p->it.nitems = g_list_length(items);
	p->it.itemv = xcalloc(p->it.nitems + 1, sizeof *p->it.itemv);
	p->it.glyphv = xcalloc(p->it.nitems + 1, sizeof *p->it.glyphv);
	p->it.ascent = xcalloc(p->it.nitems + 1, sizeof *p->it.ascent);
	p->it.descent = xcalloc(p->it.nitems + 1, sizeof *p->it.descent);
	p->it.rise = xcalloc(p->it.nitems + 1, sizeof *p->it.rise);
	p->it.em = xcalloc(p->it.nitems + 1, sizeof *p->it.em);

	/* base metrics, for empty text and empty lines */
	{
		PangoFontDescription *d =
		    pango_font_description_copy(pango_context_get_font_description(p->ctx));
		PangoFont *f;

		if (font)
			pango_font_description_merge(d, font, TRUE);
		f = pango_context_load_font(p->ctx, d);
		if (f) {
			item_metrics(f, pango_language_from_string("ja"), &p->it.base_ascent,
			             &p->it.base_descent);
			g_object_unref(f);
		} else {
			p->it.base_ascent = 0.88 * PT(pango_font_description_get_size(d));
			p->it.base_descent = 0.12 * PT(pango_font_description_get_size(d));
		}
		pango_font_description_free(d);
	}

	for (l = items, i = 0; l; l = l->next, i++) {
		PangoItem *it = l->data;

		p->it.itemv[i] = it;
		/*
		 * Right-to-left runs (only in hostile or stray input here) are
		 * shaped left to right, so that glyphs stay in logical order:
		 * the text survives, its shaping may not.
		 */
		it->analysis.level = 0;
		p->it.glyphv[i] = shape_run(it, p->text, p->len);
		{
			double asc, desc, em;

			run_metrics(it, &asc, &desc, &em);
			p->it.ascent[i] = asc;
			p->it.descent[i] = desc;
			p->it.em[i] = em;
		}
		p->it.rise[i] = item_rise(it);
	}
	/* the items are owned through itemv (the list cost 24 bytes an item:
	 * 20 MB for one paragraph of 2,000,000 characters) */
	g_list_free(items);
	pango_attr_list_unref(al);
}

/* The clusters of the shaped items (shape() or an adopted jl_shaping). */
static void
make_clusters(struct jl_para *p)
{
	int i, k, ncl, alloc;

	/* counted first: one allocation of the exact size (doubling held
	 * up to three times the clusters of a long paragraph at once) */
	alloc = 0;
	for (i = 0; i < p->it.nitems; i++)
		for (k = 0; k < p->it.glyphv[i]->num_glyphs; k++)
			alloc += k == 0 || p->it.glyphv[i]->glyphs[k].attr.is_cluster_start;
	p->c = alloc ? xreallocarray(p->c, alloc, sizeof *p->c) : p->c;
	p->n = 0;
	for (i = 0; i < p->it.nitems; i++) {
		PangoItem *it = p->it.itemv[i];
		PangoGlyphString *gs = p->it.glyphv[i];
		double em = p->it.em[i];

		/* clusters, in logical order (LTR only: Japanese and Latin) */
		for (k = 0; k < gs->num_glyphs; k = ncl) {
			struct jl_cluster *c;
			double adv = 0;
			int j;

			for (ncl = k + 1;
			     ncl < gs->num_glyphs && !gs->glyphs[ncl].attr.is_cluster_start; ncl++)
				;
			for (j = k; j < ncl; j++)
				adv += PT(gs->glyphs[j].geometry.width);
			if (p->n == alloc) {
				alloc = alloc ? 2 * alloc : 64;
				p->c = xreallocarray(p->c, alloc, sizeof *p->c);
			}
			c = &p->c[p->n++];
			memset(c, 0, sizeof *c);
			c->start = it->offset + gs->log_clusters[k];
			c->end = ncl < gs->num_glyphs ? it->offset + gs->log_clusters[ncl]
			                              : it->offset + it->length;
			c->item = i;
			c->g0 = k;
			c->g1 = ncl;
			c->shaped = adv;
			c->w = adv;
			c->em = em;
		}
	}
	if (alloc > p->n) /* kept for the paragraph's life: no slack */
		p->c = xreallocarray(p->c, p->n ? p->n : 1, sizeof *p->c);
}

/* ---------------------------------------------------------------------- */
/* Classes, trimming and glue */

static void
classify_clusters(struct jl_para *p)
{
	int i;

	for (i = 0; i < p->n; i++) {
		struct jl_cluster *c = &p->c[i];
		gunichar ch = g_utf8_get_char(p->text + c->start);
		int full = c->shaped > 0.9 * c->em && c->shaped < 1.1 * c->em;

		c->cls = classify(ch);
		if (c->cls == JC_NEWLINE) {
			c->w = 0;
			continue;
		}
		if (!full)
			continue;
		switch (c->cls) {
		case JC_OPEN:
			c->w = c->shaped - 0.5 * c->em;
			c->xoff = -0.5 * c->em;
			break;
		case JC_CLOSE:
		case JC_STOP:
			c->w = c->shaped - 0.5 * c->em;
			break;
		case JC_MIDDLE:
			c->w = c->shaped - 0.5 * c->em;
			c->xoff = -0.25 * c->em;
			break;
		}
	}
}

/* The aki a full-width punctuation mark carries after (close) or before (open). */
static double
aki_after(const struct jl_cluster *c)
{
	if (c->w == c->shaped)
		return 0; /* not trimmed: proportional font */
	if (c->cls == JC_CLOSE || c->cls == JC_STOP)
		return 0.5 * c->em;
	if (c->cls == JC_MIDDLE)
		return 0.25 * c->em;
	return 0;
}

static double
aki_before(const struct jl_cluster *c)
{
	if (c->w == c->shaped)
		return 0;
	if (c->cls == JC_OPEN)
		return 0.5 * c->em;
	if (c->cls == JC_MIDDLE)
		return 0.25 * c->em;
	return 0;
}

/*
 * The quarter-em gap between Japanese and Latin (JLReq 3.2.3) goes between
 * letters only: a punctuation mark or bracket (、。・：「」（）) brings its own
 * room, and none is added beside it (JIS X 4051 4.4; with a proportional
 * font, whose 、 has no trimmed aki, the gap used to leave a word space
 * after it: 「進め、 6 件」, issue 15).  luatexja's xkanjiskip placement:
 * ( takes a gap before only, ) . , after only.
 */
static int
jl_letter(int cls)
{
	return cls == JC_IDEO || cls == JC_NS || cls == JC_INSEP;
}

static int
jl_gap_before(int prev, int next)
{
	if (jl_letter(prev) && (next == JC_LATIN || next == JC_LOPEN))
		return 1;
	if ((prev == JC_LATIN || prev == JC_LCLOSE) && jl_letter(next))
		return 1;
	return 0;
}

/* The glues before clusters w0 .. w1 (0 <= w0 <= w1 <= n). */
static void
make_glue(struct jl_para *p, int w0, int w1)
{
	int i, k;

	p->gw0 = w0;
	p->gw1 = w1;
	p->g = xcalloc(w1 - w0 + 1, sizeof *p->g);
	if (p->n > 0) {
		if (w0 == 0)
			G(p, 0).open = aki_before(&p->c[0]);
		if (w1 == p->n)
			G(p, p->n).end = aki_after(&p->c[p->n - 1]);
	}
	for (i = w0 > 1 ? w0 : 1; i < p->n && i <= w1; i++) {
		struct jl_cluster *a = &p->c[i - 1], *b = &p->c[i];
		struct jl_glue *g = &G(p, i);
		double close = aki_after(a), open = aki_before(b);
		gunichar ca = g_utf8_get_char(p->text + a->start);
		gunichar cb = g_utf8_get_char(p->text + b->start);

		b->brk = can_break(a, b, ca, cb);
		if (b->brk == BRK_OK && p->it.rise[b->item] > 0)
			b->brk = BRK_NO; /* a footnote mark stays with its word */
		for (k = 0; b->brk == BRK_OK && k < p->nkeep; k++)
			if (b->start > p->keep[2 * k] && b->start < p->keep[2 * k + 1])
				b->brk = BRK_NO; /* inside an unbreakable unit */
		g->end = close;
		g->open = open;
		if (close > 0 || open > 0) {
			g->kind = 1;
			/* consecutive punctuation collapses to one aki */
			if (close > 0 && (b->cls == JC_CLOSE || b->cls == JC_STOP))
				g->mid = 0; /* 」。 ）、: the aki moves after b */
			else if (a->cls == JC_OPEN && open > 0)
				g->mid = 0; /* 「『 */
			else
				g->mid = close > open ? close : open;
			if (g->mid > 0) {
				if (a->cls == JC_STOP && close >= open)
					; /* the gap after a mid-line 。 is fixed */
				else if (a->cls == JC_MIDDLE || b->cls == JC_MIDDLE)
					g->shrink[SH_MIDDLE] = g->mid;
				else
					g->shrink[SH_BRACKET] = g->mid;
			}
		} else if (jl_gap_before(a->cls, b->cls) && p->it.rise[a->item] == 0 &&
		           p->it.rise[b->item] == 0 && ca != '-' && ca != '/' && cb != '-') {
			/* (nor across a hyphen or slash: an id 1-5-ア is one word,
			 * never 「1-5- ア」, issue 15) */
			/* (raised footnote marks are set solid) */
			double em = is_japanese(a->cls) ? a->em : b->em;

			g->kind = 2;
			g->mid = 0.25 * em;
			g->shrink[SH_JL] = 0.125 * em;
			g->stretch_jl = 0.25 * em;
		}
		/* inter-character stretch: between Japanese, not inside —— …… */
		b->istretch = !(is_latin(a->cls) && is_latin(b->cls)) && a->cls != JC_SPACE &&
		              b->cls != JC_SPACE && a->cls != JC_NBSP && b->cls != JC_NBSP &&
		              a->cls != JC_NEWLINE && g->kind != 2 &&
		              !(a->cls == JC_INSEP && b->cls == JC_INSEP && ca == cb);
	}
	for (i = w0 > 0 ? w0 - 1 : 0; i < p->n && i < w1; i++) {
		struct jl_cluster *c = &p->c[i];

		if (c->cls == JC_SPACE || c->cls == JC_NBSP) {
			/*
			 * JLReq 3.2.5: a Latin word space is 1/3 em, shrinks
			 * to 1/4 and stretches to 1/2 (a Japanese font's own
			 * space is a half-width 1/2 em).  The adjustment is
			 * kept in the glue after the space.
			 */
			if (c->w > c->em / 3)
				c->w = c->em / 3;
			G(p, i + 1).shrink[SH_SPACE] += c->w - c->em / 4 > 0 ? c->w - c->em / 4 : 0;
			G(p, i + 1).stretch_sp += c->em / 2 - c->w;
		}
	}
}

/* ---------------------------------------------------------------------- */
/* The breaker */

/* Sums over a candidate line [a, b), excluding trailing spaces. */
struct linesum {
	double nat;
	double shrink[SH_N];
	double st_sp, st_jl;
	int nist; /* inter-character stretch positions */
	int nall; /* all positions (last resort) */
	int last; /* index after the last set cluster */
};

static inline __attribute__((always_inline)) void
line_sums(const struct jl_para *p, int a, int b, struct linesum *s)
{
	const struct jl_prefix *P0, *P1;
	int k, last;

	s->nat = 0;
	if (p->trim) {
		last = TRIM(p, b) > a ? TRIM(p, b) : a;
	} else {
		last = b;
		while (last > a &&
		       (p->c[last - 1].cls == JC_SPACE || p->c[last - 1].cls == JC_NEWLINE ||
		        p->c[last - 1].cls == JC_ZWSP))
			last--;
	}
	s->last = last;
	/*
	 * An opening bracket starting a line keeps its aki (full width, as
	 * Word and the seeds set it) rather than 天付き: its 1-em glyph box
	 * would otherwise reach half an em left of the text block.
	 */
	if (a < p->n)
		s->nat += G(p, a).open;
	if (last > a) {
		/* glues a+1 .. last-1 and widths a .. last-1, from prefix sums */
		P0 = &PRE(p, a + 1);
		P1 = &PRE(p, last);
		s->nat += P1->w - P0->w + p->c[a].w + P1->mid - P0->mid;
		for (k = 0; k < SH_N; k++)
			s->shrink[k] = P1->shrink[k] - P0->shrink[k];
		s->st_sp = P1->st_sp - P0->st_sp;
		s->st_jl = P1->st_jl - P0->st_jl;
		s->nist = P1->nist - P0->nist;
		s->nall = last - a - 1;
	} else {
		memset(s->shrink, 0, sizeof s->shrink);
		s->st_sp = s->st_jl = 0;
		s->nist = s->nall = 0;
	}
	if (last > a) { /* also before trailing spaces, and at the end */
		s->nat += G(p, last).end;
		if (JL_LINEEND_SHRINK)
			s->shrink[SH_LINEEND] += G(p, last).end;
	}
}

/*
 * Prefix sums over the glue window: PRE(i) sums cluster widths w0+1 .. i-1
 * and glues w0+1 .. i-1 (line_sums() takes differences from a+1 on, a >= w0).
 */
static void
make_prefix(struct jl_para *p)
{
	int i, k, w0 = p->gw0;

	p->pre = xcalloc(p->gw1 - w0 + 2, sizeof *p->pre);
	for (i = w0 + 2; i <= p->gw1; i++) {
		const struct jl_glue *g = &G(p, i - 1);
		struct jl_prefix *d = &PRE(p, i);

		*d = PRE(p, i - 1);
		d->w += p->c[i - 1].w;
		d->mid += g->mid;
		for (k = 0; k < SH_N; k++)
			d->shrink[k] += g->shrink[k];
		d->st_sp += g->stretch_sp;
		d->st_jl += g->stretch_jl;
		d->nist += p->c[i - 1].istretch;
	}
}

static double
avail(const struct jl_para *p, int a)
{
	return p->st.width - p->st.left_indent - (a == 0 ? p->st.first_indent : 0);
}

static int
is_last(const struct jl_para *p, int b)
{
	return b >= p->n || p->c[b].brk == BRK_FORCED;
}

/* While breaking: a line ending at b is set as a last line (the window's
 * end is one: its lines are not kept, unless it is the paragraph's end). */
static int
is_end(const struct jl_para *p, int b)
{
	return b >= p->wend || p->c[b].brk == BRK_FORCED;
}

/* Badness-based demerits of line [a, b), or INF when it cannot be set. */
static double
line_cost(const struct jl_para *p, int a, int b, double *minw)
{
	struct linesum s;
	double av = avail(p, a), tsh = 0, bad, em;
	int k;

	line_sums(p, a, b, &s);
	for (k = 0; k < SH_N; k++)
		tsh += s.shrink[k];
	*minw = s.nat - tsh;
	em = p->c[a < p->n ? a : 0].em;
	if (s.nat > av + 1e-9) {
		double need = s.nat - av, r;

		if (need > tsh + 1e-9)
			return INF;
		double pre = tsh - s.shrink[SH_JL] - s.shrink[SH_LINEEND];

		r = need / tsh;
		bad = 20 * r * r * r;
		if (need > pre + 1e-9 && s.shrink[SH_JL] > 0) {
			/* J-L gaps below 1/4 em show: only when it must */
			double f = (need - pre) / s.shrink[SH_JL];
			bad += 40 * (f < 1 ? f : 1);
		}
		if (need > tsh - s.shrink[SH_LINEEND] + 1e-9)
			bad += 200; /* the line-end aki must give way */
	} else if (is_end(p, b)) {
		/* a last line of one or two characters is ugly (JLReq 3.1.7 note) */
		bad = s.nat < 2.01 * em && b == p->n && a > 0 ? 60 : 0;
	} else if (p->st.align != JL_JUSTIFY) {
		double r = (av - s.nat) / (av > 0 ? av : 1);
		bad = 100 * r * r;
	} else {
		double need = av - s.nat, cap = s.st_sp + s.st_jl;

		if (need <= cap + 1e-9) {
			double r = cap > 0 ? need / cap : 0;
			bad = 30 * r * r * r;
		} else if (s.nist > 0) {
			double e = (need - cap) / s.nist, r = e / (0.15 * em);
			bad = (cap > 0 ? 30 : 0) + 100 * r * r * r;
		} else if (cap > 0) {
			double r = need / cap; /* Latin text: spaces go beyond 1/2 em */
			bad = 30 * r * r * r;
		} else {
			bad = 1e5;
		}
	}
	if (bad > 1e6)
		bad = 1e6;
	bad = (10 + bad) * (10 + bad);
	if (b < p->wend && p->c[b].brk == BRK_EMERG)
		bad += 1e8;
	return bad;
}

/*
 * Allows breaks inside unbreakable runs wider than the narrowest measure,
 * in the window [w0, w1] (w0 is a line start, so a run starts there).
 */
static void
mark_emergency(struct jl_para *p, int w0, int w1)
{
	double av = avail(p, 1), av0 = avail(p, 0), w = 0;
	int i, seg = w0;

	if (av0 < av)
		av = av0;
	for (i = w0; i <= w1; i++) {
		if (i == w1 || p->c[i].brk != BRK_NO) {
			if (w > av) {
				int k;
				for (k = seg + 1; k < i; k++)
					if (p->c[k].cls != JC_SPACE && p->c[k].cls != JC_NEWLINE)
						p->c[k].brk = BRK_EMERG;
			}
			if (i == w1)
				break;
			seg = i;
			w = 0;
		}
		w += p->c[i].w + (i > seg ? G(p, i).mid : 0);
	}
}

/*
 * Total fit (Knuth-Plass) of the clusters [w0, w1), w0 a line start, with
 * the glue window made for [w0, w1].  Fills ends[0 .. k) with the ends of
 * the lines, the last being w1, and returns k.  ends holds w1 - w0 + 1.
 */
static int
break_window(struct jl_para *p, int w0, int w1, int *ends)
{
	double *best;
	int *prev, *cand, ncand = 0, i, j, b, e, nl, m = w1 - w0;
	char *skip;
	double av_max;

	p->wend = w1;
	for (i = w0 + 1; i < w1; i++)
		if (p->c[i].brk == BRK_EMERG)
			p->c[i].brk = BRK_NO;
	mark_emergency(p, w0, w1);

	/* where each candidate line ends once its trailing spaces are dropped */
	p->trim = xcalloc(m + 1, sizeof *p->trim);
	TRIM(p, w0) = w0;
	for (b = w0 + 1; b <= w1; b++) {
		int cl = p->c[b - 1].cls;

		TRIM(p, b) =
		    cl == JC_SPACE || cl == JC_NEWLINE || cl == JC_ZWSP ? TRIM(p, b - 1) : b;
	}
	/* best, prev and skip by cluster - w0; cand holds clusters */
	best = xcalloc(m + 1, sizeof *best);
	prev = xcalloc(m + 1, sizeof *prev);
	cand = xcalloc(m + 1, sizeof *cand);
	av_max =
	    p->st.width - p->st.left_indent - (p->st.first_indent < 0 ? p->st.first_indent : 0);
	/* segments between forced breaks that fit on one line need no search */
	skip = xcalloc(m + 1, 1);
	for (i = w0; i < w1; i = e) {
		struct linesum ls;

		for (e = i + 1; e < w1 && p->c[e].brk != BRK_FORCED; e++)
			;
		line_sums(p, i, e, &ls);
		if (ls.nat <= avail(p, i) + 1e-9)
			memset(skip + (i - w0) + 1, 1, e - i - 1);
	}
	cand[ncand++] = w0;
	best[0] = 0;
	for (b = w0 + 1; b <= w1; b++) {
		double bestc = INF, fb = INF, minw;
		int bp = -1, fbp = -1, scanned = 0;

		if (b < w1 && (p->c[b].brk == BRK_NO || skip[b - w0]))
			continue;
		for (j = ncand - 1; j >= 0; j--) {
			int a = cand[j];
			double c;

			if (best[a - w0] >= INF)
				continue;
			/* a line rarely has this many break opportunities;
			 * the cap keeps very wide measures linear */
			if (++scanned > MAX_SCAN && bp >= 0)
				break;
			c = line_cost(p, a, b, &minw);
			if (c < INF) {
				if (best[a - w0] + c < bestc) {
					bestc = best[a - w0] + c;
					bp = a;
				}
			} else if (fbp < 0) {
				/* overfull: only as a last resort */
				fb = best[a - w0] + 1e12 + 1e6 * minw;
				fbp = a;
			}
			if (minw > av_max + 1e-9 && bp >= 0)
				break;
			if (a > 0 && p->c[a].brk == BRK_FORCED)
				break;
		}
		if (bp < 0) {
			bp = fbp;
			bestc = fb;
		}
		best[b - w0] = bestc;
		prev[b - w0] = bp;
		cand[ncand++] = b;
	}

	/* trace back */
	nl = 0;
	for (b = w1; b > w0; b = prev[b - w0])
		nl++;
	for (b = w1, i = nl - 1; b > w0; b = prev[b - w0], i--)
		ends[i] = b;
	free(best);
	free(prev);
	free(cand);
	free(skip);
	free(p->trim);
	p->trim = NULL;
	p->wend = p->n;
	return nl;
}

static void glue_window(struct jl_para *p, int w0, int w1);
static void glue_drop(struct jl_para *p);
static void set_line(struct jl_para *p, int li);

/*
 * Breaks the paragraph and sets its lines, window by window (JL_WINDOW):
 * a window reaching the paragraph's end keeps all its lines; another keeps
 * all but its last two (one if it has two), the next window starting where
 * the kept lines end.  A window that makes a single line is widened.
 */
static void
break_lines(struct jl_para *p)
{
	int w0 = 0, win = jl_win, alloc = 0, *ends = NULL, nends = 0;

	free(p->lines);
	p->lines = NULL;
	p->nlines = 0;
	if (p->n == 0) {
		p->lines = xcalloc(1, sizeof *p->lines);
		p->nlines = 1;
		set_line(p, 0);
		return;
	}
	for (;;) {
		int w1 = p->n - w0 <= win ? p->n : w0 + win, nl, keep, k;

		if (w1 - w0 + 1 > nends) {
			free(ends);
			nends = w1 - w0 + 1;
			ends = xcalloc(nends, sizeof *ends);
		}
		glue_window(p, w0, w1);
		nl = break_window(p, w0, w1, ends);
		keep = w1 == p->n ? nl : nl > 2 ? nl - 2 : nl - 1;
		if (keep < 1) {
			glue_drop(p);
			win *= 2;
			continue;
		}
		if (p->nlines + keep > alloc) {
			alloc = 2 * (p->nlines + keep);
			p->lines = xreallocarray(p->lines, alloc, sizeof *p->lines);
		}
		for (k = 0; k < keep; k++) {
			struct jl_lineinfo *L = &p->lines[p->nlines];

			memset(L, 0, sizeof *L);
			L->a = k == 0 ? w0 : ends[k - 1];
			L->b = ends[k];
			set_line(p, p->nlines++);
		}
		glue_drop(p);
		if (w1 == p->n)
			break;
		w0 = ends[keep - 1];
		win = jl_win;
	}
	free(ends);
	if (alloc > p->nlines)
		p->lines = xreallocarray(p->lines, p->nlines, sizeof *p->lines);
}

/* ---------------------------------------------------------------------- */
/* Justification */

/* Takes `need` out of the shrinkable parts in JLReq order. */
static void
set_line(struct jl_para *p, int li)
{
	struct jl_lineinfo *L = &p->lines[li];
	struct jl_line_info *o = &L->info;
	struct linesum s;
	double av, shf[SH_N] = {0}, spf = 0, jlf = 0, ist = 0, all = 0;
	double x, x0, lead;
	int a = L->a, b = L->b, i, k, last, justify;

	memset(o, 0, sizeof *o);
	o->x = p->st.left_indent + (li == 0 ? p->st.first_indent : 0);
	if (p->n == 0) {
		o->ascent = p->it.base_ascent;
		o->descent = p->it.base_descent;
		return;
	}
	line_sums(p, a, b, &s);
	last = s.last;
	av = avail(p, a);
	justify = p->st.align == JL_JUSTIFY && !is_last(p, b);
	if (s.nat > av) {
		double need = s.nat - av;

		for (k = 0; k < SH_N && need > 1e-12; k++) {
			if (s.shrink[k] <= 0)
				continue;
			if (need >= s.shrink[k]) {
				shf[k] = 1;
				need -= s.shrink[k];
			} else {
				shf[k] = need / s.shrink[k];
				need = 0;
			}
		}
	} else if (justify) {
		double need = av - s.nat;

		if (s.st_sp > 0) {
			spf = need >= s.st_sp ? 1 : need / s.st_sp;
			need -= spf * s.st_sp;
		}
		if (need > 1e-12 && s.st_jl > 0) {
			jlf = need >= s.st_jl ? 1 : need / s.st_jl;
			need -= jlf * s.st_jl;
		}
		if (need > 1e-12) {
			if (s.nist > 0) {
				ist = need / s.nist;
			} else if (s.st_sp + s.st_jl > 0) {
				/* no inter-character position: spaces and gaps
				 * take the rest in proportion */
				double f = need / (s.st_sp + s.st_jl);
				spf += f;
				jlf += f;
			} else if (s.nall > 0) {
				all = need / s.nall;
			}
		}
	}

	x0 = x = o->x;
	lead = G(p, a).open;
	x += lead;
	for (i = a; i < b; i++) {
		struct jl_cluster *c = &p->c[i];
		double gap = 0;

		c->x = x;
		c->line = li;
		if (i >= last) {
			c->adv = 0;
			continue;
		}
		if (i + 1 < last) {
			const struct jl_glue *g = &G(p, i + 1);

			gap = g->mid + g->stretch_sp * spf + g->stretch_jl * jlf +
			      (p->c[i + 1].istretch ? ist : 0) + all;
			for (k = 0; k < SH_N; k++)
				gap -= g->shrink[k] * shf[k];
		} else {
			gap = G(p, last).end * (1 - shf[SH_LINEEND]);
		}
		c->adv = c->w + gap;
		x += c->adv;
	}
	o->start = p->c[a].start;
	o->end = p->c[b - 1].end;
	o->width = x - x0;
	if (justify && fabs(x - x0 - av) < 1e-6)
		o->width = av;
	/* alignment of ragged lines */
	if (!justify && p->st.align != JL_LEFT && p->st.align != JL_JUSTIFY) {
		double d = av - o->width;

		if (p->st.align == JL_CENTER)
			d /= 2;
		o->x += d;
		for (i = a; i < b; i++)
			p->c[i].x += d;
	}
	for (i = a; i < b; i++) {
		int it = p->c[i].item;
		double asc = p->it.ascent[it] + p->it.rise[it];
		double desc = p->it.descent[it] - p->it.rise[it];

		if (asc > o->ascent)
			o->ascent = asc;
		if (desc > o->descent)
			o->descent = desc;
	}
	if (o->ascent == 0 && o->descent == 0) {
		o->ascent = p->it.base_ascent;
		o->descent = p->it.base_descent;
	}
}

/*
 * The glue and prefix arrays (~170 bytes a cluster) are needed only to
 * break and set lines, and only for one window of clusters at a time
 * (JL_WINDOW): made for [w0, w1] from the clusters (make_glue() is
 * idempotent on them) and dropped once that window's lines are set.
 * Kept for the whole paragraph, they were half of render's memory on the
 * FY2014 report and 340 MB for one paragraph of 2,000,000 characters.
 */
static void
glue_window(struct jl_para *p, int w0, int w1)
{
	make_glue(p, w0, w1);
	make_prefix(p);
}

static void
glue_drop(struct jl_para *p)
{
	free(p->g);
	free(p->pre);
	p->g = NULL;
	p->pre = NULL;
}

/* Lines from known starts (jl_para_new_shaped); 0 when they do not fit. */
static int
hinted_lines(struct jl_para *p)
{
	int i, k = 0, *at;

	if (p->hint == NULL || p->n == 0)
		return 0;
	at = xcalloc(p->nhint + 2, sizeof *at);
	for (i = 0; i < p->n && k < p->nhint; i++)
		if (i > 0 && p->c[i].start == p->hint[k])
			at[++k] = i;
	if (k != p->nhint) {
		free(at);
		return 0;
	}
	at[++k] = p->n;
	free(p->lines);
	p->nlines = k;
	p->lines = xcalloc(k, sizeof *p->lines);
	for (i = 0; i < k; i++) {
		p->lines[i].a = at[i];
		p->lines[i].b = at[i + 1];
	}
	free(at);
	return 1;
}

/* Sets known lines, as many at a time as a window of clusters holds. */
static void
set_lines(struct jl_para *p)
{
	int i0, i1, i;

	for (i0 = 0; i0 < p->nlines; i0 = i1) {
		for (i1 = i0 + 1; i1 < p->nlines && p->lines[i1].b - p->lines[i0].a <= jl_win; i1++)
			;
		glue_window(p, p->lines[i0].a, p->lines[i1 - 1].b);
		for (i = i0; i < i1; i++)
			set_line(p, i);
		glue_drop(p);
	}
}

static void
layout(struct jl_para *p)
{
	if (hinted_lines(p))
		set_lines(p);
	else
		break_lines(p);
	p->hint = NULL;
}

/* ---------------------------------------------------------------------- */
/* Public API */

struct jl_para *
jl_para_new(PangoContext *ctx, const char *text, int len, PangoAttrList *attrs,
            const PangoFontDescription *font, const struct jl_style *st)
{
	return jl_para_new_shaped(ctx, text, len, attrs, font, st, NULL, 0, NULL);
}

int
jl_para_breaks(const struct jl_para *p, int *starts, int max)
{
	int i;

	for (i = 1; i < p->nlines; i++)
		if (i - 1 < max)
			starts[i - 1] = p->lines[i].info.start;
	return p->nlines;
}

/* The text as the paragraph keeps it: copied, cut at a NUL, made valid. */
static void
para_text(struct jl_para *p, const char *text, int len)
{
	if (text == NULL)
		text = "";
	if (len < 0)
		len = strlen(text);
	p->text = xstrndup(text, len);
	p->len = strlen(p->text); /* an embedded NUL ends the text */
	if (!g_utf8_validate(p->text, p->len, NULL)) {
		/* not UTF-8 as promised: U+FFFD for each bad byte (indices shift) */
		char *v = g_utf8_make_valid(p->text, p->len);

		free(p->text);
		p->text = xstrdup(v);
		g_free(v);
		p->len = strlen(p->text);
	}
}

/* The shaped items of a paragraph, without its clusters and lines. */
struct jl_shaping {
	char *text;
	int len;
	struct jl_items it;
};

static void
items_release(struct jl_items *it)
{
	int i;

	for (i = 0; i < it->nitems; i++) {
		pango_glyph_string_free(it->glyphv[i]);
		pango_item_free(it->itemv[i]);
	}
	free(it->itemv);
	free(it->glyphv);
	free(it->ascent);
	free(it->descent);
	free(it->rise);
	free(it->em);
}

static float *
dup_floats(const float *v, int n)
{
	float *r = xcalloc(n + 1, sizeof *r);

	memcpy(r, v, n * sizeof *r);
	return r;
}

size_t
jl_para_shaping_size(const struct jl_para *p)
{
	size_t b = sizeof(struct jl_shaping) + p->len + 1 +
	           (p->it.nitems + 1) * (2 * sizeof(void *) + 4 * sizeof(float));
	int i;

	for (i = 0; i < p->it.nitems; i++)
		b += sizeof(PangoItem) + sizeof(PangoGlyphString) +
		     (size_t)p->it.glyphv[i]->num_glyphs * (sizeof(PangoGlyphInfo) + sizeof(int));
	return b;
}

struct jl_shaping *
jl_para_shaping(const struct jl_para *p)
{
	struct jl_shaping *s = xcalloc(1, sizeof *s);
	int i;

	s->text = xstrndup(p->text, p->len);
	s->len = p->len;
	s->it = p->it;
	s->it.itemv = xcalloc(p->it.nitems + 1, sizeof *s->it.itemv);
	s->it.glyphv = xcalloc(p->it.nitems + 1, sizeof *s->it.glyphv);
	for (i = 0; i < p->it.nitems; i++) {
		s->it.itemv[i] = pango_item_copy(p->it.itemv[i]);
		s->it.glyphv[i] = pango_glyph_string_copy(p->it.glyphv[i]);
	}
	s->it.ascent = dup_floats(p->it.ascent, p->it.nitems);
	s->it.descent = dup_floats(p->it.descent, p->it.nitems);
	s->it.rise = dup_floats(p->it.rise, p->it.nitems);
	s->it.em = dup_floats(p->it.em, p->it.nitems);
	return s;
}

void
jl_shaping_free(struct jl_shaping *s)
{
	if (s == NULL)
		return;
	items_release(&s->it);
	free(s->text);
	free(s);
}

/* The ranges of `attrs` that allow no line break (issue 15). */
static void
keep_ranges(struct jl_para *p, PangoAttrList *attrs)
{
	PangoAttrIterator *it;

	if (attrs == NULL)
		return;
	it = pango_attr_list_get_iterator(attrs);
	do {
		PangoAttrInt *a =
		    (PangoAttrInt *)pango_attr_iterator_get(it, PANGO_ATTR_ALLOW_BREAKS);

		if (a && !a->value && a->attr.end_index > a->attr.start_index) {
			int s = (int)a->attr.start_index, e = (int)a->attr.end_index;

			if (p->nkeep > 0 && p->keep[2 * p->nkeep - 2] == s)
				continue; /* the same attribute, seen from a later range */
			p->keep = xreallocarray(p->keep, (size_t)p->nkeep + 1, 2 * sizeof(int));
			p->keep[2 * p->nkeep] = s;
			p->keep[2 * p->nkeep + 1] = e > p->len ? p->len : e;
			p->nkeep++;
		}
	} while (pango_attr_iterator_next(it));
	pango_attr_iterator_destroy(it);
}

struct jl_para *
jl_para_new_shaped(PangoContext *ctx, const char *text, int len, PangoAttrList *attrs,
                   const PangoFontDescription *font, const struct jl_style *st, const int *starts,
                   int n, struct jl_shaping *s)
{
	struct jl_para *p;

	p = xcalloc(1, sizeof *p);
	p->ctx = g_object_ref(ctx);
	para_text(p, text, len);
	p->st = *st;
	if (s && s->len == p->len && memcmp(s->text, p->text, p->len) == 0) {
		p->it = s->it; /* the items move to p */
		free(s->text);
		free(s);
	} else {
		jl_shaping_free(s);
		shape(p, attrs, font);
	}
	keep_ranges(p, attrs);
	make_clusters(p);
	classify_clusters(p);
	p->hint = starts;
	p->nhint = starts ? n : 0;
	layout(p);
	return p;
}

void
jl_para_free(struct jl_para *p)
{
	if (p == NULL)
		return;
	items_release(&p->it);
	g_object_unref(p->ctx);
	free(p->keep);
	free(p->c);
	free(p->g);
	free(p->pre);
	free(p->lines);
	free(p->text);
	free(p);
}

int
jl_set_window(int clusters)
{
	int old = jl_win;

	jl_win = clusters > 0 ? clusters : JL_WINDOW;
	return old;
}

void
jl_para_set_id(struct jl_para *p, int id)
{
	p->id = id;
}

int
jl_para_id(const struct jl_para *p)
{
	return p->id;
}

const struct jl_style *
jl_para_style(const struct jl_para *p)
{
	return &p->st;
}

const char *
jl_para_text(const struct jl_para *p)
{
	return p->text;
}

int
jl_para_line_is_last(const struct jl_para *p, int i)
{
	return p->n == 0 || is_last(p, p->lines[i].b);
}

int
jl_para_line_count(const struct jl_para *p)
{
	return p->nlines;
}

void
jl_para_line_info(const struct jl_para *p, int i, struct jl_line_info *out)
{
	*out = p->lines[i].info;
}

double
jl_para_natural_width(const struct jl_para *cp)
{
	struct jl_para *p = (struct jl_para *)cp; /* glue made and dropped */
	double w = 0, acc = 0, acc_last = 0;
	int i, a = 0, w0, w1;

	/*
	 * The widest forced-break segment [a, b), set naturally, summed as
	 * line_sums() does, window by window: the opening aki at a, widths
	 * and glues up to the last cluster that is not a trailing space, and
	 * the aki kept after it (acc_last includes that aki).
	 */
	for (w0 = 0; w0 < p->n; w0 = w1) {
		w1 = p->n - w0 <= jl_win ? p->n : w0 + jl_win;
		glue_window(p, w0, w1);
		for (i = w0; i < w1; i++) {
			int cl = p->c[i].cls;

			if (i > 0 && p->c[i].brk == BRK_FORCED) {
				if (acc_last > w)
					w = acc_last;
				a = i;
			}
			if (i == a) {
				acc = G(p, i).open + p->c[i].w;
				acc_last = G(p, i).open;
			} else {
				acc += G(p, i).mid + p->c[i].w;
			}
			if (cl != JC_SPACE && cl != JC_NEWLINE && cl != JC_ZWSP)
				acc_last = acc + G(p, i + 1).end;
		}
		glue_drop(p);
	}
	return acc_last > w ? acc_last : w;
}

double
jl_para_min_width(const struct jl_para *cp)
{
	struct jl_para *p = (struct jl_para *)cp; /* glue made and dropped */
	double w = 0, seg = 0;
	int i, w0, w1;

	for (w0 = 0; w0 < p->n; w0 = w1) {
		w1 = p->n - w0 <= jl_win ? p->n : w0 + jl_win;
		glue_window(p, w0, w1);
		for (i = w0; i < w1; i++) {
			if (i > 0 && p->c[i].brk != BRK_NO && p->c[i].brk != BRK_EMERG)
				seg = 0;
			else if (i > 0)
				seg += G(p, i).mid;
			if (p->c[i].cls != JC_SPACE && p->c[i].cls != JC_NEWLINE)
				seg += p->c[i].w;
			if (seg > w)
				w = seg;
		}
		glue_drop(p);
	}
	return w;
}

/* Foreground colour of an item, as 0xRRGGBB, or -1 for the current source. */
static long
item_color(const PangoItem *it)
{
	GSList *l;

	for (l = it->analysis.extra_attrs; l; l = l->next) {
		PangoAttribute *a = l->data;
		if (a->klass->type == PANGO_ATTR_FOREGROUND) {
			PangoColor *c = &((PangoAttrColor *)a)->color;
			return ((long)(c->red >> 8) << 16) | ((c->green >> 8) << 8) |
			       (c->blue >> 8);
		}
	}
	return -1;
}

/* May clusters of items i and j be drawn as one glyph item? */
static int
same_look(const struct jl_para *p, int i, int j)
{
	return i == j || (p->it.itemv[i]->analysis.font == p->it.itemv[j]->analysis.font &&
	                  p->it.rise[i] == p->it.rise[j] &&
	                  item_color(p->it.itemv[i]) == item_color(p->it.itemv[j]));
}

/*
 * Draws clusters [a, b), all of one look, as one glyph item.
 *
 * Text extraction (poppler) starts a new word where the gap between two
 * glyph boxes exceeds 0.1 em or they overlap by more than 0.3 em, and
 * writes a space between words.  Our J-L gaps, squeezed punctuation and
 * half-width brackets do just that, so such neighbours are drawn as one
 * cluster: cairo then wraps them in an ActualText span, which poppler
 * reads as the original characters spread over the span.
 */
static void
draw_run(const struct jl_para *p, int a, int b, cairo_t *cr, double x, double baseline)
{
	const struct jl_cluster *ca = &p->c[a], *cl = &p->c[b - 1];
	PangoItem *it;
	PangoGlyphString *gs;
	PangoGlyphItem gi;
	int i, j, ng = 0, span = 0;
	double pos0 = ca->x, prev_end = 0;
	long color;

	it = pango_item_copy(p->it.itemv[ca->item]);
	it->offset = ca->start;
	it->length = cl->end - ca->start;
	it->num_chars = g_utf8_strlen(p->text + ca->start, it->length);
	gs = pango_glyph_string_new();
	for (i = a; i < b; i++)
		ng += p->c[i].g1 - p->c[i].g0;
	pango_glyph_string_set_size(gs, ng);
	ng = 0;
	for (i = a; i < b; i++) {
		const struct jl_cluster *c = &p->c[i];
		const PangoItem *src = p->it.itemv[c->item];
		const PangoGlyphString *sg = p->it.glyphv[c->item];
		/* widths realizing the computed positions, rounded without drift */
		int u0 = (int)lround((c->x - pos0) * PANGO_SCALE);
		int u1 = (int)lround((c->x + c->adv - pos0) * PANGO_SCALE);
		int used = 0, merge = 0;
		double box0 = c->x + c->xoff;

		if (i > a) {
			double d = box0 - prev_end;
			merge = d > 0.05 * c->em || d < -0.15 * c->em;
		}
		if (!merge)
			span = c->start - it->offset;
		prev_end = box0 + c->shaped;
		for (j = c->g0; j < c->g1; j++, ng++) {
			PangoGlyphInfo *g = &gs->glyphs[ng];

			*g = sg->glyphs[j];
			gs->log_clusters[ng] =
			    merge ? span : src->offset + sg->log_clusters[j] - it->offset;
			if (merge)
				g->attr.is_cluster_start = 0;
			if (j == c->g0)
				g->geometry.x_offset += (int)lround(c->xoff * PANGO_SCALE);
			if (c->cls == JC_NEWLINE)
				g->glyph = PANGO_GLYPH_EMPTY;
			if (j + 1 < c->g1)
				used += g->geometry.width;
			else
				g->geometry.width = (u1 - u0) - used;
		}
	}
	gi.item = it;
	gi.glyphs = gs;
	cairo_save(cr);
	color = item_color(p->it.itemv[ca->item]);
	if (color >= 0)
		cairo_set_source_rgb(cr, (color >> 16) / 255.0, ((color >> 8) & 0xff) / 255.0,
		                     (color & 0xff) / 255.0);
	cairo_move_to(cr, x + pos0, baseline - p->it.rise[ca->item]);
	pango_cairo_show_glyph_item(cr, p->text, &gi);
	cairo_restore(cr);
	pango_glyph_string_free(gs);
	pango_item_free(it);
}

void
jl_para_draw_line(const struct jl_para *p, int li, cairo_t *cr, double x, double baseline)
{
	jl_para_draw_line_part(p, li, cr, x, baseline, 0, INT_MAX);
}

void
jl_para_draw_line_part(const struct jl_para *p, int li, cairo_t *cr, double x, double baseline,
                       int start, int end)
{
	const struct jl_lineinfo *L = &p->lines[li];
	int i, s;

	if (p->n == 0)
		return;
#define IN_PART(k) (p->c[k].start >= start && p->c[k].start < end)
	for (s = i = L->a; i <= L->b; i++) {
		if (i == L->b || !same_look(p, p->c[i].item, p->c[s].item) ||
		    IN_PART(i) != IN_PART(s)) {
			if (i > s && IN_PART(s))
				draw_run(p, s, i, cr, x, baseline);
			s = i;
		}
	}
#undef IN_PART
}

int
jl_para_range_extent(const struct jl_para *p, int li, int start, int end, double *x0, double *x1)
{
	const struct jl_lineinfo *L = &p->lines[li];
	int i, found = 0;

	for (i = L->a; i < L->b; i++) {
		const struct jl_cluster *c = &p->c[i];

		if (c->end <= start || c->start >= end)
			continue;
		if (!found) {
			*x0 = c->x;
			found = 1;
		}
		*x1 = c->x + (c->adv < c->w ? c->adv : c->w);
	}
	return found;
}

int
jl_para_char_pos(const struct jl_para *p, int index, int *line, double *x)
{
	int lo = 0, hi = p->n;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (p->c[mid].start < index)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= p->n || p->c[lo].start != index)
		return 0;
	*line = p->c[lo].line;
	*x = p->c[lo].x;
	return 1;
}
