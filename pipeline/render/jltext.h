/*
 * jltext: the paragraph builder.  Pango (HarfBuzz) shapes and measures;
 * this module decides the line breaks and the spacing itself, following
 * JLReq / JIS X 4051 (outputs.md "Typesetting"; issue 4):
 *
 *  - kinsoku: no line starts with 、。，．・：；？！）］｝〕〉》」』】〟ゝゞー々
 *    ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ and no line ends with
 *    （［｛〔〈《「『【〝; Latin words and numbers are not split; a line is
 *    never overfull (an unbreakable run longer than the measure is the one
 *    exception, and is then broken between characters);
 *  - punctuation: 、。」） etc. are a half-em glyph plus a half-em space that
 *    may shrink; adjacent punctuation collapses to one half-em gap;
 *  - a quarter-em gap between kana/kanji and Latin letters or digits
 *    (shrink to 1/8 em, stretch to 1/2 em);
 *  - justification: all lines but the last flush on both edges, shrink
 *    before stretch in JLReq's order, inter-character stretch last;
 *  - first-line indent and hanging indents from the style.
 *
 * Layout (this file) never draws except in jl_para_draw_line(); a paragraph
 * can be built, measured and thrown away to fit text into a box.
 */
#ifndef JLTEXT_H
#define JLTEXT_H

#include <cairo.h>
#include <pango/pango.h>

enum jl_align { JL_JUSTIFY, JL_LEFT, JL_CENTER, JL_RIGHT };

struct jl_style {
	double width;        /* the measure: distance between the text
					 * block's left and right edges, pt */
	double first_indent; /* added to left_indent on the first line (1em
					 * for body text; negative for hanging labels) */
	double left_indent;  /* indent of every line from the left edge */
	double line_height;  /* baseline-to-baseline distance, pt */
	enum jl_align align;
};

struct jl_line_info {
	int start, end; /* byte range of `text` set on this line */
	double x;       /* left edge of the first glyph, from the block's left */
	double width;   /* set width of the line (after justification) */
	double ascent;  /* above the baseline, largest on the line, pt */
	double descent; /* below the baseline, pt (positive) */
};

struct jl_para;

/*
 * Builds a paragraph.  `text` is UTF-8 (len bytes, or -1 for NUL-terminated)
 * and is copied.  `attrs` (may be NULL; not taken) sets fonts, sizes, weight
 * and rise over byte ranges on top of `font`.  `ctx` is a PangoContext of a
 * PangoCairo font map; the paragraph keeps a reference.
 * Returns a new paragraph; free with jl_para_free().  Never NULL.
 */
struct jl_para *jl_para_new(PangoContext *ctx, const char *text, int len, PangoAttrList *attrs,
                            const PangoFontDescription *font, const struct jl_style *st);
void jl_para_free(struct jl_para *p);

/*
 * The shaping of a paragraph (pango items and glyph strings, per-item
 * metrics), kept apart from its lines so that a second layout pass can set
 * the same text again without itemizing and shaping it (docs/render.md
 * "Streaming").  jl_para_shaping() returns a deep copy owned by the caller:
 * free it with jl_shaping_free() (NULL is fine) or hand it to
 * jl_para_new_shaped().
 */
struct jl_shaping;
struct jl_shaping *jl_para_shaping(const struct jl_para *p);
/* An estimate of the heap size of jl_para_shaping(p), without making it. */
size_t jl_para_shaping_size(const struct jl_para *p);
void jl_shaping_free(struct jl_shaping *s);

/*
 * jl_para_new() for a paragraph whose lines are known (a second layout
 * pass).  `starts` (may be NULL) holds the byte offsets where lines
 * 1..n-1 begin, as jl_para_breaks() gave them for the same text,
 * attributes, font and style: the breaker is skipped; starts that do not
 * fall on cluster boundaries are ignored and the paragraph is broken as
 * usual.  Takes ownership of `s` (may be NULL), a jl_para_shaping() of a
 * paragraph made with the same text, attributes and font: its items are
 * used instead of shaping again when its text is the same bytes;
 * otherwise it is freed and the text shaped as usual.
 */
struct jl_para *jl_para_new_shaped(PangoContext *ctx, const char *text, int len,
                                   PangoAttrList *attrs, const PangoFontDescription *font,
                                   const struct jl_style *st, const int *starts, int n,
                                   struct jl_shaping *s);

/*
 * Fills starts[0 .. max) with the byte offsets where lines 1, 2, … begin
 * and returns the number of lines (which may exceed max).
 */
int jl_para_breaks(const struct jl_para *p, int *starts, int max);

/*
 * The width the paragraph needs to be set without breaks other than
 * forced ones (the widest such segment, natural spacing), and the widest
 * unbreakable run (the narrowest measure that avoids emergency breaks).
 * Both in pt, for sizing table columns.
 */
double jl_para_natural_width(const struct jl_para *p);
double jl_para_min_width(const struct jl_para *p);

/*
 * A number the caller attaches to the paragraph (layout: its index in the
 * document, for render --lines); 0 until set.
 */
void jl_para_set_id(struct jl_para *p, int id);
int jl_para_id(const struct jl_para *p);

/* The style the paragraph is set in, and its (repaired) text; valid until freed. */
const struct jl_style *jl_para_style(const struct jl_para *p);
const char *jl_para_text(const struct jl_para *p);

/*
 * Whether line i is set as a last line (not justified): the paragraph's
 * final line, or a line ending at a forced break.
 */
int jl_para_line_is_last(const struct jl_para *p, int i);

/* Number of lines (at least 1, also for empty text). */
int jl_para_line_count(const struct jl_para *p);
/* Fills `out` with line i's range and metrics (0 <= i < line count). */
void jl_para_line_info(const struct jl_para *p, int i, struct jl_line_info *out);

/*
 * Draws line i, the block's left edge at `x`, baseline at `baseline`, in
 * the current source colour.  Glyphs are emitted with their text clusters
 * (pango_cairo_show_glyph_item), so pdftotext reads the text back.
 */
void jl_para_draw_line(const struct jl_para *p, int i, cairo_t *cr, double x, double baseline);
/* Only the characters of line i that begin in the bytes [start, end) of
 * the text (a footnote mark in its own tag), where the whole line puts them. */
void jl_para_draw_line_part(const struct jl_para *p, int i, cairo_t *cr, double x, double baseline,
                            int start, int end);

/*
 * Horizontal extent on line i of the bytes [start, end) of the text, from
 * the block's left edge (for link rectangles).  Returns 1 and sets x0, x1
 * when the range has glyphs on that line, 0 otherwise.
 */
int jl_para_range_extent(const struct jl_para *p, int i, int start, int end, double *x0,
                         double *x1);

/*
 * For tests: the x position (from the block's left edge) of the glyph
 * cluster that starts at byte `index`, and its line; returns 0 if `index`
 * does not start a cluster.
 */
int jl_para_char_pos(const struct jl_para *p, int index, int *line, double *x);

/*
 * Frees the module's cache of shaped runs and font metrics (it holds
 * references on fonts): call once from main() before the font map goes,
 * or never; the cache is bounded either way.
 */
void jl_cache_free(void);

/*
 * For tests: sets the clusters a window of the line breaker spans (0: the
 * default, 16384) and returns the previous setting.  A paragraph up to a
 * window long is broken as one total fit; a longer one window by window
 * (docs/jltext.md "Windows").
 */
int jl_set_window(int clusters);

/*
 * For tests: the number of entries of the kinsoku class table that are
 * out of code-point order (its binary search needs them sorted); 0 if none.
 */
int jl_classify_check(void);

#endif
